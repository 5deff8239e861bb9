/**
 * A 第二十条 block printed transposed (blind round 16, b125): the kinds of information (规章, 行政规范性文件, 行政许可 …)
 * as the header's cells, the measures (本年制发件数 …, 本年处理决定数量, 本年收费金额) as row labels. Read the usual
 * way, the row phrases were found in the header line and no figure was read: 表二 unreadable. A block is read
 * transposed only when one figureless line names each of its rows in exactly one cell (a cell naming none of its
 * columns) and each column names exactly one figure line below it; each figure is placed under the header cells.
 */
import type { Section2Block } from '../template/types.ts';
import { labelKey } from '../text.ts';
import type { Line } from '../types.ts';
import { assignRow, type CellValue } from './assign.ts';
import { figureTokens, hasFigures, headerCells, headerMatches, labelText } from './tokens.ts';

export interface TransposedBlock {
  /** `s2.<row>.<column>` → the cell's reading. */
  cells: Record<string, CellValue>;
  /** The last line the block's figures were read from (the unit of an amount is looked for up to it). */
  last: number;
}

export function transposedBlock(lines: Line[], from: number, to: number, block: Section2Block): TransposedBlock | undefined {
  for (let head = from; head < to; head++) {
    if (hasFigures(lines[head]!)) continue;
    const cells = headerCells(lines, head, head + 1, ['信息内容']);
    const rowCell = block.rows.map((r) => {
      const own = cells.filter((c) => !block.columns.some((col) => headerMatches(c, col)));
      const phrase = r.match.map(labelKey).find((m) => own.some((c) => c.text.includes(m)));
      const hits = phrase === undefined ? [] : own.filter((c) => c.text.includes(phrase));
      return hits.length === 1 ? cells.indexOf(hits[0]!) : -1;
    });
    if (rowCell.some((i) => i < 0) || new Set(rowCell).size !== rowCell.length) continue;
    const colLine = block.columns.map((c) => {
      const phrase = c.match.map(labelKey).find((m) => lines.slice(head + 1, to).some((l) => hasFigures(l) && labelText(l).includes(m)));
      const hits = phrase === undefined ? [] : lines.flatMap((l, i) => (i > head && i < to && hasFigures(l) && labelText(l).includes(phrase) ? [i] : []));
      return hits.length === 1 ? hits[0]! : -1;
    });
    if (colLine.some((i) => i < 0) || new Set(colLine).size !== colLine.length) return undefined;
    const out: Record<string, CellValue> = {};
    block.columns.forEach((c, ci) => {
      const decimal = block.decimalColumns?.includes(c.key) ?? false;
      const signed = block.signedColumns?.includes(c.key) ?? false;
      const values = assignRow(figureTokens(lines[colLine[ci]!]!), { anchor: 'centre', centres: cells.map((x) => x.x) }, cells.length, () => ({ decimal, signed }));
      block.rows.forEach((r, ri) => (out[`s2.${r.key}.${c.key}`] = values[rowCell[ri]!]!));
    });
    return { cells: out, last: Math.max(...colLine) };
  }
  return undefined;
}
