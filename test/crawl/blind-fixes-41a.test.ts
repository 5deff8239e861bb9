/**
 * Round 41a's fixes (docs/blind-portals.md, "Round 41a: server-rendered portals (广东, 四川)"), on hand-made input:
 * 1. a list row titled with the report's words alone ("政府信息公开工作年度报告", no agency, no year: its page says
 *    them) was taken for a column's label and never fetched; a dated row, or one linking an article's address, is now
 *    asked, and its page, titled so but holding a report's text, is the report (its year from the text);
 * 2. a 年报 column's tab named "镇（街道）年报" (brackets in the label) was no sub-column: its towns' reports unread.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { namesReportColumn, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const OFFICE = '某省人民政府国防动员办公室';

test('the report words alone are a bare label (said so), not an excluded document', () => {
  const v = classifyTitle('政府信息公开工作年度报告');
  assert.equal(v.isReport, false);
  assert.equal(v.bareLabel, true);
  assert.equal(classifyTitle('政府信息公开年报').bareLabel, true);
  assert.equal(classifyTitle('2020年政府信息公开工作年度报告').isReport, true);
  assert.equal(classifyTitle('一图读懂2024年政府信息公开工作年度报告').bareLabel, undefined);
});

test('a tab named 镇（街道）年报 or （区直）部门年报 is a sub-column of the reports', () => {
  for (const label of ['镇（街道）年报', '镇(街道)年报', '乡镇（街道）年度报告', '区直部门年报']) assert.ok(namesReportColumn(label), label);
  const html = page('某区人民政府', '区政府年报', `<ul class="nb-tab"><li class="on"><span>区政府年报</span></li><li><a href="/zwgk/nb/qzbm/">区直部门年报</a></li><li><a href="/zwgk/nb/zjnb/">镇（街道）年报</a></li></ul><ul><li><a href="/zwgk/nb/t1.html">某区人民政府2024年政府信息公开工作年度报告</a></li></ul>`);
  assert.deepEqual(subColumnLinks(html, 'http://gov.test/zwgk/nb/').sort(), ['http://gov.test/zwgk/nb/qzbm/', 'http://gov.test/zwgk/nb/zjnb/']);
});

test('a list row titled with the report words alone, linking an article (by a long id, or a dynamic page by its id): its page, a report by its text, is catalogued', { timeout: 120_000 }, async () => {
  const title = (y: number) => `${OFFICE}${y}年度政府信息公开工作年度报告`;
  // Date cards whose day stands apart from the year and month: no date the row reads.
  const card = (day: string, ym: string, href: string, t: string) => `<li><div class="date"><b>${day}</b><i>${ym}</i></div><a href="${href}">${t}</a></li>`;
  const p: BlindPortal = {
    id: 'fix41a-bare-label',
    pattern: 'a row titled 政府信息公开工作年度报告 alone, its page the 2020 report',
    agency: { name: OFFICE, division: '510000', level: 'province', province: '四川省' },
    seedPath: '/gdb/nb/index.shtml',
    expected: [],
    routes: {
      'GET /gdb/nb/index.shtml': {
        body: page(OFFICE, '政府信息公开年报', `<div class="menu"><a href="/gdb/nb/index.shtml">政府信息公开年报</a><a href="/gdb/zn/index.shtml">政府信息公开指南</a></div><ul class="cards">
${card('21', '2025.01', '/gdb/nb/2025/1/21/9f2c41d07b8e4a6c93d1e05f7a2b6c84.shtml', title(2024))}
${card('12', '2024.03', '/gdb/nb/2024/3/12/1a7e0c5d92b34f8e8a61c0d2e3f4b5a6.shtml', '2024年政务公开工作要点')}
${card('26', '2021.01', '/gdb/nb/2021/1/26/6b2d9f40e71c48a3b5e0c26d8a4f1e93.shtml', '政府信息公开工作年度报告')}
${card('28', '2020.01', '/gdb/show.asp?id=12', '政府信息公开年度报告')}</ul>`),
      },
      'GET /gdb/nb/2025/1/21/9f2c41d07b8e4a6c93d1e05f7a2b6c84.shtml': { body: detail(OFFICE, { title: title(2024), publisher: OFFICE, date: '2025-01-21', body: reportText(OFFICE, '2024年度') }) },
      'GET /gdb/nb/2024/3/12/1a7e0c5d92b34f8e8a61c0d2e3f4b5a6.shtml': { body: detail(OFFICE, { title: '2024年政务公开工作要点', publisher: OFFICE, date: '2024-03-12', body: trapText('工作要点') }) },
      'GET /gdb/nb/2021/1/26/6b2d9f40e71c48a3b5e0c26d8a4f1e93.shtml': { body: detail(OFFICE, { title: '政府信息公开工作年度报告', publisher: OFFICE, date: '2021-01-26', body: reportText(OFFICE, '2020年') }) },
      'GET /gdb/zn/index.shtml': { body: page(OFFICE, '政府信息公开指南', '<p>指南</p>') },
      // An older report on the old dynamic pages, asked by its id (undated row, no long number in the path).
      'GET /gdb/show.asp': (req) => (req.url.searchParams.get('id') === '12' ? { body: detail(OFFICE, { title: '政府信息公开年度报告', publisher: OFFICE, date: '2020-01-28', body: reportText(OFFICE, '2019年') }) } : null),
    },
  };
  const r = await crawlAsUser([p]);
  try {
    assert.deepEqual(r.found.get(p.id), [`${OFFICE} 2019`, `${OFFICE} 2020`, `${OFFICE} 2024`]);
  } finally {
    await r.portal.close();
  }
});
