/**
 * The spool of documents answered to page requests (download/document-spool.ts): only a document's answer is
 * spooled (a page's body is given back whole), capped at the file size limit, taken once, the oldest dropped past
 * its bound, nothing left on disk at the end.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { DocumentSpool, startsLikeDocument } from '../../src/download/document-spool.ts';
import { readBody } from '../../src/download/fetcher.ts';
import { FetchError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

const answer = (body: Buffer, type: string | undefined, chunk = 300) => ({
  url: 'http://gov.test/content/1',
  status: 200,
  headers: type ? { 'content-type': type } : {},
  contentLength: body.length,
  // Several small chunks: the signature check must not lose or reorder any of them.
  body: Readable.from(Array.from({ length: Math.ceil(body.length / chunk) }, (_, i) => body.subarray(i * chunk, (i + 1) * chunk)), { objectMode: false }),
});
const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n, 0x30)]);

test('signatures: PDF (after a short preamble too), ZIP/OLE containers and scans; not a page', () => {
  assert.ok(startsLikeDocument(Buffer.from('%PDF-1.4')));
  assert.ok(startsLikeDocument(Buffer.concat([Buffer.alloc(200, 0x20), Buffer.from('%PDF-1.4')])));
  assert.ok(startsLikeDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14])));
  assert.ok(startsLikeDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
  assert.ok(startsLikeDocument(Buffer.from([0xff, 0xd8, 0xff, 0xe0])));
  assert.ok(!startsLikeDocument(Buffer.from('<!DOCTYPE html><html>')));
  assert.ok(!startsLikeDocument(Buffer.from('{"total":3,"rows":[]}')));
});

test('a page answered under a non-markup type is given back whole; markup types are not peeked', async () => {
  const spool = new DocumentSpool(path.join(tempDir(), 'spool'), 1 << 20, 1000);
  const json = Buffer.from(JSON.stringify({ rows: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `第${i}条` })) }));
  const d = await spool.divert('http://gov.test/api', answer(json, 'application/octet-stream'));
  assert.ok('body' in d);
  assert.deepEqual(await readBody(d.body, 1 << 20, 'x'), json);
  const html = answer(Buffer.from('%PDF- in a page that quotes it'), 'text/html');
  const h = await spool.divert('http://gov.test/p', html);
  assert.ok('body' in h && h.body === html.body);
});

test('a document is spooled whole, taken once, dropped when too many wait, and the folder removed at the end', async () => {
  const dir = path.join(tempDir(), 'spool');
  const spool = new DocumentSpool(dir, 1 << 20, 1000);
  const doc = pdf(100_000);
  const d = await spool.divert('http://gov.test/content/1', answer(doc, 'application/octet-stream'));
  assert.ok('spooled' in d);
  assert.equal(d.spooled.size, doc.length);
  assert.deepEqual(d.spooled.head, doc.subarray(0, 64 * 1024));
  const taken = spool.take('http://gov.test/content/1');
  assert.ok(taken);
  assert.deepEqual(await readBody(taken.body(), 1 << 20, 'x'), doc);
  await taken.release();
  assert.equal(spool.take('http://gov.test/content/1'), undefined);
  // Past 64 waiting, the oldest goes (its file with it).
  for (let i = 0; i < 70; i++) await spool.divert(`http://gov.test/content/${i}`, { ...answer(pdf(10), 'application/pdf'), url: `http://gov.test/content/${i}` });
  assert.equal(spool.take('http://gov.test/content/0'), undefined);
  assert.ok(spool.take('http://gov.test/content/69'));
  await new Promise((r) => setTimeout(r, 50)); // drops remove their files without waiting
  assert.equal(readdirSync(dir).length, 64);
  await spool.close();
  assert.equal(existsSync(dir), false);
});

test('a document over the file cap is refused as too large, keeping nothing', async () => {
  const dir = path.join(tempDir(), 'spool');
  const spool = new DocumentSpool(dir, 50_000, 1000);
  const big = { ...answer(pdf(80_000), 'application/pdf'), contentLength: null };
  await assert.rejects(spool.divert('http://gov.test/big', big), (e: unknown) => e instanceof FetchError && e.kind === 'too_large');
  assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
});
