// Patterns found by round 6 of the blind corpus (docs/blind-documents.md), each on hand-made input: old figures kept
// as hidden text, figures in Word text boxes, 三's applicant columns and 四's blocks in another order, an ODS
// spreadsheet, tables drawn with box characters in a <pre>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
import { boxTables } from '../../src/extract/layout/boxtable.ts';
import { sniffMediaType } from '../../src/extract/sniff.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const run = (t: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (runs: string) => `<w:p>${runs}</w:p>`;
const tc = (content: string) => `<w:tc><w:tcPr/>${content}</w:tc>`;
const docx = (body: string) => readDocx(zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) }));
const lineTexts = (lines: { items: { text: string }[] }[]) => lines.map((l) => l.items.map((i) => i.text.trim()).join(' '));

test('DOCX text formatted hidden (w:vanish: an old figure "deleted" by hiding it) is left out; hidden paragraph marks and w:vanish val=0 hide nothing', () => {
  const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr>${tc(p(run('行政许可')))}${tc(p(run('1032', '<w:vanish/>') + run('987')))}</w:tr>
<w:tr>${tc(p(run('行政处罚')))}${tc(p(run('245') + run('（2023年：288）', '<w:rFonts w:hint="eastAsia"/><w:vanish w:val="true"/><w:sz w:val="21"/>')))}</w:tr>
<w:tr>${tc(p(run('行政强制')))}${tc(`<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>${run('17')}</w:p>`)}</w:tr>
<w:tr>${tc(p(run('行政事业性收费')))}${tc(p(run('2.', '<w:vanish w:val="0"/>') + run('4')))}</w:tr></w:tbl>`;
  const r = docx(p(run('二、主动公开政府信息情况')) + table);
  assert.deepEqual(lineTexts(r.lines), ['二、主动公开政府信息情况', '行政许可 987', '行政处罚 245', '行政强制 17', '行政事业性收费 2.4']);
});

test('a DOCX text box is read once: the VML fallback of an mc:AlternateContent whose choice held the text is skipped, a fallback alone is read', () => {
  const box = (t: string) => `<w:txbxContent>${p(run(t))}</w:txbxContent>`;
  const alt = (choice: string, fallback: string) => `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>${choice}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>${fallback}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr>${tc(p(run('行政许可')))}${tc(p(alt(box('264'), box('264'))))}</w:tr>
<w:tr>${tc(p(run('行政处罚')))}${tc(p(alt('<w:drawing/>', box('71'))))}</w:tr></w:tbl>`;
  const r = docx(p(run('二、主动公开政府信息情况')) + table);
  assert.deepEqual(lineTexts(r.lines), ['二、主动公开政府信息情况', '行政许可 264', '行政处罚 71']);
});

const page = (body: string) => new TextEncoder().encode(`<html><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));

/** Table 三 whose applicant columns are printed in `order` (indexes into SECTION3_COLUMNS), headed by `heads`. */
function s3Reordered(order: number[], heads: string[]): { html: string; figures: Record<string, number> } {
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const six = [0, 1, 2, 3, 4, 5].map((k) => (i * 7 + k * 5) % 4 === 0 ? 0 : (i * 11 + k * 13) % 29);
    const all = [...six, six.reduce((a, b) => a + b, 0)];
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = all[k]!));
    return `<tr><td colspan="3">${r.label}</td>${order.map((k) => `<td>${all[k]}</td>`).join('')}</tr>`;
  });
  const html = `<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td colspan="5">法人或其他组织</td><td rowspan="2">${heads[5]}</td><td rowspan="2">${heads[6]}</td></tr>
<tr>${heads.slice(0, 5).map((t) => `<td>${t}</td>`).join('')}</tr>
${rows.join('\n')}</table>`;
  return { html, figures };
}

