/**
 * Round 43's fixes (docs/blind-portals.md, "Round 43"), on hand-made input (the gzip decoder's own tests are in
 * test/download/gunzip-lenient.test.ts):
 * 1. a seed shared with WeChat's tracking query (`?from=groupmessage&isappinstalled=0`) was read at that address, which
 *    a CDN served as last year's copy: the seed is read without its tracking parameters;
 * 2. a unit written short in a title (田东县卫健局) was catalogued under the short name: discovered names are spelled
 *    out (田东县卫生健康局);
 * 3. a report refused by robots.txt at one address (a 点击排行 box's dynamic address) and read at another (the list's
 *    static one) made the seed `short` for a page it had read;
 * 4. a page holding several towns' reports one after another was catalogued as one report of a made-up agency
 *    (五指山市乡镇人民政府): it is said, not catalogued.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergedUnits } from '../../src/crawl/merged-reports.ts';
import { withoutTracking } from '../../src/crawl/seed-query.ts';
import { countRefusedReport, noteReportLink, refusedPages, SeedTallies } from '../../src/crawl/seed-tally.ts';
import { nameKey, spelledOut } from '../../src/registry/normalize.ts';
import { reportText } from '../fixtures/portal/sites/blind/kit.ts';

test("a seed's tracking parameters are left out, its own kept as written", () => {
  assert.equal(withoutTracking('http://gov.test/c116902/list.shtml?from=groupmessage&isappinstalled=0'), 'http://gov.test/c116902/list.shtml');
  assert.equal(withoutTracking('http://gov.test/list.jsp?catId=38&utm_source=wechat&spm=a.b.c'), 'http://gov.test/list.jsp?catId=38');
  assert.equal(withoutTracking('http://gov.test/col/col123/index.html?uid=5&pageNum=2'), null);
  assert.equal(withoutTracking('http://gov.test/list.shtml'), null);
  // A malformed escape in another parameter is kept as written, not a failure.
  assert.equal(withoutTracking('http://gov.test/list.jsp?q=%E5%B9&from=timeline'), 'http://gov.test/list.jsp?q=%E5%B9');
});

test('a unit written short is spelled out, under the same key', () => {
  for (const [short, full] of [
    ['田东县卫健局', '田东县卫生健康局'],
    ['宁夏回族自治区卫生健康委', '宁夏回族自治区卫生健康委员会'],
    ['某县人社局', '某县人力资源和社会保障局'],
    ['某县政府办', '某县人民政府办公室'],
  ]) {
    assert.equal(spelledOut(short!), full);
    assert.equal(nameKey(short!), nameKey(full!));
  }
  assert.equal(spelledOut('某县教育局'), '某县教育局');
});

test('a report page refused at one address and listed at another that was read is no page unread', () => {
  const t = new SeedTallies().of(1, 'http://gov.test/');
  const title = '库车市人民政府2024年政府信息公开工作年度报告';
  noteReportLink(t, title, 'http://gov.test/html/2025/nb_0121/412.html');
  noteReportLink(t, title, 'http://gov.test/index.php?m=content&a=show&id=412');
  countRefusedReport(t, 'http://gov.test/index.php?m=content&a=show&id=412', title, 'gov.test', 'disallowed by robots.txt');
  assert.equal(refusedPages(t), null);
  // Refused at its only address: unread, said.
  noteReportLink(t, '库车市人民政府2023年政府信息公开工作年度报告', 'http://gov.test/index.php?m=content&a=show&id=300');
  countRefusedReport(t, 'http://gov.test/index.php?m=content&a=show&id=300', '库车市人民政府2023年政府信息公开工作年度报告', 'gov.test', 'disallowed by robots.txt');
  assert.match(refusedPages(t) ?? '', /^1 of its pages were refused, never read \(report page: gov\.test: disallowed by robots\.txt\)/);
});

test("a page holding several units' reports names them; one report naming another in passing does not", () => {
  const section = (unit: string) => `${unit}2024年政府信息公开工作年度报告 ${reportText(unit, '2024年').replace(/<[^>]+>/g, ' ')}`;
  const merged = ['五指山市通什镇人民政府', '五指山市毛阳镇人民政府', '五指山市水满乡人民政府'];
  assert.deepEqual(mergedUnits(`现公布${merged.map(section).join(' 日')}`), merged);
  // A county's own report that cites its towns' reports: one report's text.
  const own = `${section('某县人民政府')} 指导某县某镇人民政府2024年政府信息公开工作年度报告和某县某乡人民政府2024年政府信息公开工作年度报告按时发布`;
  assert.equal(mergedUnits(own), null);
});
