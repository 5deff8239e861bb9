/**
 * Learned lists of round 7b of the blind portals, on hand-made answers: a column-oriented answer (`{fields, rows}`),
 * a list paged by the next page's address each answer gives (a DRF-like cursor), a page number inside a form field
 * holding JSON, layui's `count`, and a learned list whose replay the server refused part-way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { answerSaysMore, answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import type { PageVisit } from '../../src/crawl/page-visit.ts';
import { refusedLearnedPage, SeedTallies } from '../../src/crawl/seed-tally.ts';

const PAGE = 'http://gov.test/mzj/zwgk/gknb/index.html';
const API = 'http://gov.test/mzj/api/v2/docs/';
const titles = ['某市民政局2024年政府信息公开工作年度报告', '某市2024年民政事业统计数据', '某市民政局2023年政府信息公开工作年度报告', '某市民政局2023年度部门决算'];
const rows = (from: number, to: number) => titles.slice(from, to).map((t, i) => [from + i, t, `2025-01-2${from + i}`, `/mzj/zwgk/gknb/t${from + i}.html`]);

function exchange(url: string, body: unknown): Exchange {
  return { method: 'GET', url, body: null, contentType: null, status: 200, responseType: 'application/json', responseBody: JSON.stringify(body) };
}

const visitOf = (x: Exchange): PageVisit => ({ url: x.url, loadedUrl: x.url, status: 200, body: x.responseBody, contentType: x.responseType, rendered: false });

test('a column-oriented answer (field names beside rows of cells) is read as records', () => {
  const answer = JSON.stringify({ fields: ['wzid', 'wzbt', 'fbsj', 'ljdz'], rows: rows(0, 4) });
  const found = findList(answer, API, PAGE)!;
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url, i.date]),
    titles.map((t, i) => [t, `http://gov.test/mzj/zwgk/gknb/t${i}.html`, `2025-01-2${i}`]),
  );
  // Field names given as objects, the rows deeper down; rows of another width are left alone (no list).
  const named = JSON.stringify({ data: { columns: [{ name: 'title' }, { name: 'url' }], rows: titles.map((t, i) => [t, `/a/${i}.html`]) } });
  assert.equal(findList(named, API, PAGE)!.items.length, 4);
  const ragged = JSON.stringify({ fields: ['title', 'url'], rows: [[titles[0], '/a/0.html', 'x'], [titles[1], '/a/1.html', 'y']] });
  assert.equal(findList(ragged, API, PAGE), null);
});

test('a list whose answers give their next page\'s address is read address after address, to the answer giving none', () => {
  const second = `${API}?cursor=Yz1na25iJm89Mg`;
  const first = exchange(`${API}?column=gknb&page_size=2`, { next: second, previous: null, fields: ['id', 'title', 'date', 'url'], rows: rows(0, 2) });
  const later = exchange(second, { next: null, previous: first.url, fields: ['id', 'title', 'date', 'url'], rows: rows(2, 4) });
  const learned = learnListEndpoint([first], PAGE, [later])!;
  assert.deepEqual(learned.endpoint.next, ['next']);
  assert.equal(learned.endpoint.page, null);
  const page1 = parseLearnedList(visitOf(first), learnedPageRequest(learned.endpoint, 1).cursor);
  assert.equal(page1.next.length, 1);
  assert.equal(page1.next[0]!.url, second);
  const page2 = parseLearnedList(visitOf(later), page1.next[0]!.cursor);
  assert.deepEqual(page2.items.map((i) => i.title), titles.slice(2, 4));
  assert.deepEqual(page2.next, []);
  // Unseen (the page was not turned), a field named `next` on the same endpoint is taken too.
  assert.deepEqual(learnListEndpoint([first], PAGE)!.endpoint.next, ['next']);
  // An answer giving a next address says more items follow; `null` says none.
  assert.equal(answerSaysMore(first.responseBody, first.url), true);
  assert.equal(answerSaysMore(later.responseBody, later.url), false);
});

test('a page number inside a form field holding JSON (params={"pageNo":1,…}) is learned and set there, the field kept JSON', () => {
  const params = (pageNo: number) => JSON.stringify({ siteId: 'hhhtsjj', channelId: 'a8d3f0e2b17c4c65', pageNo, pageSize: 5 });
  const list = titles.map((title, i) => ({ contentId: `c${i}`, title, url: `/sjj/front/content/c${i}.html` }));
  const x: Exchange = {
    ...exchange('http://gov.test/sjj/front/content/list.do', { status: 1, data: { totalCount: 9, totalPage: 2, list } }),
    method: 'POST',
    body: `params=${encodeURIComponent(params(1))}`,
    contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
  };
  const learned = learnListEndpoint([x], 'http://gov.test/sjj/zfxxgk/ndbg/index.html')!;
  assert.deepEqual(learned.endpoint.page, { in: 'form', name: 'params', inner: 'pageNo', first: 1, step: 1 });
  const next = learnedPageRequest(learned.endpoint, 2);
  assert.equal(new URLSearchParams(next.payload).get('params'), params(2));
  assert.equal(next.headers?.['x-requested-with'], 'XMLHttpRequest');
  // Seen turned: the number that changed inside the field is the page.
  const turned: Exchange = { ...x, body: `params=${encodeURIComponent(params(2))}`, responseBody: JSON.stringify({ status: 1, data: { list: list.map((l) => ({ ...l, url: `${l.url}?p=2` })) } }) };
  assert.deepEqual(learnListEndpoint([x], 'http://gov.test/sjj/zfxxgk/ndbg/index.html', [turned])!.endpoint.page, { in: 'form', name: 'params', inner: 'pageNo', first: 1, step: 1 });
});

test('layui\'s count is the announced total; a learned list refused part-way says where it stopped', () => {
  assert.deepEqual(answerTotals(JSON.stringify({ code: 0, msg: '', count: 12, data: [] }), 'http://gov.test/x'), { announcedItems: 12 });
  const t = new SeedTallies().of(1, 'http://gov.test/zrzyj/xxgk/ndbg/index.html');
  assert.equal(refusedLearnedPage(t), null);
  t.learnedRefused = { page: 2, status: 419 };
  assert.equal(refusedLearnedPage(t), 'its list API refused page 2 (HTTP 419): the list was not read from there on');
});
