/**
 * What each seed entry gave in this run, counted as its list pages are read: the basis of escalation (no silent
 * zero) and of seed health. Held in memory for the run and written to the catalog when the run ends.
 */
import { normalizeTitle } from './classify/text.ts';
import type { AnnouncedTotals } from './families/announced.ts';
import type { TokenRefreshes } from './token-refresh.ts';

export interface SeedTally {
  seedEntryId: number;
  url: string;
  listPages: number;
  /** The distinct list pages read: the browser drawing a page already read over HTTP is not a further page. */
  listUrls: Set<string>;
  items: number;
  /**
   * The distinct addresses of the items its list pages gave, and of those printed with a date; and how many of its
   * report items had a date. A page's menus and footer links are items too, on every page: what a count announced
   * ("共25条") is compared with is its rows (`listedRows`).
   */
  rows: { urls: Set<string>; dated: Set<string>; reports: number; datedReports: number };
  /** Of `items`, those read from a learned endpoint's answers (the seed page's menus aside). */
  learnedItems: number;
  /** Links a capped 全部 list's filters drew in the browser (list-choices.ts partsRead): its items read past its pager. */
  allPartsRead: number;
  /** Of `reportItems`, those read from a learned endpoint's answers: none, and the endpoint was no list of reports (an
   * article's 相关推荐 box, a menu's JSON), so a later list page of the seed may learn its own (round 34c). */
  learnedReports: number;
  /** The last learned answer read says more items follow it (`hasMore: true`, a next page's address): the list stopped early. */
  learnedMore: boolean;
  /**
   * A list of items opening in place, read in the browser with no endpoint learned: the total its first answer
   * announces and the distinct titles its answers gave (learn/drawn-pages.ts `answeredTitles`).
   */
  drawnAnswers?: { announced: number; read: number };
  /**
   * The first page of the learned list the server refused (HTTP 4xx, or 200 with an error object: its message), when
   * one was: the list stopped there.
   */
  learnedRefused?: { page: number; status: number; message?: string };
  /** Its learned list's token refreshes in this run (token-refresh.ts), once one was refused. */
  tokens?: TokenRefreshes;
  reportItems: number;
  newReports: number;
  failures: number;
  /** Its list pages after the first (or columns it led to) that answered 404/410: said, not counted as failures. */
  goneListPages: Set<string>;
  /** Pages asked as its list pages (a year's or a unit's column link) that answered a document: nothing read there. */
  documentListPages: Set<string>;
  /** Files its lists link under a title cut before it could say what it is (address → the cut title) whose first
   * page did not say either (crawl/file-title.ts): not catalogued. */
  cutFileItems: Map<string, string>;
  family: string | null;
  usedBrowser: boolean;
  usedLearned: boolean;
  /** The seed's own page was read in this run (a resumed run may only read what the interrupted one queued). */
  seedPageRead: boolean;
  /** Where the seed's page was read: its address, or where its redirects landed (`/` → `/afxzf/index.html`). */
  seedPageUrl?: string;
  /**
   * The seed's page lists reports though its title and main heading name none (a home's 政府信息公开 box showing the
   * newest reports among a plan and a budget): the reports' own columns are elsewhere (handlers.ts readUnitColumn).
   */
  seedListsInPassing?: boolean;
  /** The seed's page was read as one report's page in this run (over HTTP, or drawn by the browser). */
  seedReadAsReport?: boolean;
  /** The title of that report: the page's own heading, never a report title the page shows unlinked. */
  seedReportTitle?: string;
  /**
   * The seed's page is a document about a report (一图读懂…, a 解读: collection.ts documentAboutReport): its title;
   * the reports it links are read, and its host is explored for the column (seed-explore.ts). Null otherwise.
   */
  seedDocument?: string | null;
  /** The seed's page is a repost of a report on a social platform (repost-source.ts): its original, and whether it was
   * read (its host in the registry). Null when it is none; unset until the seed's page is read. */
  repostOf?: { url: string; read: boolean } | null;
  /** The seed's page being a document about its report (a 解读), or a site's root home showing its newest reports in
   * passing, the column the report's breadcrumb names, read as the seed's (handlers.ts readUnitColumn): where the
   * seed should point; a document's host is then not explored. */
  crumbOwnColumn?: string;
  /** A deeper address answering the very page the seed's page is (a server's fallback answering its home for any
   * address: page-copies.ts): the seed is no column, its host is explored from its root; unset otherwise. */
  seedFallback?: string;
  /** What the seed's first page announces about the list's size. */
  announced: AnnouncedTotals;
  /** Paging stopped on purpose (an incremental run reached known items): fewer pages than announced is expected. */
  stoppedEarly: boolean;
  /** The seed page runs scripts that may draw the list. */
  hasScripts: boolean;
  /** An inline script of the seed page writes markup (document.write, innerHTML…): a list may be drawn there. */
  writesMarkup: boolean;
  /** The seed was already sent to the browser to learn its list, in this run. */
  escalated: boolean;
  /** Why the browser could not help, when it could not (no list in the traffic…). */
  notes: string[];
  /** Why the browser would have been used, when the seed says `render: http` and it was not (by reason, with a page). */
  browserDenied: Map<string, string>;
  /** Report items not fetched because their host is outside the registry, by host. */
  offScope: Map<string, number>;
  /** List pages its pager links on hosts outside the registry (never read), by host. */
  offScopePages: Map<string, number>;
  /** Disclosure pages (政府信息公开…) its seed page links on hosts outside the registry (never read: report-column.ts). */
  offScopeDisclosure: Set<string>;
  /** The agency's own website its page links (部门网站) on a host outside the registry (offScopeOwnSitePages). */
  offScopeOwnSites: Set<string>;
  /**
   * Sibling hosts of the seed's (xxgk. beside www.: `siblingHost`) its list pages or report links led to, admitted to
   * the crawl and read, by host: the first page asked there. The seed is flagged `moved`, naming it.
   */
  siblingPages: Map<string, string>;
  /**
   * The columns its drawn seed page said the reports are published in (a Q&A robot's answer: "…年度报告在本网站…栏目
   * 集中发布，点击查看", report-column.ts reportPointerLinks), read as its lists. The seed is flagged `moved`, naming them.
   */
  pointedColumns: Set<string>;
  /** Its seed page listed nothing and said its column moved (moved-notice.ts): the notice's sentence. */
  movedNotice?: string;
  /** The first three list pages (other than the seed's own) that listed its reports: where a moved seed should point. */
  reportLists: string[];
  /** Files of its reports (attachments, a report's later pages) refused before any byte (robots.txt, an open circuit), by "host: why". */
  refusedFiles: Map<string, number>;
  /**
   * Its list pages and report pages (a report-titled link) refused before any byte (robots.txt, an open circuit),
   * by "what: host: why" (what: "list page" or "report page"): never read, so never silently counted as empty.
   */
  refusedPages: Map<string, number>;
  /**
   * Its report pages refused (robots.txt…), by URL, with the title their list gave them: one listed again under an
   * address that was read (a 点击排行 box's dynamic address robots.txt forbids beside the list's static one, round
   * 43d) is the same report read, no page unread.
   */
  refusedReports: Map<string, { title: string; key: string }>;
  /** The addresses each report title of its lists links (normalized title → URLs). */
  reportLinks: Map<string, Set<string>>;
  /** Addresses of the frames of its rendered list pages on hosts outside the registry (never loaded). */
  offScopeFrames: Set<string>;
  /** Where the seed's page sends its reader on to, on hosts outside the registry (off-scope-frames.ts). */
  offScopeRedirects: Set<string>;
  /** Data requests (XHR, fetch) of its rendered list pages to hosts outside the registry (refused), by host. */
  offScopeData: Map<string, number>;
  /** Choices of a rendered list page (tabs, a select's options) loading lists, past the limit of those made. */
  unmadeChoices: number;
  /** Choices of a rendered list page in groups never tried, past the limit of groups: lists they may load unread. */
  untriedChoices: number;
  /** Pages drawn without their choices made whose units open their lists by script only (agency-links.ts
   * scriptUnitLinks): how many, by page. */
  scriptUnits: Map<string, number>;
  /** Frames of a page rendered with its choices made whose trees' leaves were clicked there (list-choices.ts): their
   * units' lists were read, their pages drawn alone not counted in scriptUnits. */
  framesChosen: Set<string>;
  /** Its learned endpoint's page has choices drawing lists a replay does not read (list-choices.ts): render it. */
  choicesDrawnOnly: boolean;
  /** Its learned list turned to a page of new items whose request's paging was not learned: one page read (learn.ts). */
  pagingUnknown: boolean;
  /** Report pages passed over because neither their titles nor their body say the year reported on. */
  noYear: number;
  /** Report items whose pages answered 404/410 or a "page not found" page (never catalogued): address → list title. */
  goneReports: Map<string, string>;
  /** Report pages that failed for good (after the fetcher's retries: a challenge never passed, 5xx), by URL: their title and why. */
  failedReports: Map<string, { title: string; reason: string }>;
  /** The reports it sighted in this run (new or known), as "agency year": a gone item may be one read elsewhere. */
  sighted: Set<string>;
  /**
   * Report pages (or files) not catalogued because nothing on them named their agency and the seed's agency, the only
   * guess left, already had that year's report named by its own page (attribution.ts seedFallbackClash).
   */
  unnamedReports: Set<string>;
  /** Pages holding several units' reports (merged-reports.ts), by URL, with the units: not split, not catalogued. */
  mergedPages: Map<string, string[]>;
  /** Files of its reports whose links are gone (HTTP 404/410): the reports are catalogued without them. */
  goneFiles: Set<string>;
  /**
   * Files of its reports gone where their links lead, read at the site's root instead (root-file.ts: a link written
   * relative to the root without its slash, resolved against its page): link → the address read. A guess, said.
   */
  rootFiles: Map<string, string>;
  /** Report pages whose text points to an attachment none of whose links could be read (attachment-pointer.ts). */
  filelessReports: Set<string>;
  /** Report file links that answered a web page (an error page, HTTP 200), not the document they name: not stored. */
  pagesForFiles: Set<string>;
  /** Columns found by exploring the seed's host when its page listed no report (seed-explore.ts), read as its lists. */
  explored: string[];
  /** The seed's host was explored in this run (once at most). */
  exploredHost: boolean;
  /** When `explored` are the columns an earlier run's exploration found (remembered, read beside the seed): then. */
  exploredBefore: string | null;
  /** The seed's page is itself an annual-report column by its title or heading (an empty one is not explored). */
  namesReports: boolean;
  /**
   * The seed's own page listed no report over HTTP while its script loads its list (drawn-column.ts): it is drawn in
   * the browser even when its sub-columns gave reports (round 89b: a shell loading `./list.html`, beside a towns'
   * sub-column drawn alike, was taken as read once the sub-column's reports came in).
   */
  seedListDrawn: boolean;
  /**
   * The seed's page as read over HTTP when it listed no report while running scripts: its address. A sub-column drawn
   * in the browser from the same document (an Epoint `openSubPage.html?specialurl=…` shell, round 95b) says the
   * seed's own list is drawn too (seedListDrawn).
   */
  seedShell?: string;
  /** The site's own scripts the seed's shell page loads (drawn-column.ts siteScripts): a sub-column loading one of them
   * and listing nothing over HTTP is drawn by it as the seed is (round 108b's JPaaS `unitbuild.js`). */
  seedShellScripts?: string[];
  /** The report items of a seed that is a site's home showing a report or two among its news, when its host was
   * explored for their column (seed-explore.ts homeNamingFew); null otherwise. */
  homeReports: number | null;
  /** The seed's page links itself as its site's 首页 (own-home.ts): a home, however deep its address (a sub-site's). */
  seedIsHome: boolean;
  /** The seed's page answered 404 or 410 (a column moved in a redesign): its status; null otherwise. */
  seedGone: number | null;
  /**
   * The seed's address answered a document (a report's PDF copied from the viewer): its type, and the folders above
   * it read as its list pages (seed-file.ts); null otherwise. `viewer`: the address was a viewer showing `file`;
   * `linked`: `folders` are the pages the document links (a guide naming its 年报 column), not the folders above it.
   */
  seedFile: { type: string; folders: string[]; file: string; viewer: boolean; linked?: boolean } | null;
  /** Report links of its list pages that open by a script function no reader could follow (never fetched), by title. */
  unreadScriptReports: Set<string>;
  /** Report titles its list pages show with no followable link (never fetched); the seed page's rendering replaces its own. */
  unlinkedReports: Set<string>;
  /** List items titled as a report but for a year that cannot be told (bare-report-year.ts), "title (date)". */
  undatedReports: Set<string>;
  /** List pages whose pager announces more pages and offers no way to the next (pagerDeadEnd), with why. */
  pagerDeadEnds: Map<string, string>;
  /** List pages read over HTTP with no pager but an empty pager box their script draws (drawn-pager.ts), with the box. */
  drawnPagers: Map<string, string>;
  /**
   * Later pages of the seed's own pager announcing fewer items than its first page did ("共13条" after "共15条"): a copy
   * from before the newest items went up (a cache answering later pages stale, round 68d), its page borders shifted.
   */
  staleListPages: Map<string, number>;
  /** The list pages the seed's own page leads to (its pager, its menu's 年报 column, its units' pages), by their
   * address without query (handlers.ts columnPath): a report's breadcrumb naming one of them names no other column. */
  seedNextLists: Set<string>;
}

