/**
 * Cookie expiry read on the server's clock (cookie-clock.ts): a server nine years behind writes its 30-minute session
 * as long expired on ours; read against its `Date`, it lives 30 minutes, as Chromium keeps it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CookieJar } from 'tough-cookie';
import { onOurClock } from '../../src/download/cookie-clock.ts';
import { SiteCookies } from '../../src/download/site-cookies.ts';

const NOW = Date.now();
/** The server's clock, nine years behind: its `Date`, and its session's Expires 30 minutes on. */
const SERVER = new Date(NOW - 9 * 365 * 86_400_000).toUTCString();
const SERVER_EXPIRES = new Date(NOW - 9 * 365 * 86_400_000 + 30 * 60_000).toUTCString();

test("a cookie's Expires on a server clock years behind lives as long as the server meant", () => {
  const [moved] = onOurClock([`JSESSIONID=A1; Expires=${SERVER_EXPIRES}; Path=/cms`], SERVER, NOW)!;
  assert.equal(moved, `JSESSIONID=A1; Expires=${new Date(NOW + 30 * 60_000).toUTCString()}; Path=/cms`);
  const jar = new CookieJar();
  jar.setCookieSync(moved!, 'http://lishui.test/cms/list.jsp');
  assert.equal(jar.getCookieStringSync('http://lishui.test/cms/download.jsp?id=1'), 'JSESSIONID=A1');
  // Without the correction the jar drops it at once: the session the pager and downloads need is lost.
  const bare = new CookieJar();
  bare.setCookieSync(`JSESSIONID=A1; Expires=${SERVER_EXPIRES}; Path=/cms`, 'http://lishui.test/cms/list.jsp');
  assert.equal(bare.getCookieStringSync('http://lishui.test/cms/x'), '');
});

test('a cookie deleted on the skewed clock stays deleted; Max-Age, no Date and a small skew leave the header as sent', () => {
  const [gone] = onOurClock(['T=; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Path=/'], SERVER, NOW)!;
  assert.ok(Date.parse(gone!.match(/Expires=([^;]+)/)![1]!) < NOW, gone);
  const sent = [`S=1; Max-Age=1800; Expires=${SERVER_EXPIRES}`, 'U=1; Path=/'];
  assert.deepEqual(onOurClock(sent, SERVER, NOW), sent);
  assert.equal(onOurClock(sent, undefined, NOW), sent);
  const close = [`V=1; Expires=${new Date(NOW + 30 * 60_000).toUTCString()}`];
  assert.equal(onOurClock(close, new Date(NOW + 20_000).toUTCString(), NOW), close);
});

test("the fetcher's jars get the corrected cookie: a file asked after the page carries the session", () => {
  const jar = new SiteCookies();
  jar.take('http://lishui.test/cms/list.jsp', onOurClock([`JSESSIONID=A1; Expires=${SERVER_EXPIRES}; Path=/cms`], SERVER));
  assert.equal(jar.headerFor('http://lishui.test/cms/download.jsp?id=655', 'http://lishui.test/cms/content.jsp?id=1'), 'JSESSIONID=A1');
});
