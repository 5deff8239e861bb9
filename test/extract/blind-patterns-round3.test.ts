// Patterns found by round 3 of the blind corpus (docs/blind-documents.md), each on hand-made input: text turned by
// 90° on the page (PDF and OFD), notes in brackets beside figures, DOCX tables inside a frame table,
// spreadsheet totals written as formulas with no stored result, notes wrapped in their cells, struck-out digits of a
// PDF exported with its tracked changes shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { readOfd } from '../../src/extract/formats/ofd.ts';
import { readPdf } from '../../src/extract/formats/pdf.ts';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import * as XLSX from '@e965/xlsx';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { looksLikeFigureCell, parseNumber } from '../../src/extract/text.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const ROWS = [['alpha', '12', '345'], ['beta', '6', '78'], ['gamma', '0', '9']];
const lineTexts = (lines: { items: { text: string }[] }[]) => lines.map((l) => l.items.map((i) => i.text).join(' '));

test('a PDF page whose text is turned by 90° (either way, no /Rotate) is read as the landscape table it was laid out as', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const turn of [90, -90]) {
    // A landscape table (rows down, cells across) drawn on a portrait page turned by `turn`.
    const page = pdf.addPage([400, 600]);
    ROWS.forEach((row, r) => row.forEach((t, c) => {
      const [x, y] = [60 + c * 90, 340 - r * 30]; // landscape coordinates, y up, page 600 × 400
      const at = turn === 90 ? { x: 400 - y, y: x } : { x: y, y: 600 - x };
      page.drawText(t, { ...at, size: 11, font, rotate: degrees(turn) });
    }));
    page.drawText('7', { x: 200, y: 20, size: 9, font }); // an upright page number: left out
  }
  const r = await readPdf(await pdf.save());
  const text = lineTexts(r.lines);
  assert.deepEqual(text, [...ROWS.map((row) => row.join(' ')), ...ROWS.map((row) => row.join(' '))]);
});

test('an OFD whose glyphs a CTM turns by 90° is read turned back; upright pages are read as before', () => {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  let id = 10;
  // Landscape page 297 × 210 mm laid on portrait 210 × 297: (x, y) → (y, 297 − x), glyph CTM [0 −1 1 0 0 w].
  const glyphs = (turned: boolean) => ROWS.flatMap((row, r) => row.flatMap((t, c) => [...t].map((ch, k) => {
    const [x, y, w, h] = [40 + c * 30 + k * 2.5, 30 + r * 10, 2.5, 4];
    const box = turned ? `${y} ${297 - x - w} ${h} ${w}` : `${x} ${y} ${w} ${h}`;
    return `<ofd:TextObject ID="${id++}" Boundary="${box}"${turned ? ` CTM="0 -1 1 0 0 ${w}"` : ''} Font="1" Size="3.5"><ofd:TextCode X="0" Y="3.4">${ch}</ofd:TextCode></ofd:TextObject>`;
  })));
  const page = (turned: boolean) => strToU8(`<ofd:Page ${ns}><ofd:Area><ofd:PhysicalBox>0 0 ${turned ? '210 297' : '297 210'}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${id++}">${glyphs(turned).join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
  const ofd = zipSync({
    'OFD.xml': strToU8(`<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(`<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>`),
    'Doc_0/Pages/Page_0/Content.xml': page(true),
    'Doc_0/Pages/Page_1/Content.xml': page(false),
  });
  const text = lineTexts(readOfd(ofd).lines);
  assert.deepEqual(text, [...ROWS.map((row) => row.join(' ')), ...ROWS.map((row) => row.join(' '))]);
});

