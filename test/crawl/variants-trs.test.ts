/**
 * End to end on six TRS markup variants (test/fixtures/portal/sites/variants/trs.ts) with `family: auto`: every
 * report found with its agency and year and nothing else, every seed yields reports, each pager style read as
 * its own kind, commented-out lists never fetched, documents stored byte for byte, furniture never stored.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc } from '../fixtures/portal/docs.ts';
import { reportsExpected, reportsFound, reportsPerVariant, requested, sha256, storedFiles, variantHarvest } from '../helpers/variants.ts';

const run = variantHarvest('trs');

test('TRS variants: every report found with the right agency and year, and nothing else', () => {
  assert.deepEqual(reportsFound(run()), reportsExpected(run()));
});

test('TRS variants: no silent zero: every seed yields its reports', () => {
  const per = reportsPerVariant(run());
  for (const d of run().defs) assert.ok(per[d.id]! >= new Set(d.expected.map((r) => `${r.agency}${r.year}`)).size, `${d.id}: ${per[d.id]} reports`);
});

test('TRS pager styles: index_N (0-based), prefix_N (1-based), the legacy countPage pager, script pagers by sibling links', () => {
  const h = run();
  assert.ok(requested(h, 'v-trs-index-shtml').includes('/zwgk/gknb/index_2.shtml'));
  assert.ok(requested(h, 'v-trs-six-arg').includes('/xxgk/nb/list_3.shtml'));
  assert.ok(!requested(h, 'v-trs-six-arg').includes('/xxgk/nb/list_1.shtml'));
  assert.ok(requested(h, 'v-trs-legacy').includes('/jyj/xxgknb/index_1.html'));
  // A TRS-paged year column reached from a seed that is not: its pager is still read.
  assert.ok(requested(h, 'v-trs-year-menu').includes('/wjw/c2401/zwgklist_2.shtml'));
  assert.ok(requested(h, 'v-trs-script-pager').includes('/jtj/gknb/index_2.html'));
  assert.ok(requested(h, 'v-trs-guarded-script').includes('/scjg/ndbg/index_1.html'));
  // Article paging on detail pages is never followed (t…_1.shtml does not exist).
  for (const d of h.defs) assert.ok(!requested(h, d.id).some((u) => /t\d{8}_\d+_\d+\.s?html/.test(u)), d.id);
  // Nothing answered 404: no guessed page, no commented-out link.
  for (const d of h.defs) assert.deepEqual(h.portal.log.filter((r) => r.site === d.id && r.status === 404).map((r) => r.url), [], d.id);
});

test('TRS: lists inside HTML comments are not items; a per-year menu leads to its year columns', () => {
  const h = run();
  assert.ok(!requested(h, 'v-trs-year-menu').some((u) => u.includes('/c1106/2025')));
  assert.ok(!requested(h, 'v-trs-year-menu').includes('/wjw/c1106/zwgklist_2.shtml'));
  assert.ok(!requested(h, 'v-trs-guarded-script').some((u) => u.includes('t20190110_9')));
  for (const col of ['c2401', 'c2301', 'c2201']) assert.ok(requested(h, 'v-trs-year-menu').includes(`/wjw/${col}/zwgklist.shtml`), col);
});

test('TRS: a report URL answering a PDF as octet-stream is stored byte for byte; viewer and script attachments stored; furniture never', () => {
  const files = storedFiles(run());
  const doc21 = files.find((f) => f.url.endsWith('/jtj/gknb/show.jsp?id=2021'));
  assert.equal(doc21?.sha256, sha256(doc('r003.pdf')));
  assert.equal(doc21?.role, 'attachment');
  assert.ok(files.some((f) => f.url.endsWith('/upload/nb/t20240125_9001.pdf') && f.sha256 === sha256(doc('r000.pdf'))));
  assert.ok(files.some((f) => f.url.endsWith('/scjg/files/P066.pdf')));
  assert.ok(files.some((f) => f.url.endsWith('/scjg/files/P066.docx')));
  assert.deepEqual(files.filter((f) => /logo|jiucuo|dzjg|\.js$|\.css$|\.gif$|viewer\.html/.test(f.url)), []);
});
