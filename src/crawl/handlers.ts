/**
 * What the crawl does with each page: list pages yield report links and the next page; report pages yield the
 * report (agency, year), the page's own bytes and its attachments. Every outcome is written to the catalog through
 * its API, with a run event for what is new, changed, gone or failed. What the stages share is in
 * harvest-context.ts; files (a report's attachments, its stored page, downloads) in stored-files.ts; a seed's learned
 * list request in learned-requests.ts.
 */
import { Scope } from '../download/scope.ts';
import { FetchError } from '../errors.ts';
import { decodeHtml } from '../encoding/decode-html.ts';
import { Attributor, titleShowingGuess, type Attribution } from './attribution.ts';
import { sameColumnKey } from '../onboard/column-links.ts';
import { crumbColumn, gathersByWord, type CrumbLink } from './crumb-column.ts';
import { classifyTitle, reportOfPart } from './classify/title.ts';
import { listPageSaysNotFound, parseDetailPage, type DetailPage } from './detail-page.ts';
import { loadHtml } from './html.ts';
import { ARTICLE_NEIGHBOURS, documentAboutReport, hasReportBody, listPageAsReport, namesCompilation, pageOfferingReport, reportShownOnList } from './collection.ts';
import { immediateRefreshTarget, redirectStubTarget } from './redirect-stub.ts';
import { answeredDocument, collectionVerdict } from './detail-routing.ts';
import { firstPageText, titleOnPage } from './file-title.ts';
import { addressFileName } from './address-name.ts';
import { announcedTotals, type AnnouncedTotals } from './families/announced.ts';
import { hasScripts, isChallenge, isShell, siteScripts, writesMarkup } from './families/detect.ts';
import { saysLoading } from './loading-sign.ts';
import { columnDrawnByScript, drawnLikeSeed, sameDocument } from './drawn-column.ts';
import { announcedItemCount, freshFirstPage, staleCount } from './stale-pages.ts';
import { desktopTwinLinks, mobileAddress } from './families/device-redirect.ts';
import { learnedPageRequest, otherListEndpoints, refusedPastEnd } from './families/learned.ts';
import { firstListPage, folderIndexPage } from './families/first-page.ts';
import { agencyColumnsOf } from './families/agency-links.ts';
import { directoryUnitLinks, menuDirectoryLinks, namesReportColumn, reportPointerLinks, subColumnLinks } from './families/report-column.ts';
import { isPagerDeadEnd } from './families/pager.ts';
import { isSeedPage, parseList, reportCount, type ParsedList } from './list-parse.ts';
import { answerSaysMore, answerTotals } from './learn/answer-total.ts';
import { headersSayMore, headerTotals } from './learn/answer-headers.ts';
import { storableEndpoint, type Learned } from './learn/learn.ts';
import { looksLikeJson, MalformedAnswerError } from './learn/list-shape.ts';
import { refusalMessage } from './learn/refusal-answer.ts';
import { askWithFreshToken, countLearnedPage, resumeWithFreshToken } from './token-refresh.ts';
import type { ListItem } from './list-page.ts';
import { noteSeedGone, noteSoftNotFound } from './list-not-found.ts';
import { errorStatusListPage } from './error-status-list.ts';
import { directoryForm, refusedWithoutSlash } from './directory-form.ts';
import { namesReportsIn } from '../onboard/explore.ts';
import { withinPortal } from '../onboard/portal-hosts.ts';
import { offScopeFrames, offScopeRedirects } from './off-scope-frames.ts';
import { movedNotice } from './moved-notice.ts';
import { linkScripts } from './page-scripts.ts';
import { scriptedAttachmentLinks, scriptedAttachments } from './scripted-attachments.ts';
import { pointsToAttachment } from './attachment-pointer.ts';
import { keepPaging, pageDue } from './recrawl-policy.ts';
import type { DetailData, ListData, QueuedRequest, RequestData } from './requests.ts';
import { agencyOf, emit, laneOf, recordFailure, recordGone, recordSkip, safeHost, type HarvestContext, type PageVisit } from './harvest-context.ts';
import type { AgencyRow } from '../catalog/agencies.ts';
import { earnVisitCookies, refusalOf } from './visit-check.ts';
import { fileRequests, linkJoined, storePage } from './stored-files.ts';
import { learnedFirstPage, learnedRequests, replayable } from './learned-requests.ts';
import { listedRows, notePagerDeadEnd, noteReportLink, type SeedTally } from './seed-tally.ts';
import { mergedUnits } from './merged-reports.ts';
import { readMergedPage } from './merged-page.ts';
import { refuseSeedMerge, sight, sightedInRun } from './sightings.ts';
import { readAboveSeedFile, viewedSeedFile } from './seed-file.ts';
import { earlierCopy, isBelow } from './page-copies.ts';
import { feedAsList } from './feed-list.ts';
import { jsonAsPage } from './json-page.ts';
import { articleAddress } from './article-address.ts';
import { atRoot, linksItselfAsHome } from './own-home.ts';
import { looksLikeSitemap, SITEMAP, sitemapFolder } from './sitemap-seed.ts';
import { refusedForQuery, withoutQuery } from './seed-query.ts';
import { repostSource, sharedOriginal } from './repost-source.ts';

/** A cached copy older than this (its `Age` header) may be stale: see handleList. */
const STALE_COPY_SECONDS = 86_400;

