/**
 * Walks one portal from its home page (or its 政府信息公开 page) towards its annual-report columns: menus named
 * 政府信息公开 / 政务公开 lead on, links named 政府信息公开年报 / 年度报告 / 年报 are columns, and under a column
 * that lists no reports itself, bare years and agency names are per-year and per-department columns. Only the
 * portal's own host, at most `depth` links from the start and `maxPages` pages. Every page is read politely
 * (PageReader); a page behind an anti-bot challenge is rendered in the browser when one is available.
 */
import type { Element } from 'domhandler';
import { agencyFromTitle } from '../crawl/classify/agency.ts';
import { classifyTitle } from '../crawl/classify/title.ts';
import { ARTICLE_NEIGHBOURS, hasReportBody } from '../crawl/collection.ts';
import { parseDetailPage } from '../crawl/detail-page.ts';
import { parseReportYear } from '../crawl/classify/year.ts';
import { hasScripts, isChallenge, PARSERS, type ConcreteFamily } from '../crawl/families/detect.ts';
import type { ListPageResult } from '../crawl/families/family.ts';
import { isFolderListing } from '../crawl/families/folder-listing.ts';
import { loadHtml, squash } from '../crawl/html.ts';
import { cardCaption } from '../crawl/card-caption.ts';
import { linkTitle, type ListItem } from '../crawl/list-page.ts';
import { redirectTargets } from '../crawl/redirect-stub.ts';
import type { PageVisit } from '../crawl/page-visit.ts';
import { resolveLink, Scope } from '../download/scope.ts';
import { FetchError } from '../errors.ts';
import { AGENCY_DIRECTORY, chineseVersionLink, inOtherScript, linkKind, namesAgency, sameColumnKey, type LinkKind } from './column-links.ts';
import { explainFamily } from './family-signals.ts';
import { withinPortal } from './portal-hosts.ts';
import type { PageReader } from './page-reader.ts';
import type { BrowserSession } from './render.ts';
import { siteAgency, type Sourced } from './site-agency.ts';

export interface ExploreOptions {
  /** Links followed from the start page at most. */
  depth: number;
  /** Pages read on this portal at most. */
  maxPages: number;
  /** List pages of each column read for samples and former names (its first page included). */
  samplePages: number;
  /** Hosts the walk may go to besides the start's (default: any host of the portal, withinPortal). A crawl passes
   * its registry's scope, so that exploring a seed never reads a host the registry does not hold. */
  allowHost?: (host: string) => boolean;
  /**
   * The agency whose reports are looked for (a crawl's seed's): a link naming it (its full name, or "县财政局" for
   * 泰和县财政局) leads to its own pages, as a reader looking for that agency clicks it (round 62c: a county's 站群导航
   * page as a bureau's seed, the bureau's site one tile of many).
   */
  agency?: string;
}

export interface SampleReport {
  title: string;
  url: string;
  year: number | null;
  agency: string | null;
}

/** A page that lists annual reports, reached through a column link. */
export interface ColumnFinding {
  url: string;
  /** The portal (start URL) it was found from. */
  portal: string;
  /** Link texts from the start page to the column, e.g. ["政务公开", "政府信息公开年报", "2024年"]. */
  trail: string[];
  via: LinkKind | 'start';
  family: ConcreteFamily;
  familyDecidedBy: string;
  /** The column needed the browser (a challenge in front of it). */
  browser: boolean;
  site: Sourced<string> | null;
  /** The column page's breadcrumb (当前位置), without 首页. */
  crumbs: string[];
  reports: SampleReport[];
  items: number;
  /** List pages read beyond the column's own page. */
  pagesRead: number;
}

export interface PortalResult {
  portal: string;
  site: Sourced<string> | null;
  pagesRead: number;
  /** The start page could be read. */
  reachable: boolean;
  findings: ColumnFinding[];
  /**
   * Pages reached by a link naming the reports' column that list none over HTTP but run scripts: a column whose list
   * the page's script draws, read here without a browser (the crawl reads them in its browser lane, round 42c).
   */
  drawnColumns: string[];
  /** What went wrong on the way (unreachable pages, challenges without a browser). */
  notes: string[];
}

