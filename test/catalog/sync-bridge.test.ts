/**
 * The synchronous bridge into a worker thread that holds a PostgreSQL catalog's session (src/catalog/postgres/
 * bridge.ts, sync-serve.mjs), on worker threads of its own (test/fixtures/workers/): each call gets its own answer,
 * also after a call given up on whose answer comes late, and also when the caller is woken before the answer can be
 * read. Before the ids, a CI worker whose one answer was not read in time had every later catalog call read the answer
 * of the call before it ("Cannot read properties of undefined" in every job).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { SyncWorker, WorkerCallError } from '../../src/catalog/postgres/bridge.ts';

const fixture = (name: string) => new URL(`../fixtures/workers/${name}`, import.meta.url);

test('a thousand calls each read their own answer, immediate or delayed', () => {
  const w = new SyncWorker(fixture('echo-worker.mjs'));
  after(() => w.terminate());
  for (let i = 0; i < 1000; i++) {
    const delayMs = i % 100 === 0 ? 5 : 0;
    assert.equal(w.call<number>({ op: 'echo', value: i, delayMs }), i);
  }
});

test('an error answer is thrown with its code, and the next call reads its own answer', () => {
  const w = new SyncWorker(fixture('echo-worker.mjs'));
  after(() => w.terminate());
  assert.throws(() => w.call({ op: 'fail', value: 'no such table' }), (err: unknown) => err instanceof WorkerCallError && err.code === 'E_TEST' && err.message === 'no such table');
  assert.equal(w.call<string>({ op: 'echo', value: 'after' }), 'after');
});

test('a stale wake-up (the notify of the answer before) does not end the next call before its answer', () => {
  const w = new SyncWorker(fixture('echo-worker.mjs'));
  after(() => w.terminate());
  for (let i = 0; i < 3; i++) {
    assert.equal(w.call<string>({ op: 'echo', value: `first ${i}`, staleNotifyMs: 10 }), `first ${i}`);
    assert.equal(w.call<string>({ op: 'echo', value: `second ${i}`, delayMs: 60 }), `second ${i}`);
  }
});

test('a call given up on: its late answer is dropped, never read by the calls after it', () => {
  const w = new SyncWorker(fixture('echo-worker.mjs'));
  after(() => w.terminate());
  assert.throws(() => w.call({ op: 'echo', value: 'slow', delayMs: 300 }, 20), /no answer from the catalog worker thread within 20 ms/);
  // The slow answer arrives while this call waits (the worker answers in order): it must be skipped.
  assert.equal(w.call<string>({ op: 'echo', value: 'next', delayMs: 0 }), 'next');
  for (let i = 0; i < 50; i++) assert.equal(w.call<number>({ op: 'echo', value: i }), i);
});

test('woken before the answer can be read: the caller waits for it instead of failing', () => {
  const w = new SyncWorker(fixture('word-first-worker.mjs'));
  after(() => w.terminate());
  for (let i = 0; i < 5; i++) assert.equal(w.call<number>({ op: 'echo', value: i }), i);
});

test('a worker thread that dies before answering: the call throws, and so does every later one, instead of waiting for ever', { timeout: 30_000 }, () => {
  const w = new SyncWorker(fixture('echo-worker.mjs'));
  after(() => w.terminate());
  assert.equal(w.call<number>({ op: 'echo', value: 1 }), 1);
  // The crash comes 10 ms after the request, never answered: the caller is asleep by then.
  assert.throws(() => w.call({ op: 'crash', value: 0 }), /the catalog worker thread has exited/);
  assert.throws(() => w.call({ op: 'echo', value: 2 }), /the catalog worker thread has exited/);
});
