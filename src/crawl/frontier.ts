/**
 * The frontier: one request queue per host (in memory, persisted in the catalog: host-queue.ts), and one crawler at a time per host, with at most
 * `maxConcurrentHosts` hosts crawled at once (p-queue). Partitioning by host is what lets per-host politeness
 * coexist with throughput: a single shared queue would fill every worker with requests waiting on the same slow
 * host. Queues are kept under the job's name and the host, so a killed run finds them again and resumes.
 * A host whose pages need a browser gets a second queue, its browser lane, crawled by a browser crawler; both
 * lanes of one host fetch through the same per-host gate, so politeness holds across them.
 * When hosts outnumber slots, the biggest known host starts first (longest processing time first): a polite crawl's
 * wall time is at least its largest host's pages × delay, and a big host started last would add its whole time to
 * the end of the run. Seed order puts no bound on that; LPT stays within 4/3 of the best schedule (Graham), and
 * measured within 1.1× (bench/slots.ts).
 * A host whose size nothing tells (a first crawl) is **scouted**: crawled for the requests it was started with (its
 * seed pages) ahead of every known host, then, when other hosts wait for a slot, it gives its slot back and waits
 * with the requests its pages queued as its weight; so the biggest hosts found go first on a first crawl too.
 */
import { AsyncResource } from 'node:async_hooks';
import PQueue from 'p-queue';
import type { FrontierRequests } from '../catalog/frontier-requests.ts';
import { Scope } from '../download/scope.ts';
import { HostQueue } from './host-queue.ts';
import type { Lane, QueuedRequest } from './requests.ts';

/**
 * The async context host crawlers start in: none of a request's. A host is often scheduled from inside another host's
 * request handler (a list page queueing a report on a sibling host, a seed sent to the browser lane); started there,
 * its crawler's whole chain of promises would carry that handler's async context: Crawlee's timeout frame, which
 * reaches the handled page's body and DOM, kept for the host's whole crawl, and the page's encoding
 * (download/scope.ts withPageEncoding) leaking into another host's links.
 */
const HOST_SCOPE = new AsyncResource('nianbao.host-crawl');

/** Crawls one host's queue of one lane until it is empty. */
export type HostRunner = (host: string, queue: HostQueue, lane: Lane) => Promise<void>;

export interface FrontierOptions {
  /** Stable per job (e.g. "crawl", "backfill-410000"), so that a rerun after a crash resumes the same queues. */
  jobName: string;
  /** Where the queues persist: the catalog. */
  store: FrontierRequests;
  maxConcurrentHosts: number;
  runHost: HostRunner;
  /**
   * How big a host is expected to be (pages its seeds gave in their last run): the priority of its slot. Undefined
   * when nothing tells (a host first crawled): its HTTP lane is scouted first (see above); without this option every
   * host is.
   */
  hostWeight?: (host: string) => number | undefined;
  /**
   * The hosts this frontier crawls (a queued run's host job): requests for any other host are written to that host's
   * persisted queue and left for its own job. Default: every host.
   */
  owns?: (host: string) => boolean;
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

const BROWSER_SUFFIX = '--browser';

/** The key of a host's queue in one lane: the host itself for HTTP, host + suffix for the browser. */
function laneKey(host: string, lane: Lane): string {
  return lane === 'browser' ? `${host}${BROWSER_SUFFIX}` : host;
}

/** The priority of a host to scout: before every host whose weight is known. */
const SCOUT = Number.MAX_SAFE_INTEGER;

function splitKey(key: string): { host: string; lane: Lane } {
  return key.endsWith(BROWSER_SUFFIX) ? { host: key.slice(0, -BROWSER_SUFFIX.length), lane: 'browser' } : { host: key, lane: 'http' };
}

export class Frontier {
  /** Queues of hosts crawled or waiting; a host's is let go once it is done (the catalog keeps it for the run). */
  private readonly queues = new Map<string, HostQueue>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly hostQueue: PQueue;
  private failure: unknown = null;
  private stopped = false;
  private readonly seen = new Set<string>();
  /** Seed requests of hosts not started yet, written to their queue when the host gets its slot (see addSeeds). */
  private readonly deferred = new Map<string, QueuedRequest[]>();
  /** Hosts scouted in this run (their first requests made, their weight the requests those queued). */
  private readonly scouted = new Set<string>();
  /** Scouted hosts waiting for a slot again: not crawled now, though still `running` (not done). */
  private readonly parked = new Set<string>();

  constructor(private readonly opts: FrontierOptions) {
    this.hostQueue = new PQueue({ concurrency: Math.max(1, opts.maxConcurrentHosts) });
  }

  private queue(key: string): HostQueue {
    let q = this.queues.get(key);
    if (!q) {
      q = HostQueue.open(this.opts.store, this.opts.jobName, key);
      this.queues.set(key, q);
    }
    return q;
  }

  /** Queues requests, each on its host's queue (of its lane), and makes sure each gets crawled. */
  async add(requests: QueuedRequest[]): Promise<void> {
    const byKey = groupByKey(requests);
    for (const [key, reqs] of byKey) this.write(key, reqs);
    // Scheduled only once every queue holds its requests, biggest first: p-queue starts a task the moment a slot is
    // free, so scheduling while still adding would hand the first slots to whatever came first in the seeds.
    this.scheduleAll([...byKey.keys()]);
  }

