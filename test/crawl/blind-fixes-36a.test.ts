/**
 * Round 36a's fixes (docs/blind-portals.md, "Round 36a: server-rendered portals (天津, 西藏)"), on hand-made input:
 * 1. a title signed by its agency in brackets after the subject ("2024年度政府信息公开工作年度报告（某县教育局）") names
 *    that agency, as a dash's signature does (before: no agency, the report fell to the seed's);
 * 2. DedeCMS's article line "<small>来源:</small>某局 <small>作者:</small>admin": the label's value is the text right
 *    after it (before: no publisher read);
 * 3. a report page that names no agency, on a seed whose agency already has that year's report, is refused (as
 *    before) AND flags the seed `short` (before: the seed `ok`, the report missing silently);
 * 4. a title in 藏文 then 中文 (or 蒙古文, 维吾尔文) names the agency its Chinese part names (before: the Tibetan words
 *    were read as the start of the agency's name, a department discovered under that name).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

test('a title signed by its agency in brackets after the subject names that agency; notes and non-names in brackets do not', () => {
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告（某某县教育局）'), '某某县教育局');
  assert.equal(agencyFromTitle('2024年政府信息公开工作年度报告【县自然资源局】'), '县自然资源局');
  assert.equal(agencyFromTitle('2023年度政府信息公开工作年度报告(某市某区卫生健康委员会)'), '某市某区卫生健康委员会');
  // Chinese-numeral years and a title with no year before the subject.
  assert.equal(agencyFromTitle('二〇二四年度政府信息公开年报（某某县白玛镇人民政府）'), '某某县白玛镇人民政府');
  // A name before the subject still wins; brackets holding a note, a draft's status or a collective name no agency.
  assert.equal(agencyFromTitle('某某县人民政府2024年政府信息公开工作年度报告（县教育局转载）'), '某某县人民政府');
  assert.equal(agencyFromTitle('2024年政府信息公开工作年度报告（全文）'), null);
  assert.equal(agencyFromTitle('2024年政府信息公开工作年度报告（征求意见稿）'), null);
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告（各乡镇）'), null);
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告（本局）'), null);
});

test('a title in two scripts (藏文, 蒙古文 or 维吾尔文, then 中文): the agency is the one its Chinese part names', () => {
  assert.equal(agencyFromTitle('ཉིང་ཁྲི་གྲོང་ཁྱེར་ཤེས་ཡོན་ཅུས་ཀྱི་ལོ་༢༠༢༤ལོའི་ལོ་འཁོར་སྙན་ཞུ། 林芝市教育局2024年政府信息公开工作年度报告'), '林芝市教育局');
  assert.equal(agencyFromTitle('ཉིང་ཁྲི་གྲོང་ཁྱེར། 林芝市人民政府二〇二三年政府信息公开工作年度报告'), '林芝市人民政府');
  assert.equal(agencyFromTitle('ᠬᠥᠬᠡᠬᠣᠲᠠ 呼和浩特市统计局2024年政府信息公开工作年度报告'), '呼和浩特市统计局');
  assert.equal(agencyFromTitle('ئۈرۈمچى شەھەرلىك مائارىپ ئىدارىسى 乌鲁木齐市教育局2024年政府信息公开工作年度报告'), '乌鲁木齐市教育局');
  // The Chinese part first, the Tibetan after it: as before.
  assert.equal(agencyFromTitle('林芝市教育局2024年政府信息公开工作年度报告（བོད་ཡིག）'), '林芝市教育局');
});

test("DedeCMS's article line: each <small> label's value is the text after it, up to the next label", () => {
  const html = `<html><body><div class="viewbox"><div class="title"><h2>2024年度政府信息公开工作年度报告</h2></div>
<div class="info"><small>时间:</small>2025-01-20 10:33<small>来源:</small>某某县教育局 <small>作者:</small>admin <small>点击:</small><script src="/plus/count.php?aid=1"></script>次</div>
<div class="content"><p>本年度，我局坚持以公开为常态、不公开为例外。</p></div></div></body></html>`;
  assert.equal(parseDetailPage(html, 'http://x.example/a/zwgk/2025/0120/1559.html').publisher, '某某县教育局');
  // A label cell followed by its value's cell reads as before.
  const table = '<html><body><table><tr><td>发布机构：</td><td>某某县统计局</td></tr></table><div class="content"><p>正文内容，正文内容，正文内容。</p></div></body></html>';
  assert.equal(parseDetailPage(table, 'http://x.example/a/1.html').publisher, '某某县统计局');
});

test("a report page naming no agency, on a seed whose agency already has that year's report: not catalogued, and the seed flagged", { timeout: 180_000 }, async () => {
  const gov = '贡觉县人民政府';
  const title = `${gov}2024年政府信息公开工作年度报告`;
  const list = page(gov, '政府信息公开年报', `<ul class="list"><li><a href="/nb/1.html">${title}</a><span>2025-01-20</span></li>
<li><a href="/nb/2.html">2024年度政府信息公开工作年度报告</a><span>2025-01-18</span></li><li><a href="/nb/3.html">贡觉县2025年政务公开工作要点</a><span>2025-01-10</span></li></ul>`);
  const p: BlindPortal = {
    id: 'fix36a-unnamed',
    pattern: 'a report page naming no agency',
    agency: { name: gov, division: '540322', level: 'county', province: '西藏自治区', city: '昌都市', county: '贡觉县' },
    seedPath: '/nb/index.html',
    expected: [],
    routes: {
      'GET /nb/index.html': { body: list },
      'GET /nb/1.html': { body: detail(gov, { title, publisher: gov, date: '2025-01-20', body: reportText(gov, '2024年') }) },
      'GET /nb/2.html': { body: detail(gov, { title: '2024年度政府信息公开工作年度报告', publisher: '本站', date: '2025-01-18', body: reportText('我局', '2024年') }) },
      'GET /nb/3.html': { body: detail(gov, { title: '贡觉县2025年政务公开工作要点', publisher: gov, date: '2025-01-10', body: trapText('贡觉县2025年政务公开工作要点') }) },
    },
  };
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix36a-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const pages = rows.map((r) => new URL(r[header!.indexOf('report_url')]!).pathname);
    // The county's own report only: the unnamed page is not folded into it.
    assert.deepEqual(pages, ['/nb/1.html']);
    const seed = (JSON.parse(status.out) as { seeds: { healthy: boolean; flags: string[]; last: { reason: string | null } }[] }).seeds[0]!;
    assert.ok(!seed.healthy && seed.flags.includes('short'), JSON.stringify(seed));
    assert.match(seed.last.reason ?? '', /1 of its 2 report items were not catalogued: nothing on them named their agency/);
    assert.match(seed.last.reason ?? '', /\/nb\/2\.html/);
    assert.equal(crawl.code, 7, crawl.out + crawl.err);
  } finally {
    await portal.close();
  }
});
