/**
 * A registry page that sends a visitor with no session through its sign-on service on another host and back (phpCAS
 * in gateway mode, round 47d): the hop is made, though that host is no registry host, because the redirect names the
 * page as where it comes back; the page is read once back. A sign-on host that shows its own page, and an off-registry
 * redirect naming no way back, give nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { returnsTo } from '../../src/download/sign-on-bounce.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer } from '../helpers/http-server.ts';

test('a redirect names its way back by an address on the host it came from, in any parameter', () => {
  const page = 'http://www.gov.test/zfxxgk/nb/index.php?page=2';
  assert.ok(returnsTo(`https://cas.gov.test/cas/login?service=${encodeURIComponent(page)}&gateway=true`, page));
  assert.ok(returnsTo(`https://sso.gov.test/login?returnUrl=${encodeURIComponent('http://www.gov.test/')}`, page));
  assert.ok(!returnsTo('https://cas.gov.test/cas/login?service=http%3A%2F%2Fother.test%2F', page));
  assert.ok(!returnsTo('https://ads.test/click?id=5', page));
});

async function portalBehindSignOn(signOn: 'bounce' | 'form') {
  const cas = await startServer((req, res) => {
    const service = new URL(req.url ?? '/', 'http://x').searchParams.get('service') ?? '';
    if (signOn === 'bounce') send(res, 302, 'text/html', '', { location: `${service}${service.includes('?') ? '&' : '?'}ticket=` });
    else send(res, 200, 'text/html', '<form action="/cas/login"><input name="username"></form>');
  });
  const site = await startServer((req, res) => {
    if (/MSZWSESSID=s1/.test(req.headers.cookie ?? '')) return send(res, 200, 'text/html', '<html><body>年报列表</body></html>');
    const back = `http://${req.headers.host}${(req.url ?? '/').replace(/[?&]ticket=$/, '')}`;
    send(res, 302, 'text/html', '', { location: `${cas.origin}/cas/login?service=${encodeURIComponent(back)}&gateway=true`, 'set-cookie': 'MSZWSESSID=s1; path=/' });
  });
  return { cas, site };
}

const fetcherOf = (host: string) => new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0, backoffBaseMs: 20, maxRetries: 1 }, new Scope([host]));

test("a page behind its sign-on service's bounce is read, the service's host asked for nothing but the hop", async () => {
  const { cas, site } = await portalBehindSignOn('bounce');
  const f = fetcherOf(site.host);
  const page = await f.request({ url: `${site.origin}/zfxxgk/nb/index.php`, purpose: 'page' }, async (res) => ({ status: res.status, text: (await readBody(res.body, 1 << 20, res.url)).toString('utf8'), redirects: res.redirects }));
  assert.equal(page.status, 200);
  assert.match(page.text, /年报列表/);
  assert.equal(page.redirects.length, 2);
  assert.equal(cas.hits.length, 1);
});

test('a sign-on service showing its own page gives nothing, and a redirect off the registry naming no way back is refused', async () => {
  const { site } = await portalBehindSignOn('form');
  const f = fetcherOf(site.host);
  await assert.rejects(
    f.request({ url: `${site.origin}/zfxxgk/nb/index.php`, purpose: 'page' }, async () => 'read'),
    (err: unknown) => err instanceof FetchError && err.kind === 'off_scope' && /sign-on service/.test(err.message),
  );
  const elsewhere = await startServer((_req, res) => send(res, 200, 'text/html', 'elsewhere'));
  const away = await startServer((_req, res) => send(res, 302, 'text/html', '', { location: `${elsewhere.origin}/x` }));
  await assert.rejects(
    fetcherOf(away.host).request({ url: `${away.origin}/a`, purpose: 'page' }, async () => 'read'),
    (err: unknown) => err instanceof FetchError && err.kind === 'off_scope',
  );
  assert.equal(elsewhere.hits.length, 0);
});
