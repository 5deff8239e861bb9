/**
 * Round 51's fixes, each at its cause (docs/blind-portals.md, round 51); the blind portals themselves are crawled whole
 * by the blind parts.
 * - A list's later pages refused (403) to requests that do not come from the column's own page (an Apache hotlink
 *   rule on `list.php?…&page=N`, jingan): a page's 下一页 is asked with that page as the Referer, as a reader's click is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detail, page, reportText, type BlindPortal, type BlindReq } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const SITE = '靖安县人民政府';
const COLUMN = '/zwgk/list.php';
const art = (y: number) => `/html/ndbg/${y + 1}/0120/${y}.html`;
const item = (y: number) => `<li><a href="${art(y)}">${SITE}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`;

/** Page 1 of the column lists 2024 and 2023; pages 2 and 3 the rest, answered only with a Referer from the column. */
function refererListPortal(): BlindPortal {
  const pager = (n: number) => `<div class="pages">共 6 条记录 页次：${n}/3 页 ${n < 3 ? `<a href="list.php?catid=31&amp;page=${n + 1}">下一页</a>` : ''}</div>`;
  const years: Record<number, number[]> = { 1: [2024, 2023], 2: [2022, 2021], 3: [2020, 2019] };
  const list = (req: BlindReq) => {
    const n = Number(req.url.searchParams.get('page') ?? '1');
    if (!years[n]) return null;
    const from = String(req.headers.referer ?? '');
    if (n > 1 && !from.includes(`${COLUMN}?catid=31`)) return { status: 403, body: '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>' };
    return { body: page(SITE, '政府信息公开年报', `<ul class="list">${years[n]!.map(item).join('')}</ul>${pager(n)}`) };
  };
  const routes: BlindPortal['routes'] = { [`GET ${COLUMN}`]: list };
  for (const y of [2024, 2023, 2022, 2021, 2020, 2019]) {
    routes[`GET ${art(y)}`] = { body: detail(SITE, { title: `${SITE}${y}年政府信息公开工作年度报告`, publisher: SITE, date: `${y + 1}-01-20`, body: reportText(SITE, `${y}年度`) }) };
  }
  return {
    id: 'referer-list-pages',
    pattern: 'list pages 2–3 refused without the column page as Referer',
    agency: { name: SITE, division: '360925', level: 'county', province: '江西省', city: '宜春市', county: '靖安县' },
    seedPath: `${COLUMN}?catid=31`,
    expected: [2024, 2023, 2022, 2021, 2020, 2019].map((year) => ({ agency: SITE, year })),
    routes,
  };
}

test("a list's next pages are asked with the page that links them as the Referer: pages refused to requests from elsewhere are read", async () => {
  const run = await crawlAsUser([refererListPortal()]);
  try {
    assert.deepEqual(run.found.get('referer-list-pages')?.sort(), [2019, 2020, 2021, 2022, 2023, 2024].map((y) => `${SITE} ${y}`));
    const seed = run.seeds.find((x) => x.url.startsWith(run.portal.urls['referer-list-pages']!))!;
    assert.deepEqual(seed.flags, [], JSON.stringify(seed));
  } finally {
    await run.portal.close();
  }
});
