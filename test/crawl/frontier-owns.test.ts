/**
 * A queued run's host job crawls only its own host (Frontier `owns`): requests its pages queue for another host are
 * written to that host's persisted queue of the run, left for that host's job, and a resumed job takes up only its
 * own host's unfinished queue.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Frontier } from '../../src/crawl/frontier.ts';
import type { HostQueue } from '../../src/crawl/host-queue.ts';
import type { ListData, QueuedRequest } from '../../src/crawl/requests.ts';
import { tempDir } from '../helpers/tmp.ts';

const A = '127.0.0.1:1001';
const B = '127.0.0.1:1002';
const req = (host: string, p: string): QueuedRequest => ({
  url: `http://${host}/${p}.html`,
  uniqueKey: `http://${host}/${p}.html`,
  userData: { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'auto', pageIndex: 0 } as ListData,
});

test('a frontier that owns one host runs only its queue; another host\'s requests wait in the catalog for its own job', async () => {
  const catalog = Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
  try {
    const ran: string[] = [];
    const frontier = new Frontier({
      jobName: 'queued-run-1',
      store: catalog.frontier,
      maxConcurrentHosts: 4,
      owns: (host) => host === A,
      runHost: async (host: string, queue: HostQueue) => {
        ran.push(host);
        for (let r = await queue.fetchNextRequest(); r; r = await queue.fetchNextRequest()) {
          // A page of A links a page of B.
          if (r.url.endsWith('a1.html')) await frontier.add([req(B, 'b1')]);
          await queue.markRequestHandled(r);
        }
      },
    });
    frontier.addSeeds([req(A, 'a1'), req(B, 'b-seed')]);
    await frontier.idle();
    assert.deepEqual(ran, [A]);
    assert.deepEqual(catalog.frontier.pendingQueues('queued-run-1'), [B]);
    const waiting = catalog.frontier.load('queued-run-1', B).filter((r) => r.request !== null).map((r) => r.unique_key).sort();
    assert.deepEqual(waiting, [`http://${B}/b-seed.html`, `http://${B}/b1.html`]);

    // B's own job resumes B's queue, and only it.
    const seen: string[] = [];
    const forB = new Frontier({
      jobName: 'queued-run-1',
      store: catalog.frontier,
      maxConcurrentHosts: 4,
      owns: (host) => host === B,
      runHost: async (host: string, queue: HostQueue) => {
        for (let r = await queue.fetchNextRequest(); r; r = await queue.fetchNextRequest()) {
          seen.push(`${host} ${new URL(r.url).pathname}`);
          await queue.markRequestHandled(r);
        }
      },
    });
    assert.deepEqual(await forB.resume(), [B]);
    await forB.idle();
    assert.deepEqual(seen.sort(), [`${B} /b-seed.html`, `${B} /b1.html`]);
    assert.deepEqual(catalog.frontier.pendingQueues('queued-run-1'), []);
  } finally {
    catalog.close();
  }
});
