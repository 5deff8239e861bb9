/**
 * A file is asked with the cookies a browser would send it (site-cookies.ts): the session its pages opened, a token
 * the pages set with `Domain=` for a file server on another host of the portal; never another site's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { SiteCookies } from '../../src/download/site-cookies.ts';
import { send, startServer } from '../helpers/http-server.ts';

test("a file on another port is asked with the Domain cookie the portal's page set, and the page host's session", async () => {
  const portal = await startServer((_req, res) => {
    res.setHeader('set-cookie', ['FS_TOKEN=ab==; Domain=127.0.0.1; Path=/attach/; HttpOnly', 'JSESSIONID=s1; Path=/']);
    send(res, 200, 'text/html', '<a href="f.pdf">年报</a>');
  });
  const other = await startServer((_req, res) => {
    res.setHeader('set-cookie', ['JSESSIONID=other; Path=/']);
    send(res, 200, 'text/html', 'other site');
  });
  const files = await startServer((req, res) =>
    /FS_TOKEN=ab==/.test(req.headers.cookie ?? '') ? send(res, 200, 'application/pdf', '%PDF-1.4 x') : send(res, 200, 'text/html', '附件下载提示'),
  );
  try {
    const f = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0 }, new Scope([portal.host, other.host, files.host]));
    const page = (url: string) => f.request({ url, purpose: 'page' }, async (res) => readBody(res.body, 1 << 20, url));
    await page(`${portal.origin}/zwgk/list.shtml`);
    await page(`${other.origin}/`);
    const file = (url: string, referer?: string) =>
      f.request({ url, purpose: 'file', ...(referer ? { referer } : {}) }, async (res) => (await readBody(res.body, 1 << 20, url)).toString());
    assert.equal(await file(`${files.origin}/attach/2024/a.pdf`, `${portal.origin}/zwgk/t1.shtml`), '%PDF-1.4 x');
    const sent = files.hits.at(-1)!.headers.cookie ?? '';
    assert.match(sent, /FS_TOKEN=ab==/);
    assert.match(sent, /JSESSIONID=s1/, "the linking page's session goes with it (a browser sends host cookies across ports)");
    assert.doesNotMatch(sent, /other/, "another site's session never goes with a portal's file");
    // Without the linking page (or from another site's page) the token is not sent: the answer is the notice.
    assert.equal(await file(`${files.origin}/attach/2024/b.pdf`), '附件下载提示');
    assert.equal(await file(`${files.origin}/attach/2024/c.pdf`, `${other.origin}/`), '附件下载提示');
    // Path: the token is for /attach/ only.
    assert.equal(await file(`${files.origin}/other/d.pdf`, `${portal.origin}/zwgk/t1.shtml`), '附件下载提示');
  } finally {
    await Promise.all([portal.close(), other.close(), files.close()]);
  }
});

test('cookies follow RFC 6265: a public suffix domain, an expired cookie and another host name are refused', () => {
  const jar = new SiteCookies();
  jar.take('http://www.x.gov.cn/a.html', ['T=1; Domain=.x.gov.cn; Path=/', 'P=1; Domain=gov.cn; Path=/', 'E=1; Path=/; Max-Age=0', 'H=1; Path=/']);
  assert.equal(jar.headerFor('http://file.x.gov.cn/f.pdf', 'http://www.x.gov.cn/a.html'), 'T=1');
  assert.equal(jar.headerFor('http://www.x.gov.cn/f.pdf'), 'T=1; H=1');
  assert.equal(jar.headerFor('http://www.y.gov.cn/f.pdf', 'http://www.x.gov.cn/a.html'), null);
  // The file host's own cookie wins a name clash with the linking host's.
  jar.take('http://file.x.gov.cn/f.pdf', ['T=2; Path=/']);
  assert.equal(jar.headerFor('http://file.x.gov.cn/f.pdf', 'http://www.x.gov.cn/a.html'), 'T=2');
});
