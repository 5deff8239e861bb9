// Patterns found by round 11 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS } from '../../src/extract/template/common.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with the fee block's header and figure cell given. */
const s2 = (feeHeader: string, fee: string) => `<p>二、主动公开政府信息情况</p>
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
const fee = (feeHeader: string, cell: string) => {
  const got = mapFigures(readHtml(page(s2(feeHeader, cell))).lines, TEMPLATE_2021);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount'), licensing: got.figures['s2.licensing.decisions'] };
};

test('表二\'s fees counted in 元 (header 单位：元, or 元 in the cell) are read in 万元; 万元 as before; both units named leaves the cell unreadable', () => {
  assert.deepEqual(fee('本年收费金额（单位：元）', '13000.00'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（元）', '2468.5'), { value: 0.24685, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额', '13000元'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '1.3'), { value: 1.3, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '12.35万元'), { value: 12.35, unreadable: false, licensing: 244 });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0'), { value: 0, unreadable: false, licensing: 244 });
  // The header says 万元, the cell 元: which one holds is a guess.
  assert.deepEqual(fee('本年收费金额（单位：万元）', '13000元'), { value: null, unreadable: true, licensing: 244 });
});

const ROWS = TEMPLATE_2021.section3Rows;
/** Figure of row r, column c (distinct enough that a swapped row shows). */
const fig = (r: number, c: number) => (r * 7 + c * 3) % 19;
const S3_HEAD = `<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
const row = (label: string, figs: number[]) => `<tr><td colspan="3">${label}</td>${figs.map((v) => `<td>${v}</td>`).join('')}</tr>`;
const s3Keys = ROWS.flatMap((r) => SECTION3_COLUMNS.map((c) => `s3.${r.key}.${c.key}`));
const s3Want = ROWS.flatMap((_, i) => SECTION3_COLUMNS.map((_, c) => fig(i, c)));
const s3Rows = (order: number[], extra: Record<number, string> = {}) => order.map((i) => row(ROWS[i]!.label, SECTION3_COLUMNS.map((_, c) => fig(i, c))) + (extra[i] ?? '')).join('\n');
const read3 = (body: string) => mapFigures(readHtml(page(`${S3_HEAD}\n${body}\n</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`)).lines, TEMPLATE_2021);

test('三 with 二、上年结转 above 一、本年新收: each row read by its label, not by its place', () => {
  const order = ROWS.map((_, i) => i);
  [order[0], order[1]] = [order[1]!, order[0]!];
  const got = read3(s3Rows(order));
  assert.deepEqual(s3Keys.map((k) => got.figures[k]), s3Want);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // A note above the table naming 上年结转, the row itself missing: no row taken from the note.
  const note = read3(`<tr><td colspan="10">注：上年结转申请已于一月办结</td></tr>\n${s3Rows(ROWS.map((_, i) => i).filter((i) => i !== 1))}`);
  assert.deepEqual(SECTION3_COLUMNS.map((c) => note.figures[`s3.carried_over.${c.key}`]), SECTION3_COLUMNS.map(() => null));
});

test('三 with a 其中 row of its own figures under 本年新收 (其中：网上申请): the row reads its own line, the 其中 line is set aside', () => {
  const online = row('其中：网上申请', SECTION3_COLUMNS.map((_, c) => 40 + c));
  const got = read3(s3Rows(ROWS.map((_, i) => i), { 0: online }));
  assert.deepEqual(s3Keys.map((k) => got.figures[k]), s3Want);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
});
