/**
 * One harvest run: registry → catalog, then every seed entry crawled through the per-host frontier, pages and
 * files stored, everything recorded in the catalog. Used by `nianbao crawl` (and later backfill and schedule).
 */
// HttpCrawler (page-crawler.ts), not CheerioCrawler: the handlers parse each page once with the project's cheerio
// (html.ts); CheerioCrawler would parse it a second time, with its own cheerio, into a DOM nobody reads.
import { PageCrawler } from './page-crawler.ts';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import PQueue from 'p-queue';
import type { Configuration, RequestProvider, SessionOptions } from '@crawlee/core';
import type { Catalog } from '../catalog/catalog.ts';
import type { GroupCommit } from '../catalog/group-commit.ts';
import type { RunEvent } from '../catalog/runs.ts';
import { storagePaths, type NianbaoConfig } from '../config.ts';
import { PoliteHttpClient } from '../download/crawlee-http-client.ts';
import { DocumentSpool } from '../download/document-spool.ts';
import { inSimplifiedScript } from '../encoding/simplified-script.ts';
import { Downloader } from '../download/downloader.ts';
import { Fetcher } from '../download/fetcher.ts';
import { Robots } from '../download/robots.ts';
import { Scope, withPageEncoding } from '../download/scope.ts';
import { openContentStore, type ContentStore } from '../download/content-store.ts';
import { HostCookies } from '../download/host-cookies.ts';
import { FetchError, storageFaultOf } from '../errors.ts';
import type { SeedAgency } from '../registry/seeds-file.ts';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import { syncRegistry, syncRegistryFiles } from '../registry/sync.ts';
import { Attributor } from './attribution.ts';
import { crawleeConfiguration } from './crawlee-setup.ts';
import { HostJars } from './host-jars.ts';
import { Frontier } from './frontier.ts';
import type { HostQueue } from './host-queue.ts';
import { DOCUMENT_MIME_TYPES } from './detail-routing.ts';
import { JSON_MIME_TYPES, JSONP_MIME_TYPES } from './learn/list-shape.ts';
import { CSV_MIME_TYPES } from './learn/csv-answer.ts';
import { handleDetail, handleList, ownApi, seedWithoutQuery } from './handlers.ts';
import { failedStatus, withoutTracking } from './seed-query.ts';
import { emit, recordFailure, type HarvestContext } from './harvest-context.ts';
import { handleFile } from './stored-files.ts';
import { DEFAULT_RECRAWL, type RecrawlPolicy } from './recrawl-policy.ts';
import type { Lane, ListData, QueuedRequest, RequestData } from './requests.ts';
import type { SharedBrowser } from './shared-browser.ts';
import { SinkStop } from './sink-stop.ts';
import { CrawlStats } from './stats.ts';
import { SeedTallies } from './seed-tally.ts';
import { escalations, finishSeeds } from './seed-review.ts';
import { exploreEmptySeeds, rememberedColumns } from './seed-explore.ts';
import { yieldedNothing, type SeedRun } from '../catalog/seed-health.ts';
import { boundHeapGrowth } from './heap.ts';
import { pagingHeadersOf } from './learn/answer-headers.ts';

/** Every 5xx status: handed to the handlers, never thrown by Crawlee (see ignoreHttpErrorStatusCodes below). */
const SERVER_ERRORS = Array.from({ length: 100 }, (_, i) => 500 + i);

export interface HarvestOptions {
  config: NianbaoConfig;
  catalog: Catalog;
  /**
   * The registry: seeds files (an unchanged registry is then neither parsed nor synced again), or seeds already
   * parsed (a subset, as a backfill's province).
   */
  seeds: SeedAgency[] | { files: string[] } | { entries: SeedEntryRow[] };
  /** Recorded in the runs table. */
  kind: 'crawl' | 'backfill';
  /** Names the persisted queues: the same job resumes them after a crash. */
  jobName: string;
  args?: Record<string, unknown>;
  policy?: RecrawlPolicy;
  /** Only reports on these years. */
  years?: (year: number) => boolean;
  /** Page through every list to its end (backfill), never stopping early on known items. */
  fullDepth?: boolean;
  /** Told about every run event, and every second about the counters (progress display). */
  onEvent?: (e: RunEvent) => void;
  /** The file store; default the configured one (`files`: the storage directory's or a bucket), with its free-space floor. */
  store?: ContentStore;
  onTick?: (stats: CrawlStats, hosts: { done: number; active: number; total: number }) => void;
  /**
   * One host job of a queued run (src/queue/): the run exists already, only `hosts` are crawled here (requests
   * found for other hosts are written to their persisted queues, for their own jobs), seeds are given as catalog
   * entries, and the run is neither finished nor its queues dropped: its counts are added to the run's.
   */
  hostJob?: HostJobScope;
}

