/**
 * Section 三 (收到和处理政府信息公开申请情况): 23 or 25 rows × 7 columns.
 *
 * Rows are found by key phrase, in template order, in the stream of label text; a row's extent runs from the line
 * where its label starts to the line where the next found label starts. Figure lines inside an extent belong to that
 * row, which handles labels wrapped over several lines with the numbers centred beside them, and fully blank rows
 * (an extent with no figures). Columns come from clustering the figure positions of the whole table, or from the
 * header cells when some column holds no figure at all.
 */
import { clusterColumns, coord } from '../layout/columns.ts';
import { SECTION3_COLUMNS, SECTION3_GROUP_HEADERS, SECTION3_HEADER_MARKS, SECTION3_HEADER_TEXT } from '../template/common.ts';
import type { TemplateDef } from '../template/types.ts';
import { labelKey } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { assignRow, type ColumnModel } from './assign.ts';
import { section3RowLines } from './field-lines.ts';
import { unfoldSideBySide } from './side-by-side.ts';
import { figureTokens, hasFigures, headerCells, headerMatches, labelStart, labelStream, labelText, repeatedHeaderLines } from './tokens.ts';

export interface SectionFigures {
  figures: Record<string, number | null>;
  unreadable: string[];
  /** Low-confidence OCR readings of unreadable cells (see CellValue.tentative). */
  tentative: Record<string, number>;
  /** Whether the table was located at all. */
  found: boolean;
  /**
   * What the document prints that no template key holds, for the result's reason: a collapsed group's single row
   * (the 2019 （六）其他处理 in a 2021 report), whose sub-rows are unknown.
   */
  notes?: string[];
}

export function mapSection3(lines: Line[], from: number, to: number, t: TemplateDef): SectionFigures {
  // The table's two halves side by side (its header twice on one line): read one below the other.
  const unfolded = unfoldSideBySide(lines, from, to, ['申请人情况', '自然人'], SECTION3_HEADER_TEXT);
  if (unfolded) return mapSection3(unfolded, from, to + unfolded.length - lines.length, t);
  const direct = mapRows(lines, from, to, t);
  // Nothing read at all: the table may be printed turned (see transposedGrid).
  if (direct.found && direct.unreadable.length < t.section3Rows.length * SECTION3_COLUMNS.length) return direct;
  // No table: the rows may be printed as field lines, one line a row (see section3RowLines).
  const rowLines = section3RowLines(lines, from, to, t);
  if (rowLines) return { figures: rowLines, unreadable: [], tentative: {}, found: true };
  const turned = transposedGrid(lines, from, to);
  if (!turned) return direct;
  const alt = mapRows(turned, 0, turned.length, t);
  return alt.found && alt.unreadable.length < (direct.found ? direct.unreadable.length : Infinity) ? alt : direct;
}

/** Applicant kinds, the row labels of a turned table 三 (each a column of the template). */
const APPLICANT_ROWS = SECTION3_COLUMNS.flatMap((c) => c.match).map(labelKey);

/**
 * Table 三 printed turned (some spreadsheets lay it out landscape): the applicant kinds 自然人 … 总计 are its rows and
 * the template's rows its columns. For grid sources (one line per grid row, x the grid column) the table is turned
 * back: from its first header line (申请人情况) to its last figure line, each grid column becomes a line holding the
 * cells that start in it, placed at their row; a cell spanning columns stands in its first one, as a cell spanning
 * rows does in the template's layout. Needs a line labelled 自然人 holding at least ten figures; else undefined.
 */
