/**
 * Turning sources into lines. Positioned items (PDF, OFD) are clustered into rows by vertical centre and merged into
 * tokens by horizontal gap; grids become one line per table row with the grid column as x. Reading order never comes
 * from the content stream: some producers draw column by column (extraction.md §2.1, the "hard" PDFs).
 */
import { normalize, parseNumber } from '../text.ts';
import type { Grid, Line, TextItem } from '../types.ts';

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
    const joined: RawLine[] = pageLines.map((l) => ({ y: l.y, h: median(l.items.map((i) => i.h)), items: joinTokens(l.items) }));
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

/** A paragraph of running text as a one-item line (grid sources keep paragraphs and tables in document order). */
export function paragraphLine(text: string, page: number, y: number): Line {
  const t = normalize(text).trim();
  return { page, y, h: 1, items: [{ text: t, page, x0: 0, x1: Math.max(1, t.length), y, h: 1 }] };
}

/** Joins lines into plain text: tokens separated by a space, lines by newlines. */
export function linesToText(lines: Line[]): string {
  return lines
    .map((l) => l.items.map((i) => i.text).filter((t) => t !== '').join(' '))
    .filter((t) => t !== '')
    .join('\n');
}
