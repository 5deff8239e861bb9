/**
 * Round 32d's fixes (docs/blind-portals.md, "Round 32d"), each on hand-made input. Ordinary columns whose servers
 * answer badly: a cloud WAF's soft rate limit answering status 200 with a "访问过于频繁，请稍后再试" page in place of
 * the page asked (pages and files alike); a column address given without its trailing slash, answered 403 (nginx) or
 * 404 by a server that maps only the directory form.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { saysTooFrequent } from '../../src/download/soft-rate-limit.ts';
import { FetchError } from '../../src/errors.ts';
import { directoryForm } from '../../src/crawl/directory-form.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const BLOCK = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示</title><style>.b{margin:auto}</style></head>
<body><div class="b"><h3>您的请求过于频繁，请稍后再试！</h3><p>拦截编号：88213-A</p><a href="/">返回首页</a></div></body></html>`;
const REPORT = `<html><head><meta charset="utf-8"><title>某县2024年政府信息公开工作年度报告</title></head><body><h1>某县2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本年度，我县坚持以公开为常态、不公开为例外。</p></body></html>`;

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 20, backoffBaseMs: 50, maxRetries: 2, pageTimeoutMs: 4000, ...over };
}

test('a WAF page saying the client asks too often is told from a page that quotes the words', () => {
  assert.equal(saysTooFrequent(Buffer.from(BLOCK)), true);
  assert.equal(saysTooFrequent(Buffer.from('<html><body><h2>访问过于频繁，请稍后再试</h2></body></html>')), true);
  assert.equal(saysTooFrequent(Buffer.from('<p>访问频率过高，已被临时限制</p>')), true);
  // GBK bytes (an older appliance answering in the site's charset).
  assert.equal(saysTooFrequent(iconv.encode('<html><body>操作太频繁，请稍后访问</body></html>', 'gbk')), true);
  // A report, a list, a long page quoting the words, an empty body: not a block page.
  assert.equal(saysTooFrequent(Buffer.from(REPORT)), false);
  const long = `<html><body><p>${'政府信息公开工作持续推进。'.repeat(60)}</p><p>部分群众反映办事系统提示访问过于频繁，已协调整改。</p></body></html>`;
  assert.equal(saysTooFrequent(Buffer.from(long)), false);
  assert.equal(saysTooFrequent(Buffer.alloc(0)), false);
});

test('a 200 "too frequent" page is not taken for the page asked: the host is paused and the page asked again', { timeout: 30_000 }, async () => {
  let n = 0;
  const s = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, 404, 'text/plain', '');
    return n++ === 0 ? send(res, 200, 'text/html; charset=utf-8', BLOCK) : send(res, 200, 'text/html; charset=utf-8', REPORT);
  });
  try {
    const f = new Fetcher(politeness(), new Scope([s.host]));
    const text = await f.request({ url: `${s.origin}/art/1.html`, purpose: 'page' }, async (res) => (await readBody(res.body, 1 << 20, res.url)).toString('utf8'));
    assert.ok(text.includes('总体情况'), text.slice(0, 200));
    assert.equal(s.hits.length, 2);
    // Paused like a 429 without Retry-After: seconds, not the 50 ms backoff.
    assert.ok(s.hits[1]!.start - s.hits[0]!.end >= 2500, `asked again after ${s.hits[1]!.start - s.hits[0]!.end} ms`);
  } finally {
    await s.close();
  }
});

test('a file answered by the "too frequent" page is asked again, and a host that keeps answering it is a failure', { timeout: 30_000 }, async () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40_000, 0x20), Buffer.from('\n%%EOF\n')]);
  let n = 0;
  const s = await startServer((req, res) => {
    if (req.url === '/always') return send(res, 200, 'text/html', BLOCK);
    return n++ === 0 ? send(res, 200, 'text/html', BLOCK) : send(res, 200, 'application/pdf', pdf);
  });
  try {
    const f = new Fetcher(politeness({ maxRetries: 1 }), new Scope([s.host]));
    const bytes = await f.request({ url: `${s.origin}/f.pdf`, purpose: 'file' }, async (res) => readBody(res.body, 1 << 20, res.url, res.contentLength));
    assert.ok(bytes.equals(pdf), 'the whole file, read through the peeked head');
    const err = await f.request({ url: `${s.origin}/always`, purpose: 'page' }, async () => 'read').then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(err instanceof FetchError, `a failure, not a page: ${String(err)}`);
    assert.equal(err.status, 429);
  } finally {
    await s.close();
  }
});

test('the directory form of an address is its path with a slash, unless the path names a file or is one already', () => {
  assert.equal(directoryForm('http://x.example/zwgk/xxgknb'), 'http://x.example/zwgk/xxgknb/');
  assert.equal(directoryForm('http://x.example/zwgk/xxgknb?type=1'), 'http://x.example/zwgk/xxgknb/?type=1');
  for (const u of ['http://x.example/zwgk/xxgknb/', 'http://x.example/', 'http://x.example/col/index.html', 'http://x.example/list.jsp?id=1', 'http://x.example/nb;jsessionid=A1']) {
    assert.equal(directoryForm(u), null, u);
  }
});

test('a seed typed without its trailing slash, answered 403 or 404, is read in its directory form: every report, the seed healthy', { timeout: 180_000 }, async () => {
  const site = '某县人民政府';
  const portals: BlindPortal[] = [403, 404].map((status, n) => {
    const agency = ['汝阳县人民政府', '郏县人民政府'][n]!;
    const items = [
      { href: 'content/1.html', title: `${agency}2024年政府信息公开工作年度报告`, year: 2024 },
      { href: 'content/2.html', title: `${agency.replace('人民政府', '')}2025年政务公开工作要点` },
      { href: 'content/3.html', title: `${agency}2023年政府信息公开工作年度报告`, year: 2023 },
    ];
    const lis = items.map((i) => `<li><a href="${i.href}">${i.title}</a><span>2025-01-20</span></li>`).join('');
    const routes: BlindPortal['routes'] = {
      'GET /zwgk/nb': { status, body: `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>` },
      'GET /zwgk/nb/': { body: page(site, '政府信息公开年报', `<ul class="list">${lis}</ul>`) },
    };
    for (const i of items) routes[`GET /zwgk/nb/${i.href}`] = { body: detail(site, { title: i.title, publisher: agency, date: '2025-01-20', body: i.year ? reportText(agency, `${i.year}年度`) : '<p>工作要点。</p>' }) };
    return {
      id: `fix32d-slash-${status}`,
      pattern: `seed without its slash answered ${status}`,
      agency: { name: agency, division: ['410326', '410425'][n]!, level: 'county', province: '河南省', city: ['洛阳市', '平顶山市'][n]!, county: ['汝阳县', '郏县'][n]! },
      seedPath: '/zwgk/nb',
      expected: [2023, 2024].map((year) => ({ agency, year })),
      routes,
    } satisfies BlindPortal;
  });
  const served = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-32d-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(served.urls, portals, 'http'));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '10', '--no-extract', '--progress', 'none']);
    assert.equal(crawl.code, 0, crawl.out + crawl.err);
    const out = path.join(dir, 'reports.csv');
    assert.equal((await runNianbao(['export', '--out', out, '--storage', storage])).code, 0);
    const rows = readFileSync(out, 'utf8').split('\n').slice(1).filter(Boolean);
    for (const p of portals) {
      const years = rows.filter((l) => l.startsWith(p.agency.name)).map((l) => l.split(',')[5]).sort();
      assert.deepEqual(years, ['2023', '2024'], p.id);
    }
    const status = JSON.parse((await runNianbao(['status', '--seeds', '--json', '--storage', storage])).out) as { seeds: { healthy: boolean; flags: string[] }[] };
    for (const s of status.seeds) assert.ok(s.healthy, JSON.stringify(s));
  } finally {
    await served.close();
  }
});