export interface HostJobScope {
  runId: number;
  /** The hosts this job crawls (one, in practice). */
  hosts: ReadonlySet<string>;
  /** Every host of the run's seeds: what the crawl may reach, as a whole run's scope. */
  scopeHosts: string[];
}

export interface HarvestSummary {
  runId: number;
  status: 'ok' | 'partial';
  stats: CrawlStats;
  openCircuits: { host: string; reason: string }[];
  resumedHosts: string[];
  /** Every seed entry's result of this run. */
  seeds: SeedRun[];
  /** Seed entries that yielded no report item (each has a seed_empty event). */
  emptySeeds: number;
  /** Seeds that yielded fewer report items than their pager or list answer announces, or dropped some (`short`). */
  shortSeeds: number;
}

/**
 * Runs one harvest. A storage (sink) fault anywhere — disk full, read-only, catalog full — rejects with a SinkError
 * (exit 5) after stopping every crawler; no host is blamed and the requests in flight stay queued for the next run.
 */
export async function harvest(opts: HarvestOptions): Promise<HarvestSummary> {
  try {
    return await harvestOnce(opts);
  } catch (err) {
    throw storageFaultOf(err, opts.config.catalog) ?? err;
  }
}

async function harvestOnce(opts: HarvestOptions): Promise<HarvestSummary> {
  const { config, catalog } = opts;
  boundHeapGrowth();
  const paths = storagePaths(config.storageDir);
  const entries = Array.isArray(opts.seeds)
    ? syncRegistry(catalog, opts.seeds)
    : 'entries' in opts.seeds
      ? opts.seeds.entries
      : syncRegistryFiles(catalog, opts.seeds.files).entries;
  const job = opts.hostJob;
  const scope = new Scope(job?.scopeHosts ?? entries.map((e) => e.host));
  const stats = new CrawlStats();
  const fetcher = new Fetcher(config.politeness, scope, {
    onExchange: (e) => {
      stats.requests += 1;
      stats.host(e.host).requests += 1;
    },
  });
  fetcher.robots = new Robots(fetcher, config.politeness.userAgent);
  const hostCookies = new HostCookies();
  fetcher.cookies = hostCookies;
  // Hosts that needed the browser to pass a challenge before: their seeds start in the browser lane.
  const challenged = new Set(catalog.challenges.hosts());
  const startsInBrowser = (e: { render: string; host: string }) => e.render === 'browser' || (e.render !== 'http' && challenged.has(e.host));
  const store = opts.store ?? (await openContentStore(config));
  const sink = new SinkStop(paths.catalog);
  // A queued run's worker shares the storage with others downloading at the same time: their temp files are not stale.
  if (!job) await store.sweepTemp();
  // Documents answered to page requests wait here for the downloader (document-spool.ts), in the run's own folder.
  const spool = new DocumentSpool(path.join(paths.tmp, `spool-${process.pid}-${randomUUID()}`), config.maxFileBytes, config.politeness.downloadTimeoutMs);
  const http = new PoliteHttpClient(fetcher, spool);
  const crawlee = crawleeConfiguration(paths.crawlee);
  // The run owns Crawlee's event manager, shared by every host's crawler: a crawler that inits it closes it when it
  // ends, and a close racing another crawler's init leaks a minute-long interval that keeps the process alive.
  const events = crawlee.getEventManager();
  // Each host's crawler listens to that manager while it runs (its load signal, its pause on migration; removed when it
  // ends): hosts crawled at once are that many listeners of an event, no leak. Crawlee's limit of 50 made Node warn
  // "Possible AsyncEventEmitter memory leak detected" (and the process "51 SIGINT listeners") on any crawl of more
  // hosts at once: a national run's terminal full of false alarms. The limits follow the slots.
  listenerRoom(events, config.politeness.maxConcurrentHosts);
  const runId = job?.runId ?? catalog.runs.start(opts.kind, { job: opts.jobName, ...opts.args });
  // The catalog writes of several requests commit together (catalog/group-commit.ts), the renames of the files they
  // stored fsynced just before; each handler joins the open batch first.
  let batch: GroupCommit | null = null;
  batch = catalog.groupCommit({ beforeCommit: store.deferDirSyncs?.(() => batch?.batching ?? false) });

  let ctx: HarvestContext | null = null;
  // Each browser host runs its own Chromium: at most config.maxBrowsers at once, the others wait for one.
  const browsers = new PQueue({ concurrency: config.maxBrowsers });
  // One Chromium for the crawl, launched with its first browser host (shared-browser.ts).
  const shared: { browser: SharedBrowser | null } = { browser: null };
  // Each host's cookies, from one crawler round of it to the next (host-jars.ts).
  const jars = new HostJars();
  const runHost = async (host: string, queue: HostQueue, lane: Lane) => {
    if (sink.fault) return;
    if (lane === 'browser') {
      // Loaded with the first browser host: Playwright and its crawler are ≈ 0.15 s of CPU that most runs never use.
      const lane = await import('./browser-lane.ts');
      const browser = (shared.browser ??= new lane.SharedBrowser(config.chromiumPath, config.politeness.userAgent));
      return browsers.add(async () => {
        if (!sink.fault) await lane.runBrowserHost(queue, { config, crawlee, http, context: () => ctx!, browser });
      });
    }
    const jar = jars.jarFor(host);
    const crawler = new PageCrawler(
      {
        // Crawlee's request-manager interface, given where its options take a queue (their validation knows no
        // requestManager option in 3.18; the crawler only calls the interface's methods).
        requestQueue: queue as unknown as RequestProvider,
        httpClient: http,
        maxConcurrency: config.politeness.hostConcurrency,
        minConcurrency: 1,
        maxRequestRetries: 1,
        // The fetcher bounds each attempt itself; these only bound waiting for the host's turn and backoffs.
        navigationTimeoutSecs: 3600,
        requestHandlerTimeoutSecs: 3600,
        useSessionPool: true,
        persistCookiesPerSession: true,
        // Session (cookie) and statistics state are not persisted: crawlers of many hosts run side by side and
        // would race on shared key-value records, and a record half-written by a killed run breaks the next start.
        // The catalog holds what must survive. 401/403/429 are the fetcher's to handle, not reasons to retire a session.
        // One session (one cookie jar) per host crawler, kept for the whole host, as one visitor would: Crawlee's pool
        // otherwise creates a new session for every request until it holds 1,000 (a cookie jar, validation and
        // memory per request, and cookies a site set not sent back on the next page).
        sessionPoolOptions: {
          maxPoolSize: 1,
          // The jar is tough-cookie's (one copy installed, Crawlee's own); typed by its ESM and its CJS declarations.
          sessionOptions: { maxUsageCount: Number.MAX_SAFE_INTEGER, cookieJar: jar as unknown as NonNullable<SessionOptions['cookieJar']> },
          blockedStatusCodes: [],
          persistenceOptions: { enable: false },
        },
        statisticsOptions: { persistenceOptions: { enable: false } },
        // JavaScript: a learned JSONP list endpoint answers `callback({...})` as a script; CSV: a list published as a
        // spreadsheet file the page parses (learn/csv-answer.ts); feeds: a column's RSS or Atom feed (feed-list.ts).
        additionalMimeTypes: [...JSON_MIME_TYPES, 'text/plain', 'application/octet-stream', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'text/event-stream', ...CSV_MIME_TYPES, ...JSONP_MIME_TYPES, ...DOCUMENT_MIME_TYPES],
        // 521: a script challenge (download/challenge-answer.ts), which the handlers send to the browser lane as they do
        // 瑞数's 412. Any other 5xx reaching Crawlee is an HTML answer the fetcher asked again and again (its
        // `errorPage`): the handlers read it when it carries its page, else record it failed.
        ignoreHttpErrorStatusCodes: SERVER_ERRORS,
        statusMessageLoggingInterval: 3600,
        // A page of a list asked from its page's own API (a service's host) found in the queue of an interrupted
        // run: vouched for again (download/scope.ts).
        preNavigationHooks: [
          ({ request }) => {
            const data = request.userData as RequestData;
            if (data.kind === 'list' && ownApi(undefined, data)) ctx!.scope.vouch(request.url);
          },
        ],
        requestHandler: async (c) =>
          sink.guard(async () => {
            batch?.enter();
            const data = c.request.userData as RequestData;
            if (data.kind === 'file') return handleFile(ctx!, c.request.url, data);
            const visit = {
              url: c.request.url,
              loadedUrl: c.request.loadedUrl ?? c.request.url,
              status: c.response.statusCode ?? 0,
              // A page in traditional characters (a 繁體 version) is read in simplified ones (simplified-script.ts).
              body: inSimplifiedScript(typeof c.body === 'string' ? c.body : c.body.toString('utf8')),
              contentType: c.contentType.type,
              encoding: ctx!.http.encodingOf(c.request.loadedUrl ?? c.request.url),
              method: c.request.method,
              headers: pagingHeadersOf(c.response.headers),
            };
            // Links written with a raw query are asked in the page's encoding, as a browser asks them (scope.ts).
            return withPageEncoding(visit.encoding, () => (data.kind === 'list' ? handleList(ctx!, visit, data) : handleDetail(ctx!, visit, data)));
          }),
        errorHandler: async ({ request }, error) => {
          // The fetcher already retried what is worth retrying; its final word is final.
          if (error instanceof FetchError) request.noRetry = true;
        },
        failedRequestHandler: async ({ request }, error) =>
          sink.guard(async () => {
            batch?.enter();
            const data = request.userData as RequestData;
            // The seed's page refused for the query it was copied with (a server error): asked without it instead.
            if (await seedWithoutQuery(ctx!, request.url, failedStatus(error), request.method, data)) return;
            recordFailure(ctx!, request.url, error, data.seedEntryId, data);
          }),
      },
      crawlee,
    );
    const untrack = sink.track(crawler);
    try {
      await crawler.run();
    } finally {
      jars.keep(host, jar);
      untrack();
    }
  };

  const weights = hostWeights(catalog, entries);
  const frontier = new Frontier({
    jobName: opts.jobName,
    store: catalog.frontier,
    maxConcurrentHosts: config.politeness.maxConcurrentHosts,
    runHost,
    hostWeight: (host) => weights.get(host),
    ...(job ? { owns: (host: string) => job.hosts.has(host) } : {}),
  });
  sink.onStop(() => frontier.stop());
  ctx = {
    catalog,
    runId,
    scope,
    frontier,
    http,
    downloader: new Downloader(fetcher, store, config.maxFileBytes, spool),
    store,
    attributor: new Attributor(catalog),
    policy: opts.policy ?? DEFAULT_RECRAWL,
    stats,
    years: opts.years,
    fullDepth: opts.fullDepth,
    onEvent: opts.onEvent,
    browserHosts: new Set(entries.filter(startsInBrowser).map((e) => e.host)),
    pinnedBrowserHosts: new Set(entries.filter((e) => e.render === 'browser').map((e) => e.host)),
    httpOnlySeeds: new Set(entries.filter((e) => e.render === 'http').map((e) => e.id)),
    hostCookies,
    maxLinksPerPage: config.politeness.maxLinksPerPage,
    sink,
    tallies: new SeedTallies(),
  };
  const h = ctx;
  const ticker = opts.onTick ? setInterval(() => opts.onTick!(stats, frontier.hostCounts()), 1000) : null;

  try {
    await events.init();
    const resumedHosts = await frontier.resume();
    // A queued run's queues are its own (named for it): its seeds are keyed by its id.
    const generation = job ? runId : runKeyOf(catalog, runId, opts.jobName);
    const starts: QueuedRequest[] = entries.map((e) => {
      const data: ListData = { kind: 'list', seedEntryId: e.id, siteAgencyId: e.agency_id, family: e.family as ListData['family'], pageIndex: 0 };
      // The run id in the key makes every run list its seeds again, while a resumed run (same queues) does not
      // repeat what it already did.
      const lane = startsInBrowser(e) ? 'browser' : 'http';
      // A shared address's tracking parameters (from=groupmessage…) are left out: the column as its site names it.
      return { url: withoutTracking(e.url) ?? e.url, uniqueKey: `seed:${generation}:${e.url}`, lane, userData: data };
    });
    for (const e of entries) h.tallies.of(e.id, e.url);
    starts.push(...rememberedColumns(h, entries, generation));
    // Each host's seeds reach its persisted queue when the host gets its slot: the first request need not wait for
    // the whole registry's seeds to be written.
    frontier.addSeeds(starts);
    await frontier.idle();
    if (sink.fault) throw sink.fault;
    // No silent zero: seeds that yielded too little go to the browser once, to learn their list from its traffic.
    const escalated = escalations(h, entries, generation, new Set(fetcher.gates.openCircuits().map((c) => c.host)));
    if (escalated.length) {
      await frontier.add(escalated);
      await frontier.idle();
      if (sink.fault) throw sink.fault;
    }
    // The last fallback: a seed that still lists no report (a portal's home page, a column moved in a redesign) has its
    // host explored from its page for the annual-report columns, read as its lists (seed-explore.ts).
    const explored = await exploreEmptySeeds(h, entries, {
      generation,
      downHosts: new Set(fetcher.gates.openCircuits().map((c) => c.host)),
      maxPages: config.exploreEmptySeedPages,
      fetcher,
    });
    if (explored.length) {
      await frontier.add(explored);
      await frontier.idle();
      if (sink.fault) throw sink.fault;
    }
    // The crawl's last batch committed: what follows (the seeds' health, the run's end) commits on its own.
    await batch?.close();
    const openCircuits = fetcher.gates.openCircuits();
    for (const c of openCircuits) emit(h, { kind: 'host_down', host: c.host, detail: c.reason });
    const seeds = finishSeeds(h, entries, new Set(openCircuits.map((c) => c.host)), resumedHosts.length > 0);
    const emptySeeds = seeds.filter(yieldedNothing).length;
    const shortSeeds = seeds.filter((s) => s.status === 'short').length;
    const status = stats.failed > 0 || openCircuits.length > 0 ? 'partial' : 'ok';
    const counts = { ...stats.toJSON(), seeds: seeds.length, emptySeeds, shortSeeds };
    if (job) {
      // The run goes on in other jobs; the last one to end finishes it (queue/run-end.ts).
      catalog.runs.addCounts(runId, { ...counts, hostsDown: openCircuits.length });
      return { runId, status, stats, openCircuits, resumedHosts, seeds, emptySeeds, shortSeeds };
    }
    catalog.runs.finish(runId, status, counts);
    catalog.runs.markInterrupted(opts.jobName, runId);
    await frontier.drop();
    return { runId, status, stats, openCircuits, resumedHosts, seeds, emptySeeds, shortSeeds };
  } catch (err) {
    try {
      // A host job's failure is its job's (retried by the queue), not its run's.
      if (!job) catalog.runs.finish(runId, 'failed', { ...stats.toJSON(), error: (err as Error).message });
    } catch {
      // The catalog may be what failed (full); the run then stays `running` and the next run resumes it as killed.
    }
    throw err;
  } finally {
    // A failed or stopped run keeps what its requests wrote, as before; a commit failing here (the fault that
    // stopped the run) loses the last batch, which the next run asks again.
    await batch?.close().catch(() => undefined);
    if (ticker) clearInterval(ticker);
    await shared.browser?.close();
    opts.onTick?.(stats, frontier.hostCounts());
    await events.close();
    await spool.close();
    if (!opts.store) await store.close();
  }
}

