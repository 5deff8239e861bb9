/**
 * Year panes whose year is on their tab only (src/crawl/families/tab-panes.ts): a 年报 column drawn as year tabs over
 * unmarked panes, its reports titled without a year. Left open by round 34e (panes matched to their tabs by order):
 * the selected tab's year (class `on`) was given to every pane's reports, the older years' silently wrong; layui's
 * selected class named no year and the reports stayed yearless.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withColumnYear } from '../../src/crawl/families/column-year.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const LIST = 'http://www.gov.test/zwgk/ndbg/index.html';
const REPORT = '某县教育局政府信息公开工作年度报告';
const titles = (html: string) => withColumnYear(html, parseListItems(html, LIST), LIST).map((i) => i.title);
const pane = (n: number) => `<ul><li><a href="/nb/${n}.html">${REPORT}</a></li></ul>`;

test('a homemade tab bar over unmarked panes: each pane\'s yearless report takes its own tab\'s year, by order', () => {
  const html = `<div class="box"><div class="tab_tit"><span class="on">2024年</span><span>2023年</span><span>2022年</span></div>
<div class="tab_con">${pane(1)}${pane(2).replace('<ul>', '<ul style="display:none">')}${pane(3).replace('<ul>', '<ul style="display:none">')}</div></div>`;
  assert.deepEqual(titles(html), [`${REPORT}（2024年度）`, `${REPORT}（2023年度）`, `${REPORT}（2022年度）`]);
});

test('layui tabs (layui-tab-title over layui-tab-item): by order, the tab text 二〇二三年度 read as a year', () => {
  const html = `<div class="layui-tab"><ul class="layui-tab-title"><li class="layui-this">2024年度</li><li>二〇二三年度</li></ul>
<div class="layui-tab-content"><div class="layui-tab-item layui-show">${pane(1)}</div><div class="layui-tab-item">${pane(2)}</div></div></div>`;
  assert.deepEqual(titles(html), [`${REPORT}（2024年度）`, `${REPORT}（2023年度）`]);
});

test('Bootstrap tabs naming their panes by id: the id wins over the order (panes written in another order)', () => {
  const html = `<ul class="nav nav-tabs"><li class="active"><a href="#p2" data-toggle="tab">2024年</a></li><li><a href="#p1" data-toggle="tab">2023年</a></li></ul>
<div class="tab-content"><div class="tab-pane" id="p1">${pane(1)}</div><div class="tab-pane active" id="p2">${pane(2)}</div></div>`;
  assert.deepEqual(titles(html), [`${REPORT}（2023年度）`, `${REPORT}（2024年度）`]);
});

test('no year from tabs naming something else, nor from year links to pages of their own (year columns)', () => {
  const words = `<div class="tab_tit"><span class="on">本级年报</span><span>部门年报</span></div><div class="tab_con">${pane(1)}${pane(2)}</div>`;
  assert.deepEqual(titles(words), [REPORT, REPORT]);
  // Year links leading to their own pages are year columns (read as list pages), not tabs over these panes.
  const links = `<div class="years"><a href="/nb/2024/">2024年</a><a href="/nb/2023/">2023年</a></div><div class="lists">${pane(1)}${pane(2)}</div>`;
  assert.deepEqual(titles(links).slice(-2), [REPORT, REPORT]);
});
