/**
 * Group commit (catalog/group-commit.ts): the writes of the requests that entered a batch reach other readers at its
 * COMMIT, together, after its beforeCommit work (the store's directory fsyncs); a batch ends after maxRequests or
 * maxMs; a transaction inside it is a savepoint; a failed commit loses the batch and is thrown to the next request.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { SinkError } from '../../src/errors.ts';
import { Catalog } from '../../src/catalog/catalog.ts';
import { tempDir } from '../helpers/tmp.ts';

function catalogs(): { writer: Catalog; reader: () => Catalog } {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const writer = Catalog.open(file);
  return { writer, reader: () => Catalog.openReadOnly(file) };
}

const seen = (reader: () => Catalog, url: string): boolean => {
  const c = reader();
  try {
    return !!c.urls.get(url);
  } finally {
    c.close();
  }
};

const record = (c: Catalog, url: string) => c.urls.record({ url, host: 'h', status: 200, outcome: 'ok', reason: null });

test('the writes of a batch reach another reader at its commit, after its beforeCommit work', async () => {
  const { writer, reader } = catalogs();
  const order: string[] = [];
  const batch = writer.groupCommit({
    maxMs: 60_000,
    maxRequests: 1000,
    beforeCommit: {
      async: async () => void order.push(`async: ${seen(reader, 'http://h/1') ? 'committed' : 'pending'}`),
      sync: () => void order.push(`sync: ${seen(reader, 'http://h/1') ? 'committed' : 'pending'}`),
    },
  })!;
  batch.enter();
  assert.equal(batch.batching, true);
  record(writer, 'http://h/1');
  batch.enter();
  record(writer, 'http://h/2');
  assert.ok(writer.urls.get('http://h/2'), 'the writer reads its own batch');
  assert.equal(seen(reader, 'http://h/1'), false);
  await batch.commit();
  assert.deepEqual(order, ['async: pending', 'sync: pending']);
  assert.equal(seen(reader, 'http://h/1'), true);
  assert.equal(seen(reader, 'http://h/2'), true);
  assert.equal(batch.batching, false);
  // Outside a batch a write commits on its own, as before.
  record(writer, 'http://h/3');
  assert.equal(seen(reader, 'http://h/3'), true);
  await batch.close();
  batch.enter(); // closed: begins no batch
  assert.equal(batch.batching, false);
  writer.close();
});

test('a batch commits after maxRequests requests, or maxMs after it began', async () => {
  const { writer, reader } = catalogs();
  const batch = writer.groupCommit({ maxMs: 50, maxRequests: 3 })!;
  for (let i = 1; i <= 3; i++) {
    batch.enter();
    record(writer, `http://h/${i}`);
  }
  await sleep(0); // the third request's entry started the commit
  await sleep(0);
  assert.equal(seen(reader, 'http://h/3'), true);
  batch.enter();
  record(writer, 'http://h/4');
  assert.equal(seen(reader, 'http://h/4'), false);
  await sleep(120);
  assert.equal(seen(reader, 'http://h/4'), true);
  await batch.close();
  writer.close();
});

test('a transaction inside a batch rolls back alone; the batch commits the rest', async () => {
  const { writer, reader } = catalogs();
  const batch = writer.groupCommit({ maxMs: 60_000, maxRequests: 1000 })!;
  batch.enter();
  record(writer, 'http://h/kept');
  assert.throws(() =>
    writer.tx(() => {
      record(writer, 'http://h/undone');
      throw new Error('boom');
    }),
  );
  await batch.commit();
  assert.equal(seen(reader, 'http://h/kept'), true);
  assert.equal(seen(reader, 'http://h/undone'), false);
  writer.close();
});

test('a commit whose beforeCommit fails loses its batch, and the failure reaches the next request', async () => {
  const { writer, reader } = catalogs();
  const fault = Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' });
  const batch = writer.groupCommit({
    maxMs: 60_000,
    maxRequests: 1000,
    beforeCommit: { async: async () => Promise.reject(fault), sync: () => undefined },
  })!;
  batch.enter();
  record(writer, 'http://h/lost');
  // A fault of the storage: the run stops on it (sink-stop.ts), the batch asked again by the next run.
  const isFault = (e: unknown) => e instanceof SinkError && e.code === 'ENOSPC' && (e as SinkError).cause === fault;
  await assert.rejects(batch.commit(), isFault);
  assert.equal(seen(reader, 'http://h/lost'), false);
  assert.equal(writer.db.prepare('SELECT 1').get() !== undefined, true, 'the connection is usable');
  assert.throws(() => batch.enter(), isFault);
  writer.close();
});

test('a commit failing for any other cause stops the run as a storage fault too, never fails request after request', async () => {
  const { writer } = catalogs();
  const odd = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  const batch = writer.groupCommit({ maxMs: 60_000, maxRequests: 1000, beforeCommit: { async: async () => Promise.reject(odd), sync: () => undefined } })!;
  batch.enter();
  record(writer, 'http://h/lost');
  await assert.rejects(batch.commit(), (e) => e instanceof SinkError && e.code === 'SQLITE_BUSY' && /database is locked/.test(e.message));
  writer.close();
});
