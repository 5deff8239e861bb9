/**
 * `nianbao crawl`, `backfill` and `schedule` on a PostgreSQL catalog: the run is queued as host jobs, as `nianbao
 * enqueue` queues it, and this process works them (crawl-host and extract jobs) beside any `nianbao worker` on other
 * machines, until the run has ended and its files are extracted. Then it says what a plain run says (counts, guesses,
 * seed health, extraction) and exits by the same codes. One queued run at a time per catalog: a queued run still
 * running (another user's `enqueue`, or this command interrupted) is joined and worked to its end first, as a plain
 * crawl resumes an interrupted run.
 */
import { availableParallelism } from 'node:os';
import type { Catalog } from '../catalog/catalog.ts';
import type { NianbaoConfig } from '../config.ts';
import { CrawlStats } from '../crawl/stats.ts';
import { openContentStore, type ContentStore } from '../download/content-store.ts';
import { ExitCode } from '../errors.ts';
import type { ExtractionPool } from '../extract/pool.ts';
import { enqueueRun, type EnqueueRequest } from '../queue/enqueue.ts';
import { CRAWL_HOST, EXTRACT, PgWorkQueue, queueLocation } from '../queue/pg-queue.ts';
import type { QueuedRunArgs } from '../queue/queued-run.ts';
import { QueueWorker } from '../queue/worker.ts';
import { openCatalog, say, withLock } from './common.ts';
import type { CrawlFlags } from './crawl.ts';
import { progressFor, type Progress, type ProgressMode } from './progress.ts';
import { runExitCode, sayGuesses, sayRunTotals, saySeedHealth, type RunTotals } from './run-summary.ts';

export interface QueuedHere {
  /** The lock's name and the words of the messages (crawl, backfill 41, schedule crawl). */
  command: string;
  request: EnqueueRequest;
  extract: boolean;
  progress: ProgressMode;
}

/** How long jobs in flight may go on after Ctrl-C before they are given back to the queue. */
const DRAIN_SECONDS = 10;

interface Shared {
  config: NianbaoConfig;
  catalog: Catalog;
  queue: PgWorkQueue;
  store: ContentStore;
  pool: { made: Promise<ExtractionPool> | null };
  extract: boolean;
  progress: ProgressMode;
}

/** Queues the run and works it here; returns the exit code. */
export async function runQueuedHere(config: NianbaoConfig, q: QueuedHere): Promise<number> {
  const queue = await PgWorkQueue.open(queueLocation(undefined, config.catalog), { supervise: true, leaseSeconds: q.request.args.leaseSeconds });
  const catalog = openCatalog(config);
  const shared: Shared = { config, catalog, queue, store: await openContentStore(config), pool: { made: null }, extract: q.extract, progress: q.progress };
  try {
    for (const run of catalog.runs.runningQueued()) {
      say(`queued run ${run.id} (started ${run.started_at}) is still running: working on it to its end first`);
      const joined = await workRun(shared, run.id);
      if (joined === null) return ExitCode.partial;
    }
    const { runId, jobs } = await withLock(config, q.command, () => enqueueRun(catalog, queue, q.request));
    say(`queued ${q.request.args.kind} run ${runId}: ${jobs} crawl-host jobs, worked here (a nianbao worker on another machine may take some)`);
    return (await workRun(shared, runId)) ?? ExitCode.partial;
  } finally {
    await queue.close();
    if (shared.pool.made) await (await shared.pool.made).close();
    await shared.store.close();
    catalog.close();
  }
}