interface Step {
  url: string;
  depth: number;
  trail: string[];
  via: LinkKind | 'start';
}

interface Visited {
  visit: PageVisit;
  browser: boolean;
}

const REPORT_COLUMN_KINDS = new Set<Step['via']>(['column', 'year', 'department']);

export class PortalExplorer {
  private readonly browserHosts = new Set<string>();

  constructor(
    private readonly reader: PageReader,
    private readonly browser: BrowserSession | null,
    private readonly opts: ExploreOptions,
  ) {}

  async explore(start: string): Promise<PortalResult> {
    const host = Scope.hostOf(start);
    const result: PortalResult = { portal: start, site: null, pagesRead: 0, reachable: true, findings: [], drawnColumns: [], notes: [] };
    const seen = new Set<string>([sameColumnKey(start)]);
    // Report URLs of the columns found: one column under two URLs (with and without index.html) is one column.
    const columnSignatures = new Set<string>();
    // Column links first: they are what we came for, and the page budget should not go to side menus.
    const columns: Step[] = [];
    const others: Step[] = [{ url: start, depth: 0, trail: [], via: 'start' }];
    let followedErrorPage = false;
    // Ways on to hosts the walk may not read: annual-report columns, and the site's Chinese version.
    const offHost = new Set<string>();
    const offHostChinese = new Set<string>();
    while ((columns.length || others.length) && result.pagesRead < this.opts.maxPages) {
      const step = (columns.shift() ?? others.shift())!;
      let page: Visited;
      try {
        page = await this.read(step.url);
      } catch (err) {
        result.notes.push(`${step.url}: ${(err as Error).message}`);
        if (step.depth === 0) result.reachable = false;
        continue;
      } finally {
        result.pagesRead += 1;
      }
      const errorPage = page.visit.status >= 400;
      if (errorPage) {
        result.notes.push(`${step.url}: HTTP ${page.visit.status}`);
        if (step.depth === 0) result.reachable = false;
        // A redesigned site answers its old template's links with the new site's error page, whose links (访问新版首页,
        // 进入政务公开) are the only way on from an old page still served (round 44c: a 2023 report's old article as
        // the seed): the first such page is read for its links, not as a column.
        if (step.depth === 0 || followedErrorPage || step.depth >= this.opts.depth) continue;
        followedErrorPage = true;
      }
      const site = errorPage ? null : siteAgency(page.visit.body);
      if (step.depth === 0) result.site = site;
      const column = errorPage ? null : await this.column(step, page, site ?? result.site, start);
      const reports = column?.reports.length ?? 0;
      if (column) {
        result.pagesRead += column.pagesRead;
        const signature = column.reports.map((r) => r.url).sort().join('\n');
        if (reports && !columnSignatures.has(signature)) {
          columnSignatures.add(signature);
          result.findings.push(column);
        }
      }
      if (step.via === 'column' && column && !reports && !page.browser && hasScripts(page.visit.body)) result.drawnColumns.push(step.url);
      if (step.depth >= this.opts.depth) continue;
      const underReportColumn = !errorPage && REPORT_COLUMN_KINDS.has(step.via) && reports === 0;
      const underAgencyDirectory = step.via === 'nav' && AGENCY_DIRECTORY.test(step.trail[step.trail.length - 1] ?? '');
      // Under 法定主动公开内容, its 其他 sub-column holds what the standard catalogue names no column for, the 年度报告
      // of some templates among them (round 52c: 法定主动公开内容 → 其他 → 年度报告).
      const underActiveDisclosure = step.via === 'nav' && ACTIVE_DISCLOSURE.test(step.trail[step.trail.length - 1] ?? '');
      const { links, otherScript, home, bare } = pageLinks(page.visit);
      let queued = 0;
      for (const link of links) {
        const key = sameColumnKey(link.url);
        const linkHost = Scope.hostOf(link.url);
        if (seen.has(key)) continue;
        // A page that lists reports itself (an aggregator) is read as a column; its links are reports, not columns.
        const underReports = underReportColumn || (link.inReportMenu && reports === 0);
        // On a page in another language (a bilingual site's 藏文 column), whose words no label here matches, its
        // language bar's 汉文 / 中文 is the same page in Chinese: read as the page would be (round 39c).
        const kind =
          linkKind(link.text, link.url, underReports, underAgencyDirectory) ??
          (chineseVersionLink(link.text) && otherScript() ? 'language' : underActiveDisclosure && OTHERS_LABEL.test(link.text.trim()) ? 'nav' : null) ??
          (this.opts.agency && namesAgency(link.text, this.opts.agency) ? 'nav' : null);
        if (!kind) continue;
        if (!withinPortal(linkHost, host) || (this.opts.allowHost && !this.opts.allowHost(linkHost))) {
          // A way on that leaves the hosts the walk may read (a Mongolian site's 汉文版 on another host: round 50c) is
          // said, so that the user can give that host; never read.
          if (linkHost !== host && kind === 'language') offHostChinese.add(link.url);
          else if (linkHost !== host && REPORT_COLUMN_KINDS.has(kind)) offHost.add(link.url);
          continue;
        }
        seen.add(key);
        this.reader.scope.add(linkHost);
        const next: Step = { url: link.url, depth: step.depth + 1, trail: [...step.trail, link.text], via: kind };
        (kind === 'nav' ? others : columns).push(next);
        queued += 1;
      }
      // A start page whose links name nothing to follow (a letter of the mayor's mailbox: 网站首页, 我要写信, 信件查询,
      // round 47c), or one bare of chrome (a print view, a splash: after its named links): its link home, or a bare
      // page's one way in, is the way on, as a reader clicking it goes.
      if (step.depth === 0 && (!queued || bare) && home && !seen.has(sameColumnKey(home)) && withinPortal(Scope.hostOf(home), host)) {
        seen.add(sameColumnKey(home));
        others.push({ url: home, depth: 1, trail: ['网站首页'], via: 'nav' });
      }
    }
    if (offHostChinese.size) result.notes.push(`its Chinese version is on a host outside the registry (${[...offHostChinese].slice(0, 2).join(', ')}), not read: give that site as the seed, or add its host to the seeds`);
    if (offHost.size) {
      const some = [...offHost].slice(0, 3).join(', ');
      result.notes.push(`its links to ${offHost.size} annual-report column(s) on hosts outside the registry were not followed (${some}${offHost.size > 3 ? ', …' : ''})`);
    }
    if (result.pagesRead >= this.opts.maxPages && (columns.length || others.length)) {
      result.notes.push(`stopped at --max-pages ${this.opts.maxPages} with ${columns.length + others.length} links not followed`);
    }
    return result;
  }

