import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRenditions, pickBestRendition } from '../../src/extract/renditions.ts';
import type { ExtractionResult } from '../../src/extract/types.ts';

const result = (extractor: string, figures: Record<string, number | null>, extra: Partial<ExtractionResult> = {}): ExtractionResult => ({
  status: 'extracted', extractor, template: '2021', text: '', figures, unreadable: [], checks: [], ...extra,
});

test('the best rendition: status, then unreadable cells, then failing checks, then not OCR, then grid sources', () => {
  const ocr = result('ocr-tesseract', { a: 1 }, { lowConfidence: true });
  const pdf = result('pdf-unpdf', { a: 1 });
  const html = result('html-cheerio', { a: 1 });
  const partial = result('docx-xml', { a: null }, { status: 'partial', unreadable: ['a'] });
  assert.equal(pickBestRendition([ocr, pdf, html, partial]), 2);
  assert.equal(pickBestRendition([ocr, pdf]), 1);
  assert.equal(pickBestRendition([partial, ocr]), 1);
  const failing = result('html-cheerio', { a: 2 }, { checks: [{ rule: 's3.row_total', scope: 's3.x', expected: 1, actual: 2, ok: false }] });
  assert.equal(pickBestRendition([failing, pdf]), 1);
  assert.equal(pickBestRendition([]), -1);
});

test('disagreements between renditions are listed; blank and 0 agree; unreadable cells are not compared', () => {
  const a = result('html-cheerio', { x: 1, y: 0, z: 5 });
  const b = result('pdf-unpdf', { x: 2, y: null, z: null }, { unreadable: ['z'] });
  const d = compareRenditions([a, b]);
  assert.deepEqual(d, [{ key: 'x', values: [{ rendition: 0, extractor: 'html-cheerio', value: 1 }, { rendition: 1, extractor: 'pdf-unpdf', value: 2 }] }]);
});
