/**
 * The discovery fixes blind rounds 112-114 called for (docs/blind-portals.md, "Round 112", "Rounds 113-114"): a
 * people's government's seed reads the units' directories its menus name (部门信息公开, 乡镇信息公开), where its
 * departments' and towns' own 年报 columns are; a unit's seed on the same platform reads its own column only; a unit's
 * category joining the guide and the reports (指南年报) is a 年报 column; a directory's link to the site's home under
 * its owner's name is no unit; units under 乡镇（园区）, a 镇办信息公开 directory, a 委办局年报 tab; a shared copy's 查看原文.
 * The handler paths (the government's column reading its captioned units, the shared copy's original read for its
 * breadcrumb's column) are exercised end to end by the blind parts (jinxiang, lingbi, donglan).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { directoryUnitLinks, listElsewhere, menuDirectoryLinks, namesReportColumn } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { sharedOriginal } from '../../src/crawl/repost-source.ts';
import { detail, page, reportText, trapText, type BlindPortal, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const COUNTY = '大田县';
const GOV = `${COUNTY}人民政府`;

/** A county's disclosure section: its 年报 column lists its own reports; each unit's reports are in the unit's column. */
function platformRoutes(): Record<string, BlindRoute> {
  const units: [string, string, string][] = [
    ['jyj', `${COUNTY}教育局`, 'gbmxxgk'],
    ['wjj', `${COUNTY}卫生健康局`, 'gbmxxgk'],
    ['cgz', `${COUNTY}城关镇人民政府`, 'xzjdxxgk'],
    ['xbz', `${COUNTY}西坝镇人民政府`, 'xzjdxxgk'],
  ];
  const left = `<div class="left-menu"><h3>政府信息公开专栏</h3><ul><li><a href="/zfxxgkzl/zn/">政府信息公开指南</a></li><li><a href="/zfxxgkzl/ndbg/">政府信息公开年报</a></li><li><a href="/zfxxgkzl/gbmxxgk/">部门信息公开</a></li><li><a href="/zfxxgkzl/xzjdxxgk/">乡镇信息公开</a></li></ul></div>`;
  const row = (href: string, title: string, date: string) => `<li><a href="${href}" title="${title}">${title}</a><span>${date}</span></li>`;
  const routes: Record<string, BlindRoute> = {};
  const article = (path: string, site: string, title: string, date: string, body: string) => {
    routes[`GET ${path}`] = { body: detail(site, { title, publisher: site, date, body }) };
  };
  const gov = [2024, 2023].map((y) => ({ path: `/zfxxgkzl/ndbg/${y + 1}01/t${y + 1}0120_${y}.htm`, title: `${GOV}${y}年政府信息公开工作年度报告`, date: `${y + 1}-01-20`, year: y }));
  for (const r of gov) article(r.path, GOV, r.title, r.date, reportText(GOV, `${r.year}年度`));
  const trap = { path: '/zfxxgkzl/ndbg/202412/t20241210_1.htm', title: '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', date: '2024-12-10' };
  article(trap.path, GOV, trap.title, trap.date, trapText(trap.title));
  routes['GET /zfxxgkzl/ndbg/'] = { body: page(GOV, '政府信息公开年报', `${left}<ul class="list">${[...gov, trap].map((r) => row(r.path, r.title, r.date)).join('')}</ul>`, { crumbs: '<a href="/zfxxgkzl/">政府信息公开专栏</a> &gt; 政府信息公开年报' }) };
  for (const kind of ['gbmxxgk', 'xzjdxxgk']) {
    const name = kind === 'gbmxxgk' ? '部门信息公开' : '乡镇信息公开';
    const list = units.filter((u) => u[2] === kind).map(([code, unit]) => `<li><a href="/zfxxgkzl/${kind}/${code}/">${unit.replace(COUNTY, '')}</a></li>`).join('');
    routes[`GET /zfxxgkzl/${kind}/`] = { body: page(GOV, name, `${left}<div class="unit-list"><h2>${name}</h2><ul>${list}</ul></div>`, { crumbs: `<a href="/zfxxgkzl/">政府信息公开专栏</a> &gt; ${name}` }) };
  }
  for (const [code, unit, kind] of units) {
    const dir = `/zfxxgkzl/${kind}/${code}`;
    const unitLeft = `<div class="left-menu"><h3>${unit}</h3><ul><li><a href="${dir}/zn/">政府信息公开指南</a></li><li><a href="${dir}/ndbg/">政府信息公开年报</a></li><li><a href="/zfxxgkzl/gbmxxgk/">部门信息公开</a></li></ul></div>`;
    routes[`GET ${dir}/`] = { body: page(unit, unit, `${unitLeft}<div class="box"><h3>最新信息</h3><ul>${row(`${dir}/gzdt/t1.htm`, `${unit}召开安全生产会议`, '2024-03-02')}</ul></div>`) };
    article(`${dir}/gzdt/t1.htm`, unit, `${unit}召开安全生产会议`, '2024-03-02', trapText('安全生产会议'));
    const path = `${dir}/ndbg/202501/t20250121_1.htm`;
    const title = `${unit}2024年政府信息公开工作年度报告`;
    article(path, unit, title, '2025-01-21', reportText(unit, '2024年度'));
    routes[`GET ${dir}/ndbg/`] = { body: page(unit, '政府信息公开年报', `${unitLeft}<ul class="list">${row(path, title, '2025-01-21')}</ul>`) };
  }
  return routes;
}

