/**
 * Round 53's fixes, each at its cause (docs/blind-portals.md, round 53); the blind portals themselves are crawled whole
 * by the blind parts.
 * - Cards and tiles whose link is stretched over them by CSS, empty, the words printed beside it (luonan): the card's
 *   heading titles the item (not its summary), the tile's name names the column.
 * - An image map's `<area alt="公开年报">` on a 政府信息公开 page (shexian): a way to the column, the words 公开年报 a
 *   column's label.
 * - Headless Chromium's User-Agent ("HeadlessChrome", refused by WAFs, lishui): the browser lane's contexts carry the
 *   crawl's own.
 * The others have tests of their own: 石景山区教委 (registry/normalize), cookie expiry on the server's clock
 * (download/cookie-clock), files asked with the cookies a browser sends (download/site-cookies).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { listElsewhereLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { listItemsFrom } from '../../src/crawl/list-page.ts';
import { SharedBrowser } from '../../src/crawl/shared-browser.ts';
import { loadConfig } from '../../src/config.ts';
import { linkKind } from '../../src/onboard/column-links.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser, expectedOf } from './blind-crawl.ts';

const card = (href: string, title: string, summary: string, date = '2025.01') =>
  `<li><a class="card-link" href="${href}" target="_blank"></a><div class="card-date"><strong>20</strong><em>${date}</em></div><div class="card-body"><h4>${title}</h4><p>${summary}</p></div></li>`;
const tile = (href: string, name: string) => `<li><a href="${href}" target="_blank"></a><img src="/img/ico.png" alt=""><span>${name}</span></li>`;

test("a card's empty stretched link is titled by the card's heading, not its summary", () => {
  const $ = loadHtml(
    `<ul class="card-list">${card('/a/1.html', '洛南县2024年政府信息公开工作年度报告', '根据《条例》规定编制本报告。')}${card('/a/2.html', '洛南县2025年政务公开工作要点', '按时编制发布2024年政府信息公开工作年度报告。')}</ul>`,
  );
  assert.deepEqual(
    listItemsFrom($, $.root(), 'http://gov.test/zfxxgk/').map((i) => i.title),
    ['洛南县2024年政府信息公开工作年度报告', '洛南县2025年政务公开工作要点'],
  );
});

test("a hub's tiles of empty links name their columns by the words beside them; an image map's 公开年报 area leads on", () => {
  const hub = `<html><head><title>政府信息公开</title></head><body><ul class="gk-tiles">${tile('zfxxgkzn/index.html', '政府信息公开指南')}${tile('zfxxgknb/index.html', '政府信息公开年报')}</ul>
<div class="gk-latest"><h2>最新公开</h2><ul>${card('/a/1.html', '洛南县2024年政府信息公开工作年度报告', '摘要')}${['统计公报', '政府工作报告', '部门预算', '工作要点', '部门决算', '财政预算', '人事任免', '招聘公告', '规划计划', '政策解读'].map((t, i) => card(`/b/${i}.html`, `洛南县2025年${t}`, '摘要')).join('')}</ul></div></body></html>`;
  const items = (html: string, url: string) => {
    const $ = loadHtml(html);
    return listItemsFrom($, $.root(), url);
  };
  assert.deepEqual(listElsewhereLinks(hub, 'http://gov.test/zfxxgk/index.html', items(hub, 'http://gov.test/zfxxgk/index.html')), ['http://gov.test/zfxxgk/zfxxgknb/index.html']);
  const map = `<html><head><title>歙县政府信息公开</title></head><body><img src="/img/gk.jpg" usemap="#Map"><map name="Map">
<area shape="rect" coords="0,0,100,50" href="wznb/" alt="网站年报"><area shape="rect" coords="0,50,100,100" href="tjnb/" alt="统计年报">
<area shape="poly" coords="100,0,200,0,200,100" href="ndbg/" alt="公开年报"><area shape="default" nohref alt=""></map></body></html>`;
  assert.deepEqual(listElsewhereLinks(map, 'http://gov.test/xxgk/index.html', items(map, 'http://gov.test/xxgk/index.html')), ['http://gov.test/xxgk/ndbg/']);
  assert.equal(linkKind('公开年报', 'http://gov.test/xxgk/ndbg/', false), 'column');
  assert.equal(linkKind('网站年报', 'http://gov.test/xxgk/wznb/', false), null);
});

test("the browser lane's pages say the crawl's User-Agent, never HeadlessChrome", { timeout: 60_000 }, async (t) => {
  const config = loadConfig({}, {});
  if (!existsSync(config.chromiumPath)) return t.skip(`no Chromium at ${config.chromiumPath}`);
  const browser = new SharedBrowser(config.chromiumPath, config.politeness.userAgent);
  try {
    const context = await browser.newContext();
    const p = await context.newPage();
    const agent = await p.evaluate(() => navigator.userAgent);
    assert.equal(agent, config.politeness.userAgent);
    assert.doesNotMatch(agent, /Headless/);
    await context.close();
  } finally {
    await browser.close();
  }
});

/** A county site whose hub and column draw every link as an empty card stretched over its words. */
function stretchedCardsPortal(): BlindPortal {
  const site = '洛南县人民政府';
  const years = [2024, 2023, 2022];
  const art = (y: number) => `/zfxxgk/zfxxgknb/${y + 1}03/c${y}.html`;
  return {
    id: 'stretched-cards',
    pattern: 'a hub of empty tiles, a column of empty stretched card links',
    agency: { name: site, division: '611021', level: 'county', province: '陕西省', city: '商洛市', county: '洛南县' },
    seedPath: '/zfxxgk/index.html',
    expected: years.map((year) => ({ agency: site, year })),
    routes: {
      'GET /zfxxgk/index.html': {
        body: page(site, '政府信息公开', `<ul class="gk-tiles">${tile('zfxxgkzn/index.html', '政府信息公开指南')}${tile('zfxxgknb/index.html', '政府信息公开年报')}</ul><div class="gk-latest"><h2>最新公开</h2><ul>${card(art(2024), `${site}2024年政府信息公开工作年度报告`, '摘要')}${['统计公报', '政府工作报告', '部门预算', '工作要点', '部门决算', '财政预算', '人事任免', '招聘公告', '规划计划', '政策解读'].map((t, i) => card(`/zfxxgk/qt/${i}.html`, `洛南县2025年${t}`, '摘要')).join('')}</ul></div>`),
      },
      'GET /zfxxgk/zfxxgkzn/index.html': { body: page(site, '政府信息公开指南', '<p>指南</p>') },
      'GET /zfxxgk/zfxxgknb/index.html': { body: page(site, '政府信息公开年报', `<ul class="card-list">${years.map((y) => card(art(y), `${site}${y}年政府信息公开工作年度报告`, '依据《中华人民共和国政府信息公开条例》编制。', `${y + 1}.03`)).join('')}</ul>`) },
      ...Object.fromEntries(years.map((y) => [`GET ${art(y)}`, { body: detail(site, { title: `${site}${y}年政府信息公开工作年度报告`, publisher: site, date: `${y + 1}-03-20`, body: reportText(site, `${y}年度`) }) }])),
    },
  };
}

test('a hub of empty tiles leads to its column of empty cards: every report found, the seed healthy', { timeout: 300_000 }, async () => {
  const portal = stretchedCardsPortal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual([...(run.found.get(portal.id) ?? [])].sort(), expectedOf(portal).sort(), run.crawl.out);
    assert.ok(run.seeds[0]?.healthy, JSON.stringify(run.seeds));
  } finally {
    await run.portal.close();
  }
});
