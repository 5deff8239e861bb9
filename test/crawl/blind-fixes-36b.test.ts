/**
 * Round 36b's fix, on hand-made input (docs/blind-portals.md, "Round 36b"): a mobile (`m.`) 年报 column shows the
 * newest items only and sends the older years to its desktop twin (电脑版) on the `www.` host; that link is read as a
 * list page of the seed (on a sibling host: read there, the seed `moved` naming it), as the 历史网站 archive is.
 *
 * The CLI test needs host names (`m.mhk.test` beside `www.mhk.test` on one port): the nianbao child resolves `*.test`
 * to 127.0.0.1 (test/helpers/test-hosts.mjs, through test/helpers/named-hosts.ts), as sibling-host.test.ts does.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { withinPortal } from '../../src/onboard/portal-hosts.ts';
import { detail, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlOneSeed, startNamedHosts } from '../helpers/named-hosts.ts';

const mobile = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><header><a href="javascript:history.back()">返回</a><h1>${title}</h1></header>${body}</body></html>`;

test('1. a mobile column’s 电脑版 link to its desktop twin is a list page: in a sentence naming the reports, or to the same path; not the desktop home', () => {
  const page = 'http://m.xian.test/zwgk/ndbg/';
  const list = '<ul><li><a href="/zwgk/ndbg/202501/t1.html">某县2024年政府信息公开工作年度报告</a></li></ul>';
  // The tip's link (its sentence names 年报), to the column on www.
  const tip = mobile('政府信息公开年报', `${list}<p class="tip">仅显示近期信息，更多历年年报请访问<a href="http://www.xian.test/zwgk/ndbg/">电脑版</a>。</p><footer><a href="/">触屏版</a> | <a href="http://www.xian.test/">电脑版</a></footer>`);
  assert.deepEqual(subColumnLinks(tip, page), ['http://www.xian.test/zwgk/ndbg/']);
  // A footer's 电脑版 of this very page (same path and query on www.), no sentence about the reports.
  const footer = mobile('政府信息公开年报', `${list}<footer><a href="/">触屏版</a> | <a href="http://www.xian.test/zwgk/ndbg/">PC版</a></footer>`);
  assert.deepEqual(subColumnLinks(footer, page), ['http://www.xian.test/zwgk/ndbg/']);
  // Only the desktop home: nothing (a link to the site's news, not the column).
  const home = mobile('政府信息公开年报', `${list}<footer><a href="/">触屏版</a> | <a href="http://www.xian.test/">电脑版</a></footer>`);
  assert.deepEqual(subColumnLinks(home, page), []);
  // A page not about the reports (a news column) keeps its 电脑版 link to itself.
  const news = mobile('要闻动态', `<ul><li><a href="/news/1.html">县长调研</a></li></ul><footer><a href="http://www.xian.test/zwgk/ndbg/">电脑版</a></footer>`);
  assert.deepEqual(subColumnLinks(news, 'http://m.xian.test/news/'), []);
});

test('2. a mobile site’s host (m., wap., 3g.) is of the same portal as www. and its siblings; a shared suffix or another port is not', () => {
  assert.ok(withinPortal('www.mhk.gov.cn', 'm.mhk.gov.cn'));
  assert.ok(withinPortal('xxgk.mhk.gov.cn', 'wap.mhk.gov.cn'));
  assert.ok(withinPortal('m.mhk.gov.cn', 'www.mhk.gov.cn'));
  assert.ok(!withinPortal('www.other.gov.cn', 'm.mhk.gov.cn'));
  assert.ok(!withinPortal('www.mhk.gov.cn:8080', 'm.mhk.gov.cn'));
  assert.ok(!withinPortal('x.gov.cn', 'm.gov.cn'));
});

const CITY = '梅河口市人民政府';
const YEARS = [2024, 2023, 2022, 2021, 2020];
const art = (y: number) => `/zwgk/zfxxgknb/${y + 1}01/t${y + 1}0120_${y}.html`;

function pages(port: number): Map<string, string> {
  const p = new Map<string, string>();
  const www = `http://www.mhk.test:${port}`;
  const items = (ys: number[]) => ys.map((y) => `<li><a href="${art(y)}">${CITY}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('');
  const trap = '<li><a href="/zwgk/zfxxgknb/202412/t20241216_9.html">通化市人民政府办公室关于做好2024年度政府信息公开工作年度报告编制发布工作的通知</a></li>';
  // The mobile column: the two newest years and a trap, a tip to the 电脑版, a footer to the desktop home.
  p.set(
    'm.mhk.test /zwgk/zfxxgknb/',
    mobile('政府信息公开年报', `<ul class="m-list">${items([2024, 2023])}${trap}</ul><p class="m-tip">仅显示近期信息，更多历年年报请访问<a href="${www}/zwgk/zfxxgknb/">电脑版</a>。</p><footer><a href="/">触屏版</a> | <a href="${www}/">电脑版</a></footer>`),
  );
  // The desktop twin: every year, two pages.
  const desk = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${CITY}</title></head><body><div class="nav"><a href="/">首页</a><a href="/news/">要闻动态</a></div>${body}</body></html>`;
  p.set('www.mhk.test /zwgk/zfxxgknb/', desk(`<ul class="list">${items([2024, 2023, 2022])}${trap}</ul><div class="page">共6条 共2页 <a href="index_1.html">下一页</a></div>`));
  p.set('www.mhk.test /zwgk/zfxxgknb/index_1.html', desk(`<ul class="list">${items([2021, 2020])}</ul><div class="page">共6条 共2页 <a href="./">上一页</a></div>`));
  for (const host of ['m.mhk.test', 'www.mhk.test']) {
    for (const y of YEARS) p.set(`${host} ${art(y)}`, detail(CITY, { title: `${CITY}${y}年政府信息公开工作年度报告`, publisher: CITY, date: `${y + 1}-01-20`, body: reportText(CITY, `${y}年度`) }));
    p.set(`${host} /zwgk/zfxxgknb/202412/t20241216_9.html`, detail(CITY, { title: '编制通知', publisher: CITY, date: '2024-12-16', body: trapText('编制通知') }));
  }
  return p;
}

test('3. (CLI) a mobile m. column whose older years are on its 电脑版 twin on www.: every year read, the seed moved naming the desktop column', { timeout: 120_000 }, async () => {
  const site = await startNamedHosts(pages);
  try {
    const seed = `http://m.mhk.test:${site.port}/zwgk/zfxxgknb/`;
    const { last, csv } = await crawlOneSeed('nianbao-36b-', { name: CITY, division: '220581', level: 'county', province: '吉林省', city: '通化市', county: '梅河口市' }, seed);
    assert.equal(last.status, 'moved', last.reason ?? '');
    assert.ok(last.reason?.includes(`www.mhk.test:${site.port}`), last.reason ?? '');
    for (const y of YEARS) assert.match(csv, new RegExp(`${CITY},.*,${y},`), `${CITY} ${y} exported`);
    assert.doesNotMatch(csv, /编制/);
    // The footer's desktop home is not read: only the column's twin.
    assert.ok(!site.asked.includes('www.mhk.test /'), site.asked.join('\n'));
  } finally {
    await site.close();
  }
});
