/**
 * Round 48's fixes (docs/blind-portals.md, "Round 48"), on hand-made input:
 * 1. a UTF-8 page (header and meta) whose list block is a server-side include in GBK bytes: every title read as
 *    replacement characters, no report found (`empty`);
 * 2. report pages refused (403) unless asked from the site's own pages (nginx valid_referers): every report page
 *    failed, and the seed was healthy: **silent**;
 * 3. "关于《…2022年…年度报告》的修订说明" catalogued as a source of the 2022 report, its 数据对照表 stored as the
 *    report's file;
 * 4. a press-conference page as the seed: a 往期回顾 title naming 政府信息公开 taken for a menu (the explorer went there
 *    instead of home), and the 政府信息公开 entry drawn as an image whose `alt` names it not read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { decodeHtml } from '../../src/encoding/decode-html.ts';
import { linkKind } from '../../src/onboard/column-links.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('a UTF-8 page holding a GBK include is read whole: the include as GBK, the rest as UTF-8', () => {
  const list = iconv.encode('<tr><td>1</td><td><a href="./a.shtml">澄迈县2025年政府信息公开工作年度报告</a></td></tr>', 'gbk');
  const bytes = Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><table>', 'utf8'), list, Buffer.from('</table><p>版权所有：澄迈县人民政府</p></body></html>', 'utf8')]);
  const d = decodeHtml(bytes, 'text/html; charset=utf-8');
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.text, /<title>政府信息公开年报<\/title>/);
  assert.match(d.text, />澄迈县2025年政府信息公开工作年度报告</);
  assert.match(d.text, /版权所有：澄迈县人民政府/);
  // A UTF-8 page with bytes that are no GBK either keeps its replacement characters, as before.
  const broken = Buffer.concat([Buffer.from('<p>', 'utf8'), Buffer.from([0xff, 0xff]), Buffer.from('</p>', 'utf8')]);
  assert.equal(decodeHtml(broken, 'text/html; charset=utf-8').text, '<p>\uFFFD\uFFFD</p>');
});

test('a note on a revision of a report is no report; the revised report is', () => {
  assert.ok(classifyTitle('关于《陆良县人民政府2022年政府信息公开工作年度报告》的修订说明').excluded);
  assert.ok(classifyTitle('陆良县人民政府2022年政府信息公开工作年度报告修订情况说明').excluded);
  assert.ok(classifyTitle('陆良县人民政府2022年政府信息公开工作年度报告（修订版）').isReport);
});

test("a news item's title naming 政府信息公开 is no menu; a picture link's alt names it", () => {
  assert.equal(linkKind('庆阳市2023年度政府信息公开工作新闻发布会', 'http://gov.test/qy/c108013/202402/1.shtml', false), null);
  assert.equal(linkKind('政府信息公开专栏', 'http://gov.test/qy/c108030/xxgk.shtml', false), 'nav');
});

/** A county column whose report pages answer 403 to a request from no page of the site (`referer`), or always. */
function refererPortal(mode: 'referer' | 'always'): BlindPortal {
  const site = '澄迈县人民政府';
  const years = [2024, 2023];
  const path = (y: number) => `/zfxxgk/nb/${y}01/art${y}.shtml`;
  const routes: BlindPortal['routes'] = {
    'GET /zfxxgk/nb/index.shtml': { body: page(site, '政府信息公开年报', `<ul class="list">${years.map((y) => `<li><a href="${path(y)}">${site}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`) },
  };
  for (const y of years) {
    routes[`GET ${path(y)}`] = (req) =>
      mode === 'always' || !String(req.headers.referer ?? '').includes(`//${req.headers.host}/`)
        ? { status: 403, type: 'text/html', body: '<html><body><h1>403 Forbidden</h1><hr><center>nginx</center></body></html>' }
        : { body: detail(site, { title: `${site}${y}年政府信息公开工作年度报告`, publisher: site, date: `${y + 1}-01-20`, body: reportText(site, `${y}年`) }) };
  }
  return {
    id: `referer-${mode}`,
    pattern: 'report pages behind valid_referers',
    agency: { name: site, division: '469023', level: 'county', province: '海南省', county: '澄迈县' },
    seedPath: '/zfxxgk/nb/index.shtml',
    expected: years.map((year) => ({ agency: site, year })),
    routes,
  };
}

test('report pages are asked from their list page, as a reader clicking them asks; refused ones are said of the seed', async () => {
  // One crawl of two portals: one refusing requests from elsewhere, one refusing whatever is sent.
  const run = await crawlAsUser([refererPortal('referer'), refererPortal('always')]);
  try {
    assert.deepEqual(run.found.get('referer-referer')?.sort(), ['澄迈县人民政府 2023', '澄迈县人民政府 2024']);
    const seed = (id: string) => run.seeds.find((x) => x.url.startsWith(run.portal.urls[id]!))!;
    assert.ok(seed('referer-referer').healthy, JSON.stringify(seed('referer-referer')));
    // Refused whatever is sent: no report, and the seed says so (it was healthy, every report page failed).
    assert.deepEqual(run.found.get('referer-always'), []);
    assert.ok(!seed('referer-always').healthy && seed('referer-always').flags.length > 0, JSON.stringify(seed('referer-always')));
  } finally {
    await run.portal.close();
  }
});
