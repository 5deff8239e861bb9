/**
 * Collection or report: a page reached as a report that is really an index of reports — a city's per-year page
 * listing its departments' reports, a column page linked from another list — must be read as a list page, never
 * catalogued as a report. It is an index when it links reports of several agencies or several years (or several
 * department names under a year heading) and has no report body of its own.
 */
import { agencyFromTitle } from './classify/agency.ts';
import { classifyTitle, WHERE_REPORTS_ARE } from './classify/title.ts';
import { parseReportYear } from './classify/year.ts';
import { parseDetailPage, type DetailPage } from './detail-page.ts';
import { parseAggregatorList } from './families/aggregator.ts';
import { agencyOfLinkText } from './families/agency-links.ts';
import { yearColumnLinks } from './families/pager.ts';
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import { documentBase, loadHtml, squash } from './html.ts';
import { isFileUrl } from './list-page.ts';

/** Headings and phrases of a report's own text (the national template's sections). */
const REPORT_BODY = [
  /总体情况/,
  /主动公开政府信息(?:的)?情况/,
  /收到和处理政府信息公开申请情况/,
  /行政复议/,
  /本年新收/,
  /存在的主要问题/,
  /政府信息管理/,
  /依申请公开/,
  /其他需要报告的事项/,
  // The pre-2019 template's headings.
  /概述/,
  /收费及减免/,
  /主要问题和改进措施/,
];

export interface CollectionVerdict {
  collection: boolean;
  reason: string;
}

/** Does the text read like a report (at least two of the template's section phrases)? */
export function hasReportBody(text: string): boolean {
  return REPORT_BODY.filter((re) => re.test(text)).length >= 2;
}

/** Boxes around a report's own page that link other reports: prev/next, "related", sidebars. */
const ASIDE = [
  'aside',
  '[class*="related"]',
  '[class*="xgwz"]',
  '[class*="xgxx"]',
  '[class*="recommend"]',
  '[class*="tuijian"]',
  '[class*="prev"]',
  '[class*="next"]',
  '[class*="sxp"]',
  '[class*="sidebar"]',
  '[class^="side"]',
  '[class*=" side"]',
  '[class*="-side"]',
  '[class*="_side"]',
  '[id*="related"]',
  '[id*="xgwz"]',
  '[id*="sidebar"]',
].join(', ');
const PREV_NEXT = /(上一篇|下一篇|上一条|下一条|上篇|下篇)/;

/** The links of the page outside its asides and prev/next lines (their URLs). */
function mainLinks(html: string, pageUrl: string): Set<string | null> {
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const out = new Set<string | null>();
  $('a[href]').each((_, el) => {
    const a = $(el as Element);
    if (a.closest(ASIDE).length || PREV_NEXT.test(squash(a.closest('li, p, div, tr').text()).slice(0, 40))) return;
    const href = a.attr('href');
    if (href) out.add(resolveLink(href, base));
  });
  return out;
}

/**
 * @param listTitle the title the list page gave the link that led here, when it was reached from a list.
 */
