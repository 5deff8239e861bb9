/**
 * Round 33d's fixes (docs/blind-portals.md, "Round 33d"), each on hand-made input. Ordinary columns whose servers
 * answer badly: a cookie check done by redirects alone (302 to a challenge address, 302 back to the address first
 * asked with a `Set-Cookie`, no script), and answers framed both by `Transfer-Encoding: chunked` and by a
 * `Content-Length` (an old FastCGI behind IIS).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { httpOnce } from '../../src/download/http-once.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer } from '../helpers/http-server.ts';

const REPORT = `<html><head><meta charset="utf-8"><title>某局2024年政府信息公开工作年度报告</title></head><body><h1>某局2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本年度，我局坚持以公开为常态、不公开为例外。</p></body></html>`;

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 20, backoffBaseMs: 50, maxRetries: 2, pageTimeoutMs: 4000, ...over };
}

const readText = async (res: { body: NodeJS.ReadableStream & import('node:stream').Readable; url: string }) => (await readBody(res.body, 1 << 20, res.url)).toString('utf8');

test('a cookie check by redirects is passed: the cookie a hop set is sent on the next hops, the way back is no loop', { timeout: 30_000 }, async () => {
  const s = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const back = u.searchParams.get('check');
    if (back !== null) return send(res, 302, 'text/html', '', { location: back, 'set-cookie': 'gate_ok=7f3c; path=/; HttpOnly' });
    if (!/gate_ok=7f3c/.test(req.headers.cookie ?? '')) return send(res, 302, 'text/html', '', { location: `${u.pathname}?check=${encodeURIComponent(u.pathname + u.search)}` });
    return send(res, 200, 'text/html; charset=utf-8', REPORT, { 'set-cookie': 'seen=1; path=/' });
  });
  const f = new Fetcher(politeness(), new Scope([s.host]));
  const got = await f.request({ url: `${s.origin}/xxgk/ndbg/t1.html`, purpose: 'page', headers: { Cookie: 'lang=zh' } }, async (res) => ({
    text: await readText(res),
    url: res.url,
    hops: res.hopCookies?.map((c) => c.setCookie) ?? [],
  }));
  assert.ok(got.text.includes('总体情况'));
  // The page's own address, reached again after the check.
  assert.equal(got.url, `${s.origin}/xxgk/ndbg/t1.html`);
  assert.deepEqual(got.hops, ['gate_ok=7f3c; path=/; HttpOnly']);
  assert.equal(s.hits.length, 3);
  // The request's own cookies go along with the one the hop set.
  assert.match(s.hits[2]!.headers.cookie ?? '', /lang=zh/);
  assert.match(s.hits[2]!.headers.cookie ?? '', /gate_ok=7f3c/);
});

test('a redirect back to an address asked with the same cookies is still a loop', { timeout: 30_000 }, async () => {
  // The check sets a cookie the client is sent back without being asked for (another path): nothing changes.
  const s = await startServer((req, res) => {
    if (req.url === '/a.html') return send(res, 302, 'text/html', '', { location: '/b.html', 'set-cookie': 'x=1; path=/other/' });
    return send(res, 302, 'text/html', '', { location: '/a.html' });
  });
  const f = new Fetcher(politeness(), new Scope([s.host]));
  await assert.rejects(
    f.request({ url: `${s.origin}/a.html`, purpose: 'page' }, async () => 'read'),
    (e: unknown) => e instanceof FetchError && e.kind === 'redirect_loop',
  );
  // Each address asked twice: one coming back once may be a cluster's stale node (round 56d), twice is a loop.
  assert.equal(s.hits.length, 4);
});

test('an answer framed by both Transfer-Encoding: chunked and Content-Length is read by its chunks', { timeout: 30_000 }, async () => {
  const s = await startServer((req, res) => {
    const bytes = Buffer.from(REPORT, 'utf8');
    // PHP's length of the page it wrote, then IIS's chunks; the length is even wrong (more than the body) on /b.
    const length = req.url === '/b.php' ? bytes.length + 100 : bytes.length;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(length), 'transfer-encoding': 'chunked' });
    res.write(bytes.subarray(0, 40));
    res.end(bytes.subarray(40));
  });
  for (const path of ['/a.php', '/b.php', '/a.php?page=2']) {
    const res = await httpOnce({ url: `${s.origin}${path}`, method: 'GET', headers: {}, timeoutMs: 4000, insecureTls: false });
    assert.equal(res.status, 200);
    assert.equal(res.contentLength, null, 'a chunked body has no length to check');
    assert.equal((await readBody(res.body, 1 << 20, res.url)).toString('utf8'), REPORT, path);
  }
  // The host's first answer refused by the strict parser, asked once more; its later answers read at once.
  assert.equal(s.hits.length, 4);
});