function governmentSeedPortal(): BlindPortal {
  return {
    id: 'gov-menu-directory',
    pattern: "a county's 年报 column listing its own reports, its left menu naming 部门信息公开 and 乡镇信息公开, each unit's reports in the unit's own column",
    agency: { name: GOV, division: '350425', level: 'county', province: '福建省', city: '三明市', county: COUNTY },
    seedPath: '/zfxxgkzl/ndbg/',
    expected: [
      ...[2024, 2023].map((year) => ({ agency: GOV, year })),
      ...['教育局', '卫生健康局', '城关镇人民政府', '西坝镇人民政府'].map((u) => ({ agency: `${COUNTY}${u}`, year: 2024 })),
    ],
    routes: platformRoutes(),
  };
}

/** The same platform, seeded at one department's column: that department's reports alone (round 28c). */
function unitSeedPortal(): BlindPortal {
  return {
    id: 'unit-menu-directory',
    pattern: "a department's 年报 column on its county's platform, its menu naming the platform's 部门信息公开",
    agency: { name: `${COUNTY}教育局`, division: '350425', level: 'county', province: '福建省', city: '三明市', county: COUNTY },
    seedPath: '/zfxxgkzl/gbmxxgk/jyj/ndbg/',
    expected: [{ agency: `${COUNTY}教育局`, year: 2024 }],
    routes: platformRoutes(),
  };
}

test("a county's seed reads the units' directories its menu names, each unit's own column; a department's seed on the same platform reads its own column only (round 112a)", async () => {
  const run = await crawlAsUser([governmentSeedPortal(), unitSeedPortal()]);
  try {
    assert.deepEqual(run.found.get('gov-menu-directory'), [...governmentSeedPortal().expected.map((e) => `${e.agency} ${e.year}`)].sort());
    assert.deepEqual(run.found.get('unit-menu-directory'), [`${COUNTY}教育局 2024`]);
    for (const id of ['gov-menu-directory', 'unit-menu-directory']) {
      const seed = run.seeds.find((s) => s.url.startsWith(run.portal.urls[id]!))!;
      assert.deepEqual(seed.flags, [], JSON.stringify(seed));
    }
  } finally {
    await run.portal.close();
  }
});

test("menuDirectoryLinks: the units' directories named in a page's menus, not in its breadcrumb", () => {
  const url = 'http://yx.example/zfxxgkzl/ndbg/';
  const html = page(GOV, '政府信息公开年报', '<div class="left"><a href="/zfxxgkzl/gbmxxgk/">部门信息公开</a><a href="/zfxxgkzl/xzjdxxgk/">乡镇（街道）信息公开</a><a href="/zfxxgkzl/zn/">政府信息公开指南</a></div>', { crumbs: '<a href="/zfxxgkzl/bm/">部门信息公开</a> &gt; 年报' });
  assert.deepEqual(menuDirectoryLinks(html, url), ['http://yx.example/zfxxgkzl/gbmxxgk/', 'http://yx.example/zfxxgkzl/xzjdxxgk/']);
});

test("a unit's category joining the guide and the reports (指南年报) is its 年报 column (round 112a)", () => {
  const url = 'http://gy.example/government/311';
  const html = page(GOV, '教育局', '<div class="ts2017"><a href="/government/401">领导信息</a><a href="/government/402">指南年报</a><a href="/government/403">工作动态</a><a href="/government/404">政策法规</a></div>');
  assert.deepEqual(listElsewhere(html, url, []).map((l) => l.url), ['http://gy.example/government/402']);
});

