/**
 * Round 30d's fixes (docs/blind-portals.md, "Round 30d"), each on hand-made input. Ordinary columns whose servers
 * answer the way badly configured government servers do, in ways a browser forgives: a column address sent on by a
 * `Refresh` HTTP header over an empty page; later list pages answered with status 404 but with the whole list (a
 * CMS's 404 handler building them); GBK pages with a gb2312 meta served under a UTF-8 (or ISO-8859-1) header; and
 * pages compressed with raw deflate under `Content-Encoding: deflate` (IIS's form).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deflateRawSync, deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { errorStatusListPage } from '../../src/crawl/error-status-list.ts';
import { httpOnce } from '../../src/download/http-once.ts';
import { decodeHtml } from '../../src/encoding/decode-html.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const TITLE = '某县2024年政府信息公开工作年度报告';
const GBK_PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${TITLE}</title></head><body><a href="/a.html">${TITLE}</a></body></html>`;

test('a charset header the page proves wrong gives way to its meta: UTF-8 over GBK bytes, ISO-8859-1 beside a gb2312 meta', () => {
  const bytes = iconv.encode(GBK_PAGE, 'gbk');
  for (const header of ['text/html;charset=UTF-8', 'text/html; charset=ISO-8859-1']) {
    const d = decodeHtml(bytes, header);
    assert.equal(d.encoding, 'gb18030', header);
    assert.ok(d.text.includes(TITLE), `${header}: ${d.text.slice(0, 200)}`);
  }
  // A header the bytes agree with still wins over a meta saying otherwise (as in browsers).
  const utf8 = Buffer.from(GBK_PAGE, 'utf8');
  assert.equal(decodeHtml(utf8, 'text/html; charset=utf-8').encoding, 'utf-8');
  assert.ok(decodeHtml(utf8, 'text/html; charset=utf-8').text.includes(TITLE));
  // A GBK header over GBK bytes, and no header at all: as before.
  assert.equal(decodeHtml(bytes, 'text/html; charset=GBK').source, 'header');
  assert.equal(decodeHtml(bytes, null).source, 'meta');
});

test('Content-Encoding: deflate is inflated whether the server sent zlib (RFC 1950) or raw deflate (IIS)', async () => {
  const html = Buffer.from(GBK_PAGE.repeat(40), 'utf8');
  const bodies: Record<string, Buffer> = { '/zlib': deflateSync(html), '/raw': deflateRawSync(html), '/empty': Buffer.alloc(0) };
  const server = http.createServer((req, res) => {
    const body = bodies[req.url ?? ''] ?? Buffer.alloc(0);
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate', 'content-length': String(body.length) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const [p, want] of [['/zlib', html], ['/raw', html], ['/empty', Buffer.alloc(0)]] as const) {
      const res = await httpOnce({ url: `${origin}${p}`, method: 'GET', headers: {}, timeoutMs: 5000, insecureTls: false });
      const chunks: Buffer[] = [];
      for await (const c of res.body) chunks.push(c as Buffer);
      assert.ok(Buffer.concat(chunks).equals(want), `${p}: inflated body`);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('an error-status page is read as a list page only when it holds report items of its own (the seed\'s own when 404)', () => {
  const list = page('某县人民政府', '信息公开年报', `<ul class="list"><li><a href="./202401/t20240120_1.html">${TITLE}</a><span>2025-01-20</span></li><li><a href="./202401/t20240118_2.html">某县2025年政务公开工作要点</a><span>2025-01-18</span></li></ul>`);
  const chrome = page('某县人民政府', '404', '<h1>404 Not Found</h1><div class="hot"><a href="/news/1.html">我县召开春耕生产工作会议</a></div>');
  const visit = (status: number, body: string) => ({ url: 'http://x.example/xxgk/nb/index_1.html', loadedUrl: 'http://x.example/xxgk/nb/index_1.html', status, body });
  const later = { kind: 'list' as const, seedEntryId: 1, siteAgencyId: 1, family: 'auto' as const, pageIndex: 1 };
  assert.equal(errorStatusListPage(visit(404, list), later), true);
  assert.equal(errorStatusListPage(visit(500, list), later), true);
  // The seed's own page answered 404 with its list (an IIS site's 404 handler drawing every page, round 54d) is read;
  // one answered 500, a refusal, an error page of chrome alone, a learned list's answer: as before.
  assert.equal(errorStatusListPage(visit(404, list), { ...later, pageIndex: 0 }), true);
  assert.equal(errorStatusListPage(visit(500, list), { ...later, pageIndex: 0 }), false);
  assert.equal(errorStatusListPage(visit(404, chrome), { ...later, pageIndex: 0 }), false);
  assert.equal(errorStatusListPage(visit(403, list), later), false);
  assert.equal(errorStatusListPage(visit(404, chrome), later), false);
  assert.equal(errorStatusListPage(visit(404, list), { ...later, family: 'learned' as never }), false);
});

test('a column sent on by a Refresh header, its later pages answered 404 with their list: every report read, the seed healthy', { timeout: 180_000 }, async () => {
  const site = '某市生态环境局';
  const agency = '蚌埠市生态环境局';
  const items = [
    { p: 1, href: './202501/t20250122_11.html', title: `${agency}2024年政府信息公开工作年度报告`, year: 2024 },
    { p: 1, href: './202501/t20250110_12.html', title: `${agency}2025年政务公开工作要点` },
    { p: 2, href: './202401/t20240125_21.html', title: `${agency}2023年政府信息公开工作年度报告`, year: 2023 },
    { p: 2, href: './202401/t20240119_22.html', title: `${agency}2023年法治政府建设年度报告` },
    { p: 3, href: './202301/t20230120_31.html', title: `${agency}2022年政府信息公开工作年度报告`, year: 2022 },
  ];
  const name = (k: number) => (k === 1 ? 'index.html' : `index_${k - 1}.html`);
  const routes: BlindPortal['routes'] = {
    // An empty page whose header alone sends the reader on.
    'GET /col/': { body: '<html><head><title></title></head><body></body></html>', headers: { Refresh: '0; URL=index.html' } },
  };
  for (const k of [1, 2, 3]) {
    const lis = items.filter((i) => i.p === k).map((i) => `<li><a href="${i.href}">${i.title}</a><span>2025-01-20</span></li>`).join('');
    const pager = `<div class="page"><a href="index.html">首页</a> ${k > 1 ? `<a href="${name(k - 1)}">上一页</a>` : '上一页'} ${k < 3 ? `<a href="${name(k + 1)}">下一页</a>` : '下一页'}</div>`;
    routes[`GET /col/${name(k)}`] = { status: k === 1 ? 200 : 404, body: page(site, '政府信息公开年报', `<ul class="list">${lis}</ul>${pager}`) };
  }
  for (const i of items) {
    routes[`GET /col${i.href.slice(1)}`] = { body: detail(site, { title: i.title, publisher: agency, date: '2025-01-20', body: i.year ? reportText(agency, `${i.year}年度`) : '<p>工作要点。</p>' }) };
  }
  const portal: BlindPortal = {
    id: 'fix30d-refresh-404',
    pattern: 'Refresh header, later pages 404 with content',
    agency: { name: agency, division: '340300', level: 'city', province: '安徽省', city: '蚌埠市' },
    seedPath: '/col/',
    expected: [2022, 2023, 2024].map((year) => ({ agency, year })),
    routes,
  };
  const served = await startPortal({ sites: blindSitesOf([portal]) });
  try {
    const dir = tempDir('nianbao-30d-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(served.urls, [portal], 'http'));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '10', '--no-extract', '--progress', 'none']);
    assert.equal(crawl.code, 0, crawl.out + crawl.err);
    const out = path.join(dir, 'reports.csv');
    assert.equal((await runNianbao(['export', '--out', out, '--storage', storage])).code, 0);
    const years = readFileSync(out, 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.startsWith(agency))
      .map((l) => l.split(',')[5])
      .sort();
    assert.deepEqual(years, ['2022', '2023', '2024']);
    const status = JSON.parse((await runNianbao(['status', '--seeds', '--json', '--storage', storage])).out) as { seeds: { healthy: boolean; flags: string[] }[] };
    assert.ok(status.seeds[0]!.healthy, JSON.stringify(status.seeds[0]));
  } finally {
    await served.close();
  }
});
