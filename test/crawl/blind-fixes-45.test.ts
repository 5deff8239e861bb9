/**
 * Round 44's open misses and round 45's fixes (docs/blind-portals.md, "Round 44" and "Round 45"), on hand-made input:
 * 1. a 专题's wall of report cards showing pictures and no words (an empty `<a style="background-image">`, an alt-less
 *    image, the year in a caption outside the link) under a section title drawn as an image (`<img alt="年度报告">`):
 *    no item, and its 更多>> to the column not followed;
 * 2. a list drawn from page files named by their content's hash (`list-1.19c92ac0.json`, `list-2.7be3a410.json`): the
 *    page number learned in the path, the replay asked `list-2.19c92ac0.json` (404), the seed `ok`;
 * 3. a report's 附件下载 page whose only links read "下载", the file's name in the row: the 解读 PDF and 图解 PNG beside
 *    the report stored as the report's; a "年度报告（2020—2023年）数据对比分析" catalogued as a report;
 * 4. a learned list whose items are linked by a template from their id, one item's own file in a field of no telling
 *    name (`e`), blank on the learned page: the built page (404) asked instead of the file; and an item's own file
 *    relative to the web application's context path (`ctx + '/' + row.fileUrl`) asked relative to the column;
 * 5. a department's 领导信息 page as the seed: the portal's "区政府信息公开年报" link read as a report, the district's
 *    column read for the department (other agencies' reports), the department's own column (under its page, named in
 *    the breadcrumb) never reached; a tab "镇（街道、园区）年报" not read as a sub-column;
 * 6. a splash (引导页) at the site's root whose only way in is an image map's `<area>` and a countdown script: the
 *    seed `empty`. (Sentinel's 429 with no Retry-After: test/download/fetcher.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { listElsewhere, namesReportColumn, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { endpointKey, learnListEndpoint, turnedOnly, type Exchange } from '../../src/crawl/learn/learn.ts';
import { itemsByShape, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { listItemsFrom, parseListItems } from '../../src/crawl/list-page.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const ZT = 'http://gov.test/xhx/ztzl/zwgk/index.shtml';

/** A 专题 page: a 年度报告 wall of picture cards, a 往年年报 row captioned by year, a 图解 box and a 工作要点 box. */
const wall = `<html><body>
<div class="zt-sec"><div class="sec-hd"><img src="t_gzyd.png" alt="工作要点"></div>
<div class="cards"><a class="card" href="/xhx/c1/2025/4/15/yd.shtml"><img src="yd.jpg" alt=""></a></div></div>
<div class="zt-sec"><div class="sec-hd"><img src="t_ndbg.png" alt="年度报告"><a class="more" href="/xhx/c108425/list.shtml">更多&gt;&gt;</a></div>
<a class="card" href="/xhx/c108425/2025/3/26/a.shtml" style="background-image:url(nb_2024.jpg)"></a>
<a class="card" href="/xhx/c108425/2024/3/28/b.shtml"><img src="card.jpg" alt="年度报告"></a>
<a class="card" href="/xhx/c104371/2022/3/29/c.shtml" title="政府信息公开工作年度报告"><img src="c.jpg"></a></div>
<div class="zt-sec"><div class="sec-hd"><img src="t_tjnb.png" alt="图解年报"></div>
<a class="card" href="/xhx/c108425/2025/3/27/tj.shtml"><img src="tj.jpg" alt=""></a></div>
<div class="zt-sec"><div class="sec-hd"><img src="t_wnnb.png" alt="往年年报"></div>
<ul class="nb-old"><li><a href="/xhx/c104371/2021/3/31/d.shtml"><img src="old_a.jpg" alt=""></a><p>2020年</p></li></ul></div>
</body></html>`;

test('picture cards under a section captioned for the reports are items whose pages decide; other boxes give none', () => {
  const $ = loadHtml(wall);
  const items = listItemsFrom($, $.root(), ZT);
  const byPath = new Map(items.map((i) => [new URL(i.url).pathname, i]));
  assert.deepEqual(
    ['/xhx/c108425/2025/3/26/a.shtml', '/xhx/c108425/2024/3/28/b.shtml', '/xhx/c104371/2021/3/31/d.shtml'].map((p) => [byPath.get(p)?.title, byPath.get(p)?.maybe]),
    [
      ['年度报告', true],
      ['年度报告', true],
      ['往年年报 2020年', true],
    ],
  );
  // A card with a title of its own keeps it; the 图解 box's and the 工作要点 box's bare pictures are no items.
  assert.equal(byPath.get('/xhx/c104371/2022/3/29/c.shtml')?.title, '政府信息公开工作年度报告');
  assert.equal(byPath.get('/xhx/c108425/2025/3/27/tj.shtml'), undefined);
  assert.equal(byPath.get('/xhx/c1/2025/4/15/yd.shtml'), undefined);
});

