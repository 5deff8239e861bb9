/**
 * The fixes round 5b of the blind portals called for (docs/blind-portals.md), each on its own small case so a
 * regression names its cause: XML list answers, cursor pagers and `hasMore`, lists asked one year at a time, lists
 * whose requests the page signs, items whose click pushes a route, infinite lists turned by scrolling. The browser
 * cases drive Chromium on pages served from memory.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnedPageRequest, otherListEndpoints, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { answerSaysMore, answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { clickedLinks, holdNavigation } from '../../src/crawl/learn/item-clicks.ts';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { findList, readList } from '../../src/crawl/learn/list-shape.ts';
import { exchangesOf, recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import { SeedTallies, shortOfAnnounced } from '../../src/crawl/seed-tally.ts';
import { exchange } from '../helpers/exchange.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/nb/index.html';
const REPORT = (y: number) => `某市城市管理局${y}年政府信息公开工作年度报告`;


test('an XML answer of plain records (CDATA titles) is a list: its items, its total, and later pages read with its shape', () => {
  const xml = (page: number) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<result><code>1</code><total>10</total><list>${[0, 1]
      .map((k) => `<item><id>${page}${k}</id><title><![CDATA[${REPORT(2024 - 2 * page - k)}]]></title><url>/wjw/t_${page}${k}.html</url><date>2025-01-2${k}</date></item>`)
      .join('')}</list></result>`;
  const found = findList(xml(0), 'http://gov.test/api/list.xml?pageNo=1', PAGE)!;
  assert.ok(found, 'the XML answer holds a list');
  assert.deepEqual(found.items[0], { title: REPORT(2024), url: 'http://gov.test/wjw/t_00.html', date: '2025-01-20', isFile: false });
  assert.deepEqual(answerTotals(xml(0), 'http://gov.test/api/list.xml'), { announcedItems: 10 });
  assert.deepEqual(readList(xml(1), 'http://gov.test/api/list.xml?pageNo=2', PAGE, found.shape).map((i) => i.title), [REPORT(2022), REPORT(2021)]);
  // Records that are HTML (a Hanweb data island) stay markup; an HTML page is not XML records.
  const island = '<datastore><recordset><record><![CDATA[<li><a href="/a/1.html">某县人民政府2023年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore>';
  assert.equal(findList(island, 'http://gov.test/dataproxy.jsp', PAGE)!.shape.kind, 'markup');
  assert.deepEqual(answerTotals('<div><p>共10条</p></div>', 'http://gov.test/x'), {});
});

const feed = (after: string | null) => {
  const ids = ['a91f03', 'a8d711', '9f2b88', '9e0417', '8d0c19'];
  const from = after ? ids.indexOf(after) + 1 : 0;
  const batch = ids.slice(from, from + 2);
  return { code: 0, data: { items: batch.map((id, k) => ({ id, title: REPORT(2024 - from - k), linkUrl: `/cgj/${id}.html` })), hasMore: from + 2 < ids.length, lastId: batch.at(-1) } };
};

test('a cursor pager (?lastId= from the answer) is learned from two requests and followed over HTTP to its end', () => {
  const first = exchange('http://gov.test/api/feed?column=ndbg&size=2', feed(null));
  const second = exchange('http://gov.test/api/feed?column=ndbg&size=2&lastId=a8d711', feed('a8d711'));
  const learned = learnListEndpoint([first], PAGE, [second])!;
  assert.deepEqual(learned.endpoint.cursor, { in: 'query', name: 'lastId', from: { answer: ['data', 'lastId'] } });
  assert.equal(learned.endpoint.page, null);
  const cursor = learnedPageRequest(learned.endpoint, 1).cursor;
  const page1 = parseLearnedList({ url: first.url, loadedUrl: first.url, status: 200, body: first.responseBody }, cursor);
  assert.equal(page1.next[0]!.url, 'http://gov.test/api/feed?column=ndbg&size=2&lastId=a8d711');
  const last = JSON.stringify(feed('9e0417'));
  assert.equal(answerSaysMore(last, 'http://gov.test/api/feed'), false);
  assert.equal(answerSaysMore(JSON.stringify(feed(null)), 'http://gov.test/api/feed'), true);
  // The same list paged by its last item's id when the answer names no cursor of its own.
  const bare = (after: string | null) => ({ rows: feed(after).data.items });
  const byItem = learnListEndpoint([exchange('http://gov.test/api/f?n=2', bare(null))], PAGE, [exchange('http://gov.test/api/f?n=2&after=a8d711', bare('a8d711'))])!;
  assert.deepEqual(byItem.endpoint.cursor, { in: 'query', name: 'after', from: { item: ['id'] } });
  // Page numbers are not cursors: pageNo=2 is found in the answer too, yet the list stays numbered.
  const numbered = learnListEndpoint([exchange('http://gov.test/api/l?pageNo=1', { pageNo: 1, pages: 2, rows: feed(null).data.items })], PAGE, [
    exchange('http://gov.test/api/l?pageNo=2', { pageNo: 2, pages: 2, rows: feed('a8d711').data.items }),
  ])!;
  assert.equal(numbered.endpoint.cursor, undefined);
  assert.deepEqual(numbered.endpoint.page, { in: 'query', name: 'pageNo', first: 1, step: 1 });
});

test('a learned list whose last answer read says hasMore is short, even with no total announced', () => {
  const t = new SeedTallies().of(1, PAGE);
  Object.assign(t, { family: 'learned', reportItems: 1, learnedItems: 2, learnedMore: true });
  assert.match(shortOfAnnounced(t) ?? '', /says more items follow/);
  t.learnedMore = false;
  assert.equal(shortOfAnnounced(t), null);
});

test('a list asked one year at a time: the other years shown as tabs are asked with the year changed; no tabs, no years', () => {
  const answer = { code: '0000', data: { year: 2024, total: 1, records: [{ title: REPORT(2024), url: '/swj/t1.htm' }] } };
  const x = exchange('http://gov.test/api/gknb/list?siteId=swj&year=2024', answer);
  const tabs = '<ul class="tabs"><li class="cur">2024年度</li><li>2023年度</li><li>2022</li></ul><ul><li><a href="/swj/t1.htm">' + REPORT(2024) + '</a></li></ul>';
  const learned = learnListEndpoint([x], PAGE, [], tabs)!;
  assert.deepEqual(learned.endpoint.years, { in: 'query', name: 'year', others: [2023, 2022] });
  assert.deepEqual(otherListEndpoints(learned.endpoint).map((e) => learnedPageRequest(e, 1).url), [
    'http://gov.test/api/gknb/list?siteId=swj&year=2023',
    'http://gov.test/api/gknb/list?siteId=swj&year=2022',
  ]);
  // A year in the request but none shown as a tab (or only its own): nothing more is asked.
  assert.equal(learnListEndpoint([x], PAGE, [], '<div>2024年度工作</div>')!.endpoint.years, undefined);
  assert.equal(learnListEndpoint([x], PAGE, [], '<li>2024年度</li>')!.endpoint.years, undefined);
});

test('a list whose requests the page signs is marked signed and never replayed; plain timestamps are not signatures', () => {
  const rows = (p: number) => ({ code: '0000', data: { zts: 11, jg: [0, 1].map((k) => ({ bt: REPORT(2024 - 2 * p - k), wjlj: `/zzfg/f${p}${k}.pdf` })) } });
  const first = exchange('http://gov.test/gw/list?_t=1764590000000&dqy=1&lmbm=ndbg&mys=2&sign=8a1f03c2', rows(0));
  const second = exchange('http://gov.test/gw/list?_t=1764590004211&dqy=2&lmbm=ndbg&mys=2&sign=e07b9d14', rows(1));
  const learned = learnListEndpoint([first], PAGE, [second])!;
  assert.equal(learned.endpoint.signed, 'sign');
  const cursor = learnedPageRequest(learned.endpoint, 1).cursor;
  assert.deepEqual(parseLearnedList({ url: first.url, loadedUrl: first.url, status: 200, body: first.responseBody }, cursor).next, []);
  const plain = learnListEndpoint([exchange('http://gov.test/gw/list?_t=1764590000000&dqy=1', rows(0))], PAGE, [exchange('http://gov.test/gw/list?_t=1764590004211&dqy=2', rows(1))])!;
  assert.equal(plain.endpoint.signed, undefined);
  // A JSONP callback named after the time changes per request: no signature.
  const jsonp = learnListEndpoint([exchange('http://gov.test/gw/list?callback=jsonp_1764590000000&dqy=1', rows(0))], PAGE, [
    exchange('http://gov.test/gw/list?callback=jsonp_1764590004211&dqy=2', rows(1)),
  ])!;
  assert.equal(jsonp.endpoint.signed, undefined);
  // The page's second request not caught (a slow machine): a digest named sign beside a timestamp is one still; a
  // fixed key named sign with no timestamp is not.
  assert.equal(learnListEndpoint([first], PAGE, [])!.endpoint.signed, 'sign');
  assert.equal(learnListEndpoint([exchange('http://gov.test/gw/list?dqy=1&sign=8a1f03c2', rows(0))], PAGE, [])!.endpoint.signed, undefined);
  // A 32-bit hash in hex without padding: seven characters, or digits only (CI, loaded: read as unsigned and replayed).
  for (const [a, b] of [['7a1f03c', '30571942'], ['81470351', '9e0b7d1']]) {
    const one = exchange(`http://gov.test/gw/list?_t=1764590000000&dqy=1&lmbm=ndbg&mys=2&sign=${a}`, rows(0));
    const two = exchange(`http://gov.test/gw/list?_t=1764590004211&dqy=2&lmbm=ndbg&mys=2&sign=${b}`, rows(1));
    assert.equal(learnListEndpoint([one], PAGE, [two])!.endpoint.signed, 'sign', `${a} then ${b}`);
    assert.equal(learnListEndpoint([one], PAGE, [])!.endpoint.signed, 'sign', a);
  }
  assert.equal(parseLearnedList({ url: first.url, loadedUrl: first.url, status: 200, body: first.responseBody }, learnedPageRequest(plain.endpoint, 1).cursor).next.length, 1);
});

// In Chromium: pages served from memory through a router that holds navigations back as the browser lane's does.
const browser = fileBrowser();

async function served(html: string, api: (url: URL) => unknown = () => ({})): Promise<Page> {
  const page = await browser()!.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.isNavigationRequest() && holdNavigation(page, req.url())) return route.fulfill({ status: 204, body: '' });
    if (url.pathname.startsWith('/nb/')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname.startsWith('/api/')) {
      const body = Buffer.from(JSON.stringify(api(url)));
      recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  return page;
}

test('items whose click pushes a route (history.pushState) give that route as their link; the list is drawn again', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(`<html><body><div id="app"></div><script>
var ids = [16027, 15402, 14903];
function render() {
  var m = /detail\\/(\\d+)$/.exec(location.pathname), app = document.getElementById('app');
  if (m) { app.innerHTML = '<h2>正文 ' + m[1] + '</h2>'; return; }
  app.innerHTML = '';
  ids.forEach(function (id, k) {
    var li = document.createElement('li'); li.textContent = '某市城市管理局' + (2024 - k) + '年政府信息公开工作年度报告';
    li.onclick = function () { history.pushState({}, '', '/nb/detail/' + id); render(); };
    app.appendChild(li);
  });
}
window.addEventListener('popstate', function () { setTimeout(render, 200); });
render();
</script></body></html>`);
  try {
    const links = await clickedLinks(page, [REPORT(2024), REPORT(2023), REPORT(2022)]);
    assert.deepEqual(links, [
      { text: REPORT(2024), url: 'http://gov.test/nb/detail/16027' },
      { text: REPORT(2023), url: 'http://gov.test/nb/detail/15402' },
      { text: REPORT(2022), url: 'http://gov.test/nb/detail/14903' },
    ]);
  } finally {
    await page.close();
  }
});

test('an infinite list with no control is scrolled to its end, and its next request is the turned page', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><ul id="l" style="margin:0"></ul><div id="end">加载中</div><script>
var last = '', busy = false;
function next() { if (busy) return; busy = true;
  fetch('/api/feed?size=2' + (last ? '&lastId=' + last : '')).then(function (r) { return r.json(); }).then(function (d) {
    d.data.items.forEach(function (x) { var li = document.createElement('li'); li.style.height = '600px'; li.innerHTML = '<a href="' + x.linkUrl + '">' + x.title + '</a>'; document.getElementById('l').appendChild(li); });
    last = d.data.lastId; busy = false; }); }
next();
setTimeout(function () { new IntersectionObserver(function (e) { if (e[0].isIntersecting) next(); }).observe(document.getElementById('end')); }, 300);
</script></body></html>`,
    (url) => feed(url.searchParams.get('lastId')),
  );
  try {
    // The first batch answered, then the observer set (300 ms after load): by the clock alone (400 ms) the answer was
    // once still on its way on a loaded machine, and the test failed.
    for (let i = 0; i < 100 && exchangesOf(page).length === 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(400);
    const first = exchangesOf(page);
    assert.equal(first.length, 1);
    const later = await turnPage(page);
    assert.ok(later.some((x) => x.url.endsWith('lastId=a8d711')), 'scrolling asked for the next batch');
    assert.deepEqual(learnListEndpoint(first, PAGE, later)!.endpoint.cursor, { in: 'query', name: 'lastId', from: { answer: ['data', 'lastId'] } });
  } finally {
    await page.close();
  }
});
