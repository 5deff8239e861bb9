/**
 * The first page of a learned list when the browser's capture already holds a later one: a feed that loads its next
 * batch when scrolled into view, a page that asks page 2 ahead. The answer with the most reports is then not page 1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { asksLaterPage } from '../../src/crawl/learn/page-order.ts';

const PAGE = 'http://gov.test/cgj/gk/ndbg/';
const A = '某市城市管理局';
const report = (y: number) => `${A}${y}年政府信息公开工作年度报告`;

function exchange(url: string, body: unknown, method = 'GET', requestBody: string | null = null): Exchange {
  return { method, url, body: requestBody, contentType: requestBody ? 'application/x-www-form-urlencoded' : null, status: 200, responseType: 'application/json', responseBody: JSON.stringify(body) };
}

const feed = (items: [string, string][], lastId: string, hasMore: boolean) => ({
  code: 0,
  data: { items: items.map(([id, title]) => ({ id, title, linkUrl: `/cgj/gk/ndbg/${id}.html` })), hasMore, lastId },
});

const batch1 = feed([['a9', report(2024)], ['a8', '关于2025年政务公开工作要点'], ['a7', '2024年城市管理工作总结']], 'a7', true);
const batch2 = feed([['9f', report(2023)], ['9e', '部门决算'], ['9a', report(2022)]], '9a', true);
const batch3 = feed([['8f', '部门预算'], ['8d', report(2021)]], '8d', false);
const API = 'http://gov.test/cgj/open-api/article/feed?column=ndbg&size=3';

test('a cursor feed whose second batch was caught with the first is learned from its first batch', () => {
  const found = learnListEndpoint([exchange(API, batch1), exchange(`${API}&lastId=a7`, batch2)], PAGE, [exchange(`${API}&lastId=9a`, batch3)]);
  assert.ok(found);
  assert.equal(found.endpoint.request.url, API, 'the replay starts where the page started');
  assert.deepEqual(found.endpoint.cursor, { in: 'query', name: 'lastId', from: { answer: ['data', 'lastId'] } });
  assert.deepEqual(found.items.map((i) => i.title)[0], report(2024));
  assert.equal(found.answer?.url, API, 'the first answer read is page 1');
});

test('the batches caught in any order, a timestamp on each: still page 1', () => {
  const found = learnListEndpoint([exchange(`${API}&lastId=a7&_t=1733000000002`, batch2), exchange(`${API}&_t=1733000000001`, batch1)], PAGE);
  assert.equal(found?.endpoint.request.url, `${API}&_t=1733000000001`);
  assert.equal(found?.endpoint.cursor?.name, 'lastId');
});

test('numbered pages: page 2 asked ahead with more reports, page 1 is where the list starts', () => {
  const rows = (n: number, titles: string[]) => ({ total: 12, pageNo: n, list: titles.map((t, i) => ({ title: t, url: `/nb/${n}_${i}.html` })) });
  const p1 = exchange('http://gov.test/api/list', rows(1, [report(2024), '通知', '公告']), 'POST', 'channel=ndbg&pageNo=1&pageSize=3');
  const p2 = exchange('http://gov.test/api/list', rows(2, [report(2023), report(2022), '决算']), 'POST', 'channel=ndbg&pageNo=2&pageSize=3');
  const found = learnListEndpoint([p1, p2], PAGE);
  assert.equal(found?.endpoint.request.body, 'channel=ndbg&pageNo=1&pageSize=3');
  assert.deepEqual(found?.endpoint.page, { in: 'form', name: 'pageNo', first: 1, step: 1 });
});

test('another column, year or page size of the same endpoint is no earlier page', () => {
  const never = () => null;
  const req = (url: string) => ({ method: 'GET', url, body: null, contentType: null });
  assert.equal(asksLaterPage(req('http://g/api?column=tzgg&page=1'), req('http://g/api?column=ndbg&page=1'), never), false);
  assert.equal(asksLaterPage(req('http://g/api?year=2023&page=1'), req('http://g/api?year=2024&page=1'), never), false);
  assert.equal(asksLaterPage(req('http://g/api?page=1&size=5'), req('http://g/api?page=1&size=20'), never), false);
  assert.equal(asksLaterPage(req('http://g/api?page=1&size=5'), req('http://g/api?page=2&size=20'), never), false, 'two things changed');
  assert.equal(asksLaterPage(req('http://g/api?page=1&_=17330001'), req('http://g/api?page=2&_=17330002'), never), true);
  assert.equal(asksLaterPage(req('http://g/data/list_1.json'), req('http://g/data/list_2.json'), never), true);
  assert.equal(asksLaterPage(req('http://g/data/list_2.json'), req('http://g/data/list_1.json'), never), false);
  // A feed of the sidebar (most read) of the same endpoint, asked with another column: the main list stays.
  const sidebar = exchange('http://gov.test/cgj/open-api/article/feed?column=hot&size=3', feed([['h1', report(2020)]], 'h1', false));
  const found = learnListEndpoint([sidebar, exchange(API, batch1), exchange(`${API}&lastId=a7`, batch2)], PAGE);
  assert.equal(found?.endpoint.request.url, API);
});