test('a figure with a note in brackets after it is the figure; a note that corrects it leaves the cell unreadable', () => {
  assert.equal(parseNumber('3（含跨年度1件）'), 3);
  assert.equal(parseNumber('1,234(其中依申请转主动公开2件)'), 1234);
  assert.equal(parseNumber('12件（含上年结转）'), 12);
  assert.equal(parseNumber('3（更正为5）'), undefined);
  assert.equal(looksLikeFigureCell('3（更正为5）'), true, 'a figure cell, never a label');
  assert.equal(parseNumber('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'), undefined);

  // Table 三 with the notes in cells of a row: every cell to the left of a note was read 0 (the note took the label's place).
  const rows = TEMPLATE_2021.section3Rows;
  const value = (i: number, k: number) => (k === 6 ? [0, 1, 2, 3, 4, 5].reduce((a, j) => a + ((i + j) % 3), 0) : (i + k) % 3);
  const note = (i: number, k: number) => {
    const v = String(value(i, k));
    if (i === 0 && k === 0) return `${v}（含跨年度1件）`;
    if (i === 2 && k === 6) return `${v}(其中依申请转主动公开2件)`;
    if (i === 3 && k === 6) return `${v}（更正为99）`;
    return v;
  };
  const td = (t: string, span = '') => `<td${span}><p class="MsoNormal"><span>${t}</span><o:p></o:p></p></td>`;
  const html = `<html><body><p>三、收到和处理政府信息公开申请情况</p><table>
<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>
<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>
<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => td(t)).join('')}</tr>
${rows.map((r, i) => `<tr>${td(r.label, ' colspan="3"')}${Array.from({ length: 7 }, (_, k) => td(note(i, k))).join('')}</tr>`).join('\n')}
</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  const corrected = `s3.${rows[3]!.key}.total`;
  const wrong = rows.flatMap((r, i) => SECTION3_COLUMNS.map((c, k) => [`s3.${r.key}.${c.key}`, value(i, k)] as const))
    .filter(([key, v]) => key !== corrected && m.figures[key] !== v);
  assert.deepEqual(wrong, []);
  assert.equal(m.figures[corrected], null);
  assert.ok(m.unreadable.includes(corrected), 'the corrected figure is flagged');
});

test('a DOCX table inside the cell of a frame table is read as a table (the frame as text), not flattened into one cell', () => {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const tc = (t: string, span = 1) => `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${p(t)}</w:tc>`;
  const inner = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${tc('项目')}${tc('件数', 2)}</w:tr><w:tr>${tc('规章')}${tc('1')}${tc('12')}</w:tr><w:tr>${tc('行政规范性文件')}${tc('3')}${tc('45')}</w:tr></w:tbl>`;
  const frame = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${p('（表一）')}${inner}${p('')}</w:tc></w:tr></w:tbl>`;
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('二、主动公开政府信息情况')}${frame}${p('三、收到和处理政府信息公开申请情况')}</w:body></w:document>`;
  const r = readDocx(zipSync({ 'word/document.xml': strToU8(xml) }));
  assert.deepEqual(lineTexts(r.lines), ['二、主动公开政府信息情况', '(表一)', '项目 件数', '规章 1 12', '行政规范性文件 3 45', '三、收到和处理政府信息公开申请情况']);
  assert.deepEqual(r.lines[3]!.items.map((i) => i.text.trim()), ['规章', '1', '12'], 'one item per cell');
});