export async function handleList(h: HarvestContext, visit: PageVisit, data: ListData): Promise<void> {
  const host = Scope.hostOf(visit.url);
  const tally = h.tallies.of(data.seedEntryId);
  h.stats.pages += 1;
  h.stats.listPages += 1;
  tally.listPages += 1;
  // Pages posted back to one address (an ASP.NET pager) are told apart by their place in the list.
  const listKey = visit.method === 'POST' ? `POST ${visit.url} #${data.pageIndex}` : visit.url;
  // A page read again in this run (the browser drawing the seed page): its reports are known from this run.
  const readBefore = tally.listUrls.has(listKey);
  tally.listUrls.add(listKey);
  // Later pages the browser turned to and drew, read with this one (browser-lane.ts).
  for (let i = 1; i <= (visit.drawnPages ?? 0); i++) {
    tally.listUrls.add(`${listKey} #drawn-${i}`);
    tally.listPages += 1;
  }
  if (visit.rendered) {
    tally.usedBrowser = true;
    if (isSeedPage(data)) tally.seedListDrawn = false;
  }
  if ((visit.status === 404 || visit.status === 410) && data.family === 'learned' && data.cursor) {
    const firstPage = Number(data.cursor.page) <= 1;
    // Past the last page (list_4.json of three) is the end of the list; a first page that is gone means the site
    // moved its endpoint: it is forgotten, and the seed goes to the browser to learn the new one. Neither is a failure.
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'gone', reason: firstPage ? 'the learned list endpoint is gone' : 'past the last page of a learned list' });
    if (firstPage) {
      h.catalog.learned.forget(data.seedEntryId);
      tally.notes.push(`the learned endpoint ${visit.url} answered HTTP ${visit.status}`);
    }
    return;
  }
  if ((visit.status === 404 || visit.status === 410) && data.remembered && data.pageIndex <= 1) {
    // A column remembered from an earlier run's exploration that moved again: the host is explored anew.
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'gone', reason: 'a column found by exploring in an earlier run is gone' });
    tally.notes.push(`the column ${visit.url} found by exploring in an earlier run answered HTTP ${visit.status}`);
    return;
  }
  // The seed's column typed without its trailing slash, refused by a server that maps only the directory form
  // (directory-form.ts): asked once more with the slash, in place of this page, before the refusal counts.
  const dirForm = isSeedPage(data) && !visit.rendered && refusedWithoutSlash(visit.status, visit.method) ? directoryForm(visit.loadedUrl || visit.url) : null;
  if (dirForm && h.scope.allows(dirForm)) return followDirectoryForm(h, visit, data, dirForm);
  // The seed copied with a query the site refuses (a search engine's `?wd=…`): asked once more without it (seed-query.ts).
  if (await seedWithoutQuery(h, visit.loadedUrl || visit.url, visit.status, visit.method, data)) return;
  // A later page served with an error status but holding the list (a CMS's 404 handler drawing it): read as it is.
  const mislabelled = errorStatusListPage(visit, data);
  if (mislabelled) tally.notes.push(`${visit.url} answered HTTP ${visit.status} with its list: read as the page it is`);
  if ((visit.status === 404 || visit.status === 410) && data.crumb) {
    // A unit's column a report page's breadcrumb links (readUnitColumn): a broken crumb is no list page of the seed's.
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'gone', reason: "a unit's column named by a report page's breadcrumb is gone" });
    return;
  }
  if ((visit.status === 404 || visit.status === 410) && data.directory) {
    // The units' directory a disclosure page's link names (部门信息公开): gone, it lists no unit of the seed's to miss;
    // said if the seed finds nothing (round 69c's zhijiang: a guide's nav linking a directory long gone).
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'gone', reason: "the units' directory a disclosure page names is gone" });
    tally.notes.push(`its units' directory ${visit.url} answered HTTP ${visit.status}`);
    return;
  }
  if ((visit.status === 404 || visit.status === 410) && data.hub) {
    // A disclosure page the seed's menu names, asked for the 年报 column it might name (its 政务公开 link among
    // others): one that is gone is no failure of the seed's list; said if the seed finds nothing.
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'gone', reason: 'a disclosure page named by the seed page is gone' });
    tally.notes.push(`its disclosure page ${visit.url} answered HTTP ${visit.status}`);
    return;
  }
  // A seed asking to sign in (401: an old column folder locked with Basic auth, its error page naming where the column
  // went, round 67d) is no public list: as a gone one, its host is explored for the column.
  const signIn = visit.status === 401 && isSeedPage(data) && !visit.rendered && data.family !== 'learned';
  if ((visit.status === 404 || visit.status === 410 || signIn) && !mislabelled) {
    // A later page of a list (or a column the seed led to) that is gone: not its host failing, which would keep an
    // empty seed's host from being explored (round 42c: a page number a drawn pager's naming made up); said apart.
    if (isSeedPage(data)) (tally.failures += 1), noteSeedGone(tally, visit.status);
    else tally.goneListPages.add(visit.url);
    return recordGone(h, visit.url, visit.status, `HTTP ${visit.status}`);
  }
  if (!visit.rendered && isChallenge(visit)) return challengeToBrowser(h, visit, data);
  // A mobile page whose script sends a desktop browser to the desktop column as it loads: read in its place.
  const checkDevice = !visit.rendered && data.family !== 'learned' && visit.status < 400;
  let desktop = checkDevice ? desktopTwinLinks(visit.body, visit.loadedUrl)[0] : undefined;
  // At a mobile address, the device check may be in the site's own script files: fetched (page-scripts.ts) and run too.
  if (checkDevice && !desktop && mobileAddress(visit.loadedUrl, visit.body)) desktop = desktopTwinLinks(visit.body, visit.loadedUrl, await linkScripts(h, visit))[0];
  if (desktop && h.scope.allows(desktop)) return followDesktopTwin(h, visit, data, desktop);
  // A page that sends its reader on at once (a refresh of no delay, header or meta) is read where it sends them, its
  // own (stale) items left as a browser leaves them: once per list address, so two pages sending each other stop.
  const refresh = checkDevice ? immediateRefreshTarget(visit.body, visit.loadedUrl) : null;
  if (refresh && h.scope.allows(refresh) && !tally.listUrls.has(refresh)) return followRefresh(h, visit, data, refresh);
  if (visit.status >= 400 && !mislabelled) {
    // A page of a learned list refused (a replay without the page's session or signature): the list stops there,
    // unless its token went stale and the seed is rendered again for a fresh one (token-refresh.ts).
    if (data.family === 'learned' && (visit.status === 401 || visit.status === 403) && (await askWithFreshToken(h, data))) {
      return h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `token refused (HTTP ${visit.status}): asked again with a fresh one` });
    }
    // A page asked past the end its answers announced, refused as out of range (400, 404, 500 "页码超出范围"): the end.
    if (data.family === 'learned' && refusedPastEnd(data.cursor, visit.status)) {
      return recordGone(h, visit.url, visit.status, `HTTP ${visit.status} for a page past the end its list answers announced: the list's end`);
    }
    if (data.family === 'learned') tally.learnedRefused ??= { page: Number(data.cursor?.page ?? 1), status: visit.status };
    return recordFailure(h, visit.url, statusError(visit), data.seedEntryId);
  }
  // A seed whose address is a report's file (its PDF copied from the viewer): its column is read from the folders
  // above it (seed-file.ts); read as a list, the file held no link and the seed ended empty.
  // A feed (RSS, Atom) is read as the list of its items, drawn as HTML; the seed's feed names its column's page.
  const feed = !visit.rendered && data.family !== 'learned' ? feedAsList(visit.body, visit.loadedUrl) : null;
  if (feed) visit = { ...visit, body: feed.html, contentType: 'text/html' };
  // An API's JSON answer (a search hit on a CMS's article API, round 98c) is read as the links and markup its fields
  // hold; the answers of an API a shell names (families/jsapi.ts) or the browser learned are read by their shape.
  const json = !visit.rendered && !feed && data.family !== 'learned' && data.family !== 'jsapi' ? jsonAsPage(visit.body, visit.loadedUrl || visit.url) : null;
  if (json) visit = { ...visit, body: json, contentType: 'text/html' };
  const seedDoc = isSeedPage(data) && !visit.rendered && !feed ? answeredDocument(visit) : null;
  if (seedDoc) return readAboveSeedFile(h, visit, data, seedDoc);
  // The same page as one read in this run at an address above this one (a fallback answering the home for any address:
  // the links of each copy lead to another, page-copies.ts): not read again, recorded. Copies side by side (one soft
  // 404 page for two columns) are read as before.
  const copyOf = !visit.rendered && !feed && data.family !== 'learned' && visit.method !== 'POST' && visit.status < 300 ? earlierCopy(h, visit.loadedUrl || visit.url, visit.body) : null;
  if (copyOf && isBelow(visit.loadedUrl || visit.url, copyOf)) {
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `the same page as ${copyOf}: not read again` });
    // The seed's own page again at an address below it: the server answers that page for anything (its fallback).
    if (copyOf === tally.url) tally.seedFallback ??= visit.loadedUrl || visit.url;
    return;
  }
  // A later page asked as a list (a year's or a unit's column link) that answered a document holds no list: said, as a
  // shortfall of the seed's (a year menu's PDF option followed as a column was a silent miss, round 49a). A disclosure
  // page the seed names (a hub) or a unit's breadcrumb column is a guess of the crawl's: recorded only.
  const listDoc = !isSeedPage(data) && !visit.rendered && !feed && data.family !== 'learned' ? answeredDocument(visit) : null;
  // A year's column of a 年报 year menu whose address is the year's file (a download link under a year button) is
  // that year's report, titled by the menu's heading and the year.
  if (listDoc && data.yearReport) {
    const { title, listUrl } = data.yearReport;
    return documentAsReport(h, visit, { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl, listTitle: title, listDate: null, ...(data.columnAgency ? { columnAgency: data.columnAgency } : {}) });
  }
  if (listDoc) {
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'ok', reason: `asked as a list page, answered a document (${listDoc}): nothing read` });
    if (!data.hub && !data.crumb) tally.documentListPages.add(visit.url);
    return;
  }
  // A seed that is a document viewer's address (pdf.js's viewer.html?file=…pdf): read as the file it shows.
  const viewed = isSeedPage(data) && !visit.rendered && !feed ? viewedSeedFile(visit.loadedUrl || visit.url) : null;
  if (viewed) return readAboveSeedFile(h, visit, data, viewed.type, viewed.file);
  // A seed that is a sitemap (addresses, no titles): read from the folder it maps, its site's home (sitemap-seed.ts).
  if (isSeedPage(data) && !visit.rendered && !feed && looksLikeSitemap(visit.body)) return readAboveSeedFile(h, visit, data, SITEMAP, undefined, sitemapFolder(visit.loadedUrl || visit.url));
  let parsed: ParsedList;
  try {
    parsed = parseList(visit, data);
    // Report links (or a drop-down of the agencies' columns) calling a function the page does not define: read again
    // with the site's own scripts, fetched only for such a page (page-scripts.ts), so every other list page is parsed once.
    if (parsed.unreadScriptReports?.length || parsed.unreadMenus?.length) {
      const scripts = await linkScripts(h, visit);
      if (scripts.some(Boolean)) parsed = parseList(visit, data, scripts);
    }
  } catch (err) {
    if (!(err instanceof MalformedAnswerError)) throw err;
    // A broken answer is a failed request, never an "ok" page with no items (a silent zero).
    recordOutcome(h, visit, data, { family: data.family, signal: 'unreadable answer', items: [], next: [] }, 0, err.message);
    return recordFailure(h, visit.url, new FetchError(err.message, visit.url, 'malformed', visit.status), data.seedEntryId);
  }
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'ok', reason: data.index ? `${INDEX_PAGE}: ${data.index}` : null });
  const { family } = parsed;
  // A pager the browser already turned (drawnPages) is not followed again: what it names is read, or is a guess. The
  // page's links to other lists still are (a unit's 年报 column whose jpage list was turned in the browser, its 按年度查看
  // years leading to the xxgk module's report pages, round 110a).
  const next = visit.drawnPages ? parsed.next.filter((n) => n.reportTitle || n.columnAgency || n.namedColumn || n.hub || n.directory) : [...parsed.next];
  // A page reached as the units' directory (a unit switcher's, a 部门信息公开 link's) leads to each unit's page, its
  // units grouped under captions of their kind or not (round 111a).
  if (data.directory) for (const u of directoryUnitLinks(visit.body, visit.loadedUrl || visit.url)) if (!next.some((n) => n.url === u.url)) next.push(u);
  // A people's government's seed, its named column or its disclosure page: the units' directories its menus name, and
  // the units it lists under captions of their kind (县政府部门, 镇街), where its departments' and towns' own columns are
  // (report-column.ts menuDirectoryLinks, directoryUnitLinks). A unit's seed reads its own column only (round 28c).
  if ((isSeedPage(data) || data.namedColumn || data.hub) && !data.columnAgency && !data.directory && isRegionGovernment(agencyOf(h, data.siteAgencyId))) {
    for (const url of menuDirectoryLinks(visit.body, visit.loadedUrl || visit.url)) if (!next.some((n) => n.url === url)) next.push({ url, directory: true });
    for (const u of directoryUnitLinks(visit.body, visit.loadedUrl || visit.url, { captioned: true })) if (!next.some((n) => n.url === u.url)) next.push(u);
  }
  const cap = h.maxLinksPerPage;
  if (cap !== undefined && parsed.items.length > cap) {
    // A page of a hundred thousand links is an accident or a trap; the first ones are the newest on a real list.
    emit(h, { kind: 'skipped', host, url: visit.url, detail: `too_many_links: ${parsed.items.length} links, only the first ${cap} considered` });
    h.stats.skipped += 1;
    parsed = { ...parsed, items: parsed.items.slice(0, cap) };
  }
  const items = parsed.items;
  // The page's report items, counted once (each count classifies every title).
  const reports = reportCount(items);
  // A page drawn for its pager alone was read over HTTP first: its rows' titles were judged there.
  const rowsJudged = data.pagerOnly === true && !!visit.rendered;
  for (const title of rowsJudged ? [] : (parsed.unreadScriptReports ?? [])) tally.unreadScriptReports.add(title);
  for (const title of parsed.undatedReports ?? []) tally.undatedReports.add(title);
  // The seed's own page read as its report shows that report's title unlinked: its heading, read already.
  for (const title of rowsJudged ? [] : (parsed.unlinkedReports ?? [])) if (!sameTitle(title, tally.seedReportTitle)) tally.unlinkedReports.add(title);
  // A title read unlinked on one page and linked on another (the browser's clicks on the seed page) was followed.
  for (const item of items) {
    tally.unlinkedReports.delete(item.title);
    tally.unreadScriptReports.delete(item.title);
  }
  if (data.family !== 'learned') notePagerDeadEnd(tally, visit.url, parsed.deadEnd, !!visit.rendered);
  if (parsed.drawnPager && !visit.rendered) tally.drawnPagers.set(visit.url, parsed.drawnPager);
  // A learned list of unknown paging whose answer's own pager led on: its later pages are read, nothing to say.
  if (parsed.ownPager) tally.pagingUnknown = false;
  const seedPage = isSeedPage(data);
  // A later list page listing reports whose pager its script draws into an empty box (a sub-column a tab of the 年报
  // column loaded, its page bar drawn from the column's script.json: round 87b): drawn once in the browser, where the
  // pager's links show and are followed; its items are read here as well. The seed's own is drawn by its escalation.
  if (parsed.drawnPager && !visit.rendered && !seedPage && data.family !== 'learned' && reports > 0) await pagerInBrowser(h, visit, data, 'drawn');
  // A later list page listing reports whose pager announces more pages than any control it links leads to, on a page
  // running scripts (`javascript:void(0)` links whose handler asks the next page's rows by XHR, round 80c): turned and
  // learned from in the browser, as a 年报 column whose script loads its list is. Its items are read here as well.
  else if (!visit.rendered && !seedPage && data.family !== 'learned' && !data.drawnColumn && reports > 0 && isPagerDeadEnd(parsed.deadEnd, visit.body, visit.url) && hasScripts(visit.body)) await pagerInBrowser(h, visit, data, 'turned');
  if (seedPage) {
    h.catalog.seeds.markCrawled(data.seedEntryId, family);
    tally.family = family;
    tally.seedPageRead = true;
    tally.seedPageUrl = visit.loadedUrl || visit.url;
    if (reports > 0) tally.seedListsInPassing = !namesReportsIn(loadHtml(visit.body));
    tally.announced = announcedTotals(visit.body);
    tally.hasScripts = tally.hasScripts || hasScripts(visit.body);
    tally.writesMarkup = tally.writesMarkup || writesMarkup(visit.body);
    // A page showing a report or two among its links may be a home deeper than the host's root (seed-explore.ts).
    if (reports > 0 && reports <= 2) tally.seedIsHome ||= linksItselfAsHome(loadHtml(visit.body), visit.loadedUrl || visit.url);
    // Its own list loaded by its script (a 年报 column's shell calling `loadList('./list.html')`): drawn by the
    // seed's review even when its sub-columns give reports.
    if (!reports && !visit.rendered && data.family !== 'learned' && columnDrawnByScript(visit.body, visit.loadedUrl || visit.url)) tally.seedListDrawn = true;
    if (!reports && !visit.rendered && data.family !== 'learned' && hasScripts(visit.body)) {
      tally.seedShell = visit.loadedUrl || visit.url;
      tally.seedShellScripts = siteScripts(visit.body, tally.seedShell);
    }
    if (!reports) {
      // A seed page listing nothing whose frames are on hosts outside the registry (a cloaked-forwarding frameset over
      // a platform's page, round 68c): named, as the browser lane names a rendered page's; no script need run for it.
      for (const url of offScopeFrames(visit.body, visit.loadedUrl, h.scope)) tally.offScopeFrames.add(url);
      // One sending its reader on to such a host (a `location.replace` shell to a platform on another host): named.
      for (const url of offScopeRedirects(visit.body, visit.loadedUrl, h.scope)) tally.offScopeRedirects.add(url);
      // One that says its column moved (an old bookmark's 200 notice, round 68c): `moved` once its reports are read
      // through it.
      tally.movedNotice ??= movedNotice(visit.body) ?? undefined;
      // One whose sentence tells in which column the reports are published (a department's 政府信息公开指南: "…年度报告
      // 在…“政府信息公开年报”栏目（点击进入）发布", round 69c): read there, and `moved`.
      for (const url of reportPointerLinks(visit.body, visit.loadedUrl)) if (h.scope.allowsPage(url)) tally.pointedColumns.add(url);
    }
  }
  // A later page of the seed's own pager announcing fewer items than the first ("共13条" after "共15条"): a stale copy.
  if (!seedPage && !visit.rendered && data.family !== 'learned') {
    const own = staleCount(tally.url, visit.loadedUrl || visit.url, visit.body, tally.announced.announcedItems);
    if (own !== null) tally.staleListPages.set(visit.url, own);
  }
  // A 年报 column's list learned in the browser (drawn-column.ts) is no list of the seed's own: its family and its
  // answer's count are not the seed's (its count made the seed's list look short, round 73b).
  const ownList = !data.drawnColumn;
  if (data.family === 'learned' && ownList) {
    tally.family = 'learned';
    // Its list read through the endpoint learned for it (an earlier run's, replayed): no drawing needed.
    tally.seedListDrawn = false;
  }
  // A learned list's first answer says how long the list is (total, totalCount…): what its paging must reach.
  // A bare array says it in its headers only (`X-Total-Count`, `X-WP-TotalPages`); the body's word wins.
  if (data.family === 'learned' && ownList && Number(data.cursor?.page ?? 1) <= 1) Object.assign(tally.announced, headerTotals(visit.headers), answerTotals(visit.body, visit.url));
  // Only an HTML page can be a shell; an API answer with no items is the end of its list; a page with no script (a
  // frameset's banner or guide frame) draws nothing.
  // A seed page whose list request an earlier run learned is read through that request, not drawn again.
  const replay = seedPage && !visit.rendered && replayable(h, data.seedEntryId);
  // A shell's few links are its chrome (a logo, 首页): they list no report, and do not make the page a list read whole
  // (round 34c: an H5 column's shell, a logo link and a script, was read over HTTP as a list of one item).
  if (!visit.rendered && !replay && data.family !== 'learned' && reports === 0 && !next.length && !looksLikeJson(visit.body) && hasScripts(visit.body) && isShell(visit.body)) {
    recordOutcome(h, visit, data, parsed, 0, null);
    return sendToBrowser(h, visit, data, 'an empty shell: the list is drawn by script');
  }
  // A column found by exploring the seed's host that lists nothing over HTTP but runs scripts: its list is drawn (a
  // page with its site's whole chrome, so no shell), as the explorer, reading over HTTP, could not see (round 42c).
  if (!visit.rendered && data.explored && data.family !== 'learned' && !reports && hasScripts(visit.body)) {
    recordOutcome(h, visit, data, parsed, 0, null);
    return sendToBrowser(h, visit, data, 'a column found by exploring whose list is drawn by script');
  }
  // A disclosure page the seed's menu names whose own menu is drawn by script (a tree of columns fetched as JSON, the
  // 年报 node folded under 其他): drawn once, as a seed page naming no column is, so that the column its script drew is
  // followed (round 34e: read over HTTP, its empty tree named nothing and the seed ended empty).
  if (!visit.rendered && data.hub && !reports && !next.some((n) => !n.hub) && hasScripts(visit.body)) {
    recordOutcome(h, visit, data, parsed, 0, null);
    return sendToBrowser(h, visit, data, 'a disclosure page whose menu is drawn by script');
  }
  // A year's or a unit's column of the 年报 tree listing nothing over HTTP whose script loads its list (an inline one
  // naming the address, round 72b's Hanweb year column with no data island; a site script named for lists, round 73b):
  // drawn in the browser.
  // The seed's escalation renders the seed only, and a seed with reports is not rendered at all. Its links (a menu's
  // other years, the 年报 column) are read from the drawn page as from this one.
  if (!visit.rendered && !seedPage && !data.hub && !data.explored && data.family !== 'learned' && !reports && columnDrawnByScript(visit.body, visit.loadedUrl || visit.url, data.namedColumn === true, tally.seedPageRead && (!tally.hasScripts || !tally.namesReports), tally.seedShellScripts)) {
    recordOutcome(h, visit, data, parsed, 0, null);
    // What its HTTP read could not follow (a drop-down its script fills) is the drawn page's to say.
    tally.pagerDeadEnds.delete(visit.url);
    tally.drawnPagers.delete(visit.url);
    // Drawn by the script of the seed's own shell: the seed's list, never drawn yet, is drawn too, whatever reports its
    // sub-columns give (round 108b: the JPaaS column's own reports were lost once its sub-columns had given some).
    if (!tally.usedBrowser && drawnLikeSeed(visit.body, visit.loadedUrl || visit.url, tally.seedShellScripts ?? [])) tally.seedListDrawn = true;
    return sendToBrowser(h, visit, { ...data, drawnColumn: true }, 'a 年报 column whose list its script loads', false);
  }
  // A page reached as a list (a year link of a 年报 menu) that is itself a report is read as that report (collection.ts).
  // The page read as a detail page, once, for the questions below that need it (is it a report, a page about one).
  let asDetail: DetailPage | undefined;
  const detailOf = () => (asDetail ??= parseDetailPage(visit.body, visit.loadedUrl));
  // Links named by an agency alone, read as that agency's report of the page's year, are none on a page that is a
  // report itself (its crumb's 县卫生健康局 on the xxgk module's report page for one unit and year, round 110a).
  // (Counted again only on a page holding such links: `reports` counted every title once.)
  const ownReports = items.some((i) => i.namedByAgency) ? reportCount(items.filter((i) => !i.namedByAgency)) : reports;
  const reportTitle = seedPage ? null : listPageAsReport(detailOf, ownReports);
  if (reportTitle) {
    recordOutcome(h, visit, data, parsed, 0, null);
    return handleDetail(h, visit, { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl: visit.url, listTitle: reportTitle, listDate: null, verify: true, columnAgency: data.columnAgency });
  }
  // A seed that is one report's own page (the address a user copied from the report he had open): that report is
  // read from the answer in hand, and the page is read on as a seed listing no report (its breadcrumb or menu naming
  // the column). Read as a list only, the report was never catalogued, and the column's link to it was skipped as
  // a list page read already: a silent miss of the one report the user pointed at.
  // Drawn by script (a shared H5 article: its HTTP read an empty shell), the report is read from the rendered page,
  // once: round 34c's seed, the report the user shared, was read as a list only and never catalogued.
  // Its links to the reports beside it (上一篇 / 下一篇, 相关阅读) do not make it a list: a few are an article's (round 40c).
  const seedReport =
    seedPage && !tally.seedReadAsReport && (!readBefore || visit.rendered) ? listPageAsReport(detailOf, reports <= ARTICLE_NEIGHBOURS ? 0 : reports) : null;
  if (seedReport) {
    tally.seedReadAsReport = true;
    tally.seedReportTitle = seedReport;
    for (const title of tally.unlinkedReports) if (sameTitle(title, seedReport)) tally.unlinkedReports.delete(title);
    h.stats.pages -= 1; // counted again by handleDetail
    await handleDetail(h, visit, { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl: visit.url, listTitle: seedReport, listDate: null, verify: true, columnAgency: data.columnAgency });
  }
  // A page listing no report that shows one under a heading of its own (a query module's answer for one unit and
  // year): that report is read, and the page read on as a list (its form's other units and years, round 76c).
  const shownReport = seedReport || visit.rendered || data.family === 'learned' ? null : reportShownOnList(detailOf, reports, visit.body);
  if (shownReport) {
    h.stats.pages -= 1; // counted again by handleDetail
    await handleDetail(h, visit, { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl: visit.url, listTitle: shownReport, listDate: null, verify: false, columnAgency: data.columnAgency });
  }
  const queued: QueuedRequest[] = [];
  const links = { reports: 0, unknown: 0 };
  // Where the items were listed, as a user finds them: a learned list's page, not its API.
  const listedAt = parsed.shownAt ?? visit.loadedUrl;
  for (const item of items) {
    tally.rows.urls.add(item.url);
    if (item.date) tally.rows.dated.add(item.url);
    // A link back to a list page of this seed read in this run (a Discuz! item's 分类 link to its own column, a
    // "年报" crumb): read already, as a list; asking it as a report page fetched it twice more.
    if (tally.listUrls.has(item.url)) continue;
    const verdict = classifyTitle(item.title);
    // A row titled with the report's words alone ("政府信息公开工作年度报告", round 41a), dated or linking an article's
    // address (not a column's index): its page decides. A menu's label linking a column is neither.
    const datedLabel = verdict.bareLabel === true && !item.isFile && (item.date !== null || articleAddress(item.url));
    if (verdict.maybe || datedLabel || (item.maybe && !verdict.isReport)) {
      // One an earlier run read as a report (its page's or its file's own title) is this list's report item, as it
      // was then: a column of cut titles read again is not empty.
      if (h.catalog.reports.bySourceUrl(item.url)) {
        links.reports += 1;
        // Known from an earlier run; one sighted in this run (the hub's 最新公开 box linked it first) is new to paging.
        if (!isKnown(h, item)) links.unknown += 1;
        tally.rows.reports += 1;
        if (item.date) tally.rows.datedReports += 1;
        continue;
      }
      // A file under a cut title is said, as a report it may be, until its first page's title decides (file-title.ts):
      // one that decided in an earlier run (not a report) is not said again.
      const state = h.catalog.urls.get(item.url);
      if (item.isFile && verdict.maybe && !decidedNotReport(state)) tally.cutFileItems.set(item.url, item.title);
      if (!state) queued.push(...maybeReportRequests(h, item, listedAt, data));
      continue;
    }
    if (!verdict.isReport) {
      // A compilation of the reports (…2019—2022年…年度报告汇编, 历年年报合集: the older years' reports linked in one
      // article after a redesign, round 61a) is read as the index it is, once a run.
      if (!item.isFile && namesCompilation(item.title) && h.scope.allows(item.url)) queued.push(compilationRequest(h, item.url, data));
      continue;
    }
    noteReportLink(tally, item.title, item.url);
    links.reports += 1;
    tally.rows.reports += 1;
    if (item.date) tally.rows.datedReports += 1;
    if (!isKnown(h, item)) links.unknown += 1;
    queued.push(...reportLinkRequests(h, item, listedAt, data));
  }
  tally.items += items.length;
  if (data.family === 'learned') {
    tally.learnedItems += items.length;
    tally.learnedReports += links.reports;
    // An answer with no items that says nothing (an error object) does not undo the "more follow" of the one before.
    const more = answerSaysMore(visit.body, visit.url) ?? headersSayMore(visit.headers, visit.loadedUrl);
    if (items.length || more !== null) tally.learnedMore = more === true;
    // A refusal answered with HTTP 200 (an error object: a stale signature, a token) is no end of the list.
    // Past the end its answers announced, an error object ("页码超出范围") is the end too.
    const refusal = items.length || refusedPastEnd(data.cursor, visit.status) ? null : refusalMessage(visit.body);
    if (!refusal) countLearnedPage(tally);
    else if (!(await askWithFreshToken(h, data))) tally.learnedRefused ??= { page: Number(data.cursor?.page ?? 1), status: visit.status, message: refusal };
  }
  tally.reportItems += links.reports;
  // Where its reports were listed, for a seed said `moved` (the first few lists; the seed's own page is no other place).
  if (links.reports && !seedPage && tally.reportLists.length < 3) {
    const at = parsed.shownAt ?? visit.loadedUrl;
    // A column's later pages (index_2.html, ?page=2) are the column already named: one address per folder.
    const folder = (u: string) => new URL(u, at).pathname.replace(/[^/]*$/, '');
    if (!tally.reportLists.some((u) => folder(u) === folder(at))) tally.reportLists.push(at);
  }
  // A seed page that gave reports but is itself a document about one (一图读懂…年度报告, the link a post shares), or a
  // page offering one report's file (a 下载中心 page): its links are the report's, not the column's; its host is
  // explored for the column (seed-explore.ts).
  if (seedPage && !visit.rendered && data.family !== 'learned' && links.reports > 0 && tally.seedDocument === undefined) {
    tally.seedDocument = documentAboutReport(detailOf()) ?? pageOfferingReport(detailOf(), links.reports);
  }
  // A seed that is a report reposted on a social platform (a WeChat article): its 阅读原文 leads to the original, read
  // as a page above the report's column when the registry holds its host, else said (seed-review.ts; round 67c: read
  // as a report page alone, the post and the one it recommended were catalogued and the seed ended `ok`).
  if (seedPage && !visit.rendered && tally.repostOf === undefined) {
    const source = repostSource(visit.body, visit.loadedUrl);
    tally.repostOf = source ? { url: source, read: h.scope.allows(source) } : null;
    if (source && h.scope.allows(source)) queued.push(originalRequest(h, data, source));
  }
  // A seed read as a report that is a shared copy (an app's share page drawn from its API): its 查看原文 leads to the
  // original on the agency's site, read as a page above the report's column as a repost's is (round 113c: read as
  // the one report alone, the seed ended `ok`).
  if (seedReport && !tally.repostOf) {
    const source = sharedOriginal(loadHtml(visit.body), visit.loadedUrl || visit.url);
    if (source) {
      tally.repostOf = { url: source, read: h.scope.allows(source) };
      if (h.scope.allows(source)) queued.push(originalRequest(h, data, source));
    }
  }
  // A learned answer listing no report whose entry names the 年报 column (a script-drawn carousel's or menu's JSON,
  // `{name: '政府信息公开年报', link}`) leads to that column, as the same link named on a page does (report-column.ts);
  // drawn, such an entry may be a picture only (`<img alt="">`), its name nowhere in the page.
  if (data.family === 'learned' && links.reports === 0) queued.push(...namedColumnRequests(h, items, data, tally.listUrls));
  // A seed page with no report on it, whose list the browser once found in the page's traffic: ask that endpoint
  // over HTTP (the learned family) instead of rendering the page again.
  if (links.reports === 0 && data.family !== 'learned') {
    // Parsed once for both questions, asked only of a page that gave no report item (a seed page is never learned).
    const $ = loadHtml(visit.body);
    if (listPageSaysNotFound($)) noteSoftNotFound(h, visit, seedPage, tally);
    if (seedPage) tally.namesReports ||= namesReportsIn($);
  }
  if (seedPage && !visit.rendered && links.reports === 0) queued.push(...learnedRequests(h, data, tally));
  // A seed that is a later page of its list (the column copied after a click on 下一页): its first page, the newest
  // reports, asked whatever the incremental policy says of the pages after it; the list is read on from there.
  // A seed that is the column's feed: the channel's page is the column, its first page (the feed holds the newest only).
  const first = seedPage && !visit.rendered && !readBefore ? (feed?.channel ?? firstListPage(visit.body, visit.loadedUrl)) : null;
  // A seed asked by its folder that a cache answered from a copy older than a day (`Age`), its pager naming its first
  // page by the folder's index file: that address is asked too, which the cache may hold fresh (round 84d: the folder's
  // copy ten months old, the newest reports only under index.shtml).
  const fresher = seedPage && !visit.rendered && !first && Number(visit.headers?.age) > STALE_COPY_SECONDS ? folderIndexPage(visit.body, visit.loadedUrl) : null;
  for (const url of [first, fresher]) {
    if (url && !tally.listUrls.has(url) && h.scope.allows(url)) {
      queued.push({ url, lane: laneOf(h, url), userData: { ...data, family, pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined } });
    }
  }
  // A later page announcing more items than the page before it, which was a stale copy (round 103d): the pager's own
  // first page is read (stale-pages.ts).
  const freshFirst = !visit.rendered && data.family !== 'learned' && data.announcedBefore ? freshFirstPage(loadHtml(visit.body), visit.loadedUrl || visit.url, visit.body, data.announcedBefore) : null;
  if (freshFirst && !tally.listUrls.has(freshFirst) && h.scope.allows(freshFirst)) {
    queued.push({ url: freshFirst, lane: laneOf(h, freshFirst), userData: { ...data, family, pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined, announcedBefore: undefined } });
  }
  // A later page answering an empty list ("暂无信息", "共0条") where the seed's first page announced items not read yet
  // (a CMS building a page on its first request and answering the empty template meanwhile, round 70d): asked once
  // more, as a reader reloading it does; an empty second answer is the list as it is (the seed then says it is short).
  if (emptiedPage(visit, data, items, tally)) {
    queued.push({ url: visit.url, uniqueKey: `again:${visit.url}`, lane: 'http', userData: { ...data, askedAgain: true } });
    recordOutcome(h, visit, data, parsed, 0, null);
    return void (await h.frontier.add(queued));
  }
  // The one place that decides whether to follow the pager. Lists are newest first: a page whose reports are all
  // known means the pages after it hold nothing new either (incremental), unless the run reads every page.
  if (!keepPaging(h.policy, data.pageIndex, links, h.fullDepth ?? false)) {
    if (next.length && !readBefore) tally.stoppedEarly = true;
    recordOutcome(h, visit, data, parsed, 0, null);
    return void (await h.frontier.add(queued));
  }
  let nextCount = 0;
  // What this page announces of its list's size, carried to the pages it leads to (freshFirstPage).
  const count = next.length && data.family !== 'learned' && !visit.rendered ? announcedItemCount(visit.body) : undefined;
  const announcedBefore = count !== undefined ? { url: visit.loadedUrl || visit.url, items: count } : undefined;
  for (const n of next) {
    // A disclosure page its menu names (政府信息公开, 法定主动公开内容) is read for the seed's page only: one click above
    // its 年报 column, never a walk through the site's menus. One on a host outside the registry is said, not read.
    if (n.hub && !seedPage) continue;
    // A page of this list read already in this run (the seed, when it was a later page and its first page was asked
    // for it): its next link back to the seed is no new page.
    if (!n.method && !n.payload && data.family !== 'learned' && tally.listUrls.has(n.url)) continue;
    // A disclosure platform or list on a sibling host of the seed's (xxgk. beside www.) is the agency's own: admitted
    // and read, said by the seed (`moved`, naming it). Any other host outside the registry is said, not read.
    if (!h.scope.allows(n.url) && admitSibling(h, n.url, tally)) tally.siblingPages.set(Scope.hostOf(n.url), n.url);
    if (n.hub && !h.scope.allows(n.url)) {
      (n.ownSite ? tally.offScopeOwnSites : tally.offScopeDisclosure).add(n.url);
      continue;
    }
    // The page's own API (a shell naming it, a learned list) on a service's host, wherever that is: asked by a
    // registry page, or the next page of such a list on the same service (download/scope.ts).
    if (ownApi(family, data) && (h.scope.allowsPage(visit.url) || sameOrigin(n.url, visit.url))) h.scope.vouch(n.url);
    if (!h.scope.allows(n.url)) {
      // A list page never read is a shortfall the user must see, as a report link off the registry is.
      const host = safeHost(n.url) ?? n.url;
      emit(h, { kind: 'skipped', host, url: n.url, detail: 'off_scope: list page on a host not in the registry' });
      h.stats.skipped += 1;
      tally.offScopePages.set(host, (tally.offScopePages.get(host) ?? 0) + 1);
      continue;
    }
    nextCount += 1;
    if (seedPage) tally.seedNextLists.add(columnPath(n.url));
    queued.push({
      url: n.url,
      method: n.method,
      payload: n.payload,
      // A page's 下一页 (or a column link) is asked as a reader's click asks it: with this page as the Referer (list
      // pages refused to requests from elsewhere, Apache's hotlink rule on `list.php?page=N`: round 51d). A learned
      // list's requests carry the headers its page's script sent.
      headers: data.family === 'learned' ? n.headers : { referer: visit.loadedUrl || visit.url, ...n.headers },
      uniqueKey: n.uniqueKey,
      // A learned endpoint is read over HTTP whatever lane found it.
      lane: data.family === 'learned' ? 'http' : laneOf(h, n.url),
      userData: { ...data, family: data.family === 'learned' ? 'learned' : family, pageIndex: data.pageIndex + 1, cursor: n.cursor, learn: undefined, columnAgency: n.columnAgency ?? data.columnAgency, hub: n.hub, namedColumn: n.namedColumn, directory: n.directory, yearReport: n.reportTitle ? { title: n.reportTitle, listUrl: visit.loadedUrl || visit.url } : undefined, askedAgain: undefined, announcedBefore },
    });
  }
  recordOutcome(h, visit, data, parsed, nextCount, null);
  await h.frontier.add(queued);
}

