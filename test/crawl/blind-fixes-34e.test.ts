/**
 * Round 34e's fixes (docs/blind-portals.md, "Round 34e: seeds a new user gives"), on hand-made input:
 * 1. a seed whose host moves itself by a 301 (to another scheme or port, or with or without `www.`): the new host is
 *    read as the registry's (before: robots.txt answered 301 off the registry, the site refused, the seed `empty`);
 * 2. a 年报 column whose 温馨提示 sends the older years to the site's archive (历史网站 / 旧版网站): that column is read
 *    too, a top bar's bare 旧版网站 is not (before: the archive's years missed silently);
 * 3. year panes of a tab bar of buttons (`<ul data-year="2023" style="display:none">`): a yearless report takes its
 *    pane's year, not the selected tab's; a "2022年度及以前" tab link inside a 年报 tab pane is a year column (before:
 *    the 2023 report catalogued as 2024, the 2022 page never asked);
 * 4. a department's page on a city's platform: its disclosure page is the one keeping its identity (`deptId=`, its
 *    folder), not the platform bar's 政府信息公开平台 (before: the city's reports read for the department's seed);
 * 5. a disclosure page whose menu is drawn by script: rendered once, the drawn 年报 node followed (before: `empty`).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { withColumnYear } from '../../src/crawl/families/column-year.ts';
import { yearColumnLinks } from '../../src/crawl/families/pager.ts';
import { listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, SIBLING, trapText, type BlindReq, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

interface Outcome {
  seeds: { url: string; healthy: boolean; flags: string[]; last: { status: string; reason: string | null } }[];
  /** "agency year report-path" of every exported report. */
  reports: string[];
}

async function crawl(portals: BlindPortal[]): Promise<Outcome & { log: { site: string; url: string }[] }> {
  const portal = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-fix34e-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, portals));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (n: string) => header!.indexOf(n);
    const reports = [...new Set(rows.filter((r) => r.length > 1).map((r) => `${r[col('agency')]} ${r[col('year')]} ${new URL(r[col('report_url')]!).pathname}`))].sort();
    return { seeds: (JSON.parse(status.out) as Outcome).seeds, reports, log: portal.log.map((l) => ({ site: l.site, url: l.url })) };
  } finally {
    await portal.close();
  }
}

const art = (site: string, title: string, agency: string | null, date: string, year?: number) =>
  detail(site, { title, publisher: site, date, body: agency ? reportText(agency, `${year ?? title.match(/\d{4}/)![0]}年度`) : trapText(title) });
const shell = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

