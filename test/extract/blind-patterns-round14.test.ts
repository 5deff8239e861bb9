// Patterns found by round 14 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { figureText, stackCut } from '../../src/extract/ocr/page.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with its fee block's header and figure. */
const s2Table = (feeHeader: string, fee: string, licensing = 244) => `<table border="1">
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
const fee = (feeHeader: string, cell: string, around = '') => {
  const got = read(`${S2_HEADING}\n${around}\n${s2Table(feeHeader, cell)}\n${S3_HEADING}`);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount') };
};

test('表二\'s fee in 亿元 (header 单位：亿元, a cell 12.56亿元, a note 金额单位：亿元) is read in 万元; 亿元 against 万元 is unreadable (b110)', () => {
  assert.deepEqual(fee('本年收费金额（单位：亿元）', '12.56'), { value: 125600, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '12.56亿元'), { value: 125600, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '0.35', '<p>（金额单位：亿元）</p>'), { value: 3500, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '12.56亿元'), { value: null, unreadable: true });
  // 万元 as before.
  assert.deepEqual(fee('本年收费金额（单位：万元）', '12.56'), { value: 12.56, unreadable: false });
});

const licensing = (body: string) => {
  const got = read(body);
  return { licensing: got.figures['s2.licensing.decisions'], fee: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.licensing.decisions') };
};
const twoYears = (title: (year: number) => string) => `${S2_HEADING}\n<p>${title(2023)}</p>\n${s2Table('本年收费金额（单位：万元）', '0.3', 200)}\n<p>${title(2024)}</p>\n${s2Table('本年收费金额（单位：万元）', '0.25', 244)}\n${S3_HEADING}`;

test('last year\'s 表二 first under a year title naming the table ("2023年度主动公开政府信息情况统计表"), then this year\'s: this year\'s is read (b105)', () => {
  assert.deepEqual(licensing(twoYears((y) => `${y}年度主动公开政府信息情况统计表`)), { licensing: 244, fee: 0.25, unreadable: false });
  assert.deepEqual(licensing(twoYears((y) => `${y}年政府信息公开行政复议、行政诉讼情况表`)), { licensing: 244, fee: 0.25, unreadable: false });
  // Prose naming a year before each table is no title: read as before (the first table's rows, the fee twinned).
  const prose = licensing(twoYears((y) => `${y}年度，本机关主动公开政府信息情况如下：`));
  assert.equal(prose.licensing, 200);
});

/** 表四 (15 figures) as a CMS table. */
const s4Table = (figs: number[]) => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return `<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>${parts.map((p) => `<td rowspan="2">${p}</td>`).join('')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${[...parts, ...parts].map((p) => `<td>${p}</td>`).join('')}</tr>
<tr>${figs.map((v) => `<td>${v}</td>`).join('')}</tr>
</table>`;
};
const FIRST = [1, 0, 2, 1, 4, 3, 1, 0, 0, 4, 0, 0, 2, 0, 2];
const FIXED = [2, 0, 1, 1, 4, 3, 1, 0, 0, 4, 0, 0, 2, 0, 2];
const s4Report = (appendix: string) => `${S2_HEADING}\n${s2Table('本年收费金额（单位：万元）', '0.25')}\n${S3_HEADING}
<p>四、政府信息公开行政复议、行政诉讼情况</p>\n${s4Table(FIRST)}
<p>五、存在的主要问题及改进情况</p><p>部分栏目更新不及时。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p><p>某某局</p><p>2025年1月20日</p>
${appendix}`;
const s4Read = (appendix: string) => {
  const got = read(s4Report(appendix));
  return ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => got.figures[`s4.review_${p}`]);
};

test('a corrected table appended after the signature under "附：更正说明" replaces the chapter\'s first-published one (b106)', () => {
  assert.deepEqual(s4Read(`<p>附：更正说明</p><p>经核查，本报告第四部分统计表中行政复议“结果维持”“其他结果”两项数据填报有误，现予更正。更正后的统计表如下：</p>\n${s4Table(FIXED)}\n<p>特此更正。</p>`), [2, 0, 1, 1, 4]);
  // Without a correction caption, a table after the signature changes nothing; nor does prose saying errors are corrected.
  assert.deepEqual(s4Read('<p>发现错误及时更正，确保信息准确。</p>'), [1, 0, 2, 1, 4]);
});

/** 表三 (2021) as a CMS table, labels as given, each row's seven figures from `fig(row)`. */
const S3_LABELS = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密',
  '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷',
  '8.属于行政查询事项', '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确', '1.信访举报投诉类申请', '2.重复申请',
  '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息', '1.逾期不补正', '2.逾期未缴费', '3.其他', '（七）总计', '四、结转下年度继续办理'];
const s3Table = (labels: string[]) => `<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${labels.map((l, i) => `<tr><td colspan="3">${l}</td>${[i + 1, 0, 0, 0, 0, 0, i + 1].map((v) => `<td>${v}</td>`).join('')}</tr>`).join('\n')}
</table>`;

test('表三\'s （六）2. shortened by the clerk ("2.逾期未缴费", "2.逾期未缴纳") is matched, and 3.其他 after it (b109)', () => {
  for (const short of ['2.逾期未缴费', '2.逾期未缴纳']) {
    const labels = S3_LABELS.map((l) => (l === '2.逾期未缴费' ? short : l));
    const got = read(`${S2_HEADING}\n${s2Table('本年收费金额（单位：万元）', '0.25')}\n${S3_HEADING}\n${s3Table(labels)}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`);
    assert.deepEqual([got.figures['s3.other_no_correction.total'], got.figures['s3.other_no_fee.natural_person'], got.figures['s3.other_other.total']], [21, 22, 23], short);
  }
});

test('a row of column numbers "1 … 15" under 四\'s header is part of the header, not the data row (b108)', () => {
  const numbered = s4Table(FIRST).replace(/(<tr><td>1<\/td>)/, `<tr>${Array.from({ length: 15 }, (_, i) => `<td>${i + 1}</td>`).join('')}</tr>\n$1`);
  assert.match(numbered, /<td>15<\/td><\/tr>\n<tr><td>1<\/td><td>0<\/td>/);
  const got = read(`${S2_HEADING}\n${s2Table('本年收费金额（单位：万元）', '0.25')}\n${S3_HEADING}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n${numbered}\n<p>五、存在的主要问题及改进情况</p>`);
  assert.deepEqual(['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => got.figures[`s4.review_${p}`]), [1, 0, 2, 1, 4]);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s4.')), []);
});

test('三 with a row of column numbers "1 … 7" under its header (with 栏次, or bare) reads its rows (b108; read right before the fix too: a guard)', () => {
  for (const label of ['栏次', '']) {
    const numbered = s3Table(S3_LABELS).replace('<tr><td colspan="3">一、', `<tr><td colspan="3">${label}</td>${[1, 2, 3, 4, 5, 6, 7].map((v) => `<td>${v}</td>`).join('')}</tr>\n<tr><td colspan="3">一、`);
    const got = read(`${S2_HEADING}\n${s2Table('本年收费金额（单位：万元）', '0.25')}\n${S3_HEADING}\n${numbered}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`);
    assert.deepEqual([got.figures['s3.new_received.natural_person'], got.figures['s3.new_received.total'], got.figures['s3.carried_to_next_year.total']], [1, 1, 25], `label "${label}"`);
  }
});

test('a DOCX\'s body pictures are listed with their part and the line they stand before, to be OCR\'d where a table is missing (b111)', () => {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const pic = (id: string) => `<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:r="r" xmlns:wp="wp" xmlns:a="a" xmlns:pic="pic"><w:body>${p('二、主动公开政府信息情况')}${p('三、收到和处理政府信息公开申请情况')}${pic('rId7')}${pic('rId8')}${p('四、政府信息公开行政复议、行政诉讼情况')}</w:body></w:document>`;
  const rels = '<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.png"/></Relationships>';
  const bytes = zipSync({ 'word/document.xml': strToU8(doc), 'word/_rels/document.xml.rels': strToU8(rels), 'word/media/image1.jpeg': new Uint8Array([0xff, 0xd8]), 'word/media/image2.png': new Uint8Array([0x89, 0x50]) });
  const ex = readDocx(bytes);
  assert.deepEqual(ex.bodyImages, [{ line: 2, part: 'word/media/image1.jpeg' }, { line: 2, part: 'word/media/image2.png' }]);
  assert.equal(ex.images, 2);
});

test('OCR: digits with a stray point ("3.") stay a figure cell, doubtful (not a label that hides the row\'s figures); tall stacks are cut below tesseract\'s limit (b111)', () => {
  assert.deepEqual(figureText('3.'), { text: '3', doubtful: true });
  assert.deepEqual(figureText('.12'), { text: '12', doubtful: true });
  assert.deepEqual(figureText('12.5'), { text: '12.5', doubtful: undefined });
  assert.deepEqual(figureText(''), { text: '', doubtful: undefined });
  // 150 figure cells of 75 px ×3 with 48 px gaps (34 000 px): cut; 20 cells fit.
  const cut = stackCut(Array.from({ length: 150 }, () => 75), 3, 48);
  assert.ok(cut !== undefined && cut > 0 && cut < 150 && 48 + cut * (75 * 3 + 48) <= 30_000);
  assert.equal(stackCut(Array.from({ length: 20 }, () => 75), 3, 48), undefined);
});
