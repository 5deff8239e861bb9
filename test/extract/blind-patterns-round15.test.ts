// Patterns found by round 15 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with its fee block's header and figure. */
const s2Table = (feeHeader: string, fee: string) => `<table border="1">
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
</table>`;
const S2_HEADING = '<p>二、主动公开政府信息情况</p>';
const S3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';
const read = (body: string) => mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
const fee = (feeHeader: string, cell: string, around = '') => {
  const got = read(`${S2_HEADING}\n${around}\n${s2Table(feeHeader, cell)}\n${S3_HEADING}`);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount') };
};

test('表二\'s fee in 百元 (header 单位：百元, a cell 35百元, a note 金额单位：百元) is read in 万元; 百元 against 万元 is unreadable (b117)', () => {
  assert.deepEqual(fee('本年收费金额（单位：百元）', '35.00'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '35百元'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '1234.56', '<p>（金额单位：百元）</p>'), { value: 12.3456, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '35百元'), { value: null, unreadable: true });
  // 万元 and 元 as before.
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0.35'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：元）', '3500.00'), { value: 0.35, unreadable: false });
});
