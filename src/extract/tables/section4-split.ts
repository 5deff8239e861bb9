/**
 * Table 四 printed as two tables, each under a caption of its own: "（一）行政复议情况" over the five columns of 行政复议,
 * "（二）行政诉讼情况" over the ten of 行政诉讼 (未经复议直接起诉 / 复议后起诉), in either order (blind round 15, b114).
 * Read as one table, the first figure line held five figures for fifteen columns: 四 unreadable. Each part is read
 * under its own header cells: five naming the five columns once; ten, two blocks naming the five once each, placed
 * by the centres of their group headers. Anything less clear-cut is no split table (undefined: read as before).
 */
import { SECTION4_BLOCKS, SECTION4_COLUMNS, SECTION4_GROUP_HEADERS } from '../template/common.ts';
import { labelKey } from '../text.ts';
import type { Line } from '../types.ts';
import { assignRow } from './assign.ts';
import { isColumnNumberRow } from './column-numbers.ts';
import type { SectionFigures } from './section3.ts';
import { figureTokens, hasFigures, headerCells, headerMatches, labelText } from './tokens.ts';

type Block = (typeof SECTION4_BLOCKS)[number];
const WIDTH = SECTION4_COLUMNS.length;

/** A caption (no figure) naming one kind of case: 行政复议 or 行政诉讼, not both. */
const captionKind = (l: Line): 'review' | 'litigation' | undefined => {
  if (hasFigures(l)) return undefined;
  const t = labelText(l);
  const review = t.includes('行政复议');
  const litigation = t.includes('行政诉讼');
  if (review === litigation) return undefined;
  return review ? 'review' : 'litigation';
};

export function readSplitSection4(lines: Line[], from: number, to: number): SectionFigures | undefined {
  const firstData = lines.findIndex((l, i) => i >= from && i < to && hasFigures(l) && !isColumnNumberRow(l));
  if (firstData < 0) return undefined;
  // The second part's caption: after the first part's figures, before the second's.
  let split = -1;
  for (let i = firstData + 1; i < to && split < 0; i++) if (captionKind(lines[i]!)) split = i;
  if (split < 0) return undefined;
  const second = captionKind(lines[split]!)!;
  const parts: { kind: 'review' | 'litigation'; from: number; to: number }[] = [
    { kind: second === 'review' ? 'litigation' : 'review', from, to: split },
    { kind: second, from: split, to },
  ];
  const figures: Record<string, number | null> = {};
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  for (const p of parts) {
    const read = readPart(lines, p.from, p.to, p.kind);
    if (!read) return undefined;
    read.values.forEach((v, i) => {
      const key = read.keys[i]!;
      figures[key] = v.value;
      if (v.unreadable) unreadable.push(key);
      if (v.tentative !== undefined) tentative[key] = v.tentative;
    });
  }
  return { figures, unreadable, tentative, found: true };
}

/** One part: its header cells (five or ten) and its one figure line, or undefined when either is not clear. */
function readPart(lines: Line[], from: number, to: number, kind: 'review' | 'litigation') {
  const data = lines.findIndex((l, i) => i >= from && i < to && hasFigures(l) && !isColumnNumberRow(l));
  if (data < 0) return undefined;
  // A second figure line in the part: not one row of one block (or two) under one header.
  if (lines.slice(data + 1, to).some((l) => hasFigures(l) && !isColumnNumberRow(l))) return undefined;
  const cells = headerCells(lines, from, data, SECTION4_GROUP_HEADERS).filter((c) => SECTION4_COLUMNS.some((col) => headerMatches(c, col)));
  const blocks: Block[] | undefined = kind === 'review' ? ['review'] : litigationOrder(lines, from, data);
  if (!blocks || cells.length !== blocks.length * WIDTH) return undefined;
  const keys: string[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const named = cells.slice(b * WIDTH, (b + 1) * WIDTH).map((c) => SECTION4_COLUMNS.filter((col) => headerMatches(c, col)));
    if (named.some((n) => n.length !== 1) || new Set(named.map((n) => n[0]!.key)).size !== WIDTH) return undefined;
    keys.push(...named.map((n) => `s4.${blocks[b]}_${n[0]!.key}`));
  }
  const values = assignRow(figureTokens(lines[data]!), { anchor: 'centre', centres: cells.map((c) => c.x) }, keys.length);
  return { keys, values };
}

/** The two litigation blocks in the order their group headers stand (each named once), else undefined. */
function litigationOrder(lines: Line[], from: number, to: number): Block[] | undefined {
  const centre = (test: (t: string) => boolean) => {
    const xs = lines.slice(from, to).flatMap((l) => l.items.filter((it) => test(labelKey(it.text))).map((it) => (it.x0 + it.x1) / 2));
    return xs.length === 1 ? xs[0] : undefined;
  };
  const direct = centre((t) => t.includes('未经复议'));
  const after = centre((t) => t.includes('复议后'));
  if (direct === undefined || after === undefined) return undefined;
  return direct < after ? ['litigation_direct', 'litigation_after_review'] : ['litigation_after_review', 'litigation_direct'];
}
