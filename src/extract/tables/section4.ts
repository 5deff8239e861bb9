/**
 * Section 四 (行政复议/行政诉讼): one data row of 15 figures under a two- or three-level header. With one row there is
 * nothing to cluster, so columns come from the 15 bottom header cells (结果维持 … 总计 ×3); without them, a row of
 * exactly 15 written figures is read in order. A full header over no figures is a row of blanks. Some agencies
 * print the table on its side (portrait pages): one row per case kind, the five results as columns.
 */
import { SECTION4_BLOCKS, SECTION4_COLUMNS, SECTION4_GROUP_HEADERS } from '../template/common.ts';
import type { Line, TextItem } from '../types.ts';
import { assignRow, type ColumnModel } from './assign.ts';
import type { SectionFigures } from './section3.ts';
import { labelKey } from '../text.ts';
import { isColumnNumberRow } from './column-numbers.ts';
import { section4FieldLines } from './field-lines.ts';
import { readSplitSection4 } from './section4-split.ts';
import { figureTokens, hasFigures, headerCells, headerMatches, labelText } from './tokens.ts';

export function section4Keys(): string[] {
  return SECTION4_BLOCKS.flatMap((b) => SECTION4_COLUMNS.map((c) => `s4.${b}_${c.key}`));
}

export function mapSection4(lines: Line[], from: number, to: number, pageTitle?: string, reportYear?: number): SectionFigures {
  const keys = section4Keys();
  const figures: Record<string, number | null> = Object.fromEntries(keys.map((k) => [k, null]));
  const none = { figures, unreadable: [...keys], tentative: {}, found: false };

  // The header starts at the first line naming 行政复议; the data row is the first figure line after it.
  let head = -1;
  for (let i = from; i < to; i++) if (labelText(lines[i]!).includes('行政复议') && !labelText(lines[i]!).includes('情况')) {
    head = i;
    break;
  }
  if (head < 0) head = from;
  const vertical = readVertical(lines, from, to);
  if (vertical) return vertical;
  // Two tables under captions of their own, 行政复议 and 行政诉讼 (section4-split.ts).
  const split = readSplitSection4(lines, from, to);
  if (split) return split;
  // A reporting system's field lines, "行政复议　结果维持：3", no table (field-lines.ts).
  const fields = section4FieldLines(lines, from, to);
  if (fields) return { figures: { ...figures, ...fields }, unreadable: [], tentative: {}, found: true };
  // Rows labelled by year (2023年 above 2024年): only this report's year is its figures.
  const years = yearRows(lines, head, to, pageTitle, reportYear);
  if (years === 'doubt') return { ...none, found: true };
  let data = -1;
  // A row of column numbers under the header (1 … 15) is part of the header (column-numbers.ts).
  for (let i = head; i < to; i++) if (hasFigures(lines[i]!) && !isColumnNumberRow(lines[i]!)) {
    data = i;
    break;
  }
  if (data < 0) {
    // No figure at all: a year without 复议/诉讼 whose zero cells are left empty prints a row of blanks (grid sources)
    // or nothing (text layers). With all 15 header cells present the table is there and every cell is blank.
    // Blank cells are zeros in whatever order the header names them.
    if (!headerColumns(lines, head, to)) return none;
    return { figures, unreadable: [], tentative: {}, found: true };
  }
  const tokens: TextItem[] = [];
  // The row may wrap onto the next line(s); stop at the first line with a label.
  if (years) tokens.push(...figureTokens(lines[years.line]!).filter((t) => t !== years.label));
  else for (let i = data; i < to && (i === data || labelText(lines[i]!) === ''); i++) tokens.push(...figureTokens(lines[i]!));

  // The header ends at the data row (at the first year's row when the table compares years).
  const headerEnd = years ? years.first : data;
  const order = blockOrder(lines, head, headerEnd);
  // The header shows the blocks in another order without placing all three: whose figures are whose is a guess,
  // and each block adds up wherever it lands.
  if (order === 'doubt') return { ...none, found: true };
  // Figures in printed order: block by block as the header places them.
  // Within a block the header may order the five columns otherwise (总计 first: blind round 7, b60).
  const header = headerColumns(lines, head, headerEnd);
  if (header === 'doubt') return { ...none, found: true };
  const printed = (order ?? [...SECTION4_BLOCKS]).flatMap((b, k) => SECTION4_COLUMNS.map((c, i) => `s4.${b}_${header?.parts[k * SECTION4_COLUMNS.length + i] ?? c.key}`));
  const values = assignRow(tokens, header?.model, keys.length);
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  values.forEach((v, i) => {
    figures[printed[i]!] = v.value;
    if (v.unreadable) unreadable.push(printed[i]!);
    if (v.tentative !== undefined) tentative[printed[i]!] = v.tentative;
  });
  return { figures, unreadable, tentative, found: true };
}

