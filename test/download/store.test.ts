import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { FileStore } from '../../src/download/store.ts';
import { FetchError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunks = (b: Buffer, size = 1000) => Readable.from(Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size)));

test('bytes are hashed while streamed and land at files/<aa>/<sha256>.<ext> with the type sniffed from the bytes', async () => {
  const store = new FileStore(tempDir());
  const pdf = readFileSync(path.join(DOCS, 'r002.pdf'));
  const f = await store.put(chunks(pdf), { maxBytes: 10 << 20, url: 'http://h/P0.bin', fileName: 'report.bin' });
  assert.equal(f.sha256, sha(pdf));
  assert.equal(f.mediaType, 'pdf');
  assert.equal(f.storedPath, path.join('files', f.sha256.slice(0, 2), `${f.sha256}.pdf`));
  assert.deepEqual(readFileSync(store.absolute(f.storedPath)), pdf);
  assert.equal(f.created, true);
});

test('magic bytes decide the type, whatever the name says', async () => {
  const store = new FileStore(tempDir());
  const cases: [string, string][] = [
    ['r001.docx', 'docx'],
    ['r002.doc', 'doc'],
    ['r002.tables.xlsx', 'xlsx'],
    ['r002.ofd', 'ofd'],
    ['r002.html', 'html'],
  ];
  for (const [file, type] of cases) {
    const f = await store.put(chunks(readFileSync(path.join(DOCS, file))), { maxBytes: 10 << 20, url: 'http://h/x', fileName: 'x.pdf' });
    assert.equal(f.mediaType, type, file);
  }
});

test('identical bytes from two URLs are stored once', async () => {
  const store = new FileStore(tempDir());
  const b = Buffer.from('%PDF-1.4 same bytes');
  const a1 = await store.put(chunks(b), { maxBytes: 1000, url: 'http://a/1.pdf' });
  const a2 = await store.put(chunks(b), { maxBytes: 1000, url: 'http://b/2.pdf' });
  assert.equal(a1.storedPath, a2.storedPath);
  assert.equal(a2.created, false);
  assert.equal(readdirSync(path.join(store.filesDir, a1.sha256.slice(0, 2))).length, 1);
});

test('a file over the cap is refused and nothing is kept, not even a temp file', async () => {
  const store = new FileStore(tempDir());
  await assert.rejects(
    store.put(chunks(Buffer.alloc(5000, 1)), { maxBytes: 4096, url: 'http://h/big.pdf' }),
    (e: unknown) => e instanceof FetchError && e.kind === 'too_large',
  );
  assert.equal(existsSync(store.filesDir), false);
  assert.deepEqual(readdirSync(store.tmpDir), []);
});

test('fewer bytes than announced is a truncation: nothing is stored', async () => {
  const store = new FileStore(tempDir());
  await assert.rejects(
    store.put(chunks(Buffer.alloc(100, 1)), { maxBytes: 4096, expectedBytes: 200, url: 'http://h/t.pdf' }),
    (e: unknown) => e instanceof FetchError && e.kind === 'truncated',
  );
  assert.equal(existsSync(store.filesDir), false);
});

test('a stream that fails mid-way leaves no partial file', async () => {
  const store = new FileStore(tempDir());
  const failing = new Readable({
    read() {
      this.push(Buffer.alloc(100));
      this.destroy(new Error('socket hang up'));
    },
  });
  await assert.rejects(store.put(failing, { maxBytes: 4096, url: 'http://h/x' }), (e: unknown) => e instanceof FetchError);
  assert.equal(existsSync(store.filesDir), false);
  assert.deepEqual(readdirSync(store.tmpDir), []);
});
