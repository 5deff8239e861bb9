/**
 * No silent zero: once the crawl is idle, every seed entry's yield is reviewed. A seed with no report item (or fewer
 * than its own pager announces) whose page runs scripts is rendered in the browser to learn its list from the page's
 * traffic (once per run), unless a known family explains its list; a seed that still yields nothing gets a
 * `seed_empty` run event with the reason. Every
 * seed's result of the run is written to the catalog for `nianbao status --seeds`.
 */
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import { yieldedNothing, type SeedRun, type SeedRunStatus } from '../catalog/seed-health.ts';
import { Scope } from '../download/scope.ts';
import { emit, type HarvestContext } from './harvest-context.ts';
import type { ListData, QueuedRequest } from './requests.ts';
import { SITEMAP } from './sitemap-seed.ts';
import { browserDenied, cutFileItems, documentListPages, failedReportPages, filelessReports, goneListPages, mergedReportPages, goneReportFiles, goneReportPages, rootReadFiles, offScopeDataRequests, offScopeDisclosurePages, offScopeFramedLists, offScopeOwnSitePages, offScopeRedirectedLists, offScopeListPages, offScopeReports, pagerDeadEnds, siblingHostPages, pagesForFiles, refusedLearnedPage, refusedPages, refusedReportFiles, shortOfAnnounced, staleListPages, undatedReports, unlearnedPaging, unlinkedReports, unmadeChoices, unnamedReports, unreadScriptReports, yearlessReports, type SeedTally } from './seed-tally.ts';

/**
 * Whether the browser may see what the HTTP path missed: fewer items than the page announces, or no report item on
 * a page whose list no family explains (no items at all, or only the generic parser's links). A column of a known
 * family that lists only other notices is simply empty (rendering it every night would find the same) unless its page
 * writes markup by script.
 */
export function worthRendering(t: SeedTally): boolean {
  if (shortOfAnnounced(t) !== null) return true;
  // Report titles shown with no link a reader could follow: the browser clicks them to see where they lead.
  if (t.unlinkedReports.size > 0 || t.unreadScriptReports.size > 0) return true;
  // Its page's choices draw lists from another endpoint than the one replayed (list-choices.ts).
  if (t.choicesDrawnOnly) return true;
  // A list page with no pager but an empty pager box its script draws (drawn-pager.ts): the browser turns it. A
  // list replayed from its learned endpoint is paged there already.
  if (t.drawnPagers.size > 0 && !t.usedLearned) return true;
  // The seed's own list, loaded by its script, was never read: its sub-columns' reports do not stand for it.
  if (t.seedListDrawn) return true;
  // 'learned': the endpoint kept from an earlier run gave no report now; the browser learns it again.
  // A known family's column with other notices only is simply empty, unless its page writes markup by script: items
  // written by code no static reader follows (a document.write through a function) show only in the browser.
  if (t.reportItems === 0 && (t.items === 0 || t.family === 'generic' || t.family === 'learned' || t.family === null || t.writesMarkup)) return true;
  // A seed page listing no report that is no 年报 column itself (its title and heading name none: a 政务公开 home, a
  // platform's front page) and names no column the crawl could follow: the way to its column may be in a menu its
  // script draws (a mega-menu fetched as JSON), seen only in the browser. An empty 年报 column is not rendered again.
  return t.reportItems === 0 && t.seedPageRead && !t.namesReports && t.explored.length === 0;
}

/**
 * Browser requests for the seeds that yielded too little and have not been rendered in this run. `downHosts`: hosts
 * whose circuit is open (the browser would meet the same failing host).
 */
export function escalations(h: HarvestContext, entries: SeedEntryRow[], generation: number, downHosts: ReadonlySet<string>): QueuedRequest[] {
  const out: QueuedRequest[] = [];
  for (const e of entries) {
    const t = h.tallies.of(e.id, e.url);
    // A seed whose other pages were drawn is rendered still when its own list, loaded by its script, was not.
    if (!worthRendering(t) || t.escalated || (t.usedBrowser && !t.seedListDrawn)) continue;
    // A page without any script cannot be drawing a list the HTTP path missed, and a seed page never read has
    // nothing to render. A failed request elsewhere (a 404 link, a broken API answer) does not stop the browser:
    // the page it read may still draw its list by script; only a host whose circuit is open is left alone.
    if (!t.hasScripts || t.listPages === 0 || downHosts.has(Scope.hostOf(e.url))) continue;
    t.escalated = true;
    if (e.render === 'http') {
      t.browserDenied.set('it read too little over HTTP, and its page runs scripts that may draw the list', e.url);
      continue;
    }
    const data: ListData = { kind: 'list', seedEntryId: e.id, siteAgencyId: e.agency_id, family: e.family as ListData['family'], pageIndex: 0, learn: true };
    out.push({ url: e.url, uniqueKey: `learn:${generation}:${e.url}`, lane: 'browser', userData: data });
  }
  h.stats.browserHandoffs += out.length;
  return out;
}

