/**
 * The discovery fixes the blind portals called for (docs/blind-portals.md), each on its own small page so a
 * regression names its cause: TRS pager globals, Hanweb ajaxParam by variable, the 年报 column of a menu, page
 * URLs from the page's own parameter or pager form, 查看 rows, onclick rows behind void links, JSON items linked
 * by id, a list page that is a report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { listPageAsReport } from '../../src/crawl/collection.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { hanwebForm } from '../../src/crawl/families/hanweb.ts';
import { nextPageUrl } from '../../src/crawl/families/pager.ts';
import { reportColumnLinks } from '../../src/crawl/families/report-column.ts';
import { parseTrsPager } from '../../src/crawl/families/trs-pager.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { readList } from '../../src/crawl/learn/list-shape.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const page = (body: string, title = '列表') => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body });

test('TRS: the pager globals an external script reads are the pager; an article page declaring them is not', () => {
  const list = page('<div id="pg"></div><script>var _nPageCount = 4; var _nCurrIndex = 1; var _sPageName = "list"; var _sPageExt = "htm";</script><script src="/js/pg.js"></script>');
  assert.deepEqual(parseTrsPager(list, 'http://a.gov.cn/nb/list_1.htm'), { pageCount: 4, current: 1, name: 'list', ext: 'htm' });
  const article = page('<script>var _nPageCount = 2; var _nCurrIndex = 0; var _sPageName = "t20240101_55"; var _sPageExt = "html";</script>');
  assert.equal(parseTrsPager(article, 'http://a.gov.cn/nb/202401/t20240101_55.html'), null);
  // The function's own definition (parameters compared, not assigned) is no pager.
  assert.equal(parseTrsPager(page('<script>function createPageHTML(_nPageCount,_nCurrIndex,_sPageName,_sPageExt){ if(_nPageCount == null || _nPageCount<=1) return; }</script>')), null);
});

test('Hanweb: ajaxParam given as a variable is read from the object the page assigns', () => {
  const html = page(`<div id="5501"><script type="text/xml"><datastore><totalrecord>30</totalrecord><recordset></recordset></datastore></script></div>
<script>var opts = { col: 1, webid: 8, columnid: 4410, unitid: '5501', webname: '某局' };
$('#5501').jpage({ perPage: 10, ajaxParam: opts, proxyUrl: '/module/jpage/dataproxy.jsp' });</script>`);
  const form = hanwebForm(html, 'http://a.gov.cn/col/col4410/index.html');
  assert.equal(form?.get('webid'), '8');
  assert.equal(form?.get('webname'), '某局');
  assert.equal(form?.get('unitid'), '5501');
});

test('a page listing no report follows the 年报 column its menu names, never its own column; one listing reports does not', () => {
  const home = page('<ul><li><a href="/gk/zn/">政府信息公开指南</a></li><li><a href="/gk/nb/ndbg/">年度报告</a></li><li><a href="./">政府信息公开年报</a></li><li><a href="/gk/nb/x.pdf">年报</a></li><li><a href="http://b.gov.cn/nb/">信息公开年报</a></li></ul>');
  assert.deepEqual(reportColumnLinks(home, 'http://a.gov.cn/gk/index.html', []), ['http://a.gov.cn/gk/nb/ndbg/']);
  const items = [{ title: '某局2023年政府信息公开工作年度报告', url: 'http://a.gov.cn/gk/1.html', date: null, isFile: false }];
  assert.deepEqual(reportColumnLinks(home, 'http://a.gov.cn/gk/index.html', items), []);
  // Through the generic parser: the column is a next request, not an item.
  const parsed = parseGenericList(visit('http://a.gov.cn/gk/index.html', home));
  assert.ok(parsed.next.some((n) => n.url === 'http://a.gov.cn/gk/nb/ndbg/'));
  assert.ok(!parsed.items.some((i) => i.url === 'http://a.gov.cn/gk/nb/ndbg/'));
});

test('script pagers without page links: the page URL parameter, else the GET form the script submits', () => {
  const pager = '<a href="javascript:goPage(1)">1</a><b>1</b><a href="javascript:goPage(2)">2</a><a href="javascript:goPage(2)">下一页</a>';
  assert.equal(nextPageUrl(page(pager), 'http://a.gov.cn/info/iList.jsp?cat_id=7&cur_page=1'), 'http://a.gov.cn/info/iList.jsp?cat_id=7&cur_page=2');
  const form = `${pager}<form name="f" action="/info/list.jsp" method="get"><input type="hidden" name="cat_id" value="7"><input type="hidden" name="pageNo" value="1"></form>`;
  assert.equal(nextPageUrl(page(form), 'http://a.gov.cn/info/list.jsp?cat_id=7'), 'http://a.gov.cn/info/list.jsp?cat_id=7&pageNo=2');
  // A POST form is not a page URL.
  assert.equal(nextPageUrl(page(form.replace('method="get"', 'method="post"')), 'http://a.gov.cn/info/list.jsp?cat_id=7'), null);
});

test('a 查看 link in a table row is titled by the row\'s worded cell, not its index number or date', () => {
  const rows = page(`<table><tr><td>00812-0102-2024-0001</td><td>某县2023年政府信息公开工作年度报告</td><td>2024-01-20</td><td><a href="/d?id=1">查看</a></td></tr>
<tr><td>2024-01-21</td><td>某县人民政府</td><td><a href="/d?id=2">查看</a></td></tr></table>`);
  assert.deepEqual(
    parseListItems(rows, 'http://a.gov.cn/l').map((i) => [i.title, i.date]),
    [
      ['某县2023年政府信息公开工作年度报告', '2024-01-20'],
      ['某县人民政府', '2024-01-21'],
    ],
  );
});

test('a row opened by its onclick is an item even when its link leads nowhere', () => {
  const rows = page(`<ul><li onclick="window.open('/nb/2023n/1752504210521403394.html')"><a href="javascript:void(0)">某市2023年政府信息公开工作年度报告</a><em>2024-03-25</em></li>
<li onclick="track()"><a href="/nb/real.html">某市2022年政府信息公开工作年度报告</a></li></ul>`);
  assert.deepEqual(
    parseListItems(rows, 'http://a.gov.cn/nb/1.html').map((i) => i.url),
    ['http://a.gov.cn/nb/real.html', 'http://a.gov.cn/nb/2023n/1752504210521403394.html'],
  );
});

test('JSON items that carry an id and no URL: the link template is learned from the drawn page, and later pages read with it', () => {
  const answer = (n: number) =>
    JSON.stringify({ ok: true, result: { total: 4, rows: [1, 2].map((k) => ({ docId: `d${n}${k}x`, docTitle: `某局${2025 - n * 2 - k}年政府信息公开工作年度报告`, t: '2024-01-02' })) } });
  const x = (n: number): Exchange => ({ method: 'POST', url: 'http://a.gov.cn/gw/query', body: JSON.stringify({ pageNo: n, size: 2 }), contentType: 'application/json', status: 200, responseType: 'application/json', responseBody: answer(n) });
  const drawn = page(JSON.parse(answer(1)).result.rows.map((r: { docId: string; docTitle: string }) => `<a href="/xxgk/doc/${r.docId}.html">${r.docTitle}</a>`).join(''));
  const learned = learnListEndpoint([x(1)], 'http://a.gov.cn/xxgk/nb/index.html', [x(2)], drawn);
  assert.ok(learned);
  assert.deepEqual(learned.items.map((i) => i.url), ['http://a.gov.cn/xxgk/doc/d11x.html', 'http://a.gov.cn/xxgk/doc/d12x.html']);
  assert.ok(learned.endpoint.page, 'the page parameter is learned from the second answer read with the template');
  assert.deepEqual(readList(answer(2), x(2).url, learned.endpoint.base, learned.endpoint.shape).map((i) => i.url), ['http://a.gov.cn/xxgk/doc/d21x.html', 'http://a.gov.cn/xxgk/doc/d22x.html']);
  // Without the drawn page there is no URL to learn: no endpoint (the seed stays to be flagged, never guessed).
  assert.equal(learnListEndpoint([x(1)], 'http://a.gov.cn/xxgk/nb/index.html'), null);
});

test('a page reached as a list that is one report is read as that report; a year column is not', () => {
  const body = '<h3>一、总体情况</h3><p>…</p><h3>三、收到和处理政府信息公开申请情况</h3><p>本年新收0件。</p>';
  const report = page(`<h1>某局2023年政府信息公开工作年度报告</h1><div class="content">${body}</div>`, '某局2023年政府信息公开工作年度报告');
  assert.equal(listPageAsReport(() => parseDetailPage(report, 'http://a.gov.cn/nb/2024/1.html'), 0), '某局2023年政府信息公开工作年度报告');
  assert.equal(listPageAsReport(() => parseDetailPage(report, 'http://a.gov.cn/nb/2024/1.html'), 2), null);
  const column = page('<ul><li><a href="/a.html">某局2023年政府信息公开工作年度报告</a></li></ul>', '2023年度报告');
  assert.equal(listPageAsReport(() => parseDetailPage(column, 'http://a.gov.cn/nb/2023n/'), 0), null);
});

test('pagers of the third round: a page function that builds the address, a jump menu of page files', () => {
  const turn = page('<span onclick="turn(1)">1</span><span class="cur">1</span><span onclick="turn(2)">2</span><span onclick="turn(2)">下一页</span><script>function turn(n){ location.href = n == 1 ? \'list.shtml\' : \'list_\' + n + \'.shtml\'; }</script>');
  assert.equal(nextPageUrl(turn, 'http://a.gov.cn/nb/list.shtml'), 'http://a.gov.cn/nb/list_2.shtml');
  // A function that builds nothing from its argument gives no page.
  assert.equal(nextPageUrl(turn.replace(/location\.href[^;]*;/, 'load(n);'), 'http://a.gov.cn/nb/list.shtml'), null);
  const jump = (sel: number) => page(`共3页 <select onchange="location.href=this.value">${[1, 2, 3].map((n) => `<option value="${n === 1 ? 'index.html' : `index_${n}.html`}"${n === sel ? ' selected' : ''}>第${n}页</option>`).join('')}</select>`);
  assert.equal(nextPageUrl(jump(1), 'http://a.gov.cn/nb/index.html'), 'http://a.gov.cn/nb/index_2.html');
  assert.equal(nextPageUrl(jump(3), 'http://a.gov.cn/nb/index_3.html'), null);
});

test('a page listing no report reads the list in its frame; viewers and other hosts are not lists', () => {
  const html = page('<iframe src="/nb/list.shtml"></iframe><iframe src="/pdfjs/web/viewer.html?file=/a.pdf"></iframe><iframe src="http://map.example.com/x"></iframe>');
  const parsed = parseGenericList(visit('http://a.gov.cn/nb/index.shtml', html));
  assert.deepEqual(parsed.next.map((n) => n.url), ['http://a.gov.cn/nb/list.shtml']);
  const withReport = html.replace('<iframe', '<a href="/r.html">某局2023年政府信息公开工作年度报告</a><iframe');
  assert.deepEqual(parseGenericList(visit('http://a.gov.cn/nb/index.shtml', withReport)).next, []);
});
