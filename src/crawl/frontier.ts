/**
 * The frontier: one persisted Crawlee request queue per host, and one crawler at a time per host, with at most
 * `maxConcurrentHosts` hosts crawled at once (p-queue). Partitioning by host is what lets per-host politeness
 * coexist with throughput: a single shared queue would fill every worker with requests waiting on the same slow
 * host. Queues are named after the job and the host, so a killed run finds them again and resumes.
 * A host whose pages need a browser gets a second queue, its browser lane, crawled by a browser crawler; both
 * lanes of one host fetch through the same per-host gate, so politeness holds across them.
 * When hosts outnumber slots, the biggest known host starts first (longest processing time first): a polite crawl's
 * wall time is at least its largest host's pages × delay, and a big host started last would add its whole time to
 * the end of the run. Seed order puts no bound on that; LPT stays within 4/3 of the best schedule (Graham), and
 * measured within 1.1× (bench/slots.ts).
 */
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import PQueue from 'p-queue';
import { RequestQueueV1, type Configuration } from '@crawlee/core';
import { Scope } from '../download/scope.ts';
import type { Lane, QueuedRequest } from './requests.ts';

/**
 * Slots of each queue's uniqueKey cache. Crawlee sizes it at 1,000,000 for every queue (two preallocated arrays,
 * 16 MB), which one queue per host turned into 16 MB per host: 800 MB for the bench's 50 hosts, and the reason
 * crawl memory grew with the number of hosts. The cache only saves a storage call for a request already queued (a
 * collision is a harmless miss; the queue itself still deduplicates by uniqueKey), and a host rarely holds more than
 * a few thousand URLs.
 */
const SEEN_CACHE_SLOTS = 4096;

/**
 * Crawlee's RequestDeduplicationCache, made with SEEN_CACHE_SLOTS unless told otherwise: the queue's constructor
 * allocates the cache (two 1,000,000-slot arrays) before openHostQueue can replace it, and a nightly run opening 66
 * host queues at once allocated 1 GB of arrays only to drop them, most of its start-up spent in the collector. The
 * class is internal to @crawlee/core (not in its exports map), so its module is reached by file path; the queue
 * constructor reads the class from that module's exports at each construction. If a Crawlee update moves it, the
 * replacement in openHostQueue still bounds the memory.
 */
function smallerDedupCacheByDefault(): void {
  try {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('@crawlee/core')), 'storages', 'request_dedup_cache.js');
    const mod = require(file) as { RequestDeduplicationCache: new (size?: number) => object };
    const Original = mod.RequestDeduplicationCache;
    if (typeof Original !== 'function' || Original.name !== 'RequestDeduplicationCache') return;
    mod.RequestDeduplicationCache = class RequestDeduplicationCache extends Original {
      constructor(size = SEEN_CACHE_SLOTS) {
        super(size);
      }
    };
  } catch {
    // Not found where expected: openHostQueue's replacement alone applies (the cost above, once per queue).
  }
}
smallerDedupCacheByDefault();

/** The protected field of Crawlee's queue that holds the cache. */
interface WithSeenCache {
  requestSeenCache: { constructor: unknown };
}

/**
 * A host's persisted request queue, its uniqueKey cache sized for one host (see SEEN_CACHE_SLOTS). Not a subclass:
 * Crawlee's storage manager derives the storage client's method from the class name.
 */
export async function openHostQueue(name: string, config: Configuration): Promise<RequestQueueV1> {
  const q = await RequestQueueV1.open(name, { config });
  const holder = q as unknown as WithSeenCache;
  // RequestDeduplicationCache is internal to @crawlee/core: made again through the instance's own constructor.
  const Cache = holder.requestSeenCache.constructor as new (size: number) => WithSeenCache['requestSeenCache'];
  holder.requestSeenCache = new Cache(SEEN_CACHE_SLOTS);
  return q;
}

/** Crawls one host's queue of one lane until it is empty. */
export type HostRunner = (host: string, queue: RequestQueueV1, lane: Lane) => Promise<void>;

export interface FrontierOptions {
  /** Stable per job (e.g. "crawl", "backfill-410000"), so that a rerun after a crash resumes the same queues. */
  jobName: string;
  crawlee: Configuration;
  crawleeDir: string;
  maxConcurrentHosts: number;
  runHost: HostRunner;
  /**
   * How big a host is expected to be (pages its seeds gave in their last run, else its number of seeds): the
   * priority of its slot. Unknown hosts weigh 0 and start after every known one, in the order they were added.
   */
  hostWeight?: (host: string) => number;
}