test('spreadsheet formulas with no stored result (as generator libraries write them) are computed; a form not computed is unreadable, never 0', () => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const ws = XLSX.utils.aoa_to_sheet([
    ['行政复议', '', '', '', '', '行政诉讼'],
    [...parts, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', ...parts, ...parts],
    [3, 0, 1, 2, null, 1, 0, 0, 2, null, 0, 1, 0, 0, null],
  ]);
  ws['!merges'] = [XLSX.utils.decode_range('A1:E1'), XLSX.utils.decode_range('F1:O1'), XLSX.utils.decode_range('F2:J2'), XLSX.utils.decode_range('K2:O2')];
  ws['E4'] = { t: 'n', f: 'SUM(A4:D4)' } as XLSX.CellObject;
  ws['J4'] = { t: 'n', f: 'F4+G4+$H$4+I4' } as XLSX.CellObject;
  ws['O4'] = { t: 'n', f: 'VLOOKUP(K4,Data!A1:B9,2,FALSE)' } as XLSX.CellObject;
  ws['!ref'] = 'A1:O4';
  const head = XLSX.utils.aoa_to_sheet([['四、政府信息公开行政复议、行政诉讼情况']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, head, '标题');
  XLSX.utils.book_append_sheet(wb, ws, '复议诉讼');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const lines = readSheet(bytes).lines;
  const data = lines.find((l) => l.items.some((i) => i.text === '3'))!;
  assert.deepEqual(data.items.map((i) => i.text), ['3', '0', '1', '2', '6', '1', '0', '0', '2', '3', '0', '1', '0', '0', ''], 'SUM and + computed');
  assert.equal(data.items[14]!.doubtful, true, 'VLOOKUP is not computed: the cell is doubtful');
  const m = mapFigures(lines, TEMPLATE_2021);
  assert.equal(m.figures['s4.review_total'], 6);
  assert.equal(m.figures['s4.litigation_direct_total'], 3);
  assert.equal(m.figures['s4.litigation_after_review_total'], null);
  assert.ok(m.unreadable.includes('s4.litigation_after_review_total'));
});

test('a figure whose note wraps in its narrow cell over several lines ("12" / "5(含" / "跨年" / "度1" / "件)") is joined onto its row', () => {
  const item = (text: string, x0: number, y: number) => ({ text, page: 1, x0, x1: x0 + 7 * [...text].length, y, h: 10 });
  const items = [
    // Row above: its total "2" sits right above the next row's wrapped note and must stay its own.
    item('二、上年结转', 90, 400), item('1', 320, 400), item('2', 500, 400),
    item('2(其', 495, 414), item('中依', 495, 426), item('申请', 495, 438),
    item('(一)予以公开', 170, 450), item('1', 320, 450), item('转主', 495, 450),
    item('动公', 495, 462), item('开2', 495, 474), item('件)', 495, 486),
    // A figure wrapped before its bracket: "12" on a line of its own, then "5(含".
    item('12', 283, 520), item('5(含', 276, 532), item('一、本年新收', 90, 544), item('跨年', 279, 544), item('7', 320, 544),
    item('度1', 280, 556), item('件)', 279, 568),
    // A wrapped correction: joined, and read as no number (text.ts makes the cell unreadable).
    item('3(更', 495, 600), item('(二)部分公开', 170, 612), item('正为', 495, 612), item('5)', 495, 624),
  ];
  const text = lineTexts(linesFromItems(items));
  assert.deepEqual(text, ['二、上年结转 1 2', '(一)予以公开 1 2(其中依申请转主动公开2件)', '一、本年新收 125(含跨年度1件) 7', '(二)部分公开 3(更正为5)']);
  assert.equal(parseNumber('2(其中依申请转主动公开2件)'), 2);
  assert.equal(parseNumber('3(更正为5)'), undefined);
});

test('struck-out digits (a PDF exported with tracked changes shown) are left out; underlines and table rules are no strike', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([400, 300]);
  const size = 12;
  const digit = font.widthOfTextAtSize('0', size);
  const cell = (x: number, y: number, kept: string, struck: string, strikeFirst: boolean) => {
    const [a, b] = strikeFirst ? [struck, kept] : [kept, struck];
    page.drawText(a + b, { x, y, size, font });
    const sx = strikeFirst ? x : x + digit * kept.length;
    // The strike: a hairline through the middle of the struck glyphs; the inserted digits underlined.
    page.drawLine({ start: { x: sx, y: y + size * 0.3 }, end: { x: sx + digit * struck.length, y: y + size * 0.3 }, thickness: 0.5 });
    const ux = strikeFirst ? x + digit * struck.length : x;
    page.drawLine({ start: { x: ux, y: y - 1.5 }, end: { x: ux + digit * kept.length, y: y - 1.5 }, thickness: 0.5 });
  };
  page.drawText('alpha', { x: 40, y: 200, size, font });
  cell(150, 200, '23', '32', true); // "3223": 32 struck, 23 inserted → 23
  cell(250, 200, '11', '68', false); // "1168": 68 struck → 11
  page.drawText('beta', { x: 40, y: 170, size, font });
  page.drawText('45', { x: 150, y: 170, size, font });
  page.drawText('7', { x: 250, y: 170, size, font });
  page.drawLine({ start: { x: 30, y: 170 + size * 0.3 }, end: { x: 380, y: 170 + size * 0.3 }, thickness: 0.5 }); // a rule running past the text
  const r = await readPdf(await pdf.save());
  assert.deepEqual(lineTexts(r.lines), ['alpha 23 11', 'beta 45 7']);
});
