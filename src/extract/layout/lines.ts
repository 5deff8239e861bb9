/**
 * Turning sources into lines. Positioned items (PDF, OFD) are clustered into rows by vertical centre and merged into
 * tokens by horizontal gap; grids become one line per table row with the grid column as x. Reading order never comes
 * from the content stream: some producers draw column by column (extraction.md §2.1, the "hard" PDFs).
 */
import { normalize } from '../text.ts';
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
    const height = heights.get(page);
    for (const l of pageLines) {
      const line: Line = { page, y: l.y, h: median(l.items.map((i) => i.h)), items: joinTokens(l.items) };
      if (height !== undefined && isPageFurniture(line, height)) continue;
      lines.push(line);
    }
  }
  return lines;
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
        items.push({ text: '', page, x0: c, x1: c + cell.colSpan, y: yStart + r, h: 1 });
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
