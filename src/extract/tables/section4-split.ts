/**
 * Table 四 printed as two tables, each under a caption of its own: "（一）行政复议情况" over the five columns of 行政复议,
 * "（二）行政诉讼情况" over the ten of 行政诉讼 (未经复议直接起诉 / 复议后起诉), in either order (blind round 15, b114);
 * or as three five-column tables, the litigation ones captioned with their block (round 16, b121); or the litigation
 * part as one five-column table whose two rows are labelled with their block (round 17, b128).
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

/**
 * A caption (no figure) naming one kind of case: 行政复议 or 行政诉讼 (起诉), not both. "经行政复议后起诉" names a
 * lawsuit: 起诉 decides.
 */
const captionKind = (l: Line): 'review' | 'litigation' | undefined => {
  if (hasFigures(l)) return undefined;
  const t = labelText(l);
  const litigation = t.includes('行政诉讼') || t.includes('起诉');
  const review = t.includes('行政复议') && !t.includes('起诉');
  if (review === litigation) return undefined;
  return review ? 'review' : 'litigation';
};

/** The litigation block a caption names alone (未经复议/直接起诉 or 复议后), as when 四 is printed as three tables. */
const captionBlock = (l: Line): Block | undefined => {
  const t = labelText(l);
  const direct = t.includes('未经复议') || t.includes('直接起诉');
  const after = t.includes('复议后');
  return direct === after ? undefined : direct ? 'litigation_direct' : 'litigation_after_review';
};

/**
 * Parts of 四 printed as separate tables: after the first figure line, each caption (captionKind) starts a part,
 * which must hold figures of its own. Two parts (行政复议 / 行政诉讼, blind round 15, b114) or three (行政复议 /
 * 直接起诉 / 复议后起诉, each a five-column table: round 16, b121); each block read once in all.
 */
export function readSplitSection4(lines: Line[], from: number, to: number): SectionFigures | undefined {
  const isData = (i: number) => hasFigures(lines[i]!) && !isColumnNumberRow(lines[i]!);
  const bounds = [from];
  for (let i = from, seen = false; i < to; i++) {
    if (isData(i)) seen = true;
    else if (seen && captionKind(lines[i]!)) {
      bounds.push(i);
      seen = false;
    }
  }
  if (bounds.length < 2 || bounds.length > SECTION4_BLOCKS.length) return undefined;
  bounds.push(to);
  const kinds = bounds.slice(0, -1).map((b, k) => {
    // The first part's caption may be anywhere above its table (under the chapter heading) or missing.
    if (k > 0) return { kind: captionKind(lines[b]!)!, block: captionBlock(lines[b]!) };
    const caption = lines.slice(b, bounds[1]).find((l) => captionKind(l));
    return caption ? { kind: captionKind(caption)!, block: captionBlock(caption) } : undefined;
  });
  // Two parts, the first without a caption: the other kind of case than the second.
  if (!kinds[0] && kinds.length === 2) kinds[0] = { kind: kinds[1]!.kind === 'review' ? 'litigation' : 'review', block: undefined };
  if (kinds.some((k) => !k)) return undefined;
  const figures: Record<string, number | null> = {};
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  for (let k = 0; k < kinds.length; k++) {
    const read = readPart(lines, bounds[k]!, bounds[k + 1]!, kinds[k]!.kind, kinds[k]!.block);
    // A block read twice: not one table cut in parts.
    if (!read || read.keys.some((key) => key in figures)) return undefined;
    read.values.forEach((v, i) => {
      const key = read.keys[i]!;
      figures[key] = v.value;
      if (v.unreadable) unreadable.push(key);
      if (v.tentative !== undefined) tentative[key] = v.tentative;
    });
  }
  if (Object.keys(figures).length !== SECTION4_BLOCKS.length * WIDTH) return undefined;
  return { figures, unreadable, tentative, found: true };
}

/** One part: its header cells (five or ten) and its one figure line, or undefined when either is not clear. */
function readPart(lines: Line[], from: number, to: number, kind: 'review' | 'litigation', named?: Block) {
  const data = lines.findIndex((l, i) => i >= from && i < to && hasFigures(l) && !isColumnNumberRow(l));
  if (data < 0) return undefined;
  if (kind === 'litigation' && !named) {
    const rows = blockRows(lines, from, data, to);
    if (rows) return rows;
  }
  // A second figure line in the part: not one row of one block (or two) under one header.
  if (lines.slice(data + 1, to).some((l) => hasFigures(l) && !isColumnNumberRow(l))) return undefined;
  const cells = headerCells(lines, from, data, SECTION4_GROUP_HEADERS).filter((c) => SECTION4_COLUMNS.some((col) => headerMatches(c, col)));
  const blocks: Block[] | undefined = kind === 'review' ? ['review'] : cells.length === WIDTH && named ? [named] : litigationOrder(lines, from, data);
  if (!blocks || cells.length !== blocks.length * WIDTH) return undefined;
  const keys: string[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const names = cells.slice(b * WIDTH, (b + 1) * WIDTH).map((c) => SECTION4_COLUMNS.filter((col) => headerMatches(c, col)));
    if (names.some((n) => n.length !== 1) || new Set(names.map((n) => n[0]!.key)).size !== WIDTH) return undefined;
    keys.push(...names.map((n) => `s4.${blocks[b]}_${n[0]!.key}`));
  }
  const values = assignRow(figureTokens(lines[data]!), { anchor: 'centre', centres: cells.map((c) => c.x) }, keys.length);
  return { keys, values };
}

/**
 * The litigation part as a table of two rows under one five-column header, each row labelled with its block
 * (未经复议直接起诉 / 复议后起诉), under a caption naming no block ("（二）行政诉讼情况": blind round 17, b128).
 * Exactly two figure lines, each naming one block, the two different; else undefined.
 */
function blockRows(lines: Line[], from: number, data: number, to: number) {
  const rows = lines.slice(data, to).flatMap((l) => (hasFigures(l) && !isColumnNumberRow(l) ? [l] : []));
  if (rows.length !== 2) return undefined;
  const blocks = rows.map(captionBlock);
  if (blocks.some((b) => !b) || blocks[0] === blocks[1]) return undefined;
  const cells = headerCells(lines, from, data, SECTION4_GROUP_HEADERS).filter((c) => SECTION4_COLUMNS.some((col) => headerMatches(c, col)));
  const names = cells.map((c) => SECTION4_COLUMNS.filter((col) => headerMatches(c, col)));
  if (cells.length !== WIDTH || names.some((n) => n.length !== 1) || new Set(names.map((n) => n[0]!.key)).size !== WIDTH) return undefined;
  const keys = blocks.flatMap((b) => names.map((n) => `s4.${b}_${n[0]!.key}`));
  const values = rows.flatMap((l) => assignRow(figureTokens(l), { anchor: 'centre', centres: cells.map((c) => c.x) }, WIDTH));
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
