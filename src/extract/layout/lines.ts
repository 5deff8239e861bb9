/**
 * Turning sources into lines. Positioned items (PDF, OFD) are clustered into rows by vertical centre and merged into
 * tokens by horizontal gap; grids become one line per table row with the grid column as x. Reading order never comes
 * from the content stream: some producers draw column by column (extraction.md §2.1, the "hard" PDFs).
 */
import { normalize, parseNumber } from '../text.ts';
import type { Grid, Line, TextItem } from '../types.ts';
import { joinNoteRefs } from './note-refs.ts';
import { isSmallMark, markRaisedFootnotes, markText } from './raised-marks.ts';

/** Items whose vertical centres differ by less than this × glyph height share a line. */
const ROW_TOLERANCE = 0.45;
/** Items closer than this × glyph height are one token (glyph-per-operator producers split every word). */
const JOIN_GAP = 0.3;

export interface PageInfo {
  page: number;
  height: number;
}

/**
 * Clusters items into lines, page by page, top to bottom, and merges touching items into tokens.
 * Lines that are page furniture (a lone page number near the top or bottom edge) are dropped when page heights are known.
 */
export function linesFromItems(items: TextItem[], pages: PageInfo[] = []): Line[] {
  const byPage = new Map<number, TextItem[]>();
  for (const it of items) {
    const text = normalize(it.text);
    if (text.trim() === '' || !(it.h > 0)) continue;
    const list = byPage.get(it.page) ?? [];
    list.push({ ...it, text });
    byPage.set(it.page, list);
  }
  const heights = new Map(pages.map((p) => [p.page, p.height]));
  const lines: Line[] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const sorted = byPage.get(page)!.sort((a, b) => a.y - b.y || a.x0 - b.x0);
    const pageLines: { y: number; h: number; items: TextItem[] }[] = [];
    for (const it of sorted) {
      const last = pageLines[pageLines.length - 1];
      if (last && Math.abs(it.y - last.y) < ROW_TOLERANCE * Math.max(Math.min(it.h, last.h), 1e-6)) {
        last.items.push(it);
        last.y = (last.y * (last.items.length - 1) + it.y) / last.items.length;
      } else pageLines.push({ y: it.y, h: it.h, items: [it] });
    }
    const joined: RawLine[] = pageLines.map((l) => ({ y: l.y, h: median(l.items.map((i) => i.h)), items: joinTokens(markRaisedFootnotes(l.items)) }));
    joinNoteRefs(joined);
    joinWrappedMarks(joined);
    joinWrappedNumbers(joined);
    joinWrappedNotes(joined);
    const height = heights.get(page);
    for (const l of joined) {
      if (l.items.length === 0) continue;
      const line: Line = { page, ...l };
      if (height !== undefined && isPageFurniture(line, height)) continue;
      lines.push(line);
    }
  }
  return lines;
}

/**
 * Numbers wrapped in their cells joined again on lines taken apart after layout (the halves of a table set side by
 * side, tables/side-by-side.ts): there a half's line held the other half's labels, so the wrap (lines of nothing but
 * numbers around the row's line) could not be seen. Lines of one page, in order; emptied lines are left out.
 */
export function rejoinWrappedNumbers(lines: Line[]): Line[] {
  const copy = lines.map((l) => ({ ...l, items: l.items.map((it) => ({ ...it })) }));
  joinWrappedNumbers(copy);
  return copy.filter((l) => l.items.length > 0);
}

interface RawLine {
  y: number;
  h: number;
  items: TextItem[];
}

const NUMERIC = /^[\d,.]*\d[\d,.]*$|^[\d,.]*[,.]$/;

/**
 * A number too wide for its cell wraps onto two lines ("5,42" over "4"), above and below the row's other figures.
 * Two stacked fragments of one column join when neither line between them has anything in that column and one
 * fragment alone is no number while both together are ("5,42" + "4" = 5,424): a break inside a thousands group or
 * after its comma. The joined number goes to the line between them (the row's own line) when there is one.
 * Two fragments that are numbers alone ("123" over "4") join only when they straddle the row's line as a wrapped
 * cell does: one line between them, holding other figures and nothing in this column, centred between them, the
 * two within 1.6 glyph heights (three rows' figures lie further apart), on lines that hold nothing but numbers, the
 * upper fragment no shorter than the lower (the first line of a wrap is full). Otherwise they stay apart; the
 * mapper then finds two numbers in one cell and reports it unreadable.
 */
