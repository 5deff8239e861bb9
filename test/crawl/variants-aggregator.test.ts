/**
 * End to end on six per-year aggregator variants (test/fixtures/portal/sites/variants/aggregator.ts) with
 * `family: auto`: every department's report found under its own agency and nothing else; index pages reached as
 * reports are read as lists and never catalogued; no silent zero.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportsExpected, reportsFound, reportsPerVariant, requested, variantHarvest } from '../helpers/variants.ts';

const run = variantHarvest('aggregator');

test('aggregator variants: every report found with the right agency and year, and nothing else', () => {
  assert.deepEqual(reportsFound(run()), reportsExpected(run()));
});

test('aggregator variants: no silent zero', () => {
  const per = reportsPerVariant(run());
  for (const d of run().defs) assert.equal(per[d.id], new Set(d.expected.map((r) => `${r.agency}${r.year}`)).size, d.id);
});

test('collection or report: index pages are never catalogued as reports, and the reports they list are visited', () => {
  const h = run();
  const sources = (h.catalog.db.prepare('SELECT page_url FROM report_sources').all() as { page_url: string }[]).map((r) => new URL(r.page_url).pathname);
  for (const index of ['/gk/nb/2024/index.html', '/gk/nb/2023/index.html', '/zfxxgk/nb/2023/sz.html', '/zwgk/nb/2023n/index.html']) assert.ok(!sources.includes(index), index);
  assert.ok(requested(h, 'v-agg-collection-titles').includes('/gk/nb/2024/jtj.html'));
  assert.ok(requested(h, 'v-agg-caption').includes('/zfxxgk/nb/2023/cgj.html'));
  const state = h.catalog.urls.get(`${h.portal.urls['v-agg-caption']}/zfxxgk/nb/2023/sz.html`);
  assert.equal(state?.outcome, 'ok');
  // Notices about the reports are not reports.
  assert.ok(!requested(h, 'v-agg-districts').some((u) => u.startsWith('/tz/')));
});
