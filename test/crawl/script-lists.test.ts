/**
 * The fixes round 4b of the blind portals called for (docs/blind-portals.md), each on its own small case so a
 * regression names its cause: offsets named startIndex, a learned answer's announced total, an endpoint learned
 * from a later page moved back to page 1, JSONP script answers recorded, items without href clicked, a "load
 * more" button turned. The browser cases drive Chromium on pages served from memory.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { clickedLinks, holdNavigation } from '../../src/crawl/learn/item-clicks.ts';
import { fromLaterPage, learnListEndpoint, titlesToClick } from '../../src/crawl/learn/learn.ts';
import { learnPageParam, requestForPage } from '../../src/crawl/learn/page-param.ts';
import { exchangesOf, recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import { SeedTallies, shortOfAnnounced } from '../../src/crawl/seed-tally.ts';
import { exchange } from '../helpers/exchange.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/nb/index.html';
const REPORT = (y: number) => `某市交通运输局${y}年政府信息公开工作年度报告`;


test('offsets named startIndex step by the page size, not by one', () => {
  const req = { method: 'GET', url: 'http://gov.test/api/docs?catId=88&startIndex=0&limit=4', body: null, contentType: null };
  assert.deepEqual(learnPageParam(req, null, 4), { in: 'query', name: 'startIndex', first: 0, step: 4 });
  assert.equal(new URL(requestForPage(req, learnPageParam(req, null, 4)!, 3).url).searchParams.get('startIndex'), '8');
});

test('a JSON answer announces its list size near its root: total, pageInfo.total, hits.total.value; never an item\'s count', () => {
  assert.deepEqual(answerTotals(JSON.stringify({ result: 'ok', datas: [{ total: 99 }], pageInfo: { total: 9, limit: 4 } }), 'u'), { announcedItems: 9 });
  assert.deepEqual(answerTotals(JSON.stringify({ hits: { total: { value: 12, relation: 'eq' }, hits: [] } }), 'u'), { announcedItems: 12 });
  assert.deepEqual(answerTotals('jsonp_1({"TotalCount":8,"Data":[]})', 'u'), { announcedItems: 8 });
  assert.deepEqual(answerTotals(JSON.stringify({ data: { totalPage: 3, list: [] } }), 'u'), { announcedPages: 3 });
  // A lower bound is no count; markup and broken JSON announce nothing.
  assert.deepEqual(answerTotals(JSON.stringify({ hits: { total: { value: 10000, relation: 'gte' } } }), 'u'), {});
  assert.deepEqual(answerTotals('<ul><li>共9条</li></ul>', 'u'), {});
  assert.deepEqual(answerTotals('{"total": 3', 'u'), {});
});

test('a learned list that read fewer items than its answer announced is short, whatever the seed page\'s menus held', () => {
  const t = new SeedTallies().of(1, PAGE);
  Object.assign(t, { family: 'learned', items: 30, learnedItems: 4, reportItems: 2, announced: { announcedItems: 9 } });
  assert.equal(shortOfAnnounced(t), 'read 4 items of the 9 its list answer announces');
  t.learnedItems = 9;
  assert.equal(shortOfAnnounced(t), null);
});

test('an endpoint captured on page 2 (page 1 drawn from the HTML) is moved back to page 1; without paging it is not trusted', () => {
  const items = [2024, 2023].map((y, i) => ({ title: REPORT(y), path: `/art/${i}.html` }));
  const x2 = exchange('http://gov.test/api/column/nb/list?page=2&pageSize=4', { page: 2, total: 10, items });
  const learned = fromLaterPage(learnListEndpoint([x2], PAGE));
  assert.equal(learned?.answer, null, 'page 1 is to be asked, not taken from the capture');
  assert.equal(new URL(learned!.endpoint.request.url).searchParams.get('page'), '1');
  assert.deepEqual(learned!.endpoint.page, { in: 'query', name: 'page', first: 1, step: 1 });
  const offset = exchange('http://gov.test/api/docs?from=5&size=5', { hits: items });
  assert.equal(new URL(fromLaterPage(learnListEndpoint([offset], PAGE))!.endpoint.request.url).searchParams.get('from'), '0');
  assert.equal(fromLaterPage(learnListEndpoint([exchange('http://gov.test/api/all.json', { items })], PAGE)), null);
});

test('JSONP answers requested as scripts are recorded as the page\'s data; libraries are not', () => {
  const page = {} as Page;
  const res = { status: 200, headers: { 'content-type': 'text/javascript;charset=UTF-8' }, body: Buffer.from('cb_1({"Data":[]})') };
  recordExchange(page, { resourceType: 'script', method: 'GET', url: 'http://gov.test/infoList.jsp?callback=cb_1&pageIndex=1', body: null, contentType: null }, res);
  recordExchange(page, { resourceType: 'script', method: 'GET', url: 'http://gov.test/js/jquery.min.js?v=3', body: null, contentType: null }, res);
  assert.deepEqual(exchangesOf(page).map((x) => x.url), ['http://gov.test/infoList.jsp?callback=cb_1&pageIndex=1']);
});

test('items that carry ids only and were drawn without links are the titles to click; the clicked links teach the template', () => {
  const rows = [16027, 15402, 14903].map((id, i) => ({ articleId: String(id), articleTitle: REPORT(2024 - i) }));
  const x = exchange('http://gov.test/api/page?pageNum=1', { code: 0, total: 3, rows });
  const drawn = `<div class="item"><span>${REPORT(2024)}</span></div><a href="/art/15402.html">${REPORT(2023)}</a>`;
  assert.deepEqual(titlesToClick([x], drawn, PAGE), [REPORT(2024), REPORT(2022)]);
  assert.equal(learnListEndpoint([x], PAGE, [], '<div></div>'), null, 'nothing drawn, nothing clicked: no link known');
  const clicked = rows.map((r) => ({ text: r.articleTitle, url: `http://gov.test/art/${r.articleId}.html` }));
  const learned = learnListEndpoint([x], PAGE, [], '<div></div>', clicked)!;
  assert.deepEqual(learned.items.map((i) => i.url), ['http://gov.test/art/16027.html', 'http://gov.test/art/15402.html', 'http://gov.test/art/14903.html']);
});

// In Chromium: the item probe and the "load more" button, on pages served from memory through a router that holds
// navigations back as the browser lane's does.
const browser = fileBrowser();

async function served(html: string, api: (url: URL) => unknown = () => ({}), delayMs = 0): Promise<Page> {
  const page = await browser()!.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.isNavigationRequest() && holdNavigation(page, req.url())) return route.fulfill({ status: 204, body: '' });
    if (url.pathname === '/nb/index.html') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname.startsWith('/api/')) {
      // A slow answer: the turned page must be waited for, not taken as idle.
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const body = Buffer.from(JSON.stringify(api(url)));
      recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>文章</p>' });
  });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  return page;
}

test('items drawn without href are clicked: location.href and window.open recorded, never followed, the list left in place', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(`<html><body><div id="list">
<div class="item" onclick="location.href='/art/' + 16027 + '.html'"><span>${REPORT(2024)}</span></div>
<div class="item" onclick="window.open('/art/15402.html')"><span>${REPORT(2023)}</span></div>
<div class="item"><span>${REPORT(2022)}</span></div></div></body></html>`);
  try {
    const links = await clickedLinks(page, [REPORT(2024), REPORT(2023), REPORT(2022), '页面上没有的标题']);
    assert.deepEqual(links, [
      { text: REPORT(2024), url: 'http://gov.test/art/16027.html' },
      { text: REPORT(2023), url: 'http://gov.test/art/15402.html' },
    ]);
    assert.equal(page.url(), PAGE, 'the page did not navigate');
    assert.equal(await page.locator('.item').count(), 3, 'its drawn list is intact');
  } finally {
    await page.close();
  }
});

test('a "加载更多" button is turned like a next-page link, its slow answer waited for, and its request shows the offset step', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><ul id="l"></ul><button id="more">加载更多</button><script>
var start = 0;
function more() { fetch('/api/docs?startIndex=' + start + '&limit=4').then(function (r) { return r.json(); }).then(function (d) {
  d.datas.forEach(function (x) { var li = document.createElement('li'); li.innerHTML = '<a href="' + x.url + '">' + x.title + '</a>'; document.getElementById('l').appendChild(li); });
  start += d.datas.length; }); }
document.getElementById('more').onclick = more; more();
</script></body></html>`,
    (url) => {
      const start = Number(url.searchParams.get('startIndex'));
      return { datas: [0, 1, 2, 3].map((k) => ({ title: REPORT(2024 - start - k), url: `/art/${start + k}.html` })), pageInfo: { total: 8 } };
    },
    1_000,
  );
  try {
    const first = exchangesOf(page);
    const later = await turnPage(page);
    assert.equal(later.length, 1, 'the button asked for the next items');
    const learned = learnListEndpoint(first, PAGE, later)!;
    assert.deepEqual(learned.endpoint.page, { in: 'query', name: 'startIndex', first: 0, step: 4 });
  } finally {
    await page.close();
  }
});
