/**
 * The polite fetcher against a local server: retries with backoff, Retry-After, robots.txt (disallow and
 * Crawl-delay), scope, redirects, the circuit breaker, and per-host spacing and concurrency.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Robots } from '../../src/download/robots.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer, type TestServer } from '../helpers/http-server.ts';

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 20, backoffBaseMs: 50, maxRetries: 2, pageTimeoutMs: 2000, ...over };
}

function fetcherFor(servers: TestServer[], over: Partial<PolitenessConfig> = {}, robots = false): Fetcher {
  const f = new Fetcher(politeness(over), new Scope(servers.map((s) => s.host)));
  if (robots) f.robots = new Robots(f, DEFAULTS.politeness.userAgent);
  return f;
}

async function get(f: Fetcher, url: string): Promise<{ status: number; text: string; url: string; redirects: string[] }> {
  return f.request({ url, purpose: 'page' }, async (res) => ({
    status: res.status,
    text: (await readBody(res.body, 1 << 20, url)).toString('utf8'),
    url: res.url,
    redirects: res.redirects,
  }));
}

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the request to fail');
}

test('a 500 answered once is retried after the backoff and then succeeds', async () => {
  let n = 0;
  const s = await startServer((_req, res) => (n++ === 0 ? send(res, 500, 'text/plain', 'oops') : send(res, 200, 'text/html', 'ok')));
  const r = await get(fetcherFor([s], { backoffBaseMs: 120 }), `${s.origin}/list`);
  assert.equal(r.status, 200);
  assert.equal(s.hits.length, 2);
  assert.ok(s.hits[1]!.start - s.hits[0]!.end >= 110, `backoff ${s.hits[1]!.start - s.hits[0]!.end} ms`);
});

test('Retry-After on 503 is honoured before the retry', async () => {
  let n = 0;
  const s = await startServer((_req, res) =>
    n++ === 0 ? send(res, 503, 'text/plain', 'busy', { 'retry-after': '1' }) : send(res, 200, 'text/html', 'ok'),
  );
  await get(fetcherFor([s]), `${s.origin}/x`);
  assert.equal(s.hits.length, 2);
  assert.ok(s.hits[1]!.start - s.hits[0]!.start >= 950, `waited ${s.hits[1]!.start - s.hits[0]!.start} ms`);
});

test('a 429 with no Retry-After (Sentinel\'s flow limiting) pauses the host a WAF window and slows it for the rest of the run', async () => {
  let n = 0;
  const s = await startServer((_req, res) => (n++ === 0 ? send(res, 429, '', 'Blocked by Sentinel (flow limiting)') : send(res, 200, 'text/html', 'ok')));
  const f = fetcherFor([s]);
  assert.equal((await get(f, `${s.origin}/a.do`)).text, 'ok');
  assert.ok(s.hits[1]!.start - s.hits[0]!.start >= 2900, `asked again after ${s.hits[1]!.start - s.hits[0]!.start} ms, not a WAF window`);
  const gate = f.gates.for(s.host);
  assert.equal(gate.currentDelayMs, 250, 'the spacing raised from 20 ms to 250 ms');
  await get(f, `${s.origin}/b.do`);
  assert.ok(s.hits[2]!.start - s.hits[1]!.end >= 240, `the next page after ${s.hits[2]!.start - s.hits[1]!.end} ms`);
});

test('each 429 doubles the spacing, up to the Crawl-delay cap; a Retry-After alone sets the pause', async () => {
  let n = 0;
  const s = await startServer((_req, res) => (n++ < 2 ? send(res, 429, 'text/plain', 'slow down', { 'retry-after': '0' }) : send(res, 200, 'text/html', 'ok')));
  const f = fetcherFor([s], { maxCrawlDelayMs: 400 });
  await get(f, `${s.origin}/x`);
  assert.equal(f.gates.for(s.host).currentDelayMs, 400, '20 → 250 → 500, capped at 400');
  assert.ok(s.hits[1]!.start - s.hits[0]!.start < 2900, 'a Retry-After of 0 is no WAF window');
});

test('a connection reset is retried', async () => {
  let n = 0;
  const s = await startServer((req, res) => {
    if (n++ === 0) req.socket.destroy();
    else send(res, 200, 'text/html', 'ok');
  });
  assert.equal((await get(fetcherFor([s]), `${s.origin}/x`)).text, 'ok');
  assert.equal(s.hits.length, 2);
});

test('a timeout is retried, and a host that keeps timing out fails with kind timeout', async () => {
  const s = await startServer(async (_req, res) => {
    await new Promise((r) => setTimeout(r, 1500));
    if (!res.destroyed) send(res, 200, 'text/html', 'late');
  });
  // 300 ms, not less: on a loaded CI machine a 100 ms limit could expire before the retry reached the server at all.
  const e = await failure(get(fetcherFor([s], { pageTimeoutMs: 300, maxRetries: 1 }), `${s.origin}/slow`));
  assert.equal(e.kind, 'timeout');
  assert.equal(s.hits.length, 2);
});

test('404 is handed over (the caller records it as gone), not retried', async () => {
  const s = await startServer((_req, res) => send(res, 404, 'text/html', 'nope'));
  assert.equal((await get(fetcherFor([s]), `${s.origin}/gone`)).status, 404);
  assert.equal(s.hits.length, 1);
});

test('the circuit opens after N consecutive failures and the host is not asked again', async () => {
  const s = await startServer((_req, res) => send(res, 500, 'text/plain', 'down'));
  const f = fetcherFor([s], { circuitBreakerThreshold: 3, maxRetries: 1 });
  assert.equal((await failure(get(f, `${s.origin}/a`))).kind, 'server'); // 2 attempts
  assert.equal((await failure(get(f, `${s.origin}/b`))).kind, 'circuit_open'); // 1 attempt, then open
  assert.equal((await failure(get(f, `${s.origin}/c`))).kind, 'circuit_open'); // none
  assert.equal(s.hits.length, 3);
  assert.deepEqual(s.hitsOf('/c'), []);
  assert.equal(f.gates.openCircuits().length, 1);
  assert.match(f.gates.openCircuits()[0]!.reason, /3 consecutive failures/);
});

test('off-scope URLs are refused before any byte is sent; redirects are followed hop by hop and checked', async () => {
  const other = await startServer((_req, res) => send(res, 200, 'text/html', 'clone'));
  const s = await startServer((req, res) => {
    if (req.url === '/a') return send(res, 302, 'text/html', '', { location: '/b' });
    if (req.url === '/b') return send(res, 301, 'text/html', '', { location: `${s.origin}/c` });
    if (req.url === '/away') return send(res, 302, 'text/html', '', { location: `${other.origin}/x` });
    send(res, 200, 'text/html', `at ${req.url}`);
  });
  const f = fetcherFor([s]);
  const r = await get(f, `${s.origin}/a`);
  assert.equal(r.text, 'at /c');
  assert.equal(r.url, `${s.origin}/c`);
  assert.deepEqual(r.redirects, [`${s.origin}/a`, `${s.origin}/b`]);
  assert.equal((await failure(get(f, `${other.origin}/x`))).kind, 'off_scope');
  assert.equal((await failure(get(f, `${s.origin}/away`))).kind, 'off_scope');
  assert.equal(other.hits.length, 0);
});

test("a report's file vouched for on another host is fetched, with its redirects; nothing else there, and no page's redirect away", async () => {
  const files = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow:\n');
    if (req.url === '/f/1.pdf') return send(res, 302, 'text/html', '', { location: `${files.origin}/store/1.pdf` });
    send(res, 200, 'application/pdf', `pdf at ${req.url}`);
  });
  const s = await startServer((req, res) => send(res, 302, 'text/html', '', { location: `${files.origin}/store${req.url}` }));
  const f = fetcherFor([s]);
  const file = (url: string) =>
    f.request({ url, purpose: 'file' }, async (res) => (await readBody(res.body, 1 << 20, url)).toString('utf8'));
  // Not vouched for: refused, as any off-registry URL.
  assert.equal((await failure(file(`${files.origin}/f/1.pdf`))).kind, 'off_scope');
  f.scope.vouch(`${files.origin}/f/1.pdf`);
  assert.equal(await file(`${files.origin}/f/1.pdf`), 'pdf at /store/1.pdf');
  // A file on the registry's host redirecting to the file server: the file's redirect is the file.
  assert.equal(await file(`${s.origin}/2.pdf`), 'pdf at /store/2.pdf');
  // Another URL of the file server, and a page whose redirect leads there, stay refused.
  assert.equal((await failure(get(f, `${files.origin}/other.html`))).kind, 'off_scope');
  assert.equal((await failure(get(f, `${s.origin}/3.html`))).kind, 'off_scope');
  assert.deepEqual(files.hits.map((h) => h.path), ['/f/1.pdf', '/store/1.pdf', '/store/2.pdf']);
});

test('robots.txt: a disallowed path is never requested, and Crawl-delay raises the spacing', async () => {
  const s = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n');
    send(res, 200, 'text/html', 'ok');
  });
  const f = fetcherFor([s], { hostDelayMs: 20 }, true);
  assert.equal((await failure(get(f, `${s.origin}/private/report.html`))).kind, 'robots');
  for (const p of ['/1', '/2', '/3']) await get(f, `${s.origin}${p}`);
  assert.deepEqual(s.hitsOf('/private'), []);
  const pages = s.hits.filter((h) => h.path !== '/robots.txt');
  for (let i = 1; i < pages.length; i++) {
    const gap = pages[i]!.start - pages[i - 1]!.start;
    assert.ok(gap >= 290, `gap ${gap} ms under the 300 ms Crawl-delay`);
  }
});

test("robots.txt: the group naming nianbao applies to the browser-shaped User-Agent (its name after `compatible;`), and the desktop shape is sent", async () => {
  const s = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, 200, 'text/plain', 'User-agent: Mozilla\nDisallow: /\n\nUser-agent: nianbao\nDisallow: /private/\n\nUser-agent: *\nDisallow: /other/\n');
    send(res, 200, 'text/html', 'ok');
  });
  const f = fetcherFor([s], {}, true);
  assert.equal((await failure(get(f, `${s.origin}/private/a.html`))).kind, 'robots');
  assert.equal((await get(f, `${s.origin}/other/b.html`)).text, 'ok', "the * group is not nianbao's, nor Mozilla's");
  const ua = String(s.hits.find((h) => h.path === '/other/b.html')?.headers['user-agent'] ?? '');
  assert.match(ua, /^Mozilla\/5\.0 \(X11; Linux x86_64; compatible; nianbao\/0\.1;/);
});

test('per-host concurrency and spacing hold under many parallel requests; other hosts are not held up', async () => {
  const slow = (ms: number) => async (_req: unknown, res: import('node:http').ServerResponse) => {
    await new Promise((r) => setTimeout(r, ms));
    send(res, 200, 'text/html', 'ok');
  };
  const a = await startServer(slow(30));
  const b = await startServer(slow(30));
  const f = fetcherFor([a, b], { hostDelayMs: 80, hostConcurrency: 1 });
  await Promise.all([...Array(5).keys()].flatMap((i) => [get(f, `${a.origin}/${i}`), get(f, `${b.origin}/${i}`)]));
  for (const s of [a, b]) {
    const hits = [...s.hits].sort((x, y) => x.start - y.start);
    for (let i = 1; i < hits.length; i++) {
      // Server-side times carry connection jitter; 20 ms of tolerance.
      assert.ok(hits[i]!.start >= hits[i - 1]!.end, 'two requests in flight to one host');
      assert.ok(hits[i]!.start - hits[i - 1]!.start >= 80 - 20, `spacing ${hits[i]!.start - hits[i - 1]!.start} ms`);
    }
  }
  // The hosts were served side by side: b started before a finished.
  assert.ok(Math.min(...b.hits.map((h) => h.start)) < Math.max(...a.hits.map((h) => h.end)));
});

test('a page announcing more bytes than the cap is refused before its body is read; one without a length is cut at the cap', async () => {
  const big = 'x'.repeat(64 * 1024);
  const s = await startServer((req, res) => {
    if (req.url === '/announced') return send(res, 200, 'text/html', big);
    // Chunked: no Content-Length, the cap is met while reading.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write(big.slice(0, 40 * 1024));
    res.end(big.slice(40 * 1024));
  });
  const f = fetcherFor([s], { maxRetries: 0 });
  const read = (p: string) => f.request({ url: `${s.origin}${p}`, purpose: 'page' }, (res) => readBody(res.body, 32 * 1024, res.url, res.contentLength));
  const announced = await failure(read('/announced'));
  assert.equal(announced.kind, 'too_large');
  assert.match(announced.message, /announced 65536 bytes, over the 32768-byte cap/);
  const streamed = await failure(read('/chunked'));
  assert.equal(streamed.kind, 'too_large');
  assert.match(streamed.message, /larger than the 32768-byte cap/);
});

test('a POST redirected by 307 or 308 is sent again as a POST with its body; by 302 or 303 it becomes a GET', async () => {
  const s = await startServer((req, res) => {
    const to = /^\/(30[2378])$/.exec(req.url ?? '')?.[1];
    if (to) return send(res, Number(to), 'text/html', '', { location: `/after-${to}` });
    send(res, 200, 'text/html', 'ok');
  });
  const f = fetcherFor([s]);
  for (const code of ['307', '308', '302', '303']) {
    await f.request({ url: `${s.origin}/${code}`, method: 'POST', body: 'pageIndex=2', headers: { 'content-type': 'application/x-www-form-urlencoded' }, purpose: 'page' }, async (res) => res.body.resume());
  }
  assert.deepEqual(s.hits.map((h) => `${h.method} ${h.path} ${h.body}`), [
    'POST /307 pageIndex=2',
    'POST /after-307 pageIndex=2',
    'POST /308 pageIndex=2',
    'POST /after-308 pageIndex=2',
    'POST /302 pageIndex=2',
    'GET /after-302 ',
    'POST /303 pageIndex=2',
    'GET /after-303 ',
  ]);
});

test('a 300 Multiple Choices with no Location is followed to the first same-host choice its page lists', async () => {
  const s = await startServer((req, res) => {
    if (req.url === '/list_2') {
      return send(res, 300, 'text/html; charset=iso-8859-1', '<h1>Multiple Choices</h1>Available documents:<ul><li><a href="/list_2.htm">/list_2.htm</a> (common basename)</li><li><a href="/list_2.html">/list_2.html</a></li></ul>');
    }
    send(res, 200, 'text/html', `page ${req.url}`);
  });
  const r = await get(fetcherFor([s]), `${s.origin}/list_2`);
  assert.deepEqual([r.status, r.text, r.url], [200, 'page /list_2.htm', `${s.origin}/list_2.htm`]);
});

test('a 202 Accepted saying when to come back is asked again after that pause, never read as the document', async () => {
  let n = 0;
  const s = await startServer((_req, res) =>
    n++ === 0 ? send(res, 202, 'text/html', '<p>文件正在生成，请稍候……</p>', { 'retry-after': '1', refresh: '1' }) : send(res, 200, 'application/pdf', '%PDF-1.4 report'),
  );
  const r = await get(fetcherFor([s]), `${s.origin}/public/downfile/8842171`);
  assert.deepEqual([r.status, r.text], [200, '%PDF-1.4 report']);
  assert.equal(s.hits.length, 2);
  assert.ok(s.hits[1]!.start - s.hits[0]!.start >= 950, `waited ${s.hits[1]!.start - s.hits[0]!.start} ms`);
});

test('a 503 with no Retry-After (nginx limit_req) slows the host for the rest of the run', async () => {
  let n = 0;
  const s = await startServer((_req, res) => (n++ === 0 ? send(res, 503, 'text/html', '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>') : send(res, 200, 'text/html', 'ok')));
  const f = fetcherFor([s]);
  assert.equal((await get(f, `${s.origin}/a.shtml`)).text, 'ok');
  assert.equal(f.gates.for(s.host).currentDelayMs, 250, 'the spacing raised from 20 ms to 250 ms');
  await get(f, `${s.origin}/b.shtml`);
  assert.ok(s.hits[2]!.start - s.hits[1]!.end >= 240, `the next page after ${s.hits[2]!.start - s.hits[1]!.end} ms`);
});

test('a registry host sending an address to its old name, which sends it back: the hop is made and the old name joins the site', async () => {
  let home: TestServer | undefined;
  const old = await startServer((req, res) => {
    // The old name answers every address by sending it home, or (`/page`) with a page of its own.
    if (req.url === '/page') return send(res, 200, 'text/html', 'an old page');
    res.writeHead(301, { location: `${home!.origin}${req.url!.endsWith('/') ? req.url : `${req.url}/`}` }).end();
  });
  home = await startServer((req, res) => {
    if (req.url === '/zwgk/nb') return void res.writeHead(301, { location: `${old.origin}/zwgk/nb/` }).end();
    if (req.url === '/other') return void res.writeHead(302, { location: `${old.origin}/page` }).end();
    send(res, 200, 'text/html', `home ${req.url}`);
  });
  const f = fetcherFor([home]);
  assert.equal(f.scope.allows(`${old.origin}/2021/t1.htm`), false);
  const r = await get(f, `${home.origin}/zwgk/nb`);
  assert.equal(r.text, 'home /zwgk/nb/');
  assert.equal(r.url, `${home.origin}/zwgk/nb/`);
  assert.equal(f.scope.allows(`${old.origin}/2021/t1.htm`), true, 'the old name is the site’s now: its links are asked');
  // Another host's page reached by a redirect of another address is no hop: refused as before.
  const g = fetcherFor([home]);
  assert.equal((await failure(get(g, `${home.origin}/other`))).kind, 'off_scope');
});
