/**
 * Rounds 92-93's changes (docs/blind-portals.md, rounds 92-93): a unit-kind tab bar whose current tab is text alone
 * gives its linked tabs; a link inside a tab's pane is captioned by its tab; a box's 更多 is captioned by its header
 * row's first cell; "县直部门及乡镇" names many agencies, not one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { siblingTabLinks } from '../../src/crawl/families/sibling-tabs.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { paneTabLabel } from '../../src/crawl/pane-tab.ts';

test('a tab bar of unit kinds whose current tab is text alone gives its linked tabs, on the page setting none of them', () => {
  const bar = (current: string) => `<html><body><table><tr>${[['qzf', '旗政府'], ['bm', '旗直部门'], ['sm', '苏木镇']]
    .map(([t, n]) => (t === current ? `<td class="tab_on">${n}</td>` : `<td class="tab"><a href="?type=${t}">${n}</a></td>`))
    .join('')}</tr></table></body></html>`;
  const url = 'http://gov.test/xxgkAnnualReport/';
  assert.deepEqual(siblingTabLinks(loadHtml(bar('qzf')), url), ['http://gov.test/xxgkAnnualReport/?type=bm', 'http://gov.test/xxgkAnnualReport/?type=sm']);
  // The current tab not first (another part's view), or the page already one of the linked values: nothing.
  assert.deepEqual(siblingTabLinks(loadHtml(bar('bm')), 'http://gov.test/xxgkAnnualReport/?type=bm'), []);
  // Tabs of other columns (政策文件 | 规划计划) are the site's menu.
  const menu = '<html><body><ul><li class="on">年报</li><li><a href="?c=zc">政策文件</a></li><li><a href="?c=gh">规划计划</a></li></ul></body></html>';
  assert.deepEqual(siblingTabLinks(loadHtml(menu), url), []);
});

test('a link inside a tab\'s pane is captioned by its tab; the units\' grid under 部门年报 gives their columns', () => {
  const grid = (units: string[]) => `<ul class="unit-grid">${units.map((u, i) => `<li><a href="/gongkai/site_u${i}/channel_nb/index.html">${u}</a></li>`).join('')}</ul>`;
  const html = `<html><head><title>政府信息公开年报_某县人民政府</title></head><body><h2>政府信息公开年报</h2><div class="nb-box"><ul class="nb-tabs"><li class="on">县政府年报</li><li>部门年报</li><li>镇街年报</li></ul>
<div class="nb-pane"><ul><li><a href="/gongkai/site_gov/nb/doc_1.html">某县人民政府2024年政府信息公开工作年度报告</a></li><li><a href="/gongkai/site_gov/nb/doc_2.html">某县人民政府2023年政府信息公开工作年度报告</a></li></ul></div>
<div class="nb-pane" style="display:none">${grid(['某县教育和体育局', '某县卫生健康局'])}</div>
<div class="nb-pane" style="display:none">${grid(['某某镇人民政府', '某某街道办事处'])}</div></div></body></html>`;
  const $ = loadHtml(html);
  assert.equal(paneTabLabel($, $('a:contains("某县卫生健康局")')), '部门年报');
  assert.equal(paneTabLabel($, $('a:contains("某某街道办事处")')), '镇街年报');
  assert.equal(paneTabLabel($, $('h2')), '');
});

test('a box\'s 更多 is captioned by its header row\'s first cell (an old table layout)', () => {
  const box = (caption: string, lmid: number, titles: string[]) => `<table class="subbox"><tr><td class="subtit">&nbsp;${caption}</td><td align="right" class="subtit"><a href="/webaspx/view_list.aspx?lmid=${lmid}&pages=1">更多&gt;&gt;</a></td></tr>
<tr><td colspan="2"><table>${titles.map((t, i) => `<tr><td><a href="/html/${lmid}/${i}.html">${t}</a></td></tr>`).join('')}</table></td></tr></table>`;
  const html = `<html><head><title>政府信息公开年报</title></head><body>${box('县政府年报', 2105, ['某县2024年政府信息公开工作年度报告', '某县2024年政府网站工作年度报表', '某县2024年政务公开工作要点', '某县二〇二三年政府信息公开工作年度报告', '某县2023年法治政府建设年度报告'])}${box('通知公告', 11, ['关于做好2024年年报编制工作的通知', '某县2024年统计公报'])}</body></html>`;
  assert.deepEqual(subColumnLinks(html, 'http://gov.test/webaspx/view_list.aspx?lmid=2104&pages=1'), ['http://gov.test/webaspx/view_list.aspx?lmid=2105&pages=1']);
});

test('"县直部门及乡镇" names many agencies: no one agency of a report title', () => {
  assert.equal(agencyFromTitle('加查县二〇二一年度县直部门及乡镇政府信息公开工作年度报告'), null);
  // A unit named for the county's organs is one agency.
  assert.equal(agencyFromTitle('某县县直机关事务服务中心2024年政府信息公开工作年度报告'), '某县县直机关事务服务中心');
});
