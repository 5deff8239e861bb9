/**
 * The frontier: one persisted Crawlee request queue per host, and one crawler at a time per host, with at most
 * `maxConcurrentHosts` hosts crawled at once (p-queue). Partitioning by host is what lets per-host politeness
 * coexist with throughput: a single shared queue would fill every worker with requests waiting on the same slow
 * host. Queues are named after the job and the host, so a killed run finds them again and resumes.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { RequestQueueV1, type Configuration } from '@crawlee/core';
import { Scope } from '../download/scope.ts';
import type { QueuedRequest } from './requests.ts';

export type HostRunner = (host: string, queue: RequestQueueV1) => Promise<void>;

export interface FrontierOptions {
  /** Stable per job (e.g. "crawl", "backfill-410000"), so that a rerun after a crash resumes the same queues. */
  jobName: string;
  crawlee: Configuration;
  crawleeDir: string;
  maxConcurrentHosts: number;
  runHost: HostRunner;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export class Frontier {
  private readonly queues = new Map<string, Promise<RequestQueueV1>>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly hostQueue: PQueue;
  private readonly prefix: string;
  private failure: unknown = null;
  private readonly seen = new Set<string>();

  constructor(private readonly opts: FrontierOptions) {
    this.hostQueue = new PQueue({ concurrency: Math.max(1, opts.maxConcurrentHosts) });
    this.prefix = `nb-${slug(opts.jobName)}--`;
  }

  private queueName(host: string): string {
    return `${this.prefix}${slug(host)}`;
  }

  private queue(host: string): Promise<RequestQueueV1> {
    let q = this.queues.get(host);
    if (!q) {
      q = RequestQueueV1.open(this.queueName(host), { config: this.opts.crawlee });
      this.queues.set(host, q);
    }
    return q;
  }

  /** Queues requests, each on its host's queue, and makes sure each host gets crawled. */
  async add(requests: QueuedRequest[]): Promise<void> {
    const byHost = new Map<string, QueuedRequest[]>();
    for (const r of requests) {
      const host = Scope.hostOf(r.url);
      byHost.set(host, [...(byHost.get(host) ?? []), r]);
    }
    for (const [host, reqs] of byHost) {
      const q = await this.queue(host);
      await q.addRequests(reqs.map((r) => ({ ...r, userData: { ...r.userData } })));
      this.schedule(host);
    }
  }

  /** Hosts crawled so far in this run: finished, being crawled, and all. */
  hostCounts(): { done: number; active: number; total: number } {
    return { done: this.seen.size - this.running.size, active: Math.min(this.running.size, this.opts.maxConcurrentHosts), total: this.seen.size };
  }

  private schedule(host: string): void {
    this.seen.add(host);
    if (this.running.has(host)) {
      this.dirty.add(host);
      return;
    }
    this.running.add(host);
    void this.hostQueue
      .add(async () => {
        const q = await this.queue(host);
        try {
          // A request added while the crawler was finishing marks the host dirty: run it once more.
          for (let round = 0; round < 100; round++) {
            this.dirty.delete(host);
            await this.opts.runHost(host, q);
            if (!this.dirty.has(host) && (await q.isFinished())) break;
          }
        } finally {
          this.running.delete(host);
        }
      })
      .catch((err: unknown) => {
        this.failure ??= err;
      });
  }

  /** Queues persisted by an earlier, unfinished run of this job; their hosts are scheduled again. */
  async resume(): Promise<string[]> {
    const dir = path.join(this.opts.crawleeDir, 'request_queues');
    const names = await readdir(dir).catch(() => [] as string[]);
    const resumed: string[] = [];
    for (const name of names.filter((n) => n.startsWith(this.prefix))) {
      const q = await RequestQueueV1.open(name, { config: this.opts.crawlee });
      if (await q.isFinished()) continue;
      const head = await q.fetchNextRequest();
      if (!head) continue;
      await q.reclaimRequest(head, { forefront: true });
      const host = Scope.hostOf(head.url);
      this.queues.set(host, Promise.resolve(q));
      this.schedule(host);
      resumed.push(host);
    }
    return resumed;
  }

  /** Resolves when every host's queue is done; rethrows the first crawler failure. */
  async idle(): Promise<void> {
    await this.hostQueue.onIdle();
    if (this.failure) throw this.failure;
  }

  /** Deletes this job's queues: called after a run that finished, so the next run starts from the seeds. */
  async drop(): Promise<void> {
    for (const q of this.queues.values()) await (await q).drop();
    this.queues.clear();
  }
}
