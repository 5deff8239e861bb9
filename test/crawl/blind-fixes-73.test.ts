/**
 * Round 73's changes (docs/blind-portals.md, round 73); the blind portals themselves are crawled whole by the blind
 * parts. A menu of publication years (2025年发布) is a year menu, its years the reports' year before; a page linking
 * one report's page under a title naming no report is its index; a year column whose loader is a site script named
 * for lists is drawn; a page showing its newest report among a few other things leads on to its 年度报告 column.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReportYear } from '../../src/crawl/classify/year.ts';
import { classifyCollection } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { columnDrawnByScript } from '../../src/crawl/drawn-column.ts';
import { yearColumnLinks } from '../../src/crawl/families/pager.ts';
import { listElsewhereLinks } from '../../src/crawl/families/report-column.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';

test('a menu of publication years (2025年发布) is a year menu; a year named as the publication is the year before', () => {
  const menu = page('北京市密云区人民政府', '政府信息公开年报', `<div class="left"><h3>政府信息公开年报</h3><ul class="yearnav">${[2025, 2024, 2023]
    .map((y) => `<li><a href="/zwgk/zfxxgk/zfxxgknb/gknb${y}/">${y}年发布</a></li>`)
    .join('')}</ul></div>`);
  assert.deepEqual(yearColumnLinks(menu, 'http://gov.test/zwgk/zfxxgk/zfxxgknb/'), [2025, 2024, 2023].map((y) => `http://gov.test/zwgk/zfxxgk/zfxxgknb/gknb${y}/`));
  assert.equal(parseReportYear('2025年发布的政府信息公开工作年度报告'), 2024);
  assert.equal(parseReportYear('2025年发布_政府信息公开年报_北京市密云区人民政府'), 2024);
  // A title naming the year reported on keeps it, whatever else it says of its publication.
  assert.equal(parseReportYear('北京市密云区2024年政府信息公开工作年度报告（2025年发布）'), 2024);
  assert.equal(parseReportYear('2024年政府信息公开工作年度报告'), 2024);
});

test("a page linking one report's page under a title naming no report is its index, not that report", () => {
  const url = 'http://gov.test/gbkz/zwgk/zfxxgknb/';
  const html = page('北京市密云区人民政府', '政府信息公开年报_古北口镇', `<h3>政府信息公开年报</h3><ul class="list">
<li><span>2025-04-07</span><a href="./202504/t20250407_3140242.html">古北口镇2025年政务公开工作要点</a></li>
<li><span>2025-01-21</span><a href="./202501/t20250121_3148161.html">北京市密云区古北口镇人民政府2024年政府信息公开工作年度报告</a></li></ul>`);
  assert.equal(classifyCollection(html, url, parseDetailPage(html, url), '古北口镇2024年政府信息公开工作年度报告').collection, true);
  // A report's own page (its title a report's) linking its earlier year is that report, as before.
  const own = page('北京市密云区人民政府', '北京市密云区古北口镇人民政府2024年政府信息公开工作年度报告', `<p>详见附件。</p><p>相关：<a href="./202401/t1.html">北京市密云区古北口镇人民政府2023年政府信息公开工作年度报告</a></p>`);
  assert.equal(classifyCollection(own, url, parseDetailPage(own, url)).collection, false);
});

test('a year column whose list a site script named for lists loads (no address in the page) is drawn; a library is no loader', () => {
  const column = (script: string) =>
    page('瓜州县人民政府', '2024', `<div class="list-title"><h2>政府信息公开年报</h2></div><ul id="nbList"></ul><div id="page_div"></div>${script}`, { crumbs: '政府信息公开 &gt; 政府信息公开年报 &gt; 2024' });
  assert.equal(columnDrawnByScript(column('<script type="text/javascript" src="/guazhou/xhtml/js/nbList.js"></script>'), 'http://www.guazhou.gov.test/2024/'), true);
  assert.equal(columnDrawnByScript(column('<script src="/js/jquery.pagination.js"></script>'), 'http://www.guazhou.gov.test/2024/'), false);
  assert.equal(columnDrawnByScript(column('<script src="/js/common.js"></script>'), 'http://www.guazhou.gov.test/2024/'), false);
});

test("a town's page showing its newest report among a few other things leads on to its 年度报告 column", () => {
  const url = 'http://gov.test/xzzx/cyz.htm';
  // Eight items, one a report (its chrome left out: a page of many links counted the report in passing before).
  const html = `<html><head><title>朝阳镇_嘉荫县人民政府</title></head><body><div class="position">当前位置：乡镇之窗 &gt; 朝阳镇</div><div class="side"><div class="side-tit">朝阳镇</div><ul><li><a href="/xzzx/cyz.htm">朝阳镇首页</a></li><li><a href="/xzzx/cyz/zqjj.htm">镇情简介</a></li><li><a href="/xzzx/cyz/zcwj.htm">政策文件</a></li><li><a href="/xzzx/cyz/ndbg.htm">年度报告</a></li></ul></div>
<div class="town-box"><ul><li><a href="../info/1088/2745.htm">朝阳镇开展春季防火宣传进村屯活动</a><span>2025-03-28</span></li><li><a href="../info/1087/2731.htm">朝阳镇2025年政务公开工作要点</a><span>2025-03-10</span></li><li><a href="../info/1087/2704.htm">朝阳镇人民政府二〇二四年度政府信息公开工作年度报告</a><span>2025-01-23</span></li><li><a href="../info/1087/2613.htm">朝阳镇2023年度部门决算</a><span>2024-08-20</span></li></ul></div></body></html>`;
  assert.deepEqual(listElsewhereLinks(html, url, parseListItems(html, url)), ['http://gov.test/xzzx/cyz/ndbg.htm']);
});