  /**
   * Queues a run's seed requests: each host's are written to its persisted queue when the host gets its slot, not
   * all before the first request (a national registry's 35k seeds held in memory and written before anything
   * starts). Only for requests every run makes again from the registry: one not yet written when the process dies
   * is made again by the next run, whose seeds are the same.
   */
  addSeeds(requests: QueuedRequest[]): void {
    const byKey = groupByKey(requests);
    for (const [key, reqs] of byKey) {
      if (this.opts.owns && !this.opts.owns(splitKey(key).host)) {
        this.write(key, reqs);
        continue;
      }
      const waiting = this.deferred.get(key);
      if (waiting) waiting.push(...reqs);
      else this.deferred.set(key, reqs);
    }
    this.scheduleAll([...byKey.keys()]);
  }

  private write(key: string, reqs: QueuedRequest[]): void {
    // The queue knows nothing of lanes: each lane has its own.
    const strip = ({ lane: _lane, forefront: _front, ...r }: QueuedRequest) => r;
    const front = reqs.filter((r) => r.forefront);
    if (front.length) this.queue(key).add(front.map(strip), { forefront: true });
    const rest = front.length ? reqs.filter((r) => !r.forefront) : reqs;
    if (rest.length) this.queue(key).add(rest.map(strip));
  }

  /** What the key's host is known to weigh (hostWeight), if anything. */
  private knownWeight(key: string): number | undefined {
    return this.opts.hostWeight?.(splitKey(key).host);
  }

  /** The key's slot priority: its known weight; a host to scout before any (SCOUT); a browser lane nothing weighs, 0. */
  private weight(key: string): number {
    return this.knownWeight(key) ?? (this.toScout(key) ? SCOUT : 0);
  }

  /** An HTTP lane of a host nothing weighs, not scouted yet in this run. */
  private toScout(key: string): boolean {
    return splitKey(key).lane === 'http' && !this.scouted.has(key) && this.knownWeight(key) === undefined;
  }

  /** Schedules keys biggest first (stable: equal weights keep their order). */
  private scheduleAll(keys: string[]): void {
    const weighted = keys.map((key) => ({ key, w: this.weight(key) }));
    weighted.sort((a, b) => b.w - a.w);
    for (const { key } of weighted) this.schedule(key);
  }

  /** Host queues (lanes) crawled so far in this run: finished, being crawled, and all. */
  hostCounts(): { done: number; active: number; total: number } {
    return { done: this.seen.size - this.running.size, active: Math.min(this.running.size - this.parked.size, this.opts.maxConcurrentHosts), total: this.seen.size };
  }

  private schedule(key: string): void {
    if (this.stopped) return;
    // Another job's host: its requests are in its persisted queue (written by add), crawled by that job.
    if (this.opts.owns && !this.opts.owns(splitKey(key).host)) return;
    this.seen.add(key);
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.running.add(key);
    // The priority orders hosts still waiting for a slot, including hosts scheduled later in the run.
    HOST_SCOPE.runInAsyncScope(() => this.start(key));
  }

  private start(key: string, priority = this.weight(key)): void {
    void this.hostQueue
      .add(async () => {
        this.parked.delete(key);
        let parked = false;
        try {
          // A request added while the crawler was finishing marks the queue dirty: run it once more if it is not done.
          for (let round = 0; round < 100 && !this.stopped; round++) {
            this.dirty.delete(key);
            const seeds = this.deferred.get(key);
            if (seeds) {
              this.deferred.delete(key);
              this.write(key, seeds);
            }
            const q = this.queue(key);
            const scout = this.toScout(key);
            // Scouting: the requests it was started with (its seed pages), then on only if no host waits for a slot.
            if (scout) {
              this.scouted.add(key);
              q.limitFetches(Math.max(1, q.getPendingCount()), () => this.hostQueue.size > 0);
            }
            const { host, lane } = splitKey(key);
            try {
              await this.opts.runHost(host, q, lane);
            } finally {
              if (scout) q.limitFetches(Infinity);
            }
            // Requests added meanwhile (dirty) are in this queue, seeds added meanwhile wait in `deferred`: finished
            // with none waiting, there is nothing left for another round.
            if (!this.deferred.has(key) && (await q.isFinished())) break;
            // Scouted, and other hosts wait for a slot: it waits too, weighed by the requests its pages queued. Its
            // queue is let go meanwhile (the catalog holds it), so a first crawl's thousands of scouted hosts do not
            // keep their requests in memory.
            if (scout && this.hostQueue.size > 0) {
              const weight = q.getPendingCount();
              if (!this.dirty.has(key)) this.queues.delete(key);
              parked = true;
              this.parked.add(key);
              this.start(key, weight);
              return;
            }
          }
        } finally {
          if (!parked) {
            this.running.delete(key);
            // Done: its requests stay in the catalog (a request added later for this host opens it again from there).
            if (!this.dirty.has(key)) this.queues.delete(key);
          }
        }
      }, { priority })
      .catch((err: unknown) => {
        this.failure ??= err;
      });
  }

  /** Queues an earlier, unfinished run of this job left with requests to make; their hosts are scheduled again. */
  async resume(): Promise<string[]> {
    const owns = this.opts.owns;
    const resumed = this.opts.store.pendingQueues(this.opts.jobName).filter((key) => !owns || owns(splitKey(key).host));
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
    this.opts.store.drop(this.opts.jobName);
    this.queues.clear();
  }
}
