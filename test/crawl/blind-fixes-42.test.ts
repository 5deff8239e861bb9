/**
 * Round 42's fixes (docs/blind-portals.md, "Round 42a–42d"), on hand-made input:
 * 1. a report on part of a year (…第一季度政府信息公开工作情况的报告) and the rule about the reports
 *    (…年度报告制度) were taken for annual reports;
 * 2. a 年报 page kept as a grid of kinds × years (rows 年度报告 / 图解 / 法治政府建设报告, cells 查看 / 下载): every
 *    cell of a year column was titled as the page's report of that year (the 法治政府建设 pages catalogued), and a
 *    下载 cell's PDF was given to an article of another cell as its twin; a page saying its item was taken offline
 *    (已归档下线) was catalogued as the report its title names;
 * 3. a 年报 column split in tabs naming kinds of unit only (区政府 | 区政府部门 | 街道、镇) read its first tab only;
 * 4. a seed on a site's 关怀版 (elder-friendly version) was explored without leaving it (返回标准版 not followed);
 * 5. a seed page listing no report whose made-up next page answered 404 counted that as its host failing, and its
 *    host was never explored;
 * 6. a 统计年报 column given as the seed was taken for an empty 年报 column (never explored), and an explored 年报
 *    column whose list its script draws (a page with the site's whole chrome) was read over HTTP only;
 * 7. a challenge page reloading by `self.location = …` was no challenge.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { isChallenge } from '../../src/crawl/families/detect.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { linkKind } from '../../src/onboard/column-links.ts';
import { namesReportsIn } from '../../src/onboard/explore.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { requireTools } from '../helpers/tools.ts';
import { crawlAsUser, type Run } from './blind-crawl.ts';

const PDF = 'application/pdf';
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${encodeURIComponent(label)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');

async function crawled(p: BlindPortal, check: (r: Run) => void): Promise<void> {
  const r = await crawlAsUser([p]);
  try {
    check(r);
  } finally {
    await r.portal.close();
  }
}

const seedOf = (r: Run) => r.seeds[0]!;

test('a report on part of a year, and the rule about the reports, are no annual reports; the annual ones stay', () => {
  for (const t of [
    '兴安盟行政公署关于2025年第一季度政府信息公开工作情况的报告',
    '某县2024年上半年政府信息公开工作情况报告',
    '某市2023年一季度政务公开工作年度报告',
    '宝山区政府信息公开工作年度报告制度（2019年修订）',
    '某局政府信息公开年报发布办法',
  ])
    assert.equal(classifyTitle(t).isReport, false, t);
  for (const t of ['兴安盟行政公署2024年政府信息公开工作年度报告', '某县2024年度政府信息公开工作年度报告（更正版）']) assert.ok(classifyTitle(t).isReport, t);
});

test('a 统计年报 page does not name the annual reports; a 年报 column does; a 关怀版 page leads back to the standard site', () => {
  assert.equal(namesReportsIn(loadHtml('<title>统计年报_某委</title><h1>某委</h1>')), false);
  assert.equal(namesReportsIn(loadHtml('<title>政府信息公开年报_某委</title>')), true);
  for (const label of ['返回标准版', '标准版', '退出关怀版', '切换到普通版']) assert.equal(linkKind(label, 'http://gov.test/index.html', false), 'nav', label);
  assert.equal(linkKind('关怀版', 'http://gov.test/ghb/', false), null);
});

test('on a 年报 column, tabs naming a kind of unit only are its sub-columns; elsewhere they are not', () => {
  const tabs = '<div class="tabs"><span class="on">区政府</span><a href="/nb-bm/index.html">区政府部门</a><a href="/nb-jz/index.html">街道、镇</a><a href="/zt/index.html">专题专栏</a></div>';
  const column = page('某区人民政府', '政府信息公开年报', tabs);
  assert.deepEqual(subColumnLinks(column, 'http://gov.test/nb/').sort(), ['http://gov.test/nb-bm/index.html', 'http://gov.test/nb-jz/index.html']);
  assert.deepEqual(subColumnLinks(page('某区人民政府', '通知公告', tabs), 'http://gov.test/tzgg/'), []);
});

test('a challenge page that reloads by assigning self.location is a challenge', () => {
  const body = `<html><body><script>document.cookie="srcurl=1;path=/;";self.location = "/?security_verify_data=3132";</script><noscript>请开启JavaScript</noscript></body></html>`;
  assert.equal(isChallenge({ url: 'http://gov.test/', loadedUrl: 'http://gov.test/', status: 200, body }), true);
  const stays = body.replace('self.location = "/?security_verify_data=3132";', '');
  assert.equal(isChallenge({ url: 'http://gov.test/', loadedUrl: 'http://gov.test/', status: 200, body: stays }), false);
});

test('a grid of kinds × years: the report row gives the reports (its 下载 cells too), other rows none, an item taken offline is gone', { timeout: 120_000 }, async () => {
  const gov = '某市人民政府';
  const years = [2024, 2023, 2022, 2021];
  const cell = (href: string | null, text = '查看') => (href ? `<td><a href="${href}" target="_blank">${text}</a></td>` : '<td>—</td>');
  const rows: [string, (string | null)[]][] = [
    ['政府信息公开工作年度报告', ['/nb/c_24.html', '/nb/c_23.html', '/up/2023/a.pdf', '/up/2022/b.pdf']],
    ['年度报告图解', ['/nb/c_24t.html', '/nb/c_23t.html', null, null]],
    ['法治政府建设年度报告', ['/nb/c_24f.html', '/nb/c_23f.html', null, null]],
  ];
  const grid = `<table class="grid"><tr><th>项目</th>${years.map((y) => `<th>${y}年度</th>`).join('')}</tr>
${rows.map(([label, cells]) => `<tr><td>${label}</td>${cells.map((h) => cell(h, h?.endsWith('.pdf') ? '下载' : '查看')).join('')}</tr>`).join('\n')}</table>`;
  const art = (title: string, body: string) => ({ body: detail(gov, { title, publisher: gov, date: '2025-01-20', body }) });
  const p: BlindPortal = {
    id: 'fix42-grid',
    pattern: 'a kinds × years grid of 查看 / 下载 cells',
    agency: { name: gov, division: '231084', level: 'county', province: '黑龙江省', city: '牡丹江市', county: '宁安市' },
    seedPath: '/nb/index.html',
    expected: [],
    routes: {
      'GET /nb/index.html': { body: page(gov, '政府信息公开年报', `<h2>政府信息公开年报</h2>${grid}`) },
      'GET /nb/c_24.html': art(`${gov}2024年政府信息公开工作年度报告`, reportText(gov, '2024年')),
      // Its address kept, its text taken offline.
      'GET /nb/c_23.html': art(`${gov}2023年政府信息公开工作年度报告`, '<p>该信息已超过公开期限，已归档下线，不再提供网上查阅。</p>'),
      'GET /nb/c_24t.html': art(`图解：${gov}2024年政府信息公开工作年度报告`, '<p><img src="/img/1.jpg" alt=""></p>'),
      'GET /nb/c_23t.html': art(`一图读懂${gov}2023年政府信息公开工作年度报告`, '<p><img src="/img/2.jpg" alt=""></p>'),
      'GET /nb/c_24f.html': art(`${gov}2024年度法治政府建设情况报告`, trapText('法治政府建设')),
      'GET /nb/c_23f.html': art(`${gov}2023年度法治政府建设情况报告`, trapText('法治政府建设')),
      'GET /up/2023/a.pdf': { type: PDF, body: pdf('2022 report') },
      'GET /up/2022/b.pdf': { type: PDF, body: pdf('2021 report') },
    },
  };
  await crawled(p, (r) => {
    // Before: 2023 and 2024 twice over (the 法治政府建设 pages), both PDFs filed with another cell's article, the
    // offline 2023 page catalogued.
    assert.deepEqual(r.found.get(p.id), [`${gov} 2021`, `${gov} 2022`, `${gov} 2024`]);
    assert.deepEqual(r.reportPaths.get(p.id), ['/nb/c_24.html', '/nb/index.html']);
    assert.deepEqual([...new Set(r.attachments.get(p.id))].sort(), ['/up/2022/b.pdf', '/up/2023/a.pdf']);
    assert.deepEqual(seedOf(r).flags, ['short'], seedOf(r).last.reason ?? '');
    assert.match(seedOf(r).last.reason ?? '', /c_23\.html/);
  });
});

test('a 年报 column in tabs naming kinds of unit: every tab read; the rule about the reports is none', { timeout: 120_000 }, async () => {
  const gov = '上海市某区人民政府';
  const tabs = (on: number) =>
    `<div class="nb-tabs">${[
      ['区政府', '/nb/index.html'],
      ['区政府部门', '/nb-bm/index.html'],
      ['街道、镇', '/nb-jz/index.html'],
    ]
      .map(([label, href], i) => (i === on ? `<span class="on">${label}</span>` : `<a href="${href}">${label}</a>`))
      .join('')}</div>`;
  const list = (items: [string, string, string][]) => `<ul>${items.map(([href, t, d]) => `<li><a href="${href}">${t}</a><span>${d}</span></li>`).join('')}</ul>`;
  const art = (title: string, who: string, body: string) => ({ body: detail(gov, { title, publisher: who, date: '2025-01-22', body }) });
  const p: BlindPortal = {
    id: 'fix42-unit-tabs',
    pattern: 'a 年报 column in tabs 区政府 | 区政府部门 | 街道、镇',
    agency: { name: gov, division: '310113', level: 'county', province: '上海市', county: '宝山区' },
    seedPath: '/nb/index.html',
    expected: [],
    routes: {
      'GET /nb/index.html': { body: page(gov, '政府信息公开年报', tabs(0) + list([['/nb/1.html', `${gov}2024年政府信息公开工作年度报告`, '2025-01-20'], ['/nb/2.html', '某区政府信息公开工作年度报告制度（2019年修订）', '2019-06-01']])) },
      'GET /nb-bm/index.html': { body: page(gov, '政府信息公开年报', tabs(1) + list([['/nb-bm/3.html', '某区教育局2024年政府信息公开工作年度报告', '2025-01-22']])) },
      'GET /nb-jz/index.html': { body: page(gov, '政府信息公开年报', tabs(2) + list([['/nb-jz/4.html', '某区罗店镇人民政府2024年政府信息公开工作年度报告', '2025-01-23']])) },
      'GET /nb/1.html': art(`${gov}2024年政府信息公开工作年度报告`, gov, reportText(gov, '2024年')),
      'GET /nb/2.html': art('某区政府信息公开工作年度报告制度（2019年修订）', gov, trapText('制度')),
      'GET /nb-bm/3.html': art('某区教育局2024年政府信息公开工作年度报告', '某区教育局', reportText('某区教育局', '2024年')),
      'GET /nb-jz/4.html': art('某区罗店镇人民政府2024年政府信息公开工作年度报告', '某区罗店镇人民政府', reportText('某区罗店镇人民政府', '2024年')),
    },
  };
  await crawled(p, (r) => {
    // Before: the district's 2024 and a "2019" report (the 制度), the two tabs never read.
    assert.equal(r.found.get(p.id)!.length, 3, r.found.get(p.id)!.join(' | '));
    assert.ok(r.found.get(p.id)!.every((k) => k.endsWith(' 2024')), r.found.get(p.id)!.join(' | '));
    assert.ok(seedOf(r).healthy, `${seedOf(r).flags} ${seedOf(r).last.reason}`);
  });
});

/** A small department site: home, 政务公开, 法定主动公开内容, and the 年报 column two menus below it. */
function departmentSite(gov: string, extra: Record<string, BlindPortal['routes'][string]>, column: string): BlindPortal['routes'] {
  const nav = '<div class="nav"><a href="/index.html">首页</a><a href="/zwgk/index.html">政务公开</a><a href="/hdjl/index.html">互动交流</a></div>';
  const art = (title: string, body: string) => ({ body: detail(gov, { title, publisher: gov, date: '2025-01-20', body }) });
  return {
    'GET /index.html': { body: page(gov, '首页', `${nav}<p>欢迎访问</p>`) },
    'GET /': { body: page(gov, '首页', `${nav}<p>欢迎访问</p>`) },
    'GET /zwgk/index.html': { body: page(gov, '政务公开', `${nav}<ul><li><a href="/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li><li><a href="/zwgk/zn/index.html">政府信息公开指南</a></li></ul>`) },
    'GET /zwgk/fdzdgknr/index.html': { body: page(gov, '法定主动公开内容', `${nav}<ul><li><a href="/zwgk/fdzdgknr/jgzn/index.html">机构职能</a></li><li><a href="/zwgk/fdzdgknr/nb/index.html">政府信息公开年报</a></li></ul>`) },
    'GET /zwgk/fdzdgknr/nb/index.html': { body: column },
    'GET /zwgk/fdzdgknr/nb/2025/t20250120_1.html': art(`${gov}2024年政府信息公开工作年度报告`, reportText(gov, '2024年')),
    'GET /zwgk/fdzdgknr/nb/2024/t20240118_2.html': art(`${gov}2023年政府信息公开工作年度报告`, reportText(gov, '2023年')),
    ...extra,
  };
}

