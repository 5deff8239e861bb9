/**
 * Round 49's fixes, each at its cause (docs/blind-portals.md, round 49); the blind portals themselves (yuxian, huantai,
 * dianjiang, taixing) are crawled whole by the blind parts.
 * - A cloud WAF's cookie check answered as a 200 page that sets its cookie and reloads at once (taixing): a redirect.
 * - A report page's breadcrumb naming its unit's own 年报 column (dianjiang): that column is found.
 * - A year menu's option that is the year's PDF itself (yuxian): an item titled by the menu's caption, not a column;
 *   a page asked as a column that answers a document otherwise is said of the seed (it was dropped without a word).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { cookieCheckTarget } from '../../src/download/cookie-check.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { crumbBox } from '../../src/crawl/crumb-agency.ts';
import { crumbColumn, crumbLinks } from '../../src/crawl/crumb-column.ts';
import { yearMenuFiles } from '../../src/crawl/families/jump-menu.ts';
import { yearColumnLinks } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { crawlAsUser } from './blind-crawl.ts';

const fetcherOf = (host: string) => new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0, backoffBaseMs: 20, maxRetries: 1 }, new Scope([host]));
const stub = (url: string) => `<html><head><meta http-equiv="refresh" content="0; url='${url}'"></head><body></body></html>`;

test("a WAF's cookie check answered as a page that sets its cookie and reloads is passed: the page is read with the cookie", async () => {
  const site = await startServer((req, res) => {
    if (/wzcc_vt=ok/.test(req.headers.cookie ?? '')) return send(res, 200, 'text/html', '<html><body>年报列表</body></html>');
    send(res, 200, 'text/html', stub(req.url ?? '/'), { 'set-cookie': 'wzcc_vt=ok; path=/' });
  });
  const page = await fetcherOf(site.host).request({ url: `${site.origin}/zwgk/xxgknb/`, purpose: 'page' }, async (res) => ({
    text: (await readBody(res.body, 1 << 20, res.url)).toString('utf8'),
    cookies: res.hopCookies?.map((c) => c.setCookie),
  }));
  assert.match(page.text, /年报列表/);
  // Handed to the session jar, so the host's next pages carry it from the start.
  assert.deepEqual(page.cookies, ['wzcc_vt=ok; path=/']);
  assert.equal(site.hits.length, 2);
});

test('a check that answers its stub again with the cookie is a redirect loop, never read as the page', async () => {
  const site = await startServer((req, res) => send(res, 200, 'text/html', stub(req.url ?? '/'), { 'set-cookie': 'wzcc_vt=again; path=/' }));
  await assert.rejects(
    fetcherOf(site.host).request({ url: `${site.origin}/zwgk/xxgknb/`, purpose: 'page' }, async () => 'read'),
    (err: unknown) => err instanceof FetchError && err.kind === 'redirect_loop',
  );
});

test('only a stub is a cookie check: a page of its own, a slow refresh, another host or no refresh are pages', () => {
  const url = 'http://www.gov.test/zwgk/xxgknb/';
  assert.equal(cookieCheckTarget(Buffer.from(stub('/zwgk/xxgknb/')), url), url);
  assert.equal(cookieCheckTarget(Buffer.from('<meta content="1;URL=list_23_1.html" http-equiv="Refresh">'), url), 'http://www.gov.test/zwgk/xxgknb/list_23_1.html');
  assert.equal(cookieCheckTarget(Buffer.from(stub('/x/').replace('0;', '30;')), url), null);
  assert.equal(cookieCheckTarget(Buffer.from(stub('http://elsewhere.test/')), url), null);
  assert.equal(cookieCheckTarget(Buffer.from('<html><body>短页</body></html>'), url), null);
  assert.equal(cookieCheckTarget(Buffer.from(stub('/x/') + ' '.repeat(5000)), url), null);
});

test("a report page's breadcrumb names its unit's own annual-report column; a trail of menus only names none", () => {
  const page = (crumbs: string) => loadHtml(`<html><body><div class="position">当前位置：${crumbs}</div><div class="content">正文</div></body></html>`);
  const base = 'http://www.dj.test/bmjz/bm/xjw/zwgk_2841/zfxxgknb/202501/t20250120_1.html';
  const unit = page('<a href="../../../../../">首页</a> &gt; <a href="../../">政务公开</a> &gt; <a href="../">政府信息公开年报</a>');
  assert.equal(crumbColumn(crumbLinks(unit, crumbBox(unit), base)), 'http://www.dj.test/bmjz/bm/xjw/zwgk_2841/zfxxgknb/');
  const menus = page('<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a>');
  assert.equal(crumbColumn(crumbLinks(menus, crumbBox(menus), base)), null);
  const away = page('<a href="http://other.test/zfxxgknb/">政府信息公开年报</a>');
  assert.equal(crumbColumn(crumbLinks(away, crumbBox(away), base)), null);
});

test("a year menu's option that is the year's file is an item titled by the menu's caption, not a year's column", () => {
  const html = `<html><body><h2>政府信息公开年报</h2>
<label for="nbYear">蔚县人民政府政府信息公开工作年度报告：</label>
<select id="nbYear" onchange="window.open(this.options[this.selectedIndex].value)">
<option value="">--请选择年度--</option><option value="/zwgk/nb/202501/t20250120_1.html">2024年度</option>
<option value="/zwgk/nb/202401/t20240118_2.html">2023年度</option><option value="/zwgk/nb/202203/P0202203.pdf">2021年度</option></select>
<label for="bb">政府网站工作年度报表：</label>
<select id="bb" onchange="window.open(this.value)"><option value="">--请选择年度--</option><option value="/zwgk/bb/2024.pdf">2024年度</option><option value="/zwgk/bb/2023.pdf">2023年度</option></select>
</body></html>`;
  const pageUrl = 'http://www.yx.test/zwgk/nb/index.html';
  assert.deepEqual(yearMenuFiles(loadHtml(html), pageUrl, (t) => /^\d{4}年度$/.test(t)), [
    { title: '蔚县人民政府政府信息公开工作年度报告（2021年度）', url: 'http://www.yx.test/zwgk/nb/202203/P0202203.pdf', date: null, isFile: true },
  ]);
  const columns = yearColumnLinks(html, pageUrl);
  assert.ok(columns.includes('http://www.yx.test/zwgk/nb/202501/t20250120_1.html'));
  assert.ok(!columns.some((u) => u.endsWith('.pdf')), columns.join(' '));
});

/** A 年报 page of column links: 2024年 a column listing its report, 往年年报 (a link naming no year) a PDF. (A year's
 * link answering its PDF is read as that year's report since round 50: blind-fixes-50.) */
