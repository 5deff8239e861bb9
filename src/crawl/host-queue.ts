/**
 * One host's queue of requests (one lane of it), held in memory and persisted in the catalog (frontier_requests):
 * what Crawlee's crawler fetches from, through Crawlee's own request-manager interface.
 *
 * Written here rather than using Crawlee's RequestQueue because the queue is the crawl's hottest path: Crawlee's
 * persisted queue writes a JSON file (and before issue 12, took a lock directory) twice per request, validates every
 * call with ow/shapeshift, and its storage client keeps an index of every entry in memory; measured at ≈ 11 % of a
 * crawl's CPU and a share of its memory growing with crawl size (bench/README.md). Here a request costs one row
 * written when it is queued and one update when it is done, in the catalog that must record the page anyway, and a
 * handled request keeps only its key in memory. No library offers a Crawlee request manager over SQLite.
 *
 * Order: first in, first out; a request given back `forefront` goes to the front. Deduplication: by uniqueKey over
 * the whole run (handled requests included), as Crawlee's queues do.
 */
import { Request, type IRequestManager, type RequestQueueOperationInfo, type RequestQueueOperationOptions, type Source } from '@crawlee/core';
import type { FrontierRequests } from '../catalog/frontier-requests.ts';

/** An HTTP method as Crawlee's requests type it. */
type AllowedHttpMethods = Request['method'];

/** What is stored of a request: enough to make it again after a restart. */
interface StoredRequest {
  url: string;
  uniqueKey: string;
  method?: AllowedHttpMethods;
  payload?: string;
  headers?: Record<string, string>;
  skipNavigation?: boolean;
  userData?: Record<string, unknown>;
  retryCount?: number;
  noRetry?: boolean;
  /** Crawlee's count of session rotations (a SessionError's retries), capped by its maxSessionRotations: a request
   * given back without it had its count reset, and a SessionError on every try was retried for ever. */
  sessionRotationCount?: number;
}

interface Pending {
  seq: number;
  request: StoredRequest;
}

/** The answer Crawlee expects from a queue operation. */
type OperationInfo = RequestQueueOperationInfo;

/** A request-like given to `add`: Crawlee's sources or nianbao's queued requests. */
export type RequestLike = Omit<Partial<StoredRequest>, 'userData' | 'method'> & { url: string; method?: string; userData?: object };

export class HostQueue implements IRequestManager {
  /** Requests waiting, in order (the front is fetched next). */
  private pending: Pending[] = [];
  /** Index of the first request of `pending` not fetched yet (shifting a long array each fetch is quadratic). */
  private head = 0;
  private readonly inProgress = new Map<string, Request>();
  /** Every uniqueKey this queue ever held in this run: handled, waiting or in progress. */
  private readonly known = new Set<string>();
  private handled = 0;
  /** Requests the crawler may still fetch in this round (Frontier's scouting), then the queue looks empty to it. */
  private budget = Infinity;
  /** Asked once the budget is spent: whether the limit still holds (else it is lifted and the crawl goes on). */
  private stillLimited: () => boolean = () => true;
  private lastSeq = 0;
  private firstSeq = 0;
  // Set by Crawlee's crawler on the queue it is given; unused here (no call of this queue waits on anything).
  internalTimeoutMillis = 0;
  requestLockSecs = 0;

  private constructor(
    private readonly store: FrontierRequests,
    private readonly job: string,
    /** The queue's key: the host, or the host with its browser-lane suffix. */
    readonly name: string,
  ) {}

  /** The queue as the catalog holds it: an interrupted run's requests come back, those done stay done. */
  static open(store: FrontierRequests, job: string, name: string): HostQueue {
    const q = new HostQueue(store, job, name);
    for (const row of store.load(job, name)) {
      q.known.add(row.unique_key);
      q.lastSeq = Math.max(q.lastSeq, row.seq);
      q.firstSeq = Math.min(q.firstSeq, row.seq);
      if (row.request === null) q.handled += 1;
      else q.pending.push({ seq: row.seq, request: JSON.parse(row.request) as StoredRequest });
    }
    return q;
  }

  private waiting(): number {
    return this.pending.length - this.head;
  }

  /**
   * Lets the crawler fetch `n` more requests, after which the queue is empty and, those done, finished to it (the
   * requests left stay queued), as long as `stillLimited` says so when asked then; Infinity lifts the limit. The
   * frontier scouts a host so (frontier.ts).
   */
  limitFetches(n: number, stillLimited: () => boolean = () => true): void {
    this.budget = n;
    this.stillLimited = stillLimited;
  }

  /** Requests the crawler may fetch now: those waiting, within the budget. */
  private fetchable(): number {
    const waiting = this.waiting();
    if (this.budget <= 0 && waiting > 0 && !this.stillLimited()) this.budget = Infinity;
    return Math.min(waiting, this.budget);
  }

  /** Queues requests not known yet, persisted in one transaction before they can be fetched; returns how many were new. */
  add(requests: RequestLike[], options: RequestQueueOperationOptions = {}): number {
    const fresh: Pending[] = [];
    for (const r of requests) {
      const stored = storedOf(r);
      if (this.known.has(stored.uniqueKey)) continue;
      this.known.add(stored.uniqueKey);
      fresh.push({ seq: options.forefront ? --this.firstSeq : ++this.lastSeq, request: stored });
    }
    if (!fresh.length) return 0;
    this.store.add(
      this.job,
      this.name,
      fresh.map((p) => ({ uniqueKey: p.request.uniqueKey, seq: p.seq, request: JSON.stringify(p.request) })),
    );
    if (options.forefront) this.pending.splice(this.head, 0, ...fresh.reverse());
    else this.pending.push(...fresh);
    return fresh.length;
  }