/** Requests grouped by their host's queue key (host and lane), each group in the given order. */
function groupByKey(requests: QueuedRequest[]): Map<string, QueuedRequest[]> {
  const byKey = new Map<string, QueuedRequest[]>();
  for (const r of requests) {
    const key = laneKey(Scope.hostOf(r.url), r.lane ?? 'http');
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  return byKey;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const BROWSER_SUFFIX = '--browser';

/** The key of a host's queue in one lane: the host itself for HTTP, host + suffix for the browser. */
function laneKey(host: string, lane: Lane): string {
  return lane === 'browser' ? `${host}${BROWSER_SUFFIX}` : host;
}

function splitKey(key: string): { host: string; lane: Lane } {
  return key.endsWith(BROWSER_SUFFIX) ? { host: key.slice(0, -BROWSER_SUFFIX.length), lane: 'browser' } : { host: key, lane: 'http' };
}

export class Frontier {
  private readonly queues = new Map<string, Promise<RequestQueueV1>>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly hostQueue: PQueue;
  private readonly prefix: string;
  private failure: unknown = null;
  private stopped = false;
  private readonly seen = new Set<string>();
  /** Seed requests of hosts not started yet, written to their queue when the host gets its slot (see addSeeds). */
  private readonly deferred = new Map<string, QueuedRequest[]>();

  constructor(private readonly opts: FrontierOptions) {
    this.hostQueue = new PQueue({ concurrency: Math.max(1, opts.maxConcurrentHosts) });
    this.prefix = `nb-${slug(opts.jobName)}--`;
  }

  private queueName(key: string): string {
    const { host, lane } = splitKey(key);
    return `${this.prefix}${slug(host)}${lane === 'browser' ? BROWSER_SUFFIX : ''}`;
  }

  private queue(key: string): Promise<RequestQueueV1> {
    let q = this.queues.get(key);
    if (!q) {
      q = openHostQueue(this.queueName(key), this.opts.crawlee);
      this.queues.set(key, q);
    }
    return q;
  }

  /** Queues requests, each on its host's queue (of its lane), and makes sure each gets crawled. */
  async add(requests: QueuedRequest[]): Promise<void> {
    const byKey = groupByKey(requests);
    for (const [key, reqs] of byKey) await this.write(key, reqs);
    // Scheduled only once every queue holds its requests, biggest first: p-queue starts a task the moment a slot is
    // free, so scheduling while still adding would hand the first slots to whatever came first in the seeds.
    this.scheduleAll([...byKey.keys()]);
  }

  /**
   * Queues a run's seed requests: each host's are written to its persisted queue when the host gets its slot, not
   * all before the first request (a national registry's 35k seeds are 35k queue files, a minute and more of
   * writing). Only for requests every run makes again from the registry: one not yet written when the process dies
   * is made again by the next run, whose seeds are the same.
   */
  addSeeds(requests: QueuedRequest[]): void {
    const byKey = groupByKey(requests);
    for (const [key, reqs] of byKey) {
      const waiting = this.deferred.get(key);
      if (waiting) waiting.push(...reqs);
      else this.deferred.set(key, reqs);
    }
    this.scheduleAll([...byKey.keys()]);
  }

  private async write(key: string, reqs: QueuedRequest[]): Promise<void> {
    const q = await this.queue(key);
    // Crawlee's request options know nothing of lanes.
    await q.addRequests(reqs.map(({ lane: _lane, ...r }) => ({ ...r, userData: { ...r.userData } })));
  }

  private weight(key: string): number {
    return this.opts.hostWeight?.(splitKey(key).host) ?? 0;
  }

  /** Schedules keys biggest first (stable: equal weights keep their order). */
  private scheduleAll(keys: string[]): void {
    const weighted = keys.map((key) => ({ key, w: this.weight(key) }));
    weighted.sort((a, b) => b.w - a.w);
    for (const { key } of weighted) this.schedule(key);
  }

  /** Host queues (lanes) crawled so far in this run: finished, being crawled, and all. */
  hostCounts(): { done: number; active: number; total: number } {
    return { done: this.seen.size - this.running.size, active: Math.min(this.running.size, this.opts.maxConcurrentHosts), total: this.seen.size };
  }

  private schedule(key: string): void {
    if (this.stopped) return;
    this.seen.add(key);
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.running.add(key);
    // The priority orders hosts still waiting for a slot, including hosts scheduled later in the run.
    void this.hostQueue
      .add(async () => {
        const q = await this.queue(key);
        try {
          // A request added while the crawler was finishing marks the queue dirty: run it once more.
          for (let round = 0; round < 100 && !this.stopped; round++) {
            this.dirty.delete(key);
            const seeds = this.deferred.get(key);
            if (seeds) {
              this.deferred.delete(key);
              await this.write(key, seeds);
            }
            const { host, lane } = splitKey(key);
            await this.opts.runHost(host, q, lane);
            if (!this.dirty.has(key) && (await q.isFinished())) break;
          }
        } finally {
          this.running.delete(key);
        }
      }, { priority: this.weight(key) })
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
      const q = await openHostQueue(name, this.opts.crawlee);
      if (await q.isFinished()) continue;
      const head = await q.fetchNextRequest();
      if (!head) continue;
      await q.reclaimRequest(head, { forefront: true });
      const key = laneKey(Scope.hostOf(head.url), name.endsWith(BROWSER_SUFFIX) ? 'browser' : 'http');
      this.queues.set(key, Promise.resolve(q));
      resumed.push(key);
    }
    this.scheduleAll(resumed);
    return resumed;
  }

  /** Starts no more hosts and no more rounds: the run is ending early (a storage fault). Queues stay persisted. */
  stop(): void {
    this.stopped = true;
    this.hostQueue.clear();
    this.deferred.clear();
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
