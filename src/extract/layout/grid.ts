/** Building grids from row-wise cell lists with rowspan/colspan (HTML, ODT) into an occupancy-correct matrix. */
import type { Grid, GridCell } from '../types.ts';

/** Largest grid built; a crafted rowspan="65534" must not allocate millions of cells. */
const MAX_SPAN = 1000;
const MAX_CELLS = 200_000;

export function expandSpans(rows: GridCell[][]): Grid {
  const out: (GridCell | null)[][] = [];
  const taken: boolean[][] = [];
  let cells = 0;
  rows.forEach((row, r) => {
    out[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      const cs = clamp(cell.colSpan);
      const rs = clamp(cell.rowSpan);
      out[r]![c] = { text: cell.text, colSpan: cs, rowSpan: rs };
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        taken[r + dr] ??= [];
        out[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) {
          taken[r + dr]![c + dc] = true;
          if (dr || dc) out[r + dr]![c + dc] = null;
          if (++cells > MAX_CELLS) throw new Error('table too large');
        }
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...out.map((r) => r.length));
  return { rows: out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) };
}

function clamp(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}
