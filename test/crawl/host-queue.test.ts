/**
 * A host's request queue (src/crawl/host-queue.ts) over a real catalog file: order, deduplication over the whole
 * run, retries given back, and what a run killed mid-way finds again when the queue is opened anew.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { HostQueue } from '../../src/crawl/host-queue.ts';
import { tempDir } from '../helpers/tmp.ts';

const url = (p: string) => `http://127.0.0.1:1/${p}.html`;

function catalogIn(dir: string): Catalog {
  return Catalog.open(path.join(dir, 'catalog.sqlite'));
}

async function drain(q: HostQueue): Promise<string[]> {
  const seen: string[] = [];
  for (let r = await q.fetchNextRequest(); r; r = await q.fetchNextRequest()) {
    seen.push(r.url);
    await q.markRequestHandled(r);
  }
  return seen;
}

test('first in, first out; an address queued twice (even after it was handled) is one request; forefront goes first', async () => {
  const catalog = catalogIn(tempDir());
  const q = HostQueue.open(catalog.frontier, 'crawl', '127.0.0.1');
  assert.equal(q.add(['a', 'b', 'c'].map((p) => ({ url: url(p), userData: { kind: 'list' } }))), 3);
  assert.equal(q.add([{ url: url('b'), userData: { kind: 'list' } }]), 0, 'b is already queued');
  const a = await q.fetchNextRequest();
  assert.equal(a?.url, url('a'));
  assert.deepEqual(a?.userData, { kind: 'list' });
  await q.markRequestHandled(a!);
  assert.equal(q.add([{ url: url('a') }]), 0, 'a was handled in this run: not made again');
  // Crawlee's own key: the same address written with its fragment or another case of host is one request.
  assert.equal(q.add([{ url: 'http://127.0.0.1:1/c.html#top' }]), 0);
  q.add([{ url: url('first') }], { forefront: true });
  assert.equal(q.getPendingCount(), 3);
  assert.equal(await q.isFinished(), false);
  assert.deepEqual(await drain(q), [url('first'), url('b'), url('c')]);
  assert.equal(await q.isFinished(), true);
  assert.equal(await q.handledCount(), 4);
  assert.equal(q.getTotalCount(), 4);
  catalog.close();
});

test('a request given back keeps its retry count and is fetched again; in progress, the queue is empty but not finished', async () => {
  const catalog = catalogIn(tempDir());
  const q = HostQueue.open(catalog.frontier, 'crawl', '127.0.0.1');
  q.add([{ url: url('a') }, { url: url('b'), method: 'POST', payload: 'page=2', userData: { kind: 'list', pageIndex: 1 } }]);
  const a = await q.fetchNextRequest();
  const b = await q.fetchNextRequest();
  assert.equal(b?.method, 'POST');
  assert.equal(b?.payload, 'page=2');
  assert.equal(await q.isEmpty(), true);
  assert.equal(await q.isFinished(), false, 'two requests in progress');
  a!.retryCount = 1;
  await q.reclaimRequest(a!);
  await q.markRequestHandled(b!);
  const again = await q.fetchNextRequest();
  assert.equal(again?.url, url('a'));
  assert.equal(again?.retryCount, 1);
  // The retry count was persisted with it: a reopened queue (a resumed run) knows it too.
  const reopened = HostQueue.open(catalog.frontier, 'crawl', '127.0.0.1');
  const r = await reopened.fetchNextRequest();
  assert.equal(r?.retryCount, 1);
  catalog.close();
});

test('a queue opened anew (a run killed mid-way) holds what was not handled, in order, and still knows what was', async () => {
  const dir = tempDir();
  let catalog = catalogIn(dir);
  const q = HostQueue.open(catalog.frontier, 'crawl', 'example.gov.cn');
  q.add(['a', 'b', 'c', 'd'].map((p) => ({ url: url(p) })));
  await q.markRequestHandled((await q.fetchNextRequest())!); // a: done
  await q.fetchNextRequest(); // b: in progress when the run dies
  // Another job and the host's browser lane are other queues.
  HostQueue.open(catalog.frontier, 'backfill-410000', 'example.gov.cn').add([{ url: url('x') }]);
  HostQueue.open(catalog.frontier, 'crawl', 'example.gov.cn--browser').add([{ url: url('y') }]);
  catalog.close();

  catalog = catalogIn(dir);
  assert.deepEqual(catalog.frontier.pendingQueues('crawl'), ['example.gov.cn', 'example.gov.cn--browser']);
  const resumed = HostQueue.open(catalog.frontier, 'crawl', 'example.gov.cn');
  assert.equal(await resumed.handledCount(), 1);
  assert.equal(resumed.add([{ url: url('a') }, { url: url('e') }]), 1, 'a was handled before the kill');
  assert.deepEqual(await drain(resumed), [url('b'), url('c'), url('d'), url('e')]);
  // A finished run forgets its job's queues, and only its own.
  catalog.frontier.drop('crawl');
  assert.deepEqual(catalog.frontier.pendingQueues('crawl'), []);
  assert.deepEqual(catalog.frontier.pendingQueues('backfill-410000'), ['example.gov.cn']);
  assert.equal(HostQueue.open(catalog.frontier, 'crawl', 'example.gov.cn').add([{ url: url('a') }]), 1, 'a new run makes a again');
  catalog.close();
});
