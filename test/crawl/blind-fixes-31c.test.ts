/**
 * Round 31c's fixes (docs/blind-portals.md, "Round 31c"), on hand-made input. A seed that was a later page of its
 * column (the user clicked 下一页 before copying the address) was read forward only: its first page, the newest
 * reports, was never asked, the seed flagged `short`. And a seed page whose only way to the 年报 column is an entry
 * of a script-drawn carousel (an image, `alt=""`, its name only in the slides' JSON) ended `empty`: the browser
 * learned the slides' JSON as the seed's list, whose entry 政府信息公开年报 is no report and was not followed.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

interface Outcome {
  seeds: { url: string; healthy: boolean; flags: string[]; last: { status: string; reason: string | null } }[];
  /** "agency year report-path" of every exported report. */
  reports: string[];
  /** Paths (and queries) asked of the portal's host. */
  asked: string[];
}

async function crawl(p: BlindPortal): Promise<Outcome> {
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix31c-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (n: string) => header!.indexOf(n);
    const reports = [...new Set(rows.map((r) => `${r[col('agency')]} ${r[col('year')]} ${new URL(r[col('report_url')]!).pathname}`))].sort();
    const asked = portal.log.filter((l) => l.site === p.id).map((l) => l.url);
    return { seeds: (JSON.parse(status.out) as Outcome).seeds, reports, asked };
  } finally {
    await portal.close();
  }
}

const shell = (title: string, body: string, head = '') => `<html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
const art = (site: string, title: string, agency: string | null, date: string) =>
  detail(site, { title, publisher: `${site}办公室`, date, body: agency ? reportText(agency, `${title.match(/\d{4}/)![0]}年度`) : trapText(title) });

test('firstListPage: a later page of a list names its first page; a first page, or a site’s 首页 in the nav, none', async () => {
  const { firstListPage } = await import('../../src/crawl/families/first-page.ts');
  const nav = '<div class="mainnav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>';
  const pager = (k: number, href: (n: number) => string) =>
    `<div class="pg">共3页 <a href="${href(1)}">首页</a> ${k > 1 ? `<a href="${href(k - 1)}">上一页</a>` : ''} ${[1, 2, 3].map((n) => (n === k ? `<b>${n}</b>` : `<a href="${href(n)}">${n}</a>`)).join(' ')} ${k < 3 ? `<a href="${href(k + 1)}">下一页</a>` : ''}</div>`;
  const trsName = (n: number) => (n === 1 ? 'index.html' : `index_${n - 1}.html`);
  const COL = 'http://www.example.gov.cn/zwgk/nb/';
  assert.equal(firstListPage(shell('年报', nav + pager(2, trsName)), `${COL}index_1.html`), `${COL}index.html`);
  assert.equal(firstListPage(shell('年报', nav + pager(3, trsName)), `${COL}index_2.html`), `${COL}index.html`);
  assert.equal(firstListPage(shell('年报', nav + pager(1, trsName)), `${COL}index.html`), null);
  const q = (n: number) => `list.jsp?cid=12&page=${n}`;
  assert.equal(firstListPage(shell('年报', nav + pager(3, q)), `${COL}list.jsp?cid=12&page=3`), `${COL}list.jsp?cid=12&page=1`);
  // A page 2 whose pager shows only 上一页 and 下一页: the page before is the first.
  const bare = `<div class="pg">当前第2/3页 <a href="list_1.html">上一页</a> <a href="list_3.html">下一页</a></div>`;
  assert.equal(firstListPage(shell('年报', nav + bare), `${COL}list_2.html`), `${COL}list_1.html`);
  // A TRS pager script on page 2 (0-based current 1): page 0 by its naming.
  assert.equal(firstListPage(shell('年报', `${nav}<script>createPageHTML(3, 1, "index", "shtml");</script>`), `${COL}index_1.shtml`), `${COL}index.shtml`);
  // The nav's 首页 leads to the site's home, not to the column's first page: nothing on a page 3 naming no page 1.
  const noFirst = `<div class="pg">当前第3/3页 <a href="index_1.html">上一页</a></div>`;
  assert.equal(firstListPage(shell('年报', nav + noFirst), `${COL}index_2.html`), null);
});

test('a seed that is the column’s second page: its first page read too, the seed healthy, no page asked twice', { timeout: 120_000 }, async () => {
  const gov = '万年县人民政府';
  const titles: [string, number | null][][] = [
    [[`${gov}2024年政府信息公开工作年度报告`, 2024], ['万年县2025年政务公开工作要点', null]],
    [['万年县2023年统计年报', null], [`${gov}2023年政府信息公开工作年度报告`, 2023]],
    [[`${gov}2022年政府信息公开工作年度报告`, 2022], ['万年县2022年度部门决算', null]],
  ];
  const href = (n: number) => `list.jsp?cid=7&amp;page=${n}`;
  const pagerOf = (k: number) =>
    `<div class="pg">共6条 共3页 <a href="${href(1)}">首页</a> ${[1, 2, 3].map((n) => (n === k ? `<span class="cur">${n}</span>` : `<a href="${href(n)}">${n}</a>`)).join(' ')} ${k < 3 ? `<a href="${href(k + 1)}">下一页</a>` : ''} <a href="${href(3)}">尾页</a></div>`;
  const routes: Record<string, BlindRoute> = {
    'GET /zwgk/nb/list.jsp': (req) => {
      const k = Number(req.url.searchParams.get('page') ?? 1);
      const page = titles[k - 1];
      if (!page || req.url.searchParams.get('cid') !== '7') return null;
      const lis = page.map(([title], j) => `<li><a href="/zwgk/nb/art_${k}${j}.html">${title}</a></li>`).join('');
      return { body: shell('政府信息公开年报', `<h2>政府信息公开年报</h2><ul>${lis}</ul>${pagerOf(k)}`) };
    },
  };
  titles.forEach((page, i) =>
    page.forEach(([title, year], j) => {
      routes[`GET /zwgk/nb/art_${i + 1}${j}.html`] = { body: art(gov, title, year ? gov : null, `${2025 - i}-01-${20 - j * 10}`) };
    }),
  );
  const p: BlindPortal = {
    id: 'fix31c-page2',
    pattern: 'a column copied on its second page (`?page=2`)',
    agency: { name: gov, division: '361129', level: 'county', province: '江西省', city: '上饶市', county: '万年县' },
    seedPath: '/zwgk/nb/list.jsp?cid=7&page=2',
    expected: [],
    routes,
  };
  const r = await crawl(p);
  // Before: 2023 and 2022 only (page 1 never asked), the seed `short`.
  assert.deepEqual(r.reports, [`${gov} 2022 /zwgk/nb/art_30.html`, `${gov} 2023 /zwgk/nb/art_21.html`, `${gov} 2024 /zwgk/nb/art_10.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  const lists = r.asked.filter((u) => u.startsWith('/zwgk/nb/list.jsp')).sort();
  assert.deepEqual(lists, ['/zwgk/nb/list.jsp?cid=7&page=1', '/zwgk/nb/list.jsp?cid=7&page=2', '/zwgk/nb/list.jsp?cid=7&page=3']);
});

