import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { ExtractionPool } from '../../src/extract/pool.ts';
import { sample } from './helpers.ts';

test('the pool extracts in workers; a hung, crashed or exiting worker fails only its document and is replaced', async () => {
  const pool = new ExtractionPool({ concurrency: 2, timeoutMs: 4000, workerUrl: new URL('./fixtures/bad-worker.mjs', import.meta.url) });
  try {
    const [good, hang, crash, exit, after] = await Promise.all([
      pool.extract({ path: sample('s002.docx'), mediaType: 'docx' }),
      pool.extract({ path: '/tmp/hang.pdf', mediaType: 'pdf' }),
      pool.extract({ path: '/tmp/crash.pdf', mediaType: 'pdf' }),
      pool.extract({ path: '/tmp/exit.pdf', mediaType: 'pdf' }),
      pool.extract({ path: sample('s004.html'), mediaType: 'html' }),
    ]);
    assert.equal(good!.status, 'extracted', good!.reason);
    assert.deepEqual([hang!.status, hang!.reason], ['failed', 'timeout after 4000 ms']);
    assert.match(crash!.reason!, /worker crashed: boom/);
    assert.match(exit!.reason!, /exited with code 3/);
    assert.equal(after!.status, 'extracted', after!.reason);
    assert.equal(after!.template, '2019');
  } finally {
    await pool.close();
  }
});

test('the real worker entry runs extractDocument', async () => {
  const pool = new ExtractionPool({ concurrency: 1 });
  try {
    const r = await pool.extract({ path: sample('synth.tables.xlsx'), mediaType: 'xlsx' });
    assert.equal(r.status, 'extracted');
  } finally {
    await pool.close();
  }
});

test('a document sent behind one that hangs or crashes its worker goes to another worker and is extracted', async () => {
  const pool = new ExtractionPool({ concurrency: 1, timeoutMs: 3000, workerUrl: new URL('./fixtures/bad-worker.mjs', import.meta.url) });
  try {
    // One worker holds two documents: the second waits behind the first, on the same worker.
    const [hang, behindHang, crash, behindCrash] = await Promise.all([
      pool.extract({ path: '/tmp/hang.pdf', mediaType: 'pdf' }),
      pool.extract({ path: sample('s004.html'), mediaType: 'html' }),
      pool.extract({ path: '/tmp/crash.pdf', mediaType: 'pdf' }),
      pool.extract({ path: sample('s002.docx'), mediaType: 'docx' }),
    ]);
    assert.deepEqual([hang!.status, hang!.reason], ['failed', 'timeout after 3000 ms']);
    assert.equal(behindHang!.status, 'extracted', behindHang!.reason);
    assert.match(crash!.reason!, /worker crashed: boom/);
    assert.equal(behindCrash!.status, 'extracted', behindCrash!.reason);
  } finally {
    await pool.close();
  }
});

test('a pool with a worker per core runs its workers on one thread each; a pool with cores to spare keeps V8 compiling beside them', async () => {
  const flagsOf = async (opts: { concurrency: number; singleThreaded?: boolean }) => {
    const pool = new ExtractionPool({ ...opts, workerUrl: new URL('./fixtures/flags-worker.mjs', import.meta.url) });
    try {
      return (await pool.extract({ path: '/tmp/any.pdf', mediaType: 'pdf' })).reason!.split(' ');
    } finally {
      await pool.close();
    }
  };
  const cores = os.availableParallelism();
  const full = await flagsOf({ concurrency: cores });
  assert.ok(full.includes('--single-threaded'), full.join(' '));
  assert.ok(!full.includes('--single-threaded-gc'), full.join(' '));
  assert.ok((await flagsOf({ concurrency: 1, singleThreaded: true })).includes('--single-threaded'));
  const spare = await flagsOf({ concurrency: 1, singleThreaded: false });
  assert.ok(spare.includes('--single-threaded-gc') && !spare.includes('--single-threaded'), spare.join(' '));
  if (cores > 1) assert.deepEqual(await flagsOf({ concurrency: 1 }), spare);
});
