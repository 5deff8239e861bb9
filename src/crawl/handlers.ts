/**
 * What the crawl does with each request: list pages yield report links and the next page; report pages yield the
 * report (agency, year), the page's own bytes and its attachments; file requests download into the store. Every
 * outcome is written to the catalog through its API, with a run event for what is new, changed, gone or failed.
 */
import { Readable } from 'node:stream';
import type { Catalog } from '../catalog/catalog.ts';
import type { AgencyRow } from '../catalog/agencies.ts';
import type { RunEvent } from '../catalog/runs.ts';
import type { PoliteHttpClient } from '../download/crawlee-http-client.ts';
import type { Downloader } from '../download/downloader.ts';
import type { HostCookies } from '../download/host-cookies.ts';
import { Scope } from '../download/scope.ts';
import type { FileStore } from '../download/store.ts';
import { FetchError } from '../errors.ts';
import { Attributor, seedFallbackClash } from './attribution.ts';
import { classifyTitle } from './classify/title.ts';
import { parseDetailPage } from './detail-page.ts';
import { answeredDocument, collectionVerdict } from './detail-routing.ts';
import type { Frontier } from './frontier.ts';
import { detectFamily, isChallenge, isShell, PARSERS, type ConcreteFamily } from './families/detect.ts';
import type { ListItem } from './list-page.ts';
import type { PageVisit } from './page-visit.ts';
import { fileDue, keepPaging, pageDue, type RecrawlPolicy } from './recrawl-policy.ts';
import type { DetailData, FileData, Lane, ListData, QueuedRequest } from './requests.ts';
import type { CrawlStats } from './stats.ts';

export interface HarvestContext {
  catalog: Catalog;
  runId: number;
  scope: Scope;
  frontier: Frontier;
  http: PoliteHttpClient;
  downloader: Downloader;
  store: FileStore;
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
  /** Hosts whose seed says render: browser: they stay in the browser lane after a challenge is passed. */
  pinnedBrowserHosts?: Set<string>;
  /** Cookies and User-Agent of hosts whose challenge the browser passed, used by the fetcher (see crawl/challenge.ts). */
  hostCookies?: HostCookies;
}

export type { PageVisit };

function laneOf(h: HarvestContext, url: string): Lane {
  return h.browserHosts.has(Scope.hostOf(url)) ? 'browser' : 'http';
}

/** Records a run event in the catalog and tells the progress display. */
export function emit(h: HarvestContext, e: RunEvent): void {
  h.catalog.runs.event(h.runId, e);
  h.onEvent?.(e);
}

function agencyOf(h: HarvestContext, id: number): AgencyRow {
  const a = h.catalog.agencies.byId(id);
  if (!a) throw new Error(`agency ${id} is not in the catalog`);
  return a;
}

function recordGone(h: HarvestContext, url: string, status: number | null, reason: string): void {
  const host = Scope.hostOf(url);
  h.catalog.urls.record({ url, host, status, outcome: 'gone', reason });
  emit(h, { kind: 'gone', host, url, detail: reason });
  h.stats.gone += 1;
  h.stats.host(host).gone += 1;
}

/** Records a request that failed for good (after the fetcher's retries) or was refused (scope, robots). */
export function recordFailure(h: HarvestContext, url: string, err: unknown): void {
  const host = Scope.hostOf(url);
  const e = err instanceof FetchError ? err : null;
  const kind = e?.kind ?? 'error';
  const refused = kind === 'robots' || kind === 'off_scope' || kind === 'circuit_open';
  const reason = `${kind}: ${(err as Error).message}`;
  h.catalog.urls.record({ url, host, status: e?.status ?? null, outcome: refused ? 'skipped' : 'failed', reason });
  emit(h, { kind: refused ? 'skipped' : 'failed', host, url, detail: reason });
  if (refused) h.stats.skipped += 1;
  else h.stats.fail(host, kind);
}