/**
 * Admits the host of `url` to the crawl when it is a sibling of the seed's own host: the same portal by name on the
 * same port (`xxgk.pei.gov.cn` beside `www.pei.gov.cn`: withinPortal, as onboarding reads a portal); an IP address or
 * another port is never widened (another server, maybe a clone). True when admitted.
 */
function admitSibling(h: HarvestContext, url: string, tally: { url: string }): boolean {
  const host = safeHost(url);
  if (host === null || !withinPortal(host, Scope.hostOf(tally.url))) return false;
  h.scope.add(host);
  return true;
}

/**
 * A mobile list page (`/wap/…`) read as a desktop browser reads it: at the desktop column its device check sends it
 * to (device-redirect.ts), with the same place in the seed's lists (the seed's own page when it was the seed).
 */
async function followDesktopTwin(h: HarvestContext, visit: PageVisit, data: ListData, url: string): Promise<void> {
  await readInstead(h, visit, data, url, `a mobile page: its script sends desktop browsers to ${url}`);
}

async function followRefresh(h: HarvestContext, visit: PageVisit, data: ListData, url: string): Promise<void> {
  h.tallies.of(data.seedEntryId).notes.push(`${visit.url} refreshes at once to ${url}; read there`);
  await readInstead(h, visit, data, url, `a refresh of no delay to ${url} (the page a browser shows)`);
}

