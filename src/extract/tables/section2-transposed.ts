/**
 * A 第二十条 block printed transposed (blind round 16, b125): the kinds of information (规章, 行政规范性文件, 行政许可 …)
 * as the header's cells, the measures (本年制发件数 …, 本年处理决定数量, 本年收费金额) as row labels. Read the usual
 * way, the row phrases were found in the header line and no figure was read: 表二 unreadable. A block is read
 * transposed only when one figureless line (or up to three, a kind's name wrapped in its narrow column) names each of
 * its rows in exactly one cell (a cell naming none of its columns) and each column names exactly one figure line
 * below it; each figure is placed under the header cells.
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

/** Header lines a kind's name may wrap over in its narrow column ("行政规范" over "性文件": blind round 17, b129). */
const HEAD_LINES = 3;

export function transposedBlock(lines: Line[], from: number, to: number, block: Section2Block): TransposedBlock | undefined {
  for (let head = from; head < to; head++) {
    for (let span = 1; span <= HEAD_LINES && head + span <= to && !hasFigures(lines[head + span - 1]!); span++) {
      const read = readUnder(lines, head, head + span, to, block);
      if (read === 'columns') return undefined;
      if (read) return read;
    }
  }
  return undefined;
}

/**
 * The block read under the header lines [head, end): undefined when they do not name each of its rows in exactly one
 * cell; 'columns' when they do but its columns do not each name exactly one figure line below.
 */
function readUnder(lines: Line[], head: number, end: number, to: number, block: Section2Block): TransposedBlock | 'columns' | undefined {
  const cells = headerCells(lines, head, end, ['信息内容']);
  const rowCell = block.rows.map((r) => {
    const own = cells.filter((c) => !block.columns.some((col) => headerMatches(c, col)));
    const phrase = r.match.map(labelKey).find((m) => own.some((c) => c.text.includes(m)));
    const hits = phrase === undefined ? [] : own.filter((c) => c.text.includes(phrase));
    return hits.length === 1 ? cells.indexOf(hits[0]!) : -1;
  });
  if (rowCell.some((i) => i < 0) || new Set(rowCell).size !== rowCell.length) return undefined;
  const colLine = block.columns.map((c) => {
    const phrase = c.match.map(labelKey).find((m) => lines.slice(end, to).some((l) => hasFigures(l) && labelText(l).includes(m)));
    const hits = phrase === undefined ? [] : lines.flatMap((l, i) => (i >= end && i < to && hasFigures(l) && labelText(l).includes(phrase) ? [i] : []));
    return hits.length === 1 ? hits[0]! : -1;
  });
  if (colLine.some((i) => i < 0) || new Set(colLine).size !== colLine.length) return 'columns';
  const out: Record<string, CellValue> = {};
  block.columns.forEach((c, ci) => {
    const decimal = block.decimalColumns?.includes(c.key) ?? false;
    const signed = block.signedColumns?.includes(c.key) ?? false;
    const values = assignRow(figureTokens(lines[colLine[ci]!]!), { anchor: 'centre', centres: cells.map((x) => x.x) }, cells.length, () => ({ decimal, signed }));
    block.rows.forEach((r, ri) => (out[`s2.${r.key}.${c.key}`] = values[rowCell[ri]!]!));
  });
  return { cells: out, last: Math.max(...colLine) };
}
