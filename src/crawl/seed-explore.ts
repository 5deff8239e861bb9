/**
 * The last fallback for a seed whose page lists no report, after the HTTP path and the browser: its host is explored
 * from the seed's page as `nianbao discover` explores a portal (onboard/explore.ts: menus named 政务公开 /
 * 政府信息公开 lead on, links named 年报 / 年度报告 are columns, a column must list reports to count), within a page
 * budget and the registry's hosts, and the columns found are read as the seed's lists. A seed given as a portal's
 * home page, or a column that moved in a redesign, still gives its reports; the seed is flagged `moved`, naming the
 * columns, so that it can be pointed there. The columns are remembered (catalog `seedMoves`): later runs read them
 * beside the seed from the start, and explore again only when they no longer give a report.
 */
import PQueue from 'p-queue';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import type { Fetcher } from '../download/fetcher.ts';
import { Scope } from '../download/scope.ts';
import { PageReader } from '../onboard/page-reader.ts';
import { PortalExplorer } from '../onboard/explore.ts';
import { withinPortal } from '../onboard/portal-hosts.ts';
import { laneOf, type HarvestContext } from './harvest-context.ts';
import type { ListData, QueuedRequest } from './requests.ts';
import { columnAbove, type SeedTally } from './seed-tally.ts';
import { atRoot } from './own-home.ts';

/** Links followed from the seed page at most: home → 政务公开 → 法定主动公开内容 → 年报 is three. */
const DEPTH = 4;
/** Columns named so but drawn by script (listing nothing over HTTP) read at most for one seed, when none lists reports. */
const DRAWN_COLUMNS = 2;
/** Hosts explored at once (each host keeps its own spacing in the reader's fetcher). */
const PARALLEL = 8;

/**
 * A seed worth exploring: its own page was read, it gave no report item, and nothing failed on the way. A page that
 * is itself an annual-report column (by its title or heading) and lists none is an empty column, not a wrong seed:
 * walking up from it through the site's menus would find another agency's column, whose reports titled by the year
 * alone would be taken for this seed's.
 */
function worthExploring(t: SeedTally, downHosts: ReadonlySet<string>): boolean {
  // A seed page that answered 404 (its only failure) is explored too, from the nearest page above it that answers.
  const gone = t.seedGone !== null && t.failures === 1;
  // A seed page that is a document about a report (一图读懂…) or one report's own page gave the report or two it links,
  // not its column's: its column is looked for as for a page that gave none (round 40c: the rest of the column was a
  // silent miss). A column found is read only when not read already (a report page's breadcrumb column, round 28c).
  // One whose report's breadcrumb named its own column, read already, is not (a platform's shared column, filtered to
  // the agency by the crumb's query, found by exploring unfiltered: every department's reports, round 67c).
  // Nor one whose own column (a list page in a folder above the seed's page) listed reports: its breadcrumb or menu
  // led there, and exploring the host read other units' columns besides (round 79c).
  const notColumn = t.seedPageRead && (!!t.seedDocument || !!t.seedReadAsReport) && t.failures === 0 && !t.crumbOwnColumn && !columnAbove(t);
  // A seed answered with its server's fallback page (the home at any address: page-copies.ts) is no column at all.
  const fallback = t.seedPageRead && t.seedFallback !== undefined;
  return (notColumn || fallback || homeNamingFew(t) || ((t.seedPageRead || gone) && t.reportItems === 0 && (t.failures === 0 || gone) && !t.namesReports)) && !t.exploredHost && !downHosts.has(Scope.hostOf(t.url));
}

/**
 * A home page's items at least, of which its reports are a few (its news boxes, its 通知公告): a third of them at most.
 * A county home of nine links (a menu, a 政务公开 box of four, its newest report among them) is one (round 97c).
 */
const HOME_ITEMS = 6;
const HOME_REPORTS = 2;

/**
 * A seed that is a site's home (its root, a folder's like the mobile site's `/wap/`, or a sub-site's deeper home
 * whose own 首页 link leads to itself: round 99c) listing a report or two among its news, on one page, and not an
 * annual-report column by its title or heading: the latest report a home page shows is not the column's others. Read
 * as a list only, the seed gave that one report and ended healthy: the other years were a silent miss (round 49c).
 * Its host is explored as for a home listing none.
 */
function homeNamingFew(t: SeedTally): boolean {
  return (atRoot(t.url) || t.seedIsHome) && t.seedPageRead && !t.namesReports && t.failures === 0 && t.listPages <= 1 && t.reportItems > 0 && t.reportItems <= HOME_REPORTS && t.items >= HOME_ITEMS && t.reportItems * 3 <= t.items;
}

/** The folders above a URL, nearest first, down to the host's root: /a/b/c.html → /a/b/, /a/, /. */
export function foldersAbove(url: string): string[] {
  const u = new URL(url);
  const parts = u.pathname.split('/').filter(Boolean);
  const out: string[] = [];
  // A folder given without its slash (/col/ndbg): the folder itself first.
  const last = parts[parts.length - 1];
  if (last && !u.pathname.endsWith('/') && !last.includes('.')) out.push(`${u.origin}/${parts.map((p) => `${p}/`).join('')}`);
  for (let n = parts.length - 1; n >= 0; n--) {
    out.push(`${u.origin}/${parts.slice(0, n).map((p) => `${p}/`).join('')}`);
  }
  return [...new Set(out)].filter((f) => f !== url);
}

