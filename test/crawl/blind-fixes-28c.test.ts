/**
 * Round 28c's fixes (docs/blind-portals.md, "Round 28c"), each on hand-made input crawled through the CLI. A seed
 * that is one report's own page (the address a user copied from the report he had open) was read as a list page
 * only: the column its breadcrumb names was read, but the column's link back to the seed was skipped as "a list page
 * read already", so the one report the user pointed at was never catalogued, the seed `ok` (silent). A 政务公开
 * home whose only 年报 link is in a menu its script draws from a JSON answer was never rendered (a known family's
 * page listing other notices is "simply empty"); rendered, the menu's JSON was learned as the seed's list and the
 * drawn page, naming the column, was not read. And a city platform's front page whose 年报 are its departments'
 * (a 部门信息公开 grid, each department's page naming its column) led nowhere: its reports were found only by
 * exploring its host, the seed flagged `moved` with four columns to point at.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

interface Outcome {
  seeds: { url: string; healthy: boolean; flags: string[]; last: { status: string; reason: string | null } }[];
  /** "agency year report-path" of every exported report. */
  reports: string[];
}

async function crawl(portals: BlindPortal[]): Promise<Outcome & { urls: Record<string, string> }> {
  const portal = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-fix28c-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, portals));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (n: string) => header!.indexOf(n);
    const reports = [...new Set(rows.map((r) => `${r[col('agency')]} ${r[col('year')]} ${new URL(r[col('report_url')]!).pathname}`))].sort();
    return { seeds: (JSON.parse(status.out) as Outcome).seeds, reports, urls: portal.urls };
  } finally {
    await portal.close();
  }
}

const art = (site: string, title: string, agency: string | null, date: string) =>
  detail(site, { title, publisher: `${site}办公室`, date, body: agency ? reportText(agency, `${title.match(/\d{4}/)![0]}年度`) : trapText(title) });

