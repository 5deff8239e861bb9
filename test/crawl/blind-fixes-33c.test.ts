/**
 * Round 33c's fixes (docs/blind-portals.md, "Round 33c: seeds a new user gives"), on hand-made input:
 * 1. a navigation page's count of what it lists instead of documents ("共32个部门", "共12个乡镇") is no count of the
 *    seed's items (before: announced as 32 items, the grid read whole flagged `short`);
 * 2. a county's 政府信息公开 page naming its own 年报 column AND a 乡镇（街道）信息公开 grid of its towns' pages: the
 *    towns' pages are read beside the column (before: the column alone, the towns' reports missed silently);
 * 3. a seed whose address is one report's FILE (a PDF): the folders above it are read as its list, its column's
 *    reports found and the seed healthy (before: the file read as a list of no link, the seed `empty`).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { announcedTotals } from '../../src/crawl/families/announced.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { doc } from '../fixtures/portal/docs.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { MIME } from '../fixtures/portal/sites/common.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const shell = (title: string, body: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

test('a count of departments, towns or columns on a navigation page is no count of its items; a list\'s own count still is', () => {
  assert.equal(announcedTotals(shell('部门信息公开', '<div class="tit">部门信息公开<span>共<b>32</b>个部门</span></div><ul id="grid"></ul>')).announcedItems, undefined);
  assert.equal(announcedTotals(shell('乡镇信息公开', '<p>共 12 个乡镇（街道）</p>')).announcedItems, undefined);
  assert.equal(announcedTotals(shell('专题', '<p>共有5个栏目</p>')).announcedItems, undefined);
  // The list's own count after such a count is the one read; the plain counts as before.
  assert.equal(announcedTotals(shell('年报', '<p>共32个部门</p><div class="page">共9条 第1/2页</div>')).announcedItems, 9);
  assert.equal(announcedTotals(shell('年报', '<div class="page">共12条记录</div>')).announcedItems, 12);
  assert.equal(announcedTotals(shell('年报', '<div class="page">共8个 1/2</div>')).announcedItems, 8);
});

test('a county page naming its 年报 column and a 乡镇（街道）信息公开 grid: the towns\' pages are read beside the column', () => {
  const PAGE = 'http://gk.example/xxgk/index.html';
  const menu = '<ul class="left"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li><li><a href="/xxgk/ndbg/index.html">政府信息公开年报</a></li><li><a href="/xxgk/tjnb/index.html">统计年报</a></li></ul>';
  const news = '<div class="box"><div class="box-tit">最新公开</div><ul><li><a href="/xxgk/tjnb/1.html">某县2024年统计年报</a></li><li><a href="/xxgk/yd/2.html">某县2024年政务公开工作要点</a></li></ul></div>';
  const towns = '<div class="box"><div class="box-tit">乡镇（街道）信息公开</div><ul class="grid"><li><a href="/xxgk/xz/ljz/index.html">潋江镇</a></li><li><a href="/xxgk/xz/cgx/index.html">长冈乡</a></li><li><a href="/xxgk/xz/jd/index.html">城关街道</a></li></ul></div>';
  const items = [{ title: '某县2024年统计年报', url: 'http://gk.example/xxgk/tjnb/1.html', date: null, isFile: false }];
  const got = listElsewhere(shell('政府信息公开', menu + news + towns), PAGE, items);
  assert.deepEqual(got[0], { url: 'http://gk.example/xxgk/ndbg/index.html', namedColumn: true });
  assert.deepEqual(
    got.slice(1).map((g) => g.url),
    ['http://gk.example/xxgk/xz/ljz/index.html', 'http://gk.example/xxgk/xz/cgx/index.html', 'http://gk.example/xxgk/xz/jd/index.html'],
  );
  // A box of the towns' sites (链接, 网站) is not their disclosure pages; a page about the reports reads no grid.
  assert.deepEqual(listElsewhere(shell('政府信息公开', menu + news + towns.replace('乡镇（街道）信息公开', '乡镇网站链接')), PAGE, items), [{ url: 'http://gk.example/xxgk/ndbg/index.html', namedColumn: true }]);
});

test('a seed that is one report\'s PDF: the folders above it are read, its column\'s reports found, the seed healthy', { timeout: 120_000 }, async () => {
  const gov = '怀宁县人民政府';
  const title = (y: number) => `${gov}${y}年政府信息公开工作年度报告`;
  const art = (t: string, agency: string | null, date: string, body?: string) =>
    detail(gov, { title: t, publisher: `${gov}办公室`, date, body: body ?? (agency ? reportText(agency, `${t.match(/\d{4}/)![0]}年度`) : trapText(t)) });
  const pdf = '/zwgk/nb/202401/P020240126301.pdf';
  const p: BlindPortal = {
    id: 'fix33c-pdf-seed',
    pattern: 'the seed a report\'s PDF in its column\'s month folder',
    agency: { name: gov, division: '340822', level: 'county', province: '安徽省', city: '安庆市', county: '怀宁县' },
    seedPath: pdf,
    expected: [],
    routes: {
      'GET /zwgk/nb/': {
        body: page(gov, '政府信息公开年报', `<ul class="list"><li><a href="./202501/t20250122_47.html">${title(2024)}</a><span>2025-01-22</span></li>
<li><a href="./202501/t20250110_45.html">怀宁县2024年统计年报</a><span>2025-01-10</span></li>
<li><a href="./202401/t20240126_31.html">${title(2023)}</a><span>2024-01-26</span></li></ul>`),
      },
      'GET /zwgk/nb/202501/t20250122_47.html': { body: art(title(2024), gov, '2025-01-22') },
      'GET /zwgk/nb/202501/t20250110_45.html': { body: art('怀宁县2024年统计年报', null, '2025-01-10') },
      'GET /zwgk/nb/202401/t20240126_31.html': { body: art(title(2023), gov, '2024-01-26', `<p>全文见附件：<a href="./P020240126301.pdf">${title(2023)}.pdf</a></p>`) },
      [`GET ${pdf}`]: { type: MIME.pdf!, body: doc('r002.pdf') },
    },
  };
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix33c-');
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
    assert.deepEqual(reports, [`${gov} 2023 /zwgk/nb/202401/t20240126_31.html`, `${gov} 2024 /zwgk/nb/202501/t20250122_47.html`]);
    const seed = (JSON.parse(status.out) as { seeds: { healthy: boolean; flags: string[]; last: { reason: string | null } }[] }).seeds[0]!;
    // Read from a guess (the folders above the file): said, with where to point the seed.
    assert.deepEqual(seed.flags, ['moved'], `${seed.flags.join(',')} ${seed.last.reason}`);
    assert.match(seed.last.reason ?? '', /its address is a file \(pdf\), not a page; its reports were read from the folders above it \(http:\/\/[^ ]+\/zwgk\/nb\/202401\/, http:\/\/[^ ]+\/zwgk\/nb\/\): point the seed at its column/);
    // Neither the host's root nor a trap was asked: the file's folder (404) and its column's folder.
    const asked = portal.log.map((l) => l.url);
    assert.ok(asked.includes('/zwgk/nb/202401/') && asked.includes('/zwgk/nb/'), asked.join(' '));
    assert.ok(!asked.includes('/') && !asked.includes('/zwgk/nb/202501/t20250110_45.html'), asked.join(' '));
  } finally {
    await portal.close();
  }
});
