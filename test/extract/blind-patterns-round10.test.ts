// Patterns found by round 10 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS } from '../../src/extract/template/common.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

const ROWS = TEMPLATE_2021.section3Rows;
/** This year's figure of row r, column c (distinct, so a shifted column shows). */
const fig = (r: number, c: number) => (r * 7 + c) % 23;
/** Last year's total of row r: never one of this year's figures. */
const prev = (r: number) => 500 + r;

/** 三 with an eighth figure column after 总计; the header cells after the first row's and the second row's given. */
function s3WithPrior(extraHeadRow1: string, extraHeadRow2 = ''): string {
  const rows = ROWS.map((r, i) => `<tr><td colspan="3">${r.label}</td>${SECTION3_COLUMNS.map((_, c) => `<td>${fig(i, c)}</td>`).join('')}<td>${prev(i)}</td></tr>`).join('\n');
  return `<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td>${extraHeadRow1}</tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>${extraHeadRow2}</tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${rows}
</table>`;
}

test('三 with a 上年同期 column after 总计: the column is set aside by its header and the seven are read; a 上年 header also spanning 总计 leaves 三 unreadable', () => {
  const keys = ROWS.flatMap((r) => SECTION3_COLUMNS.map((c) => `s3.${r.key}.${c.key}`));
  const want = ROWS.flatMap((_, i) => SECTION3_COLUMNS.map((_, c) => fig(i, c)));
  // The row labels span three grid columns, as in the standard table, so the chapter heading above (centred over
  // the page's grid) joins the header cell 其他 and the header alone cannot place the columns: with the eighth
  // figure column, neither can the figures' positions.
  const s3 = s3WithPrior('<td rowspan="3">上年同期</td>', '<td rowspan="2">总计</td>');
  const got = mapFigures(readHtml(page(s3)).lines, TEMPLATE_2021);
  assert.deepEqual(keys.map((k) => got.figures[k]), want);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // 去年同期数 reads the same.
  const other = mapFigures(readHtml(page(s3.replace('上年同期', '去年同期数'))).lines, TEMPLATE_2021);
  assert.deepEqual(keys.map((k) => other.figures[k]), want);
  // A header cell naming last year over both the total and the extra column: which figures are last year's is a
  // guess, so none of 三 is read (flagged).
  const spanning = s3WithPrior('', '<td rowspan="2" colspan="2">总计及上年同期</td>').replace('<td colspan="7">申请人情况</td>', '<td colspan="8">申请人情况</td>');
  const doubt = mapFigures(readHtml(page(spanning)).lines, TEMPLATE_2021);
  assert.deepEqual(keys.filter((k) => doubt.figures[k] !== null), []);
  assert.equal(doubt.unreadable.filter((k) => k.startsWith('s3.')).length, keys.length);
});

const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));
const LAST_YEAR = [1, 0, 1, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
const THIS_YEAR = [3, 1, 0, 1, 5, 2, 0, 0, 0, 2, 0, 1, 0, 0, 1];
/** A sheet of 四 under its title row. */
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
const book = (sheets: [string, number[]][]) => {
  const wb = XLSX.utils.book_new();
  for (const [name, f] of sheets) XLSX.utils.book_append_sheet(wb, s4Sheet(f), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

test('xlsx: visible sheets named for an earlier year than another sheet (last year\'s workbook kept in front) are not read; a workbook of one year is', () => {
  const both = mapFigures(readSheet(book([['2023年复议诉讼', LAST_YEAR], ['2024年复议诉讼', THIS_YEAR]])).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => both.figures[k]), THIS_YEAR);
  // Only last year's sheet, or sheets naming no year: read as they are.
  const alone = mapFigures(readSheet(book([['2023年复议诉讼', LAST_YEAR]])).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => alone.figures[k]), LAST_YEAR);
  const plain = mapFigures(readSheet(book([['复议诉讼', THIS_YEAR], ['Sheet2', LAST_YEAR]])).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => plain.figures[k]), THIS_YEAR);
});

const S2 = (cells: string[], attrs: string[] = []) => `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td${attrs[0] ?? ''}>${cells[0]}</td><td${attrs[1] ?? ''}>${cells[1]}</td><td${attrs[2] ?? ''}>${cells[2]}</td></tr>
<tr><td>行政规范性文件</td><td${attrs[3] ?? ''}>${cells[3]}</td><td${attrs[4] ?? ''}>${cells[4]}</td><td${attrs[5] ?? ''}>${cells[5]}</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td>${cells[6]}</tr></table>`;
const S2_KEYS = ['s2.rules.issued', 's2.rules.repealed', 's2.rules.in_force', 's2.normative_docs.issued', 's2.normative_docs.repealed', 's2.normative_docs.in_force', 's2.licensing.decisions'];
const withStyle = (body: string, css: string) => new TextEncoder().encode(new TextDecoder().decode(page(body)).replace('<head></head>', `<head><style>${css}</style></head>`));

