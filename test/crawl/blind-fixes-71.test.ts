/**
 * Round 71's changes (docs/blind-portals.md, round 71); the blind portals themselves are crawled whole by the blind
 * parts. A JSON answer keyed by year is one list; a catch-all box (其他) showing a report leads on by its 更多; a row's
 * [原文] link beside an interpretation's title is the report the interpretation names; a compilation's sections headed by a
 * unit's short name over a line naming the year's report are split into the units' reports.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { findJsonList, readList } from '../../src/crawl/learn/list-shape.ts';
import { mergedUnits, splitMergedPage } from '../../src/crawl/merged-reports.ts';
import { reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { originalTitle } from '../../src/crawl/original-link.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';

test("a JSON answer keyed by year is one list, newest year first, every year's items read", () => {
  const row = (y: number, id: number) => ({ title: `沂南县人民政府${y}年政府信息公开工作年度报告`, url: `/art/${y + 1}/1/20/art_7311_${id}.html`, date: `${y + 1}-01-20` });
  const answer = { code: 0, data: { '2022': [row(2022, 3)], '2024': [row(2024, 1), { title: '沂南县2025年政务公开工作要点', url: '/art/2025/3/1/art_7311_9.html', date: '2025-03-01' }], '2023': [row(2023, 2)] } };
  const found = findJsonList(answer, 'http://gov.test/zwgk/zfxxgknb/index.html');
  assert.deepEqual(found?.items.map((i) => i.title), [row(2024, 1).title, '沂南县2025年政务公开工作要点', row(2023, 2).title, row(2022, 3).title]);
  // The shape read again from a later answer of the endpoint.
  assert.equal(readList(JSON.stringify(answer), 'http://gov.test/api', 'http://gov.test/zwgk/zfxxgknb/index.html', found!.shape).length, 4);
  // Keys that are no years (a list beside a box of hot items) are each a list of their own, as before.
  const other = { list: [row(2024, 1), row(2023, 2)], hot: [row(2022, 3)] };
  assert.equal(findJsonList(other, 'http://gov.test/')?.items.length, 2);
});

test("a catch-all box (其他) showing a report among other things leads on by its 更多 to where the reports are", () => {
  const tile = (caption: string, items: string) => `<div class="xz-box"><div class="xz-tit"><h3>${caption}</h3><a class="more" href="/zwgk/xzxxgk/qfz/qt/index.html">更多&gt;&gt;</a></div><ul class="xz-list">${items}</ul></div>`;
  const items = `<li><a href="/zwgk/xzxxgk/qfz/qt/ndbg/202501/t1.html">千佛镇2024年政府信息公开工作年度报告</a></li><li><a href="/zwgk/xzxxgk/qfz/qt/gzzj/202501/t2.html">千佛镇2024年工作总结和2025年工作计划</a></li><li><a href="/zwgk/xzxxgk/qfz/qt/qtxx/202412/t3.html">千佛镇2024年度防汛工作应急预案</a></li>`;
  const town = (caption: string, list: string) => page('井研县人民政府', '千佛镇', tile(caption, list));
  assert.deepEqual(subColumnLinks(town('其他', items), 'http://gov.test/zwgk/xzxxgk/qfz/index.html'), ['http://gov.test/zwgk/xzxxgk/qfz/qt/index.html']);
  // A box captioned for something else, or a catch-all showing no report, is not followed.
  assert.deepEqual(subColumnLinks(town('公示公告', items), 'http://gov.test/zwgk/xzxxgk/qfz/index.html'), []);
  assert.deepEqual(subColumnLinks(town('其他', items.replace(/<li>.*?<\/li>/, '')), 'http://gov.test/zwgk/xzxxgk/qfz/index.html'), []);
});

test("a [原文] link beside an interpretation's title is the report the interpretation names", () => {
  assert.equal(originalTitle('政策解读：区卫生健康委2023年度政府信息公开工作年度报告'), '区卫生健康委2023年度政府信息公开工作年度报告');
  assert.equal(originalTitle('一图读懂《天津市河西区2024年政府信息公开工作年度报告》'), '天津市河西区2024年政府信息公开工作年度报告');
  assert.equal(originalTitle('一图读懂河西区2024年政务公开工作要点'), null);
  const list = page(
    '天津市河西区人民政府',
    '政府信息公开年报',
    `<ul class="list">
<li><span class="fbjg">区政府办</span><a class="bt" href="./202502/t1.html" title="一图读懂《天津市河西区2024年政府信息公开工作年度报告》">一图读懂《天津市河西区2024年政府信息公开…</a> <a class="yw" href="./202501/t2.html">[原文]</a><span class="date">2025-02-05</span></li>
<li><span class="fbjg">区政府办</span><a class="bt" href="./202503/t3.html">政策解读：河西区2025年政务公开工作要点</a> <a class="yw" href="./202503/t4.html">[原文]</a><span class="date">2025-03-05</span></li>
</ul>`,
  );
  const items = parseListItems(list, 'http://gov.test/zwgk/xxgknb/index.html');
  assert.equal(items.find((i) => i.url === 'http://gov.test/zwgk/xxgknb/202501/t2.html')?.title, '天津市河西区2024年政府信息公开工作年度报告');
  // The interpretation of no report leaves its 原文 link titled by its row, as before: no report.
  assert.doesNotMatch(items.find((i) => i.url === 'http://gov.test/zwgk/xxgknb/202503/t4.html')?.title ?? '', /年度报告$/);
});

test("a compilation's sections headed by a unit's name alone over a line naming the year's report are each that unit's", () => {
  const section = (anchor: string, heading: string, agency: string) =>
    `<p align="center"><a name="${anchor}"></a><font size="3"><b>${heading}</b></font></p>\n<p align="center"><font size="2">二〇二四年度政府信息公开工作年度报告</font></p>\n${reportText(agency, '2024年度')}`;
  const html = `<html><head><title>南关区区直部门2024年度政府信息公开工作年度报告</title></head><body><div id="zoom">
<p>现将南关区区直部门2024年度政府信息公开工作年度报告集中予以公布。</p>
${section('bm01', '南 关 区 教 育 局', '长春市南关区教育局')}
${section('bm02', '南关区卫生健康局（原南关区卫生和计划生育局）', '长春市南关区卫生健康局')}</div></body></html>`;
  const text = html.replace(/<[^>]+>/g, ' ');
  const units = mergedUnits(text);
  assert.deepEqual(units?.sort(), ['长春市南关区卫生健康局', '长春市南关区教育局']);
  const parts = splitMergedPage(html, units!);
  assert.deepEqual(parts?.map((p) => [p.unit, p.year]), [['长春市南关区教育局', 2024], ['长春市南关区卫生健康局', 2024]]);
  // A unit's name over a line naming no year's report is no section's heading: the page is not cut.
  assert.equal(splitMergedPage(html.replace(/二〇二四年度政府信息公开工作年度报告/g, '目录'), units!), null);
});
