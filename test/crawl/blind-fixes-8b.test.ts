/**
 * Round 8b of the blind portals, on hand-made pages: in Chromium, a list drawn inside a web component's open shadow
 * root is read with the page; a list whose answers only the page's script can decode, and a hash-paged list whose
 * items open in place, are turned and read as drawn, page after page; and a rendered page framing a host outside the
 * registry says so in the seed's result.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { answeredTitles, drawnPages } from '../../src/crawl/learn/drawn-pages.ts';
import { drawnLinks, type Exchange } from '../../src/crawl/learn/learn.ts';
import { holdNavigation } from '../../src/crawl/learn/item-clicks.ts';
import { exchangesOf, recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import { offScopeFrames } from '../../src/crawl/off-scope-frames.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { offScopeFramedLists, SeedTallies, shortOfAnnounced } from '../../src/crawl/seed-tally.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/yjj/zwgk/ndbg/index.html';
const REPORT = (y: number) => `某市应急管理局${y}年政府信息公开工作年度报告`;

test('frames on hosts outside the registry are named for an empty seed; same-host frames and viewers are not', () => {
  const scope = { allows: (url: string | URL) => new URL(url).host === 'gov.test' };
  const html = `<html><body>
<iframe src="http://xxgk.gov.test:8080/gkml/list.jsp?catId=1203&amp;page=1"></iframe>
<iframe src="/module/list.html?col=3"></iframe>
<iframe src="https://player.video.example/embed/12"></iframe>
<iframe src="about:blank"></iframe></body></html>`;
  assert.deepEqual(offScopeFrames(html, PAGE, scope), ['http://xxgk.gov.test:8080/gkml/list.jsp?catId=1203&page=1']);
  const t = new SeedTallies().of(1, PAGE);
  assert.equal(offScopeFramedLists(t), null);
  t.offScopeFrames.add('http://xxgk.gov.test:8080/gkml/list.jsp?catId=1203&page=1');
  assert.equal(offScopeFramedLists(t), 'its page frames 1 page(s) from hosts outside the registry (xxgk.gov.test:8080), not read: if its list is there, add the host to the seeds');
});

test('a list of items opening in place, turned in the browser, is short when its answers gave fewer titles than the first announces', () => {
  const answer = (url: string, body: unknown): Exchange => ({ method: 'POST', url, body: null, contentType: 'text/plain', status: 200, responseType: 'application/json', responseBody: JSON.stringify(body) });
  const rows = (ids: number[]) => ids.map((id) => ({ id: String(id), title: id % 2 ? REPORT(2025 - id) : `某市${id}号通知`, pubDate: '2025-01-20' }));
  const page1 = answer('http://gov.test/api/info/list', { total: 6, rows: rows([1, 2, 3]) });
  // A detail answer (one object, its file linked) is no list; page 1 asked again (the page drawn twice) counts once.
  const detail = answer('http://gov.test/api/info/detail?id=1', { code: 200, data: { id: '1', title: REPORT(2024), files: [{ name: 'a.pdf', url: '/up/a.pdf' }] } });
  assert.deepEqual(answeredTitles([page1, detail, page1]), { announced: 6, read: 3 });
  const page2 = answer('http://gov.test/api/info/list', { total: 6, rows: rows([4, 5, 6]) });
  assert.deepEqual(answeredTitles([page1, detail, page2]), { announced: 6, read: 6 });
  // No total announced, or items carrying their links (a list learned the usual way): nothing to compare.
  assert.equal(answeredTitles([answer('http://gov.test/api/info/list', { rows: rows([1, 2]) })]), null);
  assert.equal(answeredTitles([answer('http://gov.test/api/list', { total: 9, rows: [{ title: REPORT(2024), url: '/a/1.html' }] })]), null);
  const t = new SeedTallies().of(1, PAGE);
  t.reportItems = 2;
  t.items = 12;
  t.drawnAnswers = { announced: 6, read: 3 };
  assert.equal(shortOfAnnounced(t), 'read 3 items of the 6 its list answer announces (turned in the browser)');
  t.drawnAnswers = { announced: 6, read: 6 };
  assert.equal(shortOfAnnounced(t), null);
});

// In Chromium: pages served from memory, their data requests recorded as the browser lane records them.
const browser = fileBrowser();

async function served(html: string, api: (url: URL, body: string) => unknown = () => ({})): Promise<Page> {
  const page = await browser()!.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (req.isNavigationRequest() && holdNavigation(page, req.url())) return route.fulfill({ status: 204, body: '' });
    if (url.pathname === new URL(PAGE).pathname) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname.startsWith('/api/')) {
      const body = Buffer.from(JSON.stringify(api(url, req.postData() ?? '')));
      recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: req.postDataBuffer(), contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  return page;
}

test('a list drawn inside open shadow roots (nested ones too) is in the rendered page; a page with none reads as before', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(`<!DOCTYPE html><html><head><title>年报</title></head><body><nav><a href="/">首页</a></nav>
<gk-list></gk-list><p>共2条&nbsp;第1页</p>
<script>
class GkItem extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<a href="/art/' + this.getAttribute('n') + '.html">' + this.getAttribute('t') + '</a>'; }
}
class GkList extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<style>a < b {}</style><ul><li><a href="/art/1.html">${REPORT(2024)}</a></li><li><gk-item n="2" t="${REPORT(2023)}"></gk-item></li></ul>';
  }
}
customElements.define('gk-item', GkItem);
customElements.define('gk-list', GkList);
</script></body></html>`);
  try {
    assert.deepEqual(drawnLinks(await page.content(), PAGE).map((l) => l.text), ['首页'], 'page.content() holds no shadow root');
    const html = await renderedDocument(page);
    assert.deepEqual(
      drawnLinks(html, PAGE).map((l) => [l.text, l.url]),
      [
        ['首页', 'http://gov.test/'],
        [REPORT(2024), 'http://gov.test/art/1.html'],
        [REPORT(2023), 'http://gov.test/art/2.html'],
      ],
    );
    // Raw text stays raw (a style rule with "<"), other text is escaped as the HTML serialiser does.
    assert.match(html, /<style>a < b \{\}<\/style>/);
    assert.match(html, /共2条&nbsp;第1页/);
    await page.setContent('<html><body><a href="/x.html">x</a></body></html>');
    assert.equal(await renderedDocument(page), await page.content());
  } finally {
    await page.close();
  }
});

/** Base64 of the JSON XOR-ed with the key, as the page's own script decodes it. */
function encoded(v: unknown, key: string): string {
  const plain = Buffer.from(JSON.stringify(v), 'utf8');
  return Buffer.from(plain.map((b, i) => b ^ key.charCodeAt(i % key.length))).toString('base64');
}

