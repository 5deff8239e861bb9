/**
 * The generic pager, shared by every family as its fallback: the "next page" control found by what it says
 * (下一页 / 下页 / 后页 / › / » / > by containment, or an image's alt/title), else the numbered link after the
 * current page. Controls written as script (`javascript:goPage(3)`, `onclick="toPage(3)"`, `data-page="3"`) are
 * never fetched as such: their page number is mapped onto the URL template the pager's real links show
 * (index_2.html beside goPage(3) tells index_{n-1}), or onto a template the family knows.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { ATTACHMENT_EXT, documentBase, findWithin, isScriptHref, loadHtml, matching, squash, type Doc } from '../html.ts';
import { chineseYearsToDigits } from '../classify/text.ts';
import { titleAgencyLinks } from './agency-links.ts';
import { withBareReportYears } from './bare-report-year.ts';
import { withColumnYear } from './column-year.ts';
import { announcedTotals, bareCounter } from './announced.ts';
import { agencyMenus, jumpMenus, yearMenuFiles } from './jump-menu.ts';
import { addressedNextPage } from './next-address.ts';
import { iconPagerNextPage, imageControlWord } from './icon-pager.ts';
import { formTemplate, functionTemplate, queryTemplate, selectNextPage } from './page-template.ts';
import { postBackNextPage } from './postback.ts';
import { postFormNextPage } from './post-form-pager.ts';
import { jumpFormProbe, postJumpFormNextPage } from './post-jump-form.ts';
import { labelledSubColumns, listElsewhere, subColumnLinks } from './report-column.ts';
import { yearFormOptions, yearPostForms } from './year-form.ts';
import { parseTrsPager, TRS_FROM_ZERO, trsPageUrl } from './trs-pager.ts';
import { drawnPagerBox } from './drawn-pager.ts';
import { folderListing, isFolderListing } from './folder-listing.ts';
import type { ListItem } from '../list-page.ts';
import { unlinkedCurrentPage } from './unlinked-current.ts';
import type { ListPageResult, NextListRequest } from './family.ts';
import type { ListCursor } from '../requests.ts';

/**
 * Words of a "next page" control, matched by containment ("[下一页]", "下一页>>"); on a list of the newest first, a
 * blog theme's link to the older posts ("较早文章", "« 早期文章", "旧文章", "Older posts", and the classic theme's
 * "« Previous Entries", which are the older ones) is its next page.
 */
