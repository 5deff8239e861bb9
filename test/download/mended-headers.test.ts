/**
 * An answer repeating a header line word for word (`Content-Length: 2635` twice, `Content-Disposition` twice: an IIS
 * behind a Squid, round 47d): node's parser refuses any second length, in its lenient mode too; a browser takes the
 * copies as one. The host is asked again over a connection whose header block is mended (mended-headers.ts), and
 * two lengths that differ are still refused.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, test } from 'node:test';
import { mendedHead } from '../../src/download/mended-headers.ts';
import { httpOnce } from '../../src/download/http-once.ts';
import { FetchError } from '../../src/errors.ts';

/** A server answering every request with the given header lines and body, closing the connection (HTTP/1.0). */
async function rawServer(lines: string[], body: string): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      hits += 1;
      socket.end(`HTTP/1.0 200 OK\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  after(() => new Promise<void>((r) => server.close(() => r())));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}/plus/down.asp?id=812`, hits: () => hits };
}

async function fetchText(url: string): Promise<{ status: number; length: string | undefined; disposition: string | undefined; text: string }> {
  const res = await httpOnce({ url, method: 'GET', headers: { 'user-agent': 'test' }, timeoutMs: 5000, insecureTls: true });
  const chunks: Buffer[] = [];
  for await (const c of res.body) chunks.push(c as Buffer);
  return { status: res.status, length: res.headers['content-length'], disposition: res.headers['content-disposition'] as string | undefined, text: Buffer.concat(chunks).toString('latin1') };
}

test('a header block loses the lines repeating an earlier one word for word, and only those', () => {
  const head = ['HTTP/1.0 200 OK', 'Content-Length: 5', 'Content-Type: application/pdf', 'content-length:5', 'Set-Cookie: a=1', 'Set-Cookie: b=2', 'Content-Length: 6'].join('\r\n');
  assert.equal(mendedHead(head), ['HTTP/1.0 200 OK', 'Content-Length: 5', 'Content-Type: application/pdf', 'Set-Cookie: a=1', 'Set-Cookie: b=2', 'Content-Length: 6'].join('\r\n'));
});

test('an answer with its length and disposition sent twice, alike, is read whole, as a browser reads it', async () => {
  const body = '%PDF-1.4 report bytes %%EOF';
  const lines = ['Content-Type: application/octet-stream', `Content-Length: ${body.length}`, `Content-Length: ${body.length}`, 'Content-Disposition: attachment; filename=2024.pdf', 'Content-Disposition: attachment; filename=2024.pdf'];
  const s = await rawServer(lines, body);
  const r = await fetchText(s.url);
  assert.deepEqual(r, { status: 200, length: String(body.length), disposition: 'attachment; filename=2024.pdf', text: body });
  // Asked twice (the refused answer, then over a mended connection); the host's next answers are mended at once.
  assert.equal(s.hits(), 2);
  assert.equal((await fetchText(s.url)).text, body);
  assert.equal(s.hits(), 3);
});

test('two lengths that differ are still refused', async () => {
  const s = await rawServer(['Content-Type: text/html', 'Content-Length: 5', 'Content-Length: 7'], 'hello!!');
  await assert.rejects(fetchText(s.url), (err: unknown) => err instanceof FetchError && /Content-Length/.test(err.message));
});

test('a name with spaces before its colon is read trimmed; a line without a colon continues a folded one or is dropped', () => {
  const head = ['HTTP/1.0 200 OK', 'X-Frame-Options : SAMEORIGIN', 'Content-Disposition: attachment; filename="=?UTF-8?B?5bmz6YGl', '5Y6/MjAyMeW5tOW6pg==?="', 'X-Note: a', '\tb'].join('\r\n');
  assert.equal(mendedHead(head), ['HTTP/1.0 200 OK', 'X-Frame-Options: SAMEORIGIN', 'Content-Disposition: attachment; filename="=?UTF-8?B?5bmz6YGl', 'X-Note: a b'].join('\r\n'));
});

test('answers whose header lines no parser reads (a space before a colon, a Base64 name broken over two lines) are read whole', async () => {
  const body = '%PDF-1.4 report 2021 %%EOF';
  const page = await rawServer(['Content-Type: text/html', 'X-Frame-Options : SAMEORIGIN'], '<html>ok</html>');
  assert.deepEqual(await fetchText(page.url), { status: 200, length: undefined, disposition: undefined, text: '<html>ok</html>' });
  const file = await rawServer(['Content-Type: application/x-download', 'Content-Disposition: attachment; filename="=?UTF-8?B?5bmz6YGl5Y6/5Lq65rCR5pS/5bqcMjAyMeW5tOaUv+W6nOS/oeaBr+WFrOW8gOW3peS9nOW5tOW6puaKpeWRiuS4', 'gC5wZGY=?="'], body);
  const r = await fetchText(file.url);
  assert.equal(r.text, body);
  assert.match(r.disposition ?? '', /^attachment; filename=/);
});

test('an HTTP/1.0 answer sending Transfer-Encoding: identity beside its length is read by its length', async () => {
  const s = await rawServer(['Content-Type: text/html; charset=GBK', 'Transfer-Encoding: identity', 'Content-Length: 15'], '<html>ok</html>');
  const r = await fetchText(s.url);
  assert.equal(r.text, '<html>ok</html>');
});

test('a Content-Length that is no count (-1, a Java proxy copying getContentLength()) is dropped: the body read to the close', async () => {
  assert.equal(mendedHead(['HTTP/1.0 200 OK', 'Content-Type: application/pdf', 'Content-Length: -1'].join('\r\n')), ['HTTP/1.0 200 OK', 'Content-Type: application/pdf'].join('\r\n'));
  const body = '%PDF-1.4 report bytes %%EOF';
  const s = await rawServer(['Content-Type: application/pdf', 'Connection: close', 'Content-Length: -1'], body);
  const r = await fetchText(s.url);
  assert.equal(r.text, body);
  assert.equal(r.length, undefined);
});
