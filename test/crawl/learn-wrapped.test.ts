/**
 * Learned lists whose answer wraps the list (round 6b of the blind portals): a JSON document encoded again as a
 * string, an HTML fragment inside JSON, a list asked by a frame (links relative to the frame's page), and a list API
 * that wants the token the page got from its own API.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedPageRequest } from '../../src/crawl/families/learned.ts';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { learnListEndpoint, storableEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import { credentialHeaders } from '../../src/crawl/learn/page-param.ts';

const PAGE = 'http://gov.test/czj/xxgk/ndbg/index.shtml';
const titles = ['某市财政局2024年政府信息公开工作年度报告', '某市2024年财政预算执行情况报告', '某市财政局2023年政府信息公开工作年度报告'];

function exchange(url: string, body: unknown, more: Partial<Exchange> = {}): Exchange {
  return { method: 'GET', url, body: null, contentType: null, status: 200, responseType: 'application/json', responseBody: JSON.stringify(body), ...more };
}

test('a JSON document encoded again as a string field: its list and its total are read', () => {
  const inner = { total: 11, list: titles.map((title, i) => ({ id: String(i), title, url: `/czj/xxgk/ndbg/2025/${i}.shtml`, time: '2025-01-23' })) };
  const answer = JSON.stringify({ status: 'success', data: JSON.stringify(inner) });
  const found = findList(answer, 'http://gov.test/czj/api/column/88/list/0/5', PAGE)!;
  assert.deepEqual(
    found.items.map((i) => i.url),
    [0, 1, 2].map((i) => `http://gov.test/czj/xxgk/ndbg/2025/${i}.shtml`),
  );
  assert.equal(found.items[0]!.title, titles[0]);
  assert.deepEqual(answerTotals(answer, 'http://gov.test/x'), { announcedItems: 11 });
});

test('an HTML fragment wrapped in JSON is read as list markup, its counts given as strings too', () => {
  const html = titles.map((t, i) => `<li><a href="/jyj/gknb/t${i}.html" target="_blank">${t}</a><span>2025-01-2${i}</span></li>`).join('');
  const answer = JSON.stringify({ code: 0, html, pages: 2, total: '8' });
  const found = findList(answer, 'http://gov.test/jyj/api/getList.do?pageIndex=1', PAGE)!;
  assert.equal(found.shape.kind, 'markup');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url]),
    titles.map((t, i) => [t, `http://gov.test/jyj/gknb/t${i}.html`]),
  );
  assert.deepEqual(answerTotals(answer, 'http://gov.test/x'), { announcedItems: 8, announcedPages: 2 });
});

test('a list asked by a frame: its relative links resolve against the frame\'s page, kept as the endpoint\'s base', () => {
  const frame = 'http://gov.test/jyj/module/info/list.html?columnId=2231';
  const html = titles.map((t, i) => `<li><a href="../../zfxxgk/gknb/t${i}.html">${t}</a></li>`).join('');
  const x = exchange('http://gov.test/jyj/module/info/api/getList.do?columnId=2231&pageIndex=1', { code: 0, html, pages: 2 }, { documentUrl: frame });
  const learned = learnListEndpoint([x], 'http://gov.test/jyj/zfxxgk/gknb/index.html')!;
  assert.equal(learned.endpoint.base, frame);
  assert.equal(learned.items[0]!.url, 'http://gov.test/jyj/zfxxgk/gknb/t0.html');
  assert.deepEqual(learned.endpoint.page, { in: 'query', name: 'pageIndex', first: 1, step: 1 });
});

test('the token the page sends with its list request is replayed with every page; only credential headers are kept', () => {
  assert.deepEqual(credentialHeaders({ Authorization: 'Bearer abc', 'user-agent': 'x', accept: '*/*', 'X-Token': 't1', cookie: 'a=b' }), { authorization: 'Bearer abc', 'x-token': 't1' });
  assert.equal(credentialHeaders({ accept: '*/*' }), undefined);
  const records = titles.map((title, i) => ({ id: i, title, url: `/hbj/xxgk/gknb/${i}.html` }));
  const x = exchange('http://gov.test/hbj/api/info/list?channelId=gknb&current=1&size=5', { code: 0, data: { records, total: 12, pages: 3 } }, { headers: { authorization: 'Bearer 5f0c' } });
  const learned = learnListEndpoint([x], 'http://gov.test/hbj/xxgk/gknb/index.html')!;
  const next = learnedPageRequest(learned.endpoint, 2);
  assert.equal(next.url, 'http://gov.test/hbj/api/info/list?channelId=gknb&current=2&size=5');
  assert.equal(next.headers?.authorization, 'Bearer 5f0c');
  // The catalog keeps the header's name (a later run renders the seed again for a fresh token), never the token.
  assert.deepEqual(storableEndpoint(learned.endpoint).request.headers, { authorization: '' });
  assert.equal(learned.endpoint.request.headers?.authorization, 'Bearer 5f0c', 'the endpoint of this run keeps its token');
});
