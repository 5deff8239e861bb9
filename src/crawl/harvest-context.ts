/**
 * What every stage of the crawl shares (HarvestContext: the catalog, the frontier, the fetchers, the run's tallies) and
 * the outcomes any of them records: run events, failed and refused requests, gone and skipped pages.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { AgencyRow } from '../catalog/agencies.ts';
import type { RunEvent } from '../catalog/runs.ts';
import type { PoliteHttpClient } from '../download/crawlee-http-client.ts';
import type { Downloader } from '../download/downloader.ts';
import type { HostCookies } from '../download/host-cookies.ts';
import { Scope } from '../download/scope.ts';
import type { ContentStore } from '../download/content-store.ts';
import { FetchError } from '../errors.ts';
import type { Attributor } from './attribution.ts';
import type { Frontier } from './frontier.ts';
import { countRefusedPage, countRefusedReport, type SeedTallies } from './seed-tally.ts';
import type { PageVisit } from './page-visit.ts';
import type { RecrawlPolicy } from './recrawl-policy.ts';
import type { Lane, RequestData } from './requests.ts';
import type { SinkStop } from './sink-stop.ts';
import type { CrawlStats } from './stats.ts';

export interface HarvestContext {
  catalog: Catalog;
  runId: number;
  scope: Scope;
  frontier: Frontier;
  http: PoliteHttpClient;
  downloader: Downloader;
  store: ContentStore;
  attributor: Attributor;
  policy: RecrawlPolicy;
  stats: CrawlStats;
  /** Only reports on these years (backfill --years); all when absent. */
  years?: (year: number) => boolean;
  /** Read every list page (backfill), never stopping at known items. */
  fullDepth?: boolean;
  /** Told about every run event (progress display, structured log). */
  onEvent?: (e: RunEvent) => void;
  /** Hosts whose pages only a browser sees (a challenge, or lists drawn by script): their pages go to the browser lane. */
  browserHosts: Set<string>;
  /**
   * Seed entries that say render: http: a page of theirs the HTTP path cannot read is not sent to the browser, and the
   * seed is flagged instead. (A host another seed moved to the browser lane stays there for every seed of it.)
   */
  httpOnlySeeds?: ReadonlySet<number>;
  /** Hosts whose seed says render: browser: they stay in the browser lane after a challenge is passed. */
  pinnedBrowserHosts?: Set<string>;
  /** Cookies and User-Agent of hosts whose challenge the browser passed, used by the fetcher (see crawl/challenge.ts). */
  hostCookies?: HostCookies;
  /** Links of one list page considered at most (config politeness.maxLinksPerPage); all when absent. */
  maxLinksPerPage?: number;
  /** Stops the whole run on a storage (sink) fault; every request's handling runs through its guard. */
  sink?: SinkStop;
  /** What each seed entry gave so far in this run (no silent zero, seed health). */
  tallies: SeedTallies;
}

export type { PageVisit };

export function laneOf(h: HarvestContext, url: string): Lane {
  return h.browserHosts.has(Scope.hostOf(url)) ? 'browser' : 'http';
}

/** Records a run event in the catalog and tells the progress display. */

export function emit(h: HarvestContext, e: RunEvent): void {
  h.catalog.runs.event(h.runId, e);
  h.onEvent?.(e);
}

export function agencyOf(h: HarvestContext, id: number): AgencyRow {
  const a = h.catalog.agencies.byId(id);
  if (!a) throw new Error(`agency ${id} is not in the catalog`);
  return a;
}

export function recordGone(h: HarvestContext, url: string, status: number | null, reason: string): void {
  const host = Scope.hostOf(url);
  h.catalog.urls.record({ url, host, status, outcome: 'gone', reason });
  emit(h, { kind: 'gone', host, url, detail: reason });
  h.stats.gone += 1;
  h.stats.host(host).gone += 1;
}

/**
 * Records a request that failed for good (after the fetcher's retries) or was refused (scope, robots). `data`, the
 * request's own, tells a refused list page or report page of a seed, which its health must show (never a silent
 * "empty" for a page nobody read).
 */