export class SeedTallies {
  private readonly bySeed = new Map<number, SeedTally>();

  of(seedEntryId: number, url = ''): SeedTally {
    let t = this.bySeed.get(seedEntryId);
    if (!t) {
      t = {
        seedEntryId,
        url,
        listPages: 0,
        listUrls: new Set<string>(),
        items: 0,
        rows: { urls: new Set(), dated: new Set(), reports: 0, datedReports: 0 },
        learnedItems: 0,
        allPartsRead: 0,
        learnedReports: 0,
        learnedMore: false,
        reportItems: 0,
        newReports: 0,
        failures: 0,
        goneListPages: new Set(),
        documentListPages: new Set(),
        cutFileItems: new Map(),
        family: null,
        usedBrowser: false,
        usedLearned: false,
        seedPageRead: false,
        announced: {},
        stoppedEarly: false,
        hasScripts: false,
        writesMarkup: false,
        escalated: false,
        notes: [],
        browserDenied: new Map(),
        offScope: new Map(),
        offScopePages: new Map(),
        offScopeDisclosure: new Set(),
        offScopeOwnSites: new Set(),
        siblingPages: new Map(),
        pointedColumns: new Set(),
        reportLists: [],
        refusedFiles: new Map(),
        refusedPages: new Map(),
        refusedReports: new Map(),
        reportLinks: new Map(),
        offScopeFrames: new Set(),
        offScopeRedirects: new Set(),
        offScopeData: new Map(),
        unmadeChoices: 0,
        untriedChoices: 0,
        scriptUnits: new Map(),
        framesChosen: new Set(),
        choicesDrawnOnly: false,
        pagingUnknown: false,
        noYear: 0,
        goneReports: new Map(),
        failedReports: new Map(),
        sighted: new Set(),
        unnamedReports: new Set(),
        mergedPages: new Map(),
        goneFiles: new Set(),
        rootFiles: new Map(),
        filelessReports: new Set(),
        pagesForFiles: new Set(),
        explored: [],
        exploredHost: false,
        exploredBefore: null,
        namesReports: false,
        seedListDrawn: false,
        homeReports: null,
        seedIsHome: false,
        seedGone: null,
        seedFile: null,
        unreadScriptReports: new Set(),
        unlinkedReports: new Set(),
        undatedReports: new Set(),
        pagerDeadEnds: new Map(),
        drawnPagers: new Map(),
        staleListPages: new Map(),
        seedNextLists: new Set(),
      };
      this.bySeed.set(seedEntryId, t);
    }
    if (url && !t.url) t.url = url;
    return t;
  }

