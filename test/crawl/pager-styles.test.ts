/** One test per pager style: the TRS variants, the generic controls (containment, images, script pagers), year menus. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announcedTotals } from '../../src/crawl/families/announced.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { nextPageUrl, yearColumnLinks } from '../../src/crawl/families/pager.ts';
import { parseTrsList, parseTrsPager, trsNextPage } from '../../src/crawl/families/trs.ts';
import { withoutComments } from '../../src/crawl/html.ts';

const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body });
const page = (main: string) => `<html><head><title>栏目</title></head><body><div class="header"><a href="/">首页</a></div>${main}</body></html>`;

test('TRS (a): createPageHTML(N, cur0, "index", "shtml") → page k is index_{k-1}', () => {
  const html = page('<script>createPageHTML(4, 1, "index", "shtml");</script>');
  assert.equal(trsNextPage(html, 'http://h/c/index_1.shtml'), 'http://h/c/index_2.shtml');
});

test('TRS (b): createPageHTML(\'page_div\', N, cur1, \'prefix\', \'shtml\', total) → page k ≥ 2 is prefix_k (1-based)', () => {
  const first = page("<div id='page_div'></div><script>createPageHTML('page_div', 5, 1, 'fg', 'shtml', 89);</script>");
  assert.deepEqual(parseTrsPager(first), { pageCount: 5, current: 0, name: 'fg', ext: 'shtml', secondSuffix: 2 });
  assert.equal(trsNextPage(first, 'http://h/c/fg.shtml'), 'http://h/c/fg_2.shtml');
  const third = page("<script>createPageHTML('page_div', 5, 3, 'fg', 'shtml', 89);</script>");
  assert.equal(trsNextPage(third, 'http://h/c/fg_3.shtml'), 'http://h/c/fg_4.shtml');
  const last = page("<script>createPageHTML('page_div', 5, 5, 'fg', 'shtml', 89);</script>");
  assert.equal(trsNextPage(last, 'http://h/c/fg_5.shtml'), null);
});

test('TRS (c): the legacy inline pager (var countPage = N//共多少页, currentPage, document.write)', () => {
  const script = `<script>var currentPage = 0;//所在页从0开始
var nextPage = currentPage+1//下一页
var countPage = 3//共多少页
if(i>0) document.write("&nbsp;<a href=\\"list"+"_" + i + "."+"htm\\">"+(i+1)+"</a>&nbsp;|");</script>`;
  assert.deepEqual(parseTrsPager(page(script)), { pageCount: 3, current: 0, name: 'list', ext: 'htm' });
  assert.equal(trsNextPage(page(script), 'http://h/nb/list.htm'), 'http://h/nb/list_1.htm');
  assert.equal(trsNextPage(page(script.replace('currentPage = 0', 'currentPage = 2')), 'http://h/nb/list_2.htm'), null);
});

test('TRS (d): article paging on a detail page is never list paging', () => {
  const detail = `<html><head><meta name="Url" content="./t20230118_66120.shtml"></head><body><div class="TRS_Editor">正文</div>
<script>createPageHTML(1,0,"t20230118_66120","shtml");</script></body></html>`;
  assert.equal(parseTrsPager(detail), null);
  const named = '<script>createPageHTML(2,0,"t20230118_66120","html");</script>';
  assert.equal(parseTrsPager(named), null);
});

test('lists and pager calls inside HTML comments are neither items nor pagers; commented-out script guards are kept', () => {
  const html = page(`<ul class="xxgk"><!--
<li><a href="/c/202401/t20240101_1.shtml">某局2023年政府信息公开工作年度报告</a></li>
<script>createPageHTML('page_div', 9, 1, 'zwgklist', 'shtml', 170);</script>--></ul>`);
  const r = parseTrsList(visit('http://h/c/zwgklist.shtml', html));
  assert.deepEqual(r.items, []);
  assert.deepEqual(r.next, []);
  assert.equal(parseTrsPager(html), null);
  // <script><!-- … //--></script>: an old browser guard, the call is live.
  assert.equal(trsNextPage('<script><!--\ncreatePageHTML(2, 0, "index", "html");\n//--></script>', 'http://h/c/'), 'http://h/c/index_1.html');
  assert.equal(withoutComments('a<!-- x -->b<script>/*<!--*/c</script>'), 'ab<script>/*<!--*/c</script>');
});