  async addRequest(requestLike: Source, options?: RequestQueueOperationOptions): Promise<OperationInfo> {
    const like = requestLikeOf(requestLike);
    const uniqueKey = storedOf(like).uniqueKey;
    const present = this.known.has(uniqueKey);
    this.add([like], options);
    return { requestId: uniqueKey, uniqueKey, wasAlreadyPresent: present, wasAlreadyHandled: present && !this.isWaitingOrActive(uniqueKey), forefront: !!options?.forefront };
  }

  async addRequestsBatched(requests: Parameters<IRequestManager['addRequestsBatched']>[0], options?: RequestQueueOperationOptions) {
    const added: OperationInfo[] = [];
    for await (const r of requests as AsyncIterable<Source> | Iterable<Source>) added.push(await this.addRequest(r, options));
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]) };
  }

  private isWaitingOrActive(uniqueKey: string): boolean {
    if (this.inProgress.has(uniqueKey)) return true;
    for (let i = this.head; i < this.pending.length; i++) if (this.pending[i]!.request.uniqueKey === uniqueKey) return true;
    return false;
  }

  async fetchNextRequest<T extends Record<string, unknown>>(): Promise<Request<T> | null> {
    if (this.fetchable() <= 0) return null;
    this.budget -= 1;
    const next = this.pending[this.head]!;
    this.pending[this.head++] = undefined as unknown as Pending;
    // Compacted now and then so the array does not keep every fetched slot.
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
    const request = new Request<T>({ ...(next.request as StoredRequest & { userData?: T }), id: String(next.seq) });
    this.inProgress.set(request.uniqueKey, request as unknown as Request);
    return request;
  }

  async markRequestHandled(request: Request): Promise<OperationInfo> {
    this.inProgress.delete(request.uniqueKey);
    this.store.handled(this.job, this.name, request.uniqueKey);
    this.handled += 1;
    return { requestId: request.id ?? request.uniqueKey, uniqueKey: request.uniqueKey, wasAlreadyPresent: true, wasAlreadyHandled: false, forefront: false };
  }

  async reclaimRequest(request: Request, options: RequestQueueOperationOptions = {}): Promise<OperationInfo> {
    this.inProgress.delete(request.uniqueKey);
    const stored = storedOf(request as unknown as RequestLike);
    const seq = options.forefront ? --this.firstSeq : ++this.lastSeq;
    this.store.update(this.job, this.name, stored.uniqueKey, seq, JSON.stringify(stored));
    const entry = { seq, request: stored };
    if (options.forefront) this.pending.splice(this.head, 0, entry);
    else this.pending.push(entry);
    return { requestId: request.id ?? stored.uniqueKey, uniqueKey: stored.uniqueKey, wasAlreadyPresent: true, wasAlreadyHandled: false, forefront: !!options.forefront };
  }

  async isEmpty(): Promise<boolean> {
    return this.fetchable() === 0;
  }

  async isFinished(): Promise<boolean> {
    return this.fetchable() === 0 && this.inProgress.size === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.known.size;
  }

  getPendingCount(): number {
    return this.waiting();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const r = await this.fetchNextRequest();
      if (!r) return;
      yield r;
    }
  }
}

/** A Crawlee source (a URL string or request options) as a request-like. */
function requestLikeOf(source: Source): RequestLike {
  if (typeof source === 'string') return { url: source };
  const s = source as RequestLike & { requestsFromUrl?: string };
  if (typeof s.url !== 'string') throw new Error(`a queued request has no url: ${JSON.stringify(source).slice(0, 200)}`);
  return s;
}

/**
 * The stored form of a request; its uniqueKey computed as Crawlee computes it when none is given (normalised URL,
 * method and payload), so that the same address queued by two paths is one request.
 */
function storedOf(r: RequestLike): StoredRequest {
  const method = r.method && r.method.toUpperCase() !== 'GET' ? (r.method.toUpperCase() as AllowedHttpMethods) : undefined;
  const uniqueKey = r.uniqueKey || keyOf(r.url, method ?? 'GET', r.payload);
  const stored: StoredRequest = { url: r.url, uniqueKey };
  if (method) stored.method = method;
  if (r.payload !== undefined) stored.payload = r.payload;
  if (r.headers && Object.keys(r.headers).length) stored.headers = r.headers;
  if (r.skipNavigation) stored.skipNavigation = true;
  if (r.userData) stored.userData = { ...(r.userData as Record<string, unknown>) };
  if (r.retryCount) stored.retryCount = r.retryCount;
  if (r.noRetry) stored.noRetry = true;
  if (r.sessionRotationCount) stored.sessionRotationCount = r.sessionRotationCount;
  return stored;
}

/**
 * Crawlee's key for a request, and for an address whose query is percent-encoded in another charset than UTF-8 (a
 * GBK page's `nb.asp?dw=%C7%ED%BD%E1%D5%F2…`), that query as written beside it: Crawlee's normalisation decodes the
 * query as UTF-8, each GBK byte a replacement character, so units' names of one length became one request (round
 * 89d: two of four towns' tabs never asked).
 */
function keyOf(url: string, method: AllowedHttpMethods, payload: string | Buffer | undefined): string {
  const key = Request.computeUniqueKey({ url, method, payload });
  const q = url.indexOf('?');
  if (q < 0) return key;
  const search = url.slice(q).replace(/#.*$/, '');
  try {
    decodeURIComponent(search);
    return key;
  } catch {
    return `${key} ${search}`;
  }
}