function joinWrappedNumbers(lines: RawLine[]): void {
  for (let a = 0; a < lines.length; a++) {
    for (const upper of [...lines[a]!.items]) {
      const u = upper.text.trim();
      if (!NUMERIC.test(u)) continue;
      for (let b = a + 1; b < lines.length && lines[b]!.y - lines[a]!.y <= 2.5 * upper.h; b++) {
        const overlaps = (it: TextItem) => Math.max(it.x0, upper.x0) < Math.min(it.x1, upper.x1);
        const lower = lines[b]!.items.find((it) => overlaps(it) && NUMERIC.test(it.text.trim()));
        const between = lines.slice(a + 1, b);
        if (!lower) {
          if (lines[b]!.items.some(overlaps)) break;
          continue;
        }
        const l = lower.text.trim();
        const alone = typeof parseNumber(u) === 'number' && typeof parseNumber(l) === 'number';
        if ((alone && !straddles(lines[a]!, lines[b]!, between, upper, lower)) || typeof parseNumber(u + l) !== 'number' || between.some((x) => x.items.some(overlaps))) break;
        // Digits set apart within their cell and wrapped ("1 4" over "9"): a number beside a fragment on its own
        // line, closer than a neighbouring cell's, means the pieces cannot be put together. All of them are doubtful,
        // so the cell they land in is unreadable, never a number made of some of them (19 for 149).
        const near = [...crowding(lines[a]!, upper), ...crowding(lines[b]!, lower)];
        if (near.length > 0) {
          for (const it of [upper, lower, ...near]) it.doubtful = true;
          break;
        }
        const mid = (lines[a]!.y + lines[b]!.y) / 2;
        const target = between.sort((p, q) => Math.abs(p.y - mid) - Math.abs(q.y - mid))[0] ?? lines[a]!;
        const joined: TextItem = { ...upper, text: u + l, x0: Math.min(upper.x0, lower.x0), x1: Math.max(upper.x1, lower.x1), y: target.y };
        if (upper.doubtful || lower.doubtful) joined.doubtful = true;
        lines[a]!.items = lines[a]!.items.filter((it) => it !== upper);
        lines[b]!.items = lines[b]!.items.filter((it) => it !== lower);
        target.items = [...target.items, joined].sort((p, q) => p.x0 - q.x0);
        break;
      }
    }
  }
}

/**
 * A figure with a footnote mark set a few spaces after it wraps in its narrow cell: the figure above the row's line,
 * the mark (smaller: a superscript run) below it at the figure's right end ("220" over "¹", "28" over "②"; blind
 * round 17, b131). Joined as digits, "220" + "1" read 2201; left apart, the figure stood on no row's line. The mark
 * goes with its figure onto the row's line: the line between them nearest their middle, or the mark's own line
 * when that holds other tokens and none lies between. Nothing else may stand in the column between them.
 */
function joinWrappedMarks(lines: RawLine[]): void {
  for (let a = 0; a < lines.length; a++) {
    for (const upper of [...lines[a]!.items]) {
      if (!NUMERIC.test(upper.text.trim())) continue;
      for (let b = a + 1; b < lines.length && lines[b]!.y - lines[a]!.y <= 2.5 * upper.h; b++) {
        const mark = lines[b]!.items.find((it) => isSmallMark(it, upper) && it.x0 >= upper.x0 && it.x0 <= upper.x1 + upper.h);
        const span = (it: TextItem) => Math.max(it.x0, upper.x0) < Math.min(it.x1, mark ? Math.max(mark.x1, upper.x1) : upper.x1);
        if (!mark) {
          if (lines[b]!.items.some(span)) break;
          continue;
        }
        const between = lines.slice(a + 1, b);
        if (between.some((x) => x.items.some(span))) break;
        const mid = (lines[a]!.y + lines[b]!.y) / 2;
        const others = lines[b]!.items.filter((it) => it !== mark);
        const target = between.sort((p, q) => Math.abs(p.y - mid) - Math.abs(q.y - mid))[0] ?? (others.length > 0 ? lines[b]! : lines[a]!);
        const joined: TextItem = { ...upper, text: `${upper.text.trim()}${markText(mark)}`, y: target.y };
        lines[a]!.items = lines[a]!.items.filter((it) => it !== upper);
        lines[b]!.items = lines[b]!.items.filter((it) => it !== mark);
        target.items = [...target.items, joined].sort((p, q) => p.x0 - q.x0);
        break;
      }
    }
  }
}