test('generic: next controls matched by containment and by image alt', () => {
  const base = 'http://h/list/1.html';
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html">下一页&gt;&gt;</a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html">[下一页]</a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html"><span>下页</span></a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html">后页</a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html">›</a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html">»</a></div>'), base), 'http://h/list/2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a href="2.html"><img src="/img/next.gif" alt="下一页"></a></div>'), base), 'http://h/list/2.html');
  // 上一页 / 尾页 are not "next", whatever arrows they carry.
  assert.equal(nextPageUrl(page('<div class="pg"><a href="0.html">&lt;&lt;上一页</a><a href="9.html">尾页&gt;&gt;</a></div>'), base), null);
});

test('generic: script pagers are mapped to the URL template of sibling page links', () => {
  // index_1.html is page 2 and index_2.html page 3: goPage(4) is index_3.html.
  const trsLike = page(`<div class="pg"><a href="index.html">1</a><a href="index_1.html">2</a><span class="cur">3</span><a href="index_3.html">4</a>
<a href="javascript:goPage(4)">下一页</a></div>`);
  assert.equal(nextPageUrl(trsLike, 'http://h/c/index_2.html'), 'http://h/c/index_3.html');
  // onclick on a button; the numbered links are real.
  const onclick = page('<div class="pg"><a href="list_2.htm">2</a><a href="list_3.htm">3</a><button onclick="toPage(3)">下一页</button></div>');
  assert.equal(nextPageUrl(onclick, 'http://h/c/list_1.htm'), 'http://h/c/list_3.htm');
  // href="javascript:;" data-page=; only page links of the same template.
  const dataPage = page('<div class="pg"><a href="?pageNo=2">2</a><a href="?pageNo=3">3</a><a href="javascript:;" data-page="2">下一页</a></div>');
  assert.equal(nextPageUrl(dataPage, 'http://h/c/list?pageNo=1'), 'http://h/c/list?pageNo=2');
  // No real link to learn from, and no family template: nothing is guessed.
  assert.equal(nextPageUrl(page('<div class="pg"><a href="javascript:goPage(2)">下一页</a></div>'), 'http://h/c/index.html'), null);
  // The family's template when it has one.
  assert.equal(nextPageUrl(page('<div class="pg"><a href="javascript:goPage(2)">下一页</a></div>'), 'http://h/c/index.html', { template: (n) => `http://h/c/index_${n - 1}.html` }), 'http://h/c/index_1.html');
  // Script links numbered 0-based: goPage(1) shows "2".
  const zeroBased = page('<div class="pg"><a href="p_2.html">2</a><a href="p_3.html">3</a><a href="javascript:goPage(1)">2</a><a href="javascript:goPage(2)">3</a><a href="javascript:goPage(1)">下一页</a></div>');
  assert.equal(nextPageUrl(zeroBased, 'http://h/c/p.html'), 'http://h/c/p_2.html');
});

test('per-year menus: bare-year links under a 年报 heading are list pages, not items', () => {
  const html = page(`<h3>政府信息<br>公开年报</h3><ul id="years"><li><a href="/y/c24/list.shtml">2024</a></li><li><a href="/y/c23/list.shtml">2023年</a></li>
<li><a href="/y/c22/list.shtml">2022年度</a></li></ul><ul class="list"><li><a href="/y/c24/1.shtml">某局2024年政府信息公开工作年度报告</a></li></ul>
<div class="links"><h4>友情链接</h4><a href="/archive/2021.html">2021</a></div>`);
  assert.deepEqual(yearColumnLinks(html, 'http://h/y/c24/list.shtml'), ['http://h/y/c23/list.shtml', 'http://h/y/c22/list.shtml']);
  const r = parseGenericList(visit('http://h/y/c24/list.shtml', html));
  assert.deepEqual(r.next.map((n) => n.url), ['http://h/y/c23/list.shtml', 'http://h/y/c22/list.shtml']);
  assert.ok(!r.items.some((i) => i.url.includes('/c23/')));
});

test('announced totals: 共 N 页 / 共N条 in the text, else the pager script or the data island', () => {
  assert.deepEqual(announcedTotals(page('<div class="pg">共 3 页 共45条 <a href="2.html">下一页</a></div>')), { announcedPages: 3, announcedItems: 45 });
  assert.deepEqual(announcedTotals(page('<div>第 1/7 页</div>')), { announcedPages: 7 });
  assert.deepEqual(announcedTotals(page("<script>createPageHTML('page_div', 10, 1, 'zwgklist', 'shtml', 200);</script>")), { announcedPages: 10, announcedItems: 200 });
  assert.deepEqual(announcedTotals('<datastore><totalrecord>756</totalrecord><totalpage>31</totalpage></datastore>'), { announcedItems: 756, announcedPages: 31 });
  assert.deepEqual(announcedTotals(page('<!-- 共 9 页 --><ul><li>x</li></ul>')), {});
});