/** A seed's status and its reason, from what its tally saw in the run (`hostDown`: its host's circuit opened). */
export function statusOf(t: SeedTally, hostDown: boolean): { status: SeedRunStatus; reason: string | null } {
  if (t.reportItems === 0) {
    if (t.failures > 0 || hostDown) {
      const cause = hostDown ? 'its host failed (circuit open)' : `${t.failures} of its requests failed`;
      return { status: 'host_failed', reason: [cause, ...t.notes].join('; ') };
    }
    const why = [
      t.listPages === 0 ? 'its list page was never read' : `no report item on ${t.listPages} list page(s) (${t.items} items)`,
      // Where its reports must be: its 政府信息公开 on another host (the cause, before what was tried).
      offScopeDisclosurePages(t),
      offScopeOwnSitePages(t),
      siblingHostPages(t),
      // The cause of a page never read comes first (robots.txt, an unreadable robots.txt); nothing is said of its scripts.
      refusedPages(t),
      t.usedLearned ? 'nor from the learned endpoint' : null,
      t.usedBrowser
        ? 'nor in the browser'
        : t.listPages === 0
          ? null
          : !t.hasScripts
          ? 'and the page runs no script that could draw a list'
          : t.family && t.family !== 'generic'
            ? `its ${t.family} list holds other notices only`
            : null,
      offScopeListPages(t),
      offScopeFramedLists(t),
      offScopeRedirectedLists(t),
      unreadScriptReports(t),
      undatedReports(t),
      unlinkedReports(t),
      offScopeDataRequests(t),
      unmadeChoices(t),
      unlearnedPaging(t),
      browserDenied(t),
      goneListPages(t),
      documentListPages(t),
      cutFileItems(t),
      mergedReportPages(t),
      ...t.notes,
    ].filter((x): x is string => !!x);
    return { status: 'empty', reason: why.join('; ') };
  }
  if (t.explored.length) {
    const columns = t.explored.join(', ');
    const when = t.exploredBefore ? ` on ${t.exploredBefore.slice(0, 10)} (remembered)` : '';
    const page =
      t.seedGone !== null
        ? `its page answered HTTP ${t.seedGone}`
        : t.seedFallback
          ? `its page is what its server answers for any address below it (${t.seedFallback} too): a fallback, not its column`
          : t.seedDocument
          ? `its page is a document about a report ("${t.seedDocument}"), not a column: the reports it links were read`
          : t.homeReports !== null
            ? `its page is a site's home showing ${t.homeReports} report(s) among its news, not their column`
            : 'its page lists no report';
    return { status: 'moved', reason: `${page}; its reports were read from ${columns}, found by exploring its host${when}: point the seed there` };
  }
  // A seed that is a document about its report, its reports read from the column the report's breadcrumb names.
  if (t.crumbOwnColumn && t.seedDocument && t.reportItems > 1) {
    return { status: 'moved', reason: `its page is a document about a report ("${t.seedDocument}"), not a column; its reports were read from ${t.crumbOwnColumn}, the column its report's breadcrumb names: point the seed there` };
  }
  // A seed that is a site's home showing its newest reports in passing, their column read through their breadcrumb
  // (handlers.ts readUnitColumn): read every run while the home shows one, said with where to point the seed. One
  // leading to list pages of its own (its units' directory, round 104a) is read through them: the column is not all.
  if (t.crumbOwnColumn && t.seedListsInPassing && !t.seedDocument && t.seedNextLists.size === 0) {
    return { status: 'moved', reason: `its page is a site's home showing its newest reports in passing, not their column; its reports were read from ${t.crumbOwnColumn}, the column their breadcrumb names: point the seed there` };
  }
  // A seed that is a file, its reports read from the folders above it: a guess that worked, said with where to point it.
  if (t.seedFile) {
    const { type, folders, viewer, linked } = t.seedFile;
    const what = viewer ? `a viewer of a file (${type})` : type === SITEMAP ? 'a sitemap' : `a file (${type})`;
    const from = type === SITEMAP ? 'the folder it maps' : linked ? 'the pages it links' : 'the folders above it';
    return { status: 'moved', reason: `its address is ${what}, not a page; its reports were read from ${from} (${folders.join(', ')}): point the seed at its column` };
  }
  // The cause first: a pager leading off the registry explains a list read short of what it announces.
  const short = offScopeListPages(t) ?? refusedPages(t) ?? refusedLearnedPage(t) ?? shortOfAnnounced(t) ?? staleListPages(t) ?? unlearnedPaging(t) ?? pagerDeadEnds(t) ?? goneListPages(t) ?? documentListPages(t) ?? offScopeReports(t) ?? refusedReportFiles(t) ?? pagesForFiles(t) ?? goneReportFiles(t) ?? yearlessReports(t) ?? unnamedReports(t) ?? undatedReports(t) ?? goneReportPages(t) ?? failedReportPages(t) ?? mergedReportPages(t) ?? filelessReports(t) ?? unreadScriptReports(t) ?? unlinkedReports(t) ?? unmadeChoices(t) ?? cutFileItems(t);
  // What render: http left unread is said beside the cause (the cause alone when there is one).
  const denied = browserDenied(t);
  if (short || denied) return { status: 'short', reason: [short, denied, siblingHostPages(t)].filter(Boolean).join('; ') };
  // Read on a sibling host of its own (xxgk. beside www.): found, and said with where to point the seed.
  const sibling = siblingHostPages(t);
  if (sibling) return { status: 'moved', reason: sibling };
  // Files read at the site's root after their links were gone: a guess that worked, said with the first one.
  const rooted = rootReadFiles(t);
  if (rooted) return { status: 'moved', reason: rooted };
  // A drawn page saying where the reports are published (a Q&A robot's answer), read from there: said with where.
  if (t.pointedColumns.size) {
    const columns = [...t.pointedColumns].join(', ');
    return { status: 'moved', reason: `its page tells where the reports are published (${columns}), not their column: they were read from there; point the seed there` };
  }
  // An old column's address saying the column moved, its reports read through the page it leads to.
  if (t.movedNotice) {
    const lists = t.reportLists.length ? t.reportLists.join(', ') : 'the pages it leads to';
    return { status: 'moved', reason: `its page lists no report and says the column moved ("${t.movedNotice}"); its reports were read from ${lists}: point the seed there` };
  }
  // A report reposted on a social platform as the seed: where its original is, read or not.
  if (t.repostOf) {
    const { url, read } = t.repostOf;
    const what = `its page is a repost of a report (a WeChat article, an app's share page), not its page on the agency's site: its original (阅读原文, 查看原文) ${url}`;
    return read
      ? { status: 'moved', reason: `${what} was read, and the column it leads to: point the seed at the agency's annual-report column` }
      : { status: 'short', reason: `${what} is on a host outside the registry, not read: give that site's annual-report column as the seed, or add its host to the seeds` };
  }
  // One report's page (or a document about one) as the seed, and no column found from it (its breadcrumb, its menus,
  // exploring its host): the report or two it shows, never the column's others, and never silently.
  // (Its own page read twice, over HTTP and drawn, is one page.)
  if ((t.seedReadAsReport || t.seedDocument) && t.listUrls.size <= 1) {
    const page = t.seedDocument ? `a document about a report ("${t.seedDocument}")` : `one report's page${t.seedReportTitle ? ` ("${t.seedReportTitle}")` : ''}`;
    return { status: 'short', reason: `its page is ${page}, not a column, and no column of the reports was found from it: give the annual-report column as the seed` };
  }
  if (t.failures > 0) return { status: 'ok', reason: `${t.failures} requests failed` };
  return { status: 'ok', reason: null };
}