  all(): SeedTally[] {
    return [...this.bySeed.values()];
  }
}

/** Whether a seed yielded fewer than it announced, when it read its list to the end. */
export function shortOfAnnounced(t: SeedTally): string | null {
  if (t.stoppedEarly || t.reportItems === 0) return null;
  const { announcedPages, announcedItems } = t.announced;
  // A plain pager that announces more pages than were read is short whatever its item count says: the count of
  // items takes in the page's menus and footer links, so it can reach the announced total on one page.
  const ownPages = t.family !== 'hanweb' && t.family !== 'learned';
  if (ownPages && announcedPages !== undefined && t.listUrls.size < announcedPages) return `read ${t.listUrls.size} list pages of the ${announcedPages} its pager announces`;
  const drawn = t.drawnAnswers;
  if (drawn && drawn.read < drawn.announced) return `read ${drawn.read} items of the ${drawn.announced} its list answer announces (turned in the browser)`;
  if (t.family === 'learned' && t.learnedMore) return 'its last list answer read says more items follow (hasMore, or a next page\'s address), and they were not asked for';
  // The item count is the better measure when announced: one request may hold several pages (Hanweb groups).
  if (announcedItems !== undefined && t.family === 'learned') {
    const read = t.learnedItems + t.allPartsRead;
    return read < announcedItems ? `read ${read} items of the ${announcedItems} its list answer announces` : null;
  }
  if (announcedItems !== undefined) {
    const rows = listedRows(t);
    return rows < announcedItems ? `found ${rows} items of the ${announcedItems} the page announces` : null;
  }
  if (announcedPages === undefined) return null;
  // A Hanweb request asks for a window of several pages (its dataproxy groups), so its pages are not its requests:
  // every announced page holds at least one record, which is what can be checked.
  if (t.family === 'hanweb') return t.items < announcedPages ? `found ${t.items} items where its pager announces ${announcedPages} pages` : null;
  if (t.listPages < announcedPages) return `read ${t.listPages} list pages of the ${announcedPages} its pager announces`;
  return null;
}

