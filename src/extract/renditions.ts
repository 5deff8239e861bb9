/**
 * One report, several renditions (HTML body, PDF, DOCX…): figures come from the best one, and every cell where two
 * readable renditions disagree is recorded for review.
 */
import type { ExtractionResult } from './types.ts';

const STATUS_RANK: Record<ExtractionResult['status'], number> = { extracted: 0, partial: 1, needs_ocr: 2, unsupported: 3, encrypted: 4, failed: 5 };

/** Grid sources keep the real table; text layers rebuild it; OCR reads pixels. */
function sourceRank(extractor: string): number {
  if (/^(docx|html|sheet|odt)/.test(extractor)) return 0;
  if (/^(doc-soffice|doc-word)/.test(extractor)) return 1;
  if (/^(pdf|ofd)/.test(extractor)) return 2;
  return 3;
}

/**
 * The rendition to take figures from: best status, then fewest unreadable cells, then fewest failing checks, then
 * not OCR, then the most structured source. Returns the index into `results`, or -1 for an empty list.
 */
export function pickBestRendition(results: ExtractionResult[]): number {
  let best = -1;
  const key = (r: ExtractionResult) => [
    STATUS_RANK[r.status],
    r.unreadable.length,
    r.checks.filter((c) => c.ok === false && !c.soft).length,
    r.lowConfidence ? 1 : 0,
    sourceRank(r.extractor),
  ];
  results.forEach((r, i) => {
    if (best < 0) return void (best = i);
    const a = key(r);
    const b = key(results[best]!);
    for (let k = 0; k < a.length; k++) {
      if (a[k]! < b[k]!) return void (best = i);
      if (a[k]! > b[k]!) return;
    }
  });
  return best;
}

export interface Disagreement {
  key: string;
  /** Each rendition's reading, by index into the results (unreadable or absent readings are left out). */
  values: { rendition: number; extractor: string; value: number | null }[];
}

/**
 * Cells read by at least two renditions with different values. A blank cell and a 0 agree (agencies leave zero cells
 * empty): extractDocument already reports blanks as 0 (listed in `blank`), and a null that is not unreadable (a result
 * stored before that) counts as 0 too. Renditions of a different template than the majority are compared only among
 * themselves.
 */
export function compareRenditions(results: ExtractionResult[]): Disagreement[] {
  const usable = results.map((r, i) => ({ r, i })).filter(({ r }) => r.template && Object.keys(r.figures).length > 0);
  const keys = new Set(usable.flatMap(({ r }) => Object.keys(r.figures)));
  const out: Disagreement[] = [];
  for (const key of [...keys].sort()) {
    const values = usable
      .filter(({ r }) => key in r.figures && !r.unreadable.includes(key))
      .map(({ r, i }) => ({ rendition: i, extractor: r.extractor, value: r.figures[key] ?? null }));
    const distinct = new Set(values.map((v) => v.value ?? 0));
    if (values.length >= 2 && distinct.size > 1) out.push({ key, values });
  }
  return out;
}
