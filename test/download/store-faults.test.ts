/**
 * Sink faults of the file store and the downloader: a full disk (ENOSPC injected at the write stream) or a free-space
 * floor is a SinkError, never a truncated download; nothing partial is kept; the host is not retried or blamed.
 * And a stored file is fsynced before it is renamed under its hash, and its directory after.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { Downloader } from '../../src/download/downloader.ts';
import { Fetcher } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { FileStore, type StoreIo } from '../../src/download/store.ts';
import { SinkError, sinkErrorOf } from '../../src/errors.ts';
import { doc } from '../fixtures/portal/docs.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const pdf = doc('r000.pdf');

/** A write stream that takes `room` bytes, then fails as a full disk does. */
function fullDiskAfter(room: number): Pick<StoreIo, 'openWrite'> {
  return {
    openWrite: () => {
      let written = 0;
      return new Writable({
        write(chunk: Buffer, _enc, done) {
          written += chunk.length;
          if (written > room) done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
          else done();
        },
      });
    },
  };
}

function storeContents(store: FileStore): string[] {
  const list = (d: string) => (existsSync(d) ? readdirSync(d, { recursive: true }).map(String) : []);
  return [...list(store.filesDir), ...list(store.tmpDir)];
}

test('sink errors are told apart by code, not message: ENOSPC, EDQUOT, EROFS, EACCES, SQLITE_FULL, SQLITE_IOERR_*', () => {
  for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE']) {
    const e = sinkErrorOf(Object.assign(new Error('whatever the text'), { code }), '/s/catalog.sqlite');
    assert.ok(e instanceof SinkError, code);
    assert.equal(e.exitCode, 5);
    assert.equal(e.code, code);
    assert.match(e.message, /^cannot write \/s\/catalog\.sqlite: /);
    assert.doesNotMatch(e.message, /\n/);
  }
  for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'SQLITE_CONSTRAINT', undefined]) {
    assert.equal(sinkErrorOf(Object.assign(new Error('no space left on device'), { code }), '/x'), null, String(code));
  }
});

