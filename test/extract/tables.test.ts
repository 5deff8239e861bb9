// The mapper on hand-made tables: damage seen in real documents (domain.md §5.9) must not shift figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSpans } from '../../src/extract/layout/grid.ts';
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

/** Section 四 in the official markup: 行政复议 over five columns, 行政诉讼 over ten, then the 15 bottom headers. */
function section4(data: string[] | null): Line[] {
  const bottom = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const rows: GridCell[][] = [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...bottom.map((h) => ({ ...cell(h), rowSpan: 2 })), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...bottom, ...bottom].map((h) => cell(h)),
  ];
  if (data) rows.push(data.map((d) => cell(d)));
  return [paragraphLine('四、政府信息公开行政复议、行政诉讼情况', 1, 0), ...expandedLines(rows, 1), paragraphLine('五、存在的主要问题及改进情况', 1, 99)];
}
const expandedLines = (rows: GridCell[][], y: number) => linesFromGrid(expandSpans(rows), 1, y);

test('section 四: a row of empty cells under the full header is blank, not a missing table', () => {
  const m = mapFigures(section4(Array.from({ length: 15 }, () => '')), TEMPLATE_2021);
  assert.ok(m.found.s4);
  assert.ok(m.unreadable.every((k) => !k.startsWith('s4.')));
  for (const [k, v] of Object.entries(m.figures)) if (k.startsWith('s4.')) assert.equal(v, null, k);
});

test('section 四: group headers over several columns do not glue the header cells below them', () => {
  const data = Array.from({ length: 15 }, (_, i) => (i === 9 ? '' : String(i + 1)));
  const m = mapFigures(section4(data), TEMPLATE_2021);
  assert.equal(m.figures['s4.litigation_direct_pending'], 9);
  assert.equal(m.figures['s4.litigation_direct_total'], null, 'the blank stays in its column');
  assert.equal(m.figures['s4.litigation_after_review_upheld'], 11);
});
