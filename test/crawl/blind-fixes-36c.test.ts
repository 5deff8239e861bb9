/**
 * Round 36c's fixes (docs/blind-portals.md, "Round 36c"), each on hand-made input. Ordinary columns whose servers
 * answer badly: a cache answering 304 to a request that set no condition, a chunked file closed without its last
 * chunk, a `Content-Encoding` listing two codings, a robots.txt Crawl-delay to keep from the request that read it,
 * and a page whose `Refresh: 0` header sends its reader on from a stale list.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { HostGate } from '../../src/download/host-gate.ts';
import { httpOnce } from '../../src/download/http-once.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const LIST = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>
<li><a href="t20250120_1.html">某市人民政府2024年政府信息公开工作年度报告</a></li></ul><a href="index_1.html">下一页</a></body></html>
`;

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 10, backoffBaseMs: 20, maxRetries: 2, pageTimeoutMs: 4000, ...over };
}

const once = (url: string) => httpOnce({ url, method: 'GET', headers: {}, timeoutMs: 4000, insecureTls: false });

test('a 304 to a request that set no condition is a cache failure, asked again; a 304 to a conditional request is handed on', { timeout: 30_000 }, async () => {
  const asked = new Map<string, number>();
  const s = await startServer((req, res) => {
    const url = req.url ?? '/';
    const n = (asked.get(url) ?? 0) + 1;
    asked.set(url, n);
    const validators = { etag: '"5f2a-1"', 'last-modified': 'Fri, 24 Jan 2025 02:13:45 GMT' };
    if (url === '/index_1.html') return n === 1 ? send(res, 304, 'text/html', '', validators) : send(res, 200, 'text/html; charset=utf-8', LIST, validators);
    if (url === '/always.html') return send(res, 304, 'text/html', '', validators);
    if (url === '/kept.html') return send(res, 304, 'text/html', '', validators);
    send(res, 404, 'text/plain', 'no');
  });
  const f = new Fetcher(politeness(), new Scope([s.host]));
  const get = (p: string, conditional?: { etag: string }) =>
    f.request({ url: `${s.origin}${p}`, purpose: 'page', conditional }, async (res) => ({ status: res.status, text: (await readBody(res.body, 1 << 20, res.url)).toString() }));
  const page2 = await get('/index_1.html');
  assert.deepEqual([page2.status, asked.get('/index_1.html')], [200, 2]);
  assert.match(page2.text, /2024年政府信息公开工作年度报告/);
  // A cache that never fills its entry: a failure said as such, never a page with nothing on it.
  await assert.rejects(get('/always.html'), (e: unknown) => e instanceof FetchError && e.status === 304 && /no condition/.test(e.message));
  assert.equal(asked.get('/always.html'), 3);
  // Asked with the validators of a copy kept: the 304 is the answer asked for.
  assert.equal((await get('/kept.html', { etag: '"5f2a-1"' })).status, 304);
  assert.equal(asked.get('/kept.html'), 1);
});

test('a chunked file closed without its last chunk is whole when its bytes end the file; cut anywhere else it is truncated', { timeout: 30_000 }, async () => {
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n${'x'.repeat(300_000)}\ntrailer<<>>\nstartxref\n9\n%%EOF\n`, 'latin1');
  // A ZIP container (DOCX) ends with its end-of-central-directory record: signature, counts, no comment.
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  const docx = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 1), eocd]);
  const s = await startServer((req, res) => {
    // Every byte sent in chunks, then the connection closed without the zero-length chunk.
    const unended = (type: string, body: Buffer) => {
      const socket = res.socket!;
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n`);
      for (let at = 0; at < body.length; at += 8192) {
        const part = body.subarray(at, at + 8192);
        socket.write(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]));
      }
      setTimeout(() => socket.destroy(), 20);
    };
    if (req.url === '/whole.pdf') return unended('application/pdf', pdf);
    if (req.url === '/whole.docx') return unended('application/octet-stream', docx);
    if (req.url === '/page.html') return unended('text/html; charset=utf-8', Buffer.from(LIST));
    if (req.url === '/cut.pdf') return unended('application/pdf', pdf.subarray(0, 200_000));
    if (req.url === '/cut.html') return unended('text/html; charset=utf-8', Buffer.from(LIST.slice(0, 90)));
    send(res, 404, 'text/plain', 'no');
  });
  for (const [p, expected] of [['/whole.pdf', pdf], ['/whole.docx', docx], ['/page.html', Buffer.from(LIST)]] as const) {
    const res = await once(`${s.origin}${p}`);
    assert.ok((await readBody(res.body, 1 << 20, res.url)).equals(expected), p);
  }
  for (const p of ['/cut.pdf', '/cut.html']) {
    const res = await once(`${s.origin}${p}`);
    await assert.rejects(readBody(res.body, 1 << 20, res.url), (e: unknown) => e instanceof FetchError && e.kind === 'truncated', p);
  }
  // A consumer slower than the wire (a busy disk, a loaded machine): the bytes still buffered at the close are kept.
  const res = await once(`${s.origin}/whole.pdf`);
  const chunks: Buffer[] = [];
  for await (const chunk of res.body) {
    chunks.push(chunk as Buffer);
    await new Promise((r) => setTimeout(r, 15));
  }
  assert.ok(Buffer.concat(chunks).equals(pdf), 'read slowly');
});

test('a Content-Encoding listing two codings is undone last first, as browsers do', { timeout: 30_000 }, async () => {
  const bytes = Buffer.from(LIST, 'utf8');
  const s = await startServer((req, res) => {
    if (req.url === '/gzip2.html') return send(res, 200, 'text/html; charset=utf-8', gzipSync(gzipSync(bytes)), { 'content-encoding': 'gzip, gzip' });
    if (req.url === '/deflate-gzip.html') return send(res, 200, 'text/html; charset=utf-8', gzipSync(deflateSync(bytes)), { 'content-encoding': 'deflate,gzip' });
    if (req.url === '/identity-gzip.html') return send(res, 200, 'text/html; charset=utf-8', gzipSync(bytes), { 'content-encoding': 'identity, gzip' });
    send(res, 404, 'text/plain', 'no');
  });
  for (const p of ['/gzip2.html', '/deflate-gzip.html', '/identity-gzip.html']) {
    const res = await once(`${s.origin}${p}`);
    assert.equal((await readBody(res.body, 1 << 20, res.url)).toString('utf8'), LIST, p);
  }
});

test("a Crawl-delay raised after a request counts from that request: the next one waits the new delay", { timeout: 10_000 }, async () => {
  const gate = new HostGate('example.gov.cn', { concurrency: 1, delayMs: 10, circuitBreakerThreshold: 5 });
  let ended = 0;
  await gate.run(async () => {
    ended = Date.now();
  });
  // robots.txt read, its Crawl-delay taken: the page asked next is spaced from it.
  gate.raiseDelay(400);
  const started = await gate.run(async () => Date.now());
  assert.ok(started - ended >= 390, `the next request came ${started - ended} ms after the last`);
});

test('a column answered with its stale list and a Refresh: 0 header is read where the header sends it', { timeout: 180_000 }, async () => {
  const agency = '勐海县人民政府';
  const site = '勐海县人民政府门户网站';
  const item = (href: string, title: string) => `<li><a href="${href}">${title}</a><span>2025-01-20</span></li>`;
  const stale = page(site, '政府信息公开年报', `<ul class="list">${item('/old/2021.html', `${agency}2021年政府信息公开工作年度报告`)}${item('/old/plan.html', '勐海县2021年政务公开工作要点')}</ul>`);
  const fresh = page(site, '政府信息公开年报', `<ul class="list">${[2024, 2023, 2022, 2021].map((y) => item(`/new/${y}.html`, `${agency}${y}年政府信息公开工作年度报告`)).join('')}</ul>`);
  const report = (y: number) => ({ body: detail(site, { title: `${agency}${y}年政府信息公开工作年度报告`, publisher: agency, date: `${y + 1}-01-20`, body: reportText(agency, `${y}年度`) }) });
  const routes: BlindPortal['routes'] = {
    'GET /old/index.html': { body: stale, headers: { Refresh: '0; url=/new/index.html' } },
    'GET /old/2021.html': report(2021),
    'GET /old/plan.html': { body: detail(site, { title: '勐海县2021年政务公开工作要点', publisher: agency, date: '2021-03-01', body: '<p>工作要点。</p>' }) },
    'GET /new/index.html': { body: fresh },
  };
  for (const y of [2024, 2023, 2022, 2021]) routes[`GET /new/${y}.html`] = report(y);
  const portals: BlindPortal[] = [
    {
      id: 'fix36c-refresh',
      pattern: 'a stale column page with a Refresh: 0 header',
      agency: { name: agency, division: '532822', level: 'county', province: '云南省', city: '西双版纳傣族自治州', county: '勐海县' },
      seedPath: '/old/index.html',
      expected: [2021, 2022, 2023, 2024].map((year) => ({ agency, year })),
      routes,
    },
  ];
  const served = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-36c-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(served.urls, portals, 'http'));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '10', '--no-extract', '--progress', 'none']);
    assert.equal(crawl.code, 0, crawl.out + crawl.err);
    const out = path.join(dir, 'reports.csv');
    assert.equal((await runNianbao(['export', '--out', out, '--storage', storage])).code, 0);
    const rows = readFileSync(out, 'utf8').split('\n').slice(1).filter(Boolean);
    assert.deepEqual([...new Set(rows.map((l) => l.split(',')[5]))].sort(), ['2021', '2022', '2023', '2024']);
    // The reports are read at the new column's articles (the stale page's items left, as a browser leaves them).
    assert.ok(rows.every((l) => l.includes('/new/')), rows.join('\n'));
    const status = JSON.parse((await runNianbao(['status', '--seeds', '--json', '--storage', storage])).out) as { seeds: { healthy: boolean }[] };
    for (const s of status.seeds) assert.ok(s.healthy, JSON.stringify(s));
  } finally {
    await served.close();
  }
});