function transposedGrid(lines: Line[], from: number, to: number): Line[] | undefined {
  const gridLike = (l: Line) => l.items.every((it) => it.h === 1 && Number.isInteger(it.x0) && Number.isInteger(it.x1));
  const region = lines.slice(from, to);
  const naturalPerson = region.findIndex((l) => gridLike(l) && labelText(l) === labelKey('自然人') && figureTokens(l).length >= 10);
  if (naturalPerson < 0) return undefined;
  let first = naturalPerson;
  while (first > 0 && gridLike(region[first - 1]!) && !hasFigures(region[first - 1]!) && region[first - 1]!.items.length > 1) first--;
  let last = naturalPerson;
  while (last + 1 < region.length && gridLike(region[last + 1]!) && APPLICANT_ROWS.some((a) => labelText(region[last + 1]!).includes(a))) last++;
  const table = region.slice(first, last + 1);
  const width = Math.max(...table.flatMap((l) => l.items.map((it) => it.x1)));
  const page = table[0]!.page;
  const out: Line[] = [];
  for (let c = 0; c < width; c++) {
    const y = out.length;
    const items = table.flatMap((l, r) => l.items.filter((it) => it.x0 === c).map((it) => ({ ...it, x0: r, x1: r + 1, y, page })));
    if (items.length > 0) out.push({ page, y, h: 1, items });
  }
  return out;
}