async function followDirectoryForm(h: HarvestContext, visit: PageVisit, data: ListData, url: string): Promise<void> {
  h.tallies.of(data.seedEntryId).notes.push(`${visit.url} answered HTTP ${visit.status}; read as ${url}`);
  await readInstead(h, visit, data, url, `HTTP ${visit.status} without the trailing slash: its directory form ${url} asked`);
}

/**
 * The seed's page refused with an error status while its address carries a query (seed-query.ts): the address
 * without the query is asked in its place, once (it has no query left to drop). True when it was queued; the
 * failed request then counts as no failure of the seed. Called for answers the handler sees (400, 404) and for
 * server errors the fetcher gave up on (harvest.ts).
 */
export async function seedWithoutQuery(h: HarvestContext, url: string, status: number | null, method: string | undefined, data: RequestData): Promise<boolean> {
  if (data.kind !== 'list' || !isSeedPage(data) || !refusedForQuery(status, method)) return false;
  const bare = withoutQuery(url);
  const tally = h.tallies.of(data.seedEntryId);
  if (!bare || tally.listUrls.has(bare) || !h.scope.allows(bare)) return false;
  tally.notes.push(`${url} answered HTTP ${status}; read without its query as ${bare}`);
  await readInstead(h, { url, status }, data, bare, `HTTP ${status} with its query: ${bare} asked without it`);
  return true;
}

