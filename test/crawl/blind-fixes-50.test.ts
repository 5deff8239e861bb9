/**
 * Round 50's fixes, each at its cause (docs/blind-portals.md, round 50).
 * - A year's link of a 年报 year menu whose address answers the year's file itself (a download address with no file
 *   extension, so nothing told it from a year's column before it was asked): read as that year's report, titled by
 *   the menu's heading and the year (it was said of the seed as a column answering a document, the report missed).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yearColumns } from '../../src/crawl/families/pager.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

test("a year menu's links carry the report title their heading and year give; a menu no heading names carries none", () => {
  const menu = '<ul class="years"><li><a href="/nb/2024/">2024年</a></li><li><a href="/nb/down.jsp?id=7">2023年</a></li></ul>';
  assert.deepEqual(yearColumns(`<html><body><h3 class="tit">政府信息公开年报</h3>${menu}</body></html>`, 'http://h.test/nb/'), [
    { url: 'http://h.test/nb/2024/', reportTitle: '政府信息公开年报（2024年）' },
    { url: 'http://h.test/nb/down.jsp?id=7', reportTitle: '政府信息公开年报（2023年）' },
  ]);
  // Two years side by side on a page whose main heading names the reports: that heading.
  assert.deepEqual(
    yearColumns(`<html><head><title>首页</title></head><body><h1>年度报告</h1><div class="nav">${menu}</div></body></html>`, 'http://h.test/nb/').map((c) => c.reportTitle),
    ['年度报告（2024年）', '年度报告（2023年）'],
  );
  assert.deepEqual(yearColumns(`<html><body><h3>通知公告</h3>${menu}</body></html>`, 'http://h.test/news/'), []);
});

/** A 年报 page of year links: 2024年 a column listing its report, 2023年 and 2022年 download addresses of their PDFs. */
function yearDownloadsPortal(): BlindPortal {
  const site = '灵寿县人民政府';
  const art = '/zwgk/nb/2024/202501/t20250120_1.html';
  const menu = `<ul class="years"><li><a href="/zwgk/nb/2024/">2024年</a></li><li><a href="/zwgk/down.jsp?fileid=2301">2023年</a></li>
<li><a href="/zwgk/down.jsp?fileid=2201">2022年</a></li></ul>`;
  return {
    id: 'year-links-download',
    pattern: "year links of a 年报 menu, two of them download addresses answering the year's PDF",
    agency: { name: site, division: '130126', level: 'county', province: '河北省', city: '石家庄市', county: '灵寿县' },
    seedPath: '/zwgk/nb/index.html',
    expected: [
      { agency: site, year: 2024 },
      { agency: site, year: 2023 },
      { agency: site, year: 2022 },
    ],
    routes: {
      'GET /zwgk/nb/index.html': { body: page(site, '政府信息公开年报', `<h2>政府信息公开年报</h2>${menu}`) },
      'GET /zwgk/nb/2024/': { body: page(site, '政府信息公开年报', `${menu}<ul class="list"><li><a href="${art}">${site}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul>`) },
      [`GET ${art}`]: { body: detail(site, { title: `${site}2024年政府信息公开工作年度报告`, publisher: site, date: '2025-01-20', body: reportText(site, '2024年') }) },
      'GET /zwgk/down.jsp': (req) =>
        req.url.searchParams.get('fileid') === '2301' ? { type: 'application/pdf', body: PDF } : req.url.searchParams.get('fileid') === '2201' ? { type: 'application/octet-stream', body: Buffer.concat([PDF, Buffer.from('% 2022\n')]) } : null,
    },
  };
}

test("a year's link answering the year's file is that year's report, and the seed is healthy", async () => {
  const run = await crawlAsUser([yearDownloadsPortal()]);
  try {
    assert.deepEqual(run.found.get('year-links-download')?.sort(), ['灵寿县人民政府 2022', '灵寿县人民政府 2023', '灵寿县人民政府 2024']);
    assert.deepEqual(run.attachments.get('year-links-download')?.sort(), ['/zwgk/down.jsp?fileid=2201', '/zwgk/down.jsp?fileid=2301']);
    const seed = run.seeds.find((x) => x.url.startsWith(run.portal.urls['year-links-download']!))!;
    assert.deepEqual(seed.flags, [], JSON.stringify(seed));
  } finally {
    await run.portal.close();
  }
});
