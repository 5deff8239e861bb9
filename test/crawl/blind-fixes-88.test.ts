/**
 * Rounds 88-89's changes (docs/blind-portals.md, rounds 88-89): a year filter posted as a form is chosen year by year;
 * a tab bar's further tabs in a drop-down closed on load are choices; a grid whose header names two kinds of document
 * is a grid on a page of one link a row; the legacy TRS pager writing `list_N.html`; a page its server cut with an
 * error is a failure asked again; a page's own tab bar of units over one address gives its other tabs, their values
 * in GBK kept apart; the seed's own list, loaded by its script, is drawn though its sub-columns gave reports.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import type { Page } from 'playwright';
import { Catalog } from '../../src/catalog/catalog.ts';
import { cutByServerError } from '../../src/download/cut-page.ts';
import { withPageEncoding } from '../../src/download/scope.ts';
import { siblingTabLinks } from '../../src/crawl/families/sibling-tabs.ts';
import { parseTrsPager, trsPageUrl } from '../../src/crawl/families/trs-pager.ts';
import { yearPostForms } from '../../src/crawl/families/year-form.ts';
import { HostQueue } from '../../src/crawl/host-queue.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { listChoices, MARK_CHOICES, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { worthRendering } from '../../src/crawl/seed-review.ts';
import { SeedTallies } from '../../src/crawl/seed-tally.ts';
import { tableCellTitle } from '../../src/crawl/table-cell-title.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

const isYear = (t: string) => /^\s*(?:19|20)\d{2}\s*年?度?\s*$/.test(t);

test('a year filter posted as a form: each year not shown is the form posted with that year chosen', () => {
  const page = 'http://gov.test/xxgk/zfxxgknb/list.do';
  const $ = loadHtml(`<form id="nbForm" method="post" action="/xxgk/zfxxgknb/list.do;jsessionid=AB12">
<select name="fbnf" onchange="document.nbForm.submit();"><option value="2025" selected>2025年</option><option value="2024">2024年</option><option value="2023">2023年</option></select>
<input type="hidden" name="lmdm" value="zfxxgknb"><input type="submit" value="查询"></form>
<form method="post" action="/search"><select name="type"><option>全部</option><option>文件</option></select></form>`);
  const posts = yearPostForms($, page, isYear);
  assert.deepEqual(posts.map((p) => [p.method, p.url, p.payload]), [
    ['POST', 'http://gov.test/xxgk/zfxxgknb/list.do', 'fbnf=2024&lmdm=zfxxgknb'],
    ['POST', 'http://gov.test/xxgk/zfxxgknb/list.do', 'fbnf=2023&lmdm=zfxxgknb'],
  ]);
  assert.notEqual(posts[0]!.uniqueKey, posts[1]!.uniqueKey, 'one address, told apart by what is posted');
  // A GET form is year-form.ts's yearFormOptions', not posted.
  assert.deepEqual(yearPostForms(loadHtml('<form method="get"><select name="y"><option>2024</option><option>2023</option></select></form>'), page, isYear), []);
});

test('a grid whose header names two kinds of document is a grid, though the year shown has one link a row', () => {
  const $ = loadHtml(`<table class="nb-grid"><thead><tr><th>序号</th><th>单位名称</th><th>政府信息公开工作年度报告</th><th>政府网站工作年度报表</th><th>图解</th></tr></thead>
<tbody><tr class="group"><td colspan="5">区政府</td></tr><tr><td>1</td><td>某区人民政府</td><td><a href="/nb/1.html">查看</a></td><td>—</td><td>—</td></tr></tbody></table>`);
  assert.equal(tableCellTitle($, $('a').first())?.title, '某区人民政府政府信息公开工作年度报告');
  // A list of one link a row under neutral columns stays a list, titled by its row.
  const list = loadHtml('<table><tr><th>序号</th><th>标题</th><th>发布日期</th></tr><tr><td>1</td><td><a href="/a.html">某区2024年政府信息公开工作年度报告</a></td><td>2025-01-02</td></tr></table>');
  assert.equal(tableCellTitle(list, list('a').first()), null);
});

test('the legacy TRS pager writing list_N.html names its pages list_N, not index_N', () => {
  const html = `<div class="page"><script language="JavaScript">
var currentPage = 0;//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = 2//共多少页
document.write("共"+countPage+"页&nbsp;&nbsp;");
if(nextPage<countPage){document.write("<a href=\\"list_"+nextPage+".html\\">下一页</a>&nbsp;");}
</script></div>`;
  const pager = parseTrsPager(html, 'http://gov.test/xxgk/nb/list.html');
  assert.ok(pager);
  assert.equal(trsPageUrl(pager, 1, 'http://gov.test/xxgk/nb/list.html'), 'http://gov.test/xxgk/nb/list_1.html');
  const index = parseTrsPager(html.replace('"list_"+nextPage', '"index"+"_"+nextPage'), 'http://gov.test/xxgk/nb/index.html');
  assert.equal(trsPageUrl(index!, 1, 'http://gov.test/xxgk/nb/index.html'), 'http://gov.test/xxgk/nb/index_1.html');
});

test('a page its server cut with an error where the rest should be, and only such a page', () => {
  const head = '<html><head><title>年报</title></head><body><ul><li><a href="/a.html">某市人民政府2024年政府信息公开工作年度报告</a></li></ul>';
  const trace = `<div class="ewb-error"><p>系统繁忙，请稍后刷新重试。</p><pre>org.apache.jasper.JasperException: An exception occurred processing JSP page
com.mysql.jdbc.exceptions.MySQLTimeoutException: Statement cancelled
\tat com.mysql.jdbc.PreparedStatement.executeInternal(PreparedStatement.java:1881)
</pre></div>`;
  assert.equal(cutByServerError(Buffer.from(head + trace)), true, 'a Java trace and no end of the document');
  assert.equal(cutByServerError(iconv.encode(`${head}<p>系统繁忙，请稍后刷新重试</p>`, 'gbk')), true, 'the busy words in GBK, cut');
  assert.equal(cutByServerError(Buffer.from(`${head + trace}<div class="footer">版权所有</div></body></html>\n`)), false, 'a whole page quoting a trace');
  assert.equal(cutByServerError(Buffer.from(`${head}<div class="footer">版权所有</div>`)), false, 'a page without its end but no error');
});

test('a page’s own tab bar of units over one address: its other tabs, their GBK values kept apart', () => {
  const gbk = (s: string) => [...iconv.encode(s, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const page = `http://gov.test/xxgk/nb.asp?dw=${gbk('琼结县人民政府')}`;
  const html = `<title>政府信息公开年报</title><table class="tabs"><tr><td class="on"><a href="nb.asp?dw=琼结县人民政府">琼结县</a></td>
<td><a href="nb.asp?dw=琼结镇人民政府">琼结镇</a></td><td><a href="nb.asp?dw=拉玉乡人民政府">拉玉乡</a></td><td><a href="nb.asp?dw=加麻乡人民政府">加麻乡</a></td></tr></table>
<div class="page"><a href="nb.asp?dw=琼结县人民政府&amp;page=2">下一页</a></div>`;
  const links = withPageEncoding('gb18030', () => siblingTabLinks(loadHtml(html), page));
  assert.deepEqual(links, ['琼结镇人民政府', '拉玉乡人民政府', '加麻乡人民政府'].map((u) => `http://gov.test/xxgk/nb.asp?dw=${gbk(u)}`));
  // No tab marked current, or the current one another page: nothing is taken.
  assert.deepEqual(withPageEncoding('gb18030', () => siblingTabLinks(loadHtml(html.replace(' class="on"', '')), page)), []);
  assert.deepEqual(withPageEncoding('gb18030', () => siblingTabLinks(loadHtml(html), `http://gov.test/xxgk/nb.asp?dw=${gbk('拉玉乡人民政府')}`)), []);
  // A filter bar offering the whole list (全部: a town's view of its district's column) and a bar of other columns
  // (政策文件 | 年报 over `?catId=`) give nothing.
  const filter = '<title>信息公开年报</title><div class="zj-filter"><a href="index.html">全部</a><a href="index.html?deptId=1" class="on">大良街道</a><a href="index.html?deptId=2">容桂街道</a></div>';
  assert.deepEqual(siblingTabLinks(loadHtml(filter), 'http://gov.test/nb/index.html?deptId=1'), []);
  // A part's own view (its tab not the bar's first: a bureau's reports in a shared column) gives nothing either.
  const part = html.replace('<td class="on">', '<td>').replace('<td><a href="nb.asp?dw=拉玉乡人民政府">', '<td class="on"><a href="nb.asp?dw=拉玉乡人民政府">');
  assert.deepEqual(withPageEncoding('gb18030', () => siblingTabLinks(loadHtml(part), `http://gov.test/xxgk/nb.asp?dw=${gbk('拉玉乡人民政府')}`)), []);
  const menu = '<title>信息公开年报</title><ul><li class="on"><a href="list.jsp?cid=1">年报</a></li><li><a href="list.jsp?cid=2">政策文件</a></li></ul>';
  assert.deepEqual(siblingTabLinks(loadHtml(menu), 'http://gov.test/list.jsp?cid=1'), []);
  // Queued, the four are four requests: Crawlee's key decodes the query as UTF-8, where the names of one length were one.
  const catalog = Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
  try {
    const q = HostQueue.open(catalog.frontier, 'crawl', 'gov.test');
    assert.equal(q.add([page, ...links].map((url) => ({ url }))), 4);
    assert.equal(q.add([{ url: links[1]! }]), 0, 'the same address is still one request');
  } finally {
    catalog.close();
  }
});

test('the seed’s own list loaded by its script is drawn though its sub-columns gave reports', () => {
  const tallies = new SeedTallies();
  const t = tallies.of(1, 'http://gov.test/zwgk/zfxxgknb/');
  Object.assign(t, { seedPageRead: true, listPages: 3, items: 2, reportItems: 2, hasScripts: true, namesReports: true, family: 'trs', usedBrowser: true });
  assert.equal(worthRendering(t), false);
  t.seedListDrawn = true;
  assert.equal(worthRendering(t), true);
});

const browser = fileBrowser();
const PAGE = 'http://gov.test/gkmlpt/annualreport';
const LISTS: Record<string, string> = { '2024': '某县人民政府2024年政府信息公开工作年度报告', '2023': '某县人民政府2023年政府信息公开工作年度报告', '2021': '某县人民政府2021年政府信息公开工作年度报告', '2020': '某县人民政府2020年政府信息公开工作年度报告' };
const answer = (url: URL) => {
  const m = /^\/api\/all\/(\d+)$/.exec(url.pathname);
  return m && LISTS[m[1]!] ? JSON.stringify({ total: 1, articles: [{ title: LISTS[m[1]!], url: `/content/post_${m[1]}.html` }] }) : null;
};
// gkmlpt's look: two year tabs, two more in a drop-down closed on load, the page drawn anew at every choice.
const yearTabs = `<html><body><div id="app"></div><script>
var years = ['2024', '2023', '2021', '2020'], SHOWN = 2, app = document.getElementById('app');
function draw(active, list) {
  var h = '<div class="nb-head"><h2>政府信息公开年报</h2><ul class="nb-tabs">';
  years.slice(0, SHOWN).forEach(function (y) { h += '<li class="' + (y === active ? 'active' : '') + '"><a href="javascript:;" data-id="' + y + '">' + y + '年度</a></li>'; });
  h += '</ul><div class="nb-more"><a href="javascript:;" class="nb-more-btn">更多年度 ▾</a><ul class="nb-more-list" style="display:none">';
  years.slice(SHOWN).forEach(function (y) { h += '<li><a href="javascript:;" data-id="' + y + '">' + y + '年度</a></li>'; });
  app.innerHTML = h + '</ul></div></div><ul class="list">' + list.map(function (a) { return '<li><a href="' + a.url + '">' + a.title + '</a></li>'; }).join('') + '</ul>';
  [].forEach.call(app.querySelectorAll('a[data-id]'), function (a) { a.onclick = function () { location.hash = '#' + a.getAttribute('data-id'); }; });
  app.querySelector('.nb-more-btn').onclick = function () { var l = app.querySelector('.nb-more-list'); l.style.display = l.style.display === 'none' ? 'block' : 'none'; };
}
function load() { var y = (location.hash || '#2024').slice(1); fetch('/api/all/' + y).then(function (r) { return r.json(); }).then(function (d) { draw(y, d.articles); }); }
window.addEventListener('hashchange', load); load();
</script></body></html>`;

test('a tab bar’s further tabs in a drop-down closed on load are choices, clicked as its reader would', { timeout: 90_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page: Page = await servedPage(browser()!, PAGE, yearTabs, answer);
  try {
    await page.waitForSelector('.list li');
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(choices.map((c) => [c.text, c.hidden ?? false]), [['2023年度', false], ['2021年度', true], ['2020年度', true]]);
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).pathname).sort(), ['/api/all/2020', '/api/all/2021', '/api/all/2023']);
    assert.equal(chosen.unmade, 0, 'the tab chosen from the drop-down leaves the bar with no tab marked: the others are still made');
  } finally {
    await page.close();
  }
});