function mapRows(lines: Line[], from: number, to: number, t: TemplateDef): SectionFigures {
  const figures: Record<string, number | null> = {};
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  const cols = SECTION3_COLUMNS;
  const rowKeys = t.section3Rows.map((r) => r.key);
  const markAll = (row: string) => cols.forEach((c) => ((figures[`s3.${row}.${c.key}`] = null), unreadable.push(`s3.${row}.${c.key}`)));

  const stream = labelStream(lines, from, to, repeatedHeaderLines(lines, from, to, SECTION3_HEADER_TEXT, SECTION3_HEADER_MARKS));
  const starts: (number | undefined)[] = [];
  /** Where each found row's key phrase ends in the label stream. */
  const phraseEnds: (number | undefined)[] = [];
  let pos = 0;
  let prevEnd = 0;
  for (const row of t.section3Rows) {
    let found: { at: number; len: number; numbered?: boolean } | undefined;
    for (const phrase of row.match) {
      const at = stream.text.indexOf(labelKey(phrase), pos);
      if (at >= 0) {
        found = { at, len: labelKey(phrase).length };
        break;
      }
    }
    // A phrase found ahead in a line after the table's last figure (a note under the table naming the row, "注：…主要
    // 涉及保护第三方合法权益…") while the row's label stands earlier among the rows placed (printed out of order: blind
    // round 17, b130): the earlier label is the row; the note is none.
    if (found && !TOP_ROWS.includes(row.key)) found = noteAfterTable(lines, stream, row.match, found, pos, starts, to);
    // The two rows of the balance's left side in the other order (二、上年结转 printed above 一、本年新收, blind round
    // 11, b87): the row is looked for again before the other one, where nothing else was found.
    if (!found && TOP_ROWS.includes(row.key)) found = topRowBefore(stream.text, row.match, starts.length, phraseEnds, t);
    // A row the agency moved up (（七）总计 first among the results, blind round 15, b116): looked for before the
    // point reached by its numbered label only (（七）总计, not a bare 总计 that the header holds too), printed once.
    if (!found) found = numberedBefore(stream.text, row.match, pos);
    // An item the agency listed elsewhere in its group (items by count, largest first: blind round 16, b119): looked
    // for before the point reached by a phrase printed once in the whole stream, on a line no placed row starts on.
    if (!found && !TOP_ROWS.includes(row.key)) found = uniqueBefore(stream, row.match, pos, starts);
    if (!found) {
      starts.push(undefined);
      phraseEnds.push(undefined);
      continue;
    }
    if (found.at < pos) {
      // Found before a row already placed: its extent runs to the next start in line order (below). A phrase with
      // no figure line before the next row (a note above the table naming 上年结转) is no row.
      // A phrase beginning with its own numbering (numberedBefore) starts its label: no earlier prefix is sought.
      const line = stream.lineOf[labelStart(stream.text, found.at, found.numbered ? found.at : 0)];
      const nextLine = starts.filter((n): n is number => n !== undefined && line !== undefined && n > line);
      const until = nextLine.length > 0 ? Math.min(...nextLine) : to;
      if (line === undefined || !lines.slice(line, until).some(hasFigures)) {
        starts.push(undefined);
        phraseEnds.push(undefined);
        continue;
      }
      starts.push(line);
      phraseEnds.push(found.at + found.len);
      continue;
    }
    const begin = labelStart(stream.text, found.at, prevEnd);
    starts.push(stream.lineOf[begin]);
    pos = found.at + found.len;
    prevEnd = pos;
    phraseEnds.push(pos);
  }
  const absent = collapsedRows(t, starts, phraseEnds, stream.text);
  const foundCount = starts.filter((s) => s !== undefined).length;
  // A handful of distinctive row labels in order is the table (a single page image may hold only its top part).
  if (foundCount < Math.min(4, rowKeys.length / 2)) {
    rowKeys.forEach(markAll);
    return { figures, unreadable, tentative, found: false };
  }

  // Rows a collapsed group leaves out are no gap to fill: fill on the rows the document has.
  const present = rowKeys.flatMap((k, i) => (absent.has(k) ? [] : [i]));
  const compact = present.map((i) => starts[i]);
  fillGaps(lines, compact, to);
  present.forEach((i, n) => (starts[i] = compact[n]));

  // Extent of each found row; the last row takes only its first figure line (what follows is the next chapter).
  const extents: ({ from: number; to: number } | undefined)[] = starts.map((s, i) => {
    if (s === undefined) return undefined;
    // The next row in line order (rows are in the template's order but for a swapped balance pair).
    const later = starts.filter((n): n is number => n !== undefined && n > s);
    const next = later.length > 0 ? Math.min(...later) : undefined;
    if (next !== undefined) return { from: s, to: next };
    let end = s;
    while (end < to && !hasFigures(lines[end]!)) end++;
    return { from: s, to: Math.min(end + 1, to) };
  });
  const headerTo = starts.find((s) => s !== undefined) ?? from;
  // A column the agency added for last year's figures (上年同期 after 总计: blind round 9, b78) is no column of the
  // template; its figures are set aside. Where its header cell cannot be told apart from the seven, nothing is read.
  const aside = priorYearSpans(lines, from, headerTo);
  if (aside === 'doubt') {
    rowKeys.forEach(markAll);
    return { figures, unreadable, tentative, found: true };
  }
  const underAside = (t: TextItem) => aside.some((s) => coord(t, 'centre') >= s.x0 && coord(t, 'centre') <= s.x1);
  const rowTokens = extents.map((e) => {
    if (!e) return [];
    const toks: TextItem[] = [];
    for (let i = e.from; i < e.to; i++) {
      // A 其中 line the agency added under a row with figures of its own (其中：网上申请 under 本年新收, blind round
      // 11, b92) is a part of the row, not the row: read with it, the row held two figures per cell (unreadable).
      if (i > e.from && hasFigures(lines[e.from]!) && /^其中/.test(labelText(lines[i]!))) continue;
      toks.push(...figureTokens(lines[i]!).filter((t) => !underAside(t)));
    }
    return toks;
  });

  const order = columnOrder(lines, from, headerTo);
  // The header names the columns in an order other than the template's but not all of them can be placed: which
  // figure is whose is a guess, and a permutation of columns passes every check. Nothing is read.
  if (order === 'doubt') {
    rowKeys.forEach(markAll);
    return { figures, unreadable, tentative, found: true };
  }
  // 法人或其他组织 printed as one column (no five sub-columns): 自然人 and 总计 are read, the five are unreadable.
  // A row with more than three figures has more columns than that: the header was misread (a text reading that
  // lost the five kinds' cells), not merged.
  const merged = rowTokens.some((r) => r.filter((t) => t.text !== '').length > 3) ? undefined : mergedOrgColumns(lines, from, headerTo);
  const columns = merged ?? columnModel(lines, from, headerTo, rowTokens.flat(), order);
  /** Rows with a cell holding two numbers. */
  const crowded = new Set<number>();
  rowKeys.forEach((row, i) => {
    if (absent.has(row)) {
      // Not printed as rows of their own: unknown (see collapsedNote below).
      cols.forEach((c) => (figures[`s3.${row}.${c.key}`] = null));
      return;
    }
    const ext = extents[i];
    // A missing row next to a found one means the found row's extent may hold both rows' figures: trust neither.
    const nextRow = rowKeys.findIndex((k, j) => j > i && !absent.has(k));
    const nextMissing = nextRow >= 0 && starts[nextRow] === undefined;
    const lineCount = ext ? countFigureLines(lines, ext.from, ext.to) : 0;
    if (!ext || (nextMissing && lineCount > 1)) return markAll(row);
    // No figure cell, yet digits in the row's label beyond its numbering: its figures are glued into the label
    // (text whose cells stand apart by tabs or nothing). Blank would read them as 0.
    if (!rowTokens[i]!.some((tk) => tk.text !== '') && gluedDigits(lines, ext.from, ext.to)) return markAll(row);
    if (merged) {
      const [natural, , total] = assignRow(rowTokens[i]!, merged, 3);
      for (const c of cols) {
        const v = c.key === 'natural_person' ? natural! : c.key === 'total' ? total! : { value: null, unreadable: true };
        figures[`s3.${row}.${c.key}`] = v.value;
        if (v.unreadable) unreadable.push(`s3.${row}.${c.key}`);
      }
      return;
    }
    const values = assignRow(rowTokens[i]!, columns, cols.length);
    if (values.some((v) => v.crowded)) crowded.add(i);
    values.forEach((v, c) => {
      const key = `s3.${row}.${cols[order?.[c] ?? c]!.key}`;
      figures[key] = v.value;
      if (v.unreadable) unreadable.push(key);
      if (v.tentative !== undefined) tentative[key] = v.tentative;
    });
  });
  // A row with two figure lines beside a row with none: the blank row's figures are likely the extra line, so its
  // zeros would be a guess (and, with the crowded row unreadable, no check could catch it).
  for (const i of crowded) {
    for (const j of [neighbour(i, -1), neighbour(i, 1)]) {
      if (j === undefined || !extents[j] || rowTokens[j]!.some((tok) => tok.text !== '')) continue;
      if (cols.some((c) => unreadable.includes(`s3.${rowKeys[j]}.${c.key}`))) continue;
      markAll(rowKeys[j]!);
    }
  }
  const notes = absent.size > 0 ? [collapsedNote(t, figures, unreadable, absent)] : undefined;
  return { figures, unreadable, tentative, found: true, ...(notes ? { notes } : {}) };

  /** The nearest row on that side that the document prints. */
  function neighbour(i: number, step: number): number | undefined {
    for (let j = i + step; j >= 0 && j < rowKeys.length; j += step) if (!absent.has(rowKeys[j]!)) return j;
    return undefined;
  }
}