/**
 * The rows its list pages gave: when its report items are dated (four in five at least), the rows of its list are,
 * and its distinct dated items are its rows (menus, footers and friendly links carry no date); else its distinct
 * items. Distinct: a page read twice (drawn again in the browser) and the chrome of every page count once.
 */
export function listedRows(t: SeedTally): number {
  const { urls, dated, reports, datedReports } = t.rows;
  return reports > 0 && datedReports >= 0.8 * reports ? dated.size : urls.size;
}

/** A learned list whose replay the server refused part-way (HTTP 401/403/419…): the pages from there were not read. */
export function refusedLearnedPage(t: SeedTally): string | null {
  const r = t.learnedRefused;
  if (!r) return null;
  return `its list API refused page ${r.page} (HTTP ${r.status}${r.message ? `, "${r.message}"` : ''}): the list was not read from there on`;
}

/** Report items the seed listed on hosts outside the registry (never fetched): the seed yielded less than it lists. */
export function offScopeReports(t: SeedTally): string | null {
  if (!t.offScope.size) return null;
  const count = [...t.offScope.values()].reduce((a, b) => a + b, 0);
  const hosts = [...t.offScope.keys()].sort().join(', ');
  return `${count} of its ${t.reportItems} report items are on hosts outside the registry (${hosts}), not fetched: add the host to the seeds if it is the agency's`;
}

