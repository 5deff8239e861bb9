/**
 * Tables set side by side on one sheet (表二 | 表三 | 表四, an empty column between, a merged title over all): read
 * row by row, each line would hold a row of every table, and a chapter's rows would run into the next table's
 * (blind round 5, b47). The sheet is cut at its gap columns into bands, read one after another.
 */
import type { GridCell } from '../types.ts';

type Slots = (GridCell | null)[][];

/** Which anchored cell covers each slot: [row, col] of its top-left corner, or undefined for none. */
function owners(grid: Slots): ([number, number] | undefined)[][] {
  const own: ([number, number] | undefined)[][] = grid.map((row) => row.map(() => undefined));
  grid.forEach((row, r) => row.forEach((cell, c) => {
    if (!cell) return;
    for (let dr = 0; dr < cell.rowSpan && r + dr < grid.length; dr++) {
      for (let dc = 0; dc < cell.colSpan && c + dc < row.length; dc++) own[r + dr]![c + dc] = [r, c];
    }
  }));
  return own;
}

const filled = (cell: GridCell | null | undefined) => !!cell && (cell.text.trim() !== '' || !!cell.doubtful);
const isNumber = (s: string) => /^[\s\d.,+\-−%]+$/.test(s.trim());

/**
 * Columns that separate two tables: blank in every row, except under a cell spanning across it (a title over
 * several tables), with content on both sides.
 */
function gapColumns(grid: Slots): number[] {
  const own = owners(grid);
  const width = grid[0]?.length ?? 0;
  const gaps: number[] = [];
  for (let c = 1; c < width - 1; c++) {
    const blank = grid.every((row, r) => {
      const o = own[r]![c];
      if (!o) return true;
      const cell = grid[o[0]]![o[1]]!;
      const across = o[1] < c && o[1] + cell.colSpan - 1 > c;
      return across || (!filled(cell) && cell.colSpan === 1);
    });
    if (blank) gaps.push(c);
  }
  return gaps;
}

/**
 * A band begins a table of its own when its first column holds labels: a gap column inside one table (a spacer
 * between its labels and its figures) has numbers beside it instead, and cutting there would part rows from their
 * labels.
 */
function startsTable(grid: Slots, from: number): boolean {
  let labels = 0;
  let numbers = 0;
  for (const row of grid) {
    const cell = row[from];
    if (!filled(cell)) continue;
    if (isNumber(cell!.text)) numbers++;
    else labels++;
  }
  return labels > 0 && labels >= numbers;
}

/** The grid cut into side-by-side bands (one band when there is no gap between tables); spans clipped to the band. */
export function sideBySideBands(grid: Slots): Slots[] {
  const width = grid[0]?.length ?? 0;
  const runs: [number, number][] = [];
  for (const g of gapColumns(grid)) {
    const run = runs[runs.length - 1];
    if (run && run[1] === g - 1) run[1] = g;
    else runs.push([g, g]);
  }
  const cuts = runs.filter(([s, e]) => e + 1 < width && startsTable(grid, e + 1) && grid.some((row) => row.slice(0, s).some(filled)));
  if (cuts.length === 0) return [grid];
  const bounds: [number, number][] = [];
  let from = 0;
  for (const [s, e] of cuts) {
    bounds.push([from, s]);
    from = e + 1;
  }
  bounds.push([from, width]);
  return bounds.map(([a, b]) => grid.map((row) => row.slice(a, b).map((cell, i) => (cell ? { ...cell, colSpan: Math.min(cell.colSpan, b - a - i) } : null))));
}