const NEXT_WORDS = /(下一页|下页|后一页|后页|下一頁|next\s*page|^next$|(?:较早|更早|早期|以前|之前|更旧|[较陈]?旧)的?(?:文章|日志|帖子)|older\s*(?:posts|entries)|previous\s*entries)/i;
/** A control that is only arrows: ›, », >, >> (possibly bracketed). */
const NEXT_ARROWS = /^[[【(（<]?\s*(?:[>›»]{1,2}|&gt;)\s*[\]】)）>]?$/;
/** Words that name other controls and must not be taken for "next" by containment. */
const NOT_NEXT = /(上一页|上页|前页|首页|尾页|末页|最后一页)/;
/** Page arguments of script pagers: goPage(3), toPage('3'), turnPage(3), gotoPage(3), page(3)… */
const SCRIPT_PAGE = /\b\w*(?:page|Page|PAGE|fy|go|turn)\w*\s*\(\s*['"]?(\d{1,5})['"]?/;

/** Builds the URL of 1-based page n, or null when it cannot. */
export type PageTemplate = (n: number) => string | null;

interface PagerControl {
  text: string;
  /** Marked as "next" by its class, id or rel (icon-only controls: `<a class="next">`, `rel="next"`). */
  markedNext: boolean;
  href: string | null;
  /** The page number a script control asks for, as written in its call or data attribute. */
  scriptArg: number | null;
}

/** The address a control's script goes to: `location.href='…'`, `window.location='…'`, `location.assign('…')`, `window.open('…')`. */
const SCRIPT_GOES_TO = /(?:\blocation(?:\.href)?\s*=\s*|\blocation\.(?:assign|replace)\s*\(\s*|\bwindow\.open\s*\(\s*)(["'])([^"'\s]+)\1/;

/** A page's address as a pager's `tagname` holds it. */
const TAGGED_PAGE = /^[^\s'"<>]+\.s?html?(?:\?[^\s'"<>]*)?$/i;

function controlOf($: Doc, el: Element, pageUrl: string): PagerControl {
  const node = $(el);
  // The image of an image button: the link's, or the control itself (`<img onclick>`, `<input type="image">`).
  const img = node.is(matching('img, input[type="image" i]')) ? node : findWithin($, node, 'img').first();
  const said = squash(node.text()) || squash(node.attr('title') ?? '') || squash(node.attr('value') ?? '') || squash(node.attr('alt') ?? '') || squash(img.attr('alt') ?? '') || squash(img.attr('title') ?? '');
  const rawHref = node.attr('href');
  const script = `${isScriptHref(rawHref) ? (rawHref ?? '') : ''} ${node.attr('onclick') ?? ''}`;
  // A control without a real link that goes to an address by script (`<button onclick="location.href='…'">`).
  // EasySite's pager keeps each page's address in `tagname` (`<a href="javascript:void(0)" tagname="/web/…/7c1e4a9f-3.html"
  // onclick="queryArticleByCondition(this,'…')">`, its script fetching that page: round 112b).
  const tagged = node.attr('tagname');
  const goesTo = isScriptHref(rawHref) ? (SCRIPT_GOES_TO.exec(script)?.[2] ?? (tagged && TAGGED_PAGE.test(tagged) ? tagged : undefined)) : undefined;
  const href = isScriptHref(rawHref) ? resolveLink(goesTo, documentBase($, pageUrl)) : resolveLink(rawHref, documentBase($, pageUrl));
  // An image button without words says what it does by its file name (`next.gif`, `xyy.gif`: icon-pager.ts).
  const text = said || (img.length ? imageControlWord(img.attr('src'), href, pageUrl) : '');
  const dataPage = node.attr('data-page') ?? node.attr('data-pageno') ?? node.attr('data-index');
  let scriptArg: number | null = null;
  if (dataPage && /^\d+$/.test(dataPage.trim())) scriptArg = Number(dataPage.trim());
  else {
    const m = SCRIPT_PAGE.exec(script);
    if (m?.[1]) scriptArg = Number(m[1]);
  }
  const marks = `${node.attr('class') ?? ''} ${node.attr('id') ?? ''} ${node.attr('rel') ?? ''}`;
  const markedNext = /(^|[\s_-])(next|nextpage|next-page|page-next|pagenext|xyy)($|[\s_-])/i.test(marks) && !/(prev|disabled)/i.test(marks);
  return { text, href, scriptArg, markedNext };
}

/**
 * A `<nav>` that is the list's pager, not the site's menu (Bootstrap `<nav aria-label="pagination">`, `nav.pagination`,
 * a WordPress theme's `<nav class="navigation posts-navigation">` of "较早文章" / "较新文章").
 */
const PAGINATION_NAV =
  'nav[aria-label*="pag" i], nav[aria-label*="页"], nav[class*="pag"], nav:has(.pagination), nav:has(ul.pager), nav[class*="posts-navigation"], nav:has(.nav-previous):not(.post-navigation)';

/** Every element that can act as a pager control: links, and buttons/spans with an onclick or a data-page. */
function controls($: Doc, pageUrl: string): PagerControl[] {
  return $('a, [onclick], [data-page], [data-pageno]')
    .toArray()
    .filter((el) => !$(el).closest(matching('header, footer, nav, .nav, .header, .footer, .breadcrumb, .position, .crumb')).not(matching(PAGINATION_NAV)).length)
    .map((el) => controlOf($, el as Element, pageUrl));
}

/** The longest text a pager control shows: a Chinese one is short ("下一页>>"), an English one longer ("« Previous Entries"). */
const controlMax = (text: string) => (/^[\x20-\x7e«»‹›]+$/.test(text) ? 24 : 16);

function isNextControl(c: PagerControl): boolean {
  if (c.markedNext && !NOT_NEXT.test(c.text) && c.text.length <= controlMax(c.text)) return true;
  if (!c.text || c.text.length > controlMax(c.text) || NOT_NEXT.test(c.text)) return false;
  return NEXT_WORDS.test(c.text) || NEXT_ARROWS.test(c.text);
}

/**
 * "当前第3/5页", "第3/5页", "页次：3/5", "当前第3页", "第3页/共5页", and JEECMS's "当前 3/5 页" (no 第): the page number the
 * pager prints, when it is no more than the count.
 */
const STATED_PAGE = /(?:当前\s*(?:页\s*[:：]?\s*)?(?:第\s*)?(\d{1,4})\s*(?:\/\s*(\d{1,4})\s*)?页|第\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*页|页次\s*[:：]?\s*(\d{1,4})\s*\/\s*(\d{1,4})|第\s*(\d{1,4})\s*页\s*\/?\s*共\s*(\d{1,4})\s*页|当前页\s*[:：]?\s*(\d{1,4})\s*\/\s*(\d{1,4}))/;

export function statedCurrentPage(text: string): number | null {
  const m = STATED_PAGE.exec(text);
  if (!m) return null;
  const groups = [[m[1], m[2]], [m[3], m[4]], [m[5], m[6]], [m[7], m[8]], [m[9], m[10]]].find(([cur]) => cur !== undefined)!;
  const current = Number(groups[0]);
  const of = groups[1] === undefined ? null : Number(groups[1]);
  return current >= 1 && (of === null || current <= of) ? current : null;
}

/** A pager's control words, which a bare "3/3" beside them makes its page count. */
const PAGER_WORDS = /上一页|下一页|上页|下页|首页|尾页|末页/;

/**
 * A pager's bare counter ("3/3", announced.ts bareCounter) beside its 上一页 / 下一页 (PHPCMS's `<span>3/3</span>`,
 * round 66d): page N. A page's address may not say it (a pager appending `&page=3` to `&page=2`).
 */
function bareFractionPage($: Doc): number | null {
  const counter = bareCounter($);
  return counter && PAGER_WORDS.test(squash(counter.el.parent().text())) ? counter.current : null;
}

/** The 1-based number of this page: the pager's highlighted entry, the URL's page parameter or index_N, else 1. */
export function currentPageNumber($: Doc, pageUrl: string): number {
  const marked = $('.current, .active, .on, .cur, .curr, .selected, .page-cur, font[color], b, strong')
    .toArray()
    .map((el) => squash($(el).text()))
    .find((t) => /^\d{1,4}$/.test(t) && t !== '0');
  // Only trust a highlighted number that sits among pager links (not a bold figure in the text).
  if (marked && $('a').toArray().some((a) => squash($(a).text()) === String(Number(marked) + 1) || squash($(a).text()) === String(Number(marked) - 1))) {
    return Number(marked);
  }
  // A current number written as plain text beside the numbered links ("<a>1</a> [2] <a>3</a>").
  const unlinked = unlinkedCurrentPage($);
  if (unlinked !== null) return unlinked;
  // The pager's own words: "当前第3/3页", "第3页/共3页", "页次：3/3".
  const text = squash($('body').text());
  const said = statedCurrentPage(text) ?? (/\d\s*\/\s*\d/.test(text) && PAGER_WORDS.test(text) ? bareFractionPage($) : null);
  if (said !== null) return said;
  const u = new URL(pageUrl);
  for (const key of ['page', 'pageNo', 'pageNum', 'pageIndex', 'p', 'pn', 'curPage', 'cur_page', 'currpage', 'current', 'currentPage']) {
    const v = u.searchParams.get(key);
    if (v && /^\d+$/.test(v)) return Number(v);
  }
  const m = /\/(?:[A-Za-z]\w*_)?(\d{1,4})\.[sj]?html?$/.exec(u.pathname);
  // index_N is 0-based on TRS (index_1 is page 2); a bare N.html is 1-based, and so is JEECMS's index_N.jhtml.
  if (m?.[1]) return /\/index_\d+\.s?html?$/.test(u.pathname) ? Number(m[1]) + 1 : Number(m[1]);
  return 1;
}

/**
 * The URL template shown by the pager's real numbered links: for each link whose text is page k and whose URL
 * carries a number m, the offset m - k; when the offsets agree, page n is that URL with n + offset. Page 1 is
 * often the bare index, so the template is only used for n ≥ 2.
 */
export function siblingTemplate($: Doc, pageUrl: string): PageTemplate | null {
  const samples: { k: number; url: string; m: number; at: number }[] = [];
  $('a[href]').each((_, el) => {
    const a = $(el as Element);
    const text = squash(a.text());
    if (!/^\d{1,4}$/.test(text)) return;
    const rawHref = a.attr('href');
    if (isScriptHref(rawHref)) return;
    const url = resolveLink(rawHref, documentBase($, pageUrl));
    if (!url) return;
    const nums = [...url.matchAll(/\d+/g)];
    const last = nums[nums.length - 1];
    if (!last || last.index === undefined) return;
    samples.push({ k: Number(text), url, m: Number(last[0]), at: last.index });
  });
  const usable = samples.filter((s) => s.k >= 2);
  if (!usable.length) return null;
  const offset = usable[0]!.m - usable[0]!.k;
  if (!usable.every((s) => s.m - s.k === offset)) return null;
  const model = usable[0]!;
  return (n: number) => (n < 2 ? null : `${model.url.slice(0, model.at)}${n + offset}${model.url.slice(model.at + String(model.m).length)}`);
}

/** The page number a script control's argument stands for: numbered script links show how arguments map to pages. */
function pageOfScriptArg(all: PagerControl[], arg: number): number {
  const numbered = all.filter((c) => c.scriptArg !== null && /^\d{1,4}$/.test(c.text));
  if (numbered.length) {
    const offset = Number(numbered[0]!.text) - numbered[0]!.scriptArg!;
    if (numbered.every((c) => Number(c.text) - c.scriptArg! === offset)) return arg + offset;
  }
  return arg;
}

export interface GenericPagerOptions {
  /** The family's own URL template for 1-based page n, used when the page shows none. */
  template?: PageTemplate;
  /** The cursor this page was asked with (what the list's page before told it: `TRS_FROM_ZERO`). */
  cursor?: ListCursor;
}

/** The URL of the next list page, or null on the last page (or when no pager can be read). */
export function nextPageUrl(html: string, pageUrl: string, opts: GenericPagerOptions = {}): string | null {
  const $ = loadHtml(html);
  const all = controls($, pageUrl);
  const template = () => siblingTemplate($, pageUrl) ?? opts.template ?? queryTemplate(pageUrl) ?? formTemplate($, pageUrl) ?? functionTemplate(html, pageUrl);
  const usable = (url: string | null) => (url && url !== pageUrl ? url : null);
  const declared = usable(resolveLink($('link[rel="next"]').attr('href'), documentBase($, pageUrl)));
  if (declared) return declared;
  for (const c of all.filter(isNextControl)) {
    if (c.href) {
      const url = usable(c.href);
      if (url) return url;
      continue;
    }
    if (c.scriptArg !== null) {
      const url = usable(template()?.(pageOfScriptArg(all, c.scriptArg)) ?? null);
      if (url) return url;
    }
  }
  // No next control: the numbered entry after the current page.
  const want = currentPageNumber($, pageUrl) + 1;
  for (const c of all) {
    if (c.text !== String(want)) continue;
    if (c.href) {
      const url = usable(c.href);
      if (url) return url;
    } else if (c.scriptArg !== null) {
      const url = usable(template()?.(want) ?? null);
      if (url) return url;
    }
  }
  // Last, a jump menu of page files, a jump form with a page-number field, or a link to where the next page is by
  // its address alone (an icon-only or oddly worded control: next-address.ts), or by its number among the icons of
  // a pager of images that say nothing (icon-pager.ts).
  return (
    selectNextPage($, pageUrl) ??
    usable(jumpFormNextPage($, html, pageUrl)) ??
    addressedNextPage($, pageUrl) ??
    iconPagerNextPage($, pageUrl, announcedTotals(html).announcedPages, currentPageNumber($, pageUrl))
  );
}

/**
 * A pager that is only a GET jump form ("共3页 第1页 转到第<input name="pageNo">页 [跳转]"): the form's address with
 * the next page's number, while the announced page count says there is a next page.
 */
function jumpFormNextPage($: Doc, html: string, pageUrl: string): string | null {
  const pages = announcedTotals(html).announcedPages;
  if (!pages || pages < 2) return null;
  const current = currentPageNumber($, pageUrl);
  return current < pages ? (formTemplate($, pageUrl)?.(current + 1) ?? null) : null;
}

/**
 * Link texts of a per-year menu: 2024 / 2023年 / 2023年度 / 2023年报, the last tab's 2022年度及以前 (round 34e), and a
 * menu of publication years, 2025年发布 (a Beijing district's folders named for the year the reports went up, round 73d).
 */
const BARE_YEAR = /^((?:19|20)\d{2})\s*(?:年|年度|年报|年年报|年度报告|年度年报|年发布|年度发布|年公布)?(?:及以前|及之前|以前|之前|及更早)?$/;
/** A year menu's link text: 2023, 2023年度, and the same written in Chinese numerals (二〇二三年, full-width digits). */
const isBareYear = (text: string) => BARE_YEAR.test(chineseYearsToDigits(squash(text).normalize('NFKC')));
const REPORT_HEADING = /(年报|年度报告)/;
/** An address ending in a folder or file named by a year alone: `2022/`, `2022/index.html`, `2022.html`. */
const YEAR_PATH = /\/((?:19|20)\d{2})(?:\/(?:index\.\w+)?|\.s?html?)$/;

/**
 * What a year menu's link says: its text, else its title, the alt or title of the image it shows (a year button drawn
 * as an image, an image map's `<area alt>`), else, for a link that shows an image and nothing else, the year its
 * address names (`<a href="2022/"><img src="btn2022.png"></a>`).
 */
function yearMenuText(a: ReturnType<Doc>): string {
  const img = a.find('img').first();
  const said = squash(a.text()) || squash(a.attr('title') ?? '') || squash(a.attr('alt') ?? '') || squash(img.attr('alt') ?? '') || squash(img.attr('title') ?? '');
  if (said || !img.length) return said;
  const path = (a.attr('href') ?? '').split(/[?#]/)[0]!;
  return YEAR_PATH.exec(`/${path}`)?.[1] ?? '';
}

/** The heading naming the annual reports that captions a menu's link (its menu's caption, the heading before it, its tab pane's tab), or null. */
function headingNear($: Doc, el: Element): string | null {
  let node = $(el).parent();
  for (let depth = 0; depth < 5 && node.length; depth++, node = node.parent()) {
    // The menu's own caption (its first child), or the heading just before it.
    // A heading is short and links at most itself; a list of report titles is not a heading.
    if (node.is('body, html')) break;
    // A tab pane's caption is its tab, elsewhere on the page (`<a href="#tab-ndbg">政府信息公开年报</a>` over
    // `<div id="tab-ndbg">`): a year tab bar inside the 年报 pane of a 政府信息公开 page's tabs (round 34e).
    const tab = paneTabNamingReports($, node);
    if (tab) return tab;
    const caption = node.children().first();
    for (const candidate of [caption, node.prev()]) {
      const text = squash(candidate.text());
      const headingTag = candidate.is('h1, h2, h3, h4, h5, h6, dt, caption, legend, [class*=title], [class*=tit], [class*=hd], [class*=head]');
      const plainText = !candidate.is('ul, ol, table, li, tr') && candidate.find('a').length === 0;
      if (text && text.length <= 40 && (headingTag || plainText) && REPORT_HEADING.test(text)) return text;
    }
  }
  return null;
}

/** The text of an element's tab when it is a tab pane whose tab (a link or control naming it by `#id`) names the annual reports. */
function paneTabNamingReports($: Doc, node: ReturnType<Doc>): string | null {
  const id = node.attr('id');
  if (!id || !/^[\w-]+$/.test(id)) return null;
  const tabs = $(`a[href="#${id}"], [data-target="#${id}"], [data-bs-target="#${id}"], [aria-controls="${id}"]`).toArray();
  for (const t of tabs) {
    const text = squash($(t).text());
    if (text.length <= 40 && REPORT_HEADING.test(text)) return text;
  }
  return null;
}

/** The page itself is about the annual reports: its <title>, main heading or breadcrumb names them. */
function pageNamesReports($: Doc): boolean {
  return pageReportsName($) !== null;
}

/** What names the annual reports on the page (its main heading, <title> or breadcrumb, in that order), or null. */
function pageReportsName($: Doc): string | null {
  for (const text of [$('h1').first().text(), $('title').text(), $('.position, .breadcrumb, .crumb, .location, .dqwz').first().text()]) {
    const said = squash(text);
    if (REPORT_HEADING.test(said)) return said.length <= 60 ? said : (said.split(/\s*[>＞»›|_-]\s*/).find((part) => REPORT_HEADING.test(part)) ?? null);
  }
  return null;
}

/**
 * Year columns of a per-year annual-report menu: links whose text is a bare year, under a heading naming 年报 /
 * 年度报告, or (two or more side by side) on a page whose title or breadcrumb names them. They lead to list pages
 * (one per year), so they are pages to read, not items.
 */
export function yearColumnLinks(html: string, pageUrl: string): string[] {
  return yearColumns(html, pageUrl).map((c) => c.url);
}

/** A year's column of a per-year 年报 menu, and the report title its link stands for (the menu's heading and year). */
export interface YearColumn {
  url: string;
  /** "政府信息公开年报（2023年）": what the report is titled by when its column's address answers the file itself. */
  reportTitle: string;
}

/** yearColumnLinks, each with the title of the report its year stands for (from the heading that made it a year menu). */
export function yearColumns(html: string, pageUrl: string): YearColumn[] {
  const $ = loadHtml(html);
  const groups = new Map<Element, { el: Element; url: string; text: string }[]>();
  $('a[href], area[href]').each((_, el) => {
    const a = $(el as Element);
    const text = yearMenuText(a);
    if (!isBareYear(text)) return;
    if (isScriptHref(a.attr('href')) || a.closest('header, footer, .header, .footer').length) return;
    const url = resolveLink(a.attr('href'), documentBase($, pageUrl));
    if (!url || url === pageUrl) return;
    const box = (a.closest('ul, ol, dl, table, div').get(0) ?? a.parent().get(0)) as Element;
    groups.set(box, [...(groups.get(box) ?? []), { el: el as Element, url, text }]);
  });
  // A year menu drawn as a <select> whose change goes to the chosen option's address (jump-menu.ts).
  for (const menu of jumpMenus($, pageUrl)) {
    // A year's option that is the report's file is an item (yearMenuFiles), not a column.
    const years = menu.options.filter((o) => isBareYear(o.text) && !ATTACHMENT_EXT.test(new URL(o.url).pathname)).map((o) => ({ el: o.el, url: o.url, text: squash(o.text) }));
    if (years.length) groups.set(menu.select, years);
  }
  // A year filter submitted as a GET form (`<select name="year">` + 查询): each year not shown is a list page.
  for (const links of yearFormOptions($, pageUrl, isBareYear)) if (links.length) groups.set(links[0]!.el.parent as Element, links.map((l) => ({ ...l, text: squash($(l.el).text()) })));
  const out = new Map<string, string>();
  let pageNamed: string | null | undefined;
  for (const links of groups.values()) {
    let near: string | null = null;
    for (const l of links) if ((near = headingNear($, l.el))) break;
    if (!near && links.length >= 2 && pageNamed === undefined) pageNamed = pageReportsName($);
    const heading = near ?? (links.length >= 2 ? pageNamed : null);
    if (heading) for (const l of links) if (!out.has(l.url)) out.set(l.url, `${heading}（${l.text}）`);
  }
  return [...out].map(([url, reportTitle]) => ({ url, reportTitle }));
}

/**
 * A family's result completed with what any list page may carry: when the family gave no next request, the
 * TRS pager script's or else the generic pager's; the year columns of a per-year 年报 menu, its sub-columns named by
 * their part (往年年报, 部门年报) and, on a page listing no
 * report, the 年报 column its menu names and the frame it shows its list in (report-column.ts) (never items); and agency-name links under a year
 * heading, titled as the reports they stand for.
 */
export function withGenericPaging(read: ListPageResult, html: string, pageUrl: string, opts: GenericPagerOptions = {}): ListPageResult {
  // A server's folder listing: its files by their whole names, the folders below as its further pages.
  const listing = /Index of|Directory listing/i.test(html) ? folderListingOf(html, pageUrl) : null;
  const result = listing ? { ...read, items: listing.files } : read;
  const next: NextListRequest[] = [...result.next];
  const notes = [...(result.notes ?? [])];
  let deadEnd: string | null = null;
  // A pager script read (TRS's createPageHTML), its last page included: the page's pager is known.
  let pagerRead = next.length > 0;
  if (!next.length) {
    // A TRS pager script decides, last page included, whichever family read the page; else the generic pager.
    const trs = parseTrsPager(html, pageUrl, opts.cursor?.[TRS_FROM_ZERO] === 1);
    pagerRead = trs !== null;
    // Script controls whose call submits the page's POST form of a page field (goPage(2) setting `page` and posting)
    // say how the next page is asked: that POST, before any address guessed for the call by a family's page naming
    // (TRS index_N), which such a page (a search's result page, its address a token) never has.
    const posted = trs ? null : scriptedPostFormNext(html, pageUrl);
    const url = trs ? (trs.current + 1 < trs.pageCount ? trsPageUrl(trs, trs.current + 1, pageUrl) : null) : posted ? null : nextPageUrl(html, pageUrl, opts);
    const postBack = url || trs ? null : (posted ?? postBackNext(html, pageUrl) ?? postFormNext(html, pageUrl));
    // A div-first pager counting from 0 tells the next page so: its own call cannot (trs-pager.ts `zeroBased`).
    if (url) next.push(trs?.fromZero ? { url, cursor: { [TRS_FROM_ZERO]: 1 } } : { url });
    else if (postBack) next.push(postBack);
    else if (!trs) {
      const guess = announcedNextPage(html, pageUrl, opts);
      // A jump form on a page announcing no page count: its next page asked as a probe (probed-pages.ts).
      const probe = guess || !result.items.length || announcedTotals(html).announcedPages ? null : jumpFormProbeOf(html, pageUrl);
      if (guess) {
        next.push({ url: guess.url });
        notes.push(guess.note);
      } else if (probe) {
        next.push(probe.request);
        notes.push(probe.note);
      } else deadEnd = pagerDeadEnd(html, pageUrl);
    }
  }
  // Titles without a year get the year of their group heading or column first: a list of "政府信息公开工作年度报告"
  // under year headings lists reports, and its items are not menu links to a 年度报告 column.
  // Then a report title without a year beside a date or naming a file whose name has one (bare-report-year.ts).
  const bare = withBareReportYears(withColumnYear(html, result.items, pageUrl));
  notes.push(...bare.notes);
  const dated = bare.items;
  const elsewhere = listElsewhere(html, pageUrl, dated);
  const agencyOf = new Map(elsewhere.flatMap((e) => (e.columnAgency ? [[e.url, e.columnAgency] as const] : [])));
  // The agencies' 年报 columns a jump menu leads to ("--请选择部门--"), whether or not this page lists reports.
  const $ = loadHtml(html);
  // No pager read and none announced: an empty pager box its script fills is the only sign of later pages.
  const drawnPager = !pagerRead && !next.length && !deadEnd && result.items.length ? drawnPagerBox($, html) : null;
  // The page's jump menus, read once for the agencies' menus and the year menus below.
  const jumps = jumpMenus($, pageUrl);
  const menus = agencyMenus($, pageUrl, pageNamesReports($), jumps);
  for (const m of menus.columns) if (!agencyOf.has(m.url)) agencyOf.set(m.url, m.columnAgency);
  if (menus.unread.length) deadEnd ??= `its drop-down of the agencies' annual-report columns leads nowhere that could be read for ${menus.unread.length} of them (${menus.unread.slice(0, 3).join('、')})`;
  // A year drop-down whose handler builds the address in a function the page does not define (`zkNbYear(this)` in the
  // site's script file, round 101c): the site's scripts are fetched and the page read again (handlers.ts); said if
  // still unread.
  const unreadYears = yearMenusUnread($, jumps);
  if (unreadYears.length) deadEnd ??= `its year drop-down leads nowhere that could be read for ${unreadYears.length} years (${unreadYears.slice(0, 3).join('、')})`;
  const yearCols = yearColumns(html, pageUrl);
  const reportTitleOf = new Map(yearCols.map((c) => [c.url, c.reportTitle] as const));
  const labelled = labelledSubColumns(html, pageUrl);
  const years = new Set([...yearCols.map((c) => c.url), ...subColumnLinks(html, pageUrl, labelled), ...elsewhere.map((e) => e.url), ...menus.columns.map((m) => m.url), ...(listing?.folders ?? [])]);
  for (const n of next) years.delete(n.url);
  // A year filter posted as a form (each year's list under one address, the year in the POST or its session).
  for (const post of yearPostForms($, pageUrl, isBareYear)) if (!next.some((n) => n.uniqueKey === post.uniqueKey)) next.push(post);
  // A directory's agency column carries the agency its link names, for reports whose pages name none.
  const hubs = new Set(elsewhere.flatMap((e) => (e.hub ? [e.url] : [])));
  const ownSites = new Set(elsewhere.flatMap((e) => (e.ownSite ? [e.url] : [])));
  const directories = new Set(elsewhere.flatMap((e) => (e.directory ? [e.url] : [])));
  // A sub-column its link labels as one (部门年报: an Epoint tree's openSubPage shells, round 95b) is named too: a shell
  // its script draws is drawn in the browser (handlers.ts, drawn-column.ts), as a 年报 column the page links is.
  const namedColumns = new Set([...elsewhere.flatMap((e) => (e.namedColumn ? [e.url] : [])), ...labelled]);
  next.push(
    ...[...years].map((url) => ({
      url,
      ...(agencyOf.has(url) ? { columnAgency: agencyOf.get(url)! } : {}),
      ...(hubs.has(url) ? { hub: true as const } : {}),
      ...(ownSites.has(url) ? { ownSite: true as const } : {}),
      ...(directories.has(url) ? { directory: true as const } : {}),
      ...(namedColumns.has(url) ? { namedColumn: true as const } : {}),
      ...(reportTitleOf.has(url) ? { reportTitle: reportTitleOf.get(url)! } : {}),
    })),
  );
  const listed = years.size ? dated.filter((i) => !years.has(i.url)) : dated;
  const items = [...listed, ...yearMenuFiles($, pageUrl, isBareYear).filter((f) => !listed.some((i) => i.url === f.url))];
  const undated = [...(result.undatedReports ?? []), ...bare.undated];
  return {
    items: titleAgencyLinks(html, items, pageUrl),
    next,
    ...(notes.length ? { notes } : {}),
    ...(deadEnd ? { deadEnd } : {}),
    ...(drawnPager ? { drawnPager } : {}),
    ...(undated.length ? { undatedReports: undated } : {}),
    ...(menus.unread.length || unreadYears.length ? { unreadMenus: [...menus.unread, ...unreadYears] } : {}),
  };
}

/**
 * The years of the page's year drop-downs (two years or more) whose change handler gave no address. A menu in a form,
 * or whose change submits one, is a year filter read by its form (yearFormOptions, yearPostForms: round 88d).
 */
function yearMenusUnread($: Doc, menus: ReturnType<typeof jumpMenus>): string[] {
  return menus.flatMap((menu) => {
    const select = $(menu.select);
    if (select.closest('form').length || /\.submit\s*\(/.test(select.attr('onchange') ?? '')) return [];
    const years = menu.unread.filter((o) => isBareYear(o.text)).map((o) => o.text);
    return years.length >= 2 ? years : [];
  });
}

/** An ASP.NET pager's next page: the form posted back with the next control's target and argument (postback.ts). */
function postBackNext(html: string, pageUrl: string): NextListRequest | null {
  if (!html.includes('__doPostBack')) return null;
  const $ = loadHtml(html);
  return postBackNextPage($, pageUrl, currentPageNumber($, pageUrl), (text) => isNextControl({ text, markedNext: false, href: null, scriptArg: null }));
}

/**
 * A POST form pager's next page: its script controls read as the generic pager reads them (post-form-pager.ts), else
 * its own submit button with the next page's number (post-jump-form.ts).
 */
function postFormNext(html: string, pageUrl: string): NextListRequest | null {
  if (!/method\s*=\s*["']?post/i.test(html)) return null;
  const $ = loadHtml(html);
  return scriptedPostFormNext(html, pageUrl) ?? postJumpFormNextPage($, pageUrl, announcedTotals(html).announcedPages, () => currentPageNumber($, pageUrl));
}

/** The POST form pager's next page as its script controls (no href, a page argument) ask it (post-form-pager.ts). */
function scriptedPostFormNext(html: string, pageUrl: string): NextListRequest | null {
  if (!/method\s*=\s*["']?post/i.test(html) || !/\.submit\s*\(/.test(html)) return null;
  const $ = loadHtml(html);
  const all = controls($, pageUrl);
  const scripted = all
    .filter((c) => !c.href && c.scriptArg !== null)
    .map((c) => ({ text: c.text, page: pageOfScriptArg(all, c.scriptArg!), next: isNextControl(c) }));
  return postFormNextPage($, html, pageUrl, scripted);
}

function jumpFormProbeOf(html: string, pageUrl: string): ReturnType<typeof jumpFormProbe> {
  if (!/<form/i.test(html)) return null;
  const $ = loadHtml(html);
  return jumpFormProbe($, pageUrl, () => currentPageNumber($, pageUrl));
}

const DATASTORE_ANSWER = /^\s*(?:<\?xml[^>]*>\s*)?<datastore>/i;

/**
 * A pager that announces more pages than this one ("共2页" on page 1) but offers no control any reader can follow (a
 * form posted by a script nianbao does not read, a pager drawn from state it cannot see): said, never silent. The
 * seed's own page is checked against its pages read anyway; this covers the lists its sub-columns lead to.
 */
function pagerDeadEnd(html: string, pageUrl: string, drawn = 0): string | null {
  // A Hanweb dataproxy's answer (`<datastore><totalpage>2</totalpage>…` for a window of records) counts pages of the
  // window's size: its column is paged by record windows, and told short by its records (seed-tally.ts), round 77c.
  if (DATASTORE_ANSWER.test(html)) return null;
  const pages = announcedTotals(html).announcedPages;
  if (!pages || pages < 2) return null;
  const last = currentPageNumber(loadHtml(html), pageUrl) + drawn;
  return last < pages ? `its pager announces ${pages} pages and no way to page ${last + 1} could be read` : null;
}

/** Whether a page's dead end is its pager's (announcing pages no control leads to), not another of its readings'. */
export function isPagerDeadEnd(deadEnd: string | undefined, html: string, pageUrl: string): boolean {
  return !!deadEnd && deadEnd === pagerDeadEnd(html, pageUrl);
}

/**
 * A list page's dead end once the browser turned its pager and drew `drawn` pages after it (their links appended to
 * the page, browser-lane.ts): the pages drawn were read, so the pager is a dead end only past them. Any other dead
 * end (an agencies' drop-down that leads nowhere) stands.
 */
export function deadEndAfterDrawn(deadEnd: string | undefined, html: string, pageUrl: string, drawn: number): string | undefined {
  if (!deadEnd || !drawn || deadEnd !== pagerDeadEnd(html, pageUrl)) return deadEnd;
  return pagerDeadEnd(html, pageUrl, drawn) ?? undefined;
}

/**
 * A pager that is text only ("共3页 当前第1页 下一页" in spans, no link, no script): the page after this one by the
 * URL template the page's links show or the family's naming (TRS index_N), while the announced count says there
 * is one. A guess, so it is returned with a note for the page's recorded outcome.
 */
export function announcedNextPage(html: string, pageUrl: string, opts: GenericPagerOptions): { url: string; note: string } | null {
  const pages = announcedTotals(html).announcedPages;
  if (!pages || pages < 2) return null;
  const $ = loadHtml(html);
  const current = currentPageNumber($, pageUrl);
  if (current >= pages) return null;
  const sibling = siblingTemplate($, pageUrl);
  const template = sibling ?? opts.template;
  const url = template?.(current + 1);
  if (!url || url === pageUrl) return null;
  const how = sibling ? 'the URL pattern of its numbered links' : "the family's page naming";
  return { url, note: `guessed page ${current + 1} of ${pages} by ${how}: the pager announces ${pages} pages but links none` };
}

/** A folder listing's files and folders (folder-listing.ts), or null for any other page. */
function folderListingOf(html: string, pageUrl: string): { files: ListItem[]; folders: string[] } | null {
  const $ = loadHtml(html);
  return isFolderListing($) ? folderListing($, pageUrl) : null;
}
