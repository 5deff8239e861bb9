// Patterns found by round 5 of the blind corpus (docs/blind-documents.md), each on hand-made input: figures held in
// form inputs, footnote marks after figures, a 合计 column added to 表四, tables side by side on one sheet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
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

/** A workbook of one sheet from rows and merged ranges (A1 notation). */
function sheet(rows: (string | number)[][], merges: string[]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '统计表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('tables side by side on one sheet (表二 | gap | 表四 under one title) are read one after the other', () => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const s4 = [3, 0, 5, 0, 8, 4, 0, 5, 0, 9, 2, 5, 0, 0, 7];
  const pad = (n: number) => Array.from({ length: n }, () => '');
  // Columns A–D 表二 (part), E empty, F–T 表四.
  const rows: (string | number)[][] = [
    ['某局2024年政府信息公开工作年度报告统计表', ...pad(19)],
    ['二、主动公开政府信息情况', ...pad(3), '', '四、政府信息公开行政复议、行政诉讼情况', ...pad(14)],
    ['第二十条第（五）项', ...pad(3), '', '行政复议', ...pad(4), '行政诉讼', ...pad(9)],
    ['信息内容', '本年处理决定数量', '', '', '', ...parts, '未经复议直接起诉', ...pad(4), '复议后起诉', ...pad(4)],
    ['行政许可', 702, '', '', '', ...pad(5), ...parts, ...parts],
    ['第二十条第（六）项', ...pad(3), '', ...s4],
    ['信息内容', '本年处理决定数量'],
    ['行政处罚', 215],
    ['行政强制', 16],
  ];
  const merges = ['A1:T1', 'A2:D2', 'F2:T2', 'A3:D3', 'F3:J3', 'K3:T3', 'B4:D4', 'K4:O4', 'P4:T4', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5', 'B5:D5', 'A6:D6', 'B7:D7', 'B8:D8', 'B9:D9'];
  const got = mapFigures(readSheet(sheet(rows, merges)).lines, TEMPLATE_2021);
  assert.equal(got.figures['s2.licensing.decisions'], 702);
  assert.equal(got.figures['s2.penalty.decisions'], 215);
  assert.equal(got.figures['s2.coercion.decisions'], 16);
  const keys = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
  assert.deepEqual(keys.map((k) => got.figures[k]), s4);
});

test('an empty spacer column inside one table (labels | spacer | figures) does not cut it', () => {
  const rows: (string | number)[][] = [
    ['二、主动公开政府信息情况', '', '', '', ''],
    ['第二十条第（一）项', '', '', '', ''],
    ['信息内容', '', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '', 0, 0, 3],
    ['行政规范性文件', '', 4, 1, 19],
    ['第二十条第（五）项', '', '', '', ''],
    ['信息内容', '', '本年处理决定数量', '', ''],
    ['行政许可', '', 702, '', ''],
  ];
  const got = mapFigures(readSheet(sheet(rows, ['A1:E1', 'A2:E2', 'A6:E6', 'C7:E7', 'C8:E8'])).lines, TEMPLATE_2021);
  assert.equal(got.figures['s2.rules.in_force'], 3);
  assert.equal(got.figures['s2.normative_docs.issued'], 4);
  assert.equal(got.figures['s2.normative_docs.in_force'], 19);
  assert.equal(got.figures['s2.licensing.decisions'], 702);
});

test('a footnote number set as <sup> after a figure ("143<sup>1</sup>") is no digit of it (probe)', () => {
  const s3 = s3Table((i, k) => (i * 3 + k) % 4 === 0 ? 0 : (i * 13 + k * 5) % 29, (v, i, k) => `${v}${(i + k) % 4 === 1 ? `<sup>${(i % 3) + 1}</sup>` : ''}`);
  const got = mapFigures(readHtml(page(`${s3.html}<p>注：1.含跨年度申请；2.含补正后办结；3.含转办。</p>`)).lines, TEMPLATE_2021);
  assert.deepEqual(wrongOf(s3.figures, got.figures), []);
});