test('a seed that is one report’s page: that report is catalogued, and the column its breadcrumb names read', { timeout: 120_000 }, async () => {
  const gov = '酒泉市肃州区人民政府';
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const crumbs = '<a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/index.html">政府信息公开年报</a>';
  const withCrumbs = (html: string) => html.replace('政府信息公开 &gt; 正文', `${crumbs} &gt; 正文`);
  const p: BlindPortal = {
    id: 'fix28c-report-seed',
    pattern: 'the seed a report page whose breadcrumb links its column',
    agency: { name: gov, division: '620902', level: 'county', province: '甘肃省', city: '酒泉市', county: '肃州区' },
    seedPath: '/zwgk/nb/2024/t20240126_31.html',
    expected: [],
    routes: {
      'GET /zwgk/nb/index.html': {
        body: page(gov, '政府信息公开年报', `<ul class="list"><li><a href="/zwgk/nb/2025/t20250122_47.html">${title(2024)}</a><span>2025-01-22</span></li>
<li><a href="/zwgk/nb/2025/t20250110_45.html">肃州区2025年政务公开工作要点</a><span>2025-01-10</span></li>
<li><a href="/zwgk/nb/2024/t20240126_31.html">${title(2023)}</a><span>2024-01-26</span></li>
<li><a href="/zwgk/nb/2023/t20230128_19.html">${title(2022)}</a><span>2023-01-28</span></li></ul>`),
      },
      'GET /zwgk/nb/2025/t20250122_47.html': { body: withCrumbs(art(gov, title(2024), gov, '2025-01-22')) },
      'GET /zwgk/nb/2025/t20250110_45.html': { body: withCrumbs(art(gov, '肃州区2025年政务公开工作要点', null, '2025-01-10')) },
      'GET /zwgk/nb/2024/t20240126_31.html': { body: withCrumbs(art(gov, title(2023), gov, '2024-01-26')) },
      'GET /zwgk/nb/2023/t20230128_19.html': { body: withCrumbs(art(gov, title(2022), gov, '2023-01-28')) },
    },
  };
  // A second seed, a report page linking no column: its one report, the seed flagged `short` saying it is no column
  // (healthy until round 67: the agency's other years were then a silent miss).
  const lone = '嘉峪关市人民政府';
  const q: BlindPortal = {
    id: 'fix28c-lone-report',
    pattern: 'the seed a report page with no column',
    agency: { name: lone, division: '620200', level: 'city', province: '甘肃省', city: '嘉峪关市' },
    seedPath: '/art/2024/1/25/art_88_1203.html',
    expected: [],
    routes: { 'GET /art/2024/1/25/art_88_1203.html': { body: art(lone, `${lone}2023年政府信息公开工作年度报告`, lone, '2024-01-25') } },
  };
  const r = await crawl([p, q]);
  assert.deepEqual(r.reports, [
    `${gov} 2022 /zwgk/nb/2023/t20230128_19.html`,
    `${gov} 2023 /zwgk/nb/2024/t20240126_31.html`,
    `${gov} 2024 /zwgk/nb/2025/t20250122_47.html`,
    `${lone} 2023 /art/2024/1/25/art_88_1203.html`,
  ].sort());
  const [column, alone] = [r.seeds.find((s) => s.url.includes('/zwgk/nb/'))!, r.seeds.find((s) => s.url.includes('/art/'))!];
  assert.ok(column.healthy, `${column.url}: ${column.flags.join(',')} ${column.last.reason}`);
  assert.deepEqual(alone.flags, ['short'], `${alone.url}: ${alone.flags.join(',')} ${alone.last.reason}`);
  assert.match(alone.last.reason ?? '', /one report's page .* no column of the reports was found from it/);
});

test('a 政务公开 home whose 年报 link is only in a menu its script draws from JSON: rendered, the drawn menu’s column read', { timeout: 120_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const gov = '六盘水市钟山区人民政府';
  const menu = { code: 0, data: [{ title: '首页', href: '/' }, { title: '政务公开', href: '/zwgk/', sub: [{ title: '统计年报', href: '/zwgk/tjnb/' }, { title: '政府信息公开年报', href: '/zwgk/ndbg/' }, { title: '年度工作要点', href: '/zwgk/gzyd/' }] }] };
  const script = `fetch('/api/nav?site=zsq').then(function (r) { return r.json(); }).then(function (res) {
  var h = '';
  res.data.forEach(function (m) {
    h += '<li><a href="' + m.href + '">' + m.title + '</a>';
    if (m.sub) h += '<ul class="drop" hidden>' + m.sub.map(function (s) { return '<li><a href="' + s.href + '">' + s.title + '</a></li>'; }).join('') + '</ul>';
    h += '</li>';
  });
  document.getElementById('nav').innerHTML = h;
});`;
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const p: BlindPortal = {
    id: 'fix28c-menu-json',
    pattern: 'a home page whose nav is drawn from a menu JSON',
    agency: { name: gov, division: '520201', level: 'county', province: '贵州省', city: '六盘水市', county: '钟山区' },
    seedPath: '/zwgk/index.html',
    expected: [],
    routes: {
      'GET /zwgk/index.html': {
        body: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开_${gov}</title></head><body><ul id="nav"></ul>
<div class="box"><h3>通知公告</h3><ul><li><a href="/zwgk/tz/1.html">钟山区2025年政务公开工作要点</a></li><li><a href="/zwgk/tz/2.html">关于做好2024年度政府信息公开工作年度报告编制发布工作的通知</a></li></ul></div>
<script src="/js/nav.js"></script></body></html>`,
      },
      'GET /js/nav.js': { type: 'application/javascript', body: script },
      'GET /api/nav': { type: 'application/json', body: JSON.stringify(menu) },
      'GET /zwgk/tz/1.html': { body: art(gov, '钟山区2025年政务公开工作要点', null, '2025-01-09') },
      'GET /zwgk/tz/2.html': { body: art(gov, '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', null, '2024-12-12') },
      'GET /zwgk/ndbg/': { body: page(gov, '政府信息公开年报', `<ul class="list"><li><a href="/zwgk/ndbg/24.html">${title(2024)}</a></li><li><a href="/zwgk/ndbg/23.html">${title(2023)}</a></li></ul>`) },
      'GET /zwgk/ndbg/24.html': { body: art(gov, title(2024), gov, '2025-01-20') },
      'GET /zwgk/ndbg/23.html': { body: art(gov, title(2023), gov, '2024-01-22') },
    },
  };
  const r = await crawl([p]);
  assert.deepEqual(r.reports, [`${gov} 2023 /zwgk/ndbg/23.html`, `${gov} 2024 /zwgk/ndbg/24.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
});

test('a front page listing no report and naming no column: its 部门信息公开 grid’s departments are list pages, other boxes are not', () => {
  const PAGE = 'http://xxgk.example/xxgk/index.html';
  const shell = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
  const news = '<div class="box"><div class="box-tit">最新公开</div><ul><li><a href="/xxgk/zx/1.html">滁州市2025年政务公开工作要点</a></li><li><a href="/xxgk/zx/2.html">滁州市2024年国民经济和社会发展统计公报</a></li></ul></div>';
  const grid = '<div class="box"><div class="box-tit"><span>部门信息公开</span></div><ul class="grid"><li><a href="/xxgk/bm/jyj/index.html"><img alt=""><span>滁州市教育局</span></a></li><li><a href="/xxgk/bm/mzj/index.html">滁州市民政局</a></li><li><a href="/xxgk/bm/czj/index.html">滁州市财政局</a></li></ul></div>';
  const counties = '<div class="box"><h3>县区信息公开</h3><ul><li><a href="http://ly.example/xxgk/">琅琊区人民政府</a></li><li><a href="http://nq.example/xxgk/">南谯区人民政府</a></li></ul></div>';
  const sites = '<div class="box"><h3>部门网站</h3><ul><li><a href="/jyj/">滁州市教育局</a></li><li><a href="/mzj/">滁州市民政局</a></li></ul></div>';
  const items = [{ title: '滁州市2025年政务公开工作要点', url: 'http://xxgk.example/xxgk/zx/1.html', date: null, isFile: false }];
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', news + grid + counties + sites), PAGE, items), [
    { url: 'http://xxgk.example/xxgk/bm/jyj/index.html', columnAgency: '滁州市教育局' },
    { url: 'http://xxgk.example/xxgk/bm/mzj/index.html', columnAgency: '滁州市民政局' },
    { url: 'http://xxgk.example/xxgk/bm/czj/index.html', columnAgency: '滁州市财政局' },
  ]);
  // A page naming its 年报 column: that column, and (since round 33c) the grid's departments beside it, whose
  // reports the platform's own column does not list.
  const menu = '<ul class="nav"><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li></ul>';
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', menu + news + grid), PAGE, items), [
    { url: 'http://xxgk.example/xxgk/ndbg/index.html', namedColumn: true },
    { url: 'http://xxgk.example/xxgk/bm/jyj/index.html', columnAgency: '滁州市教育局' },
    { url: 'http://xxgk.example/xxgk/bm/mzj/index.html', columnAgency: '滁州市民政局' },
    { url: 'http://xxgk.example/xxgk/bm/czj/index.html', columnAgency: '滁州市财政局' },
  ]);
  // Boxes of other sites, of other hosts, one department alone, or a page that lists a report: none.
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', news + counties + sites), PAGE, items), []);
  // A box captioned "部门" alone (their sites, or anything) is not a grid of disclosure pages.
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', news + grid.replace('部门信息公开', '部门')), PAGE, items), []);
  const one = grid.replace(/<li><a href="\/xxgk\/bm\/(mzj|czj)[^]*?<\/li>/g, '');
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', news + one), PAGE, items), []);
  const report = [{ title: '滁州市2024年政府信息公开工作年度报告', url: 'http://xxgk.example/xxgk/zx/9.html', date: null, isFile: false }];
  assert.deepEqual(listElsewhere(shell('政府信息公开平台', news + grid), PAGE, report), []);
});