/** A list page read at another address in its place: recorded as leading there (why), and that address queued. */
async function readInstead(h: HarvestContext, asked: { url: string; status: number | null }, data: ListData, url: string, reason: string): Promise<void> {
  h.catalog.urls.record({ url: asked.url, host: Scope.hostOf(asked.url), status: asked.status, outcome: 'ok', reason, redirectTo: url });
  await h.frontier.add([{ url, lane: laneOf(h, url), userData: data }]);
}

function recordOutcome(h: HarvestContext, visit: PageVisit, data: ListData, parsed: ParsedList, nextRequests: number, error: string | null): void {
  h.catalog.seedHealth.recordListOutcome({
    runId: h.runId,
    seedEntryId: data.seedEntryId,
    url: visit.url,
    method: visit.method ?? 'GET',
    lane: data.family === 'learned' ? 'learned' : visit.rendered ? 'browser' : 'http',
    family: parsed.family,
    signal: parsed.signal,
    items: parsed.items.length,
    reportItems: reportCount(parsed.items),
    nextRequests,
    error,
  });
}

/**
 * A seed page rendered by the browser to learn its list (escalation step b). When its traffic held the list, the
 * endpoint is remembered for the seed entry and its captured answer is read as the learned family's first page
 * (later pages over HTTP); otherwise the rendered page itself is read as a list page.
 */
export async function handleRenderedSeed(h: HarvestContext, visit: PageVisit, data: ListData, found: Learned | null): Promise<void> {
  // Rendered again for a fresh token only: the refused pages are asked again, the list is not read twice.
  if (data.freshToken) return resumeWithFreshToken(h, data, found);
  const tally = h.tallies.of(data.seedEntryId);
  tally.usedBrowser = true;
  // The seed's own page drawn (its escalation, or the host's lane drawing it): its list is read. Another page of the
  // seed's drawn (a frame of its page, round 109b's unit tree) leaves the seed's own list, loaded by its script, undrawn.
  if (!data.drawnColumn && (isSeedPage(data) || data.learn)) tally.seedListDrawn = false;
  // A sub-column drawn from the very document the seed's page is (another query of it) says the seed's own list is
  // drawn as well, though no word of the seed's page named it a column (a tree's shell titled 信息公开, round 95b).
  else if (tally.seedShell && sameDocument(tally.seedShell, visit.url)) tally.seedListDrawn = true;
  if (!found) {
    tally.notes.push('the browser saw no list answer in the page\'s traffic');
    return handleList(h, visit, data);
  }
  // A column's endpoint (drawn-column.ts) is read on from its cursor, not kept as the seed's.
  if (!data.drawnColumn) h.catalog.learned.save(data.seedEntryId, storableEndpoint(found.endpoint));
  // Learned from a later page (page 1 was drawn from data in the HTML): the endpoint's page 1 is asked over HTTP; a
  // column's endpoint, kept by no seed, from what was learned here (its page 1 was read over HTTP already, round 80c).
  if (!found.answer) {
    if (!data.drawnColumn) return void (await h.frontier.add(learnedRequests(h, data, tally)));
    // Its pager is read on through the endpoint: the HTTP reading's dead end is the endpoint's pages' to say.
    if (!found.endpoint.pagingUnknown) tally.pagerDeadEnds.delete(visit.url);
    return void (await h.frontier.add([found.endpoint, ...otherListEndpoints(found.endpoint)].map((e) => learnedFirstPage(h, e, data))));
  }
  tally.usedLearned = true;
  // Its later pages turned in the browser were read below; none turned, its first page alone is, and the seed says so.
  if (found.endpoint.pagingUnknown && !found.turned?.length) tally.pagingUnknown = true;
  const first = learnedPageRequest(found.endpoint, 1);
  const answer: PageVisit = {
    url: found.answer.url,
    loadedUrl: found.answer.url,
    method: found.answer.method,
    status: found.answer.status,
    body: found.answer.responseBody,
    contentType: found.answer.responseType,
    rendered: true,
    ...(found.answer.responseHeaders ? { headers: found.answer.responseHeaders } : {}),
  };
  // The other years of a list asked one year at a time, the lists of its page's other choices, over HTTP.
  await h.frontier.add(otherListEndpoints(found.endpoint).map((e) => learnedFirstPage(h, e, data)));
  const reportsBefore = tally.reportItems;
  await handleList(h, answer, { ...data, family: 'learned', cursor: first.cursor, learn: undefined });
  // A list whose requests the page signs was turned in the browser: its later answers are its later pages.
  for (const [i, x] of (found.turned ?? []).entries()) {
    const visit: PageVisit = { url: x.url, loadedUrl: x.url, method: x.method, status: x.status, body: x.responseBody, contentType: x.responseType, rendered: true, headers: x.responseHeaders };
    await handleList(h, visit, { ...data, family: 'learned', pageIndex: data.pageIndex + i + 1, cursor: learnedPageRequest(found.endpoint, i + 2).cursor, learn: undefined });
  }
  // What the drawn page tells its reader of the list's length ("共 16 条" under the list its script drew), when its
  // answers say nothing: what the learned list must reach (round 44b: a replay of page 1 alone ended `ok`).
  for (const [k, v] of Object.entries(announcedTotals(visit.body)) as [keyof AnnouncedTotals, number][]) tally.announced[k] ??= v;
  // A sentence of the drawn page telling in which column the reports are published (a Q&A robot's answer drawn beside
  // its 相关内容 box, round 65c): that column is read too, whatever the answer listed.
  const pointed = reportPointerLinks(visit.body, visit.loadedUrl).filter((url) => h.scope.allowsPage(url));
  for (const url of pointed) if (isSeedPage(data)) tally.pointedColumns.add(url);
  if (pointed.length) await h.frontier.add(pointed.map((url) => ({ url, lane: laneOf(h, url), userData: { ...data, family: 'auto' as const, pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined } })));
  // The learned answer listed reports, so the drawn page is not read as a list below; two things of it are still read.
  if (tally.reportItems !== reportsBefore || found.turned?.length) {
    // What the page's other choices drew (a tab reading another channel's data file, list-choices.ts), kept with the
    // drawn page: a list of its own (round 80b: the 部门 and 乡镇 tabs' lists had been read only when the county's
    // answer listed no report).
    const drawnByChoices = openedList(visit.body);
    if (drawnByChoices) {
      const url = `${visit.loadedUrl}#nianbao-choices`;
      await handleList(h, { ...visit, url, loadedUrl: url, body: drawnByChoices }, { ...data, family: 'generic', pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined });
    }
    // Its sub-columns of the reports, in a menu its script drew (部门和苏木镇年报 beside 旗人民政府年报 in a column tree
    // fetched as JSON, round 76b): lists of the seed too.
    const subs = subColumnLinks(visit.body, visit.loadedUrl).filter((url) => url !== visit.url && url !== visit.loadedUrl && !tally.listUrls.has(url) && h.scope.allowsPage(url));
    const sub = (url: string, columnAgency?: string): QueuedRequest => ({ url, lane: laneOf(h, url), userData: { ...data, family: 'auto' as const, pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined, drawnColumn: undefined, namedColumn: true, ...(columnAgency ? { columnAgency } : {}) } });
    if (subs.length) await h.frontier.add(subs.map((url) => sub(url)));
    // The units' own 年报 columns its script drew links to, named by their agency (广东 gkmlpt's 切换机构 drop-down of
    // departments' and towns' sub-sites, round 81b).
    const units = agencyColumnsOf(visit.body, visit.loadedUrl).filter((c) => !subs.includes(c.url) && !tally.listUrls.has(c.url) && h.scope.allowsPage(c.url));
    if (units.length) await h.frontier.add(units.map((c) => sub(c.url, c.columnAgency)));
  }
  // The answer learned gave no report (a menu's JSON, a box of notices drawn by script): the drawn page is read too,
  // as any seed page is, since what its script drew (a mega-menu fetched as JSON) may name the 年报 column. Read from
  // the learned answer alone, such a seed ended empty with its column's link on the page the browser had drawn.
  if (tally.reportItems === reportsBefore && !found.turned?.length) {
    await handleList(h, visit, { ...data, learn: undefined });
    // Its drawn pager (javascript: controls) is the learned list's, which pages by its endpoint: no dead end of the
    // seed's list (round 42b: a first answer holding no report, only a quarterly one, flagged the seed `short`).
    if (!found.endpoint.pagingUnknown) tally.pagerDeadEnds.delete(visit.url);
  }
}

