/**
 * The file stage of the crawl: a report's files queued (or linked without a fetch when stored and not due), its page
 * stored as fetched, each download stored and linked to its report, an article cut over pages joined once whole.
 */
import { Readable } from 'node:stream';
import { Scope } from '../download/scope.ts';
import type { FetchFailureKind } from '../errors.ts';
import { downloadPageLink } from './download-page.ts';
import { drawnPageBytes } from './drawn-page.ts';
import { emit, recordFailure, recordGone, recordPictureMissed, safeHost, type HarvestContext, type PageVisit } from './harvest-context.ts';
import { joinArticle, joinedName, joinedUrl, type ArticleParts } from './joined-article.ts';
import { fileDue } from './recrawl-policy.ts';
import { rootAddress } from './root-file.ts';
import { countRefusedFile } from './seed-tally.ts';
import type { FileData, QueuedRequest } from './requests.ts';

/**
 * The requests for a report's files (its attachments, or the parts of an article cut over pages): none for a file
 * stored and not due for revalidation, which is linked to this report at once.
 */
export function fileRequests(h: HarvestContext, reportId: number, links: { url: string; name: string | null; pictureOrder?: number; form?: string }[], sourceUrl: string, seedEntryId?: number, article?: ArticleParts): QueuedRequest[] {
  const out: QueuedRequest[] = [];
  for (const link of links) {
    // A report's file on another host (uploads on a file server of the agency's own): the report vouches for it.
    h.scope.vouch(link.url);
    const state = h.catalog.urls.get(link.url);
    const stored = state?.sha256 ? h.catalog.files.get(state.sha256) : undefined;
    const due = fileDue(h.policy, state && stored ? { fetchedAt: state.last_ok_at ?? state.fetched_at, stored: true } : null);
    if (due === 'skip' && state?.sha256) {
      // Known and stored, not due for revalidation: link it to this report too, fetch nothing.
      h.catalog.reports.linkFile({ reportId, sha256: state.sha256, url: link.url, fileName: link.name, role: 'attachment', sourceUrl, pictureOrder: link.pictureOrder });
      continue;
    }
    const data: FileData = { kind: 'file', reportId, fileName: link.name, sourceUrl, seedEntryId, ...(article ? { article } : {}), ...(link.pictureOrder ? { pictureOrder: link.pictureOrder } : {}), ...(link.form !== undefined ? { form: link.form } : {}) };
    // One file request per (report, URL): the same URL linked from two reports is linked to both.
    out.push({ url: link.url, uniqueKey: `file:${reportId}:${link.url}`, skipNavigation: true, userData: data });
  }
  return out;
}

/** A report page that is gone: recorded, and counted against its seed when its list titled it a report. */

export async function linkJoined(h: HarvestContext, reportId: number, article: ArticleParts): Promise<void> {
  const file = await joinArticle(h.catalog, h.store, article);
  if (!file) return;
  const url = joinedUrl(article.pageUrl);
  h.catalog.tx(() => {
    recordStored(h, file, url, null);
    h.catalog.reports.linkFile({ reportId, sha256: file.sha256, url, fileName: joinedName(article.parts.length), role: 'attachment', sourceUrl: article.pageUrl });
  });
}

export async function storePage(h: HarvestContext, visit: PageVisit, reportId: number, pageUrl = visit.url): Promise<void> {
  const raw = h.http.takeRawPage(visit.loadedUrl);
  const bytes = drawnPageBytes(visit, raw) ?? raw?.bytes ?? Buffer.from(visit.body, 'utf8');
  const before = h.catalog.urls.get(pageUrl);
  const file = await h.store.put(Readable.from([bytes]), { maxBytes: Number.MAX_SAFE_INTEGER, url: pageUrl, fileName: 'page.html' });
  // One transaction for what the stored page means (file, its link to the report, its URL's state): one commit
  // instead of four, and a run killed in between finds all of it or none.
  h.catalog.tx(() => {
    recordStored(h, file, pageUrl, before?.sha256 ?? null);
    h.catalog.reports.linkFile({ reportId, sha256: file.sha256, url: pageUrl, fileName: null, role: 'page', sourceUrl: pageUrl });
    h.catalog.urls.record({
      url: pageUrl,
      host: Scope.hostOf(pageUrl),
      status: visit.status,
      outcome: 'ok',
      etag: raw?.etag ?? null,
      lastModified: raw?.lastModified ?? null,
      sha256: file.sha256,
    });
  });
}