/** Where a gone seed's host is explored from: the nearest folder above it that answers a page (at most four asked). */
async function startOfGone(reader: PageReader, url: string): Promise<string | null> {
  const above = foldersAbove(url);
  // The nearest three, and the root: a deep column path's middle folders often answer 403 (no directory index).
  const asked = [...new Set([...above.slice(0, 3), above[above.length - 1]!])].filter(Boolean);
  for (const folder of asked) {
    const page = await reader.read({ url: folder }).catch(() => null);
    if (page && page.status < 400 && !page.binary) return page.loadedUrl || folder;
  }
  return null;
}

/** List requests for the annual-report columns found from the pages of the seeds that still yield nothing. */
export async function exploreEmptySeeds(
  h: HarvestContext,
  entries: SeedEntryRow[],
  opts: { generation: number; downHosts: ReadonlySet<string>; maxPages: number; fetcher: Fetcher },
): Promise<QueuedRequest[]> {
  if (opts.maxPages <= 0) return [];
  const todo = entries.filter((e) => worthExploring(h.tallies.of(e.id, e.url), opts.downHosts));
  if (!todo.length) return [];
  // The crawl's own fetcher: the same host spacing, robots.txt and challenge cookies as its other requests.
  const reader = new PageReader(opts.fetcher, h.scope);
  const out: QueuedRequest[] = [];
  const queue = new PQueue({ concurrency: PARALLEL });
  for (const e of todo) {
    void queue.add(async () => {
      const t = h.tallies.of(e.id, e.url);
      t.exploredHost = true;
      if (homeNamingFew(t)) t.homeReports = t.reportItems;
      // A seed that is gone, or a file (seed-file.ts), is explored from the nearest folder above it that answers a page.
      // A seed answered with its server's fallback page is explored from its host's root, where that page's links lead
      // where they should (from the seed's address they lead to more copies).
      const start = t.seedFallback !== undefined ? `${new URL(e.url).origin}/` : t.seedGone === null && t.seedFile === null ? e.url : await startOfGone(reader, t.seedFile?.file ?? e.url);
      if (!start) {
        t.notes.push('no folder above it answers either: its host was not explored');
        return;
      }
      // Two list pages of a column: an application shell lists its reports only in the answer its page points at. The
      // walk stays on the registry's hosts and the seed's own portal's (a language version's `mgl.` beside `www.`,
      // an `xxgk.` platform: portal-hosts.ts), as a list page on a sibling host is read (handlers.ts admitSibling).
      const seedHost = Scope.hostOf(e.url);
      const allowHost = (host: string) => h.scope.allowsHost(host) || withinPortal(host, seedHost);
      const agency = h.catalog.agencies.byId(e.agency_id)?.name;
      const explorer = new PortalExplorer(reader, null, { depth: DEPTH, maxPages: opts.maxPages, samplePages: 2, allowHost, ...(agency ? { agency } : {}) });
      const result = await explorer.explore(start);
      const unread = (url: string) => url !== e.url && !t.listUrls.has(url) && h.scope.allows(url);
      // No column listing reports over HTTP, for a seed that gave none: the columns named so whose page's script draws
      // its list are read as the seed's lists, in the browser lane when the HTTP reading finds nothing (round 42c). A
      // seed that gave reports (a page about one) wants a column that shows them, not a guess.
      const found = result.findings.map((f) => f.url).filter(unread);
      const columns = found.length || t.reportItems > 0 ? found : result.drawnColumns.filter(unread).slice(0, DRAWN_COLUMNS);
      if (t.exploredBefore) t.notes.push(`the columns found by exploring its host on ${t.exploredBefore.slice(0, 10)} (${t.explored.join(', ')}) list no report now`);
      if (!columns.length) {
        const why = result.notes.length ? ` (${result.notes.slice(0, 3).join('; ')})` : '';
        t.notes.push(`exploring its host from its page (${result.pagesRead} pages) found no annual-report column${why}`);
        return;
      }
      // Remembered columns that gave nothing this run are replaced by what this exploration found.
      t.explored.splice(0, t.explored.length, ...columns);
      t.exploredBefore = null;
      out.push(...columns.map((url) => columnRequest(h, e, url, `explore:${opts.generation}`)));
    });
  }
  await queue.onIdle();
  return out;
}

/**
 * The columns an earlier run found by exploring, for the seeds that have some: read beside the seed from the start
 * (no browser rendering of the seed, no exploration again). Still `moved`: the seed should be pointed there.
 */
export function rememberedColumns(h: HarvestContext, entries: SeedEntryRow[], generation: number): QueuedRequest[] {
  const out: QueuedRequest[] = [];
  for (const e of entries) {
    const move = h.catalog.seedMoves.get(e.id);
    const columns = move?.columns.filter((url) => url !== e.url && h.scope.allows(url)) ?? [];
    if (!move || !columns.length) continue;
    const t = h.tallies.of(e.id, e.url);
    t.explored.push(...columns);
    t.exploredBefore = move.foundAt;
    out.push(...columns.map((url) => columnRequest(h, e, url, `moved:${generation}`, true)));
  }
  return out;
}

/** A column found by exploring (this run, or remembered from an earlier one), read as one of the seed's lists. */
function columnRequest(h: HarvestContext, e: SeedEntryRow, url: string, key: string, remembered = false): QueuedRequest {
  const data: ListData = { kind: 'list', seedEntryId: e.id, siteAgencyId: e.agency_id, family: 'auto', pageIndex: 1, explored: true, ...(remembered ? { remembered } : {}) };
  return { url, uniqueKey: `${key}:${e.id}:${url}`, lane: laneOf(h, url), userData: data };
}
