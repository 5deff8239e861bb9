/**
 * Round 62's changes (docs/blind-portals.md, round 62); the blind portals themselves are crawled whole by the blind
 * parts (sanhe's list asked after a load mask is tested there, in the browser; pingyao's header lines in
 * test/download/mended-headers.test.ts). A column shown one year a page, stepped by 上一年; a Domino view opening
 * collapsed; a tag page as the seed; a county's 站群导航 page as a bureau's seed; an article's top bar naming unit sites.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gathersByWord } from '../../src/crawl/crumb-column.ts';
import { PARSERS } from '../../src/crawl/families/detect.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { LOADING_SIGN } from '../../src/crawl/loading-sign.ts';
import { namesAgency } from '../../src/onboard/column-links.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('a column shown one year a page leads to the neighbouring years by its 上一年 / 下一年 steps', () => {
  const bar = '<div class="nd-bar"><a href="index.jhtml?ndid=1391">« 上一年</a><strong>【2023年度】</strong><a href="index.jhtml?ndid=1502">下一年 »</a></div>';
  const html = `<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2>${bar}<table><tr><td><a href="/xxgk/4821.jhtml">县教育局政府信息公开工作年度报告</a></td></tr></table></body></html>`;
  assert.deepEqual(subColumnLinks(html, 'http://gov.test/xxgk/zfxxgknb/index.jhtml?ndid=1277'), [
    'http://gov.test/xxgk/zfxxgknb/index.jhtml?ndid=1391',
    'http://gov.test/xxgk/zfxxgknb/index.jhtml?ndid=1502',
  ]);
  // Not on a page about something else (a news column's 上一年 archive).
  assert.deepEqual(subColumnLinks(html.replace(/政府信息公开年报/g, '工作动态'), 'http://gov.test/xxgk/gzdt/index.jhtml'), []);
});

test("a Domino view opening collapsed is read through its twisties' opened views", () => {
  const row = (n: number, year: number) =>
    `<tr><td colspan="3"><a name="${n}"></a><a href="/slt/xxgk.nsf/ndbg?OpenView&Start=1&Expand=${n}#${n}"><img src="/icons/expand.gif" alt="Show details for ${year}年"></a><b>${year}年</b></td></tr>`;
  const html = `<html><body><table>${row(1, 2025)}${row(2, 2024)}</table><a href="/slt/xxgk.nsf/ndbg?OpenView&Start=6">下一页</a></body></html>`;
  assert.deepEqual(subColumnLinks(html, 'http://gov.test/slt/xxgk.nsf/ndbg?OpenView'), [
    'http://gov.test/slt/xxgk.nsf/ndbg?OpenView&Start=1&Expand=1',
    'http://gov.test/slt/xxgk.nsf/ndbg?OpenView&Start=1&Expand=2',
  ]);
});

test("a tag's or a search's page is told from a column; an agency's short name on its own place's site names it", () => {
  assert.equal(gathersByWord('http://gov.test/tags.php?/%C4%EA%B1%A8/'), true);
  assert.equal(gathersByWord('http://gov.test/tag/年报/'), true);
  assert.equal(gathersByWord('http://gov.test/index.php?m=content&c=tag&a=lists&tag=年报'), true);
  assert.equal(gathersByWord('http://gov.test/search/index.shtml?searchWord=年报'), true);
  assert.equal(gathersByWord('http://gov.test/a/xxgk/zfxxgknb/list_23_2.html'), false);
  assert.equal(gathersByWord('http://gov.test/col/col1229187630/index.html?uid=6125432&pageNum=2'), false);
  assert.equal(namesAgency('泰和县财政局', '泰和县财政局'), true);
  assert.equal(namesAgency('县财政局', '泰和县财政局'), true);
  assert.equal(namesAgency('财政局', '泰和县财政局'), false);
  assert.equal(namesAgency('县教育体育局', '泰和县财政局'), false);
  assert.ok(LOADING_SIGN.test('数据加载中…') && LOADING_SIGN.test('页面加载中...') && LOADING_SIGN.test('正在加载，请稍候') && LOADING_SIGN.test('Loading...'));
  assert.ok(!LOADING_SIGN.test('关于加载政务服务事项的通知') && !LOADING_SIGN.test('暂无数据'));
});

test("an article's top bar naming the county's and the bureau's sites lists no report", () => {
  const html = `<html><head><meta name="ColumnName" content="政府信息公开年报"><title>2024年度政府信息公开工作年度报告-泰和县财政局</title></head><body>
<div class="zq-bar"><div class="w1200"><span class="fl">欢迎访问泰和县财政局</span><div class="fr"><a href="/thxzf/index.shtml">泰和县人民政府</a><i>|</i><a href="/thxzf/zqdh.shtml">站群导航</a></div></div></div>
<div class="zz-header"><a class="zz-logo fl" href="/thxczj/index.shtml"><img src="/thxczj/logo.png" alt="泰和县财政局"><span>泰和县财政局</span></a></div>
<div class="zz-nav"><ul><li><a href="/thxczj/index.shtml">首页</a></li><li><a href="/thxczj/c101510/zwgk.shtml">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/thxczj/index.shtml">首页</a> &gt; <a href="/thxczj/c101516/list.shtml">政府信息公开年报</a> &gt; 正文</div>
<div class="side fl"><h3>政务公开</h3><ul><li><a href="/thxczj/c101511/xxgkzn.shtml">政府信息公开指南</a></li><li class="on"><a href="/thxczj/c101516/list.shtml">政府信息公开年报</a></li></ul></div>
<div class="art-main fr"><table class="xxgk-meta"><tr><th>发布机构：</th><td>泰和县财政局</td><th>生成日期：</th><td>2025-01-21</td></tr></table>
<div class="article"><h1 class="art-title">2024年度政府信息公开工作年度报告</h1><div class="art-con">${reportText('泰和县财政局', '二〇二四年度')}</div></div></div></body></html>`;
  const url = 'http://gov.test/thxczj/c101516/202501/91d2d455.shtml';
  const items = PARSERS.generic.parse({ url, loadedUrl: url, status: 200, body: html }, undefined).items;
  assert.deepEqual(items.filter((i) => /年度报告/.test(i.title)), []);
});

test("a tag page as the seed reads its reports' column; a 站群导航 page as a bureau's seed finds the bureau's site", { timeout: 300_000 }, async () => {
  const bureau = '双柏县教育体育局';
  // A report's page, its breadcrumb naming its column.
  const report = (year: number) =>
    page(bureau, `${bureau}${year}年政府信息公开工作年度报告`, `<h2 class="art-tit">${bureau}${year}年政府信息公开工作年度报告</h2><div class="art-info">来源：${bureau}</div><div class="art-con">${reportText(bureau, `${year}年度`)}</div>`, {
      crumbs: '<a href="/a/xxgk/">信息公开</a> &gt; <a href="/a/xxgk/zfxxgknb/">政府信息公开年报</a> &gt; 正文',
    });
  const tag: BlindPortal = {
    id: 'tag',
    pattern: "a report's 标签 page as the seed, the other years only in the column",
    agency: { name: bureau, division: '532322', level: 'county', province: '云南省', city: '楚雄彝族自治州', county: '双柏县' },
    seedPath: '/tags.php?/nb/',
    expected: [2022, 2023, 2024].map((year) => ({ agency: bureau, year })),
    routes: {
      'GET /tags.php': { body: page(bureau, '标签：年报', '<ul><li><a href="/a/xxgk/zfxxgknb/2025/0124/441.html">双柏县教育体育局2024年政府信息公开工作年度报告</a></li><li><a href="/a/tzgg/418.html">关于做好2024年度教育事业统计年报工作的通知</a></li></ul>') },
      'GET /a/xxgk/zfxxgknb/': {
        body: page(bureau, '政府信息公开年报', `<ul>${[2024, 2023, 2022].map((y) => `<li><a href="/a/xxgk/zfxxgknb/${y}.html">${bureau}${y}年政府信息公开工作年度报告</a></li>`).join('')}</ul>`),
      },
      'GET /a/xxgk/zfxxgknb/2025/0124/441.html': { body: report(2024) },
      'GET /a/xxgk/zfxxgknb/2024.html': { body: report(2024) },
      'GET /a/xxgk/zfxxgknb/2023.html': { body: report(2023) },
      'GET /a/xxgk/zfxxgknb/2022.html': { body: report(2022) },
      'GET /a/tzgg/418.html': { body: detail(bureau, { title: '关于做好2024年度教育事业统计年报工作的通知', publisher: bureau, date: '2024-09-10', body: '<p>各学校：现将统计年报工作通知如下。</p>' }) },
    },
  };
  const dept = '泰和县财政局';
  const group: BlindPortal = {
    id: 'group',
    pattern: "a county's 站群导航 page as a bureau's seed, the bureau a short-name tile",
    agency: { name: dept, division: '360826', level: 'county', province: '江西省', city: '吉安市', county: '泰和县' },
    seedPath: '/thxzf/zqdh.shtml',
    flag: 'moved',
    expected: [2023, 2024].map((year) => ({ agency: dept, year })),
    routes: {
      'GET /thxzf/zqdh.shtml': {
        body: page('泰和县人民政府', '站群导航', `<h3>部门网站</h3><ul>${['县教育体育局', '县财政局', '县民政局'].map((n, i) => `<li><a href="/thx${i}/index.shtml"><span>${n}</span></a></li>`).join('')}</ul>`),
      },
      'GET /thx1/index.shtml': { body: page(dept, '泰和县财政局', '<ul><li><a href="/thx1/zwgk.shtml">政务公开</a></li><li><a href="/thx1/czdt.shtml">财政动态</a></li></ul>') },
      'GET /thx1/zwgk.shtml': { body: page(dept, '政务公开', '<ul><li><a href="/thx1/nb/list.shtml">政府信息公开年报</a></li></ul>') },
      'GET /thx1/nb/list.shtml': { body: page(dept, '政府信息公开年报', `<ul>${[2024, 2023].map((y) => `<li><a href="/thx1/nb/${y}.shtml">${dept}${y}年政府信息公开工作年度报告</a></li>`).join('')}</ul>`) },
      'GET /thx1/nb/2024.shtml': { body: detail(dept, { title: `${dept}2024年政府信息公开工作年度报告`, publisher: dept, date: '2025-01-21', body: reportText(dept, '2024年度') }) },
      'GET /thx1/nb/2023.shtml': { body: detail(dept, { title: `${dept}2023年政府信息公开工作年度报告`, publisher: dept, date: '2024-01-26', body: reportText(dept, '2023年度') }) },
    },
  };
  const run = await crawlAsUser([tag, group]);
  try {
    assert.deepEqual(run.found.get('tag'), [`${bureau} 2022`, `${bureau} 2023`, `${bureau} 2024`]);
    assert.deepEqual(run.found.get('group'), [`${dept} 2023`, `${dept} 2024`]);
    const seed = run.seeds.find((s) => s.url.startsWith(run.portal.urls.group!));
    assert.deepEqual(seed?.flags, ['moved']);
  } finally {
    await run.portal.close();
  }
});
