// Scans: at least 95 % of cells right, and every wrong cell either unreadable or caught by a failing check.
// One page set only: OCR takes ~6 s a page here.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { failedRules } from '../../src/extract/checks.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';
import { diffFigures, groundTruth, sample } from './helpers.ts';

test('noisy, skewed scan: ≥95 % of cells, wrong cells unreadable or flagged', async (t) => {
  if (!requireTools(t, 'tesseract+chi_sim', 'pdftoppm')) return;
  const r = await extractDocument({ path: sample('synth.scan-noisy.p2-3.pdf'), mediaType: 'pdf' });
  const truth = groundTruth('synth').figures;
  assert.equal(r.extractor, 'ocr-tesseract');
  assert.equal(r.lowConfidence, true);
  assert.equal(r.template, '2021');
  const wrong = diffFigures(r.figures, truth).map((d) => d.split(':')[0]!);
  const total = Object.keys(truth).length;
  const right = total - wrong.length;
  assert.ok(right / total >= 0.95, `${right}/${total} cells right`);
  const unflagged = wrong.filter((k) => !r.unreadable.includes(k));
  // synth's random figures already break the balance rules, so a wrong cell must be unreadable or break its row.
  const failedScopes = new Set(r.checks.filter((c) => c.ok === false).map((c) => c.scope));
  for (const k of unflagged) assert.ok(failedScopes.has(k.split('.').slice(0, 2).join('.')), `${k} wrong and not flagged`);
  assert.ok(!failedRules(r.checks).includes('s3.row_total'), 'every OCR row adds up');
});

test('no tesseract on PATH → needs_ocr, nothing crashes', async () => {
  const env = { ...process.env, PATH: '/nonexistent' };
  const r = await extractDocument({ path: sample('s002.scan.p2-3.pdf'), mediaType: 'pdf' }, { env });
  assert.equal(r.status, 'needs_ocr');
  assert.match(r.reason!, /not installed/);
  const off = await extractDocument({ path: sample('s002.scan.p2-3.pdf'), mediaType: 'pdf' }, { ocr: false });
  assert.equal(off.status, 'needs_ocr');
});

test('a bare JPEG page goes through the same cell pipeline', async (t) => {
  if (!requireTools(t, 'tesseract+chi_sim')) return;
  // img2pdf embeds the JPEG unchanged: take page 2 of the report (first page of this scan) straight from the PDF.
  const pdf = readFileSync(sample('s002.scan.p2-3.pdf'));
  const start = pdf.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
  const end = pdf.indexOf(Buffer.from('endstream'), start);
  const file = path.join(tempDir(), 'page.jpg');
  writeFileSync(file, pdf.subarray(start, end));
  const r = await extractDocument({ path: file, mediaType: 'jpeg' });
  assert.equal(r.template, '2021');
  assert.equal(r.status, 'partial'); // the page holds section 二 and the top of section 三 only
  const truth = groundTruth('s002').figures;
  const wrong = diffFigures(r.figures, truth).map((d) => d.split(':')[0]!).filter((k) => !r.unreadable.includes(k));
  assert.deepEqual(wrong, []);
  for (const k of Object.keys(truth).filter((k) => k.startsWith('s2.'))) assert.equal(r.figures[k] ?? 0, truth[k], k);
  const tiff = await extractDocument({ path: file, mediaType: 'tiff' });
  assert.equal(tiff.status, 'needs_ocr');
});
