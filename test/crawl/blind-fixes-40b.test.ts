/**
 * Round 40b's fix (docs/blind-portals.md, "Round 40b: script-drawn portals (贵州, 甘肃)"), on hand-made input: a list
 * asked through a JSON-RPC 2.0 batch (an array of calls POSTed as one body: the column's details and the list's page
 * on the first load, the list call alone from the pager on). The page number is learned inside the batch's list call,
 * matched across the two requests by the call's method, not by its index; the replay moves it there and keeps the
 * other calls. Before: a JSON body that is an array was no body at all (no parameter), the pager not learned, the
 * seed `short`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import { learnPageParam, requestForPage, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';

const API = 'http://xxgk.example.gov.cn/api/rpc';
const post = (calls: object[]): CapturedRequest => ({ method: 'POST', url: API, body: JSON.stringify(calls), contentType: 'application/json' });
const column = (id: number) => ({ jsonrpc: '2.0', method: 'column.info', params: { code: 'ndbg' }, id });
const list = (page: number, id: number) => ({ jsonrpc: '2.0', method: 'doc.list', params: { code: 'ndbg', pageIndex: page, rows: 5 }, id });

test('a batch whose list call moves from second place to first (a batch of one from the pager on): the page is learned in the list call', () => {
  const first = post([column(1), list(1, 2)]);
  const param = learnPageParam(first, post([list(2, 3)]), 5);
  assert.deepEqual(param, { in: 'json', name: '1.params.pageIndex', first: 1, step: 1 });
  // The replay asks page 3 in the first load's batch: the column call kept, the list call moved.
  const third = JSON.parse(requestForPage(first, param!, 3).body!) as { method: string; params: { pageIndex?: number } }[];
  assert.deepEqual(
    third.map((c) => [c.method, c.params.pageIndex]),
    [['column.info', undefined], ['doc.list', 3]],
  );
});

test('the first batch alone (the browser saw one page): the page-named field inside a call is the page', () => {
  const first = post([column(1), list(1, 2)]);
  assert.deepEqual(learnPageParam(first, null, 5), { in: 'json', name: '1.params.pageIndex', first: 1, step: 1 });
  // Same calls at the same places in both: compared in place, the call ids (1, 2 → 3, 4) not taken for the page.
  assert.deepEqual(learnPageParam(first, post([column(3), list(2, 4)]), 5), { in: 'json', name: '1.params.pageIndex', first: 1, step: 1 });
});

test("a batch answer (the calls' results in any order, matched by id) is read for its list", () => {
  const answer = JSON.stringify([
    {
      jsonrpc: '2.0',
      id: 2,
      result: {
        total: 9,
        docs: [
          { docId: 71, name: '某县人民政府2024年政府信息公开工作年度报告', date: '2025-01-20', link: '/html/ndbg/2025-01/71.html' },
          { docId: 66, name: '某县2024年政务公开工作要点', date: '2024-03-02', link: '/html/ndbg/2024-03/66.html' },
          { docId: 52, name: '某县人民政府2023年政府信息公开工作年度报告', date: '2024-01-25', link: '/html/ndbg/2024-01/52.html' },
        ],
      },
    },
    { jsonrpc: '2.0', id: 1, result: { code: 'ndbg', name: '政府信息公开年报' } },
  ]);
  const found = findList(answer, API, 'http://xxgk.example.gov.cn/xxgk/ndbg/');
  assert.ok(found, 'a list found in the batch answer');
  assert.deepEqual(
    found.items.map((i) => i.url),
    ['http://xxgk.example.gov.cn/html/ndbg/2025-01/71.html', 'http://xxgk.example.gov.cn/html/ndbg/2024-03/66.html', 'http://xxgk.example.gov.cn/html/ndbg/2024-01/52.html'],
  );
});

test('a JSON field holding an array is no body of calls: query and form fields are read for a JSON object only', () => {
  const req: CapturedRequest = { method: 'GET', url: `${API}?ids=[1,2]&page=1`, body: null, contentType: null };
  assert.deepEqual(learnPageParam(req, null, 5), { in: 'query', name: 'page', first: 1, step: 1 });
  // A body that is an array of numbers is not a batch of calls.
  assert.equal(learnPageParam(post([1, 2] as unknown as object[]), null, 5), null);
});
