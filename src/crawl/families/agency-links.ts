/**
 * The aggregator reading, usable on any list page: under a heading that names the year and the annual reports
 * ("2023年度市直部门政府信息公开工作年度报告"), a link whose whole text is an agency name ("市教育局") stands for
 * that agency's report of that year, and is given the title it stands for. Per-year index pages are reached from
 * seeds of every family, so this is not left to the aggregator family alone.
 */
import type { Element } from 'domhandler';
import { isAgencyName } from '../classify/agency.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear } from '../classify/year.ts';
import { resolveLink } from '../../download/scope.ts';
import { crumbBox } from '../crumb-agency.ts';
import { ATTACHMENT_EXT, documentBase, loadHtml, squash, type Doc } from '../html.ts';
import { clickTarget, type ListItem } from '../list-page.ts';
import { unitKindTab } from './unit-kind.ts';

const COLLECTION = /(年度报告|年报)/;
const HEADINGS = ['h1', '.list-title', 'h2', 'h3', '.title', '.tit', 'caption', 'meta[name="ColumnName"]', 'title'];
const CHROME = 'header, footer, nav, .nav, .header, .footer, .position, .breadcrumb';

/**
 * The year of an aggregator page: from its main heading (or <title>) naming the annual reports, else null. A link's
 * title is no class-named heading: lists mark their rows' title cells `.tit` / `.title` too (`<td class="tit"><a>2024年度…年度报告
 * </a></td>`), and the first row's year made a list of several years an aggregator of that one.
 */
export function aggregatorYear($: Doc): number | null {
  const isLinkTitle = (el: Element) => {
    const node = $(el);
    if (node.closest('a[href]').length) return true;
    const links = node.find('a[href]');
    return links.length > 0 && squash(links.text()) === squash(node.text());
  };
  for (const sel of HEADINGS) {
    // Only class-named headings are doubted: an <h2> that is a link to its year's page is still a heading.
    const node = sel.startsWith('.') ? $(sel).filter((_, el) => !isLinkTitle(el as Element)).first() : $(sel).first();
    const text = squash(node.is('meta') ? (node.attr('content') ?? '') : node.text());
    if (text && COLLECTION.test(text)) {
      const year = parseReportYear(text);
      if (year) return year;
    }
  }
  return null;
}

/** What a document's title holds and no agency's name does: a year, 报告, 公告, 通知 … */
const DOCUMENT_WORDS = /(?:19|20)\d{2}\s*年|报告|年报|公告|通知|公报|要点/;
/**
 * Words of documents that agencies' names hold too (县预算评审中心, 县政务公开领导小组办公室): a document only when a
 * dash or colon signs it by the agency after them ("部门预算公开—县教育体育局").
 */
const SHARED_WORDS = /预算|决算|公开/;
const SIGNATURE = /[—–－\-:：|｜]/;

/** An attachment's numbering and its file's extension around a name: "附件1：县教育局.pdf", "2.县卫生健康局.docx". */
const FILE_NAME_EDGES = /^(?:附件\s*\d{0,2}\s*[:：.、．]?\s*|\d{1,2}\s*[.、．]\s*)|\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar)$/gi;

/**
 * The agency a link's text names when it names nothing else: the text itself, or an attachment named by the agency
 * alone ("县教育局.pdf", "附件2：县卫生健康局.docx": a summary article's files, one per department); else null.
 */
export function agencyOfLinkText(text: string): string | null {
  const name = squash(squash(text).replace(FILE_NAME_EDGES, ''));
  // A title signed by an agency ("2024年度法治政府建设情况报告—县司法局") ends like a name but is a document: a year
  // or a document's word says so.
  if (DOCUMENT_WORDS.test(name) || (SHARED_WORDS.test(name) && SIGNATURE.test(name))) return null;
  return isAgencyName(name) ? name : null;
}

/** Links whose whole text is an agency name (or a file named by one), outside the site chrome. */
export function agencyLinks($: Doc): Element[] {
  return $('a[href]')
    .toArray()
    .filter((el) => agencyOfLinkText($(el).text()) !== null && !$(el).closest(CHROME).length);
}

/** Boxes of links to other sites (友情链接, 部门网站, 站群导航): their agency names stand for the sites, not reports. */
const SITE_LINKS = /(链接|网站|导航|站群|友情)/;
/**
 * A menu of the units' disclosure pages (部门信息公开, 乡镇信息公开): its names lead to the units, not to their reports,
 * even on a report's page titled by a year alone (round 84a: a department's 2024 report page read as an index of four
 * units' 2024 reports through its side menu).
 */