/** Numbers on the fragment's line within 1.5 glyph heights of it (digits set apart in one cell). */
function crowding(line: RawLine, it: TextItem): TextItem[] {
  return line.items.filter((o) => o !== it && NUMERIC.test(o.text.trim()) && Math.max(o.x0 - it.x1, it.x0 - o.x1) < 1.5 * it.h);
}

/** A fragment that opens a note after a number and does not close it: "5(含", "2(其", "12件(". */
const OPENS_NOTE = /^[\d,.]*\d[\d,.]*[^\d()]{0,2}\([^)]*$/;

/**
 * A figure with a note beside it ("125（含跨年度1件）") wraps in its narrow cell over several lines ("12" / "5(含" /
 * "跨年" / "度1" / "件)"), around the row's own line. The fragments of one column, each alone in that column on
 * successive lines (within 1.6 glyph heights), from the one that opens the bracket (with whole-number fragments
 * right above it on lines of their own) to the one that closes it, join into one token on the row's line: the line among them that holds
 * other tokens, nearest their middle. The joined text reads as the figure (text.ts); a note correcting it, as
 * unreadable.
 */
function joinWrappedNotes(lines: RawLine[]): void {
  for (let a = 0; a < lines.length; a++) {
    for (const opener of [...lines[a]!.items]) {
      if (!OPENS_NOTE.test(opener.text.trim())) continue;
      const inColumn = (l: RawLine) => l.items.filter((it) => Math.max(it.x0, opener.x0) < Math.min(it.x1, opener.x1));
      const alone = (i: number) => {
        const hits = inColumn(lines[i]!);
        return hits.length === 1 ? hits[0]! : undefined;
      };
      const near = (i: number, j: number) => Math.abs(lines[j]!.y - lines[i]!.y) <= 1.6 * opener.h;
      const stack: { line: number; item: TextItem }[] = [{ line: a, item: opener }];
      for (let i = a - 1; i >= 0 && near(i, i + 1); i--) {
        // Only a line holding nothing else: a number on a line with others is a figure of the row above.
        const it = alone(i);
        if (!it || lines[i]!.items.length !== 1 || !NUMERIC.test(it.text.trim())) break;
        stack.unshift({ line: i, item: it });
      }
      let closed = false;
      for (let i = a + 1; i < lines.length && near(i - 1, i) && stack.length < 12; i++) {
        const it = alone(i);
        if (!it) break;
        stack.push({ line: i, item: it });
        if (it.text.includes(')')) {
          closed = true;
          break;
        }
      }
      if (!closed) continue;
      const text = stack.map((f) => f.item.text.trim()).join('');
      if (parseNumber(text) === undefined && !/^[\d,.]*\d[\d,.]*[^\d()]{0,2}\(.*\)$/.test(text)) continue;
      const first = stack[0]!.line;
      const last = stack[stack.length - 1]!.line;
      const mid = (lines[first]!.y + lines[last]!.y) / 2;
      const rowLines = stack.map((f) => f.line).filter((i) => lines[i]!.items.length > 1);
      const target = rowLines.sort((p, q) => Math.abs(lines[p]!.y - mid) - Math.abs(lines[q]!.y - mid))[0] ?? stack[Math.floor(stack.length / 2)]!.line;
      const joined: TextItem = { ...opener, text, x0: Math.min(...stack.map((f) => f.item.x0)), x1: Math.max(...stack.map((f) => f.item.x1)), y: lines[target]!.y };
      if (stack.some((f) => f.item.doubtful)) joined.doubtful = true;
      for (const f of stack) lines[f.line]!.items = lines[f.line]!.items.filter((it) => it !== f.item);
      lines[target]!.items = [...lines[target]!.items, joined].sort((p, q) => p.x0 - q.x0);
    }
  }
}

