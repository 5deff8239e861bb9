// The WPS-exported 2021 layout of real county reports: a single （六）其他处理 row (its sub-rows unknown), a label
// typo, and a 表四 whose totals contradict their parts. Fixture: test/fixtures/docs/wps/ (our own document imitating that layout).
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { extractDocument } from '../../src/extract/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { labelKey } from '../../src/extract/text.ts';
import { WPS_SINGLE_OTHER, WPS_TITLE, wpsExpectedFigures } from '../fixtures/docs/wps/content.ts';
import { diffFigures, repoRoot } from './helpers.ts';

const pdf = path.join(repoRoot, 'test/fixtures/docs/wps/wps2021-single-other.pdf');

// The lead's decision (blind round 16, on round 15's b118): the report does not say which of the 2021 sub-rows
// 1.–3. its single （六） row's figures belong to, and a figure the report does not print is never invented. Until
// then (7128d6e) the row was read as 3.其他 and 1./2. as blank (0); now the three are unknown and the file flagged.
const SUB_ROWS = ['other_no_correction', 'other_no_fee', 'other_other'];
const COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

test('a 2021 report with a single （六） row: its three sub-rows unknown (null, unreadable), every printed figure exact', { timeout: 120_000 }, async () => {
  const r = await extractDocument({ path: pdf, mediaType: 'pdf' });
  assert.equal(r.template, '2021');
  assert.deepEqual([...r.unreadable].sort(), SUB_ROWS.flatMap((row) => COLS.map((c) => `s3.${row}.${c}`)).sort());
  assert.deepEqual(diffFigures(r.figures, wpsExpectedFigures()), []);
  // Not blank (0): unknown.
  for (const row of SUB_ROWS) assert.ok(!r.blank?.includes(`s3.${row}.total`), `${row} listed blank`);
  // The two-line title survives in the text (agency, then year and subject).
  assert.match(r.text.replace(/\s+/g, ''), new RegExp(WPS_TITLE.join('').replace(/\s+/g, '')));
});

test('it is flagged partial, the reason naming the collapsed （六） row and keeping its printed figures', { timeout: 120_000 }, async () => {
  const r = await extractDocument({ path: pdf, mediaType: 'pdf' });
  assert.equal(r.status, 'partial');
  assert.match(r.reason ?? '', /（六）其他处理 printed as one row/);
  assert.match(r.reason ?? '', new RegExp(`自然人 ${WPS_SINGLE_OTHER[0]},.*总计 ${WPS_SINGLE_OTHER[6]}`));
});

test('its checks run on what is printed: the inconsistent 表四 fails s4.block_total exactly where printed; the checks needing a sub-row are uncertain, nothing else fails', { timeout: 120_000 }, async () => {
  const r = await extractDocument({ path: pdf, mediaType: 'pdf' });
  const failed = r.checks.filter((c) => c.ok === false).map((c) => `${c.rule} ${c.scope} ${c.actual}≠${c.expected}`);
  assert.deepEqual(failed, ['s4.block_total s4.review 0≠9', 's4.block_total s4.litigation_after_review 0≠3']);
  const uncertain = r.checks.filter((c) => c.ok === null);
  assert.ok(uncertain.length > 0);
  for (const c of uncertain) assert.match(`${c.rule} ${c.scope}`, /outcome_sum|other_no_correction|other_no_fee|other_other/, `${c.rule} ${c.scope} uncertain`);
  // The balance needs no sub-row: it ran and holds.
  assert.ok(r.checks.some((c) => c.rule === 's3.balance' && c.scope === 's3.*.total' && c.ok === true));
});

test('the typo 其他法律行政止公开 is one of its row\'s phrases (template order alone places it only when every neighbour is intact)', () => {
  const row = TEMPLATE_2021.section3Rows.find((r) => r.key === 'denied_prohibited_by_law')!;
  assert.ok(row.match.some((m) => labelKey('2.其他法律行政止公开').includes(labelKey(m))));
  // …and no row before it claims it (rows are matched in template order; 3.其他's bare 其他 comes much later).
  const at = TEMPLATE_2021.section3Rows.indexOf(row);
  const others = TEMPLATE_2021.section3Rows.slice(0, at).filter((r) => r.match.some((m) => labelKey('2.其他法律行政止公开').includes(labelKey(m))));
  assert.deepEqual(others.map((r) => r.key), []);
});
