/**
 * Round 40c's and 40d's fixes (docs/blind-portals.md, "Round 40c" and "Round 40d"), on hand-made input.
 * 40c: a seed that is a document ABOUT a report (the 一图读懂 page a WeChat post shares, linking the report's 原文)
 * gave that one report and ended `ok`: the column, one menu away, was never looked for (a silent miss of the rest).
 * Now such a seed page is read for the reports it links and its host explored for the column, the seed `moved`.
 * 40d: a download script with a `file=` parameter (`down.php?file=UploadFiles/2021/….pdf`) was taken for a viewer
 * and its parameter asked as the file's address (404): the script is the file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { documentAboutReport } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const GOV = '某某县人民政府';
const title = (y: number) => `${GOV}${y}年政府信息公开工作年度报告`;
const report = (y: number, date: string) => detail(GOV, { title: title(y), publisher: `${GOV}办公室`, date, body: reportText(GOV, `${y}年度`) });
const TUJIE = `一图读懂｜${title(2024)}`;
const tujie = detail(GOV, { title: TUJIE, publisher: `${GOV}办公室`, date: '2025-01-26', body: `${trapText(TUJIE)}<p><img src="/tj/1.png" alt="图解一"></p><p>原文链接：<a href="/zwgk/nb/t20250124_31.html">${title(2024)}</a></p>` });

/** The disclosure menu and the 年报 column with its three reports and a trap (both seeds' sites). */
const columnRoutes: BlindPortal['routes'] = {
  'GET /zfxxgk/': {
    body: page(GOV, '政府信息公开', `<ul class="gk-menu"><li><a href="/zfxxgk/zn.html">政府信息公开指南</a></li><li><a href="/zwgk/nb/index.html">政府信息公开年报</a></li></ul>`),
  },
  'GET /zwgk/nb/index.html': {
    body: page(GOV, '政府信息公开年报', `<ul class="list"><li><a href="/zwgk/nb/t20250124_31.html">${title(2024)}</a><span>2025-01-24</span></li>
<li><a href="/zwgk/nb/t20250110_30.html">某某县2025年政务公开工作要点</a><span>2025-01-10</span></li>
<li><a href="/zwgk/nb/t20240125_21.html">${title(2023)}</a><span>2024-01-25</span></li>
<li><a href="/zwgk/nb/t20230127_11.html">${title(2022)}</a><span>2023-01-27</span></li></ul>`),
  },
  'GET /zwgk/nb/t20250124_31.html': { body: report(2024, '2025-01-24') },
  'GET /zwgk/nb/t20250110_30.html': { body: detail(GOV, { title: '某某县2025年政务公开工作要点', publisher: GOV, date: '2025-01-10', body: trapText('工作要点') }) },
  'GET /zwgk/nb/t20240125_21.html': { body: report(2023, '2024-01-25') },
  'GET /zwgk/nb/t20230127_11.html': { body: report(2022, '2023-01-27') },
};

/** Crawls one portal as a user does (blind-crawl.ts): the agencies and years found, the seed's health. */
async function crawlOne(p: BlindPortal) {
  const r = await crawlAsUser([p]);
  try {
    return { found: r.found.get(p.id)!, seed: r.seeds[0]!, origin: r.portal.urls[p.id]! };
  } finally {
    await r.portal.close();
  }
}

test('a page about a report (一图读懂, 解读) is such a document; a report, a column or a notice column is not', () => {
  const url = 'http://gov.test/tujie/t1.html';
  assert.equal(documentAboutReport(parseDetailPage(tujie, url)), TUJIE);
  const interpretation = detail(GOV, { title: `《${title(2023)}》解读`, publisher: GOV, date: '2024-01-30', body: trapText('解读') });
  assert.equal(documentAboutReport(parseDetailPage(interpretation, url)), `《${title(2023)}》解读`);
  assert.equal(documentAboutReport(parseDetailPage(report(2024, '2025-01-24'), url)), null, 'a report is no document about one');
  assert.equal(documentAboutReport(parseDetailPage(page(GOV, '政府信息公开年报', '<ul><li>…</li></ul>'), url)), null, 'a column');
  assert.equal(documentAboutReport(parseDetailPage(page(GOV, '通知公告', '<ul><li>…</li></ul>'), url)), null, 'a notice column names no year');
});