test('a disk that fills mid-download is a SinkError naming the file: nothing partial stored, temp file removed', async () => {
  const store = new FileStore(tempDir(), { io: fullDiskAfter(4000) });
  const body = Readable.from([pdf.subarray(0, 3000), pdf.subarray(3000, 6000), pdf.subarray(6000)]);
  const err = await store.put(body, { maxBytes: 10 << 20, url: 'http://h/a.pdf' }).then(
    () => assert.fail('stored on a full disk'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof SinkError, String(err));
  assert.equal(err.code, 'ENOSPC');
  assert.match(err.message, /cannot write .*tmp.*\.part: ENOSPC/);
  assert.deepEqual(storeContents(store), []);
});

test('a file is fsynced before it is renamed under its hash, and its directory after', async () => {
  const calls: string[] = [];
  const store = new FileStore(tempDir(), {
    io: {
      syncFile: async (f) => void calls.push(`syncFile ${f.endsWith('.part') ? 'tmp' : f}`),
      syncDir: async (d) => void calls.push(`syncDir ${d.replace(/.*files/, 'files')}`),
      rename: async (a, b) => {
        calls.push('rename');
        const { rename } = await import('node:fs/promises');
        await rename(a, b);
      },
    },
  });
  const f = await store.put(Readable.from([pdf]), { maxBytes: 10 << 20, url: 'http://h/a.pdf' });
  assert.deepEqual(calls, ['syncFile tmp', 'rename', `syncDir files/${f.sha256.slice(0, 2)}`, 'syncDir files']);
});

test('while the catalog batches its commits, a stored file is fsynced by put and its directory by syncPendingDirs', async () => {
  const calls: string[] = [];
  const store = new FileStore(tempDir(), {
    io: {
      syncFile: async (f) => void calls.push(`syncFile ${f.endsWith('.part') ? 'tmp' : f}`),
      syncDir: async (d) => void calls.push(`syncDir ${d.replace(/.*files/, 'files')}`),
    },
  });
  let batching = true;
  const beforeCommit = store.deferDirSyncs(() => batching);
  const f = await store.put(Readable.from([pdf]), { maxBytes: 10 << 20, url: 'http://h/a.pdf' });
  assert.deepEqual(calls, ['syncFile tmp']);
  await beforeCommit.async();
  beforeCommit.sync();
  assert.deepEqual(calls.sort(), ['syncDir files', `syncDir files/${f.sha256.slice(0, 2)}`, 'syncFile tmp'].sort());
  // No batch open: put() fsyncs the directory itself, as before.
  batching = false;
  calls.length = 0;
  const g = await store.put(Readable.from([Buffer.from('%PDF-1.4 another')]), { maxBytes: 10 << 20, url: 'http://h/b.pdf' });
  // (and the files directory when the file's shard is new)
  assert.deepEqual(calls.slice(0, 2), ['syncFile tmp', `syncDir files/${g.sha256.slice(0, 2)}`]);
});

test('below the free-space floor the store refuses before writing, as a SinkError naming the storage directory', async () => {
  const dir = tempDir();
  const store = new FileStore(dir, { minFreeBytes: 1 << 30, io: { freeBytes: async () => 5 << 20 } });
  await assert.rejects(store.put(Readable.from([pdf]), { maxBytes: 10 << 20, url: 'http://h/a.pdf' }), (e: unknown) => {
    assert.ok(e instanceof SinkError);
    assert.match(e.message, new RegExp(`cannot write ${dir}: ENOSPC \\(5242880 bytes free, below the 1073741824-byte floor`));
    return true;
  });
  assert.deepEqual(storeContents(store), []);
});

test('the downloader stops on a full disk: one request, no retry, no failure counted against the host', async () => {
  const s = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(pdf.length) });
    res.end(pdf);
  });
  const fetcher = new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 5, backoffBaseMs: 5, maxRetries: 3, circuitBreakerThreshold: 1 }, new Scope([s.host]));
  const store = new FileStore(tempDir(), { io: fullDiskAfter(100) });
  const downloader = new Downloader(fetcher, store, 10 << 20);
  await assert.rejects(downloader.download({ url: `${s.origin}/a.pdf` }), SinkError);
  assert.equal(s.hitsOf('/a.pdf').length, 1, 'a full disk is not retried as a truncated transfer');
  assert.deepEqual(fetcher.gates.openCircuits(), [], 'no host is marked failing for our full disk');
  assert.deepEqual(storeContents(store), []);

  // Below the floor, the host is not even asked.
  const floored = new Downloader(fetcher, new FileStore(tempDir(), { minFreeBytes: 1 << 30, io: { freeBytes: async () => 0 } }), 10 << 20);
  await assert.rejects(floored.download({ url: `${s.origin}/b.pdf` }), SinkError);
  assert.equal(s.hitsOf('/b.pdf').length, 0);
});

test('the free-space floor is asked of the filesystem again once half the last headroom is written, and then refuses', async () => {
  let free = 1_000_000 + 3 * pdf.length; // the floor plus room for three of these files
  let asked = 0;
  const store = new FileStore(tempDir(), {
    minFreeBytes: 1_000_000,
    io: {
      freeBytes: async () => {
        asked += 1;
        return free;
      },
    },
  });
  const put = (i: number) => store.put(Readable.from([pdf, Buffer.from(`#${i}`)]), { maxBytes: 10 << 20, url: `http://h/${i}.pdf` });
  await put(1);
  assert.equal(asked, 1);
  // One file written: less than half of the headroom of three, so the last answer still stands.
  await put(2);
  assert.equal(asked, 1);
  // Two written: half the headroom is gone, so the filesystem is asked, and now (another writer filled it) refuses.
  free = 1_000_000 - 1;
  await assert.rejects(put(3), (e: unknown) => e instanceof SinkError && e.code === 'ENOSPC');
  assert.equal(asked, 2);
  // A refusal is never remembered as room: the next file asks again.
  await assert.rejects(put(4), SinkError);
  assert.equal(asked, 3);
});

test('with a large headroom the filesystem is still asked at least every 64 checks', async () => {
  let asked = 0;
  const store = new FileStore(tempDir(), { minFreeBytes: 1, io: { freeBytes: async () => (asked++, 1 << 50) } });
  // Asked on the 1st check, then after 64 answered from it: the 66th, the 131st.
  for (let i = 0; i < 131; i++) await store.assertSpace();
  assert.equal(asked, 3);
});
