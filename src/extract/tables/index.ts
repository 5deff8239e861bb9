/** From lines to figures: locate the chapters, then read sections 二, 三 and 四 of the detected template. */
import { figureKeys } from '../template/index.ts';
import type { TemplateDef } from '../template/types.ts';
import type { Line } from '../types.ts';
import { mapSection2 } from './section2.ts';
import { mapSection3 } from './section3.ts';
import { mapSection4 } from './section4.ts';
import { comparisonStart } from './comparison.ts';
import { correctionStart } from './correction.ts';
import { thisYearPart } from './year-parts.ts';
import { findSections, labelText } from './tokens.ts';

export interface MappedFigures {
  figures: Record<string, number | null>;
  unreadable: string[];
  /** Low-confidence OCR readings of unreadable cells, for `confirmTentative`. */
  tentative: Record<string, number>;
  /** Which statistics tables were located. */
  found: { s2: boolean; s3: boolean; s4: boolean };
  /** Printed figures no template key holds (SectionFigures.notes), for the result's reason. */
  notes: string[];
}

/**
 * `title`: the document's title where its lines may lack it (an HTML page's <title>; see Extracted.title);
 * `reportYear`: the catalog's year of the report (ExtractOptions.reportYear).
 */
export function mapFigures(lines: Line[], t: TemplateDef, opts: { title?: string; reportYear?: number } = {}): MappedFigures {
  const { start } = findSections(lines);
  const end = lines.length;
  const after = (i: number | undefined, ...next: (number | undefined)[]) => next.find((n) => n !== undefined && (i === undefined || n > i)) ?? end;

  // Section 三 must be bounded even without headings: fall back to the table's own first label.
  const s3From = start.s3 ?? firstLine(lines, (t) => t.includes('申请人情况') || t.includes('本年新收')) ?? 0;
  const s3To = after(s3From, start.s4, start.s5, start.s6);
  const s2From = start.s2 ?? 0;
  const s2To = start.s2 === undefined ? s3From : after(s2From, start.s3, start.s4, start.s5);
  const s4From = start.s4 ?? firstLine(lines, (t) => t.includes('行政复议') && t.length < 20, s3From + 1) ?? s3To;
  const s4To = after(s4From, start.s5, start.s6);

  // Where a chapter titles its tables by year, this year's is read (year-parts.ts); a chapter's table ends where
  // last year's is printed after it for comparison (comparison.ts).
  const part = (from: number, to: number): [number, number] => {
    const p = thisYearPart(lines, from, to) ?? { from, to };
    return [p.from, comparisonStart(lines, p.from, p.to) ?? p.to];
  };
  let s2 = mapSection2(lines, ...part(s2From, s2To), t);
  let s3 = mapSection3(lines, ...part(s3From, s3To), t);
  let s4 = mapSection4(lines, ...part(s4From, s4To), opts.title, opts.reportYear);

  // Tables in an appendix: the chapters say "详见附表N" and the tables follow the last chapter (after the
  // signature, under captions 附表1/2/3). A table not found in its chapter is looked for there, each bounded by
  // the next one's own first line.
  const last = Math.max(-1, ...Object.values(start).filter((n): n is number => n !== undefined));
  if (last >= 0 && (!s2.found || !s3.found || !s4.found)) {
    const a3 = firstLine(lines, isS3Start, last + 1);
    const a4 = firstLine(lines, isS4Start, (a3 ?? last) + 1);
    if (!s2.found) s2 = mapSection2(lines, last + 1, a3 ?? a4 ?? end, t);
    if (!s3.found && a3 !== undefined) s3 = mapSection3(lines, a3, a4 ?? end, t);
    if (!s4.found && a4 !== undefined) s4 = mapSection4(lines, a4, end, opts.title, opts.reportYear);
  }
  // A correction appended after the last chapter (correction.ts): a table printed after its caption replaces the
  // chapter's, which the report itself says is superseded. Each is bounded by the next one's own first line.
  const corr = last >= 0 ? correctionStart(lines, last + 1) : undefined;
  if (corr !== undefined) {
    const c3 = firstLine(lines, isS3Start, corr + 1);
    const c4 = firstLine(lines, isS4Start, (c3 ?? corr) + 1);
    const c2 = mapSection2(lines, corr + 1, c3 ?? c4 ?? end, t);
    if (c2.found) s2 = c2;
    const r3 = c3 === undefined ? undefined : mapSection3(lines, c3, c4 ?? end, t);
    if (r3?.found) s3 = r3;
    const r4 = c4 === undefined ? undefined : mapSection4(lines, c4, end, opts.title, opts.reportYear);
    if (r4?.found) s4 = r4;
  }
  const figures: Record<string, number | null> = {};
  for (const k of figureKeys(t)) figures[k] = s2.figures[k] ?? s3.figures[k] ?? s4.figures[k] ?? null;
  const unreadable = [...s2.unreadable, ...s3.unreadable, ...s4.unreadable];
  const tentative = { ...s2.tentative, ...s3.tentative, ...s4.tentative };
  const notes = [...(s2.notes ?? []), ...(s3.notes ?? []), ...(s4.notes ?? [])];
  return { figures, unreadable, tentative, found: { s2: s2.found, s3: s3.found, s4: s4.found }, notes };
}

/** The first line of a table 三 (its header) or 四 (a short line naming 行政复议), found without a heading. */
const isS3Start = (l: string) => l.includes('申请人情况') || l.includes('本年新收');
const isS4Start = (l: string) => l.includes('行政复议') && l.length < 20;

function firstLine(lines: Line[], test: (label: string) => boolean, from = 0): number | undefined {
  for (let i = from; i < lines.length; i++) if (test(labelText(lines[i]!))) return i;
  return undefined;
}