test('a seed page listing no report whose made-up next page is gone: its host is explored all the same', { timeout: 120_000 }, async () => {
  const gov = '某省某某厅';
  const nav = '<div class="nav"><a href="/index.html">首页</a><a href="/zwgk/index.html">政务公开</a></div>';
  const column = page(gov, '政府信息公开年报', `${nav}<ul><li><a href="/zwgk/fdzdgknr/nb/2025/t20250120_1.html">${gov}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li><li><a href="/zwgk/fdzdgknr/nb/2024/t20240118_2.html">${gov}2023年政府信息公开工作年度报告</a><span>2024-01-18</span></li></ul>`);
  const notices = page(gov, '通知公告', `${nav}<ul><li><a href="/tzgg/2025/t20250301_9.html">关于开展安全生产检查的通知</a><span>2025-03-01</span></li></ul><div class="page">共2页 <a href="index_1.html">下一页</a></div>`);
  const p: BlindPortal = {
    id: 'fix42-gone-next',
    pattern: 'a notices column as the seed, its next page gone',
    agency: { name: gov, division: '640000', level: 'province', province: '宁夏回族自治区' },
    seedPath: '/tzgg/index.html',
    expected: [],
    routes: departmentSite(gov, { 'GET /tzgg/index.html': { body: notices }, 'GET /tzgg/2025/t20250301_9.html': { body: detail(gov, { title: '关于开展安全生产检查的通知', publisher: gov, date: '2025-03-01', body: trapText('通知') }) } }, column),
  };
  await crawled(p, (r) => {
    // Before: the gone page counted as a failure of its host, which was never explored: `host_failed`, no report.
    assert.deepEqual(r.found.get(p.id), [`${gov} 2023`, `${gov} 2024`]);
    assert.deepEqual(seedOf(r).flags, ['moved'], seedOf(r).last.reason ?? '');
    assert.match(seedOf(r).last.reason ?? '', /zwgk\/fdzdgknr\/nb\//);
  });
});

test('a 统计年报 column given as the seed: the host explored, its 年报 column (drawn by script) read in the browser', { timeout: 240_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const gov = '某自治区卫生健康委员会';
  const nav = '<div class="nav"><a href="/index.html">首页</a><a href="/zwgk/index.html">政务公开</a></div>';
  const drawn = (chnl: number) =>
    `${nav}<h3>${chnl === 3306 ? '统计年报' : '政府信息公开年报'}</h3><ul id="list"></ul><script>
fetch('/api/docs?chnl=${chnl}').then(function (r) { return r.json(); }).then(function (d) {
  document.getElementById('list').innerHTML = d.docs.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a><span>' + x.date + '</span></li>'; }).join('');
});</script>`;
  const docs: Record<string, { title: string; url: string; date: string }[]> = {
    '3306': [{ title: '2023年卫生健康统计年报', url: '/tj/t20240301_5.html', date: '2024-03-01' }],
    '3290': [
      { title: `${gov}2024年政府信息公开工作年度报告`, url: '/zwgk/fdzdgknr/nb/2025/t20250120_1.html', date: '2025-01-20' },
      { title: `${gov}2023年政府信息公开工作年度报告`, url: '/zwgk/fdzdgknr/nb/2024/t20240118_2.html', date: '2024-01-18' },
    ],
  };
  const p: BlindPortal = {
    id: 'fix42-tjnb-seed',
    pattern: 'a 统计年报 column as the seed; the 年报 column drawn by script',
    agency: { name: gov, division: '640000', level: 'province', province: '宁夏回族自治区' },
    seedPath: '/tj/index.html',
    expected: [],
    needsBrowser: true,
    routes: departmentSite(
      gov,
      {
        'GET /tj/index.html': { body: page(gov, '统计年报', drawn(3306)) },
        'GET /tj/t20240301_5.html': { body: detail(gov, { title: '2023年卫生健康统计年报', publisher: gov, date: '2024-03-01', body: trapText('统计年报') }) },
        'GET /api/docs': (req) => {
          const list = docs[req.url.searchParams.get('chnl') ?? ''];
          return list ? { type: 'application/json; charset=utf-8', body: JSON.stringify({ total: list.length, docs: list }) } : null;
        },
      },
      page(gov, '政府信息公开年报', drawn(3290)),
    ),
  };
  await crawled(p, (r) => {
    // Before: the seed, titled 统计年报, was taken for an empty 年报 column and never explored (`empty`).
    assert.deepEqual(r.found.get(p.id), [`${gov} 2023`, `${gov} 2024`]);
    assert.deepEqual(seedOf(r).flags, ['moved'], seedOf(r).last.reason ?? '');
  });
});
