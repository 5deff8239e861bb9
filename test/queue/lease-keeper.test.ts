/**
 * The lease keeper renews a held job's lease from its own thread: a main thread asleep (as in a synchronous catalog
 * call waiting for the catalog's write lock) keeps its jobs; a job taken from it is said; a main thread stalled past
 * the keeper's limit lets its leases lapse, and says so when it wakes; a released job is no longer renewed; a keeper
 * thread that dies is started again. On a throwaway PostgreSQL cluster with pg-boss's own tables.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import pg from 'pg';
import { LeaseKeeper } from '../../src/queue/lease-keeper.ts';
import { EXTRACT, PgWorkQueue, type HeldJob } from '../../src/queue/pg-queue.ts';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster.ts';
import { toolDecision } from '../helpers/tools.ts';

const LEASE = 2;
let cluster: PgCluster | undefined;
let url = '';
let queue: PgWorkQueue;
let db: pg.Client;
let sha = 0;

/** Blocks this thread as a synchronous catalog call does (Atomics.wait), timers and I/O included. */
const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function takeJob(): Promise<HeldJob<unknown>> {
  assert.ok(await queue.sendExtract({ runId: 1, sha256: `sha-${++sha}` }, LEASE));
  const job = await queue.fetch(EXTRACT);
  assert.ok(job);
  return job;
}

/** Seconds the job's lease has left (negative: lapsed). */
async function leaseLeft(job: HeldJob<unknown>): Promise<number> {
  const { rows } = await db.query<{ left: number }>(
    `SELECT extract(epoch FROM (started_on + expire_in) - now())::float8 AS left FROM pgboss.job WHERE id = $1 AND state = 'active'`,
    [job.id],
  );
  assert.equal(rows.length, 1, 'the job is still active');
  return rows[0]!.left;
}

/** Why the tests skip (no PostgreSQL outside CI; under CI the decision throws). */
let skip: string | null = null;
before(async () => {
  const d = toolDecision(['postgres']);
  if (d !== 'run') {
    skip = d.skip;
    return;
  }
  // Stopped by this file's after(): one registered inside before() would run as soon as before() ends.
  cluster = await startPgCluster({ inTest: false });
  url = cluster.createDatabase('lease_keeper');
  queue = await PgWorkQueue.open(url, { leaseSeconds: LEASE });
  db = new pg.Client({ connectionString: url });
  await db.connect();
});
after(async () => {
  await queue?.close();
  await db?.end();
  cluster?.stop();
});

test('a main thread asleep past its lease keeps the job: the keeper renews it meanwhile', async (t) => {
  if (skip) return t.skip(skip);
  const job = await takeJob();
  const lost: string[] = [];
  const release = queue.keep(job, { lost: () => lost.push('lost'), error: (m) => lost.push(m) });
  block(LEASE * 1000 * 2.5);
  const left = await leaseLeft(job);
  assert.ok(left > 0, `the lease is current after ${LEASE * 2.5} s asleep (left ${left} s); without the keeper it lapsed ${LEASE * 1.5} s ago`);
  assert.deepEqual(lost, []);
  release();
  await queue.complete(job);
});

test('a job taken from the worker is said to be lost, once', async (t) => {
  if (skip) return t.skip(skip);
  const job = await takeJob();
  let lost = 0;
  const release = queue.keep(job, { lost: () => lost++, error: () => {} });
  // Another activation of the job (expired and fetched again elsewhere): its retry_count moved on.
  await db.query('UPDATE pgboss.job SET retry_count = retry_count + 1 WHERE id = $1', [job.id]);
  const end = Date.now() + 5000;
  while (lost === 0 && Date.now() < end) await sleep(50);
  await sleep(LEASE * 1000);
  assert.equal(lost, 1);
  release();
});

test('a released job is no longer renewed', async (t) => {
  if (skip) return t.skip(skip);
  const job = await takeJob();
  const release = queue.keep(job, { lost: () => assert.fail('released, not lost'), error: () => {} });
  await sleep(1000);
  release();
  await sleep(LEASE * 1000 + 500);
  assert.ok((await leaseLeft(job)) < 0, 'the lease lapsed after the release');
  await queue.complete(job);
});

test('a main thread stalled past the limit lets its leases lapse and is told so when it wakes', async (t) => {
  if (skip) return t.skip(skip);
  const keeper = new LeaseKeeper(url, 1000);
  t.after(() => keeper.close());
  const job = await takeJob();
  const stalls: number[] = [];
  const release = keeper.hold(job, { lost: () => {}, error: () => {}, stalled: (ms) => stalls.push(ms) });
  block(LEASE * 1000 + 2500);
  assert.ok((await leaseLeft(job)) < 0, 'the renewals stopped once the main thread showed no life for 1 s');
  await sleep(100);
  assert.equal(stalls.length, 1, 'one stall said');
  assert.ok(stalls[0]! >= 1000);
  // Alive again: renewed again.
  await sleep(LEASE * 1000);
  assert.ok((await leaseLeft(job)) > 0, 'renewed once the main thread beats again');
  release();
  await queue.complete(job);
});

test('a keeper thread that dies is started again with the jobs it held', async (t) => {
  if (skip) return t.skip(skip);
  const keeper = new LeaseKeeper(url);
  t.after(() => keeper.close());
  const job = await takeJob();
  const release = keeper.hold(job, { lost: () => assert.fail('not lost'), error: () => {} });
  await (keeper as unknown as { thread: Worker }).thread.terminate();
  await sleep(LEASE * 1000 * 2);
  assert.ok((await leaseLeft(job)) > 0, 'renewed by the new thread');
  release();
  await queue.complete(job);
});
