/**
 * A page's links are asked as a browser asks them: a query written raw in Chinese goes out in the page's encoding.
 * Round 27a fixed it for attachment links and left list items and pagers open; an old ASP site in GBK whose pager
 * names its column in the query (`list.asp?lb=政府信息公开年报&page=2`) answers its "栏目不存在" page to the UTF-8
 * form, so page 2's reports were never seen. Every reader now resolves within the page's encoding
 * (download/scope.ts withPageEncoding).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { resolveLink, withPageEncoding } from '../../src/download/scope.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, type BlindReq } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

// 政府信息公开年报 in GBK.
const COLUMN_GBK = '%D5%FE%B8%AE%D0%C5%CF%A2%B9%AB%BF%AA%C4%EA%B1%A8';

test('within a page’s encoding every link’s raw query is written in it; outside, or explicitly given, as before', async () => {
  const base = 'http://county.example/list.asp';
  assert.equal(withPageEncoding('gb18030', () => resolveLink('list.asp?lb=政府信息公开年报&page=2', base)), `http://county.example/list.asp?lb=${COLUMN_GBK}&page=2`);
  assert.match(resolveLink('list.asp?lb=政府信息公开年报&page=2', base)!, /lb=%E6%94%BF/, 'no page encoding: UTF-8');
  assert.match(withPageEncoding('gb18030', () => resolveLink('list.asp?lb=政府信息公开年报', base, 'utf-8'))!, /lb=%E6%94%BF/, 'an explicit encoding wins');
  // The context follows the page's handling across awaits, and another page's handling has its own.
  const [a, b] = await Promise.all([
    withPageEncoding('gbk', async () => {
      await new Promise((r) => setTimeout(r, 20));
      return resolveLink('?lb=年报', base);
    }),
    withPageEncoding('utf-8', async () => {
      await new Promise((r) => setTimeout(r, 10));
      return resolveLink('?lb=年报', base);
    }),
  ]);
  assert.equal(a, 'http://county.example/list.asp?lb=%C4%EA%B1%A8');
  assert.equal(b, 'http://county.example/list.asp?lb=%E5%B9%B4%E6%8A%A5');
});

test('a GBK list paged by links naming its column raw in the query is read to its end', { timeout: 120_000 }, async () => {
  const site = '卢氏县人民政府';
  const agencies = ['卢氏县人民政府', '卢氏县教育局', '卢氏县民政局', '卢氏县财政局'];
  const row = (i: number) => `<li><a href="show.asp?id=${i}">${agencies[i]}${2024 - (i % 2)}年政府信息公开工作年度报告</a><span>2025-01-2${i}</span></li>`;
  const listPage = (n: number) =>
    page(site, '政府信息公开年报', `<ul class="list">${n === 1 ? row(0) + row(1) : row(2) + row(3)}</ul>
<div class="pager">共4条 页次：${n}/2 <a href="list.asp?lb=政府信息公开年报&page=1">首页</a> <a href="list.asp?lb=政府信息公开年报&page=2">下一页</a> <a href="list.asp?lb=政府信息公开年报&page=2">尾页</a></div>`, { charset: 'gb2312' });
  const p: BlindPortal = {
    id: 'fix-page-encoding',
    pattern: 'an ASP list in GBK paged by links naming the column raw in the query',
    agency: { name: site, division: '411224', level: 'county', province: '河南省', city: '三门峡市', county: '卢氏县' },
    seedPath: `/list.asp?lb=${COLUMN_GBK}&page=1`,
    expected: agencies.map((agency, i) => ({ agency, year: 2024 - (i % 2) })),
    routes: {
      // The site (code page 936) knows its column only by its GBK bytes; the UTF-8 form is no column of it.
      'GET /list.asp': (req: BlindReq) => {
        const lb = /[?&]lb=([^&]*)/.exec(req.url.search)?.[1] ?? '';
        if (lb.toUpperCase() !== COLUMN_GBK) return { body: page(site, '错误', '<p>栏目不存在或已被删除！</p>', { charset: 'gb2312' }), gbk: true };
        return { body: listPage(req.url.searchParams.get('page') === '2' ? 2 : 1), gbk: true };
      },
      'GET /show.asp': (req: BlindReq) => {
        const i = Number(req.url.searchParams.get('id'));
        const agency = agencies[i];
        if (!agency) return null;
        const title = `${agency}${2024 - (i % 2)}年政府信息公开工作年度报告`;
        return { body: detail(site, { title, publisher: agency, date: `2025-01-2${i}`, body: reportText(agency, `${2024 - (i % 2)}年度`), charset: 'gb2312' }), gbk: true };
      },
    },
  };
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-page-encoding-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    for (const [i, agency] of agencies.entries()) assert.match(csv, new RegExp(`${agency},.*,${2024 - (i % 2)},`), `${agency}'s report (page ${i < 2 ? 1 : 2})`);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const [seed] = (JSON.parse(status.out) as { seeds: { healthy: boolean; last: { status: string; reason: string | null } }[] }).seeds;
    assert.equal(seed!.last.status, 'ok', seed!.last.reason ?? '');
  } finally {
    await portal.close();
  }
});