/** Counts a file of one of the seed's reports refused before any byte was asked (robots.txt, an open circuit). */
export function countRefusedFile(t: SeedTally, host: string, why: string): void {
  const key = `${host}: ${why}`;
  t.refusedFiles.set(key, (t.refusedFiles.get(key) ?? 0) + 1);
}

/** Counts a list page or report page of the seed refused before any byte was asked (robots.txt, an open circuit). */
export function countRefusedPage(t: SeedTally, what: 'list page' | 'report page', host: string, why: string): void {
  const key = `${what}: ${host}: ${why}`;
  t.refusedPages.set(key, (t.refusedPages.get(key) ?? 0) + 1);
}

/** Counts a report page of the seed refused, with the title its list gave it (refusedPages tells whether it is unread). */
export function countRefusedReport(t: SeedTally, url: string, title: string, host: string, why: string): void {
  t.refusedReports.set(url, { title: normalizeTitle(title), key: `report page: ${host}: ${why}` });
}

/** Notes a report item of the seed's lists: its title and address. */
export function noteReportLink(t: SeedTally, title: string, url: string): void {
  const key = normalizeTitle(title);
  const urls = t.reportLinks.get(key) ?? new Set<string>();
  urls.add(url);
  t.reportLinks.set(key, urls);
}

/** The seed's own pages refused, never read (robots.txt, a host skipped): its list or reports were not all read. */
export function refusedPages(t: SeedTally): string | null {
  const counts = new Map(t.refusedPages);
  for (const [url, { title, key }] of t.refusedReports) {
    // The same report listed at another address that was not refused: read there.
    if ([...(t.reportLinks.get(title) ?? [])].some((other) => other !== url && !t.refusedReports.has(other))) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!counts.size) return null;
  const count = [...counts.values()].reduce((a, b) => a + b, 0);
  const why = [...counts.keys()].sort().join('; ');
  return `${count} of its pages were refused, never read (${why})`;
}

/**
 * Files of the seed's reports refused (robots.txt, a host skipped): the reports are catalogued without them, and a
 * report published as a scan or as its file only is then not there to read.
 */
export function refusedReportFiles(t: SeedTally): string | null {
  if (!t.refusedFiles.size) return null;
  const count = [...t.refusedFiles.values()].reduce((a, b) => a + b, 0);
  const why = [...t.refusedFiles.keys()].sort().join('; ');
  return `${count} file(s) of its reports were refused, not fetched (${why})`;
}

/**
 * Report file links that answered a web page instead of the document they name ("文件不存在" with HTTP 200): the
 * reports are catalogued without their files, which were not read.
 */
export function pagesForFiles(t: SeedTally): string | null {
  if (!t.pagesForFiles.size) return null;
  const some = [...t.pagesForFiles].slice(0, 3).join(', ');
  return `${t.pagesForFiles.size} file link(s) of its reports answered a web page, not the document they name (${some}): not stored`;
}

/**
 * Pages only a browser would have read (a list drawn by script, a challenge) of a seed that says `render: http`: what
 * they hold is not in the catalog. Said, never a silent zero: the user chose the setting, the run names its cost.
 */
export function browserDenied(t: SeedTally): string | null {
  if (!t.browserDenied.size) return null;
  const why = [...t.browserDenied].map(([reason, url]) => `${reason} (${url})`).join('; ');
  return `not rendered because its seed says render: http, though a browser was needed: ${why}`;
}