test("a box captioned by an image's alt (年度报告) leads to its full list by its 更多>>", () => {
  assert.ok(subColumnLinks(wall, ZT).includes('http://gov.test/xhx/c108425/list.shtml'));
});

const hashed = (page: number, hash: string, titles: string[]): Exchange => ({
  method: 'GET',
  url: `http://gov.test/static/data/nb/list-${page}.${hash}.json`,
  body: null,
  contentType: null,
  status: 200,
  responseType: 'application/json',
  responseBody: JSON.stringify({ col: 'nb', page, list: titles.map((title, i) => ({ id: page * 10 + i, title, date: '2024-01-20', url: `/zwgk/nb/202401/t2024012${page}_${i}.html` })) }),
});

test('page files named by their hash: one endpoint, no page number learned from the path, read by turning in the browser', () => {
  const first = hashed(1, '19c92ac0', ['通渭县人民政府2024年政府信息公开工作年度报告', '通渭县2025年政务公开工作要点']);
  const second = hashed(2, '7be3a410', ['通渭县人民政府2023年政府信息公开工作年度报告', '通渭县人民政府2022年政府信息公开工作年度报告']);
  assert.equal(endpointKey(first), endpointKey(second), 'the two page files are one list');
  const learned = learnListEndpoint([first], 'http://gov.test/zwgk/nb/index.html', [second]);
  assert.ok(learned);
  assert.equal(learned.endpoint.page, null, 'no replay can name page 2');
  assert.equal(learned.endpoint.pagingUnknown, true);
  assert.match(turnedOnly(learned.endpoint) ?? '', /could not be learned/);
  // A number alone changing in the path still pages the list; a word in a name is no hash.
  const plain = (k: number) => ({ ...hashed(k, 'x', ['某县人民政府2024年政府信息公开工作年度报告']), url: `http://gov.test/static/data/nb/list-${k}.json` });
  const paged = learnListEndpoint([plain(1)], 'http://gov.test/zwgk/nb/index.html', [{ ...plain(2), responseBody: second.responseBody }]);
  assert.equal(paged?.endpoint.page?.in, 'path');
  assert.equal(turnedOnly(paged!.endpoint), null);
  assert.notEqual(endpointKey({ ...first, url: 'http://gov.test/data/list_facade.json' }), endpointKey({ ...first, url: 'http://gov.test/data/list_decade.json' }));
});

test("a 附件下载 table's 下载 links are named by their row; the 解读 and 图解 files beside the report are not the report's", () => {
  const row = (name: string, href: string) => `<tr><td>1</td><td>${name}</td><td>PDF</td><td>96KB</td><td><a href="${href}">下载</a></td></tr>`;
  const html = `<html><body><h1>附件下载</h1><table><tr><th>序号</th><th>附件名称</th><th>格式</th><th>大小</th><th>操作</th></tr>
${row('图解：寿光市人民政府2024年政府信息公开工作年度报告.png', '/upload/2025/01/24/306.png')}
${row('寿光市人民政府2024年政府信息公开工作年度报告.pdf', '/upload/2025/01/24/308.pdf')}
${row('《寿光市人民政府2024年政府信息公开工作年度报告》解读.pdf', '/upload/2025/01/24/311.pdf')}
</table><p><a href="/upload/2025/01/24/400.pdf">附件下载</a></p></body></html>`;
  const found = findAttachments(loadHtml(html), 'http://gov.test/zwgk/fjxz.jsp?infoid=31741');
  assert.deepEqual(
    found.map((a) => [new URL(a.url).pathname, a.name]),
    [
      ['/upload/2025/01/24/308.pdf', '寿光市人民政府2024年政府信息公开工作年度报告.pdf'],
      ['/upload/2025/01/24/400.pdf', '400.pdf'],
    ],
  );
});

test('a study across years of reports is no report; a report naming its year once is', () => {
  for (const t of ['寿光市政府信息公开工作年度报告（2020—2023年）数据对比分析', '某市2019-2023年政府信息公开工作年度报告对比分析', '某县政府信息公开工作年度报告数据分析']) {
    assert.equal(classifyTitle(t).isReport, false, t);
  }
  for (const t of ['寿光市人民政府2023年政府信息公开工作年度报告', '某县2023年度政府信息公开工作年度报告（2024年1月20日）']) assert.equal(classifyTitle(t).isReport, true, t);
});