  /** The page read over HTTP, or in the browser when a challenge stands in front of it (and a browser is at hand). */
  private async read(url: string): Promise<Visited> {
    const host = Scope.hostOf(url);
    if (!this.browserHosts.has(host)) {
      const page = await this.reader.read({ url });
      if (!isChallenge(page)) return { visit: page, browser: false };
      if (!this.browser) throw new FetchError('an anti-bot challenge, and no browser to pass it (Chromium not found, or --no-browser)', url, 'blocked', page.status);
      this.browserHosts.add(host);
    }
    const r = await this.browser!.render(url);
    return { visit: { url, loadedUrl: r.finalUrl, status: r.status, body: r.html, rendered: true }, browser: true };
  }

  /** The page as a column: its family and the reports it lists (reading one more list request when the page
   * itself only points at its list, as an application shell or a data island does). */
  private async column(step: Step, page: Visited, site: Sourced<string> | null, portal: string): Promise<ColumnFinding> {
    const family = explainFamily(page.visit.body, page.visit.loadedUrl);
    const finding: ColumnFinding = {
      url: step.url,
      portal,
      trail: step.trail,
      via: step.via,
      family: family.family,
      familyDecidedBy: family.decidedBy,
      browser: page.browser,
      site,
      crumbs: breadcrumb(page.visit.body),
      reports: [],
      items: 0,
      pagesRead: 0,
    };
    // Only pages reached as columns (or given as the start) are candidates: a home page's "latest" box is not a column.
    // The Chinese version of a page in another language stands for that page.
    if (step.via === 'nav' || ((step.via === 'start' || step.via === 'language') && !namesReports(page.visit.body))) return finding;
    const parser = PARSERS[family.family];
    const first = parser.parse(page.visit, undefined);
    let items: ListItem[] = first.items;
    // Further list pages: for samples (an application shell lists nothing itself) and for the names the agency
    // published under in earlier years, which the crawl needs as aliases. The browser's pages are read once.
    // A disclosure page a list names (a hub: its nav's 政府信息公开, read by the crawl for a seed page only) is no
    // further page of this column.
    const nextPage = (n: ListPageResult['next']) => n.find((r) => !r.hub);
    let next = page.browser ? undefined : nextPage(first.next);
    for (let n = 1; n < this.opts.samplePages && next; n++) {
      try {
        const more = await this.reader.read({ url: next.url, method: next.method, body: next.payload, headers: next.headers });
        finding.pagesRead += 1;
        if (more.status >= 400) break;
        const parsed = parser.parse(more, next.cursor);
        items = items.concat(parsed.items);
        next = nextPage(parsed.next);
      } catch {
        break; // the samples stop here; the column stays with what was read
      }
    }
    // A report's own page (its title is a report's, it links its attachments) is not a column, however it was reached;
    // nor is one whose text is the report beside a few links to its neighbours (上一篇 / 下一篇, 相关阅读: round 64c).
    const detail = parseDetailPage(page.visit.body, page.visit.loadedUrl);
    const reportPages = items.filter((i) => !i.isFile && classifyTitle(i.title).isReport && i.url !== page.visit.loadedUrl);
    if (detail.title && classifyTitle(detail.title).isReport && (reportPages.length <= 1 || (reportPages.length <= ARTICLE_NEIGHBOURS && hasReportBody(detail.bodyText)))) return finding;
    finding.items = items.length;
    finding.reports = items
      .filter((i) => classifyTitle(i.title).isReport)
      .map((i) => ({ title: i.title, url: i.url, year: parseReportYear(i.title), agency: agencyFromTitle(i.title) }));
    return finding;
  }
}