/**
 * Stores the part of a page that is one report (merged-page.ts) and links it to the report as its page: the part's
 * markup, made from the page as fetched, at the page's address marked with the part.
 */
export async function storePagePart(h: HarvestContext, reportId: number, url: string, html: string): Promise<void> {
  const file = await h.store.put(Readable.from([Buffer.from(html, 'utf8')]), { maxBytes: Number.MAX_SAFE_INTEGER, url, fileName: 'page.html' });
  h.catalog.tx(() => {
    recordStored(h, file, url, null);
    h.catalog.reports.linkFile({ reportId, sha256: file.sha256, url, fileName: null, role: 'page', sourceUrl: url });
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

/**
 * Queues the document a page answered for a file link leads to (download-page.ts), for the same report; true when
 * there was one. The link's address is recorded as what it is: a page leading to it.
 */
async function followDownloadPage(h: HarvestContext, url: string, data: FileData, page: { bytes: Buffer; contentType: string | null }, answeredAt: string): Promise<boolean> {
  const link = downloadPageLink(page, answeredAt, url);
  if (!link) return false;
  h.catalog.urls.record({ url, host: Scope.hostOf(url), status: 200, outcome: 'ok', reason: `a web page leading to its document: ${link.url}` });
  const queued = fileRequests(h, data.reportId, [{ url: link.url, name: link.name ?? data.fileName }], data.sourceUrl, data.seedEntryId);
  await h.frontier.add(queued.map((q) => ({ ...q, userData: { ...(q.userData as FileData), viaPage: url } })));
  return true;
}

/**
 * A picture of a report page newly stored: the page's reading (extracted before, without it: an earlier run's, or a
 * picture that failed then) is due again, so the picture is read where it stands.
 */
function pictureArrived(h: HarvestContext, pageUrl: string): void {
  const page = h.catalog.urls.get(pageUrl)?.sha256;
  const file = page ? h.catalog.files.get(page) : undefined;
  if (file && file.extraction_status !== 'pending') h.catalog.files.setExtraction(file.sha256, 'pending', null);
}

/**
 * Queues the root address of a file gone where its link led (root-file.ts), once: true when asked. A file found by a
 * page's download link, a guess already, and a report's later page are not guessed at.
 */
async function askAtRoot(h: HarvestContext, url: string, data: FileData): Promise<boolean> {
  if (data.rootOf || data.viaPage || data.article || data.form !== undefined) return false;
  const root = rootAddress(url, data.sourceUrl);
  if (!root || h.catalog.urls.get(root)?.outcome === 'gone') return false;
  const queued = fileRequests(h, data.reportId, [{ url: root, name: data.fileName }], data.sourceUrl, data.seedEntryId);
  // Stored by an earlier run and not due: linked to the report at once (fileRequests), read as the guess.
  if (!queued.length && data.seedEntryId !== undefined) h.tallies.of(data.seedEntryId).rootFiles.set(url, root);
  await h.frontier.add(queued.map((q) => ({ ...q, userData: { ...(q.userData as FileData), rootOf: url } })));
  return true;
}

/** Whether a file link names a document (by its link text, its path or a query value: `down.asp?f=….doc`). */
export function namesDocument(url: string, linkName: string | null): boolean {
  const u = new URL(url);
  const names = [linkName ?? '', u.pathname, ...[...u.searchParams.values()]];
  return names.some((n) => DOCUMENT_EXT.test(n.trim()));
}

/** Documents, not pages nor pictures (a linked .jpg may well be an HTML viewer's address). */
const DOCUMENT_EXT = /\.(pdf|docx?|wps|xlsx?|et|ofd|odt|ods|rtf)$/i;

/** Why a file was refused before any byte, by the fetcher's failure kind. */
const REFUSALS: Partial<Record<FetchFailureKind, string>> = {
  off_scope: 'off scope',
  circuit_open: 'its host skipped after failures',
  sign_in: 'redirected to a sign-in page',
};

export async function handleFile(h: HarvestContext, url: string, data: FileData): Promise<void> {
  // Vouched for when queued (fileRequests); again here for a request a resumed run finds in its queue.
  h.scope.vouch(url);
  const host = Scope.hostOf(url);
  const state = h.catalog.urls.get(url);
  const stored = state?.sha256 ? h.catalog.files.get(state.sha256) : undefined;
  const conditional = stored ? { etag: state?.etag, lastModified: state?.last_modified } : undefined;
  // A link naming a document answered by a web page (a download page's "文件不存在", HTTP 200) is not the file: the
  // downloader refuses those bytes before they reach the store (failed, not_document).
  // A content picture answered by a web page (a 图片不存在 page, HTTP 200) is no picture either.
  const document = namesDocument(url, data.fileName) || data.pictureOrder !== undefined;
  // A file asked by a form is sent as its form sends it (a POST of its fields), and without validators.
  const result = await h.downloader.download({ url, referer: data.sourceUrl, fileName: data.fileName, document, ...(data.form !== undefined ? { form: data.form } : { conditional }) });
  switch (result.kind) {
    case 'stored': {
      const fileName = result.serverFileName ?? data.fileName;
      // One commit for the stored file, its link and its URL's state (see storePage).
      h.catalog.tx(() => {
        recordStored(h, result.file, url, state?.sha256 ?? null);
        const linked = h.catalog.reports.linkFile({ reportId: data.reportId, sha256: result.file.sha256, url, fileName, role: 'attachment', sourceUrl: data.sourceUrl, pictureOrder: data.pictureOrder });
        h.catalog.urls.record({ url, host, status: result.status, outcome: 'ok', etag: result.etag, lastModified: result.lastModified, sha256: result.file.sha256 });
        if (linked && data.pictureOrder !== undefined) pictureArrived(h, data.sourceUrl);
      });
      if (data.rootOf && data.seedEntryId !== undefined) h.tallies.of(data.seedEntryId).rootFiles.set(data.rootOf, url);
      if (data.article) await linkJoined(h, data.reportId, data.article);
      return;
    }
    case 'not_modified':
      h.stats.notModified += 1;
      h.catalog.urls.record({ url, host, status: 304, outcome: 'not_modified' });
      if (state?.sha256) h.catalog.reports.linkFile({ reportId: data.reportId, sha256: state.sha256, url, fileName: data.fileName, role: 'attachment', sourceUrl: data.sourceUrl, pictureOrder: data.pictureOrder });
      if (data.rootOf && data.seedEntryId !== undefined) h.tallies.of(data.seedEntryId).rootFiles.set(data.rootOf, url);
      if (data.article) await linkJoined(h, data.reportId, data.article);
      return;
    case 'gone':
      if (data.pictureOrder !== undefined) return recordPictureMissed(h, url, result.status, `HTTP ${result.status}`);
      recordGone(h, url, result.status, `HTTP ${result.status}`);
      if (await askAtRoot(h, url, data)) return;
      if (data.seedEntryId !== undefined) h.tallies.of(data.seedEntryId).goneFiles.add(data.rootOf ?? url);
      return;
    case 'failed': {
      if (data.pictureOrder !== undefined) return recordFailure(h, url, result.error, data.seedEntryId, data);
      // Refused before any byte (robots.txt of a file server, a host skipped) or answered by a web page: the report
      // is short of its file. For robots.txt, its own word: a rule, or a file that could not be read (robots.ts).
      const why = result.error.kind === 'robots' ? result.error.detail : REFUSALS[result.error.kind];
      // The host refusing is the one asked last: a download address may have redirected to a file server.
      if (why && data.seedEntryId !== undefined) countRefusedFile(h.tallies.of(data.seedEntryId), safeHost(result.error.url) ?? host, why);
      // A page between the link and its document (a download page's 点击下载, a redirecting page): its links asked.
      if (result.error.page && !data.viaPage && (await followDownloadPage(h, url, data, result.error.page, result.error.url))) return;
      if (result.error.kind === 'not_document') {
        // A server answering its 404 as a page (HTTP 200, "页面不存在"): gone as well, for the root's guess.
        if (await askAtRoot(h, url, data)) return recordFailure(h, url, result.error, data.seedEntryId);
        if (data.seedEntryId !== undefined) h.tallies.of(data.seedEntryId).pagesForFiles.add(data.rootOf ?? url);
      }
      return recordFailure(h, url, result.error, data.seedEntryId);
    }
  }
}