/** The class of the list of links the browser lane keeps with a drawn page (browser-lane.ts withDrawnLinks). */
export const DRAWN_LINKS_CLASS = 'nianbao-opened';

/** The links the browser lane kept with a drawn page, as a page of their own. */
function openedList(html: string): string | null {
  const m = new RegExp(`<ul class="${DRAWN_LINKS_CLASS}">[\\s\\S]*?</ul>`).exec(html);
  return m ? `<html><body>${m[0]}</body></html>` : null;
}

/**
 * A later page of a seed's own list (no learned answer, no drawn page) answering no report and announcing none ("共0条",
 * "0/0页") where the seed's first page announced more items than its pages have given: an answer contradicting the
 * list, asked once more (round 70d). Its POST body is not kept here, so a POST page is taken as it answered.
 */
function emptiedPage(visit: PageVisit, data: ListData, items: ListItem[], tally: SeedTally): boolean {
  if (isSeedPage(data) || visit.rendered || data.family === 'learned' || data.askedAgain || visit.method === 'POST') return false;
  if (reportCount(items) > 0) return false;
  const announced = tally.announced.announcedItems;
  if (announced === undefined || announced === 0 || listedRows(tally) >= announced) return false;
  const here = announcedTotals(visit.body);
  return here.announcedItems === 0 || here.announcedPages === 0;
}

/** A compilation's page asked as an index of the reports: a list page of the seed (its URL's state says why). */
function compilationRequest(h: HarvestContext, url: string, data: ListData): QueuedRequest {
  const list: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: data.pageIndex + 1, index: 'titled as a compilation of the reports', ...(data.columnAgency ? { columnAgency: data.columnAgency } : {}) };
  return { url, uniqueKey: `list:${url}`, lane: laneOf(h, url), userData: list };
}

/** The same-host entries of a learned answer that name the annual reports' column, as list pages of the seed. */
function namedColumnRequests(h: HarvestContext, items: ListItem[], data: ListData, read: Set<string>): QueuedRequest[] {
  const urls = new Set(items.filter((i) => !i.isFile && namesReportColumn(i.title) && h.scope.allowsPage(i.url) && !read.has(i.url)).map((i) => i.url));
  return [...urls].map((url) => ({ url, lane: laneOf(h, url), userData: { ...data, family: 'auto' as const, pageIndex: data.pageIndex + 1, cursor: undefined, learn: undefined, yearReport: undefined } }));
}

/**
 * A report link seen in an earlier run: its page is a known source (itself, or the article a counting link redirected
 * to when last fetched), or its file was stored from that URL.
 */
function isKnown(h: HarvestContext, item: ListItem): boolean {
  const state = h.catalog.urls.get(item.url);
  if (item.isFile) return Boolean(state?.sha256);
  // An index of reports read before (its reports catalogued from it) is no new item: its column need not be paged for it.
  if (isIndexPage(state?.reason)) return true;
  const known = (url: string) => h.catalog.reports.bySourceUrl(url) !== undefined && !sightedInRun(h, url);
  if (known(item.url)) return true;
  const target = state?.redirect_to;
  return !!target && known(target);
}

/** The HTTP path cannot see this list or page: the host's pages go to the browser lane from now on. */

/**
 * A page answered with an anti-bot challenge over HTTP: the host is a challenge host from now on (the browser, once
 * past it, hands its cookies to the fetcher: challenge.ts), and the page goes to the browser. Said here, where the
 * challenge was read whole: the browser may never read it, its script navigating on before the body can be (round 42d).
 */
function challengeToBrowser(h: HarvestContext, visit: PageVisit, data: ListData | DetailData): Promise<void> {
  h.catalog.challenges.seen(Scope.hostOf(visit.url), visit.status);
  return sendToBrowser(h, visit, data, 'anti-bot challenge');
}

/** Whether the seed says render: http; then its result names what was left undrawn (`why`, first at `url`). */
function renderDenied(h: HarvestContext, seedEntryId: number, why: string, url: string): boolean {
  if (!h.httpOnlySeeds?.has(seedEntryId)) return false;
  const denied = h.tallies.of(seedEntryId).browserDenied;
  if (!denied.has(why)) denied.set(why, url);
  return true;
}

async function sendToBrowser(h: HarvestContext, visit: PageVisit, data: ListData | DetailData, why: string, wholeHost = true): Promise<void> {
  const host = Scope.hostOf(visit.url);
  if (renderDenied(h, data.seedEntryId, why, visit.url)) {
    // The page is not drawn, and the seed is flagged with what was left unread.
    h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `needs a browser: ${why}; not rendered (render: http)` });
    return;
  }
  // The host's pages go to the browser from now on, but for a page only its own list needs drawn.
  if (wholeHost) h.browserHosts.add(host);
  h.catalog.urls.record({ url: visit.url, host, status: visit.status, outcome: 'skipped', reason: `needs a browser: ${why}` });
  h.stats.browserHandoffs += 1;
  await h.frontier.add([{ url: visit.url, lane: 'browser', userData: data }]);
}

/**
 * A list page sent to the browser for its pager alone (its HTTP read stands): `drawn`, a pager its script draws (the
 * drawn page's pager is followed); `turned`, a pager whose later pages its script asks, no control read over HTTP
 * leading there (turned and learned from, as a 年报 column whose script loads its list is).
 */
async function pagerInBrowser(h: HarvestContext, visit: PageVisit, data: ListData, how: 'drawn' | 'turned'): Promise<void> {
  if (renderDenied(h, data.seedEntryId, `a list page whose pager its script ${how === 'drawn' ? 'draws' : 'turns'}`, visit.url)) return;
  h.stats.browserHandoffs += 1;
  await h.frontier.add([{ url: visit.url, uniqueKey: `${how}-pager:${visit.url}`, lane: 'browser', userData: { ...data, learn: undefined, pagerOnly: true, ...(how === 'turned' ? { drawnColumn: true } : {}) } }]);
}

/** The original of a reposted or shared report, read as a disclosure page above its column (a hub). */
function originalRequest(h: HarvestContext, data: ListData, url: string): QueuedRequest {
  const hub: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: data.pageIndex + 1, hub: true };
  return { url, uniqueKey: `list:${url}`, lane: laneOf(h, url), userData: hub };
}

/** A region's people's government (a county's, a city's, a province's): not a town's, not one of its departments. */
const isRegionGovernment = (a: AgencyRow) => a.level !== 'township' && /人民政府$/.test(a.name) && !/(?:镇|乡|苏木)人民政府$/.test(a.name);

/** Two titles alike but for their spaces (a heading's line breaks). */
const sameTitle = (a: string, b: string | undefined) => b !== undefined && a.replace(/\s/g, '') === b.replace(/\s/g, '');

/**
 * A link whose title was cut before it could say "report", neither a report's source nor asked before (handleList
 * checks both): its page is fetched for its own title (a file for its first page's). Whether it is a report is decided
 * there (handleDetail, documentAsReport).
 */
function maybeReportRequests(h: HarvestContext, item: ListItem, listUrl: string, data: ListData): QueuedRequest[] {
  // A file under a cut title is asked as a page is (a document answering a page request waits in the spool for its
  // file request): its first page's title decides (documentAsReport). The list vouches for it, as for a report's file.
  if (item.isFile) h.scope.vouch(item.url);
  if (!h.scope.allows(item.url)) return [];
  const detail: DetailData = { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl, listTitle: item.title, listDate: item.date, verify: true, columnAgency: data.columnAgency, ...(item.isFile ? { cutFile: true } : {}) };
  return [{ url: item.url, lane: item.isFile ? 'http' : laneOf(h, item.url), headers: { referer: listUrl }, userData: detail }];
}

/** What to queue for a report link on a list page: its page, or the file itself when the list links a file. */

function reportLinkRequests(h: HarvestContext, item: ListItem, listUrl: string, data: ListData): QueuedRequest[] {
  // A report list linking the report's file on another host (a file server): the list vouches for that file alone.
  if (item.isFile) h.scope.vouch(item.url);
  const tally = h.tallies.of(data.seedEntryId);
  // A report on a sibling host of the seed's own (articles on xxgk. for a list on www.): admitted, and said.
  if (!h.scope.allows(item.url) && admitSibling(h, item.url, tally)) tally.siblingPages.set(Scope.hostOf(item.url), item.url);
  if (!h.scope.allows(item.url)) {
    emit(h, { kind: 'skipped', host: safeHost(item.url), url: item.url, detail: 'off_scope: host not in the registry' });
    h.stats.skipped += 1;
    // Counted for the seed's health: a report it lists that is never fetched is a shortfall the user must see. A
    // title naming no year over a column's address on another host (a homepage's "周口市政府信息公开年报" linking the
    // city's column, round 90c) is a way to another site's reports, not one of the seed's.
    const column = Attributor.year(item.title) === null && !item.isFile && !articleAddress(item.url);
    const { offScope } = tally;
    const host = safeHost(item.url) ?? item.url;
    if (!column) offScope.set(host, (offScope.get(host) ?? 0) + 1);
    return [];
  }
  const titleYear = h.years ? Attributor.year(item.title) : null;
  if (h.years && titleYear !== null && !h.years(titleYear)) return [];
  if (item.isFile) {
    // A file linked alone is whose its row says it is published by (a list's 发布机构), as a page's is by its own.
    const attribution = h.attributor.attribute({ title: item.title, publisher: item.publisher, columnAgency: data.columnAgency, siteAgency: agencyOf(h, data.siteAgencyId) });
    if (!attribution) return [];
    // A part of a report (its 统计表 file) is filed with the report under the report's title, never as its original.
    const part = reportOfPart(item.title);
    // Named by nothing but the seed while a heading over its block names a unit (round 65a: a city bureau's branch's
    // PDF titled "2024年政府信息公开工作年度报告" in a county column's 生态环境分局 box): asked as a page is (the document
    // waits in the spool for its file request), and its first page names whose it is (documentAsReport), never folded
    // silently into the seed's own report. In the seed's own column (no unit named over it) the seed's it is.
    if (attribution.via === 'seed' && !part && item.unit) {
      const detail: DetailData = { kind: 'detail', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, listUrl, listTitle: item.title, listDate: item.date, columnAgency: data.columnAgency, bareFile: true };
      return [{ url: item.url, lane: 'http', headers: { referer: listUrl }, userData: detail }];
    }
    if (refuseSeedMerge(h, attribution, item.url, data.seedEntryId)) return [];
    const { report } = sight(h, attribution, part ?? item.title, item.url, listUrl, data.seedEntryId, null, part ? null : item.date);
    return fileRequests(h, report.id, [{ url: item.url, name: item.title }], listUrl, data.seedEntryId);
  }
  const known = h.catalog.reports.bySourceUrl(item.url);
  const state = h.catalog.urls.get(item.url);
  // An index of reports (a departments' attachment list titled as a report) found in an earlier run is read as the
  // list it is, when due as a report page would be (published recently, not read tonight), never first as a report.
  if (state && isIndexPage(state.reason)) {
    if (!pageDue(h.policy, { firstSeenAt: item.date ?? state.fetched_at, fetchedAt: state.fetched_at })) return [];
    const list: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: 1, index: 'read as an index before' };
    return [{ url: item.url, uniqueKey: `list:${item.url}`, lane: laneOf(h, item.url), userData: list }];
  }
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
    columnAgency: data.columnAgency,
    ...(item.files ? { files: item.files } : {}),
    ...(item.namedByAgency ? { confirm: true } : {}),
  };
  // Asked as a reader clicking it asks: from its list page (a server refusing article pages to requests that do not
  // come from its own pages, nginx's valid_referers: round 48d).
  return [{ url: item.url, lane: laneOf(h, item.url), headers: { referer: listUrl }, userData: detail }];
}

