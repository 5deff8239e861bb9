/**
 * End to end on six plain county-site variants (test/fixtures/portal/sites/variants/generic.ts), GBK and UTF-8,
 * with `family: auto`: every report found, nothing else, no silent zero; every pager style followed to its last
 * page; attachments from custom tags; a report URL answering its PDF stored byte for byte.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc } from '../fixtures/portal/docs.ts';
import { reportsExpected, reportsFound, reportsPerVariant, requested, sha256, storedFiles, variantHarvest } from '../helpers/variants.ts';

const run = variantHarvest('generic');

test('generic variants: every report found with the right agency and year, and nothing else', () => {
  assert.deepEqual(reportsFound(run()), reportsExpected(run()));
});

test('generic variants: no silent zero', () => {
  const per = reportsPerVariant(run());
  for (const d of run().defs) assert.equal(per[d.id], new Set(d.expected.map((r) => `${r.agency}${r.year}`)).size, d.id);
});

test('generic pagers: 下一页>> (GBK), image alt, [下一页] on N.html, onclick toPage(n), › and data-page, 后页; nothing guessed', () => {
  const h = run();
  assert.ok(requested(h, 'v-gen-gbk-meta').includes('/xxgk/nb/list.asp?page=3'));
  assert.ok(requested(h, 'v-gen-gbk-image').includes('/zfxxgk/ndbg/list_2.htm'));
  assert.ok(requested(h, 'v-gen-numbered').includes('/zwgk/xxgknb/2.html'));
  assert.ok(requested(h, 'v-gen-onclick').includes('/gk/nb/index_2.htm'));
  assert.ok(requested(h, 'v-gen-arrow').includes('/xxgk/nb?pageNo=3'));
  assert.ok(requested(h, 'v-gen-file-tags').includes('/info/iList.jsp?node_id=GKnb&cur_page=2'));
  // Per-year menu: 2023年度 / 2022年度 columns read as lists.
  assert.ok(requested(h, 'v-gen-numbered').includes('/zwgk/xxgknb/2022/index.html'));
  for (const d of h.defs) assert.deepEqual(h.portal.log.filter((r) => r.site === d.id && r.status >= 400).map((r) => r.url), [], d.id);
});

test('generic: <file href> and data-href attachments stored; the report URL that answers a PDF (as text/html) stored as is', () => {
  const files = storedFiles(run());
  assert.ok(files.some((f) => f.url.endsWith('/uploadfiles/2024/nb11.pdf') && f.sha256 === sha256(doc('r002.pdf'))));
  assert.ok(files.some((f) => f.url.endsWith('/uploadfiles/2024/nb12.docx') && f.sha256 === sha256(doc('r003.docx'))));
  const answered = files.find((f) => f.url.endsWith('/info/iDetail.jsp?id=13'));
  assert.equal(answered?.sha256, sha256(doc('r004.pdf')));
  assert.equal(answered?.role, 'attachment');
  const asPdf = files.find((f) => f.url.endsWith('/zfxxgk/ndbg/p105.htm'));
  assert.equal(asPdf?.sha256, sha256(doc('r001.pdf')));
});