test('a list whose answers only the page can decode is turned and read as drawn, page after page, to its disabled next control', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const KEY = 'k#2024';
  const pages = [[REPORT(2024), '某市2024年安全生产工作要点'], [REPORT(2023), '某市应急管理局2023年度部门决算'], [REPORT(2022)]];
  const page = await served(
    `<html><body><a href="/zwgk/">政务公开</a><ul id="list"></ul><div id="pager"></div><script>
var K = '${KEY}', cur = 1;
function decode(s) { var b = atob(s), o = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) o[i] = b.charCodeAt(i) ^ K.charCodeAt(i % K.length); return JSON.parse(new TextDecoder().decode(o)); }
function load(p) {
  fetch('/api/list?p=' + p).then(function (r) { return r.json(); }).then(function (res) {
    var d = decode(res.d); cur = p;
    document.getElementById('list').innerHTML = d.rows.map(function (r) { return '<li><a href="' + r.u + '">' + r.t + '</a></li>'; }).join('');
    document.getElementById('pager').innerHTML = '<button id="next"' + (p >= d.pages ? ' disabled' : '') + '>下一页</button>';
    document.getElementById('next').onclick = function () { load(cur + 1); };
  });
}
load(1);
</script></body></html>`,
    (url) => {
      const p = Number(url.searchParams.get('p'));
      return { c: 200, d: encoded({ pages: pages.length, rows: pages[p - 1]!.map((t, i) => ({ t, u: `/art/${p}-${i}.html` })) }, KEY) };
    },
  );
  try {
    const first = drawnLinks(await renderedDocument(page), PAGE).map((l) => l.url);
    const turn = await turnPage(page);
    assert.equal(turn.length, 1);
    const later = await drawnPages(page, PAGE, first, turn);
    assert.deepEqual(
      later.map((links) => links.map((l) => l.text)),
      [pages[1], pages[2]],
    );
    // Three answers asked in all (no fourth: the next control was disabled on the last page).
    assert.equal(exchangesOf(page).length, 3);
  } finally {
    await page.close();
  }
});