/**
 * Each host's expected size, the order hosts get their slots in: the sum over its seed entries of what each fetched
 * in its last run (list pages + items), an entry never run counting 1. A host none of whose entries ever ran is left
 * out: nothing tells its size, and the frontier scouts it (frontier.ts).
 */
function hostWeights(catalog: Catalog, entries: { id: number; host: string }[]): Map<string, number> {
  const last = catalog.seedHealth.lastSizes(entries.map((e) => e.id));
  const weights = new Map<string, number>();
  const known = new Set(entries.filter((e) => last.has(e.id)).map((e) => e.host));
  for (const e of entries) if (known.has(e.host)) weights.set(e.host, (weights.get(e.host) ?? 0) + Math.max(1, last.get(e.id) ?? 1));
  return weights;
}

/**
 * The key of the seed requests of this job's current generation: the id of the oldest run of this job that has not
 * finished (a crashed run being resumed), else this run's.
 */
function runKeyOf(catalog: Catalog, runId: number, jobName: string): number {
  const open = catalog.runs.unfinishedOfJob(jobName, runId);
  return open ?? runId;
}

/**
 * Listeners per event the run's event manager, and the process, allow before Node warns: each crawler running holds a
 * few of the manager's (its load signals' systemInfo, migrating, aborting) and one of the process's (SIGINT), removed
 * when it ends; hosts at once bound them, with room for the run's own.
 */
function listenerRoom(events: ReturnType<Configuration['getEventManager']>, hosts: number): void {
  // The emitter is a protected field of Crawlee's EventManager; its own constructor sets the limit (50) the same way.
  const emitter = (events as unknown as { events?: { setMaxListeners?(n: number): unknown } }).events;
  emitter?.setMaxListeners?.(Math.max(50, hosts * 4 + 50));
  process.setMaxListeners(Math.max(process.getMaxListeners(), hosts + 50));
}