/** Writes every seed entry's result of this run; emits seed_empty for those that yielded no report item. */
export function finishSeeds(h: HarvestContext, entries: SeedEntryRow[], downHosts: Set<string>, resumed = false): SeedRun[] {
  const runs: SeedRun[] = [];
  for (const e of entries) {
    const t = h.tallies.of(e.id, e.url);
    // A run that resumes an interrupted one does not list again what that one listed: a seed it never read was read
    // before the interruption, and is not empty for it.
    const listedBefore = resumed && !t.seedPageRead && t.reportItems === 0 && t.failures === 0;
    const { status, reason } = listedBefore
      ? { status: 'ok' as const, reason: 'listed by the interrupted run this one resumed' }
      : statusOf(t, downHosts.has(Scope.hostOf(e.url)));
    const run: SeedRun = {
      runId: h.runId,
      seedEntryId: e.id,
      listPages: t.listPages,
      items: t.items,
      reportItems: t.reportItems,
      newReports: t.newReports,
      family: t.family,
      usedBrowser: t.usedBrowser,
      usedLearned: t.usedLearned,
      // A moved seed's own page answering 404/410 is what `moved` says (its reason names the status), not a failed
      // host: counted as a failure it flagged the seed `host_failed` too, where the run's summary counts it gone.
      failures: status === 'moved' && t.seedGone !== null ? Math.max(0, t.failures - 1) : t.failures,
      status,
      reason,
      stoppedEarly: t.stoppedEarly,
    };
    h.catalog.seedHealth.recordSeedRun(run);
    rememberMove(h, t, status);
    if (yieldedNothing(run)) emit(h, { kind: 'seed_empty', host: Scope.hostOf(e.url), url: e.url, detail: reason });
    runs.push(run);
  }
  return runs;
}

/**
 * The columns a moved seed's reports were read from are remembered for the next run; a seed whose own page gave its
 * reports, or whose columns and exploration gave none, has nothing to remember. A host that failed keeps its memory.
 */
function rememberMove(h: HarvestContext, t: SeedTally, status: SeedRunStatus): void {
  // A seed that is a file is `moved` too, read from the folders above it each run: no explored column to remember.
  if (status === 'moved') {
    if (t.explored.length) h.catalog.seedMoves.save(t.seedEntryId, t.explored);
  } else if (status !== 'host_failed' && t.seedPageRead) h.catalog.seedMoves.forget(t.seedEntryId);
}
