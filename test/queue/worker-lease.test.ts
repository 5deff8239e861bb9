/**
 * A queue worker that finishes or gives back a job is not stopped by a renewal answered afterwards. The lease keeper
 * renews from its own thread; its answer ("the row is no longer active") can reach the main thread before the
 * completion's own answer does. The worker must not take it for a lost lease (it did: exit 8 of a live worker, seen
 * in CI on e2e/worker-queue). Here a stand-in queue delivers that answer at the worst moment: from inside complete()
 * and fail(). The worker itself, its SQLite catalog and its extraction are the real ones.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig } from '../../src/config.ts';
import { FileStore } from '../../src/download/store.ts';
import type { ExtractionPool } from '../../src/extract/pool.ts';
import type { LeaseEvents } from '../../src/queue/lease-keeper.ts';
import { EXTRACT, type HeldJob, type PgWorkQueue, type QueueName } from '../../src/queue/pg-queue.ts';
import { QueueWorker } from '../../src/queue/worker.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A queue of one extract job whose lease renewals all come back "not ours" once the job is finished. */
class RacingQueue {
  readonly done: string[] = [];
  private kept: LeaseEvents | null = null;
  private job: HeldJob<unknown> | null = { name: EXTRACT, id: 'job-1', data: { runId: 1, sha256: 'a'.repeat(64) }, activation: 0, leaseSeconds: 3 };

  async fetch(name: QueueName): Promise<HeldJob<unknown> | null> {
    if (name !== EXTRACT) return null;
    const job = this.job;
    this.job = null;
    return job;
  }
  keep(_job: HeldJob<unknown>, events: LeaseEvents): () => void {
    this.kept = events;
    // As the keeper: no event comes after the release.
    return () => {
      this.kept = null;
      this.done.push('released');
    };
  }
  /** The row is completed in the database; the renewal's "not ours" arrives before complete()'s own answer. */
  async complete(job: HeldJob<unknown>): Promise<void> {
    this.kept?.lost();
    this.done.push(`completed ${job.id}`);
  }
  async fail(job: HeldJob<unknown>, reason: string): Promise<void> {
    this.kept?.lost();
    this.done.push(`failed ${job.id}: ${reason}`);
  }
}

function worker(t: TestContext, queue: RacingQueue, pool: () => Promise<ExtractionPool>, lost: string[]) {
  const dir = tempDir();
  const catalog = Catalog.open(path.join(dir, 'catalog.sqlite'));
  const config = loadConfig({ storageDir: dir }, {});
  const w = new QueueWorker({
    config,
    catalog,
    queue: queue as unknown as PgWorkQueue,
    store: new FileStore(dir),
    crawlSlots: 0,
    extractSlots: 1,
    drainSeconds: 0,
    pollMs: 20,
    log: () => {},
    extractionPool: pool,
    onLeaseLost: (job) => {
      lost.push(job.id);
      throw new Error('lease lost');
    },
  });
  // The worker's own waits do not hold the process open (in `nianbao worker` its queue's connections do): this does.
  const alive = setInterval(() => {}, 1000);
  t.after(() => {
    clearInterval(alive);
    catalog.close();
  });
  return w;
}

const until = async (what: string, ok: () => boolean) => {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('a renewal answered after the completion is no lost lease', async (t) => {
  const queue = new RacingQueue();
  const lost: string[] = [];
  const noPool = async () => ({}) as ExtractionPool; // a file the catalog does not know: nothing to read
  const w = worker(t, queue, noPool, lost);
  const running = w.run();
  await until('the job completed', () => queue.done.some((d) => d.startsWith('completed')));
  w.stop();
  assert.equal(await running, 0, 'nothing left to give back');
  assert.deepEqual(lost, []);
  assert.deepEqual(queue.done, ['released', 'completed job-1'], 'the lease released before the completion');
});

test('a renewal answered after a give-back is no lost lease', async (t) => {
  const queue = new RacingQueue();
  const lost: string[] = [];
  let started = false;
  // The job's work never ends (its pool never comes): the drain gives it back.
  const hanging = () => ((started = true), new Promise<ExtractionPool>(() => {}));
  const w = worker(t, queue, hanging, lost);
  const running = w.run();
  await until('the job started', () => started);
  w.stop();
  assert.equal(await running, 1, 'one job given back');
  assert.deepEqual(lost, []);
  assert.deepEqual(queue.done, ['failed job-1: worker stopped: given back']);
});
