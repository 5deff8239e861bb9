// Patterns found by round 9 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
/** A sheet of 四 under its title row, the figures given (consistent in both years). */
function s4Sheet(figures: number[]): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([
    ['四、政府信息公开行政复议、行政诉讼情况'],
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...PARTS, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...PARTS, ...PARTS],
    figures,
  ]);
  ws['!merges'] = ['A1:O1', 'A2:E2', 'F2:O2', 'F3:J3', 'K3:O3'].map((r) => XLSX.utils.decode_range(r));
  return ws;
}
const LAST_YEAR = [1, 0, 1, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
const THIS_YEAR = [3, 1, 0, 1, 5, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1];

for (const bookType of ['xls', 'xlsx'] as const) {
  test(`${bookType}: a hidden sheet (last year's table copied in and hidden) is not read; with every sheet hidden all are read`, () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, s4Sheet(LAST_YEAR), '2023复议诉讼');
    XLSX.utils.book_append_sheet(wb, s4Sheet(THIS_YEAR), '复议诉讼');
    wb.Workbook = { Sheets: [{ name: '2023复议诉讼', Hidden: 1 }, { name: '复议诉讼', Hidden: 0 }] };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
    const m = mapFigures(readSheet(bytes).lines, TEMPLATE_2021);
    assert.deepEqual(S4_KEYS.map((k) => m.figures[k]), THIS_YEAR);
    // Last year's sheet alone, marked hidden: the flag hides nothing a reader saw, the table is read.
    const one = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(one, s4Sheet(LAST_YEAR), '2023复议诉讼');
    one.Workbook = { Sheets: [{ name: '2023复议诉讼', Hidden: 1 }] };
    const alone = mapFigures(readSheet(new Uint8Array(XLSX.write(one, { type: 'array', bookType }) as ArrayBuffer)).lines, TEMPLATE_2021);
    assert.deepEqual(S4_KEYS.map((k) => alone.figures[k]), LAST_YEAR);
  });
}

const page = (body: string, head = '') => new TextEncoder().encode(`<html><head>${head}</head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const S2 = (cells: string[]) => `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>${cells[0]}</td><td>${cells[1]}</td><td>${cells[2]}</td></tr>
<tr><td>行政规范性文件</td><td>${cells[3]}</td><td>${cells[4]}</td><td>${cells[5]}</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${cells[6]}</td></tr></table>`;
const S2_KEYS = ['s2.rules.issued', 's2.rules.repealed', 's2.rules.in_force', 's2.normative_docs.issued', 's2.normative_docs.repealed', 's2.normative_docs.in_force', 's2.licensing.decisions'];

test('text a page\'s stylesheet hides in a cell (an old figure in a class with display:none or visibility:hidden) is left out; a rule inside @media is not applied', () => {
  const cells = ['0', '0', '0', '<span class="jz">3</span>4', '<span class="old">2</span>1', '21', '<span class="jz">655</span>702'];
  const css = '<style>.jz{display:none} #zoom .old{visibility:hidden} @media print{.pr{display:none}}</style>';
  const got = mapFigures(readHtml(page(S2(cells), css)).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 0, 4, 1, 21, 702]);
  // Shown on screen (the @media print rule is not the page's): both spans' digits are the cell's.
  const shown = mapFigures(readHtml(page(S2(['0', '0', '0', '4', '1', '21', '<span class="pr">7</span>02']), css)).lines, TEMPLATE_2021);
  assert.equal(shown.figures['s2.licensing.decisions'], 702);
});