/** A label numbered as a group or chapter of 三 is (（七）总计, 四、结转下年度): unlike 1.–8., no two rows share it. */
const GROUP_NUMBERED = /^[（(][一二三四五六七][)）]|^[一二三四]、/;

/** A row's numbered phrase (GROUP_NUMBERED) found once in the stream, before `pos`. */
function numberedBefore(text: string, match: string[], pos: number): { at: number; len: number; numbered: true } | undefined {
  for (const phrase of match.filter((m) => GROUP_NUMBERED.test(m))) {
    const key = labelKey(phrase);
    const at = text.indexOf(key);
    if (at >= 0 && at < pos && text.indexOf(key, at + 1) < 0) return { at, len: key.length, numbered: true };
  }
  return undefined;
}

/**
 * A row's phrase found once in the whole stream, before `pos`, where no row already placed starts (its numbering
 * left out: 4. is shared by the items of other groups, the phrase is not). A phrase printed twice is a doubt.
 */
function uniqueBefore(stream: { text: string; lineOf: number[] }, match: string[], pos: number, starts: (number | undefined)[]): { at: number; len: number } | undefined {
  for (const phrase of match) {
    const key = labelKey(phrase);
    const at = stream.text.indexOf(key);
    if (at < 0 || at >= pos || stream.text.indexOf(key, at + 1) >= 0) continue;
    const line = stream.lineOf[labelStart(stream.text, at, 0)];
    if (line === undefined || starts.includes(line)) continue;
    return { at, len: key.length };
  }
  return undefined;
}