test('a table cell hidden whole by its class (td.old{display:none}) takes no place in the row; a cell with visibility:hidden keeps its place, empty', () => {
  const body = S2(['0', '0', '0', '3', '0', '17', '<td class="old">655</td><td colspan="2">702</td>'], ['', '', '', ' style="visibility:hidden"', '', '']);
  const got = mapFigures(readHtml(withStyle(body, 'table td.old{display:none}')).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 0, null, 0, 17, 702]);
});

test('text set invisible in a cell (white on the white page, or font-size 0) is left out; white text on a dark cell, and a cell sized back after font-size:0 on its row, are read', () => {
  const cells = [
    '<span style="font-size:0px">4</span>0', '0', '<span style="color:#ffffff">9</span>1',
    '<span class="gone">2</span>3', '0', '<span style="font-size:0"><span style="font-size:14px">21</span></span>',
    '<td colspan="3" style="background-color:#1f4e79"><span style="color:#fff">702</span></td>',
  ];
  const got = mapFigures(readHtml(withStyle(S2(cells), '.gone{color:white}')).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 1, 3, 0, 21, 702]);
});

test('docx: the metadata title (docProps/core.xml) is the document\'s title, so 四 by year is read by the year it names when the body names none', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (t: string | number, span = 1) => `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${p(String(t))}</w:tc>`;
  const tr = (cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const table = `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(16)}</w:tblGrid>
${tr([tc('年度'), tc('行政复议', 5), tc('行政诉讼', 10)])}
${tr([tc(''), ...PARTS.map((x) => tc(x)), tc('未经复议直接起诉', 5), tc('复议后起诉', 5)])}
${tr([tc(''), ...PARTS.map(() => tc('')), ...[...PARTS, ...PARTS].map((x) => tc(x))])}
${tr([tc('2023年'), ...LAST_YEAR.map((v) => tc(v))])}
${tr([tc('2024年'), ...THIS_YEAR.map((v) => tc(v))])}</w:tbl>`;
  const docx = (core?: string) => zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${p('北关区司法局政府信息公开工作年度报告')}${p('四、政府信息公开行政复议、行政诉讼情况')}${table}${p('五、存在的主要问题及改进情况')}</w:body></w:document>`),
    ...(core ? { 'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${core}</dc:title></cp:coreProperties>`) } : {}),
  });
  const titled = readDocx(docx('北关区司法局2024年政府信息公开工作年度报告'));
  assert.equal(titled.title, '北关区司法局2024年政府信息公开工作年度报告');
  const got = mapFigures(titled.lines, TEMPLATE_2021, { title: titled.title });
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), THIS_YEAR);
  const untitled = readDocx(docx());
  const none = mapFigures(untitled.lines, TEMPLATE_2021, { title: untitled.title });
  assert.deepEqual(S4_KEYS.map((k) => none.figures[k]), S4_KEYS.map(() => null));
});

test('四 by year with no year in the body: the catalog\'s year of the report reads it, alone or agreeing with the metadata title; a stale metadata title against it is a doubt, never last year\'s row', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (t: string | number, span = 1) => `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${p(String(t))}</w:tc>`;
  const tr = (cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
  const table = `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(16)}</w:tblGrid>
${tr([tc('年度'), tc('行政复议', 5), tc('行政诉讼', 10)])}
${tr([tc(''), ...PARTS.map((x) => tc(x)), tc('未经复议直接起诉', 5), tc('复议后起诉', 5)])}
${tr([tc(''), ...PARTS.map(() => tc('')), ...[...PARTS, ...PARTS].map((x) => tc(x))])}
${tr([tc('2023年'), ...LAST_YEAR.map((v) => tc(v))])}
${tr([tc('2024年'), ...THIS_YEAR.map((v) => tc(v))])}</w:tbl>`;
  const docx = (core?: string) => zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${p('北关区司法局政府信息公开工作年度报告')}${p('四、政府信息公开行政复议、行政诉讼情况')}${table}${p('五、存在的主要问题及改进情况')}</w:body></w:document>`),
    ...(core ? { 'docProps/core.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${core}</dc:title></cp:coreProperties>`) } : {}),
  });
  const s4 = (core: string | undefined, reportYear: number | undefined) => {
    const d = readDocx(docx(core));
    const got = mapFigures(d.lines, TEMPLATE_2021, { title: d.title, reportYear });
    return S4_KEYS.map((k) => got.figures[k]);
  };
  const unread = S4_KEYS.map(() => null);
  assert.deepEqual(s4(undefined, 2024), THIS_YEAR);
  assert.deepEqual(s4('北关区司法局2024年政府信息公开工作年度报告', 2024), THIS_YEAR);
  // Last year's file reused: its metadata still says 2023, the report's page says 2024.
  assert.deepEqual(s4('北关区司法局2023年政府信息公开工作年度报告', 2024), unread);
  assert.deepEqual(s4(undefined, undefined), unread);
});