export function classifyCollection(html: string, pageUrl: string, page: Pick<DetailPage, 'title' | 'bodyText' | 'attachments'>, listTitle?: string): CollectionVerdict {
  if (hasReportBody(page.bodyText)) return { collection: false, reason: 'the page has a report body' };
  // One agency's report whose text is in its attachments: links to its other years (a "related" box) do not
  // make it an index.
  // Files each named as the report of another body ("1.某县发展和改革委员会2024年…年度报告.pdf", "2.某县教育局….docx"):
  // a page publishing several bodies' reports as its attachment list is their index, not one report with its files.
  const own = [page.title, listTitle].map((t) => (t ? agencyFromTitle(t) : null));
  const othersAttached = new Set(
    page.attachments
      .map((a) => (a.name && classifyTitle(a.name).isReport ? agencyFromTitle(a.name) : null))
      .filter((name): name is string => !!name && !own.includes(name)),
  );
  if (othersAttached.size >= 2) return { collection: true, reason: `its attachments are the reports of ${othersAttached.size} agencies` };
  // A page titled as a compilation of the reports (…各部门…年度报告汇总, with no report's text of its own: round 72a's
  // table of units, each row's 点击查看 the unit's file or page) is their index, though its title names an agency.
  if ([page.title, listTitle].some((t) => t && COMPILATION.test(t.replace(/\s+/g, '')))) return { collection: true, reason: 'titled as a compilation of the reports, with no report\'s text' };
  const named = [page.title, listTitle].some((t) => t && classifyTitle(t).isReport && agencyFromTitle(t));
  if (named && page.attachments.length) {
    return { collection: false, reason: 'an agency\'s report page with attachments' };
  }
  // A site-wide per-year menu beside a report is no index; on a page that names no report it is one.
  if (!named && yearColumnLinks(html, pageUrl).length >= 2) return { collection: true, reason: 'a per-year menu of annual-report columns' };
  // The aggregator reading names department-only links after the page's year heading.
  const items = parseAggregatorList({ url: pageUrl, loadedUrl: pageUrl, status: 200, body: html }).items;
  const inMain = mainLinks(html, pageUrl);
  // Files named by an agency alone ("县教育局.pdf", "县卫生健康局.docx") are each an agency's report, not this page's.
  const attached = new Set(page.attachments.filter((a) => !a.name || agencyOfLinkText(a.name) === null).map((a) => a.url));
  const keys = new Set<string>();
  let pages = 0;
  let linkedYear: number | null = null;
  for (const item of items) {
    if (!classifyTitle(item.title).isReport || !inMain.has(item.url)) continue;
    // The page's own attachments (one report's PDF and DOC) do not make it an index.
    if (attached.has(item.url) && isFileUrl(item.url)) continue;
    if (!isFileUrl(item.url)) (pages += 1), (linkedYear = parseReportYear(item.title));
    keys.add(`${agencyFromTitle(item.title) ?? '?'}|${parseReportYear(item.title) ?? '?'}`);
  }
  const needed = 2;
  if (keys.size >= needed) return { collection: true, reason: `links ${keys.size} reports of different agencies or years` };
  if (pages >= needed) return { collection: true, reason: `links ${pages} report pages` };
  // One report's page linked from a page whose own title names no report (a unit's 年报 column of one item, reached by
  // a link the list titled as that unit's report: round 73d's 镇街 links on a year's page): the page is its index.
  if (pages === 1 && page.title && !classifyTitle(page.title).isReport) return { collection: true, reason: 'links a report page, its own title naming no report' };
  // Nor one at a folder's index address, titled by the year's reports and no agency, with no file of its own, linking
  // that year's report page (an archive's year folder listed under "2020年度政府信息公开工作年度报告", round 100d).
  if (pages === 1 && !page.attachments.length && FOLDER_INDEX.test(new URL(pageUrl).pathname) && yearFolderTitle(page.title, linkedYear)) {
    return { collection: true, reason: "links its year's report page, at a folder's index address" };
  }
  return { collection: false, reason: 'links too few reports to be an index' };
}

/** A folder's own page: its address ends with the folder's slash or its index file. */
const FOLDER_INDEX = /\/(?:(?:index|default)\.\w+)?$/i;

/** A title naming the reports of the year `linkedYear` and no agency: a year folder's, not one report's. */
function yearFolderTitle(title: string | null | undefined, linkedYear: number | null): boolean {
  return !!title && linkedYear !== null && parseReportYear(title) === linkedYear && !agencyFromTitle(title);
}

/** A title naming a compilation of the annual reports, not one of them: 汇编, 合集, 汇总 of 年度报告 / 年报, or their
 * 集中公开 (the units' reports published together in one article, round 78a). */