/** List pages the seed's pager links on hosts outside the registry (never read): the list was not read to its end. */
export function offScopeListPages(t: SeedTally): string | null {
  if (!t.offScopePages.size) return null;
  const count = [...t.offScopePages.values()].reduce((a, b) => a + b, 0);
  const hosts = [...t.offScopePages.keys()].sort().join(', ');
  return `its pager leads to ${count} list page(s) on hosts outside the registry (${hosts}), not read: add the host to the seeds if it is the agency's`;
}

/**
 * The disclosure pages the seed's page names (its 政府信息公开 in the nav or a banner) on hosts outside the registry: a
 * home on www. whose disclosure platform is on xxgk. The seed's reports are there; the user is told which page to give.
 */
export function offScopeDisclosurePages(t: SeedTally): string | null {
  if (!t.offScopeDisclosure.size) return null;
  const pages = [...t.offScopeDisclosure].sort().join(', ');
  return `its 政府信息公开 link leads to a host outside the registry (${pages}), not read: give that page as the seed, or add its host to the seeds`;
}

/**
 * The agency's own website the seed's page links (a department's page on a province's 政务服务 portal: 进入部门网站) on a
 * host outside the registry: its reports are there, not on the page given.
 */
export function offScopeOwnSitePages(t: SeedTally): string | null {
  if (!t.offScopeOwnSites.size) return null;
  const sites = [...t.offScopeOwnSites].sort().join(', ');
  return `its page links the agency's own website on a host outside the registry (${sites}), not read: give that site's annual-report column as the seed, or add its host to the seeds`;
}

/** The sibling hosts the seed's lists were read on (xxgk. beside www.), with the first page asked on each. */
export function siblingHostPages(t: SeedTally): string | null {
  if (!t.siblingPages.size) return null;
  const pages = [...t.siblingPages].sort().map(([host, url]) => `${host} (${url})`).join(', ');
  return `its list or reports are on a sibling host of its own, not in the registry: read at ${pages}; give that host's column as the seed, or add the host to the seeds`;
}

/**
 * Frames of the seed's rendered pages on hosts outside the registry (never loaded): its list may be there. Said only
 * of a seed that found no report (a page with its list beside a framed widget is no shortfall).
 */
export function offScopeFramedLists(t: SeedTally): string | null {
  if (!t.offScopeFrames.size) return null;
  const hosts = [...new Set([...t.offScopeFrames].map((u) => new URL(u).host))].sort().join(', ');
  return `its page frames ${t.offScopeFrames.size} page(s) from hosts outside the registry (${hosts}), not read: if its list is there, add the host to the seeds`;
}

/** Where the seed's page sends its reader on to, on hosts outside the registry: its list may be there (round 79d). */
export function offScopeRedirectedLists(t: SeedTally): string | null {
  if (!t.offScopeRedirects.size) return null;
  const hosts = [...new Set([...t.offScopeRedirects].map((u) => new URL(u).host))].sort().join(', ');
  return `its page sends its reader on to ${[...t.offScopeRedirects][0]} on a host outside the registry (${hosts}), not read: if its list is there, add the host to the seeds`;
}

/**
 * Data requests (XHR, fetch) of the seed's rendered pages to hosts outside the registry (refused): its list may be
 * drawn from there (a search service on another host of the government). Said only for a seed that found no report,
 * as for frames: a page's other requests (a counter, a widget) must not turn a healthy seed into a short one.
 */
export function offScopeDataRequests(t: SeedTally): string | null {
  if (!t.offScopeData.size) return null;
  const count = [...t.offScopeData.values()].reduce((a, b) => a + b, 0);
  const hosts = [...t.offScopeData.keys()].sort().join(', ');
  return `its page asked ${count} data request(s) of hosts outside the registry (${hosts}), refused: if its list comes from there, add the host to the seeds as the agency's`;
}

/** Report pages the seed listed whose year could not be read (not catalogued): the seed yielded less than it lists. */
export function yearlessReports(t: SeedTally): string | null {
  return t.noYear ? `${t.noYear} of its ${t.reportItems} report items were not catalogued: no report year in their titles or body` : null;
}

/** List items titled as a report with no year, whose date cannot tell it (December): listed, not catalogued. */
export function undatedReports(t: SeedTally): string | null {
  const n = t.undatedReports.size;
  if (!n) return null;
  const first = [...t.undatedReports][0]!;
  return `${n} of its list items are titled as a report with no year that their date cannot tell (${first}${n > 1 ? ', …' : ''}), not catalogued`;
}

