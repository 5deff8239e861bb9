/**
 * Round 35a's fixes (docs/blind-portals.md, "Round 35a: seeds a new user gives"), on hand-made input:
 * 1. a column's feed (RSS 2.0 or Atom) is read as the list of its items, and names its channel's page (before: a feed
 *    was no page the crawler took, `application/rss+xml`, and its `<link>` text is lost to an HTML parser);
 * 2. the column's feed given as the seed: its items and the column it is of are read, the older reports the feed no
 *    longer carries included (before: `empty,host_failed`, "1 of its requests failed");
 * 3. the seed copied with a query the site refuses (a search engine's `?t=…&wd=…`, answered 500): asked once more
 *    without it, its reports found, the seed healthy; a page that fails without its query too is still flagged
 *    (before: `empty,host_failed`, the address without the query never asked).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { feedAsList } from '../../src/crawl/feed-list.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

interface Outcome {
  seeds: { url: string; healthy: boolean; flags: string[]; last: { status: string; reason: string | null } }[];
  reports: string[];
  log: { site: string; url: string; status: number }[];
}

async function crawl(portals: BlindPortal[]): Promise<Outcome> {
  const portal = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-fix35a-');
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
    return { seeds: (JSON.parse(status.out) as Outcome).seeds, reports, log: portal.log.map((l) => ({ site: l.site, url: l.url, status: l.status })) };
  } finally {
    await portal.close();
  }
}

const art = (site: string, title: string, agency: string | null, date: string) =>
  detail(site, { title, publisher: site, date, body: agency ? reportText(agency, `${title.match(/\d{4}/)![0]}年度`) : trapText(title) });

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>某县 - 年报</title><link>http://x.example/gk/nb/index.html</link><description>最新</description>
<item><title>某县2024年政府信息公开工作年度报告</title><link>http://x.example/gk/nb/24.html</link><pubDate>Mon, 20 Jan 2025 01:30:00 +0000</pubDate></item>
<item><title><![CDATA[某县2025年政务公开工作要点]]></title><guid isPermaLink="true">/gk/nb/yd.html</guid><pubDate>Fri, 10 Jan 2025 17:00:00 +0000</pubDate></item>
</channel></rss>`;

test('a feed is read as the list of its items (RSS 2.0 links as text or a permalink guid, Atom links as attributes) and names its channel page', () => {
  const rss = feedAsList(RSS, 'http://x.example/rss/nb.xml');
  assert.ok(rss);
  assert.equal(rss.channel, 'http://x.example/gk/nb/index.html');
  assert.match(rss.html, /<a href="http:\/\/x\.example\/gk\/nb\/24\.html">某县2024年政府信息公开工作年度报告<\/a> <span>2025-01-20<\/span>/);
  // A guid that is a permalink stands for a missing <link>; a date is the day in Beijing time (UTC+8).
  assert.match(rss.html, /<a href="http:\/\/x\.example\/gk\/nb\/yd\.html">某县2025年政务公开工作要点<\/a> <span>2025-01-11<\/span>/);
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>年报</title>
<link rel="self" href="/atom/nb.xml"/><link rel="alternate" href="/gk/nb/"/>
<entry><title>某县2023年政府信息公开工作年度报告</title><link href="/gk/nb/23.html"/><updated>2024-01-22T09:00:00+08:00</updated></entry></feed>`;
  const a = feedAsList(atom, 'http://x.example/atom/nb.xml');
  assert.ok(a);
  assert.equal(a.channel, 'http://x.example/gk/nb/');
  assert.match(a.html, /href="http:\/\/x\.example\/gk\/nb\/23\.html">某县2023年政府信息公开工作年度报告<\/a> <span>2024-01-22<\/span>/);
  // An XML list answer and an HTML page are no feeds.
  assert.equal(feedAsList('<?xml version="1.0"?><result><list><item><title>t</title></item></list></result>', 'http://x.example/a.xml'), null);
  assert.equal(feedAsList('<!DOCTYPE html><html><body><a href="/rss/nb.xml">RSS</a></body></html>', 'http://x.example/'), null);
});

test("the column's RSS feed as the seed: its items and its channel's column read, the older reports included, the seed healthy", { timeout: 180_000 }, async () => {
  const gov = '新沂市人民政府';
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const item = (p: string, t: string, d: string) => `<item><title>${t}</title><link>{{home-origin}}${p}</link><pubDate>${new Date(`${d}T10:00:00+08:00`).toUTCString()}</pubDate></item>`;
  const routes: Record<string, BlindRoute> = {
    'GET /rss/nb.xml': {
      type: 'application/rss+xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${gov} - 年报</title><link>{{home-origin}}/gk/nb/index.html</link>
${item('/gk/nb/24.html', title(2024), '2025-01-20')}${item('/gk/nb/yd.html', '新沂市2025年政务公开工作要点', '2025-01-10')}</channel></rss>`,
    },
    'GET /gk/nb/index.html': {
      body: page(gov, '年报', `<ul class="list"><li><a href="/gk/nb/24.html">${title(2024)}</a><span>2025-01-20</span></li>
<li><a href="/gk/nb/yd.html">新沂市2025年政务公开工作要点</a><span>2025-01-10</span></li><li><a href="/gk/nb/23.html">${title(2023)}</a><span>2024-01-22</span></li>
<li><a href="/gk/nb/22.html">${title(2022)}</a><span>2023-01-20</span></li></ul>`),
    },
    'GET /gk/nb/24.html': { body: art(gov, title(2024), gov, '2025-01-20') },
    'GET /gk/nb/23.html': { body: art(gov, title(2023), gov, '2024-01-22') },
    'GET /gk/nb/22.html': { body: art(gov, title(2022), gov, '2023-01-20') },
    'GET /gk/nb/yd.html': { body: art(gov, '新沂市2025年政务公开工作要点', null, '2025-01-10') },
  };
  const p: BlindPortal = {
    id: 'fix35a-rss',
    pattern: 'the column feed as the seed',
    agency: { name: gov, division: '320381', level: 'county', province: '江苏省', city: '徐州市', county: '新沂市' },
    seedPath: '/rss/nb.xml',
    expected: [],
    routes,
  };
  const r = await crawl([p]);
  assert.deepEqual(r.reports, [`${gov} 2022 /gk/nb/22.html`, `${gov} 2023 /gk/nb/23.html`, `${gov} 2024 /gk/nb/24.html`]);
  assert.ok(r.seeds[0]!.healthy, `${r.seeds[0]!.flags.join(',')} ${r.seeds[0]!.last.reason}`);
  assert.ok(!r.log.some((l) => l.url.includes('yd.html')), 'the trap is not asked');
});

test('a seed copied with a query the site answers 500: read without it, the seed healthy; one failing without it too is flagged', { timeout: 180_000 }, async () => {
  const gov = '湘阴县人民政府';
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const err = { status: 500, body: '<html><body><h2>系统繁忙，请稍后再试</h2><a href="/">返回首页</a></body></html>' };
  const column = page(gov, '政府信息公开年报', `<ul class="list"><li><a href="/gk/nb/24.html">${title(2024)}</a><span>2025-01-20</span></li>
<li><a href="/gk/nb/23.html">${title(2023)}</a><span>2024-01-22</span></li><li><a href="/gk/nb/tj.html">湘阴县2024年统计年报</a><span>2025-03-01</span></li></ul>`);
  const p: BlindPortal = {
    id: 'fix35a-query',
    pattern: 'a snapshot query answered 500',
    agency: { name: gov, division: '430624', level: 'county', province: '湖南省', city: '岳阳市', county: '湘阴县' },
    seedPath: '/gk/nb/index.html?t=1733184000&wd=%E5%B9%B4%E6%8A%A5',
    expected: [],
    routes: {
      'GET /gk/nb/index.html': (req) => (req.url.search ? err : { body: column }),
      'GET /gk/nb/24.html': { body: art(gov, title(2024), gov, '2025-01-20') },
      'GET /gk/nb/23.html': { body: art(gov, title(2023), gov, '2024-01-22') },
      'GET /gk/nb/tj.html': { body: art(gov, '湘阴县2024年统计年报', null, '2025-03-01') },
    },
  };
  const broken: BlindPortal = {
    id: 'fix35a-broken',
    pattern: 'a page failing with or without its query',
    agency: { name: '平江县人民政府', division: '430626', level: 'county', province: '湖南省', city: '岳阳市', county: '平江县' },
    seedPath: '/gk/nb/index.html?wd=1',
    expected: [],
    routes: { 'GET /gk/nb/index.html': () => err },
  };
  const r = await crawl([p, broken]);
  assert.deepEqual(r.reports, [`${gov} 2023 /gk/nb/23.html`, `${gov} 2024 /gk/nb/24.html`]);
  const seed = r.seeds.find((s) => s.url.includes('t=1733184000'))!;
  assert.ok(seed.healthy, `${seed.flags.join(',')} ${seed.last.reason}`);
  const bad = r.seeds.find((s) => s.url.endsWith('?wd=1'))!;
  assert.ok(!bad.healthy && bad.flags.length > 0, JSON.stringify(bad));
  // The address without its query is asked once (no loop), for either seed.
  assert.equal(r.log.filter((l) => l.site === 'fix35a-broken' && l.url === '/gk/nb/index.html').length <= 4, true);
});
