// The blind corpus (test/fixtures/docs-blind, README there): documents made apart from the extractor, in the ways
// agencies' own tools write them. Every figure read must equal the expected one; a document expected unreadable
// (tables published as images) must be flagged, with no figure guessed. The arithmetic checks must all pass, since
// every blind document's figures are consistent. Round 2 (manifest-round2.json) adds a scan: there every figure read
// must be right, and one not read (null) must leave the document flagged. A figure the document does not print is
// expected null: it must be listed unreadable and the document flagged.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { failedRules } from '../../src/extract/checks.ts';
import { extractDocument, sniffMediaType } from '../../src/extract/index.ts';
import type { Expected } from '../fixtures/docs/template.ts';
import { requireTools } from '../helpers/tools.ts';
import { repoRoot } from './helpers.ts';

const dir = path.join(repoRoot, 'test/fixtures/docs-blind');

interface Entry {
  file: string;
  expected: string;
  format: string;
  variant: string;
}
const manifest = ['manifest.json', 'manifest-round2.json', 'manifest-round3.json', 'manifest-round4.json', 'manifest-round5.json', 'manifest-round6.json', 'manifest-round7.json', 'manifest-round8.json', 'manifest-round9.json', 'manifest-round10.json', 'manifest-round11.json', 'manifest-round12.json', 'manifest-round13.json', 'manifest-round14.json', 'manifest-round15.json', 'manifest-round16.json', 'manifest-round17.json', 'manifest-round18.json', 'manifest-round19.json'].flatMap((m) => JSON.parse(readFileSync(path.join(dir, m), 'utf8')) as Entry[]);
type BlindExpected = Expected & { unreadable?: boolean; ocr?: boolean };

for (const entry of manifest) {
  const exp = JSON.parse(readFileSync(path.join(dir, entry.expected), 'utf8')) as BlindExpected;
  const unprinted = Object.values(exp.figures).some((v) => v === null);
  const claim = exp.unreadable ? 'flagged, nothing guessed' : exp.ocr ? 'every figure read is right, the rest flagged' : unprinted ? 'every printed figure exact, the unprinted unknown and flagged' : 'every figure exact';
  test(`${entry.file} (${entry.variant}): ${claim}`, async (t) => {
    // Spreadsheets and Word files may go through LibreOffice; without it their outcome is checked elsewhere.
    if (['xlsx', 'xls', 'et', 'docx', 'doc', 'wps', 'odt', 'ods'].includes(entry.format) && !requireTools(t, 'soffice')) return;
    if (exp.ocr && !requireTools(t, 'tesseract+chi_sim', 'pdftoppm')) return;
    const full = path.join(dir, entry.file);
    const r = await extractDocument({ path: full, mediaType: sniffMediaType(readFileSync(full), { fileName: entry.file }) });
    if (exp.unreadable) {
      const guessed = Object.entries(r.figures).filter(([, v]) => v !== null);
      assert.deepEqual(guessed, [], 'no figure may be read from a document whose tables are images');
      assert.notEqual(r.status, 'extracted', 'the document must be flagged');
      assert.match(r.reason ?? '', /image/, 'with a reason that names the images');
      return;
    }
    assert.equal(r.template, exp.template, 'template');
    if (exp.ocr) {
      const wrong = Object.entries(exp.figures).filter(([k, v]) => r.figures[k] !== null && r.figures[k] !== v).map(([k, v]) => `${k}: ${r.figures[k]} ≠ ${v}`);
      assert.deepEqual(wrong, [], 'no figure read wrong');
      const unread = Object.keys(exp.figures).filter((k) => r.figures[k] === null);
      if (unread.length > 0) assert.notEqual(r.status, 'extracted', `${unread.length} figures not read: the document must be flagged`);
      assert.equal(r.lowConfidence, true, 'OCR results are low-confidence');
      return;
    }
    const wrong = Object.entries(exp.figures).filter(([k, v]) => r.figures[k] !== v).map(([k, v]) => `${k}: ${r.figures[k]} ≠ ${v}`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(Object.keys(r.figures).sort(), Object.keys(exp.figures).sort(), 'exactly the template keys');
    // Figures the document does not print (expected null: b102's five kinds of organisation, b118's （六） sub-rows)
    // are unknown: listed unreadable, the document flagged.
    const unknown = Object.keys(exp.figures).filter((k) => exp.figures[k] === null).sort();
    assert.equal(r.status, unknown.length > 0 ? 'partial' : 'extracted', r.reason);
    assert.deepEqual([...r.unreadable].sort(), unknown);
    assert.deepEqual(failedRules(r.checks), [], 'consistent figures pass every check');
  });
}
