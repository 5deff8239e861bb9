// Patterns found by round 7 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { requireTools } from '../helpers/tools.ts';
import { repoRoot } from './helpers.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (runs: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
const tc = (content: string) => `<w:tc><w:tcPr/>${content}</w:tc>`;
const lineTexts = (lines: { items: { text: string }[] }[]) => lines.map((l) => l.items.map((i) => i.text.trim()).join(' '));

test('DOCX text hidden through a style (character style or paragraph style setting w:vanish, also by w:basedOn) is left out; a run\'s own w:vanish val=0 shows it', () => {
  const styles = `<w:styles ${W}>
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="a7"><w:name w:val="旧数据"/><w:basedOn w:val="a0"/><w:rPr><w:vanish/><w:color w:val="808080"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="a8"><w:name w:val="旧数据 小"/><w:basedOn w:val="a7"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="a9"><w:name w:val="显示"/><w:basedOn w:val="a7"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="old"><w:name w:val="旧段落"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="table" w:styleId="t1"><w:name w:val="Table"/><w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr></w:style>
</w:styles>`;
  const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr>${tc(p(run('行政许可')))}${tc(p(run('1418', '<w:rStyle w:val="a7"/>') + run('1276')))}</w:tr>
<w:tr>${tc(p(run('行政处罚')))}${tc(p(run('243') + run('276', '<w:rStyle w:val="a8"/><w:sz w:val="21"/>')))}</w:tr>
<w:tr>${tc(p(run('行政强制')))}${tc(p(run('4', '<w:rStyle w:val="a7"/><w:vanish w:val="0"/>') + run('1', '<w:rStyle w:val="a9"/>')))}</w:tr>
<w:tr>${tc(p(run('行政事业性收费')))}${tc(p(run('4.1'), '<w:pStyle w:val="old"/>') + p(run('3.8'), '<w:pStyle w:val="t1"/>'))}</w:tr></w:tbl>`;
  const bytes = zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${p(run('二、主动公开政府信息情况'))}${table}</w:body></w:document>`),
    'word/styles.xml': strToU8(styles),
  });
  assert.deepEqual(lineTexts(readDocx(bytes).lines), ['二、主动公开政府信息情况', '行政许可 1276', '行政处罚 243', '行政强制 41', '行政事业性收费 3.8']);
});

