/**
 * OFD (GB/T 33190): a zip of XML. OFD.xml → DocRoot → Document.xml → pages (and their template pages) →
 * TextObject/TextCode with absolute positions in mm, then the same line rebuild as PDF (extraction.md §2.6).
 * Written against the spec and synthetic samples only: CTM is applied (a page whose glyphs a CTM turns by 90° is
 * turned back, layout/upright.ts), DeltaY (vertical text) and CGTransform glyph mapping are not handled, signatures
 * and annotations are ignored.
 */
import path from 'node:path/posix';
import { SaxesParser } from 'saxes';
import { linesFromItems, linesToText } from '../layout/lines.ts';
import { directionOf, uprightItems, type OrientedRun, type PageSize } from '../layout/upright.ts';
import type { Extracted } from '../types.ts';
import { unzipSelected, utf8 } from '../zip.ts';

export interface OfdExtracted extends Extracted {
  pages: number;
  /** Pages carry images but no text: an image-only OFD (a scan), which needs OCR. */
  needsOcr: boolean;
}

export function readOfd(bytes: Uint8Array): OfdExtracted {
  const parts = unzipSelected(bytes, (n) => n.toLowerCase().endsWith('.xml'));
  const get = (p: string) => {
    const b = parts.get(p.replace(/^\//, ''));
    return b ? utf8(b) : undefined;
  };
  const ofd = get('OFD.xml');
  if (!ofd) throw new Error('OFD.xml is missing');
  const docRoot = /<(?:\w+:)?DocRoot>\s*([^<]+?)\s*<\//.exec(ofd)?.[1];
  if (!docRoot) throw new Error('OFD DocRoot is missing');
  const docDir = path.dirname(docRoot.replace(/^\//, ''));
  const document = get(docRoot);
  if (!document) throw new Error(`OFD ${docRoot} is missing`);
  const resolve = (loc: string) => (loc.startsWith('/') ? loc.slice(1) : path.join(docDir, loc));

  const defaultBox = box(/<(?:\w+:)?PageArea>[\s\S]*?<(?:\w+:)?PhysicalBox>([^<]+)</.exec(document)?.[1]) ?? [0, 0, 210, 297];
  const templates = new Map<string, string>();
  for (const m of document.matchAll(/<(?:\w+:)?TemplatePage\b([^>]*)\/?>/g)) {
    const id = /\bID="([^"]+)"/.exec(m[1]!)?.[1];
    const loc = /\bBaseLoc="([^"]+)"/.exec(m[1]!)?.[1];
    if (id && loc) templates.set(id, resolve(loc));
  }
  const pageLocs = [...document.matchAll(/<(?:\w+:)?Page\b[^>]*\bBaseLoc="([^"]+)"/g)].map((m) => resolve(m[1]!));

  const runs: OrientedRun[] = [];
  const sizes: PageSize[] = [];
  let images = 0;
  pageLocs.forEach((loc, i) => {
    const content = get(loc);
    if (!content) return;
    const page = i + 1;
    const pageBox = box(/<(?:\w+:)?PhysicalBox>([^<]+)</.exec(content)?.[1]) ?? defaultBox;
    sizes.push({ page, width: pageBox[2], height: pageBox[3] });
    for (const m of content.matchAll(/<(?:\w+:)?Template\b[^>]*\bTemplateID="([^"]+)"/g)) {
      const tpl = templates.get(m[1]!);
      const xml = tpl && get(tpl);
      if (xml) images += readContent(xml, page, runs);
    }
    images += readContent(content, page, runs);
  });
  const { items, pages } = uprightItems(runs, sizes);
  const lines = linesFromItems(items, pages);
  const text = linesToText(lines);
  return { text, lines, pages: pages.length, needsOcr: text.replace(/\s/g, '').length < 20 && images > 0 };
}

function box(s: string | undefined): [number, number, number, number] | undefined {
  const n = s?.trim().split(/\s+/).map(Number);
  return n && n.length === 4 && n.every(Number.isFinite) ? (n as [number, number, number, number]) : undefined;
}

/** Reads the TextObjects of one content XML into runs (mm, y down); returns the number of ImageObjects. */
function readContent(xml: string, page: number, out: OrientedRun[]): number {
  const parser = new SaxesParser();
  let images = 0;
  let obj: { bx: number; by: number; size: number; ctm?: number[] } | undefined;
  let code: { x: number; y: number; dx: number[] } | undefined;
  let text = '';
  let lastX = 0;
  let lastY = 0;
  parser.on('opentag', (tag) => {
    const local = tag.name.replace(/^\w+:/, '');
    const attr = (k: string) => tag.attributes[k] as string | undefined;
    if (local === 'ImageObject') images++;
    else if (local === 'TextObject') {
      const b = box(attr('Boundary')) ?? [0, 0, 0, 0];
      const ctm = attr('CTM')?.trim().split(/\s+/).map(Number);
      obj = { bx: b[0], by: b[1], size: Number(attr('Size') ?? 3.5) || 3.5, ctm: ctm?.length === 6 ? ctm : undefined };
    } else if (local === 'TextCode' && obj) {
      const x = attr('X') !== undefined ? Number(attr('X')) : lastX;
      const y = attr('Y') !== undefined ? Number(attr('Y')) : lastY;
      code = { x, y, dx: deltas(attr('DeltaX')) };
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (code) text += t;
  });
  parser.on('closetag', (tag) => {
    const local = tag.name.replace(/^\w+:/, '');
    if (local === 'TextCode' && obj && code) {
      emitRuns(obj, code, text, page, out);
      lastX = code.x;
      lastY = code.y;
      code = undefined;
    } else if (local === 'TextObject') obj = undefined;
  });
  parser.write(xml).close();
  return images;
}

/** DeltaX: numbers, where `g N v` stands for N copies of v. */
function deltas(s: string | undefined): number[] {
  if (!s) return [];
  const t = s.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      const v = Number(t[i + 2]);
      for (let k = 0; k < n && k < 100_000; k++) out.push(v);
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
}

/** Splits a TextCode where the glyph advance is a wide gap (cells drawn by one code) and emits page-space items. */
function emitRuns(obj: { bx: number; by: number; size: number; ctm?: number[] }, code: { x: number; y: number; dx: number[] }, text: string, page: number, out: OrientedRun[]) {
  const glyphs = [...text];
  const [a, b, c, d, e, f] = obj.ctm ?? [1, 0, 0, 1, 0, 0];
  const scale = Math.sqrt(Math.abs(a! * d! - b! * c!)) || 1;
  const size = obj.size * scale;
  const point = (x: number, y: number) => ({ x: obj.bx + a! * x + c! * y + e!, y: obj.by + b! * x + d! * y + f! });
  let x = code.x;
  let run = '';
  let runStart = x;
  const flush = (end: number) => {
    if (run.trim() !== '') {
      const p0 = point(runStart, code.y);
      const p1 = point(end, code.y);
      out.push({ text: run, page, x: p0.x, y: p0.y, dir: directionOf(p1.x - p0.x, p1.y - p0.y), w: Math.hypot(p1.x - p0.x, p1.y - p0.y), h: size });
    }
    run = '';
  };
  glyphs.forEach((g, i) => {
    const adv = code.dx[i] ?? (/[\x00-\x7f]/.test(g) ? obj.size * 0.5 : obj.size);
    if (run === '') runStart = x;
    run += g;
    const last = i === glyphs.length - 1;
    const glyphWidth = /[\x00-\x7f]/.test(g) ? obj.size * 0.5 : obj.size;
    if (last || adv > obj.size * 1.6) flush(x + glyphWidth);
    x += adv;
  });
}
