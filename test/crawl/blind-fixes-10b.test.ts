/**
 * The discovery fixes the tenth round (b) of blind portals called for (docs/blind-portals.md), each on hand-made
 * input: a JSON list behind an anti-XSSI prefix; a header the page's script sets (`X-Site-Id`) kept for the replay;
 * item URLs relative to a root the page's script prepends, learned from the links it drew; report pages that are
 * gone said in the seed's result; and, in Chromium, a pager of numbers only turned by its next number, and a seed page
 * drawn by the host's browser lane whose list asks for nothing until its pager is turned (page 1 from `__NEXT_DATA__`).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { findList, looksLikeJson, readList } from '../../src/crawl/learn/list-shape.ts';
import { recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import { credentialHeaders } from '../../src/crawl/learn/page-param.ts';
import { goneReportPages, SeedTallies } from '../../src/crawl/seed-tally.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const REPORT = (y: number) => `某市住房和城乡建设局${y}年政府信息公开工作年度报告`;

test('a JSON list behind an anti-XSSI prefix ()]}\', while(1);, for(;;);) is read as JSON, whatever its Content-Type', () => {
  const json = JSON.stringify({ success: true, result: { total: 3, rows: [{ infoTitle: REPORT(2024), infoUrl: '/xxgk/nb/90417.html' }, { infoTitle: '某市2025年政务公开工作要点', infoUrl: '/xxgk/nb/90388.html' }] } });
  const api = 'http://gov.test/api/xxgk/list?pageNo=1';
  const page = 'http://gov.test/xxgk/nb/index.html';
  for (const prefix of [")]}',\n", ")]}'\n", 'while(1);', 'for(;;);', ")]}',\r\n"]) {
    assert.equal(looksLikeJson(prefix + json), true, JSON.stringify(prefix));
    const found = findList(prefix + json, api, page);
    assert.deepEqual(found?.items.map((i) => i.url), ['http://gov.test/xxgk/nb/90417.html', 'http://gov.test/xxgk/nb/90388.html'], JSON.stringify(prefix));
    // The replay's answers are read with the learned shape, prefix and all.
    assert.equal(readList(prefix + json, api, page, found!.shape).length, 2);
  }
  // A script or a page that merely starts like one is not JSON.
  assert.equal(looksLikeJson("while(1); <html>"), false);
  assert.equal(looksLikeJson(')]}\' <html>'), false);
});

test('a header the page\'s script sets on its list request (X-Site-Id from a <meta>) is kept for the replay; the browser\'s own are not', () => {
  assert.deepEqual(credentialHeaders({ 'X-Site-Id': 'my-zjj-5107', 'x-requested-with': 'XMLHttpRequest', accept: 'application/json', 'user-agent': 'Mozilla/5.0', referer: 'http://gov.test/' }), { 'x-site-id': 'my-zjj-5107' });
  assert.deepEqual(credentialHeaders({ 'x-tenant-code': 'hb01', authorization: 'Bearer t' }), { 'x-tenant-code': 'hb01', authorization: 'Bearer t' });
  assert.equal(credentialHeaders({ 'x-requested-with': 'XMLHttpRequest', 'sec-fetch-mode': 'cors' }), undefined);
});

test('item URLs relative to a root the page\'s script prepends (window.SITE.root + URL) resolve where the page drew them', () => {
  const page = 'http://gov.test/hbnyt/zfxxgk/gknb/index.shtml';
  const file = 'http://gov.test/hbnyt/zfxxgk/gknb/list.json?t=1';
  const rows = [
    { TITLE: REPORT(2024), URL: 'zfxxgk/gknb/202501/t20250124_1.shtml', DATE: '2025-01-24' },
    { TITLE: '湖北省2025年农业农村工作要点', URL: 'zfxxgk/gknb/202502/t20250221_2.shtml', DATE: '2025-02-21' },
    { TITLE: REPORT(2023), URL: 'zfxxgk/gknb/202401/t20240126_3.shtml', DATE: '2024-01-26' },
    // Not drawn on the page (its page 2 is drawn from the same file): it resolves through the same root.
    { TITLE: REPORT(2022), URL: 'zfxxgk/gknb/202301/t20230130_4.shtml', DATE: '2023-01-30' },
  ];
  const answer = JSON.stringify({ data: rows });
  const drawn = rows.slice(0, 3).map((r) => ({ text: r.TITLE, url: `http://gov.test/hbnyt/${r.URL}` }));
  const found = findList(answer, file, page, drawn);
  const expected = rows.map((r) => `http://gov.test/hbnyt/${r.URL}`);
  assert.deepEqual(found?.items.map((i) => i.url), expected);
  assert.deepEqual(readList(answer, file, page, found!.shape).map((i) => i.url), expected);
  // No drawn link to learn from, or drawn where the page resolves them: relative to the page, as before.
  assert.equal(findList(answer, file, page)?.items[0]?.url, 'http://gov.test/hbnyt/zfxxgk/gknb/zfxxgk/gknb/202501/t20250124_1.shtml');
  const asPage = rows.slice(0, 3).map((r) => ({ text: r.TITLE, url: new URL(r.URL, page).href }));
  const plain = findList(answer, file, page, asPage);
  assert.equal(plain?.shape.kind === 'json' && plain.shape.urlBase, undefined);
  // A root-relative URL drawn under a site folder goes there too.
  const rooted = JSON.stringify({ data: rows.map((r) => ({ ...r, URL: `/${r.URL}` })) });
  assert.equal(findList(rooted, file, page, drawn)?.items[3]?.url, expected[3]);
});

test('report items whose pages are gone are said in the seed\'s result', () => {
  const t = new SeedTallies().of(1, 'http://gov.test/hbnyt/zfxxgk/gknb/index.shtml');
  t.reportItems = 4;
  assert.equal(goneReportPages(t), null);
  t.goneReports.set('http://gov.test/hbnyt/zfxxgk/gknb/zfxxgk/gknb/202501/t20250124_1.shtml', '湖北省农业农村厅2024年政府信息公开工作年度报告');
  t.goneReports.set('http://gov.test/hbnyt/zfxxgk/gknb/zfxxgk/gknb/202401/t20240126_3.shtml', '湖北省农业农村厅2023年政府信息公开工作年度报告');
  assert.equal(goneReportPages(t), "2 of its 4 report items' pages are gone (http://gov.test/hbnyt/zfxxgk/gknb/zfxxgk/gknb/202501/t20250124_1.shtml, …): not catalogued");
});

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

const AGENCY = '某区人民政府';
const rows = [
  [{ id: 11, title: `${AGENCY}2024年政府信息公开工作年度报告` }, { id: 12, title: '某区2025年政务公开工作要点' }],
  [{ id: 21, title: `${AGENCY}2023年政府信息公开工作年度报告` }, { id: 22, title: '某区2023年度部门决算公开' }],
];
// A client-only list: page 1 is data in __NEXT_DATA__ (no request on load), page 2 fetched when 下一页 is clicked.
const shell = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年度报告_${AGENCY}</title></head><body>
<div id="__next"></div>
<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { pageProps: { list: rows[0], page: 1 } }, buildId: 'b1' })}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('__NEXT_DATA__').textContent), state = data.props.pageProps;
  function draw() {
    var root = document.getElementById('__next');
    root.innerHTML = '<ul>' + state.list.map(function (x) { return '<li><a href="/nb/' + x.id + '">' + x.title + '</a></li>'; }).join('') + '</ul>' +
      '<button type="button" class="next"' + (state.page >= 2 ? ' disabled' : '') + '>下一页</button>';
    root.querySelector('.next').onclick = function () {
      fetch('/_next/data/' + data.buildId + '/nb.json?page=' + (state.page + 1)).then(function (r) { return r.json(); }).then(function (res) { state = res.pageProps; draw(); });
    };
  }
  draw();
})();
</script></body></html>`;

const article = (title: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;

test('a seed page the browser lane draws, whose list asks for nothing until its pager is turned, is learned from: every page read', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/nb') return send(res, 'text/html; charset=utf-8', shell);
    if (u.pathname === '/_next/data/b1/nb.json') {
      const n = Number(u.searchParams.get('page') ?? '1');
      return rows[n - 1] ? send(res, 'application/json', JSON.stringify({ pageProps: { list: rows[n - 1], page: n } })) : send(res, 'application/json', '{"notFound":true}', 404);
    }
    const hit = rows.flat().find((r) => u.pathname === `/nb/${r.id}`);
    if (hit) return send(res, 'text/html; charset=utf-8', article(hit.title));
    return send(res, 'text/html; charset=utf-8', 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/nb\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      // Years outside the run (none asked): the report pages are not fetched (each would be drawn in the browser), the
      // report items still counted; the list's two pages are what is checked.
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl', years: () => false });
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.reportItems, 2, JSON.stringify(seed));
      assert.equal(seed!.usedLearned, true, JSON.stringify(seed));
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});

const browser = fileBrowser();

/** Serves `html` as the list page and a list API of `total` pages (one report each), its answers recorded. */
async function servePager(page: Page, html: string, total: number): Promise<void> {
  await page.route('**/*', async (route) => {
    const req = route.request();
    const u = new URL(req.url());
    if (u.pathname === '/xxgk/nb/index.html') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (u.pathname === '/api/list') {
      const n = Number(u.searchParams.get('pageNo'));
      const body = Buffer.from(JSON.stringify({ total, rows: [{ title: REPORT(2025 - n), url: `/xxgk/nb/${n}.html` }] }));
      recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto('http://gov.test/xxgk/nb/index.html');
  await page.waitForLoadState('networkidle');
}

test('a pager of numbers only (<span data-p>, the current one marked "on") is turned by the number after the current one', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await browser()!.newPage();
  const html = `<html><body><ul id="list"></ul><div class="pager" id="pager"></div><p>发布日期 <b>2</b> 天前</p><script>
function load(p) {
  fetch('/api/list?pageNo=' + p).then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
    var h = '<span class="sum">共' + res.total + '条</span>';
    for (var k = 1; k <= 2; k++) h += '<span class="pg' + (k === p ? ' on' : '') + '" data-p="' + k + '">' + k + '</span>';
    var box = document.getElementById('pager');
    box.innerHTML = h;
    Array.prototype.forEach.call(box.querySelectorAll('.pg'), function (el) { el.onclick = function () { load(Number(el.getAttribute('data-p'))); }; });
  });
}
load(1);
</script></body></html>`;
  try {
    await servePager(page, html, 2);
    const second = await turnPage(page);
    assert.deepEqual(second.map((x) => new URL(x.url).search), ['?pageNo=2']);
    // On the last page the current number has none after it (the "2" elsewhere on the page is no pager): no turn.
    assert.deepEqual(await turnPage(page), []);
  } finally {
    await page.close();
  }
});

test('a pager of numbers only whose current page is told by an inline colour alone, a <span> among links, is turned too', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await browser()!.newPage();
  const html = `<html><body><ul id="list"></ul><div class="pager" id="pager"></div><script>
function load(p) {
  fetch('/api/list?pageNo=' + p).then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
    var h = '';
    for (var k = 1; k <= 3; k++) h += k === p ? '<span style="color:#c00;font-weight:bold">' + k + '</span>' : '<a href="javascript:load(' + k + ')">' + k + '</a>';
    document.getElementById('pager').innerHTML = h;
  });
}
load(1);
</script></body></html>`;
  try {
    await servePager(page, html, 3);
    assert.deepEqual((await turnPage(page)).map((x) => new URL(x.url).search), ['?pageNo=2']);
    assert.deepEqual((await turnPage(page)).map((x) => new URL(x.url).search), ['?pageNo=3']);
    assert.deepEqual(await turnPage(page), []);
  } finally {
    await page.close();
  }
});
