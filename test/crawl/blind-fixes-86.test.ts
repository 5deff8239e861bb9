/**
 * Rounds 86-87's changes (docs/blind-portals.md, rounds 86-87), and round 85c's dabu fixed before them: a 年报 column
 * reached by a link naming it, which lists nothing over HTTP and loads a script of its own site (广东 gkmlpt's
 * `/gkmlpt/js/app.js`, drawing its list from a JSON API), is drawn in the browser. Rounds 86-87: a box's caption
 * standing right before its list; a sub-column's page a tab fetched read against its own address, and read as a list
 * page of its own; a pager box holding only its site's script call is a drawn pager; a bare file name beside the link
 * to that file is no second attachment; an empty dataproxy answer is no reason to guess a static page; a column's
 * caption is no unlinked report title; a script opening a request on a written address loads the list. (Round 85b's
 * unit list captioned by kind beside a year select: test/crawl/unit-choices.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { boxCaption } from '../../src/crawl/box-caption.ts';
import { columnDrawnByScript } from '../../src/crawl/drawn-column.ts';
import { loadsSiteScript, scriptLoadsData } from '../../src/crawl/families/detect.ts';
import { drawnPagerBox } from '../../src/crawl/families/drawn-pager.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { fetchedPages } from '../../src/crawl/learn/fetched-pages.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import type { ListData } from '../../src/crawl/requests.ts';
import { unlinkedReportTitles } from '../../src/crawl/unlinked-titles.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';

const PLATFORM = 'http://www.dabu.gov.test/gkmlpt/index';

test('a 年报 column reached by its name that lists nothing and loads a script of its own site is drawn in the browser', () => {
  const platform = (scripts: string) => `<html><head><title>大埔县政府信息公开目录平台</title><script src="/images/jquery.min.js"></script>${scripts}</head>
<body><div class="gk-crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开</div><div class="gk-side"><div id="gk-tree"></div>
<ul><li><a href="/gkmlpt/index#2348">政府信息公开指南</a></li><li><a href="/gkmlpt/index#2344">政府信息公开年报</a></li></ul></div>
<div class="gk-body" id="gk-list"><div class="loading">正在加载……</div></div></body></html>`;
  const app = platform('<script>window._CONFIG = {"SID":"753","TREE":[]};</script><script src="/gkmlpt/js/app.js" defer></script>');
  assert.equal(loadsSiteScript(app, PLATFORM), true);
  assert.equal(columnDrawnByScript(app, PLATFORM, true, true), true, 'the link leading here named the 年报 column');
  assert.equal(columnDrawnByScript(app, PLATFORM, false, true), false, 'nothing says a list of reports belongs here');
  assert.equal(columnDrawnByScript(app, PLATFORM, true, false), false, 'the seed’s page is a 年报 column drawn by script: the seed is drawn itself');
  // Libraries, minified bundles of libraries and another host's scripts (a statistics counter) draw no list of the site's.
  for (const other of ['<script src="/js/jquery.pagination.js"></script>', '<script src="/static/layui/layui.js"></script>', '<script src="/js/vendor.min.js"></script>', '<script src="https://hm.baidu.test/hm.js?ab12"></script>']) {
    assert.equal(columnDrawnByScript(platform(other), PLATFORM, true, true), false, other);
  }
  assert.equal(loadsSiteScript(platform('<script src="//www.dabu.gov.test/js/main.js"></script>'), PLATFORM), true, 'its own host, scheme-relative');
});

const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;

test('a box’s caption standing right before its list captions it: a 最新公开 box shows the reports in passing', () => {
  const url = 'http://www.fucheng.gov.test/zfxxgk/index.html';
  const html = `<html><head><title>政府信息公开_阜城县人民政府</title></head><body><div class="gk-left"><ul class="gk-tree">
<li><a href="/zfxxgk/col/1/index.html">政府信息公开指南</a></li><li><a href="/zfxxgk/col/4/index.html">政府信息公开年报</a></li></ul></div>
<div class="gk-right"><div class="gk-grid"><a href="/zfxxgk/col/1/index.html"><span>公开指南</span></a></div>
<div class="gk-right-tit"><span>最新公开</span></div>
<ul class="gk-new"><li><a href="/a/1">${report('阜城县人民政府', 2024)}</a></li><li><a href="/a/2">${report('阜城县教育局', 2024)}</a></li>
<li><a href="/a/3">阜城县财政局2025年部门预算</a></li></ul></div></body></html>`;
  const $ = loadHtml(html);
  assert.equal(boxCaption($, $('a[href="/a/1"]')), '最新公开');
  // The reports shown in passing: the menu's 年报 column is still where the older ones are.
  const items = [1, 2, 3].map((i) => ({ url: `http://www.fucheng.gov.test/a/${i}`, title: $(`a[href="/a/${i}"]`).text() }));
  assert.deepEqual(listElsewhere(html, url, items as never).map((l) => l.url), ['http://www.fucheng.gov.test/zfxxgk/col/4/index.html']);
  // An entry of a list is no caption of the entry after it, whatever its class says.
  const rows = loadHtml('<div><ul><li><a href="/w">丙</a></li><li class="subtitle"><a href="/x">甲</a></li><li><a href="/y">乙</a></li></ul></div>');
  assert.equal(boxCaption(rows, rows('a[href="/y"]')), '');
});

const exchange = (url: string, body: string, type = 'text/html'): Exchange => ({ method: 'GET', url, body: null, contentType: null, status: 200, responseType: type, responseBody: body });
const subColumnPage = (dir: string, titles: string[]) => `<!DOCTYPE html><html><head><title>县政府年报</title></head><body>
<ul class="nav"><li><a href="http://www.zhecheng.gov.test/sitesources/zc/page_pc/index.html">首页</a></li><li><a href="http://www.zhecheng.gov.test/sitesources/zc/page_pc/zwgk/index.html">政务公开</a></li></ul>
<ul class="zc-list">${titles.map((t, i) => `<li><a href="./article${dir}${i}.html">${t}</a></li>`).join('')}</ul><div id="zcPageBar" data-conf="./script.json"></div></body></html>`;

test('a sub-column’s page a tab fetched is read against its own address when the page drew its links so; it is a list page of its own', () => {
  const page = 'http://www.zhecheng.gov.test/sitesources/zc/page_pc/zwgk/zfxxgknb/list1.html';
  const answerUrl = 'http://www.zhecheng.gov.test/sitesources/zc/page_pc/zwgk/zfxxgknb/xzfnb/list1.html';
  const titles = [report('柘城县人民政府', 2024), report('柘城县人民政府', 2023)];
  const answer = exchange(answerUrl, subColumnPage('x', titles));
  // The tab's script rewrote each href against the sub-column (`new URL(href, base)`); its menu's links are absolute.
  const rendered = `<html><body><ul class="nav"><li><a href="http://www.zhecheng.gov.test/sitesources/zc/page_pc/index.html">首页</a></li></ul><div id="nbTabCon"><ul class="zc-list">${titles.map((t, i) => `<li><a href="${new URL(`./articlex${i}.html`, answerUrl).href}">${t}</a></li>`).join('')}</ul></div></body></html>`;
  const learned = learnListEndpoint([answer], page, [], rendered);
  assert.ok(learned);
  assert.deepEqual(learned.items.filter((i) => classifyTitle(i.title).isReport).map((i) => i.url), [0, 1].map((i) => new URL(`./articlex${i}.html`, answerUrl).href));
  // Whole pages of the host fetched by script are list pages of their own; fragments, JSON and other hosts are not.
  const fragment = exchange('http://www.zhecheng.gov.test/frag.html', '<li><a href="/a.html">甲</a></li>');
  const json = exchange('http://www.zhecheng.gov.test/api/list', '{"data":[]}', 'application/json');
  const other = exchange('http://cdn.example.test/sub/list1.html', subColumnPage('y', titles));
  assert.deepEqual(fetchedPages([answer, fragment, json, other, exchange(page, subColumnPage('z', titles))], page), [answerUrl]);
});

test('a pager box holding only its site’s script call (fenye(12, 2, 1, …)) or named a page bar is drawn by script', () => {
  const page = (box: string) => `<html><head><script src="/js/fenye.js"></script></head><body><ul><li><a href="/a.html">甲</a></li></ul>${box}</body></html>`;
  const drawn = (box: string) => drawnPagerBox(loadHtml(page(box)), page(box));
  assert.equal(drawn('<div class="fy" id="fy"><script>fenye(12, 2, 1, "list", "shtml");</script></div>'), '#fy');
  assert.equal(drawn('<div class="zc-pagebar" id="zcPageBar" data-conf="./script.json"></div>'), '#zcPageBar');
  assert.equal(drawn('<div class="fy" id="fy"><script>document.write("");</script></div>'), null, 'a script drawing from no numbers');
  assert.equal(drawn('<div class="fy" id="fy">共1页<script>fenye(1, 1, 1, "list", "shtml");</script></div>'), null, 'a box saying something');
});

test('a bare file name kept beside the link to that file is the same file, not one in the page’s folder', () => {
  const url = 'http://www.dayi.gov.test/govInfo/detail.action?id=639572&tn=2';
  const html = `<html><body><div class="gk-att"><p>附件：</p><ul><li><a href="/uploadfiles/govInfo/202401/2024012916453321.pdf">大邑县卫生健康局2023年度政府信息公开工作年度报告.pdf</a></li></ul></div>
<div class="gk-tools"><span class="file-id" data-file="2024012916453321.pdf"></span><span data-file="other.pdf"></span></div></body></html>`;
  assert.deepEqual(findAttachments(loadHtml(html), url).map((a) => a.url), ['http://www.dayi.gov.test/uploadfiles/govInfo/202401/2024012916453321.pdf', 'http://www.dayi.gov.test/govInfo/other.pdf']);
});

test('an empty dataproxy answer past the last record ends the list: no static page guessed from its <totalpage>', () => {
  const u = 'http://www.xianju.gov.test/module/jpage/dataproxy.jsp?page=3&appid=1&webid=3180&columnid=1229452210';
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<totalrecord>21</totalrecord>\n<totalpage>5</totalpage>\n<recordset>\n</recordset>\n</datastore>';
  const data: ListData = { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'hanweb', pageIndex: 3, cursor: { getUrl: u, referer: 'http://www.xianju.gov.test/col/col1229452210/index.html', mode: 'get', page: 3, total: '', island: 15 } };
  const parsed = parseList({ url: u, loadedUrl: u, body, status: 200, headers: {} } as never, data);
  assert.deepEqual(parsed.next, []);
});

test('a column’s caption outside any row is no unlinked report title; a row’s unlinked title still is', () => {
  const page = (box: string) => `<html><head><title>2022年度_额敏县人民政府</title></head><body><div class="right-tit"><span>政府信息公开年报 · 2022年度</span></div>${box}</body></html>`;
  const isReport = (t: string) => classifyTitle(t).isReport;
  assert.deepEqual(unlinkedReportTitles(page('<ul><li><a href="/a.html">额敏县2022年政府信息公开工作年度报告</a></li></ul>'), ['额敏县2022年政府信息公开工作年度报告'], isReport), []);
  assert.deepEqual(unlinkedReportTitles(page('<ul><li><span class="title">额敏县额敏镇2022年政府信息公开工作年度报告</span></li></ul>'), [], isReport), ['额敏县额敏镇2022年政府信息公开工作年度报告']);
});

test('a script opening a request on an address it writes loads the list (甘肃’s /common/search/ columns)', () => {
  const page = (code: string) => `<html><body><ul id="body"><!-- <li><a href="/a.html">甲</a></li> --></ul><script>${code}</script></body></html>`;
  assert.equal(scriptLoadsData(page("var xhr = new XMLHttpRequest(); xhr.open('GET', '/common/search/' + cid + '?_isJson=true&page=' + page);")), true);
  assert.equal(scriptLoadsData(page("fetch('/gkpt/list?unit=' + u).then(function (r) { return r.json(); });")), true);
  assert.equal(scriptLoadsData(page("var d = new Date(); document.getElementById('today').innerHTML = d.getFullYear();")), false);
});
