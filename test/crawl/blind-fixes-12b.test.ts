/**
 * Round 12b of the blind portals, on hand-made pages: a small page of the site's own whose script reads a cookie (an
 * XSRF token for its list request) and sends phones elsewhere is no anti-bot challenge; and, in Chromium, a pager
 * turn whose answer holds ids only, each item's title then asked by a request of its own, is waited for until the
 * page has drawn the new page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { isChallenge } from '../../src/crawl/families/detect.ts';
import { desktopTwinLinks } from '../../src/crawl/families/device-redirect.ts';
import { drawnLinks } from '../../src/crawl/learn/learn.ts';
import { recordExchange, turnPage } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/zrzyj/xxgk/gknb/index.html';
const REPORT = (y: number) => `某市自然资源和规划局${y}年政府信息公开工作年度报告`;
const visit = (body: string, status = 200) => ({ url: PAGE, loadedUrl: PAGE, status, body });

test('a small page of the site with chrome, whose script reads an XSRF cookie and sends phones to /wap/, is no challenge', () => {
  const nav = ['首页', '要闻动态', '政府信息公开', '互动交流', '政务服务', '无障碍', '手机版'].map((t, i) => `<a href="/c${i}/">${t}</a>`).join('');
  const own = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_某县人民政府</title>
<script>if (/Android|iPhone|Mobile/i.test(navigator.userAgent)) { location.replace('/wap/gknb.html'); }</script></head>
<body><div class="nav">${nav}</div><div class="crumbs">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<table id="tb"><tbody></tbody></table><div id="pg"></div>
<script>
function cookie(n) { var m = document.cookie.match(new RegExp('(?:^|; )' + n + '=([^;]*)')); return m ? decodeURIComponent(m[1]) : ''; }
fetch('/api/article/page', { method: 'POST', headers: { 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') }, body: '{"current":1}' });
</script>
<div class="foot"><p>主办单位：某县人民政府办公室　联系电话：0000-1234567</p></div></body></html>`;
  assert.ok(own.length < 4096);
  assert.equal(isChallenge(visit(own)), false);
  // The challenges themselves still are: a script-only page that sets a cookie and reloads, a 412.
  assert.equal(isChallenge(visit('<html><head><script>document.cookie="c=1; path=/";location.reload()</script></head><body></body></html>')), true);
  assert.equal(isChallenge(visit(`<html><head><meta content="x9"><script>document.cookie='g='+1;location.replace(location.href)</script></head><body><p>正在检测浏览器环境…</p></body></html>`)), true);
  assert.equal(isChallenge(visit(own, 412)), true);
});

// In Chromium: the page served from memory, its data requests recorded as the browser lane records them.
const browser = fileBrowser();

const TITLES = [REPORT(2024), '某市2024年度自然资源统计公报', REPORT(2023), '某市2023年部门预算', REPORT(2022), '关于做好2022年度政府信息公开工作年度报告编制工作的通知'];

/** A list service answering ids only; each item's title answered later (`slow` ms), as a busy detail service does. */
async function served(html: string, slow: number): Promise<Page> {
  const page = await browser()!.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    let answer: unknown;
    if (url.pathname === new URL(PAGE).pathname) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.pathname === '/api/ids') {
      const p = Number(url.searchParams.get('page'));
      answer = { total: TITLES.length, ids: [0, 1].map((i) => ({ id: String(100 + (p - 1) * 2 + i), year: 2025 })) };
    } else if (url.pathname.startsWith('/api/info/')) {
      const n = Number(url.pathname.split('/').pop()) - 100;
      await new Promise((r) => setTimeout(r, slow));
      answer = { data: { title: TITLES[n], url: `/art/${100 + n}.html` } };
    } else return route.fulfill({ status: 404, body: '' });
    const body = Buffer.from(JSON.stringify(answer));
    recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.goto(PAGE);
  await page.waitForLoadState('networkidle');
  return page;
}

