// The WPS-exported 2021 layout of real county reports: a single （六）其他处理 row, a label typo, and a 表四 whose
// totals contradict their parts. Fixture: test/fixtures/docs/wps/ (our own document imitating that layout).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { extractDocument } from '../../src/extract/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { labelKey } from '../../src/extract/text.ts';
import { WPS_TITLE, wpsExpectedFigures } from '../fixtures/docs/wps/content.ts';
import { diffFigures, repoRoot } from './helpers.ts';

const pdf = path.join(repoRoot, 'test/fixtures/docs/wps/wps2021-single-other.pdf');

test('a 2021 report with a single （六） row is read whole: no unreadable cell, every figure exact', { timeout: 120_000 }, async () => {
  const r = await extractDocument({ path: pdf, mediaType: 'pdf' });
  assert.equal(r.template, '2021');
  assert.deepEqual(r.unreadable, []);
  assert.deepEqual(diffFigures(r.figures, wpsExpectedFigures()), []);
  // The two sub-rows the document does not print are blank (0), not unknown.
  for (const row of ['other_no_correction', 'other_no_fee']) assert.ok(r.blank?.includes(`s3.${row}.total`), `${row} not blank`);
  // The two-line title survives in the text (agency, then year and subject).
  assert.match(r.text.replace(/\s+/g, ''), new RegExp(WPS_TITLE.join('').replace(/\s+/g, '')));
});

test('its checks all run: the inconsistent 表四 fails s4.block_total exactly where printed, nothing else fails or is uncertain', { timeout: 120_000 }, async () => {
  const r = await extractDocument({ path: pdf, mediaType: 'pdf' });
  assert.equal(r.status, 'extracted');
  const failed = r.checks.filter((c) => c.ok === false).map((c) => `${c.rule} ${c.scope} ${c.actual}≠${c.expected}`);
  assert.deepEqual(failed, ['s4.block_total s4.review 0≠9', 's4.block_total s4.litigation_after_review 0≠3']);
  assert.deepEqual(r.checks.filter((c) => c.ok === null), []);
  // The outcome rule ran over the single （六） row.
  assert.ok(r.checks.some((c) => c.rule === 's3.outcome_sum' && c.scope === 's3.*.total' && c.ok === true));
});

test('the typo 其他法律行政止公开 is one of its row\'s phrases (template order alone places it only when every neighbour is intact)', () => {
  const row = TEMPLATE_2021.section3Rows.find((r) => r.key === 'denied_prohibited_by_law')!;
  assert.ok(row.match.some((m) => labelKey('2.其他法律行政止公开').includes(labelKey(m))));
  // …and no row before it claims it (rows are matched in template order; 3.其他's bare 其他 comes much later).
  const at = TEMPLATE_2021.section3Rows.indexOf(row);
  const others = TEMPLATE_2021.section3Rows.slice(0, at).filter((r) => r.match.some((m) => labelKey('2.其他法律行政止公开').includes(labelKey(m))));
  assert.deepEqual(others.map((r) => r.key), []);
});