test('a seed page whose 年报 column is only an image slide of a carousel drawn from JSON: the column read, its sibling slide not', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const gov = '正安县人民政府';
  const slides = [
    { title: '优化营商环境', img: '/img/s1.jpg', url: '/zt/yshj/' },
    { title: '正安县统计年报', img: '/img/s2.jpg', url: '/zwgk/tjnb/' },
    { title: '政府信息公开年报', img: '/img/s3.jpg', url: '/zwgk/nb/' },
  ];
  const script = `fetch('/api/banner/list?pos=gk').then(function (r) { return r.json(); }).then(function (res) {
  document.getElementById('slides').innerHTML = res.rows.map(function (s) { return '<li><a href="' + s.url + '"><img src="' + s.img + '" alt=""></a></li>'; }).join('');
});`;
  const p: BlindPortal = {
    id: 'fix31c-carousel',
    pattern: 'a 政务公开 page whose 年报 column is an image slide drawn from JSON',
    agency: { name: gov, division: '520324', level: 'county', province: '贵州省', city: '遵义市', county: '正安县' },
    seedPath: '/zwgk/',
    expected: [],
    needsBrowser: true,
    routes: {
      'GET /zwgk/': {
        body: shell(
          '政务公开',
          `<div class="box"><h3>通知公告</h3><ul><li><a href="/zwgk/tzgg/t20250106_1.html">关于报送2024年统计年报的通知</a></li><li><a href="/zwgk/tzgg/t20250110_2.html">正安县2025年度工作要点</a></li></ul></div><ul id="slides"></ul><script>${script}</script>`,
        ),
      },
      'GET /api/banner/list': { type: 'application/json; charset=utf-8', body: JSON.stringify({ total: slides.length, rows: slides }) },
      'GET /zwgk/tzgg/t20250106_1.html': { body: art(gov, '关于报送2024年统计年报的通知', null, '2025-01-06') },
      'GET /zwgk/tzgg/t20250110_2.html': { body: art(gov, '正安县2025年度工作要点', null, '2025-01-10') },
      'GET /zwgk/tjnb/': { body: shell('统计年报', '<ul><li><a href="/zwgk/tjnb/t1.html">正安县2023年统计年报</a></li></ul>') },
      'GET /zwgk/nb/': {
        body: shell(
          '政府信息公开年报',
          `<ul><li><a href="/zwgk/nb/t20250121_3.html">${gov}2024年政府信息公开工作年度报告</a></li><li><a href="/zwgk/nb/t20250110_4.html">正安县2025年政务公开工作要点</a></li><li><a href="/zwgk/nb/t20240125_5.html">${gov}2023年政府信息公开工作年度报告</a></li></ul>`,
        ),
      },
      'GET /zwgk/nb/t20250121_3.html': { body: art(gov, `${gov}2024年政府信息公开工作年度报告`, gov, '2025-01-21') },
      'GET /zwgk/nb/t20250110_4.html': { body: art(gov, '正安县2025年政务公开工作要点', null, '2025-01-10') },
      'GET /zwgk/nb/t20240125_5.html': { body: art(gov, `${gov}2023年政府信息公开工作年度报告`, gov, '2024-01-25') },
    },
  };
  const r = await crawl(p);
  // Before: nothing, the seed `empty`.
  assert.deepEqual(r.reports, [`${gov} 2023 /zwgk/nb/t20240125_5.html`, `${gov} 2024 /zwgk/nb/t20250121_3.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  // The 统计年报 slide (a column of other information) and the other slide are never asked.
  for (const u of r.asked) assert.doesNotMatch(u, /tjnb|\/zt\//, `${u} asked`);
});