/**
 * A phrase found ahead (`found`, at or after `pos`) on a line with no figure line after it in the table, when the row's
 * phrase also stands once before `pos` on a line below the first row placed that no placed row starts on: that earlier
 * label is the row (returned as found before `pos`), the later phrase a note under the table. The same for a remark
 * between two rows of figures (REMARK), which without such an earlier label leaves the row not found. Otherwise `found`.
 */
function noteAfterTable(lines: Line[], stream: { text: string; lineOf: number[] }, match: string[], found: { at: number; len: number }, pos: number, starts: (number | undefined)[], to: number): { at: number; len: number } | undefined {
  const line = stream.lineOf[found.at];
  if (line === undefined) return found;
  // A remark inside the table, between two rows of figures ("其中：不予公开的申请多涉及保护第三方合法权益…" between
  // （七）总计 and 四、结转: blind round 18, b135), is a note as well: a line of no figures that reads as one.
  const remark = !hasFigures(lines[line]!) && REMARK.test(labelText(lines[line]!));
  if (!remark && lines.slice(line, to).some(hasFigures)) return found;
  const placed = starts.filter((n): n is number => n !== undefined);
  if (placed.length === 0) return found;
  const first = Math.min(...placed);
  for (const phrase of match) {
    const key = labelKey(phrase);
    const at = stream.text.indexOf(key);
    if (at < 0 || at >= pos || stream.text.indexOf(key, at + 1) < pos) continue;
    const start = stream.lineOf[labelStart(stream.text, at, 0)];
    if (start !== undefined && start > first && !starts.includes(start)) return { at, len: key.length };
  }
  // A remark is never the row: with no label of the row before it, the row is not found (unreadable, not blank).
  return remark ? undefined : found;
}

/** A line that is a remark, not a row's label: it opens as notes do (注：, 其中：, 说明：, 备注：) or ends a sentence (。). */
const REMARK = /^(?:注|其中|说明|备注)\d*[:：]|。$/;

/** The rows whose order may be swapped: 一、本年新收 and 二、上年结转 (their sum is the balance's left side). */
const TOP_ROWS = ['new_received', 'carried_over'];

/**
 * A row of TOP_ROWS searched for before the point the forward search reached: its phrase must occur once in the
 * stream (two occurrences are a doubt) and end before the other top row's phrase begins.
 */
function topRowBefore(text: string, match: string[], index: number, phraseEnds: (number | undefined)[], t: TemplateDef): { at: number; len: number } | undefined {
  const rows = t.section3Rows;
  const other = rows.findIndex((r, i) => i !== index && TOP_ROWS.includes(r.key));
  const otherEnd = other < 0 ? undefined : phraseEnds[other];
  if (otherEnd === undefined) return undefined;
  const otherPhrase = rows[other]!.match.map(labelKey).find((p) => text.slice(otherEnd - p.length, otherEnd) === p);
  if (otherPhrase === undefined) return undefined;
  const otherStart = otherEnd - otherPhrase.length;
  for (const phrase of match) {
    const key = labelKey(phrase);
    const at = text.indexOf(key);
    if (at >= 0 && at + key.length <= otherStart && text.indexOf(key, at + 1) < 0) return { at, len: key.length };
  }
  return undefined;
}

/**
 * A collapsed group (t.collapsedGroup: the 2019 （六）其他处理, one row, in a 2021 report; blind round 15, b118): the
 * report does not say which of the 2021 sub-rows its figures belong to, and a figure it does not print is never
 * invented. Every sub-row, the one whose phrase the single row matched included, is unknown (null, unreadable:
 * the document is flagged and the checks needing them are uncertain); the figures printed in the single row are
 * kept in the note returned, for the result's reason.
 */