test("a templated list's item whose own file sits in a field of no telling name, blank on the others, is linked to that file", () => {
  const shape: JsonItemShape = { kind: 'json', arrayPath: ['x'], title: ['b'], url: ['a'], date: ['c'], urlTemplate: 'http://gov.test/public/6614921/{id}.html' };
  const answer: { x: { [k: string]: string | number }[] } = {
    x: [
      { a: 3958120, b: '马鞍山市自然资源和规划局2020年政府信息公开工作年度报告', c: '2021-01-20', e: '' },
      { a: 3958124, b: '马鞍山市自然资源和规划局2019年政府信息公开工作年度报告', c: '2020-01-20', e: '/group1/M00/01/7C/wKgBZF4l.pdf' },
      { a: 3958125, b: '马鞍山市自然资源和规划局部门决算', c: '2020-01-10', g: '/group1/M00/01/7C/other.pdf' },
    ],
  };
  assert.deepEqual(
    itemsByShape(answer, shape, 'http://gov.test/xxgk/gknb/index.html')!.map((i) => i.url),
    ['http://gov.test/public/6614921/3958120.html', 'http://gov.test/group1/M00/01/7C/wKgBZF4l.pdf', 'http://gov.test/group1/M00/01/7C/other.pdf'],
  );
  // A field filled with a file on every item is an attachment its page links: the items keep their pages.
  const every = { x: answer.x.map((o, i) => ({ a: o['a']!, b: o['b']!, c: o['c']!, e: `/files/${i}.pdf` })) };
  assert.deepEqual(
    itemsByShape(every, shape, 'http://gov.test/xxgk/gknb/index.html')!.map((i) => new URL(i.url).pathname),
    ['/public/6614921/3958120.html', '/public/6614921/3958124.html', '/public/6614921/3958125.html'],
  );
});

test("an item's own file relative to no folder is relative to the link template's folder above the page (a context path)", () => {
  const shape: JsonItemShape = { kind: 'json', arrayPath: ['rows'], title: ['title'], url: ['infoId'], date: null, urlTemplate: 'http://gov.test/xxgk/detail.do?infoId={id}', urlOwn: [['fileUrl']] };
  const rows = { rows: [{ infoId: 7, title: '南平市建阳区人民政府2020年政府信息公开工作年度报告', fileUrl: 'upload/2021/02/P0202.pdf' }, { infoId: 8, title: '某文', fileUrl: '/abs/x.pdf' }] };
  assert.deepEqual(
    itemsByShape(rows, shape, 'http://gov.test/xxgk/zfxxgknb/index.jsp')!.map((i) => i.url),
    ['http://gov.test/xxgk/upload/2021/02/P0202.pdf', 'http://gov.test/abs/x.pdf'],
  );
  // A template at the site's root says nothing of a context path: the page's folder stands.
  const rooted = { ...shape, urlTemplate: 'http://gov.test/detail.do?infoId={id}' };
  assert.equal(itemsByShape(rows, rooted, 'http://gov.test/xxgk/zfxxgknb/index.jsp')![0]!.url, 'http://gov.test/xxgk/zfxxgknb/upload/2021/02/P0202.pdf');
});

test("a level's word before the report's words is a column's label; a sub-column's label may list its units with 、", () => {
  for (const t of ['区政府信息公开年报', '市政府信息公开年报', '部门信息公开年报', '区政府部门信息公开年报']) assert.equal(classifyTitle(t).isReport, false, t);
  assert.equal(classifyTitle('某县政府信息公开年报').isReport, true, 'an agency named, the page decides no more than before');
  assert.equal(classifyTitle('区政府2023年政府信息公开年报').isReport, true, 'a year makes it a report');
  for (const t of ['镇（街道、园区）年报', '乡镇·街道年报', '市级部门年报']) assert.ok(namesReportColumn(t), t);
  assert.ok(!namesReportColumn('镇（街道、园区）工作动态'));
});

