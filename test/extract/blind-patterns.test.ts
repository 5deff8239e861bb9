// Patterns found by the blind corpus (docs/blind-documents.md), each on hand-made lines: a 无 cell between
// numbers, numbers wrapped inside narrow cells, a table header repeated inside a row broken by a page, and a blank
// row beside a row that took its figure line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellStreamLines } from '../../src/extract/formats/doc.ts';
import { linesFromGrid, linesFromItems, paragraphLine } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { labelText } from '../../src/extract/tables/tokens.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { GridCell, Line, TextItem } from '../../src/extract/types.ts';

const cell = (text: string): GridCell => ({ text, colSpan: 1, rowSpan: 1 });
const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const HEADER = [
  [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), cell('申请人情况'), ...COLUMNS.slice(1).map(() => cell(''))],
  [cell(''), ...COLUMNS.map(cell)],
];
const ROWS = TEMPLATE_2021.section3Rows;
const valuesOf = (i: number) => SECTION3_COLUMNS.map((_, k) => (i * 5 + k * 3) % 11);
const printed = (i: number) => valuesOf(i).map((v) => cell(String(v)));

function s3Lines(pages: GridCell[][][]): Line[] {
  let y = 1;
  const body = pages.flatMap((rows, p) => {
    const ls = linesFromGrid({ rows }, p + 1, y);
    y += rows.length;
    return ls;
  });
  return [paragraphLine('三、收到和处理政府信息公开申请情况', 1, 0), ...body, paragraphLine('四、政府信息公开行政复议、行政诉讼情况', pages.length, 999)];
}

test('a 无 between numbers is a zero cell and keeps the cells before it in place', () => {
  const rows = ROWS.map((r, i) => [cell(r.label), ...printed(i)]);
  const row = ROWS.findIndex((r) => r.key === 'denied_third_party_rights');
  rows[row] = [cell(ROWS[row]!.label), cell('325'), cell('24'), cell('无'), cell(''), cell('无'), cell('36'), cell('385')];
  const m = mapFigures(s3Lines([[...HEADER, ...rows]]), TEMPLATE_2021);
  assert.deepEqual(SECTION3_COLUMNS.map((c) => m.figures[`s3.denied_third_party_rights.${c.key}`]), [325, 24, null, null, null, 36, 385]);
  assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s3.')), []);
  // A bare 无 in running text is still a word.
  assert.equal(labelText(paragraphLine('无', 1, 0)), '无');
});

test('a Word 97 cell run: a 无 after the row label is a cell, not a second label that splits the row', () => {
  const lines = cellStreamLines('3.危及“三安全一稳定”\t325\t24\t无\t\t\t36\t385\t\t');
  assert.equal(lines.length, 1);
  assert.deepEqual(lines[0]!.items.map((i) => i.text), ['3.危及“三安全一稳定”', '325', '24', '无', '', '', '36', '385']);
});

test('a number wrapped inside its cell ("5,42" over "4", "123" over "4") is joined onto its row; stacked numbers that are no wrap are not', () => {
  const it = (text: string, x0: number, y: number): TextItem => ({ text, page: 1, x0, x1: x0 + 5 * text.length, y, h: 10 });
  const lines = linesFromItems([
    it('5,42', 100, 94), it('6,31', 300, 94),
    it('一、本年新收政府信息公开申请数量', 0, 100), it('180', 150, 100), it('186', 250, 100),
    it('4', 105, 106), it('7', 305, 106),
    it('二、上年结转政府信息公开申请数量', 0, 130), it('123', 100, 124), it('0', 150, 130), it('4', 100, 136),
    // No wrap: the lower number is the longer one; and two rows' figures 2 glyph heights apart.
    it('三、予以公开', 0, 160), it('12', 100, 154), it('0', 150, 160), it('345', 100, 166),
    it('四、部分公开', 0, 200), it('7', 100, 190), it('0', 150, 200), it('8', 100, 210),
  ]);
  assert.deepEqual(lines.map((l) => l.items.map((i) => i.text)), [
    ['一、本年新收政府信息公开申请数量', '5,424', '180', '186', '6,317'],
    ['二、上年结转政府信息公开申请数量', '1234', '0'],
    ['12'],
    ['三、予以公开', '0'],
    ['345'],
    ['7'],
    ['四、部分公开', '0'],
    ['8'],
  ]);
});

/** Rows up to 8.属于行政查询事项 on page 1 with that label cut after 属于行政; the rest, after `repeat`, on page 2. */
function brokenRow(repeat: GridCell[][]): Line[] {
  const cut = ROWS.findIndex((r) => r.key === 'denied_admin_query');
  const page1 = ROWS.slice(0, cut + 1).map((r, i) => [cell(i === cut ? '8.属于行政' : r.label), ...printed(i)]);
  const page2 = [[cell('查询事项'), ...COLUMNS.map(() => cell(''))], ...ROWS.slice(cut + 1).map((r, i) => [cell(r.label), ...printed(cut + 1 + i)])];
  return s3Lines([[...HEADER, ...page1], [...repeat, ...page2]]);
}

test('a header repeated on a new page inside a row broken by the page does not hide the row', () => {
  const m = mapFigures(brokenRow(HEADER), TEMPLATE_2021);
  ROWS.forEach((r, i) => SECTION3_COLUMNS.forEach((c, k) => assert.equal(m.figures[`s3.${r.key}.${c.key}`], valuesOf(i)[k], `${r.key}.${c.key}`)));
  assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s3.')), []);
});

test('a blank row beside a row holding two figure lines is unreadable, not zeros', () => {
  // A repeated header without its distinctive words is not recognised: the row label stays broken.
  const m = mapFigures(brokenRow([[cell(''), ...COLUMNS.map(cell)]]), TEMPLATE_2021);
  for (const c of SECTION3_COLUMNS) {
    const key = `s3.denied_admin_query.${c.key}`;
    assert.ok(m.figures[key] === null && m.unreadable.includes(key), `${key} = ${m.figures[key]}, must be unreadable`);
  }
});