function collapsedNote(t: TemplateDef, figures: Record<string, number | null>, unreadable: string[], absent: Set<string>): string {
  const g = t.collapsedGroup!;
  const printed = SECTION3_COLUMNS.map((c) => {
    const k = `s3.${g.row}.${c.key}`;
    const v = unreadable.includes(k) ? '?' : String(figures[k] ?? 0);
    return `${c.label} ${v}`;
  });
  for (const row of [g.row, ...absent]) {
    for (const c of SECTION3_COLUMNS) {
      const k = `s3.${row}.${c.key}`;
      figures[k] = null;
      if (!unreadable.includes(k)) unreadable.push(k);
    }
  }
  return `（六）其他处理 printed as one row (the 2019 table), its sub-rows 1.–3. not printed: unknown; the row as printed: ${printed.join(', ')}`;
}

/**
 * The rows a collapsed group leaves out (t.collapsedGroup): none of them found, and the group's row found by its
 * single-row phrase (（六）其他处理) right where its label starts. Empty when the document prints the full group.
 */
function collapsedRows(t: TemplateDef, starts: (number | undefined)[], phraseEnds: (number | undefined)[], text: string): Set<string> {
  const g = t.collapsedGroup;
  if (!g) return new Set();
  const keys = t.section3Rows.map((r) => r.key);
  if (g.absent.some((k) => starts[keys.indexOf(k)] !== undefined)) return new Set();
  const end = phraseEnds[keys.indexOf(g.row)];
  if (end === undefined) return new Set();
  const near = text.slice(Math.max(0, end - 12), end + 12);
  return g.match.some((m) => near.includes(labelKey(m))) ? new Set(g.absent) : new Set();
}

/**
 * Rows whose label was not found (damaged text, a misread OCR label) between two found rows: when the found row
 * before them holds exactly one figure line per row in the gap plus its own, the template order places them.
 * The inferred start is the figure line itself; anything less clear-cut stays missing (and unreadable).
 */
function fillGaps(lines: Line[], starts: (number | undefined)[], to: number): void {
  for (let i = 0; i < starts.length; i++) {
    if (starts[i] === undefined || starts[i + 1] !== undefined) continue;
    let j = i + 1;
    while (j < starts.length && starts[j] === undefined) j++;
    if (j >= starts.length) continue;
    const figureLines: number[] = [];
    for (let k = starts[i]!; k < starts[j]! && k < to; k++) if (hasFigures(lines[k]!)) figureLines.push(k);
    const gap = j - i - 1;
    if (figureLines.length !== gap + 1) continue;
    for (let g = 1; g <= gap; g++) starts[i + g] = figureLines[g];
  }
}

/** Digits in the labels of lines [from, to) other than a row's numbering (1. 2、): figures glued into a label. */
function gluedDigits(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/\d/.test(labelText(lines[i]!).replace(/\d{1,2}[.、]/g, ''))) return true;
  return false;
}

