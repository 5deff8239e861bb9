/**
 * A queue worker: `crawlSlots` loops taking crawl-host jobs and `extractSlots` loops taking extract jobs, until
 * stopped. A host job is the ordinary harvest (crawl/harvest.ts) limited to that host and its run: the host's
 * persisted frontier queue of the run (host-queue.ts) is what a taken-over job resumes from.
 *
 * Leases: every held job's lease is renewed every third of it, from the lease keeper's thread (lease-keeper.ts: the
 * main thread's synchronous catalog calls must not starve it). A renewal that finds the job no longer ours (this
 * process stalled past its lease, and the job may be another worker's now) ends the process at once (exit 8): it
 * must not go on crawling a host another worker holds.
 *
 * Draining (stop()): no job is taken any more; jobs in flight run to their end for up to `drainSeconds`, then the
 * rest are given back (failed with retries left: queued again at once for any worker) and the process exits. Their
 * requests are in the catalog's frontier, so whoever takes them resumes them.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { loadConfig, type ConfigOverrides, type NianbaoConfig } from '../config.ts';
import type { ContentStore } from '../download/content-store.ts';
import { harvest, type HarvestOptions, type HarvestSummary } from '../crawl/harvest.ts';
import type { ExtractionPool } from '../extract/pool.ts';
import { runExtraction } from '../extract/run.ts';
import { CRAWL_HOST, EXTRACT, type ExtractJobData, type HeldJob, type HostJobData, type PgWorkQueue } from './pg-queue.ts';
import { frontierJob, loadQueuedRun } from './queued-run.ts';
import { settleRun } from './run-end.ts';

export interface WorkerOptions {
  /** The worker's own configuration (storage, file store); each run's politeness is applied over it. */
  config: NianbaoConfig;
  catalog: Catalog;
  queue: PgWorkQueue;
  store: ContentStore;
  crawlSlots: number;
  extractSlots: number;
  /** How long a drain waits for jobs in flight before giving them back. */
  drainSeconds: number;
  /** Wait between two looks at an empty queue. */
  pollMs?: number;
  log: (event: Record<string, unknown>) => void;
  /** Called when a lease was lost: the process must stop at once. */
  onLeaseLost: (job: HeldJob<unknown>) => never;
  /** Made when the first extract job comes (worker threads, a pdf.js each). */
  extractionPool: () => Promise<ExtractionPool>;
  /** Progress of each host job's harvest, by job (the in-process worker of `nianbao crawl` shows it). */
  harvestHooks?: (jobId: string) => Pick<HarvestOptions, 'onEvent' | 'onTick'>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export class QueueWorker {
  private stopping = false;
  private readonly held = new Set<HeldJob<unknown>>();
  private lastSweep = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly opts: WorkerOptions) {}

  /** Runs until stopped and drained; resolves with the jobs given back unfinished. */
  async run(): Promise<number> {
    const loops = [
      ...Array.from({ length: this.opts.crawlSlots }, () => this.loop(CRAWL_HOST)),
      ...Array.from({ length: this.opts.extractSlots }, () => this.loop(EXTRACT)),
    ];
    await Promise.race([Promise.all(loops), this.drained()]);
    return this.giveBack();
  }

  /** Stops taking jobs; the jobs in flight finish within the drain time or are given back. */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.opts.log({ event: 'draining', jobs: this.held.size, drainSeconds: this.opts.drainSeconds });
    this.wake?.();
  }

  /** Gives back every job still held now (a second signal, or the drain time over). */
  async giveBack(): Promise<number> {
    const jobs = [...this.held];
    // Out of `held` before the queue hears of it: a renewal answered after the give-back is no lost lease.
    this.held.clear();
    for (const job of jobs) {
      await this.opts.queue.fail(job, 'worker stopped: given back').catch(() => {});
      this.opts.log({ event: 'given_back', queue: job.name, job: job.id, data: job.data });
    }
    return jobs.length;
  }

  /** Resolves when a drain's time is over (never before stop()). */
  private async drained(): Promise<void> {
    while (!this.stopping) await new Promise<void>((r) => (this.wake = r));
    await sleep(this.opts.drainSeconds * 1000);
  }

  private async loop(name: typeof CRAWL_HOST | typeof EXTRACT): Promise<void> {
    const poll = this.opts.pollMs ?? 1000;
    while (!this.stopping) {
      let job: HeldJob<unknown> | null = null;
      try {
        job = await this.opts.queue.fetch(name);
      } catch (err) {
        this.opts.log({ event: 'queue_error', error: (err as Error).message });
      }
      if (this.stopping && job) {
        // Taken as the drain began: given back untouched.
        await this.opts.queue.fail(job, 'worker stopped: given back').catch(() => {});
        return;
      }
      if (!job) {
        if (name === CRAWL_HOST) await this.sweep();
        await sleep(poll);
        continue;
      }
      await this.hold(job, () => (name === CRAWL_HOST ? this.crawlHost(job as HeldJob<HostJobData>) : this.extract(job as HeldJob<ExtractJobData>)));
    }
  }

  /** Runs one job holding its lease; completes it, or fails it (retried by the queue) when it throws. */
  private async hold(job: HeldJob<unknown>, work: () => Promise<object>): Promise<void> {
    this.held.add(job);
    const release = this.opts.queue.keep(job, {
      lost: () => {
        if (this.held.has(job)) this.opts.onLeaseLost(job);
      },
      error: (message) => this.opts.log({ event: 'queue_error', job: job.id, error: message }),
      stalled: (ageMs) => this.opts.log({ event: 'lease_renewals_paused', job: job.id, mainThreadStalledMs: ageMs }),
    });
    let outcome: { output: object } | { error: Error };
    try {
      outcome = { output: await work() };
    } catch (err) {
      outcome = { error: err as Error };
    } finally {
      // Released before the job is completed or failed: a renewal landing after the completion (the row no longer
      // active) while this thread has not yet read the completion's answer would say the job lost, and a live
      // worker that finished its job would stop (exit 8).
      release();
    }
    try {
      if (!this.held.has(job)) return; // given back meanwhile
      if ('output' in outcome) await this.opts.queue.complete(job, outcome.output);
      else {
        this.opts.log({ event: 'job_failed', queue: job.name, job: job.id, data: job.data, error: outcome.error.message });
        await this.opts.queue.fail(job, outcome.error.message).catch(() => {});
      }
    } finally {
      this.held.delete(job);
    }
    const runId = (job.data as { runId: number }).runId;
    if (job.name === CRAWL_HOST) await this.settle(runId);
  }

  private async crawlHost(job: HeldJob<HostJobData>): Promise<object> {
    const { runId, host, entryIds } = job.data;
    const run = loadQueuedRun(this.opts.catalog, runId);
    if (!run) return { skipped: 'run not running' };
    const config = this.runConfig(run.args.politeness, run.args.maxFileBytes);
    // Spacing across jobs of one host (a follow-up job, a takeover): this job's first request waits one host delay.
    await sleep(config.politeness.hostDelayMs);
    const entries = entryIds.map((id) => run.entries.get(id)).filter((e) => e !== undefined);
    this.opts.log({ event: 'host_started', run: runId, host, job: job.id, seeds: entries.length, activation: job.activation });
    const sends: Promise<unknown>[] = [];
    const hooks = this.opts.harvestHooks?.(job.id) ?? {};
    const summary: HarvestSummary = await harvest({
      config,
      catalog: this.opts.catalog,
      seeds: { entries },
      kind: run.args.kind,
      jobName: frontierJob(runId),
      policy: run.policy,
      years: run.years,
      fullDepth: run.args.fullDepth,
      store: this.opts.store,
      hostJob: { runId, hosts: new Set([host]), scopeHosts: run.scopeHosts },
      onTick: hooks.onTick,
      onEvent: (e) => {
        hooks.onEvent?.(e);
        if (e.kind === 'new_file' && e.sha256) sends.push(this.opts.queue.sendExtract({ runId, sha256: e.sha256 }, run.args.leaseSeconds).catch(() => false));
      },
    });
    await Promise.all(sends);
    const s = summary.stats;
    this.opts.log({ event: 'host_done', run: runId, host, job: job.id, requests: s.requests, newReports: s.newReports, newFiles: s.newFiles, failed: s.failed, resumed: summary.resumedHosts.length > 0 });
    return { requests: s.requests, newReports: s.newReports, newFiles: s.newFiles, failed: s.failed };
  }

  private async extract(job: HeldJob<ExtractJobData>): Promise<object> {
    const { config, catalog, store } = this.opts;
    const s = await runExtraction(catalog, config.storageDir, {
      minFreeBytes: config.minFreeBytes,
      store,
      sha256s: [job.data.sha256],
      sharedPool: await this.opts.extractionPool(),
    });
    return { files: s.files, byStatus: s.byStatus };
  }

  private async settle(runId: number): Promise<void> {
    try {
      const end = await settleRun(this.opts.catalog, this.opts.queue, runId);
      if (end.ended) this.opts.log({ event: 'run_finished', run: runId, status: end.status });
    } catch (err) {
      this.opts.log({ event: 'queue_error', run: runId, error: (err as Error).message });
    }
  }

  /** When idle, every few seconds: queued runs whose last job ended without the check (its worker was killed). */
  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < 5000) return;
    this.lastSweep = Date.now();
    for (const run of this.opts.catalog.runs.runningQueued()) await this.settle(run.id);
  }

  private readonly configs = new Map<string, NianbaoConfig>();

  /** The worker's configuration with a run's politeness and limits. */
  private runConfig(politeness: ConfigOverrides['politeness'], maxFileBytes: number | undefined): NianbaoConfig {
    const key = JSON.stringify([politeness, maxFileBytes]);
    let c = this.configs.get(key);
    if (!c) {
      const base = this.opts.config;
      c = loadConfig({ storageDir: base.storageDir, files: base.files, maxFileBytes, politeness });
      this.configs.set(key, c);
    }
    return c;
  }
}