const UNIT_DIRECTORY = /(?:部门|乡镇|街道|单位|机构)(?:政府)?信息公开(?!年报|年度|工作年度)/;
/**
 * A site's home page: a link to it is a link to the site. Its root, or a site group's unit site's folder on the shared
 * host (`/thxczj/index.shtml`: an article's top bar linking the county's and the bureau's own sites, round 62c).
 */
const HOME_PATH = /^\/(?:[\w-]+\/)?(?:(?:index|default|main)\.\w+)?$/i;

/**
 * The items (named by an agency only) that stand for reports: two or more on the page, none in a box of site links
 * or pointing at a home page.
 */
function reportAgencyLinks($: Doc, pageUrl: string, candidates: { url: string }[]): Set<string> {
  const want = new Set(candidates.map((i) => i.url));
  const byBox = new Map<Element, Set<string>>();
  const captioned = new Set<string>();
  const base = documentBase($, pageUrl);
  $('a[href]').each((_, el) => {
    const a = $(el as Element);
    const url = resolveLink(a.attr('href'), base);
    if (!url || !want.has(url) || a.closest(CHROME).length || HOME_PATH.test(new URL(url).pathname)) return;
    const box = a.closest('ul, ol, table, dl, div');
    const caption = squash(`${box.prev().text().slice(0, 40)} ${box.children().first().text().slice(0, 40)}`);
    if (SITE_LINKS.test(caption) || UNIT_DIRECTORY.test(caption)) return;
    const key = (box.get(0) ?? el) as Element;
    byBox.set(key, (byBox.get(key) ?? new Set()).add(url));
    if (headingYear(squash(box.children('caption').first().text() || box.prev().text().slice(0, 40))) !== null) captioned.add(url);
  });
  // A section may hold a single name (市政府: the city's own report), but the page must list two or more, unless its
  // one name is captioned by a year's reports (区政府 alone under "2021年度政府信息公开工作年度报告", round 100a).
  const all = [...byBox.values()].flatMap((urls) => [...urls]);
  return new Set(all.length >= 2 || all.every((url) => captioned.has(url)) ? all : []);
}

const YEAR_IN_HEADING = /((?:19|20)\d{2})\s*年/;
const HEADING_LIKE = 'h1, h2, h3, h4, h5, h6, dt, caption, legend, [class*=tit], [class*=hd], [class*=head]';

/** A short heading's year: "2022年度政府信息公开工作年度报告", "2022年". */
function headingYear(text: string): number | null {
  // Only a heading about the reports, or a bare year: a date line (2024年1月30日) is not a section's year.
  if (!text || text.length > 40 || !(COLLECTION.test(text) || /^(?:19|20)\d{2}\s*年度?$/.test(text))) return null;
  return parseReportYear(text) ?? (YEAR_IN_HEADING.exec(text) ? Number(YEAR_IN_HEADING.exec(text)![1]) : null);
}

/**
 * The year of the section a link sits in: the nearest heading before it (or its box's caption) that names a year.
 * A page that lists several years' departments (tabs, or one section per year) gives each link its own year.
 */
function sectionYear($: Doc, el: Element): number | null {
  let node = $(el);
  for (let depth = 0; depth < 6 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    for (const sib of node.prevAll().toArray()) {
      const s = $(sib);
      if (s.find('a[href]').length || s.is('ul, ol, table')) continue;
      const text = squash(s.text());
      if (!s.is(HEADING_LIKE) && text.length > 40) continue;
      const y = headingYear(text);
      if (y !== null) return y;
      if (s.is(HEADING_LIKE) && text) break; // the section's heading names no year: look no further up this level
    }
  }
  return null;
}

/**
 * Whether the section a link sits in is captioned for the annual reports: the nearest short text before it (a tree
 * node's label `<span>政府信息公开年报</span><ul>…`, a box's heading) names them and no year.
 */
function sectionNamesCollection($: Doc, el: Element): boolean {
  let node = $(el);
  for (let depth = 0; depth < 4 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    for (const sib of node.prevAll().toArray()) {
      const s = $(sib);
      if (s.find('a[href]').length || s.is('a, ul, ol, table')) continue;
      const text = squash(s.text());
      if (!text) continue;
      return text.length <= 20 && COLLECTION.test(text) && parseReportYear(text) === null && !/(?:19|20)\d{2}/.test(text);
    }
  }
  return false;
}

