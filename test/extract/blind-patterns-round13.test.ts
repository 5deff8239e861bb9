// Patterns found by round 13 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with its fee block's header and figure, a first row above it and lines after it. */
const s2Table = (feeHeader: string, fee: string, licensing = 244, top = '') => `<table border="1">
${top}
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>16</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${licensing}</td></tr>
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
const fee = (feeHeader: string, cell: string, below: string) => {
  const got = read(`${S2_HEADING}\n${s2Table(feeHeader, cell)}\n${below}\n${S3_HEADING}`);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount') };
};

test('表二\'s amount unit given in a note BELOW the table (注：本表金额单位为元。) is read; against the header\'s unit the cell is unreadable (b100)', () => {
  assert.deepEqual(fee('本年收费金额', '3600.00', '<p>注：本表金额单位为元。</p>'), { value: 0.36, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '13.00', '<p>注：金额单位：千元</p>'), { value: 1.3, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0.36', '<p>注：本表金额单位为元。</p>'), { value: null, unreadable: true });
  // Prose after the table naming a sum in 元 is no note.
  assert.deepEqual(fee('本年收费金额', '0.36', '<p>本年度收取信息处理费0元。</p>'), { value: 0.36, unreadable: false });
});

const yearRow = (text: string) => `<tr><td colspan="4">${text}</td></tr>`;
const licensing = (body: string) => {
  const got = read(body);
  return { licensing: got.figures['s2.licensing.decisions'], fee: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.licensing.decisions') };
};

test('last year\'s 表二 printed BEFORE this year\'s, each table topped by a row naming only its year: this year\'s is read (b104)', () => {
  const body = `${S2_HEADING}\n${s2Table('本年收费金额（单位：万元）', '0.3', 200, yearRow('2023年度'))}\n${s2Table('本年收费金额（单位：万元）', '0.25', 244, yearRow('2024年度'))}\n${S3_HEADING}`;
  assert.deepEqual(licensing(body), { licensing: 244, fee: 0.25, unreadable: false });
});

test('last year\'s 表二 first under a caption "2023年度同期数据（对照）", then "2024年度数据" and this year\'s: this year\'s is read (b99)', () => {
  const body = `${S2_HEADING}\n<p>2023年度同期数据（对照）</p>\n${s2Table('本年收费金额（单位：万元）', '0.3', 200)}\n<p>2024年度数据</p>\n${s2Table('本年收费金额（单位：万元）', '0.25', 244)}\n${S3_HEADING}`;
  assert.deepEqual(licensing(body), { licensing: 244, fee: 0.25, unreadable: false });
});

test('a single comparison caption before the first table, this year\'s table not titled: unreadable, not guessed; a lone year title reads as before', () => {
  const twoTables = `${S2_HEADING}\n<p>2023年度同期数据（对照）</p>\n${s2Table('本年收费金额（单位：万元）', '0.3', 200)}\n${s2Table('本年收费金额（单位：万元）', '0.25', 244)}\n${S3_HEADING}`;
  assert.deepEqual(licensing(twoTables), { licensing: null, fee: null, unreadable: true });
  const oneTitle = `${S2_HEADING}\n<p>2024年度</p>\n${s2Table('本年收费金额（单位：万元）', '0.25', 244)}\n${S3_HEADING}`;
  assert.deepEqual(licensing(oneTitle), { licensing: 244, fee: 0.25, unreadable: false });
  // A year inside prose or a date is no title.
  const prose = `${S2_HEADING}\n<p>2024年度，本机关主动公开各类信息。</p>\n${s2Table('本年收费金额（单位：万元）', '0.25', 244)}\n${S3_HEADING}`;
  assert.deepEqual(licensing(prose), { licensing: 244, fee: 0.25, unreadable: false });
});

test('a DOCX whose figures each sit in a one-cell table nested in their cell reads as a table, not as a frame: 四\'s blocks in place (b103)', () => {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (t: string, span = 1, vMerge?: 'restart' | 'continue') => `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge ? `<w:vMerge${vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}</w:tcPr>${vMerge === 'continue' ? p('') : p(t)}</w:tc>`;
  const box = (v: number) => `<w:tc><w:tcPr/><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>${p(String(v))}</w:tc></w:tr></w:tbl>${p('')}</w:tc>`;
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const figs = [1, 0, 2, 1, 4, 3, 1, 0, 0, 4, 0, 0, 2, 0, 2];
  const table = `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(15)}</w:tblGrid>
<w:tr>${tc('行政复议', 5)}${tc('行政诉讼', 10)}</w:tr>
<w:tr>${parts.map((x) => tc(x, 1, 'restart')).join('')}${tc('未经复议直接起诉', 5)}${tc('复议后起诉', 5)}</w:tr>
<w:tr>${parts.map((x) => tc(x, 1, 'continue')).join('')}${[...parts, ...parts].map((x) => tc(x)).join('')}</w:tr>
<w:tr>${figs.map(box).join('')}</w:tr></w:tbl>`;
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('四、政府信息公开行政复议、行政诉讼情况')}${table}${p('五、存在的主要问题及改进情况')}</w:body></w:document>`;
  const lines = readDocx(zipSync({ 'word/document.xml': strToU8(xml) })).lines;
  assert.deepEqual(lines.find((l) => l.items.some((i) => i.text.trim() === '3'))?.items.map((i) => i.text.trim()), figs.map(String), 'the figures on one grid line, a cell each');
  const got = mapFigures(lines, TEMPLATE_2021).figures;
  const keys = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => parts.map((_, i) => `s4.${b}_${['upheld', 'corrected', 'other', 'pending', 'total'][i]}`));
  assert.deepEqual(keys.map((k) => got[k]), figs);
});

test('三 with 法人或其他组织 as ONE column (自然人 | 法人或其他组织 | 总计): 自然人 and 总计 read, the five kinds unreadable, never guessed (b102)', () => {
  const rows = TEMPLATE_2021.section3Rows;
  // Row i: 自然人 10+i, organisations together i, 总计 10+2i.
  const body = rows.map((r, i) => `<tr><td colspan="3">${r.label}</td><td>${10 + i}</td><td>${i}</td><td>${10 + 2 * i}</td></tr>`).join('\n');
  const html = `<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="3">申请人情况</td></tr>
<tr><td>自然人</td><td>法人或其他组织</td><td>总计</td></tr>
${body}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>`;
  const got = read(html);
  const wrong = rows.flatMap((r, i) => [[`s3.${r.key}.natural_person`, 10 + i], [`s3.${r.key}.total`, 10 + 2 * i]] as const).filter(([k, v]) => got.figures[k] !== v);
  assert.deepEqual(wrong, []);
  const orgs = rows.flatMap((r) => ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'].map((c) => `s3.${r.key}.${c}`));
  assert.deepEqual(orgs.filter((k) => got.figures[k] !== null || !got.unreadable.includes(k)), [], 'the five kinds null and unreadable');
});