test('a hash-paged list whose items open in place gives, for each later page, the files its items open', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const docs = [
    [{ id: '1', title: REPORT(2024), file: '/up/a.pdf' }, { id: '2', title: '某市2024年交通运输统计公报', file: '/up/s.pdf' }],
    [{ id: '3', title: REPORT(2023), file: '/up/b.pdf' }, { id: '4', title: '某市2023年部门预算' }],
  ];
  const all = docs.flat();
  const page = await served(
    `<html><body><ul id="list"></ul><div id="pg"></div><div id="dlg" style="display:none"></div><script>
function pageOf() { var m = /page=(\\d+)/.exec(location.hash); return m ? Number(m[1]) : 1; }
function load() {
  var p = pageOf();
  fetch('/api/list', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: new URLSearchParams({ page: String(p) }).toString() })
    .then(function (r) { return r.json(); }).then(function (res) {
      document.getElementById('list').innerHTML = res.rows.map(function (r) { return '<li data-id="' + r.id + '">' + r.title + '</li>'; }).join('');
      document.getElementById('pg').innerHTML = p < res.pages ? '<span data-p="' + (p + 1) + '">下一页</span>' : '';
    });
}
document.getElementById('pg').onclick = function (e) { var s = e.target.closest('[data-p]'); if (s) location.hash = 'page=' + s.getAttribute('data-p'); };
document.getElementById('list').onclick = function (e) {
  var li = e.target.closest('li'); if (!li) return;
  fetch('/api/detail?id=' + li.getAttribute('data-id')).then(function (r) { return r.json(); }).then(function (d) {
    var dlg = document.getElementById('dlg');
    dlg.innerHTML = '<p>' + d.title + '</p>' + (d.file ? '<a href="' + d.file + '">附件</a>' : '');
    dlg.style.display = 'block';
  });
};
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { document.getElementById('dlg').style.display = 'none'; document.getElementById('dlg').innerHTML = ''; } });
window.addEventListener('hashchange', load);
load();
</script></body></html>`,
    (url, body) => {
      if (url.pathname === '/api/detail') return all.find((d) => d.id === url.searchParams.get('id')) ?? {};
      const p = Number(new URLSearchParams(body).get('page'));
      return { pages: docs.length, rows: docs[p - 1]!.map(({ id, title }) => ({ id, title })) };
    },
  );
  try {
    const turn = await turnPage(page);
    assert.equal(page.url(), `${PAGE}#page=2`);
    const later = await drawnPages(page, PAGE, ['http://gov.test/up/a.pdf'], turn);
    // Page 2: the report's file (report titles are clicked first); the budget opens none.
    assert.deepEqual(later, [[{ text: REPORT(2023), url: 'http://gov.test/up/b.pdf' }]]);
  } finally {
    await page.close();
  }
});
