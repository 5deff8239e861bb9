// Patterns found by round 5 of the blind corpus (docs/blind-documents.md), each on hand-made input: figures held in
// form inputs, footnote marks after figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (tables: string) => new TextEncoder().encode(`<html><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${tables}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** Table 三 of the 2021 form, each row's seven figures written by `cell`. */
function s3Table(values: (row: number, col: number) => number, cell: (v: number, row: number, col: number) => string): { html: string; figures: Record<string, number> } {
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const six = SECTION3_COLUMNS.slice(0, 6).map((_, k) => values(i, k));
    const all = [...six, six.reduce((a, b) => a + b, 0)];
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = all[k]!));
    return `<tr><td colspan="3">${r.label}</td>${all.map((v, k) => `<td>${cell(v, i, k)}</td>`).join('')}</tr>`;
  });
  const html = `<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${rows.join('\n')}</table>`;
  return { html, figures };
}

const wrongOf = (figures: Record<string, number>, got: Record<string, number | null>) =>
  Object.entries(figures).filter(([k, v]) => got[k] !== v).map(([k, v]) => `${k}: ${got[k]} ≠ ${v}`);

test('figures held as the values of form inputs (a page saved from a reporting form) are read, not taken as blank zeros', () => {
  const input = (v: number | string) => `<input type="text" class="tj" value="${v}" readonly="readonly">`;
  const s3 = s3Table((i, k) => (i * 7 + k * 5) % 4 === 0 ? 0 : (i * 11 + k * 3) % 23, (v) => input(v));
  const html = `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${input(527)}<input type="hidden" name="id" value="9001"></td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3"><input value="96"></td></tr>
<tr><td>行政强制</td><td colspan="3"><input type="number" value="7"></td></tr></table>
${s3.html}`;
  const got = mapFigures(readHtml(page(html)).lines, TEMPLATE_2021);
  assert.equal(got.figures['s2.licensing.decisions'], 527, 'the text box value, not the hidden id');
  assert.equal(got.figures['s2.penalty.decisions'], 96);
  assert.equal(got.figures['s2.coercion.decisions'], 7);
  assert.deepEqual(wrongOf(s3.figures, got.figures), []);
});

test('a footnote mark after a figure ("143②", "0①", "82*", "5※", "12³") is no digit of it', () => {
  const marks = ['②', '①', '*', '※', '³', '＊', '❶'];
  const s3 = s3Table((i, k) => (i * 5 + k * 3) % 4 === 0 ? 0 : (i * 17 + k * 7) % 31, (v, i, k) => `${v}${(i + k) % 3 === 0 ? marks[(i + k) % marks.length] : ''}`);
  const html = `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">527*</td></tr></table>
<p>注：*含即办件。</p>
<p>单位：件</p>
${s3.html}
<p>注：*含通过政务服务热线转来的申请；①含部分公开；②不含重复申请。</p>`;
  const got = mapFigures(readHtml(page(html)).lines, TEMPLATE_2021);
  assert.equal(got.figures['s2.licensing.decisions'], 527);
  assert.deepEqual(wrongOf(s3.figures, got.figures), []);
});

test('表四 with a 合计 column the agency added before or after the three blocks is read by its 15 own columns', () => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const blocks = [[0, 6, 3, 0, 9], [2, 0, 0, 0, 2], [0, 2, 5, 0, 7]];
  const html = (sumFirst: boolean) => {
    const sumHead = '<td rowspan="3">合计</td>';
    const sum = '<td>18</td>';
    return `<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr>${sumFirst ? sumHead : ''}<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>${sumFirst ? '' : sumHead}</tr>
<tr>${parts.map((p) => `<td rowspan="2">${p}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${[...parts, ...parts].map((p) => `<td>${p}</td>`).join('')}</tr>
<tr>${sumFirst ? sum : ''}${blocks.flat().map((v) => `<td>${v}</td>`).join('')}${sumFirst ? '' : sum}</tr></table>`;
  };
  for (const sumFirst of [false, true]) {
    const got = mapFigures(readHtml(page(html(sumFirst))).lines, TEMPLATE_2021);
    const keys = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
    assert.deepEqual(keys.map((k) => got.figures[k]), blocks.flat(), sumFirst ? '合计 first' : '合计 last');
    assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s4.')), []);
  }
});
