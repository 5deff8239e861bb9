/**
 * Round 37c's fixes (docs/blind-portals.md, "Round 37c"), each on hand-made input of other shapes than the round's
 * portals: servers that name a file in RFC 2047 encoded words or a form-escaped name, a rate limit that answers by
 * a redirect to its notice, and file links redirected to a sign-in page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { fileNameFromContentDisposition } from '../../src/download/content-disposition.ts';
import { Downloader } from '../../src/download/downloader.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { FileStore } from '../../src/download/store.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 10, backoffBaseMs: 20, maxRetries: 2, pageTimeoutMs: 4000, maxCrawlDelayMs: 20, ...over };
}

test('a file named in RFC 2047 encoded words (B and Q, UTF-8 and GB2312, one or several words) reads as its name', () => {
  const name = '某县财政局2023年度政府信息公开工作报告（附表）.docx';
  const b64 = (s: string, cs = 'UTF-8') => `=?${cs}?B?${Buffer.from(s).toString('base64')}?=`;
  // One word, unquoted.
  assert.equal(fileNameFromContentDisposition(`attachment; filename=${b64(name)}`), name);
  // Three words split mid-name, folded by a blank and a tab, inside quotes (a base64 text holding "/" included).
  const parts = ['某县财政局2023年度', '政府信息公开工作报告', '（附表）.docx'];
  assert.equal(fileNameFromContentDisposition(`inline; filename="${parts.map((p) => b64(p)).join(' \t')}"`), name);
  // Q coding of GB2312 bytes (=XX escapes, _ for a blank).
  const gbQ = '=?gb2312?Q?=C4=EA=B1=A8_2022.pdf?=';
  assert.equal(fileNameFromContentDisposition(`attachment;filename="${gbQ}"`), '年报 2022.pdf');
  // An unknown charset is left as it came, not guessed.
  assert.equal(fileNameFromContentDisposition('attachment; filename="=?x-unknown?B?YWJj?="'), '=?x-unknown?B?YWJj?=');
});

test('a file name escaped as a form value (URLEncoder: + for a blank) reads with its blanks', () => {
  // GBK escapes of "工作 年报.wps" with the blank written +, as java.net.URLEncoder.encode(name, "GBK") writes it.
  assert.equal(fileNameFromContentDisposition('attachment;filename=%B9%A4%D7%F7+%C4%EA%B1%A8.wps'), '工作 年报.wps');
  assert.equal(fileNameFromContentDisposition(`attachment; filename="${encodeURIComponent('C++ 年报.pdf')}"`), 'C++ 年报.pdf');
});

test('a rate limit answered by a redirect to its notice asks the address again, not the notice', { timeout: 30_000 }, async () => {
  const asked = new Map<string, number>();
  const notice = '<html><body><p>请求太频繁了，请稍后再访问</p><a href="/">首页</a></body></html>';
  const s = await startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const n = (asked.get(path) ?? 0) + 1;
    asked.set(path, n);
    // The first ask of the page is refused by a 301 to the notice (its address carrying where the client came from).
    if (path === '/info/1024.htm') return n === 1 ? send(res, 301, 'text/html', '', { location: '/block/notice.htm?src=info' }) : send(res, 200, 'text/html; charset=utf-8', '<html><body><h1>某局2024年政府信息公开工作年度报告</h1></body></html>');
    if (path === '/block/notice.htm') return send(res, 200, 'text/html; charset=utf-8', notice);
    // Refused on every ask: a failure in the end, after as many asks of the page as its retries allow.
    if (path === '/info/2048.htm') return send(res, 302, 'text/html', '', { location: `http://${s.host}/block/notice.htm` });
    send(res, 404, 'text/plain', 'no');
  });
  const f = new Fetcher(politeness(), new Scope([s.host]));
  const get = (p: string) => f.request({ url: `${s.origin}${p}`, purpose: 'page' }, async (res) => ({ url: res.url, text: (await readBody(res.body, 1 << 20, res.url)).toString() }));
  const got = await get('/info/1024.htm');
  assert.match(got.text, /年度报告/);
  assert.equal(got.url, `${s.origin}/info/1024.htm`);
  assert.equal(asked.get('/info/1024.htm'), 2);
  await assert.rejects(get('/info/2048.htm'), (e: unknown) => e instanceof FetchError && e.status === 429);
  assert.equal(asked.get('/info/2048.htm'), 3);
  await s.close();
});

test('a file link redirected to a sign-in page is refused (never stored, whatever the link names), not failed', { timeout: 30_000 }, async () => {
  const login = '<html><head><title>用户登录</title></head><body><form method="post" action="/portal/userLogin.do"><input name="loginName"><input type="password" name="pwd"><button>登录</button></form></body></html>';
  const s = await startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/DownloadServlet') return send(res, 302, 'text/html', '', { location: `/portal/userLogin.do?redirect=${encodeURIComponent(req.url ?? '')}` });
    if (path === '/portal/userLogin.do' || path === '/index.php') return send(res, 200, 'text/html;charset=GBK', login);
    // A CMS routing by its query: the member login of a PHP CMS.
    if (path === '/uploadfile/down.php') return send(res, 302, 'text/html', '', { location: '/index.php?m=member&c=index&a=login&forward=down' });
    // A file's redirect to the store holding it is the file.
    if (path === '/fileget') return send(res, 302, 'text/html', '', { location: '/store/2024/0121/abc.pdf' });
    if (path === '/store/2024/0121/abc.pdf') return send(res, 200, 'application/pdf', '%PDF-1.4\n%%EOF\n');
    send(res, 404, 'text/plain', 'no');
  });
  const store = new FileStore(tempDir());
  const d = new Downloader(new Fetcher(politeness(), new Scope([s.host])), store, 1 << 20);
  for (const document of [true, false]) {
    const r = await d.download({ url: `${s.origin}/DownloadServlet?fileId=88&type=1`, document, fileName: document ? '某区2023年政府信息公开工作年度报告.pdf' : '下载' });
    assert.equal(r.kind, 'failed', `document ${document}`);
    assert.equal(r.kind === 'failed' && r.error.kind, 'sign_in');
    assert.equal(r.kind === 'failed' && r.error.retryable, false);
  }
  const php = await d.download({ url: `${s.origin}/uploadfile/down.php?a_k=9f3c`, document: false });
  assert.equal(php.kind === 'failed' && php.error.kind, 'sign_in');
  const file = await d.download({ url: `${s.origin}/fileget?id=5`, document: true });
  assert.equal(file.kind, 'stored');
  await s.close();
});
