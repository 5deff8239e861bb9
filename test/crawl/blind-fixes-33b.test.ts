/**
 * Round 33b's fixes (docs/blind-portals.md, "Round 33b"), on hand-made input.
 * 1. A keyset-paged list answering a bare array, its next page only in a `Link: <…&after=<opaque>>; rel="next"`
 *    header: the browser turned it, but the two requests showed no page number and the body no next address, so the
 *    replay read page 1 only (`short`, "how its list request asks for a page could not be learned"). The header's
 *    next address is now learned and asked, page after page, until an answer gives none.
 * 2. WordPress's REST API answering a bare array, its page count only in `X-WP-TotalPages` (and a `Link` with no
 *    rel="next" on the last page): the replay asked the page past the end, which WordPress answers 400
 *    (`rest_post_invalid_page_number`), and a complete list was flagged `short` ("its list API refused page 4").
 * 3. The paging headers kept from an answer, read: `Link` relations, counts, another origin's next page not followed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import type { PageVisit } from '../../src/crawl/page-visit.ts';

const PAGE = 'http://gov.test/xxgk/ndbg/';
const API = 'http://gov.test/api/v1/channels/ndbg/articles';
const titles = [
  '某区人民政府2024年政府信息公开工作年度报告',
  '某区人民政府2024年度政府网站工作年度报表',
  '某区2024年政务公开工作要点',
  '某区人民政府2023年政府信息公开工作年度报告',
  '某区人民政府2022年政府信息公开工作年度报告',
  '某区2023年政府工作报告',
];
const arr = (from: number, to: number) =>
  JSON.stringify(titles.slice(from, to).map((title, i) => ({ id: `01HMZ${from + i}X4B2D8F0H3K5N7Q9S1`, title, published_at: `2024-0${9 - from - i}-10T10:00:00+08:00`, url: `/xxgk/ndbg/a${from + i}.html` })));
const exchange = (url: string, body: string, responseHeaders?: Record<string, string>): Exchange => ({
  method: 'GET',
  url,
  body: null,
  contentType: null,
  status: 200,
  responseType: 'application/json',
  responseBody: body,
  ...(responseHeaders ? { responseHeaders } : {}),
});
const visitOf = (x: Exchange): PageVisit => ({ url: x.url, loadedUrl: x.url, status: 200, body: x.responseBody, contentType: x.responseType, rendered: false, headers: x.responseHeaders });

test('a list paged by an opaque cursor in its Link rel="next" header is learned and read to its end', () => {
  const c1 = 'eyJ0IjoiMjAyNC0wNi0xMCIsImkiOiIwMUhNWjEifQ';
  const c2 = 'eyJ0IjoiMjAyNC0wNC0xMCIsImkiOiIwMUhNWjMifQ';
  const first = exchange(`${API}?limit=2`, arr(0, 2), { link: `</api/v1/channels/ndbg/articles?limit=2&after=${c1}>; rel="next"` });
  const turned = exchange(`${API}?limit=2&after=${c1}`, arr(2, 4), { link: `</api/v1/channels/ndbg/articles?limit=2&after=${c2}>; rel="next"` });
  const learned = learnListEndpoint([first], PAGE, [turned])!;
  assert.ok(learned, 'the answer is a list');
  assert.equal(learned.endpoint.pagingUnknown, undefined, 'its paging is known: the Link header');
  assert.equal(learned.endpoint.nextLink, true);
  const read1 = parseLearnedList(visitOf(first), learnedPageRequest(learned.endpoint, 1).cursor);
  assert.equal(read1.items.length, 2);
  assert.deepEqual(read1.next.map((r) => r.url), [`${API}?limit=2&after=${c1}`]);
  const read2 = parseLearnedList(visitOf(turned), read1.next[0]!.cursor);
  assert.deepEqual(read2.next.map((r) => r.url), [`${API}?limit=2&after=${c2}`]);
  // The last answer names no next page: the end.
  const last = exchange(`${API}?limit=2&after=${c2}`, arr(4, 6));
  assert.deepEqual(parseLearnedList(visitOf(last), read2.next[0]!.cursor).next, []);
  // A next page on another origin is not followed.
  const away = exchange(`${API}?limit=2&after=${c2}`, arr(4, 6), { link: `<http://elsewhere.test/api?after=x>; rel="next"` });
  assert.deepEqual(parseLearnedList(visitOf(away), read2.next[0]!.cursor).next, []);
});

test('a numbered list whose headers say its last page (X-WP-TotalPages, a Link with no next) is not asked past it', () => {
  const wp = 'http://gov.test/wp-json/wp/v2/posts?categories=7&per_page=2&_fields=id,date,link,title';
  const post = (from: number, to: number) =>
    JSON.stringify(titles.slice(from, to).map((t, i) => ({ id: 100 + from + i, date: '2024-01-20T09:30:00', link: `http://gov.test/archives/${100 + from + i}`, title: { rendered: t } })));
  const base = 'http://gov.test/wp-json/wp/v2/posts?categories=7&per_page=2';
  const p1 = exchange(`${wp}&page=1`, post(0, 2), { 'x-wp-total': '6', 'x-wp-totalpages': '3', link: `<${base}&page=2>; rel="next"` });
  const p2 = exchange(`${wp}&page=2`, post(2, 4), { 'x-wp-total': '6', 'x-wp-totalpages': '3', link: `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next"` });
  const learned = learnListEndpoint([p1], PAGE, [p2])!;
  assert.ok(learned.endpoint.page, 'paged by its page number');
  const r1 = parseLearnedList(visitOf(p1), learnedPageRequest(learned.endpoint, 1).cursor);
  assert.equal(r1.next.length, 1, 'page 2 follows');
  const r2 = parseLearnedList(visitOf(p2), r1.next[0]!.cursor);
  assert.equal(r2.next.length, 1, 'page 3 follows');
  // Page 3 of 3: by its count…
  const p3 = exchange(`${wp}&page=3`, post(4, 6), { 'x-wp-total': '6', 'x-wp-totalpages': '3', link: `<${base}&page=2>; rel="prev"` });
  assert.deepEqual(parseLearnedList(visitOf(p3), r2.next[0]!.cursor).next, [], 'no page 4 asked');
  // …and by its Link alone (no count).
  const p3link = exchange(`${wp}&page=3`, post(4, 6), { link: `<${base}&page=2>; rel="prev"` });
  assert.deepEqual(parseLearnedList(visitOf(p3link), r2.next[0]!.cursor).next, []);
  // Headers saying nothing: asked on until an empty page, as before.
  assert.equal(parseLearnedList(visitOf(exchange(`${wp}&page=3`, post(4, 6))), r2.next[0]!.cursor).next.length, 1);
});

test('paging headers: kept by name, Link relations and counts read', async () => {
  const { headersSayMore, headerTotals, linkNextOf, pagingHeadersOf } = await import('../../src/crawl/learn/answer-headers.ts');
  const kept = pagingHeadersOf({ 'Content-Type': 'application/json', Link: '<?page=2>; rel="next"', 'X-Total-Count': '12', 'set-cookie': ['a=1'], 'X-WP-TotalPages': '3' });
  assert.deepEqual(kept, { link: '<?page=2>; rel="next"', 'x-total-count': '12', 'x-wp-totalpages': '3' });
  assert.equal(pagingHeadersOf({ 'content-type': 'text/html' }), undefined);
  assert.deepEqual(headerTotals(kept), { announcedItems: 12, announcedPages: 3 });
  const u = 'http://gov.test/api/list?page=1';
  // GitHub's form: several links, unquoted and multi-valued relations.
  const gh = { link: '<http://gov.test/api/list?page=2>; rel="next", <http://gov.test/api/list?page=5>; rel="last"' };
  assert.equal(linkNextOf(gh, u), 'http://gov.test/api/list?page=2');
  assert.equal(linkNextOf({ link: '</api/list?page=2>; title="下一页"; rel=next' }, u), 'http://gov.test/api/list?page=2');
  assert.equal(linkNextOf({ link: '</api/list?page=2>; rel="next last"' }, u), 'http://gov.test/api/list?page=2');
  assert.equal(headersSayMore(gh, u), true);
  assert.equal(headersSayMore({ link: '</api/list?page=4>; rel="prev", </api/list?page=1>; rel="first"' }, u), false);
  assert.equal(headersSayMore({ link: '</wp-json/>; rel="https://api.w.org/"' }, u), null, 'a Link of other relations says nothing of paging');
  assert.equal(headersSayMore(undefined, u), null);
});
