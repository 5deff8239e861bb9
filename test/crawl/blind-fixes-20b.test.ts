/**
 * Round 20b of the blind portals, on hand-made requests: a list request that carries both a page number and an
 * offset (Ext JS's store sends `page=2&start=4&limit=4`, and the server may read either) is replayed with both moved,
 * page after page; an offset that is not the page's (a fixed `start` of another meaning) stays as it was.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromLaterPage, type Learned } from '../../src/crawl/learn/learn.ts';
import { learnPageParam, requestForPage, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';

const get = (url: string): CapturedRequest => ({ method: 'GET', url, body: null, contentType: null });
const query = (r: CapturedRequest) => Object.fromEntries(new URL(r.url).searchParams);

// An Ext JS 4 store's requests for pages 1 and 2 (a cache-buster `_dc`, the page, the offset, the size, the sorters).
const SORT = encodeURIComponent('[{"property":"pubdate","direction":"DESC"}]');
const ext1 = get(`http://gov.test/sjj/list.action?_dc=1737000000001&lmbh=nb&page=1&start=0&limit=4&sort=${SORT}`);
const ext2 = get(`http://gov.test/sjj/list.action?_dc=1737000000957&lmbh=nb&page=2&start=4&limit=4&sort=${SORT}`);

test('a request carrying a page number and an offset has both moved on later pages (two requests seen)', () => {
  const page = learnPageParam(ext1, ext2, 4);
  assert.ok(page);
  const third = query(requestForPage(ext1, page, 3));
  assert.equal(third.page, '3');
  assert.equal(third.start, '8', 'the offset moves with the page number: a server reading it would answer page 1 again');
  assert.equal(third.limit, '4');
  assert.equal(third.lmbh, 'nb');
});

test('a request carrying a page number and an offset has both moved on later pages (the first request alone)', () => {
  const page = learnPageParam(ext1, null, 4);
  assert.ok(page);
  assert.deepEqual([2, 3].map((k) => [query(requestForPage(ext1, page, k)).page, query(requestForPage(ext1, page, k)).start]), [
    ['2', '4'],
    ['3', '8'],
  ]);
  // The same in a form body and in a JSON body (`pageNo` beside `offset`).
  const form: CapturedRequest = { method: 'POST', url: 'http://gov.test/list.do', body: 'col=7&pageNo=1&offset=0&pageSize=10', contentType: 'application/x-www-form-urlencoded' };
  const formPage = learnPageParam(form, null, 10);
  assert.ok(formPage);
  assert.equal(requestForPage(form, formPage, 2).body, 'col=7&pageNo=2&offset=10&pageSize=10');
  const json: CapturedRequest = { method: 'POST', url: 'http://gov.test/api/list', body: '{"pageNum":1,"startRow":0,"pageSize":5,"columnId":3}', contentType: 'application/json' };
  const jsonPage = learnPageParam(json, null, 5);
  assert.ok(jsonPage);
  assert.deepEqual(JSON.parse(requestForPage(json, jsonPage, 3).body!), { pageNum: 3, startRow: 10, pageSize: 5, columnId: 3 });
});

test('an offset that is not at the page number\'s place, or a counter that grows, is left as it was', () => {
  // `start` here is a fixed record number of another meaning, not (page − 1) × size.
  const odd = get('http://gov.test/list?page=1&start=100&limit=4');
  const page = learnPageParam(odd, null, 4);
  assert.ok(page);
  assert.deepEqual(query(requestForPage(odd, page, 2)), { page: '2', start: '100', limit: '4' });
  // DataTables: `draw` grows with every request but is no page; the offset alone moves.
  const dt1 = get('http://gov.test/dt?draw=1&start=0&length=10');
  const dt2 = get('http://gov.test/dt?draw=2&start=10&length=10');
  const dtPage = learnPageParam(dt1, dt2, 10);
  assert.ok(dtPage);
  assert.deepEqual(query(requestForPage(dt1, dtPage, 3)), { draw: '1', start: '20', length: '10' });
  // A page number alone is as before: no companion.
  assert.deepEqual(learnPageParam(get('http://gov.test/api?pageIndex=1&pageSize=3'), null, 3), { in: 'query', name: 'pageIndex', first: 1, step: 1 });
});

test('an endpoint learned from a later page is moved back with its companions', () => {
  const page = learnPageParam(ext2, null, 4);
  assert.ok(page);
  const learned = { endpoint: { version: 1, request: ext2, page, base: 'http://gov.test/sjj/nb.html', shape: {} }, items: [], answer: null } as unknown as Learned;
  const back = fromLaterPage(learned);
  assert.ok(back);
  assert.deepEqual([query(back.endpoint.request).page, query(back.endpoint.request).start], ['1', '0']);
  const second = query(requestForPage(back.endpoint.request, back.endpoint.page!, 2));
  assert.deepEqual([second.page, second.start], ['2', '4']);
});