/** A row label naming a year: 2023年, 2024年度, 本年, 上年度 (a 四 comparing years). */
const YEAR_LABEL = /^(?:((?:19|20)\d{2})|(本|上一?))年度?$/;
/** The report's title, a line of its own: "…2024年政府信息公开工作年度报告", "…2024年度政府信息公开年报". */
const TITLE_YEAR = /^[^。，；：《》]{0,40}?((?:19|20)\d{2})年度?[^。，；：《》\d]{0,20}(?:报告|年报)$/;
/** Lines from the document's start in which its title is looked for. */
const TITLE_LINES = 5;

/**
 * 四 with one row per year (blind round 7, b61: 2023年 above 2024年, each adding up): read as one row, the two
 * rows' 30 figures left 四 unreadable; taken by its first row, last year's figures would pass every check. The row
 * of the report's year (本年, or the year its title names on one of the document's first lines or, failing that,
 * in the page's <title> or the file's metadata title and the catalog's year of the report, which must agree when both
 * are known; the latest of the rows' years) is read; a year table whose row for that year cannot be
 * told (no title, none or two rows of it, a later year beside it) is unreadable. Text citing another year's report ("与2023年度报告相比") is no title.
 */
function yearRows(lines: Line[], head: number, to: number, pageTitle?: string, reportYear?: number): { line: number; first: number; label: TextItem } | 'doubt' | undefined {
  const rows: { line: number; label: TextItem; year: string }[] = [];
  for (let i = head; i < to; i++) {
    const first = lines[i]!.items.find((it) => it.text.trim() !== '');
    const m = first && YEAR_LABEL.exec(labelKey(first.text));
    if (m && figureTokens(lines[i]!).some((t) => t !== first && t.text !== '')) rows.push({ line: i, label: first, year: m[1] ?? (m[2] === '本' ? 'this' : 'prev') });
  }
  if (rows.length < 2) return undefined;
  let title: string | undefined;
  for (let i = 0; i < Math.min(head, TITLE_LINES) && !title; i++) title = TITLE_YEAR.exec(labelText(lines[i]!))?.[1];
  // Else the page's own title (HTML <title>, "…2024年政府信息公开工作年度报告_北关区人民政府"): the part of it, between
  // the separators sites join the site's name with, that is a report's title (blind round 8, b70).
  if (!title) {
    const named = pageTitle?.split(/[_|｜—–-]/).map((p) => TITLE_YEAR.exec(labelKey(p))?.[1]).find((y) => y !== undefined);
    // Else the catalog's year of the report (its title on the page it was found on). A file's metadata title can be
    // last year's in a reused file (round 10, b84), so when both speak and disagree, the row is a doubt, not a guess.
    const known = reportYear === undefined ? undefined : String(reportYear);
    if (named !== undefined && known !== undefined && named !== known) return 'doubt';
    title = named ?? known;
  }
  const want = rows.some((r) => r.year === 'this') ? 'this' : title;
  const chosen = rows.filter((r) => r.year === want);
  if (chosen.length !== 1) return 'doubt';
  if (want !== 'this' && rows.some((r) => /^\d/.test(r.year) && r.year > want!)) return 'doubt';
  return { line: chosen[0]!.line, first: rows[0]!.line, label: chosen[0]!.label };
}

/** Group headers naming each block (a wrapped 未经复议直接起诉 still holds 未经复议). */
const BLOCK_NAMES: Record<(typeof SECTION4_BLOCKS)[number], (label: string) => boolean> = {
  review: (l) => l === '行政复议',
  litigation_direct: (l) => l.includes('未经复议'),
  litigation_after_review: (l) => l.includes('复议后'),
};

