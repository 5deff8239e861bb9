/**
 * Round 34d's fixes (docs/blind-portals.md, "Round 34d"), each on hand-made input. Ordinary columns whose servers
 * answer badly: a page answered 200 with an empty body on its first ask (PHP's white screen), a `Content-Length`
 * counted on other bytes than those sent (larger than the body, the connection closed after), and a redirect whose
 * `Location` holds raw non-ASCII bytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULTS, type PolitenessConfig } from '../../src/config.ts';
import { PoliteHttpClient } from '../../src/download/crawlee-http-client.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { httpOnce } from '../../src/download/http-once.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { send, startServer } from '../helpers/http-server.ts';

const LIST = `<!DOCTYPE html><html><head><meta charset="gbk"><title>政府信息公开年报</title></head><body><ul>
<li><a href="show.jsp?id=1">某县人民政府2024年政府信息公开工作年度报告</a></li></ul><a href="index.jsp?pageNo=2">下一页</a></body></html>
`;

function politeness(over: Partial<PolitenessConfig> = {}): PolitenessConfig {
  return { ...DEFAULTS.politeness, hostDelayMs: 10, backoffBaseMs: 20, maxRetries: 2, pageTimeoutMs: 4000, ...over };
}

test('a page shorter than its Content-Length that ends its document is read whole; a cut page or file still fails', { timeout: 30_000 }, async () => {
  const gbk = iconv.encode(LIST, 'gbk');
  const s = await startServer((req, res) => {
    // Counted on the UTF-8 bytes, sent in GBK, then the connection closed (as an older servlet does).
    const short = (type: string, body: Buffer, announced: number) => {
      res.writeHead(200, { 'content-type': type, 'content-length': String(announced) });
      res.write(body);
      setTimeout(() => res.destroy(), 20);
    };
    if (req.url === '/whole.jsp') return short('text/html;charset=GBK', gbk, Buffer.byteLength(LIST, 'utf8'));
    if (req.url === '/untyped.jsp') return short('', gbk, gbk.length + 40);
    if (req.url === '/cut.jsp') return short('text/html;charset=GBK', gbk.subarray(0, 80), gbk.length);
    if (req.url === '/cut.pdf') return short('application/pdf', Buffer.from('%PDF-1.4\n</html>\n'), 4000);
    send(res, 404, 'text/plain', 'no');
  });
  const once = (p: string) => httpOnce({ url: `${s.origin}${p}`, method: 'GET', headers: {}, timeoutMs: 4000, insecureTls: false });
  for (const p of ['/whole.jsp', '/untyped.jsp']) {
    const res = await once(p);
    const bytes = await readBody(res.body, 1 << 20, res.url);
    assert.equal(iconv.decode(bytes, 'gbk'), LIST, p);
  }
  for (const p of ['/cut.jsp', '/cut.pdf']) {
    const res = await once(p);
    await assert.rejects(readBody(res.body, 1 << 20, res.url), (e: unknown) => e instanceof FetchError && e.kind === 'truncated', p);
  }
});

test('a redirect whose Location holds raw UTF-8 or GBK bytes leads where a browser goes', { timeout: 30_000 }, async () => {
  const name = '/uploadfiles/2025/01/某县财政局2024年政府信息公开工作年度报告.docx';
  const gbkName = '/down/年报.doc';
  const s = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/down.jsp?id=1') return send(res, 302, 'text/html', '', { location: Buffer.from(name, 'utf8').toString('latin1') });
    if (url === '/down.asp?id=2') return send(res, 302, 'text/html', '', { location: iconv.encode(gbkName, 'gbk').toString('latin1') });
    if (url === encodeURI(name)) return send(res, 200, 'application/octet-stream', 'DOCX');
    // A GBK server reads its own bytes back, percent-encoded.
    if (url === '/down/%C4%EA%B1%A8.doc') return send(res, 200, 'application/msword', 'DOC');
    send(res, 404, 'text/plain', 'no');
  });
  const f = new Fetcher(politeness(), new Scope([s.host]));
  const get = (p: string) =>
    f.request({ url: `${s.origin}${p}`, purpose: 'file' }, async (res) => ({ status: res.status, url: res.url, text: (await readBody(res.body, 1 << 20, res.url)).toString() }));
  const utf8 = await get('/down.jsp?id=1');
  assert.deepEqual([utf8.status, utf8.text, decodeURI(new URL(utf8.url).pathname)], [200, 'DOCX', name]);
  const gbk = await get('/down.asp?id=2');
  assert.deepEqual([gbk.status, gbk.text], [200, 'DOC']);
});

test('a page answered 200 with an empty body is asked again and read whole; one blank on every ask fails', { timeout: 30_000 }, async () => {
  const asked = new Map<string, number>();
  const s = await startServer((req, res) => {
    const url = req.url ?? '/';
    const n = (asked.get(url) ?? 0) + 1;
    asked.set(url, n);
    if (url === '/list.php?page=2') return send(res, 200, 'text/html; charset=utf-8', n === 1 ? '' : LIST);
    if (url === '/list.php?page=3') return send(res, 200, 'text/html; charset=utf-8', ' \r\n');
    if (url === '/gone.php') return send(res, 404, 'text/html', '');
    send(res, 404, 'text/plain', 'no');
  });
  const client = new PoliteHttpClient(new Fetcher(politeness(), new Scope([s.host])));
  const page2 = await client.sendRequest({ url: `${s.origin}/list.php?page=2` });
  assert.match(String(page2.body), /某县人民政府2024年/);
  assert.equal(asked.get('/list.php?page=2'), 2);
  await assert.rejects(client.sendRequest({ url: `${s.origin}/list.php?page=3` }), (e: unknown) => e instanceof FetchError && /empty body/.test(e.message));
  assert.equal(asked.get('/list.php?page=3'), 3);
  // An empty error answer keeps its meaning (a 404 is handed on as it is).
  const gone = await client.sendRequest({ url: `${s.origin}/gone.php` });
  assert.equal(gone.statusCode, 404);
});

test('an empty answer to a data request (an XHR, a POST: rows past the last page) is an answer, not a blank page', async () => {
  const { isBlankAnswer } = await import('../../src/download/blank-answer.ts');
  const empty = Buffer.from('  \r\n');
  assert.equal(isBlankAnswer(200, 'GET', empty), true, 'a page asked as a document');
  assert.equal(isBlankAnswer(200, 'GET', Buffer.from('\uFEFF')), true);
  assert.equal(isBlankAnswer(200, 'POST', empty), false, "a paginator's POST for rows");
  assert.equal(isBlankAnswer(200, 'GET', empty, { 'x-requested-with': 'XMLHttpRequest' }), false, "a learned list's replay");
  assert.equal(isBlankAnswer(204, 'GET', empty), false);
  assert.equal(isBlankAnswer(200, 'GET', Buffer.from('<html></html>')), false);
});