/** Whether a title names the agency and the year of a report the seed sighted in this run. */
function readElsewhere(t: SeedTally, title: string): boolean {
  const text = normalizeTitle(title);
  return [...t.sighted].some((key) => {
    const [agency, year] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
    return text.includes(agency) && text.includes(year);
  });
}

/**
 * Report items whose pages are gone (HTTP 404/410, a "page not found" page): the seed yielded less than it lists, and
 * when all of a list's are gone, its links are likely built wrong (a base or a template guessed amiss).
 */
export function goneReportPages(t: SeedTally): string | null {
  // One whose title names an agency and year the seed's reports hold (a report republished at a new address, its old
  // one still listed on a stale page: round 66c) was read there.
  const gone = [...t.goneReports].filter(([, title]) => !readElsewhere(t, title)).map(([url]) => url);
  const n = gone.length;
  if (!n) return null;
  const first = gone[0]!;
  return `${n} of its ${t.reportItems} report items' pages are gone (${first}${n > 1 ? ', …' : ''}): not catalogued`;
}

/** Report pages that failed for good in this run: not catalogued, asked again by the next run. */
export function failedReportPages(t: SeedTally): string | null {
  const failed = [...t.failedReports].filter(([, f]) => !readElsewhere(t, f.title));
  const n = failed.length;
  if (!n) return null;
  const [url, first] = failed[0]!;
  return `${n} of its report pages failed (${url}: ${first.reason}${n > 1 ? '; …' : ''}): not catalogued, asked again by the next run`;
}

/** Pages holding several units' reports, which the catalog (one report per page) does not split: said with the units. */
export function mergedReportPages(t: SeedTally): string | null {
  const n = t.mergedPages.size;
  if (!n) return null;
  const [url, units] = [...t.mergedPages][0]!;
  return `${n} of its report pages hold several units' reports (${url}: ${units.join(', ')}${n > 1 ? '; …' : ''}), not split: not catalogued`;
}

/**
 * Report items read but not catalogued: no title, publisher field or heading named their agency, and the seed's
 * agency already has that year's report (named by its own page), so folding them into it would merge two agencies'
 * reports. The seed yielded less than it lists, said with the first such page.
 */
export function unnamedReports(t: SeedTally): string | null {
  const n = t.unnamedReports.size;
  if (!n) return null;
  const first = [...t.unnamedReports][0]!;
  return `${n} of its ${t.reportItems} report items were not catalogued: nothing on them named their agency, and the seed's agency already has that year's report (${first}${n > 1 ? ', …' : ''})`;
}

/**
 * Files of its reports gone at their links (HTTP 404/410): the reports are catalogued by their pages alone, and a report
 * whose tables are in that file (a page saying 详见附件) has nothing to read. Said, as a refused file is.
 */
export function goneReportFiles(t: SeedTally): string | null {
  const n = t.goneFiles.size;
  if (!n) return null;
  const first = [...t.goneFiles][0]!;
  return `${n} file(s) of its reports are gone at their links (HTTP 404/410: ${first}${n > 1 ? ', …' : ''}): catalogued without them`;
}

/** Files of its reports read at the site's root after their links, resolved against their pages, were gone: a guess, said. */
export function rootReadFiles(t: SeedTally): string | null {
  const n = t.rootFiles.size;
  if (!n) return null;
  const [link, read] = [...t.rootFiles][0]!;
  return `${n} file link(s) of its reports were gone resolved against their pages and were read at the site's root instead (${link} → ${read}${n > 1 ? '; …' : ''}): a guess, check them`;
}

/** Report pages saying the report is in an attachment that none of their links gives: catalogued without their file. */
export function filelessReports(t: SeedTally): string | null {
  const n = t.filelessReports.size;
  if (!n) return null;
  const first = [...t.filelessReports][0]!;
  return `${n} of its report pages point to an attachment that no link on the page gives (${first}${n > 1 ? ', …' : ''}): catalogued without the file`;
}

/** Report links listed behind a script function nothing could read (never fetched): the seed yielded less than it lists. */
export function unreadScriptReports(t: SeedTally): string | null {
  const n = t.unreadScriptReports.size;
  if (!n || t.usedBrowser) return null;
  const first = [...t.unreadScriptReports][0]!;
  return `${n} of its report links open by a script function that could not be read (${first}${n > 1 ? ', …' : ''}), not fetched`;
}

/** Report titles shown with no link that could be followed, not even by the browser's clicks (never fetched). */
export function unlinkedReports(t: SeedTally): string | null {
  const n = t.unlinkedReports.size;
  if (!n) return null;
  const first = [...t.unlinkedReports][0]!;
  const tried = t.usedBrowser ? 'nor by a click in the browser' : 'and no browser drew its page to click them';
  return `${n} report title(s) on its list pages have no link that could be followed (${first}${n > 1 ? ', …' : ''}), ${tried}: not fetched`;
}

