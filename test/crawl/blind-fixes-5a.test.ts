/**
 * The discovery fixes the fifth round (a) of blind portals called for (docs/blind-portals.md), each on its own
 * small page so a regression names its cause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withGenericPaging, yearColumnLinks } from '../../src/crawl/families/pager.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { withScriptWrites } from '../../src/crawl/script-writes.ts';

const page = (body: string, title = '列表') => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

test('a cut link text takes the full title an older template hides beside it (display:none span), not a stranger', () => {
  const html = page(`<ul>
<li><a href="/a/1.html">某市人力资源和社会保障局2023年政府…</a><span style="display:none">某市人力资源和社会保障局2023年政府信息公开工作年度报告</span><span>2024-01-26</span></li>
<li><a href="/a/2.html">某市人力资源和社会保障局2023年度部…</a><span class="hide">某市统计局2023年统计公报</span></li>
<li><a href="/a/3.html">某市人力资源和社会保障局2022年政府信息公开工作年度报告</a><span hidden>另一个标题</span></li></ul>`);
  const titles = parseListItems(html, 'http://a.gov.cn/a/list.html').map((i) => [i.title, i.date]);
  assert.deepEqual(titles, [
    ['某市人力资源和社会保障局2023年政府信息公开工作年度报告', '2024-01-26'],
    // The hidden text does not begin with the cut text: the cut text stays.
    ['某市人力资源和社会保障局2023年度部…', null],
    // An uncut link keeps its own text.
    ['某市人力资源和社会保障局2022年政府信息公开工作年度报告', null],
  ]);
});

test('a year filter submitted as a GET form (<select name="year"> + 查询): every year not shown is a list page', () => {
  const form = (options: string, extra = '') =>
    page(
      `<div class="tit">政府信息公开年度报告</div><form action="list.jsp" method="get"><input type="hidden" name="cid" value="16">${extra}<select name="year">${options}</select><input type="submit" value="查询"></form>
<ul><li><a href="/art/1.html">某市人民政府2024年政府信息公开工作年度报告</a></li></ul>`,
      '政府信息公开年度报告',
    );
  const url = 'http://a.gov.cn/col/list.jsp?cid=16';
  assert.deepEqual(yearColumnLinks(form('<option value="">全部</option><option value="2024" selected>2024年</option><option value="2023">2023年</option><option value="2022">2022年</option>'), url), [
    'http://a.gov.cn/col/list.jsp?cid=16&year=2023',
    'http://a.gov.cn/col/list.jsp?cid=16&year=2022',
  ]);
  // The other fields go along as a submit sends them (the button and an unchecked box do not).
  assert.deepEqual(yearColumnLinks(form('<option>2024</option><option>2023</option>', '<input type="checkbox" name="all" value="1"><input type="text" name="kw" value="">'), url), ['http://a.gov.cn/col/list.jsp?cid=16&kw=&year=2023']);
  // A select of other things (departments), or a POST form, is no year menu.
  assert.deepEqual(yearColumnLinks(form('<option value="1">某市财政局</option><option value="2">某市教育局</option>'), url), []);
  assert.deepEqual(yearColumnLinks(form('<option>2024</option><option>2023</option>').replace('method="get"', 'method="post"'), url), []);
});

test('an ASP.NET pager (javascript:__doPostBack): the next page is the form posted back with its view state, never a GET', () => {
  const aspx = (n: number, pages: number) =>
    page(`<form name="aspnetForm" method="post" action="./List.aspx?cid=3" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" value="state-of-${n}"><input type="submit" name="btnSearch" value="搜索">
<table><tr><td><a href="Show.aspx?id=${n}">某局${2025 - n}年政府信息公开工作年度报告</a></td></tr></table>
<div class="pager">共${pages}页 当前第${n}页 ${Array.from({ length: pages }, (_, i) => (i + 1 === n ? `<span class="cur">${n}</span>` : `<a href="javascript:__doPostBack('ctl00$Main$Pager','${i + 1}')">${i + 1}</a>`)).join(' ')}
${n < pages ? `<a href="javascript:__doPostBack('ctl00$Main$Pager','${n + 1}')">下一页</a>` : ''}</div></form>`);
  const url = 'http://a.gov.cn/x/List.aspx?cid=3';
  const next = (html: string) => withGenericPaging({ items: [], next: [] }, html, url).next;
  const [second] = next(aspx(1, 3));
  assert.equal(second?.method, 'POST');
  assert.equal(second?.url, url);
  const form = new URLSearchParams(second?.payload);
  assert.deepEqual([form.get('__EVENTTARGET'), form.get('__EVENTARGUMENT'), form.get('__VIEWSTATE'), form.get('btnSearch')], ['ctl00$Main$Pager', '2', 'state-of-1', null]);
  assert.equal(new URLSearchParams(next(aspx(2, 3))[0]?.payload).get('__EVENTARGUMENT'), '3');
  assert.notEqual(next(aspx(1, 3))[0]?.uniqueKey, next(aspx(2, 3))[0]?.uniqueKey);
  // The last page posts nothing.
  assert.deepEqual(next(aspx(3, 3)), []);
});

test('a grid of agencies × years whose cells only say 查看 / 2023: each link titled by its row and column headers', () => {
  const grid = (heading: string) =>
    page(`<p>${heading}</p><table border="1">
<tr><th>单位</th><th>2024年度</th><th>二〇二三年</th><th>2025年工作要点</th></tr>
<tr><td>某县人民政府</td><td><a href="/up/a.pdf">查看</a></td><td><a href="/up/b.pdf">2023</a></td><td><a href="/x/plan.htm">查看</a></td></tr>
<tr><td>某县某镇人民政府</td><td><a href="/up/c.pdf">下载</a></td><td>—</td><td>—</td></tr></table>`);
  const titles = (html: string) => parseListItems(html, 'http://a.gov.cn/x/hz.htm').map((i) => i.title);
  assert.deepEqual(titles(grid('现将我县各单位历年政府信息公开工作年度报告汇总如下')), [
    '某县人民政府2024年度政府信息公开工作年度报告（汇总表“某县人民政府”行“2024年度”列）',
    '某县人民政府2023年度政府信息公开工作年度报告（汇总表“某县人民政府”行“二〇二三年”列）',
    '某县人民政府2025年工作要点',
    // A row with one link is still a row of the grid.
    '某县某镇人民政府2024年度政府信息公开工作年度报告（汇总表“某县某镇人民政府”行“2024年度”列）',
  ]);
  // Under a heading that does not name the annual reports, a year column says only what its headers say.
  assert.deepEqual(titles(grid('各单位预算公开汇总'))[0], '某县人民政府2024年度');
  // A list table (one link per row: 索引号 | 名称 | 查看) keeps its row's longest cell as the title.
  const list = page(`<table><tr><th>索引号</th><th>名称</th><th>操作</th></tr><tr><td>001-2024-01</td><td>某局2024年政府信息公开工作年度报告</td><td><a href="/a/1.htm">查看</a></td></tr></table>`);
  assert.deepEqual(titles(list), ['某局2024年政府信息公开工作年度报告']);
});

test('list items written by inline document.write scripts (legacy TRS) are read as the browser would write them, or not at all', () => {
  const item = (str1: string, str2: string, title: string) => `<script>
var str_1 = "${str1}";
var str_2 = "${str2}";
var str_t = "${title}";
if (str_2 == "") {
  document.write("<li><a href='" + str_1 + "' title='" + str_t + "'>" + str_t + "</a></li>");
} else {
  document.write("<li><a href='" + str_2 + "' title='" + str_t + "'>" + str_t + "</a></li>");
}
</script>`;
  const html = page(`<ul>${item('./202501/t20250122_1.htm', '', '某局2024年政府信息公开工作年度报告')}${item('./202401/t20240124_2.htm', '/att/P02024.pdf', '某局2023年政府信息公开工作年度报告')}</ul>`);
  assert.deepEqual(
    parseListItems(withScriptWrites(html, 'http://a.gov.cn/nb/index.htm'), 'http://a.gov.cn/nb/index.htm').map((i) => [i.title, i.url]),
    [
      ['某局2024年政府信息公开工作年度报告', 'http://a.gov.cn/nb/202501/t20250122_1.htm'],
      // A non-empty str_2 (the external link) is what the page links, not str_1.
      ['某局2023年政府信息公开工作年度报告', 'http://a.gov.cn/att/P02024.pdf'],
    ],
  );
  const writes = (script: string) => withScriptWrites(`<p><script>${script}</script></p>`, 'http://a.gov.cn/nb/index.htm').replace(/^<p><script>[\s\S]*?<\/script>|<\/p>$/g, '');
  // Numbers add as numbers (a legacy pager's "index_" + (currentPage + 1)).
  assert.equal(writes('var currentPage = 0; var countPage = 3; if (currentPage < countPage - 1) { document.write("<a href=\\"index_" + (currentPage + 1) + ".htm\\">下一页</a>"); }'), '<a href="index_1.htm">下一页</a>');
  // The scripts run as in a browser: loops, helpers an earlier script defined, a title cut by a helper.
  assert.equal(writes('for (var i = 0; i < 3; i++) document.write("<a href=\'" + i + ".htm\'>x</a>");'), "<a href='0.htm'>x</a><a href='1.htm'>x</a><a href='2.htm'>x</a>");
  const helper = `<script>function getTitle(s, n) { return s.length > n ? s.substring(0, n) + '…' : s; }</script>`;
  const cut = `<script>var str_t = "某局2023年政府信息公开工作年度报告"; document.write("<li><a href='./a.htm' title='" + str_t + "'>" + getTitle(str_t, 8) + "</a></li>");</script>`;
  assert.deepEqual(
    parseListItems(withScriptWrites(page(`<ul>${helper}${cut}</ul>`), 'http://a.gov.cn/nb/index.htm'), 'http://a.gov.cn/nb/index.htm').map((i) => i.title),
    ['某局2023年政府信息公开工作年度报告'],
  );
  // A script calling what only an external file defines, or reading an undefined variable, writes nothing guessed.
  assert.equal(writes('document.write(getTitle());'), '');
  assert.equal(writes('document.write("<a href=\'" + url + "\'>x</a>");'), '');
  // Markup built from the page's DOM (which the sandbox does not have) is not placed.
  assert.equal(writes('document.write("<a href=\'" + document.getElementById("base").value + "/x.htm\'>x</a>");'), '');
  // An external script is not read; the page is unchanged when nothing is written.
  const external = '<script src="/js/list.js">document.write("<a href=\'/x.htm\'>x</a>")</script>';
  assert.equal(withScriptWrites(external, 'http://a.gov.cn/nb/index.htm'), external);
});
