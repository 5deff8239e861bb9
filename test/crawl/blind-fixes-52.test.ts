/**
 * Round 52's fixes, each at its cause (docs/blind-portals.md, round 52); the blind portals themselves are crawled whole
 * by the blind parts.
 * - A gzip body that never ends its stream (a servlet filter that flushes and stops: no last block, no trailer,
 *   juxian): read to where its bytes end, as browsers read it.
 * - "…政府信息公开工作年度报告参考模板（2025年版）" (yangpu): a template, not a report.
 * - A web server's folder listing as the seed (an upload folder's "Index of /uploadfiles/2024", jiaoling): its site's
 *   home is the way in when its host is explored.
 * - 法定主动公开内容 → 其他 → 年度报告 (gucheng): the catch-all 其他 under the active-disclosure menu is a way on.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { createLenientGunzip } from '../../src/download/gunzip-lenient.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('a gzip stream flushed and never finished (no last block, no trailer) is read to where its bytes end', async () => {
  const html = Buffer.from(`<html><body>${'<li><a href="/c/1.html">莒县2024年政府信息公开工作年度报告</a></li>'.repeat(300)}</body></html>`);
  const gz = zlib.createGzip();
  const chunks: Buffer[] = [];
  gz.on('data', (c: Buffer) => chunks.push(c));
  await new Promise<void>((resolve) => gz.write(html, () => gz.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve())));
  const unfinished = Buffer.concat(chunks);
  assert.throws(() => zlib.gunzipSync(unfinished), /unexpected end of file/);
  assert.deepEqual(await buffer(Readable.from([unfinished]).pipe(createLenientGunzip())), html);
});

test("a report template's title (参考模板, 通用模板) is no report", () => {
  assert.equal(classifyTitle('杨浦区政府信息公开工作年度报告参考模板（2025年版）').isReport, false);
  assert.equal(classifyTitle('政府信息公开工作年度报告通用模板').isReport, false);
  assert.equal(classifyTitle('上海市杨浦区人民政府2024年政府信息公开工作年度报告').isReport, true);
});

const nbItems = (site: string, base: string, years: number[]) =>
  `<ul class="list">${years.map((y) => `<li><a href="${base}${y + 1}01/t${y + 1}0120_${y}.html">${site}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`;
const nbRoutes = (site: string, base: string, years: number[]) =>
  Object.fromEntries(years.map((y) => [`GET ${base}${y + 1}01/t${y + 1}0120_${y}.html`, { body: detail(site, { title: `${site}${y}年政府信息公开工作年度报告`, publisher: site, date: `${y + 1}-01-20`, body: reportText(site, `${y}年度`) }) }]));

/** The seed is Apache's listing of an upload folder: PDFs named by time, a parent link; the site's home leads on. */
function listingSeedPortal(): BlindPortal {
  const site = '蕉岭县人民政府';
  const listing = (dir: string, rows: string) =>
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html><head><title>Index of ${dir}</title></head><body><h1>Index of ${dir}</h1><table><tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th><th><a href="?C=S;O=A">Size</a></th></tr><tr><td><a href="/uploadfiles/">Parent Directory</a></td></tr>${rows}</table></body></html>`;
  const files = ['20240126101532618.pdf', '20240311093015447.pdf', '20240520160233190.jpg', '20240708114501672.pdf'].map((f) => `<tr><td><a href="${f}">${f}</a></td><td>2024-01-26 10:15</td><td>312K</td></tr>`).join('');
  return {
    id: 'listing-seed',
    pattern: "an upload folder's server listing as the seed",
    agency: { name: site, division: '441427', level: 'county', province: '广东省', city: '梅州市', county: '蕉岭县' },
    seedPath: '/uploadfiles/2024/',
    expected: [2024, 2023].map((year) => ({ agency: site, year })),
    flag: 'moved',
    routes: {
      'GET /uploadfiles/2024/': { body: listing('/uploadfiles/2024', files) },
      'GET /': { body: page(site, '首页', '<ul><li><a href="/news/1.html">县领导调研</a></li></ul>') },
      'GET /zfxxgk/': { body: page(site, '政府信息公开', '<div class="left"><a href="/zfxxgk/nb/">政府信息公开年报</a><a href="/zfxxgk/zn/">政府信息公开指南</a></div>') },
      'GET /zfxxgk/nb/': { body: page(site, '政府信息公开年报', nbItems(site, '/zfxxgk/nb/', [2024, 2023])) },
      ...nbRoutes(site, '/zfxxgk/nb/', [2024, 2023]),
    },
  };
}

/** The seed is the 政府信息公开 page; the reports under 法定主动公开内容 → 其他 → 年度报告. */
function othersColumnPortal(): BlindPortal {
  const site = '故城县人民政府';
  return {
    id: 'others-column',
    pattern: '法定主动公开内容 → 其他 → 年度报告',
    agency: { name: site, division: '131126', level: 'county', province: '河北省', city: '衡水市', county: '故城县' },
    seedPath: '/zwgk/zfxxgk/',
    expected: [2024, 2023].map((year) => ({ agency: site, year })),
    flag: 'moved',
    routes: {
      'GET /zwgk/zfxxgk/': { body: page(site, '政府信息公开', '<div class="left"><a href="/zwgk/zfxxgk/zn/">政府信息公开指南</a><a href="/zwgk/zfxxgk/zd/">政府信息公开制度</a><a href="/zwgk/zfxxgk/fdzdgknr/">法定主动公开内容</a></div>') },
      'GET /zwgk/zfxxgk/fdzdgknr/': { body: page(site, '法定主动公开内容', '<ul class="grid"><li><a href="/zwgk/zfxxgk/fdzdgknr/jgzn/">机构职能</a></li><li><a href="/zwgk/zfxxgk/fdzdgknr/ghxx/">规划信息</a></li><li><a href="/zwgk/zfxxgk/fdzdgknr/qt/">其他</a></li></ul>') },
      'GET /zwgk/zfxxgk/fdzdgknr/qt/': { body: page(site, '其他', '<div class="sub"><a href="/zwgk/zfxxgk/fdzdgknr/qt/gzzj/">年度工作总结</a><a href="/zwgk/zfxxgk/fdzdgknr/qt/ndbg/">年度报告</a></div>') },
      'GET /zwgk/zfxxgk/fdzdgknr/qt/ndbg/': { body: page(site, '年度报告', nbItems(site, '/zwgk/zfxxgk/fdzdgknr/qt/ndbg/', [2024, 2023])) },
      ...nbRoutes(site, '/zwgk/zfxxgk/fdzdgknr/qt/ndbg/', [2024, 2023]),
    },
  };
}

test("an upload folder's listing as the seed, and a column under 法定主动公开内容 → 其他: both found by exploring, the seeds moved", async () => {
  const run = await crawlAsUser([listingSeedPortal(), othersColumnPortal()]);
  try {
    assert.deepEqual(run.found.get('listing-seed')?.sort(), ['蕉岭县人民政府 2023', '蕉岭县人民政府 2024']);
    assert.deepEqual(run.found.get('others-column')?.sort(), ['故城县人民政府 2023', '故城县人民政府 2024']);
    for (const id of ['listing-seed', 'others-column']) {
      const seed = run.seeds.find((x) => x.url.startsWith(run.portal.urls[id]!))!;
      assert.deepEqual(seed.flags, ['moved'], JSON.stringify(seed));
    }
  } finally {
    await run.portal.close();
  }
});
