/**
 * End to end on six Hanweb markup variants (test/fixtures/portal/sites/variants/hanweb.ts) with `family: auto`:
 * every report found, nothing else, no silent zero; the dataproxy asked on the path, with the fields and the
 * paging each variant carries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc } from '../fixtures/portal/docs.ts';
import { reportsExpected, reportsFound, reportsPerVariant, requested, sha256, storedFiles, variantHarvest } from '../helpers/variants.ts';

const run = variantHarvest('hanweb');

test('Hanweb variants: every report found with the right agency and year, and nothing else', () => {
  assert.deepEqual(reportsFound(run()), reportsExpected(run()));
});

test('Hanweb variants: no silent zero, and every seed detected as Hanweb', () => {
  const per = reportsPerVariant(run());
  for (const d of run().defs) assert.equal(per[d.id], new Set(d.expected.map((r) => `${r.agency}${r.year}`)).size, d.id);
  const families = run().catalog.seeds.all().map((s) => s.detected_family);
  assert.deepEqual(families, Array(run().defs.length).fill('hanweb'));
});

test('Hanweb: the dataproxy path each site names, POST windows cut to the total, GET page=N, nothing refused', () => {
  const h = run();
  const paths = (id: string, method: string) => requested(h, id, method).map((u) => u.replace(/\?.*$/, ''));
  assert.deepEqual([...new Set(paths('v-hw-island-totals', 'POST'))], ['/module/web/jpage/dataproxy.jsp']);
  assert.deepEqual([...new Set(paths('v-hw-overlap', 'POST'))], ['/module/jpage/dataproxy.jsp']);
  assert.deepEqual([...new Set(paths('v-hw-jslib', 'POST'))], ['/module/jslib/jquery/jpage/dataproxy.jsp']);
  // 12 records, 4 in the island, windows of 2·2: 5–8, 9–12.
  assert.deepEqual(requested(h, 'v-hw-jslib', 'POST'), ['/module/jslib/jquery/jpage/dataproxy.jsp?startrecord=5&endrecord=8&perpage=2', '/module/jslib/jquery/jpage/dataproxy.jsp?startrecord=9&endrecord=12&perpage=2']);
  // Totals only in the island: 10 records, 3 in the island, windows of 3: 4–6, 7–9, 10–10 (cut to the total).
  assert.deepEqual(requested(h, 'v-hw-island-totals', 'POST').map((u) => u.replace(/^.*\?/, '')), ['startrecord=4&endrecord=6&perpage=1', 'startrecord=7&endrecord=9&perpage=1', 'startrecord=10&endrecord=10&perpage=1']);
  assert.ok(requested(h, 'v-hw-get', 'GET').some((u) => u.includes('dataproxy.jsp?page=4&')));
  assert.deepEqual(requested(h, 'v-hw-whole-island', 'POST'), []);
  for (const d of h.defs) assert.deepEqual(h.portal.log.filter((r) => r.site === d.id && r.status >= 400).map((r) => r.url), [], d.id);
});

test('Hanweb: overlapping windows give each report once; downfile.jsp and <embed> attachments stored', () => {
  const h = run();
  const sources = h.catalog.db.prepare("SELECT count(*) n, count(DISTINCT page_url) d FROM report_sources WHERE page_url LIKE '%art_7202_%'").get() as { n: number; d: number };
  assert.equal(sources.n, sources.d);
  assert.equal(sources.n, 4);
  const files = storedFiles(h);
  assert.ok(files.some((f) => f.url.includes('downfile.jsp?classid=0&filename=f7300.pdf') && f.sha256 === sha256(doc('r001.pdf'))));
  assert.ok(files.some((f) => f.url.endsWith('/picture/0/f7300.pdf')));
});