export async function handleList(h: HarvestContext, visit: PageVisit, data: ListData): Promise<void> {
  const host = Scope.hostOf(visit.url);
  h.stats.pages += 1;
  h.stats.listPages += 1;
  if (visit.status === 404 || visit.status === 410) return recordGone(h, visit.url, visit.status, `HTTP ${visit.status}`);
  if (!visit.rendered && isChallenge(visit)) return sendToBrowser(h, visit, data, 'anti-bot challenge');
  if (visit.status >= 400) return recordFailure(h, visit.url, new FetchError(`HTTP ${visit.status}`, visit.url, 'client', visit.status));
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'ok' });
  const family: ConcreteFamily = data.family === 'auto' ? detectFamily(visit.body, visit.loadedUrl) : data.family;
  if (data.pageIndex === 0 && !data.cursor) h.catalog.seeds.markCrawled(data.seedEntryId, family);
  const page = PARSERS[family].parse(visit, data.cursor);
  if (!visit.rendered && !page.items.length && !page.next.length && isShell(visit.body)) {
    return sendToBrowser(h, visit, data, 'an empty shell: the list is drawn by script');
  }
  const queued: QueuedRequest[] = [];
  const links = { reports: 0, unknown: 0 };
  for (const item of page.items) {
    if (!classifyTitle(item.title).isReport) continue;
    links.reports += 1;
    if (!isKnown(h, item)) links.unknown += 1;
    queued.push(...reportLinkRequests(h, item, visit.loadedUrl, data));
  }
  // The one place that decides whether to follow the pager. Lists are newest first: a page whose reports are all
  // known means the pages after it hold nothing new either (incremental), unless the run reads every page.
  if (!keepPaging(h.policy, data.pageIndex, links, h.fullDepth ?? false)) return void (await h.frontier.add(queued));
  for (const next of page.next) {
    if (!h.scope.allows(next.url)) continue;
    queued.push({
      url: next.url,
      method: next.method,
      payload: next.payload,
      headers: next.headers,
      uniqueKey: next.uniqueKey,
      lane: laneOf(h, next.url),
      userData: { ...data, family, pageIndex: data.pageIndex + 1, cursor: next.cursor },
    });
  }
  await h.frontier.add(queued);
}

/** A report link seen before: its page is a known source, or its file was stored from that URL. */
function isKnown(h: HarvestContext, item: ListItem): boolean {
  return item.isFile ? Boolean(h.catalog.urls.get(item.url)?.sha256) : h.catalog.reports.bySourceUrl(item.url) !== undefined;
}

/** The HTTP path cannot see this list: the host's pages go to the browser lane from now on. */
async function sendToBrowser(h: HarvestContext, visit: PageVisit, data: ListData, why: string): Promise<void> {
  const host = Scope.hostOf(visit.url);
  h.browserHosts.add(host);
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `needs a browser: ${why}` });
  h.stats.browserHandoffs += 1;
  await h.frontier.add([{ url: visit.url, lane: 'browser', userData: data }]);
}

/** What to queue for a report link on a list page: its page, or the file itself when the list links a file. */
function reportLinkRequests(h: HarvestContext, item: ListItem, listUrl: string, data: ListData): QueuedRequest[] {
  if (!h.scope.allows(item.url)) {
    emit(h, { kind: 'skipped', host: safeHost(item.url), url: item.url, detail: 'off_scope: host not in the registry' });
    h.stats.skipped += 1;
    return [];
  }
  const titleYear = h.years ? Attributor.year(item.title) : null;
  if (h.years && titleYear !== null && !h.years(titleYear)) return [];
  if (item.isFile) {
    const attribution = h.attributor.attribute({ title: item.title, siteAgency: agencyOf(h, data.siteAgencyId) });
    if (!attribution || refuseSeedMerge(h, attribution, item.url)) return [];
    const { report } = sight(h, attribution, item.title, item.url, listUrl, data.seedEntryId, null, item.date);
    return fileRequests(h, report.id, [{ url: item.url, name: item.title }], listUrl);
  }
  const known = h.catalog.reports.bySourceUrl(item.url);
  const state = h.catalog.urls.get(item.url);
  if (known && !pageDue(h.policy, { firstSeenAt: known.first_seen_at, fetchedAt: state?.fetched_at ?? null })) {
    h.catalog.reports.touchSource(item.url);
    return [];
  }
  const detail: DetailData = {
    kind: 'detail',
    seedEntryId: data.seedEntryId,
    siteAgencyId: data.siteAgencyId,
    listUrl,
    listTitle: item.title,
    listDate: item.date,
  };
  return [{ url: item.url, lane: laneOf(h, item.url), userData: detail }];
}

function safeHost(url: string): string | null {
  try {
    return Scope.hostOf(url);
  } catch {
    return null;
  }
}

/** A page whose agency nothing names is not folded into a report whose agency another page named (see attribution.ts). */
function refuseSeedMerge(h: HarvestContext, a: NonNullable<ReturnType<Attributor['attribute']>>, url: string): boolean {
  const clash = seedFallbackClash(h.catalog, a, url);
  if (!clash) return false;
  const host = safeHost(url);
  const reason = `agency not named by title, publisher or heading: not merged into ${a.agency.name} ${a.year} (named by ${clash.attribution})`;
  if (host) h.catalog.urls.record({ url, host, status: null, outcome: 'skipped', reason });
  emit(h, { kind: 'skipped', host, url, detail: reason });
  h.stats.skipped += 1;
  return true;
}

