/**
 * Rounds 98-101's fixes (docs/blind-portals.md, "Rounds 98-99" and "Rounds 100-101"), on hand-made input; the handler
 * paths are checked end to end by the blind parts (blind-bomi, blind-sumitu, blind-longyao, blind-kuandian,
 * blind-zeku, blind-pudong, blind-chaoyang):
 * 1. a seed that is an API's JSON answer (a CMS proxy's article, served as text/plain): its fields' addresses and the
 *    escaped markup of its content read as a page's links;
 * 2. a sub-site's home deeper than its host's root, told by its own 首页 link;
 * 3. a tab bar whose first tab is the column's default view, at an address setting no field;
 * 4. a JSON list's title field told by its report titles from a more varied publisher field;
 * 5. a year drop-down whose handler is in the site's script file, said until read;
 * 6. a year's grid of units: a kind-of-unit cell linking its article is an item, one unit alone under the year's caption
 *    is titled as its report;
 * 7. a templated list's own-file field named in pinyin (附件地址 `fjdz`), blank on the learned page;
 * 8. a folder's index page linking its year's one report page, titled like that report, is its index.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCollection } from '../../src/crawl/collection.ts';
import { siblingTabLinks } from '../../src/crawl/families/sibling-tabs.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import { jsonAsPage } from '../../src/crawl/json-page.ts';
import { linksItselfAsHome } from '../../src/crawl/own-home.ts';

const answer = JSON.stringify({
  status: true,
  msg: '接口访问成功!',
  data: {
    manuscriptId: '8e1a58ad2a420fac4faae18b0c0dff88',
    title: '某县人民政府信息公开指南',
    url: 'zfxxgkzn/202405/t1.shtml',
    staticUrl: 'http://gov.test/mxzfxxgk/zfxxgkzn/202405/t1.shtml',
    publishedTime: '2024-05-20 10:00:00',
    content: '<p>三、主动公开</p><p>年度报告见<a href="/mxzfxxgk/zfxxgknb/index.shtml">政府信息公开年报</a>栏目。</p>',
  },
}).replaceAll('</', '<\\/');

test("an API's JSON answer as the seed: its address fields and its content's markup read as a page (round 98c)", () => {
  const html = jsonAsPage(`\uFEFF${answer}\n`, 'http://gov.test/interface-cms/proxy/api?apiUrl=x');
  assert.ok(html);
  const links = loadHtml(html)('a')
    .toArray()
    .map((a) => new URL(a.attribs.href!, 'http://gov.test/interface-cms/proxy/api?apiUrl=x').href);
  assert.deepEqual(links, ['http://gov.test/mxzfxxgk/zfxxgkzn/202405/t1.shtml', 'http://gov.test/mxzfxxgk/zfxxgknb/index.shtml']);
  // The guide's link is titled by its object's title; a bare relative name (`url`) is resolved nowhere, no link.
  assert.match(html, />某县人民政府信息公开指南<\/a>/);
});

test('a JSON list answer is left to the list reader (the browser pages it); what is no JSON object is left to the HTML reader', () => {
  const list = JSON.stringify({ rows: [1, 2].map((n) => ({ docTitle: `某县人民政府${2022 + n}年政府信息公开工作年度报告`, docUrl: `/nb/${n}.html` })) });
  assert.equal(jsonAsPage(list, 'http://gov.test/api/list?page=1'), null);
  for (const body of ['<html><body><a href="/a">a</a></body></html>', '42', '"text"', '{"a": 1', '{"code": 0, "msg": "ok"}', 'cb({"a":"/x"})']) assert.equal(jsonAsPage(body, 'http://gov.test/x'), null, body);
});

test("a page whose own 首页 link leads to itself is a home, however deep; a column's 首页 leads elsewhere (round 99c)", () => {
  const page = (home: string) => `<html><body><table><tr><td><a href="${home}">首页</a></td><td><a href="/smz/x/xxgk/">信息公开</a></td></tr></table><div>当前位置：<a href="${home}">首页</a></div></body></html>`;
  assert.equal(linksItselfAsHome(loadHtml(page('/smz/x/')), 'http://gov.test/smz/x/'), true);
  assert.equal(linksItselfAsHome(loadHtml(page('/smz/x/index.html')), 'http://gov.test/smz/x/'), true);
  assert.equal(linksItselfAsHome(loadHtml(page('/smz/x/')), 'http://gov.test/smz/x/xxgk/xxgknb/'), false);
  assert.equal(linksItselfAsHome(loadHtml(page('/')), 'http://gov.test/smz/x/'), false);
  // Relative to the page's `<base href>`, as a browser resolves it.
  const based = page('x/').replace('<body>', '<head><base href="/smz/"></head><body>');
  assert.equal(linksItselfAsHome(loadHtml(based), 'http://gov.test/smz/x/index.shtml'), true);
  assert.equal(linksItselfAsHome(loadHtml(based), 'http://gov.test/smz/x/xxgk/'), false);
});

test("a tab bar's first tab marked current at an address setting no field is the column's default view: its other tabs are read (round 100c)", () => {
  const page = (url: string) => `<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2><ul class="gk-tabs"><li class="on"><a href="/zwgk/nb.html?lb=bj">本级政府</a></li><li><a href="/zwgk/nb.html?lb=bm">县直部门</a></li><li><a href="/zwgk/nb.html?lb=xz">乡镇</a></li></ul><p>${url}</p></body></html>`;
  const want = ['http://gov.test/zwgk/nb.html?lb=bm', 'http://gov.test/zwgk/nb.html?lb=xz'];
  assert.deepEqual(siblingTabLinks(loadHtml(page('a')), 'http://gov.test/zwgk/nb.html'), want);
  assert.deepEqual(siblingTabLinks(loadHtml(page('b')), 'http://gov.test/zwgk/nb.html?lb=bj'), want);
  // At an address naming another part, the bar marking its first tab current is not this page's: nothing read.
  assert.deepEqual(siblingTabLinks(loadHtml(page('c')), 'http://gov.test/zwgk/nb.html?lb=bm'), []);
});

test("a JSON list's title is the field of report titles, not a more varied publisher field beside it (round 101b)", () => {
  const rows = ['某县人民政府', '某县某镇人民政府', '某县卫生健康局', '某县教育局'].map((fbjg, i) => ({ id: i, bt: '2024年度政府信息公开工作年度报告', fbjg, fbrq: '2025-01-2' + i, lj: `${i}.html` }));
  rows.push({ id: 9, bt: '某县人民政府网站2024年度工作报表', fbjg: '某县人民政府办公室', fbrq: '2025-01-16', lj: '9.html' });
  const found = findList(JSON.stringify({ rows }), 'http://gov.test/html/X/nb/data_2025.json?t=1', 'http://gov.test/html/X/');
  assert.ok(found && found.shape.kind === 'json');
  assert.deepEqual(found.shape.title, ['bt']);
  assert.deepEqual(found.items.map((i) => i.publisher ?? null).slice(0, 2), ['某县人民政府', '某县某镇人民政府']);
});

test("a year drop-down whose handler the page does not define is said, and read once the site's script defines it (round 101c)", () => {
  const html = `<html><head><title>政府信息公开年报</title><script src="/js/zk.js"></script></head><body><h2>政府信息公开年报</h2><select id="nbYear" onchange="zkNbYear(this)"><option value="2025" selected>2025年</option><option value="2024">2024年</option><option value="2023">2023年</option></select><ul><li><a href="/a/1.html">某县2024年政府信息公开工作年度报告</a></li></ul></body></html>`;
  const url = 'http://gov.test/zwgk/xxgknb/index.html';
  const read = withGenericPaging({ items: [], next: [] }, html, url);
  assert.deepEqual(read.unreadMenus, ['2025年', '2024年', '2023年']);
  assert.match(read.deadEnd ?? '', /year drop-down leads nowhere that could be read for 3 years/);
});

test("a year's grid of units: a 区政府 cell linking its article is an item, and one unit alone under the year's caption is its report (round 100a)", () => {
  const grid = (rows: string) => `<html><head><title>2021年度政府信息公开年报</title></head><body><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/nw1/">政府信息公开年报</a> &gt; 2021年度</div><h2>政府信息公开年报</h2><table class="nb-grid"><caption>2021年度政府信息公开工作年度报告</caption>${rows}</table></body></html>`;
  const url = 'http://gov.test/nw1/nw43026/index.html';
  const one = grid('<tr><th>区政府</th><td><a href="/nw1/20220331/c980e13a4d3275ffde9f01601040548d.html">区政府</a></td></tr>');
  assert.deepEqual(subColumnLinks(one, url), []);
  const read = withGenericPaging({ items: [{ title: '区政府', url: 'http://gov.test/nw1/20220331/c980e13a4d3275ffde9f01601040548d.html', date: null, isFile: false }], next: [] }, one, url);
  assert.deepEqual(read.items.map((i) => i.title), ['区政府2021年政府信息公开工作年度报告']);
});

test("a templated list's own file in a field named 附件地址 (`fjdz`), blank on every learned item, links the item that has one (round 100b)", () => {
  const rows = [1, 2, 3].map((n) => ({ id: `6013e6b05d8a2f0012c94e3${n}`, bt: `北京市某区教育委员会202${n}年政府信息公开工作年度报告`, fbrq: `202${n + 1}-01-20`, wjlx: 'html', fjdz: '' }));
  const links = rows.map((r) => ({ text: r.bt, url: `http://gov.test/zfxxgk/gknb/${r.id}.html` }));
  const found = findList(JSON.stringify({ data: { rows } }), 'http://gov.test/zfxxgk/api/gknb/list', 'http://gov.test/zfxxgk/gknb/index.html', links);
  assert.ok(found && found.shape.kind === 'json');
  assert.deepEqual(found.shape.urlOwn, [['fjdz']]);
});

test("a folder's index page linking its year's one report page, titled like it and holding no file, is that report's index (round 100d)", () => {
  const html = `<html><head><title>2020年度政府信息公开工作年度报告</title></head><body><h3>2020年度政府信息公开工作年度报告</h3><table class="list_table"><tr><td>·<a href="./202103/t20210330_88.htm">重庆市某区人民政府2020年政府信息公开工作年度报告</a></td></tr></table></body></html>`;
  const page = { title: '2020年度政府信息公开工作年度报告', bodyText: '2020年度政府信息公开工作年度报告 ·重庆市某区人民政府2020年政府信息公开工作年度报告', attachments: [] };
  assert.equal(classifyCollection(html, 'http://gov.test/xxgk_old/zfxxgknb/2020/index.htm', page).collection, true);
  // The same page at an article's address is one report's page with a related link; so is one titled by its agency.
  assert.equal(classifyCollection(html, 'http://gov.test/xxgk_old/zfxxgknb/2020/t20210330_87.htm', page).collection, false);
  const own = { ...page, title: '重庆市某区人民政府2020年政府信息公开工作年度报告' };
  assert.equal(classifyCollection(html.replace('<title>2020年度', '<title>重庆市某区人民政府2020年'), 'http://gov.test/xxgk_old/zfxxgknb/2020/index.htm', own).collection, false);
});
