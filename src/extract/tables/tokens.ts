/** Reading lines as labels and figures: the small vocabulary every section mapper shares. */
import { SECTION_HEADINGS } from '../template/common.ts';
import type { ColumnDef, SectionHeading } from '../template/types.ts';
import { isFigureToken, isNoneMark, labelKey, looksLikeFigureCell } from '../text.ts';
import type { Line, TextItem } from '../types.ts';

/**
 * True when a token is a cell of the line's figures. A bare 无 ("none") is a word in running text but a zero in a
 * table: it counts as a cell when the line holds another figure cell (a number or a blank grid cell) beside it. A
 * number with a word after it that is no known unit (`3户`) is a cell too, read as unreadable.
 */
function isCell(line: Line, it: TextItem): boolean {
  if (it.text === '' || looksLikeFigureCell(it.text)) return true;
  return isNoneMark(it.text) && line.items.some((o) => o !== it && (o.text === '' || isFigureToken(o.text)));
}

/** Figure cells of a line: the numbers (and blank cells of grid sources) to the right of its last label token. */
export function figureTokens(line: Line): TextItem[] {
  let lastLabel = -1;
  line.items.forEach((it, i) => {
    if (!isCell(line, it)) lastLabel = i;
  });
  return line.items.slice(lastLabel + 1).filter((it) => isCell(line, it));
}

/** True when a line carries at least one written figure (blank grid cells alone do not count). */
export function hasFigures(line: Line): boolean {
  return figureTokens(line).some((t) => t.text !== '');
}

export function labelText(line: Line): string {
  return labelKey(
    line.items
      .filter((it) => !isCell(line, it))
      .map((it) => it.text)
      .join(''),
  );
}

/** The labels of a run of lines as one string, with the line index of every character. */
export interface LabelStream {
  text: string;
  lineOf: number[];
}

export function labelStream(lines: Line[], from: number, to: number, skip: Set<number> = new Set()): LabelStream {
  let text = '';
  const lineOf: number[] = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const t = labelText(lines[i]!);
    text += t;
    for (let k = 0; k < t.length; k++) lineOf.push(i);
  }
  return { text, lineOf };
}

export interface SectionBounds {
  /** Line index of each chapter heading found, in document order. */
  start: Partial<Record<SectionHeading['section'], number>>;
}

/** Headings are short lines; longer lines that merely mention a chapter's name are running text. */
const MAX_HEADING_CHARS = 40;

export function findSections(lines: Line[]): SectionBounds {
  const start: SectionBounds['start'] = {};
  let from = 0;
  for (const h of SECTION_HEADINGS) {
    for (let i = from; i < lines.length; i++) {
      const t = labelKey(lines[i]!.items.map((it) => it.text).join(''));
      if (t.length > MAX_HEADING_CHARS) continue;
      if (h.match.some((m) => t.includes(labelKey(m)))) {
        start[h.section] = i;
        from = i + 1;
        break;
      }
    }
  }
  return { start };
}

/**
 * Header cells of a table: label tokens stacked in one column (wrapped headers such as 社会/公益/组织 come out as
 * separate lines in positioned sources) are joined top to bottom. Group headers are removed from the joined text.
 */
export interface HeaderCell {
  text: string;
  x: number;
  x0: number;
  x1: number;
}

export function headerCells(lines: Line[], from: number, to: number, groupHeaders: string[]): HeaderCell[] {
  const cells: (HeaderCell & { tol: number })[] = [];
  const groups = new Set(groupHeaders.map(labelKey));
  for (let i = from; i < to; i++) {
    for (const it of lines[i]!.items) {
      if (it.text === '' || isFigureToken(it.text)) continue;
      // A group header alone (行政诉讼 over ten columns) names no column; centred over two cells, it would glue them.
      if (groups.has(labelKey(it.text))) continue;
      const x = (it.x0 + it.x1) / 2;
      const tol = 0.8 * it.h;
      const cell = cells.find((c) => Math.abs(c.x - x) <= tol);
      if (cell) {
        cell.text += labelKey(it.text);
        cell.x0 = Math.min(cell.x0, it.x0);
        cell.x1 = Math.max(cell.x1, it.x1);
      } else cells.push({ text: labelKey(it.text), x, x0: it.x0, x1: it.x1, tol });
    }
  }
  return cells
    .map(({ text, x, x0, x1 }) => {
      let t = text;
      for (const g of groupHeaders) t = t.split(labelKey(g)).join('');
      return { text: t, x, x0, x1 };
    })
    .filter((c) => c.text !== '')
    .sort((a, b) => a.x - b.x);
}

export function headerMatches(cell: HeaderCell, col: ColumnDef): boolean {
  return col.match.some((m) => (col.exact ? cell.text === labelKey(m) : cell.text.includes(labelKey(m))));
}

/** Row-label prefixes (一、 （一） 1.) that start a label; a row's extent begins at its prefix, not its key phrase. */
// A number's prefix never follows a digit: "…申请0000000" + "2.申请人…" (figures glued to a label) is no "02.".
const PREFIX = /(?:(?<!\d)\d{1,2}[.、]|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)/g;

/** Names of the row groups of 三 (a tall cell beside their items, its text wherever the cell's middle falls). */
const GROUP_NAME = /^(?:不予公开|无法提供|不予处理|其他处理|本年度办理结果)/;

/**
 * Offset where the label containing `at` begins: the nearest prefix within `maxBack` characters, else `at`. A group
 * label lying wholly before `at` is no start: centred in its tall cell, （五）不予处理 can stand on the second line of
 * a wrapped item label (3.要求提供公开 / （五）不予处理 出版物), after the line with the item's figures.
 */
export function labelStart(stream: string, at: number, floor: number, maxBack = 24): number {
  const from = Math.max(floor, at - maxBack);
  const slice = stream.slice(from, at + 1);
  let best = -1;
  for (const m of slice.matchAll(PREFIX)) {
    const after = slice.slice(m.index + m[0].length);
    const group = GROUP_NAME.exec(after);
    if (group && from + m.index + m[0].length + group[0].length <= at) continue;
    best = m.index;
  }
  return best >= 0 ? from + best : at;
}

/**
 * Lines of a table header repeated at the top of a new page (Word's "repeat header rows"): from a page's first line
 * inside the table, the run of lines without figures whose every token is a piece of the header, holding at least
 * one of its distinctive words. A row broken by the page keeps its label whole once these lines are skipped.
 */
export function repeatedHeaderLines(lines: Line[], from: number, to: number, header: string, distinctive: string[]): Set<number> {
  const vocabulary = labelKey(header);
  const marks = distinctive.map(labelKey);
  const skip = new Set<number>();
  for (let i = from + 1; i < to; i++) {
    if (lines[i]!.page === lines[i - 1]!.page) continue;
    const run: number[] = [];
    for (let j = i; j < to; j++) {
      const line = lines[j]!;
      const words = line.items.filter((it) => it.text !== '').map((it) => labelKey(it.text));
      if (hasFigures(line) || words.length === 0 || !words.every((w) => vocabulary.includes(w))) break;
      run.push(j);
    }
    const text = run.map((j) => labelText(lines[j]!)).join('');
    if (marks.some((m) => text.includes(m))) run.forEach((j) => skip.add(j));
  }
  return skip;
}