/** Works a queued run until it has ended (and, extracting, its files are done); its exit code, or null when stopped. */
async function workRun(s: Shared, runId: number): Promise<number | null> {
  const { catalog, queue } = s;
  const progress = progressFor(s.progress);
  const live = new Map<string, CrawlStats>();
  const open = await queue.openHostJobs(runId);
  const worker = new QueueWorker({
    config: s.config,
    catalog,
    queue,
    store: s.store,
    // One loop per host job at most: an idle loop asks the queue every second.
    crawlSlots: Math.max(1, Math.min(s.config.politeness.maxConcurrentHosts, open)),
    extractSlots: s.extract ? availableParallelism() : 0,
    drainSeconds: DRAIN_SECONDS,
    log: (e) => {
      if (e.event === 'job_failed' || e.event === 'queue_error') process.stderr.write(`nianbao: ${e.event}: ${JSON.stringify(e)}\n`);
    },
    onLeaseLost: (job) => {
      process.stderr.write(`nianbao: lost the lease of ${job.name} job ${job.id}: another worker may hold it; stopping at once\n`);
      process.exit(ExitCode.queue);
    },
    extractionPool: () =>
      (s.pool.made ??= import('../extract/pool.ts').then((m) => new m.ExtractionPool({ concurrency: availableParallelism() }))),
    harvestHooks: (jobId) => ({ onEvent: progress.onEvent, onTick: (stats) => live.set(jobId, stats) }),
  });
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      void worker.giveBack().then((n) => {
        say(`stopped: ${n} jobs given back; queued run ${runId} goes on in the queue (nianbao worker, or nianbao crawl again, takes it up)`);
        process.exit(ExitCode.partial);
      });
      return;
    }
    interrupted = true;
    process.stderr.write(`nianbao: stopping: jobs in flight get ${DRAIN_SECONDS} s to finish (again to stop now)\n`);
    worker.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const watch = watchRun(s, runId, worker, progress, live);
  let givenBack: number;
  try {
    givenBack = await worker.run();
  } finally {
    watch.stop();
    progress.end();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // Stopped while the run goes on (its jobs in flight finished within the drain, or were given back): the queue keeps it.
  if (givenBack > 0 || (interrupted && catalog.runs.get(runId)?.status === 'running')) {
    say(`stopped: ${givenBack} jobs given back; queued run ${runId} goes on in the queue (nianbao worker, or nianbao crawl again, takes it up)`);
    // Host crawls given back may still have requests in flight in this process: end it now, as a kill would.
    if (givenBack > 0) process.exit(ExitCode.partial);
    return null;
  }
  const code = await summarize(s, runId);
  // Stopped after the run ended: what it found is told, but its files may not all be extracted yet.
  return interrupted ? ExitCode.partial : code;
}

/** Every second: the progress line, and the worker stopped once the run has ended and its extract jobs are done. */
function watchRun(s: Shared, runId: number, worker: QueueWorker, progress: Progress, live: Map<string, CrawlStats>): { stop(): void } {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const hosts = (await s.queue.counts([runId], [CRAWL_HOST])).get(runId)!;
      progress.onTick?.(sum(live.values()), { done: hosts.done + hosts.failed, active: hosts.active, total: hosts.done + hosts.failed + hosts.active + hosts.queued });
      if (s.catalog.runs.get(runId)?.status === 'running') return;
      if (s.extract) {
        const extracts = (await s.queue.counts([runId], [EXTRACT])).get(runId)!;
        if (extracts.queued + extracts.active > 0) return;
      }
      worker.stop();
    } catch (err) {
      process.stderr.write(`nianbao: work queue: ${(err as Error).message}\n`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 1000);
  return { stop: () => clearInterval(timer) };
}

/** This process's counters over its host jobs, for the progress line (the run's own counts are summed at its end). */
function sum(parts: Iterable<CrawlStats>): CrawlStats {
  const total = new CrawlStats();
  for (const p of parts) {
    total.pages += p.pages;
    total.newReports += p.newReports;
    total.newFiles += p.newFiles;
    total.bytesStored += p.bytesStored;
    total.requests += p.requests;
    total.failed += p.failed;
  }
  return total;
}

interface RunCounts extends RunTotals {
  emptySeeds?: number;
  shortSeeds?: number;
  hostsDown?: number;
  jobs?: { done: number; failed: number };
}

/** The ended run as a plain run tells it, from the counts its host jobs summed in the catalog; its exit code. */
async function summarize(s: Shared, runId: number): Promise<number> {
  const row = s.catalog.runs.get(runId)!;
  const args = JSON.parse(row.args) as QueuedRunArgs;
  const c = JSON.parse(row.counts || '{}') as RunCounts;
  const n = (v: number | undefined) => v ?? 0;
  sayRunTotals(args.kind, runId, row.status, c, `; host jobs: ${n(c.jobs?.done)} done, ${n(c.jobs?.failed)} failed`);
  sayGuesses(s.catalog, runId);
  if (n(c.hostsDown)) say(`hosts skipped for the rest of their job: ${c.hostsDown} (nianbao status)`);
  saySeedHealth(s.catalog, args.entryIds);
  let extractFailed = false;
  if (s.extract) {
    const byStatus = await s.queue.extractOutcome(runId);
    const jobs = (await s.queue.counts([runId], [EXTRACT])).get(runId)!;
    const files = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const parts = Object.entries(byStatus).map(([k, v]) => `${v} ${k}`);
    say(`extract: ${files} files${parts.length ? ` (${parts.join(', ')})` : ''} in ${jobs.done} jobs${jobs.failed ? `, ${jobs.failed} jobs failed` : ''}`);
    extractFailed = n(byStatus.failed) > 0 || jobs.failed > 0;
  } else {
    say(`extract: not run (--no-extract): ${s.catalog.extractions.due().length} files wait (nianbao extract, or a nianbao worker takes their jobs)`);
  }
  return runExitCode(row.status === 'ok' && !extractFailed, n(c.emptySeeds) + n(c.shortSeeds));
}
