/**
 * Round 58's changes (docs/blind-portals.md, round 58); the blind portals themselves are crawled whole by the blind
 * parts. A 您即将离开本站 page between a list and each article (the warning was catalogued as the report, a
 * department's report filed as the government's, silently); a list answer keyed "0", "1"… by PHP (nothing read); a
 * Hanweb column whose own script asks the dataproxy by POST windows (paged by GET along `<nextgroup>`: 404s, the
 * seed `short`); a site's Atom feed drawn by an `<?xml-stylesheet?>`, its links relative to `xml:base` (no feed
 * seen: `empty`); header lines ended by LF alone (every request failed).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { parseHanwebList } from '../../src/crawl/families/hanweb.ts';
import { feedAsList } from '../../src/crawl/feed-list.ts';
import { findJsonList, parseJsonAnswer } from '../../src/crawl/learn/list-shape.ts';
import { redirectStubTarget } from '../../src/crawl/redirect-stub.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('a page warning that a link leaves the site leads on through its 继续访问 link, on the same host only', () => {
  const leave = (href: string) =>
    `<html><body><div class="leave"><h2>您即将离开本站</h2><p>即将访问：${href}</p><p><a class="go" href="${href}">继续访问</a>　<a href="javascript:history.back();">返回</a></p></div><ul class="nav"><li><a href="/">首页</a></li></ul></body></html>`;
  const at = 'http://gov.test/xjyn/common/leave.jsp?url=%2Fxjyn%2Fgkpt%2Fa.shtml';
  assert.equal(redirectStubTarget(leave('/xjyn/gkpt/a.shtml'), at), 'http://gov.test/xjyn/gkpt/a.shtml');
  // Another host's page is the site's to leave for: not this page's target.
  assert.equal(redirectStubTarget(leave('http://other.test/a.shtml'), at), null);
  // A page merely saying 访问 somewhere, with no 继续 link, is no warning page.
  assert.equal(redirectStubTarget('<html><body><p>欢迎访问本站</p><a href="/a.html">政府信息公开年报</a></body></html>', at), null);
});

function leavePortal(): BlindPortal {
  const site = '伊宁市人民政府';
  const items = [
    { path: '/gkpt/202501/a.shtml', title: '2024年度政府信息公开工作年度报告', agency: site },
    { path: '/gkpt/202501/b.shtml', title: '2024年度政府信息公开工作年度报告', agency: '伊宁市教育局' },
    { path: '/gkpt/202401/c.shtml', title: '2023年度政府信息公开工作年度报告', agency: site },
  ];
  const card = (it: (typeof items)[number]) =>
    `<article class="news-card"><h3><a href="/common/leave.jsp?url=${encodeURIComponent(it.path)}">${it.title}</a></h3><footer><span>${it.agency}</span></footer></article>`;
  const routes: BlindPortal['routes'] = {
    'GET /c113462/list.shtml': { body: page(site, '政府信息公开年报', items.map(card).join('\n')) },
    'GET /common/leave.jsp': (req) => {
      const to = req.url.searchParams.get('url') ?? '';
      return { body: page(site, '您即将离开本站', `<h2>您即将离开本站</h2><p>您即将访问的页面内容由信息发布单位负责。</p><p><a href="${to}">继续访问</a> <a href="javascript:history.back();">返回</a></p>`) };
    },
  };
  for (const it of items) {
    const year = Number(/(\d{4})/.exec(it.title)![1]);
    routes[`GET ${it.path}`] = { body: detail(site, { title: it.title, publisher: it.agency, date: `${year + 1}-01-20`, body: reportText(it.agency, `${year}年度`) }) };
  }
  return {
    id: 'leave-page',
    pattern: 'every article behind a same-host 您即将离开本站 page',
    agency: { name: site, division: '654002', level: 'county', province: '新疆维吾尔自治区', city: '伊犁哈萨克自治州', county: '伊宁市' },
    seedPath: '/c113462/list.shtml',
    expected: [
      { agency: site, year: 2023 },
      { agency: site, year: 2024 },
      { agency: '伊宁市教育局', year: 2024 },
    ],
    reportPaths: items.map((i) => i.path).sort(),
    routes,
  };
}

test('articles behind a 您即将离开本站 page are read at their own addresses, each under its own agency', { timeout: 300_000 }, async () => {
  const portal = leavePortal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), ['伊宁市人民政府 2023', '伊宁市人民政府 2024', '伊宁市教育局 2024']);
    assert.deepEqual(run.reportPaths.get(portal.id), portal.reportPaths);
  } finally {
    await run.portal.close();
  }
});

test('a list answer keyed "0", "1"… (PHP, a row removed after paging) is read as its array, as the plain array of the next page', () => {
  const row = (id: number, title: string) => ({ id, title, create_time: 1737331200 + id, jump_url: '' });
  const page1 = `\uFEFF${JSON.stringify({ code: 1, data: { total: 5, data: { 0: row(101, '于都县自然资源局2024年政府信息公开工作年度报告'), 1: row(102, '于都县2025年政务公开工作要点'), 3: row(104, '于都县自然资源局2023年政府信息公开工作年度报告') } } })}`;
  const page2 = JSON.stringify({ code: 1, data: { total: 5, data: [row(105, '于都县自然资源局2022年政府信息公开工作年度报告')] } });
  const one = parseJsonAnswer(page1, 'http://gov.test/api?page=1') as { data: { data: unknown } };
  assert.ok(Array.isArray(one.data.data));
  const two = parseJsonAnswer(page2, 'http://gov.test/api?page=2') as { data: { data: unknown } };
  assert.ok(Array.isArray(two.data.data));
  // A map of counts by year is no list: left as it is.
  assert.deepEqual(parseJsonAnswer('{"years":{"2023":5,"2024":7}}', 'http://gov.test/x'), { years: { 2023: 5, 2024: 7 } });
  // Drawn links teach the template; the keyed page's items are read.
  const base = 'http://gov.test/index.php/index/category/index/id/45.html';
  const drawn = [101, 102, 104].map((id, i) => ({ text: ['于都县自然资源局2024年政府信息公开工作年度报告', '于都县2025年政务公开工作要点', '于都县自然资源局2023年政府信息公开工作年度报告'][i]!, url: `http://gov.test/index.php/index/article/detail/id/${id}.html` }));
  assert.deepEqual(findJsonList(one as never, base, drawn)?.items.map((i) => i.url), drawn.map((d) => d.url));
});

test("a Hanweb column whose own script asks the dataproxy by POST windows is paged so, not by GET along <nextgroup>", () => {
  const island = `<div id="4772154"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3214&path=/&columnid=1229503127&unitid=4772154&permissiontype=0"></a>]]></nextgroup><recordset>${[1, 2, 3, 4, 5]
    .map((i) => `<record><![CDATA[<li><a href="/art/2025/1/2${i}/art_1229503127_${i}.html">开化县202${i}年政府信息公开工作年度报告</a></li>]]></record>`)
    .join('')}</recordset></datastore></script></div>`;
  const script = `<script>var cfg = { totalRecord: 14, perPage: 5, groupSize: 2, proxyUrl: '/module/web/jpage/dataproxy.jsp' };
function more(start, end){ var x = new XMLHttpRequest(); x.open('POST', cfg.proxyUrl + '?startrecord=' + start + '&endrecord=' + end + '&perpage=' + cfg.perPage, true); x.send('columnid=1229503127&unitid=4772154'); }</script>`;
  const html = `<html><body>${island}${script}</body></html>`;
  const result = parseHanwebList({ url: 'http://gov.test/col/col1229503127/index.html', loadedUrl: 'http://gov.test/col/col1229503127/index.html', status: 200, body: html }, undefined);
  assert.equal(result.items.length, 5);
  assert.equal(result.next.length, 1);
  assert.equal(result.next[0]!.method, 'POST');
  assert.match(result.next[0]!.url, /dataproxy\.jsp\?startrecord=6&endrecord=/);
});

test("a site's Atom feed under an <?xml-stylesheet?> is a feed; its links are read against xml:base", () => {
  const feed = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/feed/atom.xsl"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://gov.test/" xml:lang="zh-CN">
<title>望奎县人民政府全站更新</title><link rel="alternate" href="index.jhtml"/><id>tag:gov.test,2025:feed</id>
<entry><title>望奎县人民政府2024年政府信息公开工作年度报告</title><link rel="alternate" href="xxgk/ndbg/4412.jhtml"/><id>tag:gov.test,2025:4412</id><published>2025-01-20T09:00:00+08:00</published></entry>
<entry xml:base="http://gov.test/news/"><title>我县召开春耕生产会议</title><link href="5120.jhtml"/><id>tag:gov.test,2025:5120</id><updated>2025-03-01T09:00:00+08:00</updated></entry>
</feed>`;
  const list = feedAsList(feed, 'http://gov.test/feed/atom.xml');
  assert.ok(list);
  assert.match(list.html, /href="http:\/\/gov\.test\/xxgk\/ndbg\/4412\.jhtml">望奎县人民政府2024年/);
  assert.match(list.html, /href="http:\/\/gov\.test\/news\/5120\.jhtml"/);
  assert.equal(list.channel, 'http://gov.test/index.jhtml');
});

test('an answer whose header lines end in LF alone (an old load balancer) is read, as browsers read it', async () => {
  const server = net.createServer((s) =>
    s.once('data', () => s.end('HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Via: lb1\nX-Cache: MISS\r\n\r\n<html><body>年报</body></html>')),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const f = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0, maxRetries: 0 }, new Scope([host]));
    const text = await f.request({ url: `http://${host}/list.html`, purpose: 'page' }, async (res) => (await readBody(res.body, 1 << 20, res.url)).toString('utf8'));
    assert.match(text, /年报/);
  } finally {
    server.close();
  }
});
