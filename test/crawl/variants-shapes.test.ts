/**
 * End to end, `family: auto`, on the second-round variants (test/fixtures/portal/sites/variants/shapes.ts): shapes
 * found by trying nianbao on real-world pages it had not seen: a text-only TRS pager (a guessed page, recorded as
 * such), Hanweb records that open their article by script, a <select> year menu on a GBK page that names its
 * charset only in <meta charset>, one-line metadata and <object data=…pdf> documents.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc } from '../fixtures/portal/docs.ts';
import { shapeVariants } from '../fixtures/portal/sites/variants/shapes.ts';
import { reportsExpected, reportsFound, reportsPerVariant, requested, sha256, storedFiles, variantHarvest } from '../helpers/variants.ts';

const ids = new Set(shapeVariants().map((d) => d.id));
const run = variantHarvest(undefined, (d) => ids.has(d.id));

test('shape variants: every report found with the right agency and year, and nothing else', () => {
  assert.deepEqual(reportsFound(run()), reportsExpected(run()));
});

test('shape variants: no silent zero: every seed yields all its reports', () => {
  const per = reportsPerVariant(run());
  for (const d of run().defs) assert.equal(per[d.id], new Set(d.expected.map((r) => `${r.agency}${r.year}`)).size, d.id);
});

test('a text-only TRS pager: the announced pages are read by the TRS naming, and the guess is recorded with the outcome', () => {
  const h = run();
  const asked = requested(h, 'v-shape-trs-span-pager');
  assert.ok(asked.includes('/xxgk/gknb/index_1.html'));
  assert.ok(asked.includes('/xxgk/gknb/index_2.html'));
  // Three pages announced: no fourth is guessed.
  assert.ok(!asked.includes('/xxgk/gknb/index_3.html'));
  const signals = (h.catalog.db.prepare('SELECT url, signal FROM list_outcomes').all() as { url: string; signal: string }[]).filter((o) => o.url.includes(h.portal.urls['v-shape-trs-span-pager']!));
  const first = signals.find((o) => o.url.endsWith('/xxgk/gknb/index.html'));
  assert.match(first?.signal ?? '', /guessed page 2 of 3/);
  const last = signals.find((o) => o.url.endsWith('/xxgk/gknb/index_2.html'));
  assert.doesNotMatch(last?.signal ?? '', /guessed/);
});

test('a pagination plugin that names only its page count: pages read by the TRS naming, the guess recorded; the county report attributed by its title', () => {
  const h = run();
  const asked = requested(h, 'v-shape-trs-plugin-pager');
  assert.ok(asked.includes('/fgw/gknb/index_1.html'));
  assert.ok(asked.includes('/fgw/gknb/index_2.html'));
  assert.ok(!asked.includes('/fgw/gknb/index_3.html'));
  const outcome = (h.catalog.db.prepare('SELECT url, signal FROM list_outcomes').all() as { url: string; signal: string }[]).find((o) => o.url.endsWith('/fgw/gknb/index_1.html'));
  assert.match(outcome?.signal ?? '', /guessed page 3 of 3/);
  const county = h.catalog.db.prepare("SELECT r.attribution FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = '淇县人民政府' AND r.year = 2023").get() as { attribution: string } | undefined;
  assert.equal(county?.attribution, 'title');
});

test('Hanweb records that open by script (li onclick, javascript: links) are items, on the island and in the dataproxy answers', () => {
  const h = run();
  const asked = requested(h, 'v-shape-hanweb-onclick');
  for (const id of [70311, 69003, 67530, 66012, 64800]) assert.ok(asked.some((u) => u.endsWith(`_${id}.html`)), String(id));
  assert.ok(requested(h, 'v-shape-hanweb-onclick', 'POST').some((u) => u.startsWith('/module/web/jpage/dataproxy.jsp?startrecord=4')));
  // Non-report records are never fetched.
  assert.ok(!asked.some((u) => u.endsWith('_70120.html') || u.endsWith('_68101.html')));
});

test('a jpage call whose options are variables: the dataproxy is asked with their values, windows of the variable page size', () => {
  const h = run();
  const posts = requested(h, 'v-shape-hanweb-variables', 'POST');
  assert.deepEqual(posts, ['/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=3', '/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=9&perpage=3', '/module/web/jpage/dataproxy.jsp?startrecord=10&endrecord=10&perpage=3']);
  assert.deepEqual(h.portal.log.filter((r) => r.site === 'v-shape-hanweb-variables' && r.status >= 400).map((r) => r.url), []);
});

test('a <select onchange> year menu leads to its year pages; department PDFs linked by name are stored byte for byte', () => {
  const h = run();
  const asked = requested(h, 'v-shape-select-years');
  assert.ok(asked.includes('/zwgk/nb/2023/index.htm'));
  assert.ok(asked.includes('/zwgk/nb/2022/index.htm'));
  const files = storedFiles(h);
  assert.equal(files.find((f) => f.url.endsWith('/uploadfile/nb/2023/czj.PDF'))?.sha256, sha256(doc('r003.pdf')));
  for (const d of h.defs) assert.deepEqual(h.portal.log.filter((r) => r.site === d.id && r.status >= 400).map((r) => r.url), [], d.id);
});

test('one line of metadata gives the publisher and the date apart; the <object data> document is stored', () => {
  const h = run();
  const files = storedFiles(h);
  assert.equal(files.find((f) => f.url.endsWith('/xxgk/gknb/W00.pdf'))?.sha256, sha256(doc('r000.pdf')));
  // The publisher field ends where 发布日期 begins; the date is read from the same line.
  const sources = h.catalog.db
    .prepare("SELECT s.page_url, s.publisher, r.published_at FROM report_sources s JOIN reports r ON r.id = s.report_id WHERE s.page_url LIKE '%/xxgk/gknb/2024%'")
    .all() as { page_url: string; publisher: string | null; published_at: string | null }[];
  assert.equal(sources.length, 1);
  assert.equal(sources[0]!.publisher, '鹤壁市交通运输局');
  assert.equal(sources[0]!.published_at, '2024-01-18');
});
