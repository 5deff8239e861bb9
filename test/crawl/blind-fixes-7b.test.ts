/**
 * Learned lists of round 7b of the blind portals, on hand-made answers: a column-oriented answer (`{fields, rows}`),
 * a list paged by the next page's address each answer gives (a DRF-like cursor), a page number inside a form field
 * holding JSON, layui's `count`, and a learned list whose replay the server refused part-way; in Chromium, items
 * opening their file in place (a hash route and a modal) and a pager whose next control is an icon.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { answerSaysMore, answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { clickedLinks, holdNavigation } from '../../src/crawl/learn/item-clicks.ts';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import { exchangesOf, recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import type { PageVisit } from '../../src/crawl/page-visit.ts';
import { refusedLearnedPage, SeedTallies } from '../../src/crawl/seed-tally.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

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

// In Chromium: pages served from memory through a router that holds navigations back as the browser lane's does.
const browser = fileBrowser();

const NB = 'http://gov.test/nb/index.html';

async function served(html: string, api: (url: URL) => unknown = () => ({})): Promise<Page> {
  const page = await browser()!.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.isNavigationRequest() && holdNavigation(page, req.url())) return route.fulfill({ status: 204, body: '' });
    if (url.pathname.startsWith('/nb/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname.startsWith('/api/')) {
      const body = Buffer.from(JSON.stringify(api(url)));
      recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: req.postDataBuffer(), contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(NB);
  await page.waitForLoadState('networkidle');
  return page;
}

const REPORT = (y: number) => `某市卫生健康委员会${y}年政府信息公开工作年度报告`;

test('items opening in place (a hash route drawing a modal) give the file the modal links; the route is undone each time', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const docs: Record<string, { title: string; file?: string }> = {
    '11': { title: REPORT(2024), file: '2025/01/a.pdf' },
    '12': { title: '某市2024年卫生健康工作要点' },
    '13': { title: REPORT(2023), file: '2024/01/b.pdf' },
  };
  const page = await served(
    `<html><body><ul id="list"></ul><div id="mask" style="display:none"><div id="body"></div></div><script>
var docs = ${JSON.stringify(docs)};
document.getElementById('list').innerHTML = Object.keys(docs).map(function (id) { return '<li><a href="#/doc/' + id + '">' + docs[id].title + '</a></li>'; }).join('');
function route() {
  var m = /^#\\/doc\\/(\\d+)$/.exec(location.hash), mask = document.getElementById('mask');
  if (!m) { mask.style.display = 'none'; document.getElementById('body').innerHTML = ''; return; }
  fetch('/api/detail?id=' + m[1]).then(function (r) { return r.json(); }).then(function (d) {
    document.getElementById('body').innerHTML = '<p>' + d.title + '</p>' + (d.file ? '<a href="/uploads/' + d.file + '">附件</a>' : '');
    mask.style.display = 'block';
  });
}
window.addEventListener('hashchange', route);
</script></body></html>`,
    (url) => docs[url.searchParams.get('id') ?? ''] ?? {},
  );
  try {
    const links = await clickedLinks(page, [REPORT(2024), '某市2024年卫生健康工作要点', REPORT(2023)]);
    assert.deepEqual(links, [
      { text: REPORT(2024), url: 'http://gov.test/uploads/2025/01/a.pdf' },
      { text: REPORT(2023), url: 'http://gov.test/uploads/2024/01/b.pdf' },
    ]);
    await page.waitForFunction(() => location.hash === '' || location.hash === '#', null, { timeout: 5_000 });
  } finally {
    await page.close();
  }
});

test('a pager whose next control is an icon only (el-pagination btn-next) is turned', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><ul id="list"></ul><div class="el-pagination"><button type="button" class="btn-prev" disabled><i class="el-icon-arrow-left"></i></button>
<ul class="el-pager"><li class="number active">1</li><li class="number">2</li></ul><button type="button" class="btn-next"><i class="el-icon-arrow-right"></i></button></div><script>
function load(n) { fetch('/api/list?pageNo=' + n).then(function (r) { return r.json(); }).then(function (d) { document.getElementById('list').innerHTML = d.titles.map(function (t) { return '<li>' + t + '</li>'; }).join(''); }); }
document.querySelector('.btn-next').onclick = function () { load(2); };
load(1);
</script></body></html>`,
    (url) => ({ titles: [REPORT(2025 - Number(url.searchParams.get('pageNo')))] }),
  );
  try {
    assert.equal(exchangesOf(page).length, 1);
    const turned = await turnPage(page);
    assert.deepEqual(turned.map((x) => new URL(x.url).search), ['?pageNo=2']);
  } finally {
    await page.close();
  }
});
