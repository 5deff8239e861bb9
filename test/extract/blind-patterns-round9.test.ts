// Patterns found by round 9 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
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