export function recordFailure(h: HarvestContext, url: string, err: unknown, seedEntryId?: number, data?: RequestData): void {
  const host = Scope.hostOf(url);
  const e = err instanceof FetchError ? err : null;
  const kind = e?.kind ?? 'error';
  // A file refused to visitors (a sign-in page) is the host answering, as robots.txt is: no failure of it.
  const refused = kind === 'robots' || kind === 'off_scope' || kind === 'circuit_open' || kind === 'sign_in';
  // A message already naming its kind ("network: read ECONNRESET") is not named twice.
  const message = (err as Error).message;
  const reason = message.startsWith(`${kind}: `) ? message : `${kind}: ${message}`;
  if (data?.kind === 'file' && data.pictureOrder !== undefined) return recordPictureMissed(h, url, e?.status ?? null, reason);
  h.catalog.urls.record({ url, host, status: e?.status ?? null, outcome: refused ? 'skipped' : 'failed', reason });
  emit(h, { kind: refused ? 'skipped' : 'failed', host, url, detail: reason });
  if (refused) h.stats.skipped += 1;
  else h.stats.fail(host, kind);
  // A unit's column a report page's breadcrumb names (a relative crumb resolved under the article's folder, a column
  // robots.txt keeps) is a guess of the crawl's, not a list page of the seed's: its failure is recorded, not counted.
  if (data?.kind === 'list' && data.crumb) return;
  if (seedEntryId !== undefined && !refused) h.tallies.of(seedEntryId).failures += 1;
  // A report page that failed is a report missed: the seed says so (round 81d: every report page behind a challenge
  // never passed, the seed's list read, and it ended "ok, 9 requests failed").
  if (seedEntryId !== undefined && !refused && data?.kind === 'detail' && !data.verify) h.tallies.of(seedEntryId).failedReports.set(url, { title: data.listTitle, reason });
  // A link only maybe a report (verify) refused is no shortfall of the seed's; a list page or a report's page is.
  const what = data?.kind === 'list' ? 'list page' : data?.kind === 'detail' && !data.verify ? 'report page' : null;
  if (refused && seedEntryId !== undefined && what === 'report page' && data?.kind === 'detail') countRefusedReport(h.tallies.of(seedEntryId), url, data.listTitle, host, e?.detail ?? reason);
  else if (refused && seedEntryId !== undefined && what) countRefusedPage(h.tallies.of(seedEntryId), what, host, e?.detail ?? reason);
}

/**
 * A report page's content picture not fetched (gone, refused, failed): its URL's state and a skipped event say why,
 * and the page's reading says the picture was not read (extract: "not fetched"). No failure of the run or shortfall
 * of the seed: an article's pictures are mostly photos and banners, a broken one common, and the report is catalogued
 * by its page; a failed file (an attachment) stays both.
 */
export function recordPictureMissed(h: HarvestContext, url: string, status: number | null, reason: string): void {
  const host = Scope.hostOf(url);
  const said = `a content picture of a report page, not fetched: ${reason}`;
  h.catalog.urls.record({ url, host, status, outcome: 'skipped', reason: said });
  emit(h, { kind: 'skipped', host, url, detail: said });
  h.stats.skipped += 1;
}

export function safeHost(url: string): string | null {
  try {
    return Scope.hostOf(url);
  } catch {
    return null;
  }
}

/** A page whose agency nothing names is not folded into a report whose agency another page named (see attribution.ts). */

/**
 * A page passed over on purpose: its URL's state and reason recorded and counted, with a skipped event saying
 * `event` (the reason unless given; none when null).
 */
export function recordSkip(h: HarvestContext, visit: PageVisit, reason: string, event: string | null = reason): void {
  const host = Scope.hostOf(visit.url);
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason });
  if (event !== null) emit(h, { kind: 'skipped', host, url: visit.url, detail: event });
  h.stats.skipped += 1;
}

/** How the URL state's reason of a page its list titled a report that is an index of reports begins. */