/** Two whole numbers stacked around the row's line the way one wrapped number is (see joinWrappedNumbers). */
function straddles(above: RawLine, below: RawLine, between: RawLine[], upper: TextItem, lower: TextItem): boolean {
  const row = between.length === 1 ? between[0]! : undefined;
  if (!row || !row.items.some((it) => NUMERIC.test(it.text.trim()))) return false;
  const h = upper.h;
  const centred = Math.abs((above.y + below.y) / 2 - row.y) <= 0.3 * h;
  const close = below.y - above.y <= 1.6 * h;
  const onlyNumbers = [above, below].every((l) => l.items.every((it) => NUMERIC.test(it.text.trim())));
  return centred && close && onlyNumbers && upper.text.trim().length >= lower.text.trim().length;
}

function joinTokens(items: TextItem[]): TextItem[] {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  const out: TextItem[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    const text = it.text.trim();
    // Fake bold: the same glyphs drawn twice, slightly offset. Overlapping repeats are dropped, not doubled ("11").
    if (last && last.text.endsWith(text) && it.x0 < last.x1 && last.x1 - it.x0 > 0.5 * (it.x1 - it.x0)) continue;
    if (last && it.x0 - last.x1 < JOIN_GAP * Math.min(it.h, last.h) && it.x0 >= last.x0) {
      last.text += text;
      last.x1 = Math.max(last.x1, it.x1);
    } else out.push({ ...it, text });
  }
  return out;
}