test("a department's page names its own branch in the breadcrumb: its page is read, not the portal's 年报 column", () => {
  const leader = `<html><head><title>领导信息-北京市大兴区人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/index.html">政务公开</a></div>
<div class="w1200 dx-crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/index.html">政务公开</a> &gt; <a href="/zwgk/bmxxgk/index.html">部门信息公开</a> &gt; <a href="/zwgk/bmxxgk/qwjw/index.html">区卫生健康委</a> &gt; <a href="/zwgk/bmxxgk/qwjw/jgzn/index.html">机构职能</a> &gt; <span>领导信息</span></div>
<div class="left"><a href="/zwgk/bmxxgk/qwjw/jgzn/zyzz/index.html">主要职责</a><a href="/zwgk/bmxxgk/qwjw/jgzn/ldxx/index.html">领导信息</a></div>
<div class="xglj"><h3>相关链接</h3><a href="/zwgk/zfxxgk/zfxxgknb/index.html">区政府信息公开年报</a><a href="/zwgk/zfxxgk/xxgkzn/index.html">区政府信息公开指南</a></div>
</body></html>`;
  const url = 'http://gov.test/zwgk/bmxxgk/qwjw/jgzn/ldxx/index.html';
  assert.ok(!parseListItems(leader, url).some((i) => classifyTitle(i.title).isReport), 'the portal link is no report');
  assert.deepEqual(listElsewhere(leader, url, parseListItems(leader, url)), [{ url: 'http://gov.test/zwgk/bmxxgk/qwjw/index.html', hub: true }]);
  // A page of the portal's own (no agency in its trail) still reads the portal's pages: the portal's 年报 column its
  // 相关链接 names by whose it is (区政府信息公开年报: a column's link since round 69c).
  const portalPage = leader.replace(/<a href="\/zwgk\/bmxxgk\/qwjw\/index.html">区卫生健康委<\/a>/, '区卫生健康委');
  assert.deepEqual(listElsewhere(portalPage, url, parseListItems(portalPage, url)).map((l) => l.url), ['http://gov.test/zwgk/zfxxgk/zfxxgknb/index.html']);
  // The department's own 年报 column linked on the page stays the way on.
  const own = leader.replace('<a href="/zwgk/bmxxgk/qwjw/jgzn/ldxx/index.html">领导信息</a>', '<a href="/zwgk/bmxxgk/qwjw/zfxxgknb/index.html">政府信息公开年报</a>');
  assert.deepEqual(listElsewhere(own, url, parseListItems(own, url)).map((l) => l.url), ['http://gov.test/zwgk/bmxxgk/qwjw/zfxxgknb/index.html']);
});

test('a splash at the root whose one way in is an image map (no anchor, no script): the explorer goes in, the column is found, the seed `moved`', { timeout: 120_000 }, async () => {
  const gov = '某市人民政府';
  const splash = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${gov}</title></head><body>
<img src="/yd/bg.jpg" usemap="#Map" alt=""><map name="Map"><area shape="rect" coords="1,1,9,9" href="/main.html"><area shape="rect" coords="10,10,20,20" href="https://www.12371.cn/"></map>
<p>请点击图片进入</p></body></html>`;
  const nav = '<div class="nav"><a href="/main.html">首页</a><a href="/xxgk/index.html">政府信息公开</a></div>';
  const list = [2024, 2023].map((y) => `<li><a href="/xxgk/nb/${y}.html">${gov}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('');
  const p: BlindPortal = {
    id: 'fix45-splash',
    pattern: 'a splash whose only way in is an image map',
    agency: { name: gov, division: '321084', level: 'county', province: '江苏省', city: '扬州市', county: '高邮市' },
    seedPath: '/',
    expected: [],
    routes: {
      'GET /': { body: splash },
      'GET /main.html': { body: page(gov, '首页', `${nav}<p>欢迎</p>`) },
      'GET /xxgk/index.html': { body: page(gov, '政府信息公开', `${nav}<ul><li><a href="/xxgk/nb/index.html">政府信息公开年报</a></li><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li></ul>`) },
      'GET /xxgk/nb/index.html': { body: page(gov, '政府信息公开年报', `${nav}<ul>${list}</ul>`) },
      'GET /xxgk/nb/2024.html': { body: page(gov, `${gov}2024年政府信息公开工作年度报告`, `<h1>${gov}2024年政府信息公开工作年度报告</h1>${reportText(gov, '2024年')}`) },
      'GET /xxgk/nb/2023.html': { body: page(gov, `${gov}2023年政府信息公开工作年度报告`, `<h1>${gov}2023年政府信息公开工作年度报告</h1>${reportText(gov, '2023年')}`) },
    },
  };
  const r = await crawlAsUser([p]);
  try {
    // Before: nothing read past the splash, the seed `empty`.
    assert.deepEqual(r.found.get(p.id), [`${gov} 2023`, `${gov} 2024`]);
    assert.ok(['moved', 'ok'].includes(r.seeds[0]!.last.status), r.seeds[0]!.last.reason ?? '');
  } finally {
    await r.portal.close();
  }
});