const page = (body: string) => new TextEncoder().encode(`<html><body><div id="zoom">
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

test('zeros typed as 〇, ○ or 零 are figure cells read 0, not labels that hide the figures left of them; Chinese numerals (一十二) are figure cells left unreadable', () => {
  const got = mapFigures(readHtml(page(S2(['〇', '○', '零', '3', '〇', '14', '418']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 0, 3, 0, 14, 418]);
  const numerals = mapFigures(readHtml(page(S2(['〇', '〇', '〇', '3', '一十二', '14', '418']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => numerals.figures[k]), [0, 0, 0, 3, null, 14, 418]);
  assert.ok(numerals.unreadable.includes('s2.normative_docs.repealed'));
});

const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** 四 as a CSS grid of 15 columns: cells in order, merged header cells as spans. */
function s4Grid(figures: number[]): string {
  const cell = (t: string, span = '') => `<div class="gk-th"${span ? ` style="${span}"` : ''}>${t}</div>`;
  const cells = [
    cell('行政复议', 'grid-column:span 5;'), cell('行政诉讼', 'grid-column:span 10;'),
    ...PARTS.map((p) => cell(p, 'grid-row:span 2;')), cell('未经复议直接起诉', 'grid-column:span 5;'), cell('复议后起诉', 'grid-column: span 5;'),
    ...[...PARTS, ...PARTS].map((p) => cell(p)),
    ...figures.map((v) => `<div class="gk-num">${v}</div>`),
  ];
  return `<p>四、政府信息公开行政复议、行政诉讼情况</p><div class="gk-grid" style="display:grid;grid-template-columns:repeat(15,1fr)">${cells.join('')}</div>`;
}

test('a table laid out as a CSS grid (display:grid, grid-template-columns, cells spanning with grid-column/grid-row: span n) is read as a grid; explicit placement is not', () => {
  const figures = [3, 1, 0, 1, 5, 1, 0, 1, 0, 2, 0, 2, 0, 1, 3];
  const got = mapFigures(readHtml(page(s4Grid(figures))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), figures);
  // A cell placed on a line of its own (grid-column: 6 / 16) moves the flow in ways not followed: no grid, so no
  // row of 15 figures under a 15-cell header to read by position.
  const placed = readHtml(page(s4Grid(figures).replace('grid-column:span 10;', 'grid-column:6 / 16;')));
  assert.ok(!placed.lines.some((l) => l.items.length >= 15), 'not read as a grid');
});

/** 四 as an HTML table whose blocks print their five columns in `parts` order. */
function s4Ordered(parts: string[], row: number[]): string {
  return `<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${parts.map((p) => `<td rowspan="2">${p}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${[...parts, ...parts].map((p) => `<td>${p}</td>`).join('')}</tr>
<tr>${row.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
}

test('四 whose blocks print 总计 first (then 结果维持 … 尚未审结) is read by its header cells; a block naming a column twice is unreadable', () => {
  // Printed: 总计, 维持, 纠正, 其他, 尚未 for each block.
  const printed = [5, 3, 1, 0, 1, 4, 1, 0, 1, 2, 2, 2, 0, 0, 0];
  const got = mapFigures(readHtml(page(s4Ordered(['总计', '结果维持', '结果纠正', '其他结果', '尚未审结'], printed))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), [3, 1, 0, 1, 5, 1, 0, 1, 2, 4, 2, 0, 0, 0, 2]);
  const twice = mapFigures(readHtml(page(s4Ordered(['总计', '结果维持', '结果维持', '其他结果', '尚未审结'], printed))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.filter((k) => twice.figures[k] !== null), []);
  assert.ok(S4_KEYS.every((k) => twice.unreadable.includes(k)));
});

test('四 with one row per year (2023年 above 2024年) reads the row of the year the title names, or 本年; without a title to tell, unreadable', () => {
  const prev = [2, 0, 1, 0, 3, 1, 1, 0, 0, 2, 0, 0, 0, 1, 1];
  const now = [1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 3, 0, 0, 0, 3];
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const table = (a: string, b: string) => `<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr><td rowspan="3">年度</td><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${parts.map((p) => `<td rowspan="2">${p}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${[...parts, ...parts].map((p) => `<td>${p}</td>`).join('')}</tr>
<tr><td>${a}</td>${prev.map((v) => `<td>${v}</td>`).join('')}</tr>
<tr><td>${b}</td>${now.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
  const titled = (body: string) => new TextEncoder().encode(new TextDecoder().decode(page(body)).replace('<div id="zoom">', '<div id="zoom"><p>东港区司法局2024年政府信息公开工作年度报告</p>'));
  const byTitle = mapFigures(readHtml(titled(table('2023年', '2024年'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => byTitle.figures[k]), now);
  const byWord = mapFigures(readHtml(page(table('上年度', '本年度'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => byWord.figures[k]), now);
  const untold = mapFigures(readHtml(page(table('2023年', '2024年'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.filter((k) => untold.figures[k] !== null), []);
  assert.ok(S4_KEYS.every((k) => untold.unreadable.includes(k)));
});

test('a Word 97 file holding hidden text (sprmCFVanish) is read through LibreOffice, which leaves it out; without LibreOffice it is flagged, never passed', async (t) => {
  // b65: old figures formatted hidden in 表二 only ("1090" before 948): word-extractor reads them with the new, and
  // every cell still reads as a number, so nothing failed and nothing sent the file to the conversion.
  const file = path.join(repoRoot, 'test/fixtures/docs-blind/b65.hidden-s2.doc');
  const input = { path: file, mediaType: 'doc' as const };
  const alone = await extractDocument(input, { soffice: false });
  assert.notEqual(alone.status, 'extracted', 'hidden text read with the visible must leave the document flagged');
  assert.match(alone.reason ?? '', /hidden text/);
  if (!requireTools(t, 'soffice')) return;
  const r = await extractDocument(input);
  const s2 = ['s2.licensing.decisions', 's2.penalty.decisions', 's2.normative_docs.issued', 's2.normative_docs.in_force'];
  assert.deepEqual(s2.map((k) => r.figures[k]), [948, 287, 3, 21]);
  assert.equal(r.status, 'extracted');
  assert.equal(r.extractor, 'doc-soffice');
});