/**
 * Whether the page's own headings (or title) name the annual reports: "政府信息公开年报", "各单位年度报告"; or the page
 * is named by a kind of unit (县级部门, 乡镇（街道）) under the 年报 column its breadcrumb names: that kind's directory
 * of units' columns (round 109a: 营山's 年报 > 县级部门 > a column per department).
 */
function pageNamesCollection($: Doc): boolean {
  const heading = (sel: string) => {
    const node = $(sel).first();
    return squash(node.is('meta') ? (node.attr('content') ?? '') : node.text());
  };
  if (HEADINGS.some((sel) => COLLECTION.test(heading(sel)))) return true;
  const kind = ['h1', 'h2', 'meta[name="ColumnName"]'].some((sel) => unitKindTab.test(heading(sel))) || unitKindTab.test(heading('title').split(/[-_|｜—]/)[0] ?? '');
  const crumb = kind ? crumbBox($) : null;
  return crumb !== null && COLLECTION.test(squash($(crumb).text()));
}

/**
 * A directory of the agencies' own 年报 columns: on a page named for the annual reports (or in sections captioned so,
 * a column tree's 年报 node) that names no year (neither the page nor the link's section), two or more links whose whole text is an agency ("容城镇", "容城县教育局") lead
 * each to that agency's list of reports, so they are list pages, not items. Same-host only, files and scripts aside.
 */
export function agencyColumnLinks($: Doc, pageUrl: string): { url: string; columnAgency: string }[] {
  return columnsOfNamed($, pageUrl, [...agencyLinks($).map((el) => ({ el, agency: squash($(el).text()) })), ...rowEntryLinks($)]);
}

/** agencyColumnLinks of a page's markup. */
export function agencyColumnsOf(html: string, pageUrl: string): { url: string; columnAgency: string }[] {
  return agencyColumnLinks(loadHtml(html), pageUrl);
}

/**
 * The units' columns a table of units links by 进入 (rowEntryLinks), on a page that lists reports too (its other tabs'
 * grid of reports by year, round 82c): the agencyColumnLinks of those rows alone.
 */
export function rowEntryColumnLinks($: Doc, pageUrl: string): { url: string; columnAgency: string }[] {
  const rows = rowEntryLinks($);
  return rows.length ? columnsOfNamed($, pageUrl, rows) : [];
}

function columnsOfNamed($: Doc, pageUrl: string, all: { el: Element; agency: string }[]): { url: string; columnAgency: string }[] {
  if (aggregatorYear($) !== null) return [];
  const copies = unitCopies($, pageUrl, all);
  // The page named for the reports, or (a column tree: 政府信息公开年报 > 区政府, 区教育局) the links' own section.
  const named = all.length < 2 ? [] : pageNamesCollection($) ? all : all.filter(({ el }) => sectionNamesCollection($, el));
  if (named.length < 2) return copies;
  const base = documentBase($, pageUrl);
  const host = new URL(pageUrl).host;
  const candidates: { url: string; columnAgency: string }[] = [];
  for (const { el, agency } of named) {
    const href = $(el).attr('href') ?? '';
    const url = resolveLink(href, base);
    if (!url || /^\s*javascript:/i.test(href) || url === pageUrl || new URL(url).host !== host) continue;
    // A file (by its address, or by its name: "县教育局.pdf" behind a download endpoint) is no column.
    if (ATTACHMENT_EXT.test(new URL(url).pathname) || agencyOfLinkText(agency) !== agency || sectionYear($, el) !== null) continue;
    candidates.push({ url, columnAgency: agency });
  }
  const kept = reportAgencyLinks($, pageUrl, candidates);
  const columns = candidates.filter((c, i) => kept.has(c.url) && candidates.findIndex((d) => d.url === c.url) === i);
  return [...columns, ...copies.filter((c) => !kept.has(c.url))];
}

/**
 * A unit's own copy of the page's column on the same platform, linked by the unit's name alone from a page named for
 * the reports (`<a href="/lnwsjkj/gkmlpt/annualreport">县卫生健康局</a>` in the menu of `/gkmlpt/annualreport`: a
 * department's gkmlpt under the county's, 广东, round 111d): its address ends with the page's own path under a folder
 * of the unit's. A column of one unit, where agencyColumnLinks wants two or more.
 */
