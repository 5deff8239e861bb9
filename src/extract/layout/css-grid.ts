/**
 * A table laid out as a CSS grid: a `display:grid` container with `grid-template-columns` and one child per cell,
 * merged cells spanning with `grid-column: span n` / `grid-row: span n` (responsive themes retype Word tables so;
 * blind round 7, b63). The cells flow into the grid by CSS's auto-placement (row by row, each item at the first
 * place from the cursor on where its span fits), which gives the table's grid. Only inline styles are seen; an item
 * placed explicitly (`grid-column: 2 / 4`, `grid-area`, `order`) or a column count not given inline makes the
 * container no grid here (read as text, as before).
 */
import type { Grid, GridCell } from '../types.ts';

const MAX_COLUMNS = 64;
const MAX_ROWS = 2000;

/** Number of columns of a `grid-template-columns` value: `repeat(10, 1fr)`, `120px repeat(3, 1fr) 2fr`, … */
export function gridColumnCount(template: string): number | undefined {
  let n = 0;
  let rest = template.trim();
  if (rest === '' || /auto-fill|auto-fit|subgrid|masonry|\[/.test(rest)) return undefined;
  rest = rest.replace(/repeat\(\s*(\d+)\s*,([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (_m, count: string, tracks: string) => {
    n += Number(count) * splitTracks(tracks).length;
    return ' ';
  });
  if (/repeat\(/.test(rest)) return undefined;
  n += splitTracks(rest).length;
  return n >= 1 && n <= MAX_COLUMNS ? n : undefined;
}

/** Track sizes separated by spaces, a function (minmax(…), fit-content(…)) being one. */
function splitTracks(s: string): string[] {
  return s.match(/[a-z-]+\([^()]*\)|[^\s()]+/gi) ?? [];
}

export interface GridItemStyle {
  colSpan: number;
  rowSpan: number;
}

/** An item's spans from its inline style; undefined when it is placed explicitly (not read here). */
export function gridItemStyle(style: string): GridItemStyle | undefined {
  const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1]?.trim().toLowerCase();
  if (prop('grid-area') !== undefined || prop('order') !== undefined) return undefined;
  const span = (axis: 'column' | 'row'): number | undefined => {
    const short = prop(`grid-${axis}`);
    const start = prop(`grid-${axis}-start`);
    const end = prop(`grid-${axis}-end`);
    if (short === undefined && start === undefined && end === undefined) return 1;
    const parts = [short, start, end].filter((p): p is string => p !== undefined).flatMap((p) => p.split('/').map((x) => x.trim()));
    // Only "span n" and "auto" place an item by the flow; a line number fixes its place.
    if (!parts.every((p) => p === 'auto' || /^span\s+\d+$/.test(p))) return undefined;
    const n = parts.map((p) => /^span\s+(\d+)$/.exec(p)?.[1]).find((x) => x !== undefined);
    return n === undefined ? 1 : Number(n);
  };
  const colSpan = span('column');
  const rowSpan = span('row');
  if (colSpan === undefined || rowSpan === undefined || colSpan < 1 || rowSpan < 1) return undefined;
  return { colSpan, rowSpan };
}

/** Places the items by CSS auto-placement (sparse, row-major); undefined when one cannot fit the columns. */
export function placeGridItems(columns: number, items: (GridItemStyle & { text: string })[]): Grid | undefined {
  const taken: boolean[][] = [];
  const out: (GridCell | null)[][] = [];
  const free = (r: number, c: number, it: GridItemStyle) => {
    for (let dr = 0; dr < it.rowSpan; dr++) for (let dc = 0; dc < it.colSpan; dc++) if (taken[r + dr]?.[c + dc]) return false;
    return true;
  };
  let row = 0;
  let col = 0;
  for (const it of items) {
    if (it.colSpan > columns || it.rowSpan > MAX_ROWS) return undefined;
    while (col + it.colSpan > columns || !free(row, col, it)) {
      col++;
      if (col + it.colSpan > columns) {
        col = 0;
        row++;
      }
      if (row > MAX_ROWS) return undefined;
    }
    for (let dr = 0; dr < it.rowSpan; dr++) {
      taken[row + dr] ??= [];
      out[row + dr] ??= [];
      for (let dc = 0; dc < it.colSpan; dc++) {
        taken[row + dr]![col + dc] = true;
        out[row + dr]![col + dc] = null;
      }
    }
    out[row]![col] = { text: it.text, colSpan: it.colSpan, rowSpan: it.rowSpan };
    col += it.colSpan;
  }
  const height = out.length;
  return { rows: Array.from({ length: height }, (_, r) => Array.from({ length: columns }, (_, c) => out[r]?.[c] ?? null)) };
}
