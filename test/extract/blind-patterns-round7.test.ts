// Patterns found by round 7 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';

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