test("a directory page's link to the site's home under its owner's name is no unit's page (round 28c's platform)", () => {
  const url = 'http://aq.example/xxgk/bm/index.html';
  const html = `<html><head><title>部门信息公开_某市人民政府信息公开平台</title></head><body><div class="top"><a href="/">某市人民政府</a> | 政府信息公开平台</div><div class="box"><div class="box-tit"><span>部门信息公开</span></div><ul><li><a href="/xxgk/bm/jyj/index.html">某市教育局</a></li><li><a href="/xxgk/bm/mzj/index.html">某市民政局</a></li></ul></div></body></html>`;
  assert.deepEqual(directoryUnitLinks(html, url).map((l) => l.url), ['http://aq.example/xxgk/bm/jyj/index.html', 'http://aq.example/xxgk/bm/mzj/index.html']);
  assert.ok(!listElsewhere(html, url, []).some((l) => new URL(l.url).pathname === '/'));
});

test("a people's government's column whose side menu lists its units under captions of their kind (县政府部门, 乡镇（园区）): each unit's page, when asked for captioned units (round 113d, 114a)", () => {
  const url = 'http://jx.example/col/col35713/index.html?vc_xxgkarea=C&number=A08&jh=263';
  const html = page(
    GOV,
    '政府信息公开年报',
    `<div class="xxgk-left"><h3>政府信息公开</h3><ul><li><a href="/col/col35712/index.html">政府信息公开指南</a></li></ul>
<h4>县政府部门</h4><ul class="xxgk-units"><li><a href="/col/col35713/index.html?vc_xxgkarea=J&jh=263">县教育和体育局</a></li><li><a href="/col/col35713/index.html?vc_xxgkarea=W&jh=263">县卫生健康局</a></li></ul>
<h4>乡镇（园区）</h4><ul class="xxgk-units"><li><a href="/col/col35713/index.html?vc_xxgkarea=X&jh=263">霄云镇</a></li></ul></div>
<div class="xxgk-right"><ul><li><a href="/art/2025/1/20/art_1.html">${GOV}2024年政府信息公开工作年度报告</a></li></ul></div>
<div class="links"><a href="/col/col1/index.html">县档案馆</a></div>`,
  );
  assert.deepEqual(
    directoryUnitLinks(html, url, { captioned: true }).map((l) => [new URL(l.url).searchParams.get('vc_xxgkarea'), l.columnAgency]),
    [
      ['J', '县教育和体育局'],
      ['W', '县卫生健康局'],
      ['X', '霄云镇'],
    ],
  );
});

test('a 镇办信息公开 link is the towns\' directory, as 乡镇信息公开 is (round 113d)', () => {
  const url = 'http://sn.example/zfxxgk1/zfxxgknb.htm';
  const html = page(GOV, '政府信息公开年报', '<div class="gk-left"><a href="/zfxxgk1/bmxxgk.htm">部门信息公开</a><a href="/zfxxgk1/zbxxgk.htm">镇办信息公开</a></div>');
  assert.deepEqual(menuDirectoryLinks(html, url), ['http://sn.example/zfxxgk1/bmxxgk.htm', 'http://sn.example/zfxxgk1/zbxxgk.htm']);
});

test("a 年报 column's tab naming the commissions' and bureaus' reports (委办局年报) is a sub-column (round 114d)", () => {
  assert.ok(namesReportColumn('委办局年报'));
  assert.ok(namesReportColumn('街镇年报'));
  assert.ok(!namesReportColumn('委办局'));
});

test("a shared copy of a report (an app's share page) links its original by 查看原文: that address, not a script's void link", () => {
  const url = 'http://dl.example/html/app/article.html?id=28461937';
  const drawn = (href: string) => loadHtml(`<html><body><div class="app-art"><h1>${GOV}2023年政府信息公开工作年度报告</h1></div><p class="app-origin"><a id="newsOrigin" href="${href}">查看原文</a></p><a href="javascript:;">打开APP</a></body></html>`);
  assert.equal(sharedOriginal(drawn('http://dl.example/xxgk/zfxxgknb/t28461937.shtml'), url), 'http://dl.example/xxgk/zfxxgknb/t28461937.shtml');
  assert.equal(sharedOriginal(drawn('javascript:;'), url), null);
  assert.equal(sharedOriginal(drawn(url), url), null);
});