test('三 with its applicant columns in another order (法人或其他组织 first, then 自然人, 总计) is read by its header, not by position', () => {
  const s3 = s3Reordered([1, 2, 3, 4, 5, 0, 6], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '自然人', '总计']);
  const got = mapFigures(readHtml(page(s3.html)).lines, TEMPLATE_2021);
  const wrong = Object.entries(s3.figures).filter(([k, v]) => got.figures[k] !== v).map(([k, v]) => `${k}: ${got.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, []);
});

test('三 whose header shows another column order but names a column unknown (共计): every cell unreadable, no guess', () => {
  const s3 = s3Reordered([1, 2, 3, 4, 5, 0, 6], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '自然人', '共计']);
  const got = mapFigures(readHtml(page(s3.html)).lines, TEMPLATE_2021);
  const read = Object.keys(s3.figures).filter((k) => got.figures[k] !== null);
  assert.deepEqual(read, []);
  assert.ok(Object.keys(s3.figures).every((k) => got.unreadable.includes(k)), 'all flagged');
});

test('四 with 行政诉讼 printed before 行政复议 is read block by block as its header places them; an order shown but not placeable is unreadable', () => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const [review, direct, after] = [[4, 1, 0, 2, 7], [1, 0, 1, 0, 2], [0, 2, 0, 1, 3]];
  const table = (d: string, a: string) => `<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tr><td colspan="10">行政诉讼</td><td colspan="5">行政复议</td></tr>
<tr><td colspan="5">${d}</td><td colspan="5">${a}</td>${parts.map((p) => `<td rowspan="2">${p}</td>`).join('')}</tr>
<tr>${[...parts, ...parts].map((p) => `<td>${p}</td>`).join('')}</tr>
<tr>${[...direct, ...after, ...review].map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
  const got = mapFigures(readHtml(page(table('未经复议直接起诉', '复议后起诉'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.map((k) => got.figures[k]), [...review, ...direct, ...after]);
  // 行政诉讼 stands before 行政复议, but its two blocks are named in words not known: which is which is a guess.
  const vague = mapFigures(readHtml(page(table('直接起诉', '经复议起诉'))).lines, TEMPLATE_2021);
  assert.deepEqual(S4_KEYS.filter((k) => vague.figures[k] !== null), []);
  assert.ok(S4_KEYS.every((k) => vague.unreadable.includes(k)));
});

test('an ODS spreadsheet is sniffed and read like XLSX; the slots a merged cell covers are not read, whatever they still hold', () => {
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const str = (t: string, span = 1) => `<table:table-cell office:value-type="string"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}><text:p>${t}</text:p></table:table-cell>`;
  const num = (v: number, span = 1) => `<table:table-cell office:value-type="float" office:value="${v}"${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}><text:p>${v}</text:p></table:table-cell>`;
  const covered = (v: number) => `<table:covered-table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:covered-table-cell>`;
  const row = (cells: string) => `<table:table-row>${cells}</table:table-row>`;
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表二">
${row(str('二、主动公开政府信息情况', 4) + '<table:covered-table-cell table:number-columns-repeated="3"/>')}
${row(str('第二十条第（五）项', 4) + '<table:covered-table-cell table:number-columns-repeated="3"/>')}
${row(str('信息内容') + str('本年处理决定数量', 3) + '<table:covered-table-cell table:number-columns-repeated="2"/>')}
${row(str('行政许可') + num(527, 3) + covered(1187) + covered(1187))}
${row(str('第二十条第（六）项', 4) + '<table:covered-table-cell table:number-columns-repeated="3"/>')}
${row(str('信息内容') + str('本年处理决定数量', 3) + '<table:covered-table-cell table:number-columns-repeated="2"/>')}
${row(str('行政处罚') + num(96, 3) + covered(342) + covered(0))}
${row(str('行政强制') + num(7, 3) + covered(27) + covered(27))}
</table:table></office:spreadsheet></office:body></office:document-content>`;
  const ods = zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns} office:version="1.2"/>`),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
  });
  assert.equal(sniffMediaType(ods), 'ods');
  assert.equal(sniffMediaType(ods, { fileName: 'report.ods' }), 'ods');
  const got = mapFigures(readSheet(ods).lines, TEMPLATE_2021);
  assert.deepEqual(['licensing', 'penalty', 'coercion'].map((k) => got.figures[`s2.${k}.decisions`]), [527, 96, 7]);
});

test('tables drawn with box characters in a <pre> are read as grids, box characters two columns wide (GB2312) or one (Unicode)', () => {
  const legacy = [
    '┌─────────────┐',
    '│    第二十条第（五）项    │',
    '├────────┬────┤',
    '│信息内容        │本年处理│',
    '│                │决定数量│',
    '├────────┼────┤',
    '│行政许可        │  527   │',
    '├────────┴────┤',
    '│    第二十条第（六）项    │',
    '├────────┬────┤',
    '│行政处罚        │   96   │',
    '├────────┼────┤',
    '│行政强制        │        │',
    '│                │   7    │',
    '├────────┴────┤',
    '│    第二十条第（八）项    │',
    '├────────┬────┤',
    '│行政事业性收费  │  1.25  │',
    '└────────┴────┘',
  ];
  // The same table as a Unicode terminal draws it: box characters one column wide, so each junction is followed by
  // one more rule piece and each │ by a space, keeping the text where it was.
  const toUnicode = (l: string) => (/─/.test(l) ? l.replace(/─/g, '──').replace(/([┌├└┬┼┴])/g, '$1─') : l.replace(/│(?!$)/g, '│ '));
  for (const [name, lines] of [['legacy', legacy], ['unicode', legacy.map(toUnicode)]] as const) {
    const blocks = boxTables(['单位：件', ...lines, '注：无。'].join('\n'));
    assert.equal(blocks.filter((b) => 'grid' in b).length, 1, `${name}: one grid`);
    const html = `<p>二、主动公开政府信息情况</p><pre>${['单位：件', ...lines].join('\n')}</pre><p>三、收到和处理政府信息公开申请情况</p>`;
    const got = mapFigures(readHtml(page(html)).lines, TEMPLATE_2021);
    assert.deepEqual(['s2.licensing.decisions', 's2.penalty.decisions', 's2.coercion.decisions', 's2.fees.amount'].map((k) => got.figures[k]), [527, 96, 7, 1.25], name);
  }
  // A drawing whose rules do not line up (a space lost in one line) is no grid: it stays text.
  const broken = legacy.map((l) => l.replace('行政许可 ', '行政许可'));
  assert.ok(boxTables(broken.join('\n')).every((b) => 'text' in b));
});