function countFigureLines(lines: Line[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (hasFigures(lines[i]!)) n++;
  return n;
}

/** A header cell naming last year's figures: 上年同期, 上一年度, 去年同期数. */
const PRIOR_YEAR = /上一?年|去年|同期/;

/**
 * The spans of header cells naming last year's figures, whose figures belong to no column of the template. With
 * eight figures to a row the figures' positions give no seven columns, and the header alone fails whenever one of
 * its cells is misread (b78: the chapter heading, centred over the page, was joined to 其他): the whole table went
 * unread. 'doubt' when such a cell spans the centre of another header cell: which figures lie under it is unclear.
 */
function priorYearSpans(lines: Line[], from: number, to: number): { x0: number; x1: number }[] | 'doubt' {
  // The chapter heading and captions above the table are lines of one item; centred over the page, one would be
  // joined to whichever header cell stands at the middle and spread it over the whole table.
  let first = from;
  while (first < to && lines[first]!.items.filter((it) => it.text !== '').length <= 1) first++;
  const cells = headerCells(lines, first, to, SECTION3_GROUP_HEADERS);
  const prior = cells.filter((c) => PRIOR_YEAR.test(c.text));
  const others = cells.filter((c) => !prior.includes(c));
  if (prior.some((p) => others.some((o) => o.x >= p.x0 && o.x <= p.x1))) return 'doubt';
  return prior.map(({ x0, x1 }) => ({ x0, x1 }));
}

/**
 * The order the header prints the seven applicant columns in, left to right, as indexes into SECTION3_COLUMNS, when
 * it is not the template's: some agencies redraw 三 with the five 法人或其他组织 columns before 自然人 (blind round 6,
 * b51), and read in the template's order every figure lands in another column while every check still passes.
 * undefined: the template's order, or a header not read well enough to say (each column must match exactly one
 * header cell); 'doubt': the header cells that can be placed stand in another order, but not all can.
 */
function columnOrder(lines: Line[], from: number, to: number): number[] | 'doubt' | undefined {
  const cells = headerCells(lines, from, to, SECTION3_GROUP_HEADERS);
  const at = SECTION3_COLUMNS.map((col) => {
    const hits = cells.filter((c) => headerMatches(c, col));
    return hits.length === 1 ? hits[0]!.x : undefined;
  });
  const placed = at.flatMap((x, i) => (x === undefined ? [] : [{ i, x }])).sort((a, b) => a.x - b.x);
  const inversion = placed.some((p, k) => k > 0 && p.i < placed[k - 1]!.i);
  if (!inversion) return undefined;
  if (placed.length < SECTION3_COLUMNS.length) return 'doubt';
  return placed.map((p) => p.i);
}

/**
 * Three columns 自然人 | 法人或其他组织 | 总计 when the header prints 法人或其他组织 as a column of its own, without the
 * five kinds of organisation under it (blind round 13, b102): the middle column is their sum, so which kind any
 * figure belongs to is unknown. Undefined unless 自然人 and 总计 are each one header cell, no header cell names one
 * of the five, and 法人或其他组织 stands between them.
 */
function mergedOrgColumns(lines: Line[], from: number, to: number): ColumnModel | undefined {
  const cells = headerCells(lines, from, to, SECTION3_GROUP_HEADERS);
  const [natural, ...orgs] = SECTION3_COLUMNS.slice(0, -1);
  const total = SECTION3_COLUMNS[SECTION3_COLUMNS.length - 1]!;
  const n = cells.filter((c) => headerMatches(c, natural!));
  const t = cells.filter((c) => headerMatches(c, total));
  if (n.length !== 1 || t.length !== 1 || cells.some((c) => orgs.some((o) => headerMatches(c, o)))) return undefined;
  // headerCells drops the group header; it is found among the header lines' own items.
  const org = lines.slice(from, to).flatMap((l) => l.items).filter((it) => labelKey(it.text) === labelKey('法人或其他组织'));
  const xs = org.map((it) => (it.x0 + it.x1) / 2).filter((x) => x > n[0]!.x && x < t[0]!.x);
  if (xs.length !== 1) return undefined;
  return { anchor: 'centre', centres: [n[0]!.x, xs[0]!, t[0]!.x] };
}

/**
 * Columns from figure positions when all seven show up; otherwise from the header cells 自然人 … 总计 (in `order`
 * when the header prints them in another order).
 */
function columnModel(lines: Line[], headerFrom: number, headerTo: number, tokens: TextItem[], order?: number[]): ColumnModel | undefined {
  if (tokens.length === 0) return undefined;
  const h = median(tokens.map((t) => t.h));
  const clustered = clusterColumns(tokens, SECTION3_COLUMNS.length, 0.75 * h);
  if (clustered) return { anchor: clustered.anchor, centres: clustered.centres };
  const cells = headerCells(lines, headerFrom, headerTo, SECTION3_GROUP_HEADERS);
  if (order) {
    const xs = order.map((i) => cells.find((c) => headerMatches(c, SECTION3_COLUMNS[i]!))!.x);
    return { anchor: 'centre', centres: xs };
  }
  const centres: number[] = [];
  let k = 0;
  for (const col of SECTION3_COLUMNS) {
    while (k < cells.length && !headerMatches(cells[k]!, col)) k++;
    if (k >= cells.length) return undefined;
    centres.push(cells[k]!.x);
    k++;
  }
  return { anchor: 'centre', centres };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}