const FURNITURE = /^(-?\s*\d{1,3}\s*-?|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

function isPageFurniture(line: Line, pageHeight: number): boolean {
  const edge = line.y < pageHeight * 0.06 || line.y > pageHeight * 0.92;
  return edge && FURNITURE.test(line.items.map((i) => i.text).join(' ').trim());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Grid units: one grid column is 1 wide, and tokens get height 1 so that the shared tolerances work unchanged. */
export function linesFromGrid(grid: Grid, page = 1, yStart = 0): Line[] {
  const lines: Line[] = [];
  grid.rows.forEach((row, r) => {
    const items: TextItem[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const text = normalize(cell.text).trim();
      if (text === '') {
        // An empty cell still occupies its column; keep it so blank figures stay in place.
        items.push({ text: '', page, x0: c, x1: c + cell.colSpan, y: yStart + r, h: 1, ...(cell.doubtful ? { doubtful: true } : {}) });
        return;
      }
      items.push({ text, page, x0: c, x1: c + cell.colSpan, y: yStart + r, h: 1 });
    });
    lines.push({ page, y: yStart + r, h: 1, items });
  });
  return lines;
}

/**
 * A paragraph as a line (grid sources keep paragraphs and tables in document order): running text is one item; a
 * paragraph whose words stand apart by runs of two or more spaces is a table row pasted as text and aligned with
 * spaces (see alignedItems).
 */
export function paragraphLine(text: string, page: number, y: number): Line {
  const aligned = alignedItems(text, page, y);
  if (aligned) return { page, y, h: 1, items: aligned };
  const t = normalize(text).trim();
  return { page, y, h: 1, items: [{ text: t, page, x0: 0, x1: Math.max(1, t.length), y, h: 1 }] };
}

/** Spaces as a CMS keeps them: plain, no-break (&nbsp;) and ideographic (two columns wide). */
const SPACE = /[ \u00a0\u3000]/;
/** Two or more spaces between two words: a gap no sentence has, the gap between columns of aligned text. */
const COLUMN_GAP = /\S[ \u00a0\u3000]{2,}\S|\S\u3000\S/;
/** Display width of a character in a monospaced editor: CJK and full-width forms take two columns. */
const wide = (ch: string) => (WIDE.test(ch) ? 2 : 1);
/** CJK, full-width forms, and the punctuation of East Asian "ambiguous" width (“ ” — … ①) that CJK fonts set wide. */
const WIDE = /[\u1100-\u115f\u2010-\u203f\u2160-\u2188\u2460-\u26ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000]/;

/**
 * A table copied as text into a CMS editor (or typed so in Word) keeps its columns only by alignment: each row a
 * paragraph, cells apart by runs of (no-break) spaces. Such a paragraph becomes one item per cell, placed at its
 * display column (CJK two columns wide, h 1 as in grids), so the mappers read it by position as any row; words
 * one space apart stay one cell unless a number stands on either side ("0 0 0"). Paragraphs without such a gap and
 * without a row's shape, or holding a tab (tab stops are unknown, so positions would lie), stay running text.
 */
function alignedItems(source: string, page: number, y: number): TextItem[] | undefined {
  // Line breaks and indentation of the HTML source are no text; leading no-break spaces are (they set the offset).
  const raw = source.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/[\r\n][ \t\r\n]*/g, ' ');
  if (raw.includes('\t')) return tabbedRow(raw, page, y);
  const words: { text: string; x0: number; x1: number; gapBefore: number }[] = [];
  let col = 0;
  let gap = 0;
  let cur: { text: string; x0: number; x1: number; gapBefore: number } | undefined;
  for (const ch of raw) {
    const w = wide(ch);
    if (SPACE.test(ch)) {
      if (cur) words.push(cur);
      cur = undefined;
      gap += w;
    } else {
      if (!cur) {
        cur = { text: '', x0: col, x1: col, gapBefore: gap };
        gap = 0;
      }
      cur.text += ch;
      cur.x1 = col + w;
    }
    col += w;
  }
  if (cur) words.push(cur);
  const cells: typeof words = [];
  for (const w of words) {
    const last = cells[cells.length - 1];
    if (last && w.gapBefore === 1 && !isNumberish(last.text) && !isNumberish(w.text)) {
      last.text += ` ${w.text}`;
      last.x1 = w.x1;
    } else cells.push({ ...w });
  }
  // Without a column gap, only a row's shape: a label (or none) and then numbers alone, one space apart ("规章 0 0 0",
  // a table pasted where the editor collapsed its spaces). Their positions then align with nothing: the mappers read
  // such a row only when it holds exactly as many numbers as the table has columns.
  const rowShape = cells.length >= 2 && cells.slice(1).every((c) => isNumberish(c.text));
  if (!COLUMN_GAP.test(raw) && !rowShape) return undefined;
  return cells.map((c) => ({ text: normalize(c.text).trim(), page, x0: c.x0, x1: c.x1, y, h: 1 }));
}

const isNumberish = (s: string) => parseNumber(s) !== undefined;

/**
 * A paragraph whose cells a tab separates: where each tab lands depends on the tab stops and the text's width, so
 * the cells' columns are unknown. Only a row's shape is read, one tab before each number ("规章→0→0→0"), its cells
 * placed by their order in the text (read only when a row holds a figure per column); an empty cell among the
 * numbers (a blank, or tabs for alignment) leaves the paragraph running text.
 */
function tabbedRow(raw: string, page: number, y: number): TextItem[] | undefined {
  const all = raw.split('\t').map((f) => f.trim());
  // Label cells (a group and an item: "（三）不予公开→1.属于国家秘密") join into one; then numbers only, none empty.
  const k = all.findIndex((f) => f !== '' && isNumberish(f));
  if (k < 0 || all.length < 2 || all.slice(k).some((f) => f === '' || !isNumberish(f))) return undefined;
  // A row of numbers alone (四's figures under their header) has no label cell.
  const fields = k === 0 ? all : [all.slice(0, k).filter((f) => f !== '').join(' '), ...all.slice(k)];
  let x = 0;
  return fields.map((f) => {
    const text = normalize(f).trim();
    const item = { text, page, x0: x, x1: x + [...f].reduce((n, ch) => n + wide(ch), 0), y, h: 1 };
    x = item.x1 + 1;
    return item;
  });
}

/** Joins lines into plain text: tokens separated by a space, lines by newlines. */
export function linesToText(lines: Line[]): string {
  return lines
    .map((l) => l.items.map((i) => i.text).filter((t) => t !== '').join(' '))
    .filter((t) => t !== '')
    .join('\n');
}