/** Whether a list's next pages are its page's own data requests: an API its shell names, or a learned endpoint. */

export function ownApi(family: string | undefined, data: Pick<ListData, 'family'>): boolean {
  return family === 'jsapi' || data.family === 'jsapi' || data.family === 'learned';
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function goneReport(h: HarvestContext, visit: PageVisit, data: DetailData, reason: string): void {
  if (!data.verify && classifyTitle(data.listTitle).isReport) h.tallies.of(data.seedEntryId).goneReports.set(visit.url, data.listTitle);
  recordGone(h, visit.url, visit.status, reason);
}

/** Report pages of other reports showing one picture before it is taken for the site's (a banner in the article). */
const SITEWIDE_PICTURE = 2;

export async function handleDetail(h: HarvestContext, visit: PageVisit, data: DetailData): Promise<void> {
  h.stats.pages += 1;
  h.stats.reportPages += 1;
  // Counted against its seed: a report page refused (403) is a report the seed lists and the catalog lacks.
  // A server error's page that is the report drawn whole before the server failed (an ASP include's error after it,
  // round 50d), or a 404 that is the report (an IIS site's pseudo-static pages all drawn by its 404 handler, round
  // 54d), is read as a browser shows it, and said; any other refusal or error counts against the seed, a 404 or 410
  // as a report gone.
  const page = (visit.status >= 500 || visit.status === 404) && !visit.rendered && !answeredDocument(visit) ? parseDetailPage(visit.body, visit.loadedUrl) : null;
  const shown = page !== null && carriesReport(page, data);
  if ((visit.status === 404 || visit.status === 410) && !shown) return goneReport(h, visit, data, `HTTP ${visit.status}`);
  if (!visit.rendered && isChallenge(visit)) return challengeToBrowser(h, visit, data);
  if (page && shown) h.tallies.of(data.seedEntryId).notes.push(`${visit.url} answered HTTP ${visit.status} with its report: read as the page it is`);
  else if (visit.status >= 400) return recordFailure(h, visit.url, statusError(visit), data.seedEntryId, data);
  return readReportPage(h, visit, data, page ?? (answeredDocument(visit) ? null : parseDetailPage(visit.body, visit.loadedUrl)));
}

/** A title naming a feature page or column of the reports (…年度报告专题, …年报专栏), not one report. */
const FEATURE_TITLE = /(?:年度报告|年报)(?:工作)?(?:专题|专栏|专区)(?:页面?)?$/;

/** A report's feature page (专题) with no report's text and no file on it. */
function emptyFeature(page: DetailPage, listTitle: string): boolean {
  const titles = [page.title ?? '', listTitle].map((t) => t.replace(/\s+/g, ''));
  return titles.some((t) => FEATURE_TITLE.test(t)) && !page.attachments.length && !hasReportBody(page.bodyText);
}

/** A failed page's error by its status: a server's (5xx) or the request's. */
function statusError(visit: PageVisit): FetchError {
  return new FetchError(`HTTP ${visit.status}`, visit.url, visit.status >= 500 ? 'server' : 'client', visit.status);
}

/**
 * A report page answered with an error status that shows the report: titled as one, with a report's text, or its
 * own title a report's and a file linked (a one-line 全文见附件 article over its PDF).
 */
function carriesReport(page: DetailPage, data: DetailData): boolean {
  if (page.softNotFound) return false;
  const titled = classifyTitle(page.title ?? '').isReport;
  return ((titled || classifyTitle(data.listTitle).isReport) && hasReportBody(page.bodyText)) || (titled && page.attachments.length > 0);
}

/**
 * A report page refused by a visit check (visit-check.ts): asked again with the cookies its column's images earn and
 * the column as referer; read when let in, else a failure of the seed's (never an empty page catalogued as the report).
 */
async function passVisitCheck(h: HarvestContext, visit: PageVisit, data: DetailData, refusal: string): Promise<void> {
  // The cookies earned are kept with the host's (sent with this request and the host's later ones).
  const earned = data.listUrl && h.hostCookies ? await earnVisitCookies(h.http, h.hostCookies, data.listUrl) : false;
  if (earned && data.listUrl) {
    const res = await h.http.fetchForBrowser({ url: visit.url, method: 'GET', headers: { referer: data.listUrl } }).catch(() => null);
    const body = res && res.status < 400 ? decodeHtml(res.body, res.headers['content-type'] ?? null).text : null;
    if (res && body !== null && refusalOf(body) === null) {
      return readReportPage(h, { ...visit, loadedUrl: res.url, status: res.status, body }, data, parseDetailPage(body, res.url));
    }
  }
  const error = new FetchError(`the page refused the visit ("${refusal}", then went back): its site's visit check was not passed`, visit.url, 'blocked', visit.status);
  recordFailure(h, visit.url, error, data.seedEntryId, data);
}

/** A report page's answer read: a document (page null) as the report's file, a page for its report and files. */
async function readReportPage(h: HarvestContext, visit: PageVisit, data: DetailData, page: DetailPage | null): Promise<void> {
  if (!page) return documentAsReport(h, visit, data);
  if (page.softNotFound) return goneReport(h, visit, data, 'soft 404: the page says the item does not exist');
  const stub = visit.rendered ? null : redirectStubTarget(visit.body, visit.loadedUrl);
  if (stub && h.scope.allows(stub)) return followStub(h, visit, data, stub);
  // A visit check's refusal (an alert, then back: visit-check.ts) is passed as a visitor passes it, or said.
  const refusal = visit.rendered ? null : refusalOf(visit.body);
  if (refusal !== null) return passVisitCheck(h, visit, data, refusal);
  // A report page drawn by script (`detail.html?id=N` filling itself from an API) read over HTTP is an empty shell,
  // not the report: the browser draws it, and this host's pages go there from now on.
  // A page whose script only fills its attachment links (scripted-attachments.ts) is read here, its files asked for.
  // The shell test is read from parseDetailPage's own document (a second parse of half the report pages before).
  if (!visit.rendered && page.shell && hasScripts(visit.body) && !scriptedAttachments(visit.body, visit.loadedUrl).length) {
    return sendToBrowser(h, visit, data, 'a report page drawn by script');
  }
  // A report page with its site's chrome whose article box says it is loading (`detail.html?id=…` filled from a content
  // API, round 76b): no shell by its links, and no report read over HTTP, its title the site's and no file linked.
  if (!visit.rendered && !page.attachments.length && !hasReportBody(page.bodyText) && !classifyTitle(page.title ?? '').isReport && hasScripts(visit.body) && saysLoading(visit.body)) {
    return sendToBrowser(h, visit, data, 'a report page whose script draws it (it says it is loading)');
  }
  const index = collectionVerdict(visit, page, data.listTitle);
  if (index.collection) return readAsList(h, visit, data, index.reason);
  // A 专题 of the year's reports that holds none yet ("…2026年度…年度报告专题", 建设中 / 暂无信息: a site building next
  // year's page ahead, round 54c): no report of its year, nor a list.
  if (emptyFeature(page, data.listTitle)) return recordSkip(h, visit, `a feature page (专题) of the reports with none on it: ${page.title ?? data.listTitle}`);
  // Several units' reports on one page (乡镇's reports one after another): each read as its own (merged-page.ts).
  const merged = mergedUnits(page.bodyText);
  if (merged) return readMergedPage(h, visit, data, page, merged, ownAddress(h, visit));
  const pageVerdict = page.title ? classifyTitle(page.title) : null;
  const pageTitleIsReport = !!pageVerdict?.isReport;
  if (data.verify) {
    // The list cut this title short: only the page's own title makes it a report (the guess and its outcome are kept);
    // or a page titled with the report's words alone whose text is a report's (its year in the text: round 41a).
    const labelledReport = !!pageVerdict?.bareLabel && hasReportBody(page.bodyText);
    if (!pageTitleIsReport && !labelledReport) {
      return recordSkip(h, visit, `a cut list title (${data.listTitle}) whose page is not a report: ${page.title ?? 'no title'}`);
    }
    h.tallies.of(data.seedEntryId).reportItems += 1;
  }
  if (data.confirm && !pageTitleIsReport && !hasReportBody(page.bodyText) && !page.attachments.length) {
    return recordSkip(h, visit, `an agency's link titled as its report (${data.listTitle}) whose page shows none: ${page.title ?? 'no title'}`);
  }
  const title = pageTitleIsReport ? page.title! : data.listTitle;
  const attribution = h.attributor.attribute({
    title,
    // The list's link text may name the agency when the page's own title does not.
    otherTitles: [data.listTitle],
    publisher: page.publisher,
    bodyText: page.bodyText,
    crumbAgency: page.crumbAgency,
    columnAgency: data.columnAgency,
    published: page.publishedAt ?? data.listDate,
    siteAgency: agencyOf(h, data.siteAgencyId),
  });
  if (!attribution) {
    h.tallies.of(data.seedEntryId).noYear += 1;
    return recordSkip(h, visit, 'no report year in the title or body', 'no report year');
  }
  if (h.years && !h.years(attribution.year)) {
    return recordSkip(h, visit, `report year ${attribution.year} outside --years`, null);
  }
  const pageUrl = ownAddress(h, visit);
  if (refuseSeedMerge(h, attribution, pageUrl, data.seedEntryId)) return;
  const shown = titleShowingGuess(title, data.listTitle, attribution);
  const { report } = sight(h, attribution, shown, pageUrl, data.listUrl, data.seedEntryId, page.publisher, page.publishedAt ?? data.listDate);
  await storePage(h, visit, report.id, pageUrl);
  await readUnitColumn(h, page.crumbLinks, attribution, data);
  if (pageUrl !== visit.url) h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'ok', reason: `redirects to ${pageUrl}`, redirectTo: pageUrl });
  const twins = (data.files ?? []).map((url) => ({ url, name: null }));
  // Attachment links the page's script fills in from a request of its own (JEECMS's Cms.attachment).
  const scripted = await scriptedAttachmentLinks(h, visit, data.seedEntryId);
  await h.frontier.add(fileRequests(h, report.id, [...page.attachments, ...scripted, ...twins], pageUrl, data.seedEntryId));
  // The article's pictures (its tables pasted as images), numbered in page order; one on other report pages of the
  // site too is the article template's, not this report's.
  const pictures = page.pictures
    .map((p, i) => ({ ...p, pictureOrder: i + 1 }))
    .filter((p) => p.url && h.catalog.reports.picturedElsewhere(p.url, report.id) < SITEWIDE_PICTURE);
  if (pictures.length) await h.frontier.add(fileRequests(h, report.id, pictures, pageUrl, data.seedEntryId));
  // A page that only points to its file ("详见附件") and links none is no report by itself: said, not silent.
  if (!page.attachments.length && !scripted.length && !twins.length && !page.parts.length && pointsToAttachment(page.bodyText)) {
    h.tallies.of(data.seedEntryId).filelessReports.add(pageUrl);
  }
  if (!page.parts.length) return;
  // An article cut over pages: its pages are joined into one rendition once all are stored (now, when they are).
  const article = { pageUrl, parts: page.parts.map((p) => p.url) };
  const parts = fileRequests(h, report.id, page.parts, pageUrl, data.seedEntryId, article);
  if (parts.length) await h.frontier.add(parts);
  else await linkJoined(h, report.id, article);
}

