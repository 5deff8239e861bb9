// The mapper on hand-made tables: damage seen in real documents (domain.md §5.9) must not shift figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linesFromGrid, paragraphLine } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { Grid, GridCell, Line } from '../../src/extract/types.ts';

const cell = (text: string, colSpan = 1): GridCell => ({ text, colSpan, rowSpan: 1 });
const HEADER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

function report(opts: { repeatHeaderBefore?: string; garble?: string; blankColumn?: number }): { lines: Line[]; truth: Record<string, number | null> } {
  const truth: Record<string, number | null> = {};
  const rows: (GridCell | null)[][] = [[cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), ...HEADER.map((h) => cell(h))]];
  TEMPLATE_2021.section3Rows.forEach((r, i) => {
    if (r.key === opts.repeatHeaderBefore) rows.push([cell(''), ...HEADER.map((h) => cell(h))]);
    const values = SECTION3_COLUMNS.map((c, k) => (k === opts.blankColumn ? null : (i * 7 + k) % 13));
    SECTION3_COLUMNS.forEach((c, k) => (truth[`s3.${r.key}.${c.key}`] = values[k]!));
    rows.push([cell(r.key === opts.garble ? '5.要求行政机关■■■■■■■■' : r.label), ...values.map((v) => cell(v === null ? '' : String(v)))]);
  });
  const grid: Grid = { rows };
  const lines = [paragraphLine('三、收到和处理政府信息公开申请情况', 1, 0), ...linesFromGrid(grid, 1, 1), paragraphLine('四、政府信息公开行政复议、行政诉讼情况', 1, 99)];
  return { lines, truth };
}

test('a header repeated after a page break is not mistaken for the （七）总计 row', () => {
  const { lines, truth } = report({ repeatHeaderBefore: 'total' });
  const m = mapFigures(lines, TEMPLATE_2021);
  for (const [k, v] of Object.entries(truth)) assert.equal(m.figures[k], v, k);
  assert.ok(m.unreadable.every((k) => !k.startsWith('s3.')));
});

test('a row whose label is damaged is placed by template order between its neighbours', () => {
  const { lines, truth } = report({ garble: 'not_processed_confirmation' });
  const m = mapFigures(lines, TEMPLATE_2021);
  for (const [k, v] of Object.entries(truth)) assert.equal(m.figures[k], v, k);
});

test('a column left blank in every row keeps its place (columns then come from the header)', () => {
  const { lines, truth } = report({ blankColumn: 3 });
  const m = mapFigures(lines, TEMPLATE_2021);
  for (const [k, v] of Object.entries(truth)) assert.equal(m.figures[k], v, k);
  assert.ok(m.unreadable.every((k) => !k.startsWith('s3.')));
});