test('a seed whose host moves every path to another port by a 301: read there, its reports found, the seed healthy', { timeout: 120_000 }, async () => {
  const gov = '上犹县人民政府';
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const sibling: Record<string, BlindRoute> = {
    'GET /xxgk/nb/index.html': {
      body: page(gov, '政府信息公开年报', `<ul class="list"><li><a href="/xxgk/nb/24.html">${title(2024)}</a><span>2025-01-20</span></li>
<li><a href="/xxgk/nb/gzyd.html">上犹县2025年政务公开工作要点</a><span>2025-01-10</span></li><li><a href="/xxgk/nb/23.html">${title(2023)}</a><span>2024-01-22</span></li></ul>`),
    },
    'GET /xxgk/nb/24.html': { body: art(gov, title(2024), gov, '2025-01-20') },
    'GET /xxgk/nb/23.html': { body: art(gov, title(2023), gov, '2024-01-22') },
    'GET /xxgk/nb/gzyd.html': { body: art(gov, '上犹县2025年政务公开工作要点', null, '2025-01-10') },
  };
  const moved = (req: BlindReq) => ({ status: 301, headers: { Location: `${SIBLING}${req.url.pathname}${req.url.search}` }, body: '' });
  const routes: Record<string, BlindRoute> = { 'GET /robots.txt': moved, 'GET /': moved };
  for (const key of Object.keys(sibling)) routes[key] = moved;
  const p: BlindPortal = {
    id: 'fix34e-moved',
    pattern: 'every path 301 to another port of the same host name',
    agency: { name: gov, division: '360724', level: 'county', province: '江西省', city: '赣州市', county: '上犹县' },
    seedPath: '/xxgk/nb/index.html',
    expected: [],
    routes,
    sibling,
  };
  const r = await crawl([p]);
  assert.deepEqual(r.reports, [`${gov} 2023 /xxgk/nb/23.html`, `${gov} 2024 /xxgk/nb/24.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  // The trap on the new host was not asked (its title says it is no report).
  assert.ok(!r.log.some((l) => l.url.includes('gzyd')));
});

test('a 年报 column sending the older years to the 历史网站: that archive column is a list page; a bare 旧版网站 in the top bar is not', () => {
  const PAGE = 'http://nb.example/xxgk/ndbg/index.html';
  const top = '<div class="top"><a href="/old/index.htm">旧版网站</a><a href="/m/">移动版</a></div>';
  const list = '<ul><li><a href="/xxgk/ndbg/1.html">某县人民政府2024年政府信息公开工作年度报告</a></li></ul>';
  const tip = '<div class="tip">温馨提示：2022年及以前年度的政府信息公开工作年度报告请至<a href="/old/zwgk/nb/index.htm">历史网站</a>查阅。</div>';
  assert.deepEqual(subColumnLinks(shell('政府信息公开年报-某县', top + list + tip), PAGE), ['http://nb.example/old/zwgk/nb/index.htm']);
  assert.deepEqual(subColumnLinks(shell('政府信息公开年报-某县', top + list + tip.replace('历史网站', '点击进入旧版网站')), PAGE), ['http://nb.example/old/zwgk/nb/index.htm']);
  // Without the sentence naming the reports, or on a page not about them, no archive link.
  assert.deepEqual(subColumnLinks(shell('政府信息公开年报-某县', top + list), PAGE), []);
  assert.deepEqual(subColumnLinks(shell('通知公告-某县', top + tip), PAGE), []);
});

test('year panes under button tabs: a yearless report takes its pane\'s year; the "2022年度及以前" tab link is a year column', () => {
  const PAGE = 'http://tab.example/xxgk/index.html';
  const pane = `<div class="year-tabs"><button class="ytab on" data-year="2024">2024年度</button><button class="ytab" data-year="2023">2023年度</button><a class="ytab" href="/xxgk/hz/2022.html">2022年度及以前</a></div>
<ul class="nb" data-year="2024"><li><a href="/nb/a.html">某县教育局2024年政府信息公开工作年度报告</a></li></ul>
<ul class="nb" data-year="2023" style="display:none"><li><a href="/nb/b.html">某县教育局政府信息公开工作年度报告</a></li></ul>`;
  const html = shell('政府信息公开', `<ul class="nav-tabs"><li class="active"><a href="#tab-new">最新公开</a></li><li><a href="#tab-ndbg">政府信息公开年报</a></li></ul>
<div class="tab-pane" id="tab-new"><ul><li><a href="/tz/1.html">某县2025年政务公开工作要点</a></li></ul></div><div class="tab-pane" id="tab-ndbg" style="display:none">${pane}</div>`);
  const items = [
    { title: '某县教育局2024年政府信息公开工作年度报告', url: 'http://tab.example/nb/a.html', date: null, isFile: false },
    { title: '某县教育局政府信息公开工作年度报告', url: 'http://tab.example/nb/b.html', date: null, isFile: false },
  ];
  assert.deepEqual(
    withColumnYear(html, items, PAGE).map((i) => i.title),
    ['某县教育局2024年政府信息公开工作年度报告', '某县教育局政府信息公开工作年度报告（2023年度）'],
  );
  assert.deepEqual(yearColumnLinks(html, PAGE), ['http://tab.example/xxgk/hz/2022.html']);
  // The same link in a pane whose tab names something else is no year column.
  assert.deepEqual(yearColumnLinks(html.replace('>政府信息公开年报<', '>通知公告<'), PAGE), []);
});

test('a department\'s page on a city platform: its own disclosure page (deptId, its folder) is read, not the platform bar\'s', () => {
  const bar = '<div class="plat"><a href="/">某市人民政府</a><a href="/col/col100/index.html">政府信息公开平台</a></div>';
  const news = '<ul><li><a href="/art/1.html">2025年全市教育工作要点</a></li></ul>';
  const PAGE = 'http://plat.example/col/col367/index.html?deptId=331000012';
  const nav = '<div class="nav"><a href="/col/col367/index.html?deptId=331000012">首页</a><a href="/col/col368/index.html?deptId=331000012">政府信息公开</a></div>';
  const items = [{ title: '2025年全市教育工作要点', url: 'http://plat.example/art/1.html', date: null, isFile: false }];
  assert.deepEqual(listElsewhere(shell('某市教育局', bar + nav + news), PAGE, items), [{ url: 'http://plat.example/col/col368/index.html?deptId=331000012', hub: true }]);
  // The `/bm/jyj/` form: the department's folder.
  const nav2 = '<div class="nav"><a href="/bm/jyj/">首页</a><a href="/bm/jyj/xxgk/index.html">政府信息公开</a></div>';
  assert.deepEqual(listElsewhere(shell('某市教育局', bar + nav2 + news), 'http://plat.example/bm/jyj/index.html', items), [{ url: 'http://plat.example/bm/jyj/xxgk/index.html', hub: true }]);
  // A county home whose disclosure links keep nothing of its address: all of them, as before.
  assert.deepEqual(
    listElsewhere(shell('某县人民政府', bar + news), 'http://plat.example/', items).map((l) => l.url),
    ['http://plat.example/col/col100/index.html'],
  );
});

test('a department home whose 政府信息公开 page draws its column tree by script: that page rendered, the folded 年报 node followed', { timeout: 120_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const dept = '衢州市民政局';
  const title = (y: number) => `${dept}${y}年政府信息公开工作年度报告`;
  const tree = [
    { id: '11', name: '政府信息公开指南' },
    { id: '12', name: '统计信息', children: [{ id: '21', name: '统计年报' }] },
    { id: '13', name: '其他', children: [{ id: '31', name: '政府信息公开年报' }, { id: '32', name: '政府网站工作年度报表' }] },
  ];
  const script = `var q = new URLSearchParams(location.search), col = q.get('columnId') || '11';
fetch('/api/tree?deptId=' + q.get('deptId')).then(function (r) { return r.json(); }).then(function (res) {
  function li(n) { return '<li><a href="?deptId=' + q.get('deptId') + '&columnId=' + n.id + '">' + n.name + '</a>' + (n.children ? '<ul style="display:none">' + n.children.map(li).join('') + '</ul>' : '') + '</li>'; }
  document.getElementById('tree').innerHTML = res.data.map(li).join('');
});
fetch('/api/list?columnId=' + col + '&pageNo=1').then(function (r) { return r.json(); }).then(function (res) {
  document.getElementById('list').innerHTML = res.data.map(function (d) { return '<li><a href="' + d.url + '">' + d.title + '</a><span>' + d.date + '</span></li>'; }).join('');
});`;
  const lists: Record<string, { title: string; url: string; date: string }[]> = {
    '31': [
      { title: title(2024), url: '/art/24.html', date: '2025-01-20' },
      { title: title(2023), url: '/art/23.html', date: '2024-01-22' },
    ],
    '21': [{ title: '衢州市2024年民政事业统计年报', url: '/art/tj.html', date: '2024-11-02' }],
  };
  const chrome = `<div class="nav"><a href="/col/col5/index.html?deptId=77">首页</a><a href="/col/col7/index.html?deptId=77">机构概况</a><a href="/col/col6/index.html?deptId=77">政府信息公开</a><a href="/col/col8/index.html?deptId=77">民政动态</a><a href="/col/col9/index.html?deptId=77">互动交流</a></div>`;
  const foot = `<div class="foot"><p>主办：${dept}　地址：衢州市柯城区某某路88号　邮编：324000　联系电话：0570-0000000　网站标识码：3308000077　浙ICP备00000000号　浙公网安备 33080202000000号</p><p>建议使用1366×768分辨率，IE10以上版本浏览器浏览本网站。本网站由衢州市大数据发展管理局提供技术支持，内容由各部门负责维护更新。</p></div>`;
  const p: BlindPortal = {
    id: 'fix34e-dept-tree',
    pattern: 'a department home whose disclosure page is a script-drawn tree',
    agency: { name: dept, division: '330800', level: 'city', province: '浙江省', city: '衢州市' },
    seedPath: '/col/col5/index.html?deptId=77',
    expected: [],
    routes: {
      'GET /col/col5/index.html': { body: shell(dept, '<div class="nav"><a href="/col/col5/index.html?deptId=77">首页</a><a href="/col/col6/index.html?deptId=77">政府信息公开</a></div><ul><li><a href="/art/yd.html">2025年民政工作要点</a></li></ul>') },
      // Not an empty shell: the department's nav and footer around the tree and list the script draws.
      'GET /col/col6/index.html': { body: shell(`政府信息公开 ${dept}`, `${chrome}<ul id="tree"></ul><ul id="list"></ul><script src="/js/tree.js"></script>${foot}`) },
      'GET /js/tree.js': { type: 'application/javascript', body: script },
      'GET /api/tree': { type: 'application/json', body: JSON.stringify({ data: tree }) },
      'GET /api/list': (req) => ({ type: 'application/json', body: JSON.stringify({ total: (lists[req.url.searchParams.get('columnId') ?? ''] ?? []).length, data: lists[req.url.searchParams.get('columnId') ?? ''] ?? [] }) }),
      'GET /art/24.html': { body: art(dept, title(2024), dept, '2025-01-20') },
      'GET /art/23.html': { body: art(dept, title(2023), dept, '2024-01-22') },
      'GET /art/yd.html': { body: art(dept, '2025年民政工作要点', null, '2025-01-05') },
      'GET /art/tj.html': { body: art(dept, '衢州市2024年民政事业统计年报', null, '2024-11-02') },
    },
  };
  const r = await crawl([p]);
  assert.deepEqual(r.reports, [`${dept} 2023 /art/23.html`, `${dept} 2024 /art/24.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  // The 统计年报 node's list was never asked.
  assert.ok(!r.log.some((l) => l.url.includes('columnId=21')));
});