test('generic: icon-only next controls marked by class or rel, and <link rel="next">', () => {
  const base = 'http://h/list/index.html';
  assert.equal(nextPageUrl(page('<div class="pg"><a class="prev disabled" href="#"></a><a class="layui-page-next" href="?page=2"><i class="icon"></i></a></div>'), base), 'http://h/list/index.html?page=2');
  assert.equal(nextPageUrl(page('<div class="pg"><a rel="next" href="index_1.html"></a></div>'), base), 'http://h/list/index_1.html');
  assert.equal(nextPageUrl('<html><head><link rel="next" href="/list/p2.html"></head><body></body></html>', base), 'http://h/list/p2.html');
  assert.equal(nextPageUrl(page('<div class="pg"><a class="next" href="9.html">尾页</a></div>'), base), null);
});

test('per-year menus without a heading beside them: two or more bare years on a page titled as the reports', () => {
  const body = '<div class="years"><a href="/nb/2024/">2024年</a> <a href="/nb/2023/">2023年</a></div>';
  const titled = `<html><head><title>政府信息公开年报_某县人民政府</title></head><body>${body}</body></html>`;
  assert.deepEqual(yearColumnLinks(titled, 'http://h/nb/'), ['http://h/nb/2024/', 'http://h/nb/2023/']);
  const news = `<html><head><title>新闻中心</title></head><body>${body}</body></html>`;
  assert.deepEqual(yearColumnLinks(news, 'http://h/news/'), []);
});

test('list items whose link is a script call (javascript:openWin(\'…\'), onclick window.open) point at the quoted page', () => {
  const html = page(`<ul><li><a href="javascript:void(0)" onclick="window.open('/art/2024/1/2/art_9_1.html')">某局2023年政府信息公开工作年度报告</a></li>
<li><a href="javascript:openWin('./202401/t20240102_5.html')">某局2022年政府信息公开工作年度报告</a></li><li><a href="javascript:window.print()">打印本页内容</a></li></ul>`);
  const r = parseGenericList(visit('http://h/c/index.html', html));
  assert.deepEqual(r.items.map((i) => i.url), ['http://h/art/2024/1/2/art_9_1.html', 'http://h/c/202401/t20240102_5.html']);
});

test('announced totals: 页次 1/7, 1/7页, 总共 N 条', () => {
  assert.deepEqual(announcedTotals(page('<div>页次：1/7 每页15条 总共98条</div>')), { announcedPages: 7, announcedItems: 98 });
  assert.deepEqual(announcedTotals(page('<div>1/4页</div>')), { announcedPages: 4 });
});

test('whatever family a page is read as, a TRS pager script on it decides its paging, and a Hanweb island is read', () => {
  const trsPaged = page("<ul><li><a href='./202401/t20240101_1.shtml'>某局2023年政府信息公开工作年度报告</a></li></ul><script>createPageHTML('page_div', 2, 1, 'list', 'shtml', 2);</script>");
  assert.deepEqual(parseGenericList(visit('http://h/c/list.shtml', trsPaged)).next.map((n) => n.url), ['http://h/c/list_2.shtml']);
  const lastPage = `${trsPaged.replace("2, 1, 'list'", "2, 2, 'list'")}<div class="pg"><a href="list.shtml">1</a></div>`;
  assert.deepEqual(parseGenericList(visit('http://h/c/list_2.shtml', lastPage)).next, []);
  const island = page(`<div id="55"><script type="text/xml"><datastore><recordset><record><![CDATA[<li><a href="/art/2024/1/1/art_5_1.html">某局2023年政府信息公开工作年度报告</a></li>]]></record></recordset></datastore></script></div>`);
  assert.deepEqual(parseGenericList(visit('http://h/col/col5/index.html', island)).items.map((i) => i.url), ['http://h/art/2024/1/1/art_5_1.html']);
});

test('a link that only says 查看 / 下载 takes its title from its row', () => {
  const html = page(`<table><tr><td>2024-01-20</td><td>某县教育局2023年政府信息公开工作年度报告</td><td><a href="/nb/1.html">查看</a></td></tr>
<tr><td>某县民政局</td><td><a href="/nb/2.pdf">[下载]</a></td></tr></table><div class="pg"><a href="?page=2">2</a></div>`);
  assert.deepEqual(parseGenericList(visit('http://h/nb/', html)).items.map((i) => [i.title, i.date]), [
    ['某县教育局2023年政府信息公开工作年度报告', '2024-01-20'],
    ['某县民政局', null],
  ]);
});

