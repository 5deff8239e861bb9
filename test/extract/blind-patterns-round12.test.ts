// Patterns found by round 12 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with the fee block's header and figure cell given, and what stands between the heading and the table. */
const s2 = (feeHeader: string, fee: string, above = '') => `<p>二、主动公开政府信息情况</p>
${above}
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>16</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">244</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">49</td></tr>
<tr><td>行政强制</td><td colspan="3">3</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">${feeHeader}</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">${fee}</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>`;
const fee = (feeHeader: string, cell: string, above = '') => {
  const got = mapFigures(readHtml(page(s2(feeHeader, cell, above))).lines, TEMPLATE_2021);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount'), licensing: got.figures['s2.licensing.decisions'] };
};

test('表二\'s fees counted in 千元 (header 单位：千元, or 千元 in the cell) are read in 万元; 千元 beside 万元 leaves the cell unreadable', () => {
  assert.deepEqual(fee('本年收费金额（单位：千元）', '13.00'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（千元）', '2.5'), { value: 0.25, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额', '13千元'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '13千元'), { value: null, unreadable: true, licensing: 244 });
});

test('表二\'s amount unit given in a note above the table ((金额单位：元)) is read; a note against the header\'s unit leaves the cell unreadable; prose is not a note', () => {
  assert.deepEqual(fee('本年收费金额', '4500.00', '<p>（表中数量单位：件；金额单位：元）</p>'), { value: 0.45, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额', '13.00', '<p>单位：千元</p>'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0.45', '<p>（金额单位：元）</p>'), { value: null, unreadable: true, licensing: 244 });
  // Running text naming 元 is no unit note (a sum in the prose, no 单位).
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0.45', '<p>本年度收取信息处理费0元。</p>'), { value: 0.45, unreadable: false, licensing: 244 });
});