function yearLinksPortal(): BlindPortal {
  const site = '蔚县人民政府';
  const art = '/zwgk/nb/2024/202501/t20250120_1.html';
  const menu = '<ul class="years"><li><a href="/zwgk/nb/2024/">2024年</a></li><li><a href="/zwgk/nb/old/">往年年报</a></li></ul>';
  return {
    id: 'year-links-document',
    pattern: "a year's column link answering the year's PDF",
    agency: { name: site, division: '130726', level: 'county', province: '河北省', city: '张家口市', county: '蔚县' },
    seedPath: '/zwgk/nb/index.html',
    expected: [{ agency: site, year: 2024 }],
    routes: {
      'GET /zwgk/nb/index.html': { body: page(site, '政府信息公开年报', `<h2>政府信息公开年报</h2>${menu}`) },
      'GET /zwgk/nb/2024/': { body: page(site, '政府信息公开年报', `${menu}<ul class="list"><li><a href="${art}">${site}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul>`) },
      [`GET ${art}`]: { body: detail(site, { title: `${site}2024年政府信息公开工作年度报告`, publisher: site, date: '2025-01-20', body: reportText(site, '2024年') }) },
      'GET /zwgk/nb/old/': { type: 'application/pdf', body: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1') },
    },
  };
}

test('a page asked as a column that answers a document is said of the seed, never dropped without a word', async () => {
  const run = await crawlAsUser([yearLinksPortal()]);
  try {
    assert.deepEqual(run.found.get('year-links-document'), ['蔚县人民政府 2024']);
    const seed = run.seeds.find((x) => x.url.startsWith(run.portal.urls['year-links-document']!))!;
    assert.deepEqual(seed.flags, ['short'], JSON.stringify(seed));
    assert.match(seed.last.reason ?? '', /answered a document/);
  } finally {
    await run.portal.close();
  }
});