test('a date inside the link is the date, not part of the title', () => {
  const html = page('<ul><li><a href="/nb/1.html"><span class="t">某局2023年政府信息公开工作年度报告</span><span class="d">2024-01-18</span></a></li></ul>');
  assert.deepEqual(parseGenericList(visit('http://h/nb/', html)).items.map((i) => [i.title, i.date]), [['某局2023年政府信息公开工作年度报告', '2024-01-18']]);
});

test('button pagers: <input type="button" value="下一页" onclick="toPage(n)"> with no numbered link to the next page', () => {
  const html = page('<div class="pg"><a href="index.htm">1</a> <a href="index_1.htm">2</a> <b>3</b> <input type="button" value="下一页" onclick="toPage(4)"></div>');
  // Page 3 shows links to pages 1 and 2 only: "下一页" asks page 4 by script, mapped as index_{n-1}.
  assert.equal(nextPageUrl(html, 'http://h/gk/index_2.htm'), 'http://h/gk/index_3.htm');
});

test('relative links resolve against <base href> (items, pager, year menus)', () => {
  const html = `<html><head><base href="/site9/"><title>政府信息公开年报</title></head><body><ul><li><a href="art/2024/1.html">某局2023年政府信息公开工作年度报告</a></li></ul>
<div class="years"><a href="col/c24/index.html">2024</a> <a href="col/c23/index.html">2023</a></div><div class="pg"><a href="col/nb/index_1.html">下一页</a></div></body></html>`;
  const r = parseGenericList(visit('http://h/col/nb/index.html', html));
  assert.deepEqual(r.items.map((i) => i.url), ['http://h/site9/art/2024/1.html']);
  assert.deepEqual(r.next.map((n) => n.url), ['http://h/site9/col/nb/index_1.html', 'http://h/site9/col/c24/index.html', 'http://h/site9/col/c23/index.html']);
});

test('agency names under a year heading stand for reports, but not links to sites (部门网站, home pages)', () => {
  const html = page(`<h1>2023年度部门政府信息公开工作年度报告</h1><ul class="bm"><li><a href="/nb/2023/jyj.html">某市教育局</a></li><li><a href="/nb/2023/mzj.html">某市民政局</a></li></ul>
<div class="links"><div class="t">部门网站</div><ul><li><a href="http://h/jyj/nb.html">某市教育局</a></li><li><a href="http://h/czj/nb.html">某市财政局</a></li></ul></div>
<div class="other"><a href="http://h/">某市人民政府</a></div><h3>市政府</h3><p><a href="/nb/2023/szf.html">某市统计局</a></p>`);
  const titles = parseGenericList(visit('http://h/nb/2023/', html)).items.map((i) => i.title);
  assert.ok(titles.includes('某市教育局2023年政府信息公开工作年度报告'));
  assert.ok(titles.includes('某市民政局2023年政府信息公开工作年度报告'));
  // A section of one name is still a report; site links and home pages are not.
  assert.ok(titles.includes('某市统计局2023年政府信息公开工作年度报告'));
  for (const t of ['某市财政局', '某市人民政府']) assert.ok(titles.includes(t), t);
  // One name alone on the page is not enough to read the page as a list of reports.
  const lone = page('<h1>2023年度政府信息公开工作年度报告</h1><p><a href="/x/1.html">某市统计局</a></p>');
  assert.deepEqual(parseGenericList(visit('http://h/nb/', lone)).items.map((i) => i.title), ['某市统计局']);
});

test('per-year menus written in Chinese numerals or full-width digits (二〇二三年, ２０２２年度) are year columns too', () => {
  const html = page(`<h3>政府信息公开年报</h3><ul id="years"><li><a href="/nb/y2024/">二〇二四年</a></li><li><a href="/nb/y2023/">二〇二三年度</a></li>
<li><a href="/nb/y2022/">２０２２年度</a></li></ul><ul class="list"><li><a href="/nb/y2024/1.html">某局2024年政府信息公开工作年度报告</a></li></ul>`);
  assert.deepEqual(yearColumnLinks(html, 'http://h/nb/'), ['http://h/nb/y2024/', 'http://h/nb/y2023/', 'http://h/nb/y2022/']);
  // Numerals that are not a year (一二三四年 is no year of a report) stay out.
  assert.deepEqual(yearColumnLinks(page('<h3>公开年报</h3><ul><li><a href="/a/">一二三四年</a></li></ul>'), 'http://h/'), []);
});