/** 当前位置：首页 > 政务公开 > 市教育局 > 政府信息公开年报 → [政务公开, 市教育局, 政府信息公开年报]. */
function breadcrumb(html: string): string[] {
  const $ = loadHtml(html);
  const text = $('.position, .breadcrumb, .crumb, .location, #position, .dqwz').first().text();
  return text
    .replace(/^[\s\S]*?当前位置\s*[:：]/, '')
    .split(/[>›»＞]/)
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => c && c !== '首页');
}

/** The page's title or main heading names annual reports: a start URL that is itself a column. */
function namesReports(html: string): boolean {
  return namesReportsIn(loadHtml(html));
}

/**
 * namesReports on a page already parsed: its title or heading names the reports, not another kind of 年报 (统计年报,
 * 企业年报, 网站年度报表: round 42c's seed, a 统计年报 column, is no empty 年报 column but a wrong seed).
 */
export function namesReportsIn($: ReturnType<typeof loadHtml>): boolean {
  return ['title', 'h1', '.list-title', 'h2'].some((sel) => {
    const text = $(sel).first().text();
    return /年报|年度报告/.test(text) && !classifyTitle(text).excluded;
  });
}

/** A menu headed by the annual reports: 「政府信息公开年报」 over a list of years or departments. */
const REPORT_MENU_HEADING = /年报|年度报告/;
const HEADING = 'h1, h2, h3, h4, h5, h6, .title, .tit, .hd, .head';

