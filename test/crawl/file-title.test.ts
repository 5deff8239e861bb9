/**
 * A cut list title's whole title read off a document's first page (crawl/file-title.ts): the cut words found across
 * line breaks and spaces, the title carried to its line's end or over its wrap, nothing found where the page holds
 * other words; and the first page of a real PDF and DOCX read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import { firstPageText, titleOnPage } from '../../src/crawl/file-title.ts';
import { textPdf } from './text-pdf.ts';

const cut = '房县农业农村局2024年度政府信息公开工…';

test('the whole title is the cut words carried to the end of their line, or over its wrap', () => {
  assert.equal(titleOnPage(cut, '房县农业农村局2024年度政府信息公开工作年度报告\n一、总体情况'), '房县农业农村局2024年度政府信息公开工作年度报告');
  // Wrapped, spaced by the typesetter, the agency on a line of its own.
  assert.equal(titleOnPage(cut, '房 县 农 业 农 村 局\n2024年度政府信息公开\n工作年度报告\n一、总体情况'), '房县农业农村局2024年度政府信息公开工作年度报告');
  assert.equal(titleOnPage(cut, '房县农业农村局2024年度政府信息公开工作要点\n为做好年度报告编制工作……'), '房县农业农村局2024年度政府信息公开工作要点');
  // Full-width digits and a title cut with dots.
  assert.equal(titleOnPage('某市教育局２０２３年政府信息公开...', '某市教育局2023年政府信息公开年报'), '某市教育局2023年政府信息公开年报');
});

test('a page without the cut words, or a cut too short to look for, names nothing', () => {
  assert.equal(titleOnPage(cut, '房县农业农村局\n2024年度部门预算公开说明'), null);
  assert.equal(titleOnPage('2024年…', '2024年度政府信息公开工作年度报告'), null);
});

test("a PDF's and a DOCX's first page are read; other bytes hold no text", async () => {
  const pdf = textPdf(['房县农业农村局2024年度政府信息公开', '工作年度报告', '一、总体情况']);
  assert.equal(titleOnPage(cut, (await firstPageText(pdf, 'a1.pdf'))!), '房县农业农村局2024年度政府信息公开工作年度报告');
  const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const docx = Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('房县农业农村局2024年度政府信息公开工作要点')}${para('一、工作目标')}</w:body></w:document>`),
    }),
  );
  assert.equal(titleOnPage(cut, (await firstPageText(docx, 'p1.docx'))!), '房县农业农村局2024年度政府信息公开工作要点');
  assert.equal(await firstPageText(Buffer.from('%PDF-1.4\nnot really\n%%EOF\n', 'latin1'), 'x.pdf'), null);
  assert.equal(await firstPageText(Buffer.from('<html>报告</html>'), 'x.html'), null);
});
