// The per-host cookies a browser earned on a challenge, and the fetcher carrying them (and the browser's
// User-Agent) on every later request to that host only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { HostCookies, mergeCookieHeader, type HostCookie } from '../../src/download/host-cookies.ts';
import { Scope } from '../../src/download/scope.ts';
import { send, startServer } from '../helpers/http-server.ts';

const cookie = (over: Partial<HostCookie>): HostCookie => ({ name: 'a', value: '1', domain: 'x.gov.cn', path: '/', expires: -1, secure: false, ...over });

test('cookies apply by domain, path, expiry and scheme; other hosts get none', () => {
  const now = 1_700_000_000_000;
  const jar = new HostCookies(() => now);
  jar.set(
    'x.gov.cn',
    [
      cookie({ name: '__jsluid_s', value: 'abc' }),
      cookie({ name: 'clearance', value: 'n|1', domain: '.x.gov.cn' }),
      cookie({ name: 'col', value: 'c', path: '/xxgk' }),
      cookie({ name: 'old', value: 'o', expires: now / 1000 - 1 }),
      cookie({ name: 'sec', value: 's', secure: true }),
      cookie({ name: 'other', value: 'z', domain: 'y.gov.cn' }),
    ],
    'Mozilla/5.0 Chrome',
  );
  assert.equal(jar.headerFor('http://x.gov.cn/xxgk/ndbg/index.html'), '__jsluid_s=abc; clearance=n|1; col=c');
  assert.equal(jar.headerFor('http://x.gov.cn/xxgkother/'), '__jsluid_s=abc; clearance=n|1');
  assert.equal(jar.headerFor('https://x.gov.cn/'), '__jsluid_s=abc; clearance=n|1; sec=s');
  assert.equal(jar.headerFor('http://y.gov.cn/'), null);
  assert.equal(jar.userAgentFor('x.gov.cn'), 'Mozilla/5.0 Chrome');
  assert.equal(jar.userAgentFor('y.gov.cn'), null);
  // The server refreshes one and expires another.
  jar.update('http://x.gov.cn/a', ['__jsluid_s=def; Path=/; HttpOnly', 'clearance=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
  assert.equal(jar.headerFor('http://x.gov.cn/'), '__jsluid_s=def');
});

test('the kept cookies win over a crawler session’s stale ones of the same name', () => {
  assert.equal(mergeCookieHeader('__jsluid_s=stale; sid=7', '__jsluid_s=good; c=1'), '__jsluid_s=good; c=1; sid=7');
  assert.equal(mergeCookieHeader(undefined, 'c=1'), 'c=1');
  assert.equal(mergeCookieHeader('sid=7', null), 'sid=7');
});

test('the fetcher sends a challenge host its cookies and the browser’s User-Agent, pages and files alike; robots.txt and other hosts keep its own', async () => {
  const challenged = await startServer((_req, res) => send(res, 200, 'text/plain', 'ok'));
  const plain = await startServer((_req, res) => send(res, 200, 'text/plain', 'ok'));
  const fetcher = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0 }, new Scope([challenged.host, plain.host]));
  fetcher.cookies = new HostCookies();
  fetcher.cookies.set(challenged.host, [cookie({ name: 'clearance', value: 'n|1', domain: '127.0.0.1' })], 'Mozilla/5.0 HeadlessChrome');
  const get = (url: string, purpose: 'page' | 'file' | 'robots') => fetcher.request({ url, purpose }, (res) => readBody(res.body, 1 << 16, url));
  await get(`${challenged.origin}/list.html`, 'page');
  await get(`${challenged.origin}/a.pdf`, 'file');
  await get(`${challenged.origin}/robots.txt`, 'robots');
  await get(`${plain.origin}/list.html`, 'page');
  const [page, file, robots] = challenged.hits;
  for (const hit of [page!, file!]) {
    assert.equal(hit.headers.cookie, 'clearance=n|1', hit.path);
    assert.equal(hit.headers['user-agent'], 'Mozilla/5.0 HeadlessChrome', hit.path);
  }
  assert.equal(robots!.headers.cookie, undefined);
  assert.equal(robots!.headers['user-agent'], DEFAULTS.politeness.userAgent);
  assert.equal(plain.hits[0]!.headers.cookie, undefined);
  assert.equal(plain.hits[0]!.headers['user-agent'], DEFAULTS.politeness.userAgent);
});

test('a browser’s own Cookie header wins over the kept cookies of the same name (its challenge cookie renewed)', async () => {
  const s = await startServer((_req, res) => send(res, 200, 'text/plain', 'ok'));
  const fetcher = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0 }, new Scope([s.host]));
  fetcher.cookies = new HostCookies();
  fetcher.cookies.set(s.host, [cookie({ name: 'HBwafT', value: 'stale', domain: '127.0.0.1' }), cookie({ name: 'kept', value: 'k', domain: '127.0.0.1' })], 'Mozilla/5.0 HeadlessChrome');
  const ask = (browser: boolean) => fetcher.request({ url: `${s.origin}/a.shtml`, purpose: 'page', headers: { cookie: 'HBwafT=fresh' }, browser }, (res) => readBody(res.body, 1 << 16, s.origin));
  await ask(true);
  await ask(false);
  assert.equal(s.hits[0]!.headers.cookie, 'HBwafT=fresh; kept=k', 'the browser’s renewed cookie');
  assert.equal(s.hits[1]!.headers.cookie, 'HBwafT=stale; kept=k', 'a crawler session’s cookie yields to the kept one');
});