/** Whether the link sits in a list whose heading (the element before it, or its own heading) names the annual reports. */
function inReportMenu($: ReturnType<typeof loadHtml>, a: ReturnType<ReturnType<typeof loadHtml>>): boolean {
  let node = a.closest('ul, ol, dl, table');
  for (let level = 0; level < 3 && node.length; level++) {
    const before = squash(node.prev().text());
    const own = squash(node.children(HEADING).first().text());
    if ((before.length <= 30 && REPORT_MENU_HEADING.test(before)) || (own.length <= 30 && REPORT_MENU_HEADING.test(own))) return true;
    node = node.parent();
  }
  return false;
}

/** The menu of the actively disclosed information (法定主动公开内容, 主动公开目录). */
const ACTIVE_DISCLOSURE = /主动公开/;
/** Its catch-all sub-column: 其他, 其它, 其他信息, 其他内容. */
const OTHERS_LABEL = /^(?:其他|其它)(?:信息|内容|事项|公开信息)?$/;


/** Links a page with no chrome has at most (a print view: its logo, 打印, 关闭). */
const BARE_PAGE_LINKS = 3;

/**
 * Every link of a page with the text a person sees (menus and navigation included), and whether the page's text is in
 * another script than Chinese (asked only for a language bar's link, and counted once).
 */
function pageLinks(visit: PageVisit): { links: { text: string; url: string; inReportMenu: boolean }[]; otherScript: () => boolean; home: string | null; bare: boolean } {
  const $ = loadHtml(visit.body);
  const out: { text: string; url: string; inReportMenu: boolean }[] = [];
  let other: boolean | undefined;
  const otherScript = () => (other ??= inOtherScript($('body').text()));
  let anchors = 0;
  let home: string | null = null;
  let wayIn: string | null = null;
  const host = new URL(visit.loadedUrl).host;
  // An image map's areas are links as much as anchors are (a splash's picture whose one area leads in: round 45c).
  $('a[href], area[href]').each((_, el) => {
    const a = $(el as Element);
    const url = resolveLink(a.attr('href'), visit.loadedUrl);
    if (!url) return;
    anchors += 1;
    if (url !== visit.loadedUrl && new URL(url).host === host) {
      if (/^\/(?:index\.s?html?)?$/i.test(new URL(url).pathname)) home ??= url;
      wayIn ??= url;
    }
    // A link showing only a picture (an entry tile "政府信息公开专栏" drawn as an image, round 48c) says what its alt says.
    // A tile's link stretched over it, empty, says what the tile prints beside it (card-caption.ts, round 53a).
    const text = linkTitle(a.text(), a.attr('title') ?? a.attr('alt') ?? a.find('img[alt]').first().attr('alt')) || (a.is('a') ? cardCaption($, a) : null);
    if (text) out.push({ text, url, inReportMenu: inReportMenu($, a) });
  });
  // The site's home, by a link to its root; a page with no chrome leads on only through its few links: a report's
  // print view through its logo's link to the site's home (round 44c), a splash (引导页) through its picture's one
  // link in or the script that goes there when its countdown ends (round 45c), as a reader clicking them, or waiting,
  // goes.
  // A web server's folder listing (Apache's or nginx's "Index of /uploadfiles/2024/": a report's upload folder given as
  // the seed, round 52c) links only its files and its parent: the site's home is the way in, as a reader goes there.
  if (isFolderListing($)) return { links: out, otherScript, home: new URL('/', visit.loadedUrl).href, bare: true };
  if (anchors > BARE_PAGE_LINKS) return { links: out, otherScript, home, bare: false };
  return { links: out, otherScript, home: home ?? wayIn ?? redirectTargets($, visit.loadedUrl)[0] ?? null, bare: true };
}
