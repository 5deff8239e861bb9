/**
 * The downloader against a local server: a truncated transfer is retried and never stored, oversized files are
 * refused, 404 is gone, and the file name comes from Content-Disposition (RFC 5987 or raw GBK bytes).
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { DEFAULTS } from '../../src/config.ts';
import { Downloader } from '../../src/download/downloader.ts';
import { Fetcher } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { FileStore } from '../../src/download/store.ts';
import { doc } from '../fixtures/portal/docs.ts';
import { send, startServer, type TestServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function setup(s: TestServer, maxFileBytes = 10 * 1024 * 1024) {
  const fetcher = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 10, backoffBaseMs: 30, maxRetries: 2 }, new Scope([s.host]));
  const store = new FileStore(tempDir());
  return { store, downloader: new Downloader(fetcher, store, maxFileBytes) };
}

async function storedFiles(store: FileStore): Promise<string[]> {
  const out: string[] = [];
  for (const dir of await readdir(store.filesDir).catch(() => [] as string[])) {
    for (const f of await readdir(`${store.filesDir}/${dir}`)) out.push(f);
  }
  return out;
}

const pdf = doc('r000.pdf');

test('a truncated download (fewer bytes than Content-Length) is retried and stored whole', async () => {
  let n = 0;
  const s = await startServer((_req, res) => {
    if (n++ === 0) {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length) });
      res.write(pdf.subarray(0, 1000));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    send(res, 200, 'application/pdf', pdf);
  });
  const { store, downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/P020240115.pdf` });
  assert.equal(r.kind, 'stored');
  assert.equal(r.kind === 'stored' && r.file.size, pdf.length);
  assert.equal(s.hits.length, 2);
  assert.equal((await storedFiles(store)).length, 1);
  assert.deepEqual(await readdir(store.tmpDir), []);
});

test('a download that stays truncated fails as truncated and stores nothing', async () => {
  const s = await startServer((_req, res) => {
    // A clean end (the connection closed in order, no reset) short of the announced length. Without `close` the
    // socket would stay open, and the test would wait out the fetcher's stall timeout on every try.
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length), connection: 'close' });
    res.end(pdf.subarray(0, 2000));
  });
  const { store, downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/short.pdf` });
  assert.equal(r.kind, 'failed');
  assert.equal(r.kind === 'failed' && r.error.kind, 'truncated');
  assert.equal(s.hits.length, 3); // first try and two retries
  assert.deepEqual(await storedFiles(store), []);
});

test('an oversized file is refused, announced or streamed, and nothing is kept', async () => {
  const big = Buffer.alloc(64 * 1024, 0x41);
  const s = await startServer((req, res) => {
    if (req.url === '/announced.pdf') return send(res, 200, 'application/pdf', big);
    res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked, no length
    res.end(big);
  });
  const { store, downloader } = setup(s, 16 * 1024);
  for (const p of ['/announced.pdf', '/chunked.pdf']) {
    const r = await downloader.download({ url: `${s.origin}${p}` });
    assert.equal(r.kind === 'failed' && r.error.kind, 'too_large', p);
  }
  assert.equal(s.hits.length, 2, 'too large is final, not retried');
  assert.deepEqual(await storedFiles(store), []);
  assert.deepEqual(await readdir(store.tmpDir).catch(() => []), []);
});

test('404 is gone', async () => {
  const s = await startServer((_req, res) => send(res, 404, 'text/html', 'not here'));
  const { downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/x.pdf` });
  assert.deepEqual(r.kind === 'gone' && r.status, 404);
});

test('Hanweb downfile.jsp: the real name only in Content-Disposition, RFC 5987 or raw GBK bytes', async () => {
  const name = '宜春市国防动员办公室2023年政府信息公开工作年度报告.pdf';
  const s = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const cd =
      u.searchParams.get('style') === 'rfc5987'
        ? `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`
        : // Old Java servers write the GBK bytes raw; Node sends a latin1 string byte for byte.
          `attachment; filename="${iconv.encode(name, 'gbk').toString('latin1')}"`;
    send(res, 200, 'application/octet-stream', pdf, { 'content-disposition': cd });
  });
  const { downloader } = setup(s);
  for (const style of ['rfc5987', 'gbk']) {
    const r = await downloader.download({ url: `${s.origin}/module/download/downfile.jsp?classid=0&filename=8f2c.pdf&style=${style}` });
    assert.equal(r.kind, 'stored');
    assert.equal(r.kind === 'stored' && r.serverFileName, name, `${style}: ${JSON.stringify(s.hits.at(-1)?.path)}`);
    assert.equal(r.kind === 'stored' && r.file.mediaType, 'pdf');
  }
});

test('an empty answer (200, Content-Length: 0, an edge cache refreshing) is asked again; one that stays empty fails, storing nothing', async () => {
  let n = 0;
  const s = await startServer((req, res) => {
    if (req.url === '/always-empty.pdf' || n++ === 0) return send(res, 200, 'application/pdf', Buffer.alloc(0));
    send(res, 200, 'application/pdf', pdf);
  });
  const { store, downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/P020210128.pdf`, document: true });
  assert.equal(r.kind === 'stored' && r.file.size, pdf.length);
  const empty = await downloader.download({ url: `${s.origin}/always-empty.pdf`, document: true });
  assert.equal(empty.kind, 'failed');
  assert.match(empty.kind === 'failed' ? empty.error.message : '', /no bytes/);
  assert.equal((await storedFiles(store)).length, 1);
  assert.deepEqual(await readdir(store.tmpDir), []);
});

test('a file refused with 412 and a fresh cookie (a shield renewing its cookie) is asked again with it (round 102d)', async () => {
  const s = await startServer((req, res) => {
    if (!/(?:^|;\s*)shield=fresh/.test(req.headers.cookie ?? '')) {
      res.writeHead(412, { 'content-type': 'text/html', 'set-cookie': 'shield=fresh; Path=/' });
      res.end('<html><script src="/challenge.js"></script></html>');
      return;
    }
    send(res, 200, 'application/pdf', pdf);
  });
  const { downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/P020240130.pdf` });
  assert.equal(r.kind, 'stored');
  assert.equal(s.hits.length, 2);
});

test('a 412 setting again the cookie that was sent (a challenge needing its script) fails, asked once', async () => {
  const s = await startServer((req, res) => {
    res.writeHead(412, { 'content-type': 'text/html', 'set-cookie': 'shield=same; Path=/' });
    res.end('<html><script src="/challenge.js"></script></html>');
  });
  const { downloader } = setup(s);
  const r = await downloader.download({ url: `${s.origin}/P020240131.pdf` });
  assert.equal(r.kind, 'failed');
  assert.equal(r.kind === 'failed' && r.status, 412);
  // The first answer set the cookie the second request sent, and the second set it again: no third request.
  assert.equal(s.hits.length, 2);
});