const COMPILATION = /(?:年度报告|年报)(?:全文)?(?:(?:汇编|合集|汇总|集锦|选编)(?!表)|(?:发布|公开|报送)情况(?:汇总表?|一览表?|统计表?|表)|(?:予以)?(?:集中|统一)(?:公开|发布|公布)$)/;

/**
 * Whether a list title names a compilation of the reports (…2019—2022年…年度报告汇编, 历年年报合集: the older years'
 * reports linked in one article after a redesign, round 61a), a table of their publication (…发布情况汇总表, round 69a)
 * or a notice telling where they are kept (title.ts WHERE_REPORTS_ARE, round 70a): an index of reports by its title, read as a list page.
 */
export function namesCompilation(title: string): boolean {
  return COMPILATION.test(title) || WHERE_REPORTS_ARE.test(title);
}


/**
 * A page that is a document about a report, not a list of them: its own title names a report's year and words but is
 * of another kind (一图读懂…年度报告, a 解读, a notice on compiling them: classify/title.ts's exclusions). A seed at such
 * a page (the link a WeChat post shares) links a report or two from its text; the column is elsewhere. Returns its
 * title, or null. `page`: the page read as a detail page (parsed once for this and listPageAsReport).
 */
export function documentAboutReport(page: DetailPage): string | null {
  const { title } = page;
  if (!title || !classifyTitle(title).excluded || parseReportYear(title) === null) return null;
  return /年度报告|年报/.test(title.replace(/\s+/g, '')) ? title : null;
}

/** Report links an article page carries beside its own text (上一篇, 下一篇, a 相关 box): more make a list page. */
export const ARTICLE_NEIGHBOURS = 4;

/**
 * A page titled as one report whose text is no report's, giving one report at most (a 下载中心 page offering the
 * report's PDF: its name, size, 点击下载; round 63c's seed): a page about that report, not its column. Returns its
 * title, or null.
 */
export function pageOfferingReport(page: DetailPage, listedReports: number): string | null {
  const { title, bodyText } = page;
  if (listedReports > 1 || !title || !classifyTitle(title).isReport || parseReportYear(title) === null || hasReportBody(bodyText)) return null;
  return title;
}

/**
 * The reverse case: a page reached as a list page — a year link of a 年报 menu ("2024年度报告", "2022年") that
 * leads to the year's report itself rather than to a year column — that is one report: it lists no report, its
 * own title names a report and its text is a report's. Returns that title, or null for a real list page. `page`
 * reads the page as a detail page, asked only when it lists no report.
 */
export function listPageAsReport(page: () => DetailPage, listedReports: number): string | null {
  if (listedReports > 0) return null;
  const { title, bodyText } = page();
  if (!title || !classifyTitle(title).isReport || !hasReportBody(bodyText)) return null;
  return title;
}

/**
 * A page listing no report, titled as its column (部门及乡镇年报), that shows one report under a heading of its own,
 * with its text or its file: a query module's answer for one unit and year (round 76c's `annualReport.jsp?area=…&
 * fbtime=…`, its form choosing the others). Returns that heading, or null. The page is a list page too (its form).
 */
export function reportShownOnList(page: () => DetailPage, listedReports: number, html: string): string | null {
  if (listedReports > 0) return null;
  const { title, bodyText, attachments } = page();
  if (title && classifyTitle(title).isReport) return null;
  const named = reportHeadings(html);
  if (named.length !== 1) return null;
  const heading = named[0]!;
  return hasReportBody(bodyText) || (attachments.length > 0 && parseReportYear(heading) !== null) ? heading : null;
}

/** The page's headings (h1 to h4) that are report titles, each once. */
function reportHeadings(html: string): string[] {
  const $ = loadHtml(html);
  const texts = $('h1, h2, h3, h4')
    .toArray()
    .map((el) => squash($(el).text()))
    .filter((t) => t.length <= 80 && classifyTitle(t).isReport);
  return [...new Set(texts)];
}
