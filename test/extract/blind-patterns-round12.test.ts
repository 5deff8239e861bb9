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

const S4_HEAD = `<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>`;
const s4 = (figs: number[]) => `${S4_HEAD}\n<tr>${figs.map((v) => `<td>${v}</td>`).join('')}</tr>\n</table>`;
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
const THIS = [2, 1, 0, 1, 4, 3, 0, 0, 1, 4, 0, 1, 0, 0, 1];
const LAST = [1, 0, 2, 0, 3, 0, 2, 1, 0, 3, 1, 0, 0, 1, 2];
const SECTIONS = (s2Table: string, s4Tables: string) => `${s2Table}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${s4Tables}`;

test('last year\'s tables printed after this year\'s under a caption (附：2023年度同期数据（对照）) are no part of the chapter: this year\'s are read', () => {
  const caption = '<p>附：2023年度同期数据（对照）</p>';
  const s2Twice = s2('本年收费金额（单位：万元）', '1.3').replace('<p>三、', `${caption}\n${s2('本年收费金额（单位：万元）', '0.8').replace(/^<p>二、[^<]*<\/p>/, '').replace(/<p>三、.*$/s, '')}\n<p>三、`);
  const got = mapFigures(readHtml(page(SECTIONS(s2Twice, `${s4(THIS)}\n${caption}\n${s4(LAST)}`))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), THIS);
  assert.equal(got.figures['s2.fees.amount'], 1.3);
  assert.equal(got.figures['s2.licensing.decisions'], 244);
  assert.deepEqual(got.unreadable.filter((k) => !k.startsWith('s3.')), []);
});

test('a sentence citing last year (与上年同期相比…) is no caption: the table after it is read', () => {
  const prose = '<p>与上年同期相比，复议案件有所减少。</p>';
  const got = mapFigures(readHtml(page(SECTIONS(s2('本年收费金额（单位：万元）', '1.3'), `${prose}\n${s4(THIS)}`))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), THIS);
});