test('a pager turn whose answer gives ids only waits for each item title the page then asks, and sees the new page drawn', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><a href="/zwgk/">政务公开</a><ul id="list"></ul><div id="pager"></div><script>
var cur = 1;
function get(u) { return fetch(u).then(function (r) { return r.json(); }); }
function load(p) {
  get('/api/ids?page=' + p).then(function (res) {
    return Promise.all(res.ids.map(function (o) { return get('/api/info/' + o.id); })).then(function (infos) {
      cur = p;
      document.getElementById('list').innerHTML = infos.map(function (x) { return '<li><a href="' + x.data.url + '">' + x.data.title + '</a></li>'; }).join('');
      document.getElementById('pager').innerHTML = '<span>共' + res.total + '条 第' + p + '/3页</span>' + (p < 3 ? '<a href="javascript:;" id="next">下一页</a>' : '');
    });
  });
}
document.getElementById('pager').addEventListener('click', function (e) { if (e.target.id === 'next') load(cur + 1); });
load(1);
</script></body></html>`,
    400,
  );
  try {
    const turn = await turnPage(page);
    assert.deepEqual(
      turn.map((x) => new URL(x.url).pathname),
      ['/api/ids', '/api/info/102', '/api/info/103'],
    );
    const links = drawnLinks(await renderedDocument(page), PAGE).map((l) => l.text);
    assert.deepEqual(links.slice(1), TITLES.slice(2, 4), 'page 2 drawn when the turn returns');
  } finally {
    await page.close();
  }
});

test('a mobile page whose script sends desktop browsers to the desktop column names it; a desktop page sending phones to /wap/ does not', () => {
  const WAP = 'http://gov.test/wap/gknb.html';
  const items = `<ul><li><a href="/wap/art/1.html">${REPORT(2024)}</a></li><li><a href="/wap/art/2.html">某县2025年政务公开工作要点</a></li></ul>`;
  const mobile = (head: string) => `<html><head><title>年报_手机版</title>${head}</head><body>${items}<a href="/gknb/?pc=1">电脑版</a></body></html>`;
  assert.deepEqual(desktopTwinLinks(mobile(`<script>if (!/Android|iPhone|iPod|Mobile/i.test(navigator.userAgent)) { location.replace('/zfxxgk/gknb/index.html'); }</script>`), WAP), [
    'http://gov.test/zfxxgk/gknb/index.html',
  ]);
  // The check in a helper of an earlier script, the address in a short timer; relative to the page.
  assert.deepEqual(
    desktopTwinLinks(
      mobile(`<script>var browser = { mobile: function () { return /Mobile|Android/.test(navigator.userAgent); } };</script>
<script>if (!browser.mobile()) setTimeout(function () { window.location.href = '../gknb/list.html#top'; }, 0);</script>`),
      WAP,
    ),
    ['http://gov.test/gknb/list.html'],
  );
  // A desktop page sending phones away, a page leaving whatever the device, a page reloading itself, another host.
  assert.deepEqual(desktopTwinLinks(mobile(`<script>if (/Android|iPhone|Mobile/i.test(navigator.userAgent)) location.replace('/wap/gknb.html');</script>`), 'http://gov.test/gknb/index.html'), []);
  assert.deepEqual(desktopTwinLinks(mobile(`<script>location.href = '/other/';</script><script>var ua = navigator.userAgent;</script>`), WAP), []);
  assert.deepEqual(desktopTwinLinks(mobile(`<script>if (!/Mobile/.test(navigator.userAgent)) location.replace(location.href);</script>`), WAP), []);
  assert.deepEqual(desktopTwinLinks(mobile(`<script>if (!/Mobile/.test(navigator.userAgent)) location.replace('http://www.other.test/gknb/');</script>`), WAP), []);
  assert.deepEqual(desktopTwinLinks(items, WAP), []);
});
