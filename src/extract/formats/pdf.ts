/**
 * PDF text layer: unpdf's bundled pdf.js, `getTextContent()` items with their positions, rebuilt into lines by
 * `layout/`. Stream-order text is not enough (column-major producers score 0 %: extraction.md §2.1). CJK fonts
 * without ToUnicode need the Adobe CMaps, taken from pdfjs-dist's `cmaps/` folder.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { linesFromItems, linesToText } from '../layout/lines.ts';
import { directionOf, uprightItems, type OrientedRun, type PageSize } from '../layout/upright.ts';
import { hasCjk } from '../text.ts';
import { horizontalStrokes, withoutStruck } from './pdf-strikes.ts';
import type { Extracted } from '../types.ts';

// pdf.js's operator list moves buffers with ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21); on Node 20
// the page's drawing is lost without it. A copy does the same.
if (!('transferToFixedLength' in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length?: number) {
      const n = new ArrayBuffer(length ?? this.byteLength);
      new Uint8Array(n).set(new Uint8Array(this, 0, Math.min(n.byteLength, this.byteLength)));
      return n;
    },
  });
}

const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = path.join(pdfjsDir, 'cmaps') + path.sep;
const FONT_URL = path.join(pdfjsDir, 'standard_fonts') + path.sep;

export interface PdfLimits {
  /** Pages read at most; longer documents are cut (a report has 3–20). Default 200. */
  maxPages: number;
  /** Text items read at most over the whole document (a guard against pathological pages). Default 500 000. */
  maxItems: number;
}
export const PDF_LIMITS: PdfLimits = { maxPages: 200, maxItems: 500_000 };

/** Raised for documents that need a password: the status is `failed` with reason `encrypted`. */
export class PdfEncryptedError extends Error {
  constructor() {
    super('encrypted');
    this.name = 'PdfEncryptedError';
  }
}

export interface PdfExtracted extends Extracted {
  pages: number;
  /** True when the text layer is missing or not Chinese text (scan, broken font): send to OCR. */
  needsOcr: boolean;
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfExtracted> {
  let doc;
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: FONT_URL,
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
    });
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') throw new PdfEncryptedError();
    throw err;
  }
  try {
    const runs: OrientedRun[] = [];
    const sizes: PageSize[] = [];
    const count = Math.min(doc.numPages, limits.maxPages);
    for (let p = 1; p <= count; p++) {
      const page = await doc.getPage(p);
      const vp = page.getViewport({ scale: 1 });
      sizes.push({ page: p, width: vp.width, height: vp.height });
      const content = await page.getTextContent();
      // Struck-out text (tracked changes exported with their markup) is left out: see pdf-strikes.ts. A page without
      // text (a scan) is not drawn at all.
      const hasText = content.items.some((it) => 'str' in it && it.str.trim() !== '');
      const strokes = hasText ? horizontalStrokes(await page.getOperatorList(), vp.transform) : [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        // Device space: viewport.transform × text matrix gives x right, y down, honouring /Rotate.
        const [a, b, c, d, e, f] = multiply(vp.transform, it.transform as number[]);
        const h = Math.hypot(c, d) || Math.hypot(a, b);
        const w = it.width * Math.hypot(vp.transform[0]!, vp.transform[1]!);
        // A page whose text runs turned (a landscape table laid on portrait paper) is turned back (layout/upright.ts).
        const run = withoutStruck({ text: it.str, page: p, x: e, y: f, dir: directionOf(a, b), w, h }, strokes);
        if (run) runs.push(run);
        if (runs.length > limits.maxItems) throw new Error(`more than ${limits.maxItems} text items`);
      }
      page.cleanup();
    }
    const { items, pages } = uprightItems(runs, sizes);
    const lines = linesFromItems(items, pages);
    const text = linesToText(lines);
    return { text, lines, pages: doc.numPages, needsOcr: lacksText(text, count) };
  } finally {
    await doc.destroy();
  }
}

/** Less than ~40 CJK characters per page, or mostly non-CJK letters, means the text layer is not the report. */
function lacksText(text: string, pages: number): boolean {
  const chars = [...text.replace(/\s/g, '')];
  const cjk = chars.filter((ch) => hasCjk(ch)).length;
  return cjk < 40 * Math.max(1, Math.min(pages, 3)) || cjk / Math.max(1, chars.length) < 0.3;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: number[], n: number[]): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = n as [number, number, number, number, number, number];
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}
