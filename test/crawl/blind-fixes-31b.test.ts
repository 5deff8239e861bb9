/**
 * Round 31b's fix (docs/blind-portals.md, "Round 31b"), on hand-made input. A Dojo page's `dojo/store/JsonRest` asks
 * the same address for every page of its list and puts the window in the `Range: items=S-E` request header (with
 * `X-Range` beside it), the total in the answer's `Content-Range`. The browser lane dropped `Range` (not a header it
 * kept) and the page parameter was looked for in the URL and body only: the paging could not be learned, and a
 * replay could only ask page 1 (every page's request had one key besides).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialHeaders, learnPageParam, requestForPage, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { storableEndpoint, type LearnedEndpoint } from '../../src/crawl/learn/learn.ts';
import { learnedPageRequest } from '../../src/crawl/families/learned.ts';

const API = 'http://jy.example/jyjyj/rest/gknb/?channel=ndbg&sort(-pubDate)';
const ranged = (start: number, end: number): CapturedRequest => ({
  method: 'GET',
  url: API,
  body: null,
  contentType: null,
  headers: { range: `items=${start}-${end}`, 'x-range': `items=${start}-${end}` },
});

test('the browser lane keeps a list window header (Range: items=0-4), never a bytes range', () => {
  const kept = credentialHeaders({ Range: 'items=0-4', 'X-Range': 'items=0-4', Accept: 'application/json', 'User-Agent': 'x' });
  assert.deepEqual(kept, { range: 'items=0-4', 'x-range': 'items=0-4' });
  assert.equal(credentialHeaders({ Range: 'bytes=0-1023' }), undefined);
});

test('a list paged by its Range header: the window start is the offset, its size the step, every window moved', () => {
  // From one request, and from two (the browser turned to page 3: the step is still the window's size).
  for (const second of [null, ranged(10, 14)]) {
    const page = learnPageParam(ranged(0, 4), second, 5);
    assert.deepEqual(page && { in: page.in, first: page.first, step: page.step }, { in: 'header', first: 0, step: 5 }, `second: ${second?.headers?.range}`);
    const third = requestForPage(ranged(0, 4), page!, 3);
    assert.equal(third.url, API);
    assert.deepEqual(third.headers, { range: 'items=10-14', 'x-range': 'items=10-14' });
  }
});

test('a header-paged endpoint: each page its own request, its window kept at rest and replayed', () => {
  const endpoint: LearnedEndpoint = {
    version: 1,
    request: ranged(0, 4),
    page: { in: 'header', name: 'range', first: 0, step: 5 },
    base: 'http://jy.example/jyjyj/xxgk/ndbg/index.html',
    shape: { kind: 'json', listPath: [], titlePath: ['title'], urlPath: ['href'] } as unknown as LearnedEndpoint['shape'],
  };
  const one = learnedPageRequest(endpoint, 1);
  const two = learnedPageRequest(endpoint, 2);
  assert.notEqual(one.uniqueKey, two.uniqueKey);
  assert.equal(two.headers?.range, 'items=5-9');
  assert.deepEqual(storableEndpoint(endpoint).request.headers, { range: 'items=0-4', 'x-range': 'items=0-4' });
});
