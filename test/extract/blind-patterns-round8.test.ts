// Patterns found by round 8 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

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
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));

test('a figure 1–9 typed as one Chinese numeral (五, 一) is read as its value, not taken for a label hiding the figures left of it; longer numerals stay unreadable', () => {
  const got = mapFigures(readHtml(page(S2(['0', '0', '0', '五', '一', '17', '七']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 0, 5, 1, 17, 7]);
  const longer = mapFigures(readHtml(page(S2(['0', '0', '0', '五', '十二', '17', '268']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => longer.figures[k]), [0, 0, 0, 5, null, 17, 268]);
  assert.ok(longer.unreadable.includes('s2.normative_docs.repealed'));
});

const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** 四 as display:table divs whose display comes from classes in a <style> sheet (no spans: covered slots empty). */
function s4Divs(figures: number[]): string {
  const row = (cells: string[]) => `<div class="tr">${cells.map((c) => `<div class="td">${c}</div>`).join('')}</div>`;
  const blank = (n: number) => Array<string>(n).fill('');
  return `<p>四、政府信息公开行政复议、行政诉讼情况</p><div class="gk-table">
${row(['行政复议', ...blank(4), '行政诉讼', ...blank(9)])}
${row([...PARTS, '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)])}
${row([...blank(5), ...PARTS, ...PARTS])}
${row(figures.map(String))}</div>`;
}
const SHEET = '<style>/* theme */ @media (max-width:600px){.gk-table .td{display:block}} .gk-table{display:table;width:100%} .gk-table .tr{display:table-row} .gk-table .td{display:table-cell;border:1px solid #333} a:hover{display:inline}</style>';

test('display:table divs whose display a <style> sheet sets on classes are read as a table (rules inside @media left out)', () => {
  const figures = [3, 1, 0, 1, 5, 1, 0, 2, 0, 3, 6, 0, 0, 2, 8];
  const got = mapFigures(readHtml(page(s4Divs(figures), SHEET)).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), figures);
});

const FIRST = ['总计', '结果维持', '结果纠正', '其他结果', '尚未审结'];
/** 四 with each block's 总计 first and an added column named `extra` (rowspan 3) after the blocks. */
function s4TotalFirst(values: number[], extra: string): string {
  const td = (t: string | number, attrs = '') => `<td${attrs}>${t}</td>`;
  return `<p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1">
<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}${td(extra, ' rowspan="3"')}</tr>
<tr>${FIRST.map((p) => td(p, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...FIRST, ...FIRST].map((p) => td(p)).join('')}</tr>
<tr>${values.map((v) => td(v)).join('')}</tr></table>`;
}

test('四 with 总计 first in each block and an added 合计 column is read in the header\'s order, 合计 left out; an added column named 总计 too is unreadable', () => {
  // Printed: 总计 维持 纠正 其他 审结 per block, then 合计 (4 + 3 + 2).
  const printed = [4, 2, 1, 1, 0, 3, 1, 0, 0, 2, 2, 1, 1, 0, 0, 9];
  const got = mapFigures(readHtml(page(s4TotalFirst(printed, '合计'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), [2, 1, 1, 0, 4, 1, 0, 0, 2, 3, 1, 1, 0, 0, 2]);
  const same = mapFigures(readHtml(page(s4TotalFirst(printed, '总计'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => same.figures[k]), S4_KEYS.map(() => null));
  assert.equal(same.unreadable.filter((k) => k.startsWith('s4.')).length, 15);
});

test('表二 with a 上年 cell before this year\'s figure (上年处理决定数量 | 本年处理决定数量) reads this year\'s; last year\'s is left out', () => {
  const body = `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td>上年处理决定数量</td><td colspan="2">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td>655</td><td colspan="2">845</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td>上年收费金额（万元）</td><td colspan="2">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td>3.1</td><td colspan="2">2.3</td></tr></table>`;
  const got = mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
  assert.deepEqual([got.figures['s2.licensing.decisions'], got.figures['s2.fees.amount']], [845, 2.3]);
});

test('四 with a row per year is read by the year the page\'s <title> names when the article itself carries no title; without one it stays unreadable', () => {
  const td = (t: string | number, attrs = '') => `<td${attrs}>${t}</td>`;
  const row = (label: string, v: number[]) => `<tr>${td(label)}${v.map((x) => td(x)).join('')}</tr>`;
  const prev = [1, 1, 0, 0, 2, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0];
  const now = [2, 0, 1, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 1, 1];
  const body = `<p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1">
<tr>${td('年度', ' rowspan="3"')}${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>
<tr>${PARTS.map((p) => td(p, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...PARTS, ...PARTS].map((p) => td(p)).join('')}</tr>
${row('2023年', prev)}${row('2024年', now)}</table>`;
  const withTitle = readHtml(page(body, '<title>北关区司法局2024年政府信息公开工作年度报告_北关区人民政府</title>'));
  assert.equal(withTitle.title, '北关区司法局2024年政府信息公开工作年度报告_北关区人民政府');
  const got = mapFigures(withTitle.lines, TEMPLATE_2021, { title: withTitle.title });
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), now);
  const untitled = readHtml(page(body, '<title>北关区人民政府</title>'));
  const none = mapFigures(untitled.lines, TEMPLATE_2021, { title: untitled.title });
  assert.deepEqual(S4_KEYS.map((k) => none.figures[k]), S4_KEYS.map(() => null));
});