/**
 * The 年报 column of another unit whose report the seed's list linked where it lives (its breadcrumb names the column:
 * crumb-column.ts), read as one of the seed's lists, once a run, its reports named by that unit when nothing else
 * names them: the unit's earlier years are there, not in the seed's column (round 49c). A column of the seed's own
 * agency is the seed's, read already, unless the list naming the report was a tag's or a search's page (round 62c:
 * the other years are in the column, not under the word).
 */
async function readUnitColumn(h: HarvestContext, crumbs: CrumbLink[], attribution: Attribution, data: DetailData): Promise<void> {
  if (!crumbs.length) return;
  const tally = h.tallies.of(data.seedEntryId);
  // The seed's own report linked from a seed page that is no column (a 解读 of the report, round 67c): its column is
  // the report's breadcrumb's, read nowhere else (a platform's shared column filtered to the bureau, `?number=…`).
  const fromSeed = data.listUrl === tally.url || data.listUrl === tally.seedPageUrl;
  // Or the original a reposted or shared copy of the report led to (its 阅读原文, 查看原文): the report's own page, whose
  // breadcrumb names the column the seed stands for (round 113c).
  const fromDocument = (fromSeed && !!tally.seedDocument) || (!!tally.repostOf && data.listUrl === tally.repostOf.url);
  // Nor is a site's home (its root, or a folder's index at the root: where the seed landed) naming no annual report by
  // its title or heading, a county's home whose 政府信息公开 box shows its three newest reports among a plan and a
  // budget (round 103d): the seed's column is the report's breadcrumb's. A deeper page listing the seed's reports (a
  // town's channel on its district's site, a column titled 信息公开) is the seed's list: its breadcrumb may name a
  // column shared by every unit (round 67c's lecong), or a page long gone.
  const fromHome = fromSeed && tally.seedListsInPassing === true && atRoot(tally.seedPageUrl ?? tally.url);
  if (attribution.agency.id === data.siteAgencyId && !gathersByWord(data.listUrl) && !fromDocument && !fromHome) return;
  const column = crumbColumn(crumbs);
  if (!column || !h.scope.allows(column)) return;
  // Compared by path alone: a column addressed by its query (`index.php?catid=12`, a script-drawn column's `?page=`)
  // is the seed's own one whatever its query says; read again, it was asked twice (and robots may refuse the other).
  const key = columnPath(column);
  if (columnPath(data.listUrl) === key || [...tally.listUrls].some((u) => columnPath(u.replace(/^POST /, '').replace(/ #.*$/, '')) === key)) return;
  // A column the seed's page leads to itself (its menu's 年报 link) is read as its link, the seed no wrong address.
  if (tally.seedNextLists.has(key)) return;
  if ((fromDocument || fromHome) && attribution.agency.id === data.siteAgencyId) tally.crumbOwnColumn ??= column;
  const list: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: 1, columnAgency: attribution.agency.name, crumb: true };
  await h.frontier.add([{ url: column, uniqueKey: `unit-column:${data.seedEntryId}:${key}`, lane: laneOf(h, column), userData: list }]);
}

/** A column's address without its query, its index page as its folder (sameColumnKey). */
function columnPath(url: string): string {
  try {
    const u = new URL(url);
    return sameColumnKey(`${u.origin}${u.pathname}`);
  } catch {
    return url;
  }
}

/** The article's pages joined into one rendition of its report, once all are stored (joined-article.ts). */

/**
 * A report link answered by a page that only sends its reader on (a click-counting page: "页面跳转中", a meta refresh
 * or a script to the article): the report is read at the article, and the link remembers where it led (as a counting
 * link's HTTP redirect does, see ownAddress), so the next run knows it.
 */
async function followStub(h: HarvestContext, visit: PageVisit, data: DetailData, url: string): Promise<void> {
  h.stats.reportPages -= 1;
  const reason = `redirects to ${url} (a page that only sends its reader on)`;
  h.catalog.urls.record({ url: visit.url, host: Scope.hostOf(visit.url), status: visit.status, outcome: 'ok', reason, redirectTo: url });
  await h.frontier.add([{ url, lane: laneOf(h, url), userData: data }]);
}

/**
 * The report page's own address: where a redirect landed (a counting link `/visit/link.do?id=N` answering 302 to the
 * article), when that is a page the crawl may fetch; the address asked for otherwise.
 */
function ownAddress(h: HarvestContext, visit: PageVisit): string {
  return visit.loadedUrl !== visit.url && !visit.rendered && h.scope.allows(visit.loadedUrl) ? visit.loadedUrl : visit.url;
}

/** A report URL that answered a document: the report is the list link's, its file goes through the downloader. */

async function documentAsReport(h: HarvestContext, visit: PageVisit, data: DetailData): Promise<void> {
  // Under a cut list title, the document's own first page names it (a report's, or a 工作要点's cut to the same words).
  const decided = data.verify ? await cutTitleDecided(h, visit, data) : null;
  if (decided === false || (decided === null && data.cutFile)) return;
  const title = decided ?? data.listTitle;
  // A file titled without its agency: its first page's text names it, as a report page's body does (bareFile).
  const bodyText = data.bareFile ? await spooledFirstPage(h, visit.url) : null;
  const attribution = h.attributor.attribute({ title, otherTitles: [data.listTitle], columnAgency: data.columnAgency, siteAgency: agencyOf(h, data.siteAgencyId), bodyText, published: data.listDate });
  if (!attribution) {
    return recordSkip(h, visit, 'a document with no report year in its list title', null);
  }
  if ((h.years && !h.years(attribution.year)) || refuseSeedMerge(h, attribution, visit.url, data.seedEntryId)) return;
  const { report } = sight(h, attribution, title, visit.url, data.listUrl, data.seedEntryId, null, data.listDate);
  // Next in its host's queue: the document answered this request already and waits in the spool for it
  // (document-spool.ts); behind the host's other reports, it could be dropped from there and asked again.
  await h.frontier.add(fileRequests(h, report.id, [{ url: visit.url, name: data.listTitle }], data.listUrl).map((r) => ({ ...r, forefront: true })));
}

/** Bytes of a document read for its first page's title at most (a report is a few MiB; a larger one is a scan). */
const TITLE_PAGE_BYTES = 64 * 1024 * 1024;

/** The first page's text of the document answering `url` (waiting in the spool), or null (a scan, another format). */
async function spooledFirstPage(h: HarvestContext, url: string): Promise<string | null> {
  const bytes = await h.http.spooledBytes(url, TITLE_PAGE_BYTES);
  return bytes ? firstPageText(bytes, addressFileName(url) || null) : null;
}

/**
 * A document answering a request its list titled short: its whole title read off its first page (file-title.ts).
 * The title when it is a report's (counted as the seed's report item); false when it is another document's (skipped,
 * its spooled bytes dropped); null when the page does not say (a scan, another format, other words): a linked file
 * then stays said by its seed (cutFileItems), a page's answer is taken on its list title as before.
 */
async function cutTitleDecided(h: HarvestContext, visit: PageVisit, data: DetailData): Promise<string | false | null> {
  const text = await spooledFirstPage(h, visit.url);
  const title = text ? titleOnPage(data.listTitle, text) : null;
  if (title === null) {
    // Not asked again in later runs (a scan fetched every night), and still said by its seed each run.
    if (data.cutFile) {
      await h.http.dropSpooled(visit.url);
      recordSkip(h, visit, `${UNDECIDED} (${data.listTitle}): its first page names no title the cut words begin`, null);
    }
    return null;
  }
  const tally = h.tallies.of(data.seedEntryId);
  tally.cutFileItems.delete(visit.url);
  if (!classifyTitle(title).isReport) {
    await h.http.dropSpooled(visit.url);
    recordSkip(h, visit, `a cut list title (${data.listTitle}) whose document is not a report: ${title}`);
    return false;
  }
  tally.reportItems += 1;
  return title;
}

/** How the URL state's reason of a file under a cut title whose first page said nothing begins. */
const UNDECIDED = 'a file under a cut title, undecided';

/** A file under a cut title that an earlier run read as no report (skipped, and not for want of a title). */
function decidedNotReport(state: { outcome: string; reason: string | null } | undefined): boolean {
  return state?.outcome === 'skipped' && !state.reason?.startsWith(UNDECIDED);
}

const INDEX_PAGE = 'an index of reports, read as a list page';

function isIndexPage(reason: string | null | undefined): boolean {
  return !!reason?.startsWith(INDEX_PAGE);
}

/**
 * A page reached as a report that is an index of reports: read as a list page of the seed, from the answer in hand
 * (asking it again cost a request a run). Its URL's state says it is an index, so later runs ask it as a list.
 */
async function readAsList(h: HarvestContext, visit: PageVisit, data: DetailData, why: string): Promise<void> {
  h.stats.reportPages -= 1;
  h.stats.pages -= 1; // counted again by handleList
  // Read as a list page of this seed already in this run (a list page that reads as a report, read as a list
  // again): its items are known; reading it again finds nothing more.
  if (h.tallies.of(data.seedEntryId).listUrls.has(visit.url)) return;
  const list: ListData = { kind: 'list', seedEntryId: data.seedEntryId, siteAgencyId: data.siteAgencyId, family: 'auto', pageIndex: 1, index: why };
  await handleList(h, visit, list);
}

/** Stores the report page as fetched (its original bytes and encoding) and links it to the report. */