function sight(
  h: HarvestContext,
  a: NonNullable<ReturnType<Attributor['attribute']>>,
  title: string,
  pageUrl: string,
  listUrl: string | null,
  seedEntryId: number,
  publisher: string | null,
  publishedAt: string | null,
) {
  const result = h.catalog.reports.sight({
    agencyId: a.agency.id,
    year: a.year,
    title,
    pageUrl,
    listUrl,
    seedEntryId,
    publisher,
    publishedAt,
    attribution: a.via,
  });
  const host = safeHost(pageUrl);
  if (result.newReport) {
    h.stats.newReports += 1;
    emit(h, { kind: 'new_report', host, url: pageUrl, reportId: result.report.id, detail: `${a.agency.name} ${a.year}` });
  } else if (result.newSource) {
    h.stats.newSources += 1;
    emit(h, { kind: 'new_source', host, url: pageUrl, reportId: result.report.id });
  }
  return result;
}

function fileRequests(h: HarvestContext, reportId: number, links: { url: string; name: string | null }[], sourceUrl: string): QueuedRequest[] {
  const out: QueuedRequest[] = [];
  for (const link of links) {
    if (!h.scope.allows(link.url)) {
      emit(h, { kind: 'skipped', host: safeHost(link.url), url: link.url, detail: 'off_scope: host not in the registry' });
      h.stats.skipped += 1;
      continue;
    }
    const state = h.catalog.urls.get(link.url);
    const stored = state?.sha256 ? h.catalog.files.get(state.sha256) : undefined;
    const due = fileDue(h.policy, state && stored ? { fetchedAt: state.last_ok_at ?? state.fetched_at, stored: true } : null);
    if (due === 'skip' && state?.sha256) {
      // Known and stored, not due for revalidation: link it to this report too, fetch nothing.
      h.catalog.reports.linkFile({ reportId, sha256: state.sha256, url: link.url, fileName: link.name, role: 'attachment', sourceUrl });
      continue;
    }
    const data: FileData = { kind: 'file', reportId, fileName: link.name, sourceUrl };
    // One file request per (report, URL): the same URL linked from two reports is linked to both.
    out.push({ url: link.url, uniqueKey: `file:${reportId}:${link.url}`, skipNavigation: true, userData: data });
  }
  return out;
}

export async function handleDetail(h: HarvestContext, visit: PageVisit, data: DetailData): Promise<void> {
  const host = Scope.hostOf(visit.url);
  h.stats.pages += 1;
  h.stats.reportPages += 1;
  if (visit.status === 404 || visit.status === 410) return recordGone(h, visit.url, visit.status, `HTTP ${visit.status}`);
  if (!visit.rendered && isChallenge(visit)) {
    h.browserHosts.add(host);
    return h.frontier.add([{ url: visit.url, lane: 'browser', userData: data }]);
  }
  if (visit.status >= 400) return recordFailure(h, visit.url, new FetchError(`HTTP ${visit.status}`, visit.url, 'client', visit.status));
  if (answeredDocument(visit)) return documentAsReport(h, visit, data);
  const page = parseDetailPage(visit.body, visit.loadedUrl);
  if (page.softNotFound) return recordGone(h, visit.url, visit.status, 'soft 404: the page says the item does not exist');
  const index = collectionVerdict(visit, page, data.listTitle);
  if (index.collection) return readAsList(h, visit, data, index.reason);
  const title = page.title && classifyTitle(page.title).isReport ? page.title : data.listTitle;
  const attribution = h.attributor.attribute({
    title,
    // The list's link text may name the agency when the page's own title does not.
    otherTitles: [data.listTitle],
    publisher: page.publisher,
    bodyText: page.bodyText,
    siteAgency: agencyOf(h, data.siteAgencyId),
  });
  if (!attribution) {
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: 'no report year in the title or body' });
    emit(h, { kind: 'skipped', host, url: visit.url, detail: 'no report year' });
    h.stats.skipped += 1;
    return;
  }
  if (h.years && !h.years(attribution.year)) {
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `report year ${attribution.year} outside --years` });
    h.stats.skipped += 1;
    return;
  }
  if (refuseSeedMerge(h, attribution, visit.url)) return;
  const { report } = sight(h, attribution, title, visit.url, data.listUrl, data.seedEntryId, page.publisher, page.publishedAt ?? data.listDate);
  await storePage(h, visit, report.id);
  await h.frontier.add(fileRequests(h, report.id, page.attachments, visit.url));
}

