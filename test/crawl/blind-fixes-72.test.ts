/**
 * Round 72's changes (docs/blind-portals.md, round 72), and round 71's yinan left open there; the blind portals
 * themselves are crawled whole by the blind parts. A page's second list, asked from another endpoint than the one
 * learned (a box of the units' reports paged by 加载更多 with a date cursor), is learned beside it and read; a page
 * titled as a compilation of the reports is their index; a 年报 column whose script loads its list is drawn; a later
 * page its family reads nothing of is read by the other parsers; a JSONP script is a data request; a WAF's 405 block
 * page is a rate limit; a later page of the seed's pager announcing fewer items than its first is a stale copy, said.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnDrawnByScript } from '../../src/crawl/drawn-column.ts';
import { scriptLoadsData } from '../../src/crawl/families/detect.ts';
import { otherListEndpoints } from '../../src/crawl/families/learned.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import { isDataRequest, refusedDataHost } from '../../src/crawl/off-scope-data.ts';
import { laterPageOfSeed, staleCount } from '../../src/crawl/stale-pages.ts';
import { mayBeBlockPage, saysTooFrequent } from '../../src/download/soft-rate-limit.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';
import { learnListEndpoint, listsBeside, storableEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';

const PAGE = 'http://gov.test/zwgk/zfxxgknb/index.html';
const json = (url: string, body: unknown, headers?: Record<string, string>): Exchange => ({
  method: 'GET',
  url,
  body: null,
  contentType: null,
  ...(headers ? { headers } : {}),
  status: 200,
  responseType: 'application/json',
  responseBody: JSON.stringify(body),
});
const row = (title: string, id: number, date: string, unit?: string) => ({ title, url: `/art/2025/1/20/art_7311_${id}.html`, pubDate: date, ...(unit ? { unit } : {}) });
const years = json('http://gov.test/api/annual/group?column=nb', {
  status: 0,
  data: {
    '2024': [row('沂南县2024年政府信息公开工作年度报告', 1, '2025-01-20'), row('沂南县2025年政务公开工作要点', 2, '2025-03-01')],
    '2023': [row('沂南县2023年政府信息公开工作年度报告', 3, '2024-01-19')],
  },
}, { 'x-site-code': 'YN01' });
const units = (before: string | null, rows: ReturnType<typeof row>[], more: boolean) =>
  json(`http://gov.test/api/annual/units?size=2${before ? `&before=${before}` : ''}`, { status: 0, data: { list: rows, hasMore: more } }, { 'x-site-code': 'YN01' });
const first = units(null, [row('2024年度政府信息公开工作年度报告', 11, '2025-01-15', '沂南县教育局'), row('关于做好年报编制工作的通知', 12, '2024-12-20', '沂南县政府办')], true);
const turned = units('2024-12-20', [row('2023年度政府信息公开工作年度报告', 13, '2024-01-10', '沂南县依汶镇人民政府')], false);

test("a page's second list, from another endpoint than the learned one, is learned beside it with its own paging", () => {
  const learned = learnListEndpoint([years, first], PAGE, [turned]);
  assert.ok(learned);
  assert.match(learned.endpoint.request.url, /group/, 'the list with the most reports is the one learned');
  const beside = listsBeside(learned, [years, first], PAGE, [turned], '');
  assert.deepEqual(beside.map((e) => new URL(e.request.url).pathname), ['/api/annual/units']);
  // Its date cursor learned from its own 加载更多 answer: the next page asked with the last item's date.
  assert.equal(beside[0]!.cursor?.name, 'before');
  // Read with the learned one (this run and a replay), the token header stored by name only.
  const endpoint = { ...learned.endpoint, beside };
  assert.deepEqual(otherListEndpoints(endpoint).map((e) => new URL(e.request.url).pathname), ['/api/annual/units']);
  assert.deepEqual(storableEndpoint(endpoint).beside?.[0]?.request.headers, { 'x-site-code': '' });
  // An answer on the page holding no report the learned list lacks (a box of hot news, the same reports again) is none.
  const hot = json('http://gov.test/api/hot', { list: [row('沂南县2024年政府信息公开工作年度报告', 1, '2025-01-20'), row('全县春耕生产有序推进', 21, '2025-03-02'), row('县长信箱答复选登', 22, '2025-03-03')] });
  assert.deepEqual(listsBeside(learned, [years, hot], PAGE, [], ''), []);
});

test('a page titled as a compilation of the reports (…年度报告汇总), a table of units each linked by 点击查看, is their index', async () => {
  const { classifyCollection } = await import('../../src/crawl/collection.ts');
  const { parseDetailPage } = await import('../../src/crawl/detail-page.ts');
  const url = 'http://gov.test/xxgk/xxgknb/202502/t20250214_3901122.html';
  const html = page(
    '鄂托克前旗人民政府',
    '鄂托克前旗2024年度旗直部门、苏木镇政府信息公开工作年度报告汇总',
    `<h1>鄂托克前旗2024年度旗直部门、苏木镇政府信息公开工作年度报告汇总</h1><div class="TRS_Editor"><p>现将我旗各旗直部门、各苏木镇2024年度政府信息公开工作年度报告汇总公布如下：</p>
<table border="1"><tr><td>序号</td><td>单位名称</td><td>年度报告</td><td>备注</td></tr>
<tr><td>1</td><td>鄂托克前旗农牧局</td><td><a href="./P020250214512367890123.pdf">点击查看</a></td><td></td></tr>
<tr><td>2</td><td>鄂托克前旗林业和草原局</td><td><a href="./P020250214512368214561.pdf">点击查看</a></td><td></td></tr>
<tr><td>3</td><td>昂素镇人民政府</td><td><a href="../../sumzxxgk/asz/202501/t20250124_3859012.html">点击查看</a></td><td></td></tr></table></div>`,
  );
  const detail = parseDetailPage(html, url);
  assert.equal(classifyCollection(html, url, detail, '鄂托克前旗2024年度旗直部门、苏木镇政府信息公开工作年度报告汇总').collection, true);
  // One agency's report page with its files, titled as a report, stays a report.
  const own = html.replace(/旗直部门、苏木镇政府信息公开工作年度报告汇总/g, '政府信息公开工作年度报告');
  assert.equal(classifyCollection(own, url, parseDetailPage(own, url), '鄂托克前旗2024年度政府信息公开工作年度报告').collection, false);
});

const COLUMN_URL = 'http://www.jianhu.gov.test/col/col20470/index.html';

test("a 年报 column listing nothing whose inline script loads its list from an address it names is drawn in the browser", () => {
  const column = (head: string, script: string) =>
    page('建湖县人民政府', head, `<div class="list-title"><h2>${head}</h2></div><div id="96180"></div><script type="text/javascript">${script}</script>`, { crumbs: '政府信息公开 &gt; 政府信息公开年报 &gt; 2021年度' });
  const mount = "HJPage.mount('96180', {proxyUrl:'/module/web/jpage/dataproxy.jsp', webid:87, columnid:20470, perPage:15});";
  const jsonp = "xxgkList.init({api: 'http://data.gov.test/common/search/', channelId: 'ab12', pageSize: 5});";
  assert.equal(scriptLoadsData(column('2021年度', mount)), true);
  assert.equal(columnDrawnByScript(column('2021年度', mount), COLUMN_URL), true);
  assert.equal(columnDrawnByScript(column('2021', jsonp), COLUMN_URL), true, 'a bare year, its loader configured with its service');
  // A page whose script loads nothing (a tab switcher), or a column of something else, is not drawn.
  assert.equal(columnDrawnByScript(column('2021年度', "document.getElementById('96180').className = 'on';"), COLUMN_URL), false);
  const news = page('建湖县人民政府', '新闻动态', `<h2>新闻动态</h2><div id="l"></div><script>$.post('/news/list.do', {page: 1});</script>`, { crumbs: '新闻动态' });
  assert.equal(columnDrawnByScript(news, COLUMN_URL), false);
});

test('a later list page its family reads nothing of is read by the other parsers too (a drawn Hanweb year column)', () => {
  const url = 'http://gov.test/col/col20470/index.html';
  const body = page(
    '建湖县人民政府',
    '2021年度',
    `<div id="96180"><ul class="jp-list"><li><a href="/art/2022/3/25/art_20470_3987650.html" title="建湖县人民政府二〇二一年度政府信息公开工作年度报告">建湖县人民政府二〇二一年度政府信息公开工...</a><span>[2022-03-25]</span></li>
<li><a href="/art/2022/1/28/art_20470_3969931.html" title="建湖县近湖街道办事处2021年度政府信息公开工作年度报告">建湖县近湖街道办事处2021年度政府信息...</a><span>[2022-01-28]</span></li></ul></div>
<script>HJPage.mount('96180', {proxyUrl:'/module/web/jpage/dataproxy.jsp', columnid:20470, perPage:15});</script>`,
  );
  const parsed = parseList({ url, loadedUrl: url, status: 200, body, rendered: true }, { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'hanweb', pageIndex: 2 });
  assert.equal(parsed.items.filter((i) => /年度报告$/.test(i.title)).length, 2);
});

test('a JSONP script of a registry page is one of its data requests; a WAF refusal (405) saying "访问过于频繁" is a rate limit', () => {
  assert.equal(isDataRequest('script', 'http://data.gov.test/common/search/ab12?page=1&callback=xxgkCb1_17'), true);
  assert.equal(isDataRequest('script', 'http://cdn.gov.test/js/jquery.min.js'), false);
  const scope = { allows: (u: string) => u.startsWith('http://www.gov.test/') };
  assert.equal(refusedDataHost('http://data.gov.test/s?jsoncallback=cb', 'script', scope), 'data.gov.test');
  const block = Buffer.from('<html><head><meta charset="utf-8"><title>405</title></head><body><h2>很抱歉，您的访问被拦截</h2><p>您的访问过于频繁，当前请求已被网站防护系统暂时拦截，请稍后刷新页面重试。</p></body></html>');
  assert.equal(mayBeBlockPage(405, 'text/html; charset=utf-8', block.length), true);
  assert.equal(saysTooFrequent(block), true);
  // A 429 is handled as itself, a server error as one.
  assert.equal(mayBeBlockPage(429, 'text/html', 100), false);
  assert.equal(mayBeBlockPage(503, 'text/html', 100), false);
});

test("a later page of the seed's own pager announcing fewer items than the first is a stale copy; a filtered view or a sub-column is not", () => {
  const seed = 'http://gov.test/public/column/3316551?type=4&action=list&catId=7181903';
  const pager = (n: number) => `<div class="pager"><span class="total">共${n}条　每页5条　当前第2/3页</span></div>`;
  assert.equal(staleCount(seed, `${seed}&pageIndex=2`, pager(13), 15), 13);
  assert.equal(staleCount(seed, `${seed}&pageIndex=2`, pager(15), 15), null, 'the same count');
  assert.equal(staleCount(seed, `${seed}&year=2024`, pager(5), 15), null, 'a filtered view counts its own');
  assert.equal(staleCount(seed, 'http://gov.test/public/column/3316552?type=4&action=list', pager(5), 15), null, 'another column');
  assert.equal(laterPageOfSeed('http://gov.test/zwgk/nb/index.html', 'http://gov.test/zwgk/nb/index_1.html'), true);
  assert.equal(laterPageOfSeed('http://gov.test/zwgk/nb/', 'http://gov.test/zwgk/nb/index_2.shtml'), true);
  assert.equal(laterPageOfSeed('http://gov.test/zwgk/nb/index.html', 'http://gov.test/zwgk/nb/bm/index.html'), false);
  // A seed that is a later page itself (a bookmarked index_2.html) is no first page to compare with.
  assert.equal(laterPageOfSeed('http://gov.test/zwgk/nb/index_2.html', 'http://gov.test/zwgk/nb/index.html'), false);
  assert.equal(laterPageOfSeed(`${seed}&pageIndex=3`, `${seed}&pageIndex=2`), false);
});
