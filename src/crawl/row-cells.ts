/**
 * A table row's cells as a reader sees them: its own, and those of rows above it that span down into it. A table
 * grouped by year writes the year once, in a cell spanning its group (`<td rowspan="3">2024年</td>`): the group's
 * later rows hold only the unit and its link, and are the year's rows all the same. A grid's header of two rows
 * (单位 spanning both, "年度报告" over the years, then 2024年 | 2023年) has its years in the second.
 */
import type { Element } from 'domhandler';
import type { Doc } from './html.ts';

type Node = ReturnType<Doc>;

/** Per table, each row's cells (spanning cells from above included), in column order; null for a table without spans. */
const grids = new WeakMap<Element, Map<Element, Element[]> | null>();

const span = (cell: Node, attr: string, max: number) => Math.max(1, Math.min(max, Number(cell.attr(attr) ?? 1) || 1));

function gridOf($: Doc, table: Node): Map<Element, Element[]> | null {
  const el = table.get(0) as Element;
  const known = grids.get(el);
  if (known !== undefined) return known;
  if (!table.find('[rowspan], [colspan]').length) {
    grids.set(el, null);
    return null;
  }
  const grid = new Map<Element, Element[]>();
  // Cells still spanning down: per column, the cell and how many more rows it covers.
  const pending: ({ cell: Element; left: number } | undefined)[] = [];
  const rows = table.find('tr').filter((_, r) => $(r as Element).closest('table').get(0) === el);
  for (const r of rows.toArray()) {
    const cells: Element[] = [];
    let col = 0;
    const fromAbove = () => {
      while (pending[col] && pending[col]!.left > 0) {
        cells.push(pending[col]!.cell);
        pending[col]!.left -= 1;
        col += 1;
      }
    };
    for (const c of $(r as Element).children('td, th').toArray()) {
      fromAbove();
      const cell = $(c as Element);
      const wide = span(cell, 'colspan', 20);
      const tall = span(cell, 'rowspan', 200);
      for (let k = 0; k < wide; k++, col++) {
        cells.push(c as Element);
        pending[col] = tall > 1 ? { cell: c as Element, left: tall - 1 } : undefined;
      }
    }
    for (; col < pending.length; col++) if (pending[col] && pending[col]!.left > 0) (cells.push(pending[col]!.cell), (pending[col]!.left -= 1));
    grid.set(r as Element, cells);
  }
  grids.set(el, grid);
  return grid;
}

/**
 * The row's columns: index i is the cell in column i, a cell as many times as it is wide (`colspan`), those spanning
 * into the row from rows above (`rowspan`) in their columns.
 */
export function rowColumns($: Doc, row: Node): Node[] {
  const table = row.closest('table');
  const cells = (table.length ? gridOf($, table)?.get(row.get(0) as Element) : undefined) ?? row.children('td, th').toArray();
  return cells.map((c) => $(c as Element));
}

/** The row's cells, those spanning into it from rows above included, in column order (each cell once). */
export function rowCells($: Doc, row: Node): Node[] {
  const columns = rowColumns($, row);
  return columns.filter((c, i) => i === 0 || c.get(0) !== columns[i - 1]!.get(0));
}
