// Every non-scanned sample with ground truth: every figure exact, through sniffing and extractDocument.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractDocument, sniffMediaType } from '../../src/extract/index.ts';
import { requireTools } from '../helpers/tools.ts';
import { diffFigures, groundTruth, sample } from './helpers.ts';

const SAMPLES: [file: string, extractor: string][] = [
  ['s001.html', 'html-cheerio'], ['s002.html', 'html-cheerio'], ['s004.html', 'html-cheerio'], ['synth.html', 'html-cheerio'],
  ['blank.html', 'html-cheerio'], ['synth.gbk.html', 'html-cheerio'], ['synth.gbk-nometa.html', 'html-cheerio'], ['synth.word.html', 'html-cheerio'],
  ['s001.docx', 'docx-xml'], ['s002.docx', 'docx-xml'], ['s004.docx', 'docx-xml'], ['synth.docx', 'docx-xml'], ['blank.docx', 'docx-xml'],
  ['s001.pdf', 'pdf-unpdf'], ['s002.pdf', 'pdf-unpdf'], ['s004.pdf', 'pdf-unpdf'], ['synth.pdf', 'pdf-unpdf'], ['blank.pdf', 'pdf-unpdf'],
  ['s002.hard.pdf', 'pdf-unpdf'], ['synth.hard.pdf', 'pdf-unpdf'],
  ['s002.ofd', 'ofd-xml'], ['synth.ofd', 'ofd-xml'],
  ['s002.tables.xlsx', 'sheet-sheetjs'], ['synth.tables.xlsx', 'sheet-sheetjs'], ['blank.tables.xlsx', 'sheet-sheetjs'],
  ['s002.tables.xls', 'sheet-sheetjs'], ['synth.tables.xls', 'sheet-sheetjs'], ['blank.tables.xls', 'sheet-sheetjs'],
  // word-extractor keeps the cells of these; synth's and blank's figures break the balance rules on purpose (random
  // data), which sends them through the LibreOffice fallback when soffice is installed.
  ['s002.doc', 'doc-word-extractor'], ['synth.doc', 'doc-'], ['blank.doc', 'doc-'], ['synth.wps', 'doc-'],
  ['s002.odt', 'odt-soffice'],
];

for (const [file, extractor] of SAMPLES) {
  test(`${file}: every figure exact`, async (t) => {
    // Reading ODT needs LibreOffice; without it the outcome is `unsupported` (guards.test.ts checks that).
    if (extractor === 'odt-soffice' && !requireTools(t, 'soffice')) return;
    const mediaType = sniffMediaType(readFileSync(sample(file)), { fileName: file });
    const result = await extractDocument({ path: sample(file), mediaType });
    const truth = groundTruth(file.split('.')[0]!);
    assert.equal(result.status, 'extracted', result.reason);
    assert.ok(result.extractor.startsWith(extractor), result.extractor);
    assert.equal(result.template, truth.template);
    assert.deepEqual(result.unreadable, []);
    assert.deepEqual(diffFigures(result.figures, truth.figures), []);
    assert.equal(Object.keys(result.figures).length, Object.keys(truth.figures).length);
  });
}

test('blank cells come out 0 and listed in `blank`, in their own column, not shifted', async () => {
  const result = await extractDocument({ path: sample('blank.pdf'), mediaType: 'pdf' });
  const truth = groundTruth('blank').figures;
  const blanks = result.blank ?? [];
  assert.ok(blanks.length >= 30, `only ${blanks.length} blank cells`);
  for (const k of blanks) {
    assert.equal(truth[k], 0, k);
    assert.equal(result.figures[k], 0, k);
  }
  assert.deepEqual(Object.keys(result.figures).filter((k) => result.figures[k] === null), [], 'null is left for unreadable cells');
});

test('a PDF with a non-embedded CJK font and no ToUnicode decodes through the CMaps', async () => {
  const result = await extractDocument({ path: sample('cmap-gbk.pdf'), mediaType: 'pdf' });
  assert.match(result.text, /收到和处理政府信息公开申请情况/);
  assert.match(result.text, /本年新收政府信息公开申请数量 3 0 0 0 0 0 3/);
});