function unitCopies($: Doc, pageUrl: string, all: { el: Element; agency: string }[]): { url: string; columnAgency: string }[] {
  const page = new URL(pageUrl);
  if (!/^\/[^/]+\/[^/]/.test(page.pathname) || !pageNamesCollection($)) return [];
  const base = documentBase($, pageUrl);
  const out: { url: string; columnAgency: string }[] = [];
  for (const { el, agency } of all) {
    const url = resolveLink($(el).attr('href') ?? '', base);
    if (!url || agencyOfLinkText(agency) !== agency) continue;
    const u = new URL(url);
    if (u.host === page.host && u.pathname !== page.pathname && u.pathname.endsWith(page.pathname) && /^\/[\w-]+\/$/.test(u.pathname.slice(0, -page.pathname.length + 1))) out.push({ url, columnAgency: agency });
  }
  return out;
}

/** A link that only says "go in": 进入, 点击进入, 进入栏目, 访问. */
const ENTER_LABEL = /^(?:点击)?(?:进入|访问)(?:栏目|年报|专栏)?$/;

/**
 * Links saying only 进入 in table rows whose first cell names an agency (`<td>某区大华山镇人民政府</td><td><a>进入</a></td>`
 * under 单位名称 | 年报栏目, round 82c): each that agency's column, named by its row.
 */
function rowEntryLinks($: Doc): { el: Element; agency: string }[] {
  const out: { el: Element; agency: string }[] = [];
  $('tr').each((_, tr) => {
    const cells = $(tr).children('td');
    if (cells.length < 2) return;
    const agency = squash(cells.first().text());
    if (!agency || agencyOfLinkText(agency) !== agency) return;
    cells.slice(1).find('a[href]').each((_, a) => {
      if (ENTER_LABEL.test(squash($(a).text()))) out.push({ el: a as Element, agency });
    });
  });
  return out;
}

/**
 * Items whose title is a bare agency name, retitled as that agency's report of the year of their section, else of
 * the page's year (in place).
 */
export function titleAgencyLinks(html: string, items: ListItem[], pageUrl: string): ListItem[] {
  if (!items.some((i) => agencyOfLinkText(i.title) !== null)) return items;
  const $ = loadHtml(html);
  const pageYear = aggregatorYear($);
  // A page of the reports by its title or heading, or by its breadcrumb (政府信息公开年报 > 2024年: a year's page of a
  // 年报 tree whose own words say only the year, round 77a).
  const crumb = () => {
    const box = crumbBox($);
    return box ? squash($(box).text()) : '';
  };
  if (pageYear === null && !COLLECTION.test(squash(`${$('title').text()} ${$('h1, h2').first().text()}`)) && !COLLECTION.test(crumb())) return items;
  const eligible = reportAgencyLinks($, pageUrl, items.filter((i) => agencyOfLinkText(i.title) !== null));
  const yearOf = new Map<string, number>();
  const base = documentBase($, pageUrl);
  $('a[href]').each((_, el) => {
    const url = resolveLink($(el as Element).attr('href'), base);
    if (!url || !eligible.has(url) || yearOf.has(url)) return;
    const y = sectionYear($, el as Element) ?? pageYear;
    if (y !== null) yearOf.set(url, y);
  });
  for (const item of items) {
    const year = yearOf.get(item.url);
    const agency = agencyOfLinkText(item.title);
    if (year === undefined || classifyTitle(item.title).isReport || agency === null) continue;
    item.title = `${agency}${year}年政府信息公开工作年度报告`;
    item.namedByAgency = true;
  }
  return items;
}

/**
 * How many links of a drawn page are units' names opening by script only (`<a href="javascript:parent.xxgkUnit(…,
 * '县教育局')">县教育局</a>`: a dTree of units in a frame, round 109b), their lists reached by no address a crawl could
 * ask. Counted so that the seed says so.
 */
export function scriptUnitLinks(html: string, pageUrl: string): number {
  if (!html.includes('javascript:')) return 0;
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const names = new Set<string>();
  $('a[href^="javascript:"], a[href^="JavaScript:"]').each((_, el) => {
    const a = $(el);
    const text = squash(a.text());
    if (text && agencyOfLinkText(text) === text && isAgencyName(text) && !clickTarget(a, base)) names.add(text);
  });
  return names.size;
}
