// Patterns found by round 6 of the blind corpus (docs/blind-documents.md), each on hand-made input: old figures kept
// as hidden text, figures in Word text boxes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';

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
