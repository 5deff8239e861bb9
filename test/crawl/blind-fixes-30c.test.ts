/**
 * Round 30c's fixes (docs/blind-portals.md, "Round 30c"), on hand-made input. A seed page that lists no report and
 * names no 年报 column, an agency grid or a frame (a 政府信息公开指南 page, a portal's home) led nowhere of its own:
 * its reports were found only by exploring its host, the seed flagged `moved` ("point the seed there") although the
 * column was two clicks away through its menu's 法定主动公开内容 page; and a home whose 政府信息公开 is a platform on
 * another host (www. beside xxgk.) was flagged `empty` with a reason naming only what was tried on its own host,
 * never the host its reports are on.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, reportText, SIBLING, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

interface Outcome {
  seeds: { url: string; healthy: boolean; flags: string[]; last: { status: string; reason: string | null } }[];
  /** "agency year report-path" of every exported report. */
  reports: string[];
  /** Paths asked of the portal's own host. */
  asked: string[];
}

async function crawl(p: BlindPortal): Promise<Outcome> {
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix30c-');
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

const shell = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const art = (site: string, title: string, agency: string | null, date: string) =>
  detail(site, { title, publisher: `${site}办公室`, date, body: agency ? reportText(agency, `${title.match(/\d{4}/)![0]}年度`) : trapText(title) });

test('a page listing no report and naming no column: its menu’s disclosure pages (法定主动公开内容, 政府信息公开) are where to look', () => {
  const PAGE = 'http://www.example.gov.cn/zwgk/xxgkzn/index.html?spm=a.b.c&from=singlemessage';
  const nav = '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>';
  const menu =
    '<ul class="left"><li><a href="/zwgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="/zwgk/xxgkzd/index.html">政府信息公开制度</a></li><li><a href="/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li><li><a href="/zwgk/ysqgk/index.html">依申请公开</a></li></ul>';
  const guide = '<h2>政府信息公开指南</h2><p>五、政府信息公开工作年度报告</p><p>本机关于每年1月31日前公布上一年度政府信息公开工作年度报告。</p>';
  const items = [{ title: '政府信息公开申请表.doc', url: 'http://www.example.gov.cn/zwgk/xxgkzn/sqb.doc', date: null, isFile: true }];
  assert.deepEqual(listElsewhere(shell('政府信息公开指南', nav + menu + guide), PAGE, items), [
    { url: 'http://www.example.gov.cn/zwgk/', hub: true },
    { url: 'http://www.example.gov.cn/zwgk/fdzdgknr/index.html', hub: true },
  ]);
  // A 政府信息公开 link to another host (a home on www. whose disclosure platform is on xxgk.) is said too.
  const home = '<div class="nav"><a href="/">首页</a><a href="http://xxgk.example.gov.cn/xxgk/index.html">政府信息公开</a></div><a href="http://xxgk.example.gov.cn/xxgk/index.html" title="政府信息公开"><img alt=""></a>';
  assert.deepEqual(listElsewhere(shell('某县人民政府', home), 'http://www.example.gov.cn/', []), [{ url: 'http://xxgk.example.gov.cn/xxgk/index.html', hub: true }]);
  // A page naming its 年报 column: that column only.
  const column = '<ul class="left"><li><a href="/zwgk/nb/index.html">政府信息公开年报</a></li></ul>';
  assert.deepEqual(listElsewhere(shell('政府信息公开指南', nav + menu + column), PAGE, items), [{ url: 'http://www.example.gov.cn/zwgk/nb/index.html', namedColumn: true }]);
  // An empty 年报 column leads nowhere else; a page listing a report is its own list.
  assert.deepEqual(listElsewhere(shell('政府信息公开年报', nav + menu), PAGE, []), []);
  const report = [{ title: '某县2024年政府信息公开工作年度报告', url: 'http://www.example.gov.cn/zwgk/nb/1.html', date: null, isFile: false }];
  assert.deepEqual(listElsewhere(shell('政府信息公开指南', nav + menu), PAGE, report), []);
});

test('a 政府信息公开指南 seed with tracking parameters: its 法定主动公开内容 page’s 年报 column read, the seed healthy, no wandering', { timeout: 120_000 }, async () => {
  const gov = '梓潼县人民政府';
  const nav = '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>';
  const menu = '<ul class="left"><li><a href="/zwgk/xxgkzn/index.html">政府信息公开指南</a></li><li><a href="/zwgk/fdzdgknr/index.html">法定主动公开内容</a></li><li><a href="/zwgk/ysqgk/index.html">依申请公开</a></li></ul>';
  const box = (name: string, url: string, li: string) => `<div class="ml-box"><div class="ml-tit"><a href="${url}">${name}</a></div><ul>${li}</ul></div>`;
  const p: BlindPortal = {
    id: 'fix30c-guide',
    pattern: 'a 指南 page seed, its 年报 column under the 法定主动公开内容 目录',
    agency: { name: gov, division: '510725', level: 'county', province: '四川省', city: '绵阳市', county: '梓潼县' },
    seedPath: '/zwgk/xxgkzn/index.html?spm=zm.0.0.1&from=singlemessage&isappinstalled=0',
    expected: [],
    routes: {
      'GET /zwgk/xxgkzn/index.html': { body: shell('政府信息公开指南', `${nav}${menu}<h2>梓潼县人民政府政府信息公开指南</h2><p>一、主动公开</p><p>五、本机关每年1月31日前公布政府信息公开工作年度报告。</p>`) },
      'GET /zwgk/fdzdgknr/index.html': {
        body: shell(
          '法定主动公开内容',
          `${nav}${menu}${box('规划计划', '/zwgk/ghjh/index.html', '<li><a href="/zwgk/ghjh/1.html">梓潼县2025年政务公开工作要点</a></li>')}${box('统计信息', '/zwgk/tjxx/index.html', '<li><a href="/zwgk/tjxx/1.html">梓潼县2023年统计年报</a></li>')}${box('政府信息公开工作年度报告', '/zwgk/nb/index.html', '')}`,
        ),
      },
      'GET /zwgk/nb/index.html': {
        body: shell(
          '政府信息公开工作年度报告',
          `${nav}${menu}<ul class="list"><li><a href="/zwgk/nb/t20250121_2.html">${gov}2024年政府信息公开工作年度报告</a></li><li><a href="/zwgk/nb/t20250110_1.html">梓潼县2025年政务公开工作要点</a></li><li><a href="/zwgk/nb/t20240125_3.html">${gov}2023年政府信息公开工作年度报告</a></li></ul>`,
        ),
      },
      'GET /zwgk/nb/t20250121_2.html': { body: art(gov, `${gov}2024年政府信息公开工作年度报告`, gov, '2025-01-21') },
      'GET /zwgk/nb/t20250110_1.html': { body: art(gov, '梓潼县2025年政务公开工作要点', null, '2025-01-10') },
      'GET /zwgk/nb/t20240125_3.html': { body: art(gov, `${gov}2023年政府信息公开工作年度报告`, gov, '2024-01-25') },
    },
  };
  const r = await crawl(p);
  assert.deepEqual(r.reports, [`${gov} 2023 /zwgk/nb/t20240125_3.html`, `${gov} 2024 /zwgk/nb/t20250121_2.html`]);
  // Healthy: the column was found through the seed's own menu, not by exploring (before: `moved`); the 政务公开 link
  // answering 404 is no failure of the seed's.
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  // Nothing of the 目录's other boxes was read, nor anything past the one disclosure page.
  for (const u of r.asked) assert.doesNotMatch(u, /ghjh|tjxx|ysqgk/, `${u} asked`);
});

test('a home whose 政府信息公开 is on another host: flagged, the reason naming that page', { timeout: 120_000 }, async () => {
  const gov = '丰县人民政府';
  const p: BlindPortal = {
    id: 'fix30c-home',
    pattern: 'a home on www. whose 政府信息公开 is on xxgk.',
    agency: { name: gov, division: '320321', level: 'county', province: '江苏省', city: '徐州市', county: '丰县' },
    seedPath: '/',
    expected: [],
    routes: {
      'GET /': {
        body: shell(
          gov,
          `<div class="nav"><a href="/">首页</a><a href="${SIBLING}/xxgk/index.html">政府信息公开</a></div><ul class="news"><li><a href="/xw/1.html">丰县2025年政务公开工作要点</a></li><li><a href="/xw/2.html">关于做好2024年度统计年报工作的通知</a></li></ul>`,
        ),
      },
    },
    sibling: {
      'GET /xxgk/index.html': { body: shell('政府信息公开', '<a href="/xxgk/nb/index.html">政府信息公开年报</a>') },
      'GET /xxgk/nb/index.html': { body: shell('政府信息公开年报', `<ul><li><a href="/xxgk/nb/1.html">${gov}2024年政府信息公开工作年度报告</a></li></ul>`) },
    },
  };
  const r = await crawl(p);
  const s = r.seeds[0]!;
  assert.ok(!s.healthy, 'flagged');
  assert.match(s.last.reason ?? '', /政府信息公开 link leads to a host outside the registry \(http:\/\/127\.0\.0\.1:\d+\/xxgk\/index\.html\)/, s.last.reason ?? '');
});