/**
 * The order the header prints the three blocks in, when it is not the template's (复议, 直接起诉, 复议后起诉): some
 * agencies put 行政诉讼 first (blind round 6, b52); read in the template's order, each block's figures land in
 * another block and every block sum still holds. Placed by the centres of the group headers naming the blocks
 * (行政复议, 未经复议直接起诉, 复议后起诉; 行政诉讼 for both litigation blocks). undefined: the template's order or no
 * sign of another; 'doubt': another order shows (行政诉讼 before 行政复议, 复议后 before 未经复议) but the three cannot
 * all be placed.
 */
function blockOrder(lines: Line[], from: number, to: number): (typeof SECTION4_BLOCKS)[number][] | 'doubt' | undefined {
  const centre = (test: (l: string) => boolean): number | undefined => {
    const xs = lines.slice(from, to).flatMap((l) => l.items.filter((it) => test(labelKey(it.text))).map((it) => (it.x0 + it.x1) / 2));
    return xs.length === 1 ? xs[0] : undefined;
  };
  const at = SECTION4_BLOCKS.map((b) => ({ b, x: centre(BLOCK_NAMES[b]) }));
  const litigation = centre((l) => l === '行政诉讼');
  const review = at[0]!.x;
  if (at.every((a) => a.x !== undefined)) {
    const sorted = [...at].sort((a, b) => a.x! - b.x!);
    return sorted.every((a, i) => a.b === SECTION4_BLOCKS[i]) ? undefined : sorted.map((a) => a.b);
  }
  const [direct, after] = [at[1]!.x, at[2]!.x];
  if (review !== undefined && litigation !== undefined && litigation < review) return 'doubt';
  if (direct !== undefined && after !== undefined && after < direct) return 'doubt';
  return undefined;
}

/**
 * The 15 bottom header cells, in x order, each classified as one of the five columns in the right sequence. An
 * agency may add a 合计 column of its own before or after the three blocks (复议 + 诉讼 in all; blind round 5,
 * b46): a total cell outside the 15 is no column of the template, and its figure, beyond the table's columns, is
 * left out of the row. `parts`: the column each of the 15 cells names, in printed order.
 *
 * Some templates order a block's columns otherwise (总计 first, then the four results: blind round 7, b60); read by
 * position, each block's total became its 结果维持 and its 尚未审结 the total (the block check failed, the figures
 * stood). 15 cells, each naming one column only and each block naming all five once, are read in their own
 * order, an added 合计 beside them too (told from the blocks' totals by its name: round 8, b68).
 * 'doubt': 15 cells each naming one column, in no order that can be read (a block naming one twice), or readings
 * that cannot be told apart: unreadable.
 */
