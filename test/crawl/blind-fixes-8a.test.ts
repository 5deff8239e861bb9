/**
 * The discovery fixes the eighth round (a) of blind portals called for (docs/blind-portals.md), each on its own
 * small page so a regression names its cause; the last through a crawl of a tiny site.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { resolveLink } from '../../src/download/scope.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { parseListItems, unreadScriptReportLinks } from '../../src/crawl/list-page.ts';
import { withScriptLinks } from '../../src/crawl/script-links.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const page = (body: string, title: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const url = 'http://a.gov.cn/xxgk/nb/index.html';

function read(html: string, at = url) {
  const result = withGenericPaging({ items: parseListItems(html, at), next: [] }, html, at);
  return { next: result.next, items: result.items };
}

test('a box\'s "更多>>" under a caption naming the annual reports leads to its full list; under another caption it does not', () => {
  const box = (caption: string) =>
    `<div class="box"><div class="box-tit"><span>${caption}</span><a class="more" href="bm/list.html">更多&gt;&gt;</a></div>
<ul><li><a href="/art/1.html">某市民政局2024年政府信息公开工作年度报告</a></li><li><a href="/art/2.html">某市民政局2024年度部门决算</a></li></ul></div>`;
  assert.deepEqual(read(page(box('部门年报'), '政府信息公开年报')).next.map((n) => n.url), ['http://a.gov.cn/xxgk/nb/bm/list.html']);
  assert.deepEqual(read(page(`<h3>政府信息公开年报 <a href="more.html">更多</a></h3><ul><li><a href="/art/3.html">2025年工作要点</a></li></ul>`, '首页')).next.map((n) => n.url), [
    'http://a.gov.cn/xxgk/nb/more.html',
  ]);
  assert.deepEqual(read(page(box('通知公告'), '政府信息公开年报')).next, []);
});

test('a list grouped under year headings gives its yearless report titles the year above them; its traps stay traps', () => {
  const h3 = page(
    `<DIV CLASS=lm>政府信息公开年报</DIV><H3>2024年</H3><UL><LI><A HREF=nb2024_1.htm>政府信息公开工作年度报告</A></LI><LI><A HREF=nb2024_2.htm>政务公开工作要点</A></LI></UL>
<H3>2023年</H3><UL><LI><A HREF=nb2023_1.htm>政府信息公开年度报告</A></LI><LI><A HREF=nb2023_2.htm>关于做好政府信息公开工作年度报告编制工作的通知</A></LI></UL>`,
    '政府信息公开年报',
  );
  const r = read(h3);
  const titles = r.items.map((i) => [i.title, classifyTitle(i.title).isReport]);
  assert.deepEqual(titles, [
    ['政府信息公开工作年度报告（2024年度）', true],
    ['政务公开工作要点', false],
    ['政府信息公开年度报告（2023年度）', true],
    ['关于做好政府信息公开工作年度报告编制工作的通知', false],
  ]);
  // The yearless report links are items, not menu links to a 年度报告 column.
  assert.deepEqual(r.next, []);
  // <dl><dt>2022</dt><dd>…</dd>, and a table row of one cell above its rows.
  const dl = read(page('<dl><dt>2022</dt><dd><a href="a.html">政府信息公开工作年度报告</a></dd><dt>2021</dt><dd><a href="b.html">政府信息公开工作年度报告</a></dd></dl>', '年报'));
  assert.deepEqual(dl.items.map((i) => i.title), ['政府信息公开工作年度报告（2022年度）', '政府信息公开工作年度报告（2021年度）']);
  const table = read(
    page(
      '<table><tr><td colspan="2">2023年度</td></tr><tr><td><a href="c.html">政府信息公开工作年度报告</a></td><td>2024-01-20</td></tr><tr><td colspan="2">2022年度</td></tr><tr><td><a href="d.html">政府信息公开工作年度报告</a></td><td>2023-01-20</td></tr></table>',
      '年报',
    ),
  );
  assert.deepEqual(table.items.map((i) => i.title), ['政府信息公开工作年度报告（2023年度）', '政府信息公开工作年度报告（2022年度）']);
  // A heading that is not a year closes the group: the link under it gets no year.
  const closed = read(
    page('<h3>2024年</h3><ul><li><a href="e.html">政府信息公开工作年度报告</a></li></ul><h3>2023年</h3><ul><li><a href="g.html">政府信息公开工作年度报告</a></li></ul><h3>相关链接</h3><ul><li><a href="f.html">政府信息公开工作年度报告</a></li></ul>', '首页'),
  );
  assert.deepEqual(closed.items.map((i) => [i.title, i.url.slice(-6)]), [
    ['政府信息公开工作年度报告（2024年度）', 'e.html'],
    ['政府信息公开工作年度报告（2023年度）', 'g.html'],
    ['政府信息公开工作年度报告', 'f.html'],
  ]);
});

test('a POST form pager (hidden pageNo submitted by turnPage(n)) pages by that POST, never a GET; its last page has none', () => {
  const list = (n: number) =>
    page(
      `<ul><li><a href="/c/1.html">某区人民政府2024年政府信息公开工作年度报告</a></li></ul>
<form id="pageForm" method="post" action="/xxgk/nb/zfnb/list.html"><input type="hidden" name="columnId" value="1207"><input type="hidden" name="pageNo" value="${n}"></form>
<div class="pager">共2页 ${n === 1 ? '<span class="cur">1</span> <a href="javascript:void(0)" onclick="turnPage(2)">2</a> <a href="javascript:void(0)" onclick="turnPage(2)">下一页</a>' : '<a href="javascript:void(0)" onclick="turnPage(1)">1</a> <span class="cur">2</span>'}</div>
<script>function turnPage(n) { var f = document.getElementById('pageForm'); f.pageNo.value = n; f.submit(); }</script>`,
      '政府年报',
    );
  const at = 'http://a.gov.cn/xxgk/nb/zfnb/list.html';
  const next = read(list(1), at).next;
  assert.equal(next.length, 1);
  assert.deepEqual([next[0]!.url, next[0]!.method, next[0]!.payload], [at, 'POST', 'columnId=1207&pageNo=2']);
  assert.deepEqual(read(list(2), at).next, []);
  // A pager announcing more pages with no control any reader follows (a form without its page field) is a dead end, said.
  const dead = list(1).replace('<input type="hidden" name="pageNo" value="1">', '');
  const r = withGenericPaging({ items: parseListItems(dead, at), next: [] }, dead, at);
  assert.deepEqual([r.next, r.deadEnd], [[], 'its pager announces 2 pages and no way to page 2 could be read']);
  assert.equal(withGenericPaging({ items: [], next: [] }, list(1), at).deadEnd, undefined);
  assert.equal(withGenericPaging({ items: [], next: [] }, list(2), at).deadEnd, undefined);
});

test("links calling a site function go where it opens: javascript:openArticle('id') with the function in the site's own script", () => {
  const site = `var ctx = "/sxscjg";
function openArticle(id) { window.open(ctx + "/info/detail.jsp?infoid=" + id); }
function showInfo(catId, id) { var u = ctx + "/info/detail.jsp?catid=" + catId + "&infoid=" + id; window.location.href = u; }`;
  const html = page(
    `<ul><li><a href="javascript:openArticle('912077')">某局2024年政府信息公开工作年度报告</a></li>
<li><a href="javascript:showInfo(12,'887640');">某局2023年政府信息公开工作年度报告</a></li>
<li><a href="javascript:void(0)" onclick="openArticle('861004')">某局2022年政府信息公开工作年度报告</a></li>
<li><a href="javascript:unknownFn('1')">某局2021年政府信息公开工作年度报告</a></li></ul>`,
    '年报',
  );
  const at = 'http://a.gov.cn/sxscjg/col/list.jsp?pageNo=1';
  const urls = parseListItems(withScriptLinks(html, at, [site]), at).map((i) => i.url);
  assert.deepEqual(urls, [
    'http://a.gov.cn/sxscjg/info/detail.jsp?infoid=912077',
    'http://a.gov.cn/sxscjg/info/detail.jsp?catid=12&infoid=887640',
    'http://a.gov.cn/sxscjg/info/detail.jsp?infoid=861004',
  ]);
  // The one left unread is said to be: a report link listed but never fetched.
  const isReport = (t: string) => classifyTitle(t).isReport;
  assert.deepEqual(unreadScriptReportLinks(withScriptLinks(html, at, [site]), at, isReport), ['某局2021年政府信息公开工作年度报告']);
  assert.deepEqual(unreadScriptReportLinks(page('<a href="javascript:void(0)">某局2021年政府信息公开工作年度报告</a><a href="javascript:openWin(\'/a/1.html\')">某局2020年政府信息公开工作年度报告</a>', 't'), at, isReport), []);
  // Without the site's script, nothing is guessed.
  assert.deepEqual(parseListItems(withScriptLinks(html, at, []), at), []);
  // A function that builds its address from something unknown (a call) is not read.
  assert.deepEqual(parseListItems(withScriptLinks(html, at, ['function openArticle(id) { window.open(getBase() + id); }']), at), []);
});

test('a link leading nowhere whose address is in data-url is an item; ;jsessionid= is no part of an address', () => {
  const items = parseListItems(page('<ul><li><a href="#" data-url="/info/detail.jsp?infoid=1">某局2024年政府信息公开工作年度报告</a></li></ul>', '年报'), url);
  assert.deepEqual(items.map((i) => i.url), ['http://a.gov.cn/info/detail.jsp?infoid=1']);
  assert.equal(resolveLink('/info/detail.jsp;jsessionid=9C1E0A7F3B2D?infoid=840233', url), 'http://a.gov.cn/info/detail.jsp?infoid=840233');
  assert.equal(resolveLink('list.do;JSESSIONID=abc', url), 'http://a.gov.cn/xxgk/nb/list.do');
});

test("a page published by the seed government's general office, its title naming no one, is the government's", () => {
  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '沅陵县人民政府', nameKey: '沅陵县人民政府', division: '431222', level: 'county', province: '湖南省', city: '怀化市', county: '沅陵县' });
  const bureau = c.agencies.upsert({ name: '沅陵县教育局', nameKey: '沅陵县教育局', division: '431222', level: 'county', province: '湖南省', city: '怀化市', county: '沅陵县' });
  const attributor = new Attributor(c);
  const title = '政府信息公开工作年度报告（2024年度）';
  assert.deepEqual([attributor.attribute({ title, publisher: '沅陵县人民政府办公室', siteAgency: county })!.agency.name], ['沅陵县人民政府']);
  // On another agency's column, or titled for the office itself, the office is its own agency.
  assert.equal(attributor.attribute({ title, publisher: '沅陵县人民政府办公室', siteAgency: bureau })!.agency.name, '沅陵县人民政府办公室');
  assert.equal(attributor.attribute({ title: '沅陵县人民政府办公室2024年政府信息公开工作年度报告', publisher: '沅陵县人民政府办公室', siteAgency: county })!.agency.name, '沅陵县人民政府办公室');
  c.close();
});

function send(res: ServerResponse, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

const REPORT_BODY = '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>';

test('a crawl of a 年报 landing (items through a counting redirect, 更多 to the full list opened by a site script): every report, each under its own address', { timeout: 120_000 }, async () => {
  const titles: Record<string, string> = { '1': '某市人民政府2024年政府信息公开工作年度报告', '2': '某市人民政府2023年政府信息公开工作年度报告', '3': '某市人民政府2022年政府信息公开工作年度报告' };
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/nb/index.html') {
      const lis = ['1', '2'].map((id) => `<li><a href="/visit/link.do?id=${id}">${titles[id]}</a></li>`).join('');
      return send(res, page(`<div class="box"><div class="box-tit"><span>市政府年报</span><a href="list.html">更多&gt;&gt;</a></div><ul>${lis}</ul></div>`, '政府信息公开年报'));
    }
    if (u.pathname === '/visit/link.do') {
      res.writeHead(302, { location: `/art/${u.searchParams.get('id')}.html` });
      return void res.end();
    }
    if (u.pathname === '/js/site.js') return send(res, 'function openArticle(id) { window.open("/art/" + id + ".html"); }', 'application/javascript');
    // The full list's first page repeats the landing's two: the older report is on its second page.
    if (u.pathname === '/nb/list.html' || u.pathname === '/nb/list_2.html') {
      const ids = u.pathname === '/nb/list.html' ? ['1', '2'] : ['3'];
      const lis = ids.map((id) => `<li><a href="javascript:openArticle('${id}')">${titles[id]}</a></li>`).join('');
      // The last page also lists one report behind a function no script defines: listed, never fetched, said so.
      const next = ids.length > 1 ? '<a href="list_2.html">下一页</a>' : '<li><a href="javascript:openPdf(7)">某市人民政府2019年政府信息公开工作年度报告</a></li>';
      return send(res, page(`<script src="/js/site.js"></script><ul>${lis}</ul>${next}`, '市政府年报'));
    }
    const art = /^\/art\/(\d)\.html$/.exec(u.pathname);
    if (art && titles[art[1]!]) return send(res, page(`<h1>${titles[art[1]!]}</h1><div class="info">发布机构：某市人民政府</div><div id="zoom">${REPORT_BODY}</div>`, titles[art[1]!]!));
    res.writeHead(404);
    res.end();
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某市人民政府\n    division: "321200"\n    level: city\n    province: 江苏省\n    city: 泰州市\n    entries:\n      - url: "${server.origin}/nb/index.html"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog: Catalog.open(storagePaths(storage).catalog), seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    assert.deepEqual(
      summary.seeds.map((r) => [r.status, r.reason]),
      [['short', '1 of its report links open by a script function that could not be read (某市人民政府2019年政府信息公开工作年度报告), not fetched']],
    );
    const c = Catalog.open(storagePaths(storage).catalog);
    const reports = c.reports.all().map((r) => [r.year, new URL(r.page_url).pathname]);
    const sources = c.reports.all().flatMap((r) => c.reports.sources(r.id).map((s) => new URL(s.page_url).pathname));
    c.close();
    assert.deepEqual(reports.sort(), [
      [2022, '/art/3.html'],
      [2023, '/art/2.html'],
      [2024, '/art/1.html'],
    ]);
    assert.deepEqual(sources.sort(), ['/art/1.html', '/art/2.html', '/art/3.html']);
  } finally {
    await server.close();
  }
});