/**
 * A list page's dead end as its latest reading says. The browser's reading of a page the HTTP reading found stopping
 * short (its pager's controls bound by a script, a JSF table paged by partial POSTs) turned the pager and read the
 * pages it drew (`deadEndAfterDrawn`): what it found replaces the HTTP reading's dead end. A rendered page still
 * stopping short says so by its own reading; an HTTP reading never clears one (it turned nothing).
 */
export function notePagerDeadEnd(t: SeedTally, url: string, deadEnd: string | undefined, rendered: boolean): void {
  if (deadEnd) t.pagerDeadEnds.set(url, deadEnd);
  else if (rendered) t.pagerDeadEnds.delete(url);
}

/** Pages asked as its list pages that answered a document (a column link that is a report's file): not read. */
export function documentListPages(t: SeedTally): string | null {
  const n = t.documentListPages.size;
  if (!n) return null;
  return `${n} of the pages its lists lead to as columns answered a document, not read (${[...t.documentListPages][0]}${n > 1 ? ', …' : ''})`;
}

/**
 * Files its lists link under a title cut short that may be a report's ("某局2024年度政府信息公开工…" over 点击下载) whose
 * first page did not tell (a scan, a DOC, not fetched): the cut title cannot tell a report from a 工作要点 (round 55a).
 * Said, not guessed.
 */
export function cutFileItems(t: SeedTally): string | null {
  const n = t.cutFileItems.size;
  if (!n) return null;
  const [url, title] = [...t.cutFileItems][0]!;
  return `${n} of its list items are files under a title cut short (${title}: ${url}${n > 1 ? ', …' : ''}): whether they are reports is not known (not fetched, or their first page names no title the cut words begin: a scan, another format)`;
}

/** Later pages of its pager announcing fewer items than its first: a stale copy, items at its borders maybe unread. */
export function staleListPages(t: SeedTally): string | null {
  const [first] = t.staleListPages;
  if (!first) return null;
  const n = t.staleListPages.size;
  return `${n} of its later list pages announce fewer items than its first page (${first[0]}: ${first[1]} of ${t.announced.announcedItems ?? '?'}): a stale copy (a cache?), items at its page borders may be unread`;
}

/** Its later list pages that are gone (404/410): where its list may stop short, or only a page number made up. */
export function goneListPages(t: SeedTally): string | null {
  const n = t.goneListPages.size;
  if (!n) return null;
  return `${n} of its list pages answered 404/410 (${[...t.goneListPages][0]}${n > 1 ? ', …' : ''})`;
}

/** List pages whose pager announces more pages than could be reached (a sub-column's "共2页" with no readable control). */
export function pagerDeadEnds(t: SeedTally): string | null {
  if (t.stoppedEarly || !t.pagerDeadEnds.size) return null;
  const [url, why] = [...t.pagerDeadEnds][0]!;
  return `${t.pagerDeadEnds.size} of its list pages stop short: ${url}: ${why}`;
}

/** A learned list whose later pages the browser saw but no replay can ask (learn.ts `pagingUnknown`). */
export function unlearnedPaging(t: SeedTally): string | null {
  return t.pagingUnknown
    ? 'the browser turned its list to a second page of new items, but how its list request asks for a page could not be learned: only its first page was read'
    : null;
}

/** A list page offering more choices that load lists (tabs, a select's options) than the browser made (list-choices.ts). */
export function unmadeChoices(t: SeedTally): string | null {
  const said = [
    t.unmadeChoices ? `${t.unmadeChoices} choices of its page loading lists (tabs, a select's options) were not made (past the browser's limit, or failing when made): their lists were not read` : null,
    t.untriedChoices ? `its page offers ${t.untriedChoices} choices (tabs, a select's options, a tree's folders) in more groups than the browser tries: lists they may load were not read` : null,
    ...[...t.scriptUnits].map(([url, n]) => `${n} units on ${url} open their lists by script only (javascript: links), no click of the browser made: their lists were not read`),
  ].filter((x): x is string => x !== null);
  return said.length ? said.join('; ') : null;
}

/** The first list page other than the seed's that listed reports, in a folder above the seed's page (not the root). */
export function columnAbove(t: SeedTally): string | undefined {
  const seedPath = new URL(t.url).pathname;
  return t.reportLists.find((u) => {
    const folder = new URL(u).pathname.replace(/[^/]*$/, '');
    return folder !== '/' && seedPath.startsWith(folder) && seedPath !== new URL(u).pathname;
  });
}