test('a seed that is a 一图读懂 page: the report it links, then the column found from its menus; the seed moved', { timeout: 120_000 }, async () => {
  const p: BlindPortal = {
    id: 'fix40c-tujie-seed',
    pattern: 'the seed a 一图读懂 page linking its report; the column one menu away',
    agency: { name: GOV, division: '341126', level: 'county', province: '安徽省', city: '滁州市', county: '凤阳县' },
    seedPath: '/tujie/t20250126_40.html',
    expected: [],
    routes: {
      'GET /tujie/t20250126_40.html': { body: tujie },
      ...columnRoutes,
    },
  };
  const r = await crawlOne(p);
  assert.deepEqual(r.found, [`${GOV} 2022`, `${GOV} 2023`, `${GOV} 2024`]);
  assert.deepEqual(r.seed.flags, ['moved'], r.seed.last.reason ?? '');
  assert.match(r.seed.last.reason!, /a document about a report \("一图读懂/);
  assert.ok(r.seed.last.reason!.includes(`${r.origin}/zwgk/nb/index.html`), r.seed.last.reason!);
});

test('a seed that is one report’s own page whose breadcrumb names another column: its column is looked for too', { timeout: 120_000 }, async () => {
  // The report filed under 其他 (its breadcrumb 政务公开 > 法定主动公开内容 > 其他); 上一篇 / 下一篇 the reports beside it.
  const art = (y: number, date: string, prev: string, next: string) =>
    detail(GOV, { title: title(y), publisher: `${GOV}办公室`, date, body: reportText(GOV, `${y}年度`), after: `<div class="pn"><p>上一篇：${prev}</p><p>下一篇：${next}</p></div>` }).replace(
      '政府信息公开 &gt; 正文',
      '<a href="/zfxxgk/">政务公开</a> &gt; <a href="/zfxxgk/fdzdgknr/">法定主动公开内容</a> &gt; <a href="/zfxxgk/qt/">其他</a> &gt; 正文',
    );
  const link = (y: number, file: string) => `<a href="/zwgk/nb/${file}">${title(y)}</a>`;
  const p: BlindPortal = {
    id: 'fix40c-report-seed',
    pattern: 'the seed a report page filed under 其他, its neighbours reports; the 年报 column in the disclosure menu',
    agency: { name: GOV, division: '341126', level: 'county', province: '安徽省', city: '滁州市', county: '凤阳县' },
    seedPath: '/zwgk/nb/t20240125_21.html',
    expected: [],
    routes: {
      ...columnRoutes,
      // The column lists 2021 and 2020 too.
      'GET /zwgk/nb/index.html': {
        body: (columnRoutes['GET /zwgk/nb/index.html'] as { body: string }).body.replace(
          '</ul>',
          `<li><a href="/zwgk/nb/t20220128_05.html">${title(2021)}</a><span>2022-01-28</span></li><li><a href="/zwgk/nb/t20210129_02.html">${title(2020)}</a><span>2021-01-29</span></li></ul>`,
        ),
      },
      'GET /zwgk/nb/t20240125_21.html': { body: art(2023, '2024-01-25', link(2024, 't20250124_31.html'), link(2022, 't20230127_11.html')) },
      'GET /zwgk/nb/t20230127_11.html': { body: art(2022, '2023-01-27', link(2023, 't20240125_21.html'), link(2021, 't20220128_05.html')) },
      'GET /zwgk/nb/t20220128_05.html': { body: report(2021, '2022-01-28') },
      'GET /zwgk/nb/t20210129_02.html': { body: report(2020, '2021-01-29') },
    },
  };
  const r = await crawlOne(p);
  assert.deepEqual(r.found, [2020, 2021, 2022, 2023, 2024].map((y) => `${GOV} ${y}`));
  assert.deepEqual(r.seed.flags, ['moved'], r.seed.last.reason ?? '');
  assert.ok(r.seed.last.reason!.includes(`${r.origin}/zwgk/nb/index.html`), r.seed.last.reason!);
});

test('a download script carrying the file’s address (down.php?file=…pdf) is the file, asked as written', () => {
  const html = page(GOV, title(2021), `<div class="art-con"><p>附件：<a href="../down.php?file=UploadFiles/2021/某某县2021年报.pdf">某某县2021年报.pdf</a></p>
<p>预览：<a href="/pdfjs/web/viewer.html?file=/UploadFiles/2021/preview.pdf">在线预览</a></p></div>`);
  const found = findAttachments(loadHtml(html), 'http://gov.test/zwgk/nb/show.php?id=7').map((a) => decodeURIComponent(a.url));
  // The viewer still stands for the file it shows; the download script is asked itself (its query in the page's
  // encoding when crawled: scope.ts withPageEncoding), not its parameter resolved as a path (/zwgk/UploadFiles/…: 404).
  assert.deepEqual(found, ['http://gov.test/zwgk/down.php?file=UploadFiles/2021/某某县2021年报.pdf', 'http://gov.test/UploadFiles/2021/preview.pdf']);
});
