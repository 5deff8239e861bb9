/**
 * XLS and XLSX through SheetJS (the @e965 republish of 0.20.3: the npm `xlsx` 0.18.5 has CVE-2023-30533 and
 * CVE-2024-22363). Merged ranges become spans, so a logical cell that Calc spread over 2–4 physical columns keeps
 * one position, and blanks keep their column (extraction.md §2.4). Parse untrusted files in the worker pool only.
 */
import * as XLSX from '@e965/xlsx';
import { sideBySideBands } from '../layout/bands.ts';
import { linesFromGrid, linesToText } from '../layout/lines.ts';
import type { Extracted, GridCell, Line } from '../types.ts';
import { FormulaEvaluator } from './formula.ts';

/** Sheets larger than this are cut: a report table is a few dozen rows. */
const MAX_ROWS = 5000;
const MAX_COLS = 200;

export function readSheet(bytes: Uint8Array): Extracted {
  // cellStyles: SheetJS reads the columns' hidden flags (!cols) only with it.
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellHTML: false, cellStyles: true, sheetStubs: true, dense: false });
  const formulas = new FormulaEvaluator(wb);
  const lines: Line[] = [];
  const hiddenSheets = hiddenSheetNames(wb);
  const oldSheets = earlierYearSheets(wb.SheetNames.filter((n) => !hiddenSheets.has(n)));
  wb.SheetNames.forEach((name, si) => {
    const ws = wb.Sheets[name];
    if (!ws?.['!ref'] || hiddenSheets.has(name) || oldSheets.has(name)) return;
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows = Math.min(range.e.r - range.s.r + 1, MAX_ROWS);
    const cols = Math.min(range.e.c - range.s.c + 1, MAX_COLS);
    const grid: (GridCell | null)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({ text: '', colSpan: 1, rowSpan: 1 })));
    for (const m of ws['!merges'] ?? []) {
      const r0 = m.s.r - range.s.r;
      const c0 = m.s.c - range.s.c;
      if (r0 < 0 || c0 < 0 || r0 >= rows || c0 >= cols) continue;
      for (let r = r0; r <= m.e.r - range.s.r && r < rows; r++) for (let c = c0; c <= m.e.c - range.s.c && c < cols; c++) grid[r]![c] = null;
      grid[r0]![c0] = { text: '', colSpan: m.e.c - m.s.c + 1, rowSpan: m.e.r - m.s.r + 1 };
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const cell = grid[r]![c];
        if (!cell) continue;
        const v = ws[XLSX.utils.encode_cell({ r: r + range.s.r, c: c + range.s.c })] as XLSX.CellObject | undefined;
        if (v?.f && v.v === undefined) {
          // A formula with no stored result (written by a generator library): computed, or unreadable, never blank.
          const n = formulas.evaluate(name, v.f);
          if (n === undefined) cell.doubtful = true;
          else cell.text = String(Math.round(n * 1e6) / 1e6);
        } else if (v) cell.text = String(v.w ?? v.v ?? '');
      }
    }
    const hiddenRows = hiddenIndexes(ws['!rows'], range.s.r, rows);
    const hiddenCols = hiddenIndexes(ws['!cols'], range.s.c, cols);
    // Tables side by side on one sheet are read one after another (layout/bands.ts).
    for (const band of sideBySideBands(withoutHidden(grid, hiddenRows, hiddenCols))) {
      for (const l of linesFromGrid({ rows: dropEmptyColumns(band) }, si + 1)) {
        if (l.items.every((i) => i.text === '')) continue;
        lines.push({ ...l, y: lines.length, items: l.items.map((i) => ({ ...i, y: lines.length })) });
      }
    }
  });
  return { text: linesToText(lines), lines };
}

/** Rows or columns (offsets from the sheet's first) the clerk hid. */
/**
 * Sheets the workbook hides (Hidden 1, or 2 "very hidden"): not shown, not printed. A clerk who copies last year's
 * sheets into the workbook and hides them leaves tables as complete and consistent as this year's, so reading them
 * is wrong with no check failing (blind round 9, b74: 三 and 四 read from last year's hidden sheets). When every
 * sheet is marked hidden the flags mean nothing a reader saw, and all are read.
 */
function hiddenSheetNames(wb: XLSX.WorkBook): Set<string> {
  const flags = wb.Workbook?.Sheets ?? [];
  const hidden = new Set(flags.filter((s) => s.name && (s.Hidden ?? 0) > 0).map((s) => s.name!));
  return wb.SheetNames.every((n) => hidden.has(n)) ? new Set() : hidden;
}

/** A year a sheet's name gives (2023年主动公开, 2024依申请, 复议诉讼（2023）). */
const SHEET_YEAR = /(?<!\d)(20\d{2})(?!\d)/;

/**
 * Visible sheets named for an earlier year than another visible sheet: a clerk who starts from last year's workbook
 * adds this year's sheets (2024年主动公开 …) and leaves last year's (2023年…) in front, complete and consistent,
 * so reading them first is wrong with no check failing (blind round 10, b80). A report's tables are of one year, the
 * latest its workbook names; sheets naming no year are kept.
 */
function earlierYearSheets(names: string[]): Set<string> {
  const year = (n: string) => Number(SHEET_YEAR.exec(n)?.[1] ?? 0);
  const latest = Math.max(0, ...names.map(year));
  return new Set(names.filter((n) => year(n) > 0 && year(n) < latest));
}

function hiddenIndexes(props: { hidden?: boolean }[] | undefined, first: number, count: number): Set<number> {
  const out = new Set<number>();
  (props ?? []).forEach((p, i) => p?.hidden && i - first >= 0 && i - first < count && out.add(i - first));
  return out;
}

/**
 * The grid as printed: hidden rows and columns are not on the page (last year's figures kept beside this year's, a
 * helper column), so they are no part of the table. A merged cell keeps the visible part of its span.
 */
function withoutHidden(grid: (GridCell | null)[][], hiddenRows: Set<number>, hiddenCols: Set<number>): (GridCell | null)[][] {
  if (hiddenRows.size === 0 && hiddenCols.size === 0) return grid;
  const keptRows = grid.map((_, r) => r).filter((r) => !hiddenRows.has(r));
  const keptCols = (grid[0] ?? []).map((_, c) => c).filter((c) => !hiddenCols.has(c));
  const rowAt = new Map(keptRows.map((r, i) => [r, i]));
  const colAt = new Map(keptCols.map((c, i) => [c, i]));
  const out: (GridCell | null)[][] = keptRows.map(() => keptCols.map(() => null));
  grid.forEach((row, r) => row.forEach((cell, c) => {
    if (!cell) return;
    const rs = keptRows.filter((k) => k >= r && k < r + cell.rowSpan);
    const cs = keptCols.filter((k) => k >= c && k < c + cell.colSpan);
    if (rs.length === 0 || cs.length === 0) return;
    out[rowAt.get(rs[0]!)!]![colAt.get(cs[0]!)!] = { ...cell, rowSpan: rs.length, colSpan: cs.length };
  }));
  return out;
}

/** Unmerged empty cells outside any table would pose as blank figures; only keep empty cells that sit between values. */
function dropEmptyColumns(grid: (GridCell | null)[][]): (GridCell | null)[][] {
  return grid.map((row) => {
    const lastValue = row.reduce((acc, c, i) => (c && (c.text.trim() !== '' || c.colSpan > 1 || c.doubtful) ? i : acc), -1);
    return row.map((c, i) => (i > lastValue ? null : c));
  });
}