function headerColumns(lines: Line[], from: number, to: number): { model: ColumnModel; parts: string[] } | 'doubt' | undefined {
  const cells = headerCells(lines, from, to, SECTION4_GROUP_HEADERS).filter((c) => SECTION4_COLUMNS.some((col) => headerMatches(c, col)));
  const n = SECTION4_BLOCKS.length * SECTION4_COLUMNS.length;
  const total = SECTION4_COLUMNS[SECTION4_COLUMNS.length - 1]!;
  const inOrder = (cs: typeof cells) => cs.every((c, i) => headerMatches(c, SECTION4_COLUMNS[i % SECTION4_COLUMNS.length]!));
  const width = SECTION4_COLUMNS.length;
  const named = (c: (typeof cells)[number]) => {
    const cols = SECTION4_COLUMNS.filter((col) => headerMatches(c, col));
    return cols.length === 1 ? cols[0]!.key : undefined;
  };
  // Every window of 15 cells, the cell left over (if any) a total, is a reading when its cells are in the
  // template's sequence, or when each names one column and each block names all five once (总计 first).
  const readings: { own: typeof cells; parts: string[]; extra: typeof cells }[] = [];
  let repeated = false;
  for (let start = 0; start + n <= cells.length; start++) {
    const extra = [...cells.slice(0, start), ...cells.slice(start + n)];
    if (extra.length > 1 || !extra.every((c) => headerMatches(c, total))) continue;
    const own = cells.slice(start, start + n);
    if (inOrder(own)) {
      readings.push({ own, parts: own.map((_, i) => SECTION4_COLUMNS[i % width]!.key), extra });
      continue;
    }
    const parts = own.map(named);
    if (parts.some((p) => p === undefined)) continue;
    let whole = true;
    for (let b = 0; b < SECTION4_BLOCKS.length; b++) if (new Set(parts.slice(b * width, (b + 1) * width)).size !== width) whole = false;
    if (whole) readings.push({ own, parts: parts as string[], extra });
    else repeated = true;
  }
  // Total-first blocks with a 合计 after them (blind round 8, b68) read both as "总计 … 尚未审结 ×3, 合计 added" and,
  // in the template's sequence, as "结果维持 … 总计 ×3, 合计 the last block's total, the first 总计 added": each
  // block's total taken from the next block. The added column is the one named otherwise than the blocks' totals
  // (合计 beside 总计); when that does not single out one reading, 四 is unreadable.
  const totalTexts = (r: (typeof readings)[number]) => new Set(r.own.filter((_, i) => r.parts[i] === total.key).map((c) => labelKey(c.text)));
  const told = readings.length > 1 ? readings.filter((r) => r.extra.every((c) => !totalTexts(r).has(labelKey(c.text)))) : readings;
  if (told.length === 1) return { model: { anchor: 'centre', centres: told[0]!.own.map((c) => c.x) }, parts: told[0]!.parts };
  // 15 cells each naming one column but a block naming one twice, or readings that cannot be told apart.
  return told.length > 1 || readings.length > 1 || (repeated && cells.length === n) ? 'doubt' : undefined;
}

/** Row labels of the table on its side, one per block; 行政复议 alone must not be 复议后起诉. */
const VERTICAL_ROWS: Record<(typeof SECTION4_BLOCKS)[number], (label: string) => boolean> = {
  review: (l) => l.includes('行政复议') && !l.includes('起诉'),
  litigation_direct: (l) => l.includes('未经复议') || l.includes('直接起诉'),
  litigation_after_review: (l) => l.includes('复议后起诉'),
};

/**
 * Table 四 on its side: a header line holding the five result columns once, in order, and below it one row per
 * block, each found by its label, its figures read under the five header cells.
 */
function readVertical(lines: Line[], from: number, to: number): SectionFigures | undefined {
  let header = -1;
  let columns: ColumnModel | undefined;
  for (let i = from; i < to && header < 0; i++) {
    if (hasFigures(lines[i]!)) continue;
    const cells = headerCells(lines, i, i + 1, SECTION4_GROUP_HEADERS).filter((c) => SECTION4_COLUMNS.some((col) => headerMatches(c, col)));
    if (cells.length === SECTION4_COLUMNS.length && cells.every((c, k) => headerMatches(c, SECTION4_COLUMNS[k]!))) {
      header = i;
      columns = { anchor: 'centre', centres: cells.map((c) => c.x) };
    }
  }
  if (header < 0 || !columns) return undefined;
  const rowOf = SECTION4_BLOCKS.map((b) => {
    for (let i = header + 1; i < to; i++) if (VERTICAL_ROWS[b](labelText(lines[i]!))) return i;
    return -1;
  });
  // All three rows, in table order, each on a line with figure cells (written or blank grid cells).
  if (rowOf.some((r, k) => r < 0 || (k > 0 && r <= rowOf[k - 1]!))) return undefined;
  const figures: Record<string, number | null> = {};
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  SECTION4_BLOCKS.forEach((b, k) => {
    const values = assignRow(figureTokens(lines[rowOf[k]!]!), columns, SECTION4_COLUMNS.length);
    values.forEach((v, c) => {
      const key = `s4.${b}_${SECTION4_COLUMNS[c]!.key}`;
      figures[key] = v.value;
      if (v.unreadable) unreadable.push(key);
      if (v.tentative !== undefined) tentative[key] = v.tentative;
    });
  });
  return { figures, unreadable, tentative, found: true };
}
