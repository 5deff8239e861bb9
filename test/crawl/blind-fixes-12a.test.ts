/**
 * Round 12a of the blind portals, on hand-made input: a 年报 page whose departments' columns are reached through a
 * drop-down ("--请选择部门--", Dreamweaver's MM_jumpMenu, a site function building the path) beside its own reports;
 * a list grouped under year captions that are no headings (`<div class="year-title">`, `<p><strong>2022年</strong>`);
 * the older years behind a tab "其他年份"; a WordPress archive paged only by "较早文章" in its posts navigation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { nextPageUrl } from '../../src/crawl/families/pager.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { withScriptMenus } from '../../src/crawl/script-menus.ts';

const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body, rendered: false }) as Parameters<typeof parseGenericList>[0];

const MM_JUMP = `<script type="text/javascript">
function MM_jumpMenu(targ,selObj,restore){ eval(targ+".location='"+selObj.options[selObj.selectedIndex].value+"'"); if (restore) selObj.selectedIndex=0; }
</script>`;

const deptPage = (head: string, select: string) => `<html><head><title>政府信息公开年报_某县人民政府</title>${head}</head><body>
<div class="box"><div class="tit"><span>政府信息公开年报</span></div>
<form name="f"><label for="m1">部门年报：</label>${select}</form>
<ul><li><a href="/xxgk/nb/202501/t20250120_1.html">某县人民政府2024年政府信息公开工作年度报告</a></li>
<li><a href="/xxgk/nb/202501/t20250108_2.html">某县2024年法治政府建设情况报告</a></li></ul></div>
<div class="yqlj"><span>友情链接：</span><select onchange="window.open(this.options[this.selectedIndex].value)">
<option value="">--政府网站--</option><option value="/">某县人民政府</option><option value="http://www.other.test/">某市人民政府</option><option value="/gov/zfb/">某县政府办公室</option></select></div>
</body></html>`;

test("a drop-down of the departments' 年报 columns on a 年报 page that lists reports is followed, each with its agency", () => {
  const url = 'http://www.gov.test/xxgk/nb/index.html';
  const select = `<select name="m1" id="m1" onchange="MM_jumpMenu('parent',this,0)"><option value="" selected>--请选择部门--</option>
<option value="/xxgk/bm/jyj/nb/index.html">县教育局</option><option value="/xxgk/bm/wjj/nb/index.html">县卫生健康局</option></select>`;
  const parsed = parseGenericList(visit(url, deptPage(MM_JUMP, select)));
  // The county's own report is an item; the two columns are list pages carrying the agency their option names.
  assert.ok(parsed.items.some((i) => i.title.startsWith('某县人民政府2024年')));
  assert.deepEqual(
    parsed.next.map((n) => [n.url, n.columnAgency]),
    [
      ['http://www.gov.test/xxgk/bm/jyj/nb/index.html', '县教育局'],
      ['http://www.gov.test/xxgk/bm/wjj/nb/index.html', '县卫生健康局'],
    ],
  );
  assert.equal(parsed.deadEnd, undefined);
  // The same menu opening each column in a new window.
  const blank = select.replace("MM_jumpMenu('parent',this,0)", "window.open(this.options[this.selectedIndex].value,'_blank')");
  assert.equal(parseGenericList(visit(url, deptPage('', blank))).next.length, 2);
  // A select with no handler, read by a 查看 button beside it.
  const button = select.replace(/ onchange="[^"]*"/, '') + `<input type="button" value="查看" onclick="location.href=document.getElementById('m1').value">`;
  assert.equal(parseGenericList(visit(url, deptPage('', button))).next.length, 2);
});

test('a drop-down whose change runs a site function building the path is chosen in the sandbox, with the site\'s script file when the page lacks it; else said', () => {
  const url = 'http://www.gov.test/xxgk/nb/index.html';
  const select = `<select id="m1" onchange="goDept(this.value)"><option value="">请选择部门</option><option value="jyj">县教育局</option><option value="wjj">县卫生健康局</option></select>`;
  const fn = `var root = '/xxgk/bm/'; function goDept(code) { if (code) location.href = root + code + '/nb/'; }`;
  const want = [
    ['http://www.gov.test/xxgk/bm/jyj/nb/', '县教育局'],
    ['http://www.gov.test/xxgk/bm/wjj/nb/', '县卫生健康局'],
  ];
  const inline = deptPage(`<script>${fn}</script>`, select);
  assert.deepEqual(parseGenericList(visit(url, withScriptMenus(inline, url))).next.map((n) => [n.url, n.columnAgency]), want);
  // The function in a script file the page does not hold: unread, and the page says so (the crawl then fetches the
  // site's scripts and reads it again).
  const external = deptPage('<script src="/js/dept.js"></script>', select);
  const unread = parseGenericList(visit(url, withScriptMenus(external, url)));
  assert.deepEqual(unread.next, []);
  assert.deepEqual(unread.unreadMenus, ['县教育局', '县卫生健康局']);
  assert.match(unread.deadEnd ?? '', /drop-down of the agencies' annual-report columns .* 2 of them \(县教育局、县卫生健康局\)/);
  assert.deepEqual(parseGenericList(visit(url, withScriptMenus(external, url, [fn]))).next.map((n) => [n.url, n.columnAgency]), want);
});

test('a drop-down of other sites, or of agencies on a page about something else, is no column of reports', () => {
  const url = 'http://www.gov.test/xxgk/tzgg/index.html';
  const select = `<select onchange="location.href=this.value"><option value="">请选择部门</option><option value="/bm/jyj/">县教育局</option><option value="/bm/wjj/">县卫生健康局</option></select>`;
  const html = `<html><head><title>通知公告</title></head><body><div>${select}</div><ul><li><a href="/a/1.html">关于开展安全检查的通知</a></li></ul></body></html>`;
  assert.deepEqual(parseGenericList(visit(url, html)).next, []);
});

test('yearless report titles grouped under year captions that are no headings take their caption\'s year; a year inside a row does not', () => {
  const url = 'http://www.gov.test/zrzy/ndbg/index.html';
  const html = `<html><head><title>政府信息公开年度报告</title></head><body><div class="nb">
<div class="year-title">2024年度</div><ul><li><a href="./202501/t1.html">政府信息公开工作年度报告</a></li><li><a href="./202501/t2.html">政府信息公开工作年度报告（图解）</a></li></ul>
<div class="year-title">2023年度</div><ul><li><a href="./202401/t3.html">政府信息公开工作年度报告</a></li></ul>
<div class="older"><p><strong>2022年</strong></p><p><a href="./202301/t4.html">政府信息公开工作年度报告</a></p>
<p><br/></p><p style="text-align:left"><b>二〇二一年</b></p><p><a href="./202201/t5.html">政府信息公开工作年度报告</a></p></div></div></body></html>`;
  const titles = parseGenericList(visit(url, html)).items.map((i) => i.title);
  for (const y of [2024, 2023, 2022, 2021]) assert.ok(titles.includes(`政府信息公开工作年度报告（${y}年度）`), `${y}: ${titles.join(' | ')}`);
  // A publication date split over spans in each row is no caption of the row's link.
  const dated = `<html><head><title>政府信息公开年度报告</title></head><body><ul>
<li><div class="date"><span class="y">2024</span><span class="md">01-20</span></div><a href="/a/1.html">政府信息公开工作年度报告</a></li>
<li><div class="date"><span class="y">2023</span><span class="md">01-18</span></div><a href="/a/2.html">政府信息公开工作年度报告</a></li></ul></body></html>`;
  const rowTitles = parseGenericList(visit(url, dated)).items.map((i) => i.title);
  assert.ok(!rowTitles.some((t) => /（202[34]年度）/.test(t)), rowTitles.join(' | '));
});

test('a tab "其他年份" beside the caption of a 年报 page, and "查看全部" under a 年报 box, lead to list pages', () => {
  const url = 'http://www.gov.test/zrzy/ndbg/index.html';
  const tabs = `<html><head><title>政府信息公开年度报告</title></head><body><div class="col-hd"><h3>政府信息公开年度报告</h3>
<div class="col-tabs"><span class="on">近两年</span><a href="qtnf.html">其他年份</a></div></div></body></html>`;
  assert.deepEqual(subColumnLinks(tabs, url), ['http://www.gov.test/zrzy/ndbg/qtnf.html']);
  const box = `<html><head><title>信息公开</title></head><body><div class="box"><div class="box-hd"><span>政府信息公开年报</span><a href="/nb/list.html">查看全部</a></div>
<ul><li><a href="/nb/1.html">2024年政府信息公开工作年度报告</a></li></ul></div></body></html>`;
  assert.deepEqual(subColumnLinks(box, 'http://www.gov.test/xxgk/'), ['http://www.gov.test/nb/list.html']);
  // On a page about something else, "其他年份" is not followed.
  assert.deepEqual(subColumnLinks(tabs.replaceAll('政府信息公开年度报告', '统计数据'), url), []);
});

test("a WordPress archive's posts navigation (较早文章, no number, no count) is its pager; a post's 上一篇 is not", () => {
  const url = 'http://www.gov.test/category/zwgk/nb/';
  const archive = `<html><head><title>年报</title></head><body><header><nav class="main-navigation"><a href="/">首页</a></nav></header><main>
<article><h2 class="entry-title"><a href="/2025/01/21/nb2024/">2024年政府信息公开工作年度报告</a></h2></article>
<nav class="navigation posts-navigation" aria-label="文章"><h2 class="screen-reader-text">文章导航</h2><div class="nav-links"><div class="nav-previous"><a href="http://www.gov.test/category/zwgk/nb/page/2/">较早文章</a></div></div></nav>
</main></body></html>`;
  assert.equal(nextPageUrl(archive, url), 'http://www.gov.test/category/zwgk/nb/page/2/');
  assert.equal(nextPageUrl(archive.replace('较早文章', '&laquo; 早期文章'), url), 'http://www.gov.test/category/zwgk/nb/page/2/');
  const post = `<html><body><main><article><h1>2024年政府信息公开工作年度报告</h1></article>
<nav class="navigation post-navigation" aria-label="文章"><div class="nav-links"><div class="nav-previous"><a href="/2025/01/10/x/" rel="prev"><span class="nav-subtitle">上一篇：</span> <span class="nav-title">2024年度部门整体支出绩效自评报告</span></a></div></div></nav></main></body></html>`;
  assert.equal(nextPageUrl(post, 'http://www.gov.test/2025/01/21/nb2024/'), null);
});

test('a link to where the next page is by its address alone is the next page, whatever it shows; never a guess', () => {
  const url = 'http://www.gov.test/category/zwgk/nb/';
  const icons = (older: string) => `<html><body><main><article><h2><a href="/2025/01/21/nb2024/">2024年政府信息公开工作年度报告</a></h2></article>
<article><h2><a href="/?p=2">2023年政府信息公开工作年度报告</a></h2></article>
<nav class="site-pager">${older}</nav></main></body></html>`;
  const arrow = '<a class="older" href="/category/zwgk/nb/page/2/"><i class="icon-chevron-left"></i></a>';
  assert.equal(nextPageUrl(icons(arrow), url), 'http://www.gov.test/category/zwgk/nb/page/2/');
  assert.equal(nextPageUrl(icons(arrow.replaceAll('/page/2/', '/page/3/')), 'http://www.gov.test/category/zwgk/nb/page/2/'), 'http://www.gov.test/category/zwgk/nb/page/3/');
  // The last page links none; a post's ?p=2 is no page 2.
  assert.equal(nextPageUrl(icons(''), url), null);
  const list = (img: string) => `<html><body><ul><li><a href="./202401/t1.html">2023年政府信息公开工作年度报告</a></li></ul><div class="fy"><a href="${img}"><img src="/img/fy_next.gif"></a></div></body></html>`;
  assert.equal(nextPageUrl(list('list_12_2.html'), 'http://www.gov.test/a/nb/list_12_1.html'), 'http://www.gov.test/a/nb/list_12_2.html');
  assert.equal(nextPageUrl(list('/a/other/list_12_2.html'), 'http://www.gov.test/a/nb/list_12_1.html'), null);
});
