/** `Content-Encoding: gzip` read as browsers read it: bytes after the gzip stream are ignored (round 43d). */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { decodersFor } from '../../src/download/content-codings.ts';
import { createLenientGunzip, gzipHeaderLength } from '../../src/download/gunzip-lenient.ts';

const page = Buffer.from(`<html><body>${'<li><a href="/nb/1.html">某县2024年政府信息公开工作年度报告</a></li>'.repeat(400)}</body></html>`);

/** The bytes through the decoder, written in chunks of `size`. */
async function through(bytes: Buffer, size = bytes.length): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return buffer(Readable.from(chunks).pipe(createLenientGunzip()));
}

test('bytes after the gzip stream (a CRLF, a PHP notice) are ignored, whole or in chunks', async () => {
  const gz = zlib.gzipSync(page);
  for (const tail of ['\r\n', '\n<!-- 0.0123s -->\n', '\0\0\0\0']) {
    const sent = Buffer.concat([gz, Buffer.from(tail)]);
    // Node's own gunzip fails on text after the stream (zero bytes it takes for padding).
    if (/[^\0\s]/.test(tail)) assert.throws(() => zlib.gunzipSync(sent), /incorrect header check|unknown compression method|invalid/);
    assert.deepEqual(await through(sent), page, JSON.stringify(tail));
    assert.deepEqual(await through(sent, 97), page, `${JSON.stringify(tail)} in chunks`);
  }
});

test('a plain gzip body, two concatenated members and a gzip header with a file name read as before', async () => {
  assert.deepEqual(await through(zlib.gzipSync(page)), page);
  const two = Buffer.concat([zlib.gzipSync(page.subarray(0, 100)), zlib.gzipSync(page.subarray(100))]);
  assert.deepEqual(await through(two, 64), page);
  // FNAME set: "list.html\0" after the ten fixed bytes.
  const named = zlib.gzipSync(page);
  const withName = Buffer.concat([named.subarray(0, 3), Buffer.from([named[3]! | 8]), named.subarray(4, 10), Buffer.from('list.html\0'), named.subarray(10)]);
  assert.equal(gzipHeaderLength(withName), 20);
  assert.deepEqual(await through(Buffer.concat([withName, Buffer.from('\r\n')])), page);
});

test('a body that is no gzip at all still fails, and the header names the lenient decoder', async () => {
  await assert.rejects(through(Buffer.from('<html>not compressed</html>')), /incorrect header check|Z_DATA_ERROR/);
  const [decoder] = decodersFor('gzip')!;
  const out = await buffer(Readable.from([Buffer.concat([zlib.gzipSync(page), Buffer.from('\r\n')])]).pipe(decoder!));
  assert.deepEqual(out, page);
});