/** A report URL that answered a document: the report is the list link's, its file goes through the downloader. */
async function documentAsReport(h: HarvestContext, visit: PageVisit, data: DetailData): Promise<void> {
  const attribution = h.attributor.attribute({ title: data.listTitle, siteAgency: agencyOf(h, data.siteAgencyId) });
  if (!attribution) {
    h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'skipped', reason: 'a document with no report year in its list title' });
    h.stats.skipped += 1;
    return;
  }
  if ((h.years && !h.years(attribution.year)) || refuseSeedMerge(h, attribution, visit.url)) return;
  const { report } = sight(h, attribution, data.listTitle, visit.url, data.listUrl, data.seedEntryId, null, data.listDate);
  await h.frontier.add(fileRequests(h, report.id, [{ url: visit.url, name: data.listTitle }], data.listUrl));
}

/** A page reached as a report that is an index of reports: read it again as a list page of the seed. */
async function readAsList(h: HarvestContext, visit: PageVisit, data: DetailData, why: string): Promise<void> {
  const host = Scope.hostOf(visit.url);
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `not a report: ${why}; read as a list page` });
  const list: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: 1 };
  await h.frontier.add([{ url: visit.url, uniqueKey: `list:${visit.url}`, lane: laneOf(h, visit.url), userData: list }]);
}

/** Stores the report page as fetched (its original bytes and encoding) and links it to the report. */
async function storePage(h: HarvestContext, visit: PageVisit, reportId: number): Promise<void> {
  const raw = h.http.takeRawPage(visit.loadedUrl);
  const bytes = raw?.bytes ?? Buffer.from(visit.body, 'utf8');
  const before = h.catalog.urls.get(visit.url);
  const file = await h.store.put(Readable.from([bytes]), { maxBytes: Number.MAX_SAFE_INTEGER, url: visit.url, fileName: 'page.html' });
  recordStored(h, file, visit.url, before?.sha256 ?? null);
  h.catalog.reports.linkFile({ reportId, sha256: file.sha256, url: visit.url, fileName: null, role: 'page', sourceUrl: visit.url });
  h.catalog.urls.record({
    url: visit.url,
    host: Scope.hostOf(visit.url),
    status: visit.status,
    outcome: 'ok',
    etag: raw?.etag ?? null,
    lastModified: raw?.lastModified ?? null,
    sha256: file.sha256,
  });
}

function recordStored(h: HarvestContext, file: { sha256: string; size: number; mediaType: string; storedPath: string }, url: string, previousSha: string | null): void {
  const host = Scope.hostOf(url);
  h.stats.files += 1;
  if (h.catalog.files.add({ sha256: file.sha256, size: file.size, mediaType: file.mediaType, storedPath: file.storedPath })) {
    h.stats.newFiles += 1;
    h.stats.bytesStored += file.size;
    emit(h, { kind: 'new_file', host, url, sha256: file.sha256, detail: file.mediaType });
  }
  if (previousSha && previousSha !== file.sha256) {
    h.stats.changed += 1;
    emit(h, { kind: 'changed', host, url, sha256: file.sha256, detail: `was ${previousSha}` });
  }
}

export async function handleFile(h: HarvestContext, url: string, data: FileData): Promise<void> {
  const host = Scope.hostOf(url);
  const state = h.catalog.urls.get(url);
  const stored = state?.sha256 ? h.catalog.files.get(state.sha256) : undefined;
  const conditional = stored ? { etag: state?.etag, lastModified: state?.last_modified } : undefined;
  const result = await h.downloader.download({ url, referer: data.sourceUrl, fileName: data.fileName, conditional });
  switch (result.kind) {
    case 'stored': {
      recordStored(h, result.file, url, state?.sha256 ?? null);
      const fileName = result.serverFileName ?? data.fileName;
      h.catalog.reports.linkFile({ reportId: data.reportId, sha256: result.file.sha256, url, fileName, role: 'attachment', sourceUrl: data.sourceUrl });
      h.catalog.urls.record({ url, host, status: result.status, outcome: 'ok', etag: result.etag, lastModified: result.lastModified, sha256: result.file.sha256 });
      return;
    }
    case 'not_modified':
      h.stats.notModified += 1;
      h.catalog.urls.record({ url, host, status: 304, outcome: 'not_modified' });
      if (state?.sha256) h.catalog.reports.linkFile({ reportId: data.reportId, sha256: state.sha256, url, fileName: data.fileName, role: 'attachment', sourceUrl: data.sourceUrl });
      return;
    case 'gone':
      return recordGone(h, url, result.status, `HTTP ${result.status}`);
    case 'failed':
      return recordFailure(h, url, result.error);
  }
}
