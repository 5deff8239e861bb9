/**
 * Where the list of a page that lists no report really is: the annual-report column named in its menu, or the
 * frame it shows its list in.
 *
 * The annual-report column named in a page's menu. A seed may be an agency's 政府信息公开 homepage or guide rather
 * than its 年报 list: the standard platform (国办公开办函〔2019〕61号) puts 政府信息公开年报 beside 指南, 制度 and
 * 法定主动公开内容, often as a sub-column whose label is only "年度报告". A page that lists no report itself is
 * read through such a link, as a list page (never as an item). A county's directory of its departments' and towns'
 * own 年报 columns, each link named by the agency only, is read the same way (agency-links.ts).
 */
import { articleAddress } from '../article-address.ts';
import { resolveLink } from '../../download/scope.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear } from '../classify/year.ts';
import { agencyColumnLinks, agencyLinks, agencyOfLinkText, rowEntryColumnLinks } from './agency-links.ts';
import { boxCaption, captionElement } from '../box-caption.ts';
import { paneTabLabel } from '../pane-tab.ts';
import { cardCaption } from '../card-caption.ts';
import { ownAgencyPage } from './own-branch.ts';
import { jumpMenus } from './jump-menu.ts';
import { letterBarLinks } from './letter-bar.ts';
import { siblingTabLinks } from './sibling-tabs.ts';
import { unitKindTab } from './unit-kind.ts';
import { pageLink } from './page-link.ts';
import { documentBase, loadHtml, squash, type Doc } from '../html.ts';
import { CHROME, clickTarget, titleNamesReports, type ListItem } from '../list-page.ts';
import { crumbBox } from '../crumb-agency.ts';
import { redirectTargets } from '../redirect-stub.ts';

/**
 * A column label naming the annual reports and nothing else: 年度报告, 信息公开年报, 政府信息公开工作年度报告… (no year);
 * or them with the disclosure guide, one column for both (指南年报, 公开指南及年报: a unit's category on a home-made
 * Inner Mongolia CMS, round 112a).
 */
const COLUMN_LABEL = /^(?:(?:政府)?(?:信息)?(?:公开)?指南(?:[和及与、暨])?)?(?:政府|政务)?(?:信息)?(?:公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目)?$/;

/**
 * A link back to the column from one of its articles, named by the column with a navigation word: "返回栏目：政府信息
 * 公开年报 >", "所属栏目：年度报告", "返回 年报列表" (a mobile article's bar, where a desktop page has a breadcrumb).
 * Round 34c: a shared H5 report's only way to its column was such a bar; its name was no column label.
 */
const COLUMN_BACK_LINK =
  /^(?:返回|回到|所属|进入|查看)(?:栏目|列表|频道|专栏)?[：:>»›|\-—]*(?:政府|政务)?(?:信息)?(?:公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目|列表)?[>»›]*$/;

/**
 * A menu entry naming a column of the reports by whose they are: 县政府信息公开年报, 市政府年报, 本级年报 (beside 部门信息公开年报,
 * which namesReportColumn knows). Read as a title it is a report's, of no year; it names a column.
 */
const OWNED_COLUMN_LABEL = /^(?:(?:省|市|县|区|旗|州|盟|乡|镇)(?:人民)?政府|本级|本机关)(?:信息)?(?:公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目|汇总)?$/;

/**
 * A link that names a column of the reports rather than one report: no year in its title, no date beside it, and a
 * title that is a column's label (年度报告, 部门信息公开年报, 县政府信息公开年报). A side menu's entries are such links on
 * every page of a 年报 section; round 38a: a 部门信息公开年报 page of department cards, each with its 公开年报 link, was
 * taken to list its reports itself (the menu's 县政府信息公开年报 read as one), and no department's link was followed.
 */
function namesColumnOnly(i: ListItem): boolean {
  if (i.date || parseReportYear(i.title) !== null) return false;
  const t = squash(i.title).replace(/\s/g, '');
  return namesReportColumn(t) || OWNED_COLUMN_LABEL.test(t);
}

/** Whether a page's items hold a report (or a cut title that may be one): then its list is on the page itself. */
function listsReport(items: ListItem[]): boolean {
  return items.some((i) => {
    if (namesColumnOnly(i)) return false;
    const v = classifyTitle(i.title);
    return v.isReport || v.maybe === true || i.maybe === true;
  });
}

/**
 * Whether a page showing a report is a page about other things that shows it in passing: a 政府信息公开 page's 最新公开
 * box (the newest report among a plan, a statistics table, a budget…) beside menus and column boxes. Its title, main
 * heading and breadcrumb name no annual report, and the reports are fewer than one in ten of its items (one report
 * alone, a quarter of them at most). Its menu's
 * 年报 column is still where the reports are (the older ones only there).
 */
function showsReportInPassing($: Doc, items: ListItem[]): boolean {
  const about = squash(`${$('title').text()} ${$('h1, h2').first().text()} ${$('.position, .breadcrumb, .crumb, .crumbs, .location').first().text()}`);
  if (NAMES_REPORTS.test(about)) return false;
  // Fewer than one in ten; or one report alone, a quarter of the items at most: a town's home page whose 政务公开 box
  // shows its newest report among a plan and a budget, its side menu naming the 年度报告 column (round 73c: ten items,
  // one a report, the other years only in the column). Two reports or more in so few items are a list of them.
  const reports = items.filter((i) => classifyTitle(i.title).isReport).length;
  return reports * 10 < items.length || (reports === 1 && reports * 4 <= items.length) || (reports > 0 && inLatestBox($));
}

/** A box of what went up last: 最新公开, 最新信息, 最新发布 (its caption). */
const LATEST_BOX = /^(?:最新|最近)(?:公开|信息|发布|更新|动态)/;

/**
 * Whether every report the page shows is in a box of the newest items (最新公开: the two newest reports beside a plan
 * on a 政府信息公开 page, round 80d): shown in passing, however few the page's other items.
 */
function inLatestBox($: Doc): boolean {
  let seen = 0;
  for (const el of $('a[href]').toArray()) {
    const a = $(el);
    const title = squash(a.attr('title') ?? '') || squash(a.text());
    if (!classifyTitle(title).isReport) continue;
    if (!LATEST_BOX.test(boxCaption($, a))) return false;
    seen += 1;
  }
  return seen > 0;
}

/**
 * Where the list of a page that lists no report may be instead: where it redirects, its menu's annual-report
 * columns, then its frames (none when the page lists a report; only the menu's column when it shows one in passing,
 * showsReportInPassing). The page is parsed once for all.
 */
export function listElsewhereLinks(html: string, pageUrl: string, items: ListItem[]): string[] {
  return listElsewhere(html, pageUrl, items).map((l) => l.url);
}

/**
 * Where a list may be instead. `namedColumn`: a link naming the 年报 column itself (政府信息公开年报), not a hub page
 * (a hub's link names the disclosure pages).
 */
export interface ElsewhereLink {
  url: string;
  columnAgency?: string;
  hub?: true;
  ownSite?: true;
  namedColumn?: true;
  /** The units' directory by its link's name (部门信息公开: agencyPageLinks' DIRECTORY_LINK). */
  directory?: true;
}

/** Column links named as the 年报 column (a hub found in the agency's branch stays a hub). */
const named = (links: { url: string; columnAgency?: string; hub?: true }[]): ElsewhereLink[] => links.map((l) => (l.hub ? l : { ...l, namedColumn: true as const }));

/** listElsewhereLinks, each agency column with the agency its directory link names (agency-links.ts). */
export function listElsewhere(html: string, pageUrl: string, items: ListItem[]): ElsewhereLink[] {
  const $ = loadHtml(html);
  if (listsReport(items)) {
    // A platform's front page showing a report in passing is a front page still: its 部门信息公开 grid leads to the
    // units' own pages, each naming its own 年报 column (round 95a: a county's platform home showing its newest report
    // in a 最新 box, its departments' and towns' reports in their own columns).
    const passing = showsReportInPassing($, items);
    const columns = passing ? named(inOwnBranch($, pageUrl, columnLinks($, pageUrl).map((url) => ({ url })))) : [];
    const agencies = passing ? agencyPageLinks($, pageUrl).filter((a) => !columns.some((c) => c.url === a.url)) : [];
    return [...columns, ...agencies, ...unitBoxLinks($, pageUrl), ...rowEntryColumnLinks($, pageUrl), ...unitSwitcherLinks($, pageUrl)];
  }
  const plain = [...redirectTargets($, pageUrl).map((url) => ({ url })), ...named(inOwnBranch($, pageUrl, ownedColumnLinks($, pageUrl))), ...backToColumn($, pageUrl).map((url) => ({ url }))];
  const found = [...plain, ...agencyColumnLinks($, pageUrl), ...frameLinks($, pageUrl).map((url) => ({ url }))];
  // A platform's front page whose 年报 are (also) its departments' or towns' (a 部门信息公开 or 乡镇（街道）信息公开
  // grid): their pages beside its own 年报 column, which names only its own reports (round 33c: a county's page naming
  // its column and a grid of town sub-sites read the county's column alone, the towns' reports missed silently);
  // not on a page about the reports itself (an empty 年报 column leads nowhere else). Nothing at all: its menu's
  // disclosure pages.
  const aboutReports = titleNamesReports($);
  const agencies = aboutReports ? [] : agencyPageLinks($, pageUrl).filter((a) => !found.some((f) => f.url === a.url));
  // A directory named in the menu of a page naming its own 年报 column (a unit's page on a platform, its nav's
  // 部门信息公开) is the platform's, not this page's: only its column is read (round 28c).
  if (found.length || aboutReports) return [...found, ...agencies.filter((a) => !a.directory)];
  if (agencies.length) return agencies;
  // The portal's disclosure pages lead to the portal's own 年报; a page in an agency's branch reads that agency's page.
  const disclosure = disclosureLinks($, pageUrl);
  const branch = ownAgencyPage($, pageUrl);
  if (branch && !disclosure.some((url) => new URL(url).pathname.startsWith(branch.folder))) return [{ url: branch.url, hub: true as const }];
  if (disclosure.length) return disclosure.map((url) => ({ url, hub: true as const }));
  // Nor those: a page about the agency elsewhere (its page on a province's 政务服务 portal) leads to its own site.
  return ownSiteLinks($, pageUrl).map((url) => ({ url, hub: true as const, ownSite: true as const }));
}

/** A unit switcher's label: [切换单位], 选择部门, 单位切换, 其他单位. */
const UNIT_SWITCHER = /^[[【(（]?(?:(?:切换|选择|更换|其他|其它)(?:单位|部门|机构)|(?:单位|部门|机构)(?:切换|选择))[\]】)）]?$/;

/**
 * The directory a platform's unit switcher leads to ("[切换单位]" beside the unit's name over its catalogue: Lonsun's
 * `/public/column/{organ}?type=4&action=rel`, round 111a): each unit has the same catalogue, its own 年报 node among
 * it, so the county's 年报 column lists the county's reports only and its units' are in theirs. Read as the units'
 * directory (agencyPageLinks reads its units), same host only.
 */
function unitSwitcherLinks($: Doc, pageUrl: string): { url: string; directory: true }[] {
  const base = documentBase($, pageUrl);
  const out = new Set<string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    if (!UNIT_SWITCHER.test(squash(a.text()).replace(/\s/g, ''))) return;
    const url = pageLink(a.attr('href'), base, pageUrl);
    if (url && url !== pageUrl) out.add(url);
  });
  return [...out].map((url) => ({ url, directory: true as const }));
}

/** A caption or name without spaces, its full-width brackets as ASCII ones: 乡镇（街道） → 乡镇(街道). */
function bracketed(text: string): string {
  return text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * The units of a page reached as their directory (by a unit switcher, [切换单位], or a link named for the units'
 * disclosure, 部门信息公开): links named by an agency alone, outside the chrome, under no caption or one naming a kind
 * of unit or their disclosure (县政府部门, 乡镇: Lonsun's 信息公开单位 grouping its units so, round 111a), a box of site
 * links aside; each the unit's page, carrying its name. Same host, two or more. Reached otherwise, a page's box
 * captioned 部门 may list anything (round 6a), and agencyPageLinks reads it. `captioned`: only units under such a
 * caption (a people's government's 年报 column whose side menu lists its units under 县政府部门 and 镇街, each leading
 * to the unit's catalogue, round 113d: handlers.ts asks it of the government's seed alone).
 */
export function directoryUnitLinks(html: string, pageUrl: string, opts: { captioned?: boolean } = {}): { url: string; columnAgency: string }[] {
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const out = new Map<string, string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const text = squash(a.text()).replace(/\s/g, '');
    if (!text || agencyOfLinkText(text) !== text || a.closest(CHROME).length) return;
    const caption = boxCaption($, a);
    if ((caption || opts.captioned) && (NOT_AGENCY_BOX.test(caption) || !(AGENCY_BOX.test(caption) || UNIT_KIND_BOX.test(bracketed(caption)) || unitKindTab.test(caption)))) return;
    const url = pageLink(a.attr('href'), base, pageUrl);
    // The site's home under its owner's name (a platform's top bar "安庆市人民政府" → `/`) is no unit's page (SITE_ROOT).
    if (url && url !== pageUrl && !out.has(url) && !SITE_ROOT.test(new URL(url).pathname)) out.set(url, text);
  });
  return out.size >= 2 ? [...out].map(([url, columnAgency]) => ({ url, columnAgency })) : [];
}

/** A host's root page (`/`, `/index.html`): named by an agency, the site's owner's home, never a unit's page. */
const SITE_ROOT = /^\/(?:(?:index|default)\.\w+)?$/i;

/**
 * The units' own 年报 columns a page listing its own reports links in a box captioned as their sub-column ("镇（街道）
 * 政府信息公开年报" over a county map whose towns are links named by the town alone, round 65a; "部门年报" over a row of
 * department names): each a list page of that unit's reports, named by the link. Same-host links whose whole text
 * is an agency name, files aside, in a box whose caption holds a unit sub-column's label (not the column's own name).
 */
function unitBoxLinks($: Doc, pageUrl: string): { url: string; columnAgency: string }[] {
  // Most list pages name no units' sub-column: their links are not weighed one by one (a millisecond a page).
  if (!UNIT_REPORTS_WORDS.test($.text())) return [];
  const base = documentBase($, pageUrl);
  const out = new Map<string, string>();
  for (const el of agencyLinks($)) {
    const a = $(el);
    // A page of this host other than this column's, no file (pageLink).
    const url = pageLink(a.attr('href'), base, pageUrl);
    if (!url || ![...boxCaption($, a).split(' '), rowLead($, a), paneTabLabel($, a)].some(opensWithUnitSubColumn)) continue;
    if (!out.has(url)) out.set(url, squash(a.text()));
  }
  return out.size >= 2 ? [...out].map(([url, columnAgency]) => ({ url, columnAgency })) : [];
}

/**
 * The words beside a 更多 link in its own element, when that element is a bare header bar (`<div class="box-h">县政府年报<a
 * class="more">更多>></a></div>`, round 94c: a class no caption selector knows): its text less the link's, short.
 */
function barLead($: Doc, a: ReturnType<Doc>): string {
  const bar = a.parent();
  if (!bar.length || bar.is('li, tr, td, th, dd, a, p, body') || bar.find('ul, ol, table').length || bar.find('a[href]').length > 1) return '';
  const text = squash(bar.text()).replace(squash(a.text()), '');
  return text.length >= 2 && text.length <= 20 ? text : '';
}

/**
 * The text leading a table row of links, its first cell holding none (`<td class="tt">各单位政府信息公开年报：</td><td>县政府
 * </td><td><a>县教育局</a></td>…`: a row of units' tabs captioned in its first cell, round 84a); '' elsewhere.
 */
function rowLead($: Doc, a: ReturnType<Doc>): string {
  const first = a.closest('tr').children().first();
  return first.length && !first.find('a[href]').length && !first.is(a.closest('td, th')) ? squash(first.text()) : '';
}

/** The words a units' sub-column label ends with, somewhere on the page: 部门年报, 镇（街道）政府信息公开年报, 单位年度报告. */
const UNIT_REPORTS_WORDS = /(?:部门|乡镇|街道|镇|乡|单位|直属|县直|市直|区直|旗直|园区|社区|办事处)[）)]?(?:政府)?(?:信息)?(?:公开)?(?:工作)?(?:年度报告|年报)/;

/** A sub-column label naming the units' reports (镇（街道）年报, 部门信息公开年报), not the older years' or the column's own. */
const UNIT_SUB_COLUMN = { test: (name: string) => subColumnLabel.test(name) && !COLUMN_LABEL.test(name) && !/往年|历年|历史|以往|往期|过往|近年|本级/.test(name) };

/**
 * Whether a caption opens with a unit sub-column's label, a reader's hint run on after it without a space
 * ("镇（街道）政府信息公开年报点击地图中的镇（街道）查看": a `<span>` and an `<em>` read as one text).
 */
function opensWithUnitSubColumn(caption: string): boolean {
  const chars = [...caption];
  for (let n = Math.min(chars.length, 24); n >= 3; n--) if (UNIT_SUB_COLUMN.test(chars.slice(0, n).join(''))) return true;
  return false;
}

/** A link to an agency's own website: 部门网站, 进入部门网站, 单位网站, 官方网站, 访问门户网站. */
const OWN_SITE_LABEL = /^(?:进入|访问|点击进入|前往)?(?:部门|单位|机构|官方|门户|本部门|本单位)(?:官方)?(?:网站|官网|门户网站)(?:首页)?$/;

/**
 * The agency's own website a page about it on another site links (a department's page on a province's 政务服务网: its
 * card's "部门网站：进入部门网站", round 50c): its reports are on that site. Links to another host only (its own site's
 * link on its own site is its home); at most one.
 */
function ownSiteLinks($: Doc, pageUrl: string): string[] {
  const host = new URL(pageUrl).host;
  return labelledLinks($, pageUrl, OWN_SITE_LABEL, { anyHost: true }).filter((url) => new URL(url).host !== host).slice(0, 1);
}

/**
 * A page in one agency's branch of a portal (its breadcrumb names the agency above it: own-branch.ts) whose 年报 column
 * links all lead out of that branch (the portal's nav, a 相关链接 box: the district government's column) reads the
 * agency's own page instead, as a hub one click above its own column: another agency's reports are not the seed's
 * (round 45c: a 区卫生健康委 领导信息 page gave the district's reports, the bureau's own missed). Links naming their
 * agency (a directory's) stay.
 */
function inOwnBranch($: Doc, pageUrl: string, columns: { url: string; columnAgency?: string }[]): { url: string; columnAgency?: string; hub?: true }[] {
  const branch = columns.some((c) => !c.columnAgency) ? ownAgencyPage($, pageUrl) : null;
  if (!branch) return columns;
  const inBranch = (url: string) => new URL(url).pathname.startsWith(branch.folder);
  if (columns.some((c) => !c.columnAgency && inBranch(c.url))) return columns;
  return [...columns.filter((c) => c.columnAgency), { url: branch.url, hub: true as const }];
}

/**
 * A link to the agency's disclosure pages by their standard names (国办公开办函〔2019〕61号's skeleton): 政府信息公开,
 * 政务公开, 信息公开目录, 法定主动公开内容, 主动公开… The page holding the 年报 column's link is one of these.
 */
const DISCLOSURE_LABEL = /^(?:(?:政府|政务)?信息公开|政务公开|政府公开)(?:目录|专栏|平台|专区)?$|^(?:法定)?主动公开(?:内容|目录|信息)?$/;

/**
 * The disclosure pages a page listing no report and naming no 年报 column links by their standard names (a
 * 政府信息公开指南 page's menu: 法定主动公开内容; a portal home's nav: 政府信息公开), at most three: one click above the
 * column, read as list pages (the seed's only: each follows the 年报 column it names, and goes no further). Links to
 * another host are returned too (a home on www. whose 政府信息公开 is a platform on xxgk.): the crawl does not read
 * them (the registry's hosts only) but says where the seed's disclosure pages are.
 */
function disclosureLinks($: Doc, pageUrl: string): string[] {
  const links = labelledLinks($, pageUrl, DISCLOSURE_LABEL, { anyHost: true });
  // A department's page on a city's 集约化 platform carries the platform's bar (the CITY's 政府信息公开平台) beside its
  // own nav's 政府信息公开: the disclosure pages that keep the page's own identity (its `deptId=…`, its `/bm/jyj/`
  // folder) are its own, and the others the platform's, whose 年报 are another agency's (round 34e: the city's two
  // reports catalogued for the bureau's seed, silently). Where none keeps it, all are the page's.
  const own = links.filter((url) => keepsIdentity(url, pageUrl));
  // A department's page on a county site (`/bmzz/nyncj/`, no query of its own) whose 信息公开 link is the county's
  // catalogue filtered to its unit (`catalog.jsp?unitId=…`) beside the site nav's unfiltered 政府信息公开: the link
  // scoped to one unit is the page's own, the other the county's, whose 年报 are every unit's (round 35b: three other
  // units' reports catalogued for the bureau's seed).
  const scoped = own.length ? [] : links.filter((url) => scopedToUnit(url, pageUrl));
  return (own.length ? own : scoped.length && scoped.length < links.length ? scoped : links).slice(0, 3);
}

/** A query parameter naming the unit whose pages a shared catalogue shows (`unitId`, `deptId`, `organCode`, `bmid`). */
const UNIT_PARAM = /^(?:unit|dept|department|org|organ|organization|bm|jg|agency)_?(?:id|code|no|num)?$/i;

/** Whether a same-host link shows one unit's view of a shared catalogue (`?unitId=4115220012`). */
function scopedToUnit(url: string, pageUrl: string): boolean {
  const u = new URL(url);
  if (u.host !== new URL(pageUrl).host) return false;
  return [...u.searchParams].some(([name, value]) => UNIT_PARAM.test(name) && value.trim().length >= 2);
}

/** Query parameters that say where a page is in a list or who shared it, not whose page it is. */
const NOT_IDENTITY = /^(?:page|pageno|pageindex|pagenum|currpage|curpage|p|pn|size|pagesize|spm|from|isappinstalled|share|utm_\w+|t|v|_|timestamp|columnid|catid|channelid|id)$/i;

/**
 * Whether a link keeps the page's identity on a shared platform: a query parameter naming the unit (`deptId=331000012`,
 * `unitid=`, `siteId=`) with the same value, or the page's own folder two levels deep or more (`/bm/jyj/`).
 */
function keepsIdentity(url: string, pageUrl: string): boolean {
  const u = new URL(url);
  const p = new URL(pageUrl);
  if (u.host !== p.host) return false;
  for (const [name, value] of p.searchParams) {
    if (NOT_IDENTITY.test(name) || value.length < 2) continue;
    if (u.searchParams.get(name) === value) return true;
  }
  const folder = p.pathname.replace(/[^/]*$/, '');
  return folder.split('/').filter(Boolean).length >= 2 && u.pathname.startsWith(folder);
}

/**
 * A sub-column of the annual reports, named by what part it holds: 往年年报 / 历年年报 / 历史年报 (the older years),
 * 部门年报 / 乡镇年报 / 市直部门年度报告 / 镇（街道）年报 / 委办局年报 (whose reports; 委办局: a Shanghai district's commissions and bureaus, round 114d), 本级年报. Such a label names reports and nothing else, so the
 * tab is a list page whether or not the page it sits on lists a report itself (the 本年度 tab beside it).
 */
const SUB_COLUMN_LABEL =
  /^(?:[（(]?(?:往年|历年|历史|以往|往期|过往|近年|往年度|历年度|本级|市级|县级|区级|省级|市直|县直|区直|旗直|乡镇|街道|镇街|镇|乡|街镇|苏木|嘎查|园区|开发区|社区|办事处|管委会|各|部门|单位|直属单位|所属单位|下属单位|政府部门|委办局|(?:省|市|县|区|旗)?(?:政府)?(?:直属|组成)?部门)[）)]?){1,4}(?:政府)?(?:信息)?(?:公开)?(?:工作)?(?:年度报告|年报)(?:专栏|栏目|汇总)?$/;

/** Whether a menu label names the annual reports' column or one of its sub-columns (年度报告, 部门年报…), nothing else. */
export function namesReportColumn(label: string): boolean {
  const t = squash(label).replace(/\s/g, '');
  return COLUMN_LABEL.test(t) || subColumnLabel.test(t);
}

/**
 * SUB_COLUMN_LABEL with a list's separators read as nothing (镇（街道、园区）年报, round 45c; 乡镇·街道年报) and a call to
 * click before it ("点击查看更多往年年报" under a note that the older years were archived with the old site, round 63a).
 */
const CLICK_CALL = /^(?:请|请您)?(?:点击|点此|单击)?(?:这里|此处)?(?:查看|进入|访问|浏览|查阅|前往)?(?:更多)?/;
const subColumnLabel = { test: (name: string) => SUB_COLUMN_LABEL.test(name.replace(/[、·・/和及与]/g, '').replace(CLICK_CALL, '').replace(/[>»›]+$/, '')) };

/**
 * A tab naming the older years only (往年, 历年, 以往, 更早), or the years not shown ("其他年份", "更多年份", "以前年度"):
 * a sub-column on a page about the annual reports.
 */
const OLDER_YEARS_TAB = /^(?:(?:往年|历年|以往|更早|往期|过往|历史)(?:年度)?|(?:其他|其它|更多|全部|以前|更早)(?:年份|年度))$/;
/**
 * A step to the neighbouring year of a column shown one year per page ("« 上一年 【2024年度】 下一年 »" over opaque
 * sub-column ids, no page number anywhere: round 62a): on a page about the annual reports, the other years' lists.
 */
const YEAR_STEP = /^[«‹<《〈←\s]*(?:上|下|前|后)一?(?:个)?(?:年度|年)(?:年报)?[\s»›>》〉→]*$/;
const NAMES_REPORTS = /年报|年度报告/;

/**
 * Whether a unit-kind link sits where the column's tabs do: in a box captioned for the reports, or captioned not at
 * all (a tab bar). A side box captioned for something else ("信息公开目录": 县政府部门 | 乡镇, round 65b) is the site's
 * directory, not the column's tabs.
 */
function tabBoxOfReports($: Doc, a: ReturnType<Doc>): boolean {
  let caption = boxCaption($, a);
  // A tab bar classed as a heading (`<div class="gk-tab-hd">`, round 68c) holding the tab itself, directly or in its
  // `<li>`: the bar's other tabs are no caption, only words beside them are.
  const bar = captionElement($, a);
  if (bar && $.contains(bar.get(0)!, a.get(0)!)) for (const el of bar.find('a').toArray()) if (el !== a.get(0)) caption = caption.replace(squash($(el).text()), '');
  return !squash(caption) || NAMES_REPORTS.test(caption);
}

/**
 * A unit tab's address beside the column's: under the same top folder (/shbs/xxgk-nb-bm/ beside /shbs/xxgk-nb/), or
 * a folder named after the column's (/nb-bm/ beside /nb/), and not a folder above it. A platform's own nav naming its
 * kinds of agency (北京's 市政府 | 市政府部门 | 区政府 over /110001/, /sbj/, /qzf/ above /110046/zfxxgknb/: round 25a)
 * leads to other agencies' pages, never to this column's tabs.
 */
function besideColumn(url: string, pageUrl: string): boolean {
  const folders = (p: string) => new URL(p).pathname.replace(/[^/]*$/, '').split('/').filter(Boolean);
  const tab = folders(url);
  const page = folders(pageUrl);
  if (!tab.length || page.slice(0, tab.length).join('/') === tab.join('/')) return false;
  const column = page[page.length - 1];
  return tab[0] === page[0] || (column !== undefined && tab.some((f) => f.startsWith(`${column}-`) || f.startsWith(`${column}_`)));
}

/** Same-host links whose own words label a sub-column of the annual reports (部门年报, 乡镇年报, 往年年报): named columns. */
export function labelledSubColumns(html: string, pageUrl: string): string[] {
  return labelledLinks(loadHtml(html), pageUrl, subColumnLabel);
}

/**
 * Same-host links labelled as a sub-column of the annual reports (往年年报, 部门年报…: `labelled`, when the caller has
 * them already), and on a page whose title, main heading or breadcrumb names the reports, tabs naming the older
 * years only (往年, 历年) or a kind of unit only (部门, 街道、镇; not one leading to an article's address: a year's grid
 * linking 区政府 to its report, round 100a), and a 拼音首字母 bar's letters (letter-bar.ts): list pages, never items.
 */
export function subColumnLinks(html: string, pageUrl: string, labelled = labelledSubColumns(html, pageUrl)): string[] {
  const $ = loadHtml(html);
  const named = [...labelled, ...moreLinks($, pageUrl), ...twistieLinks($, pageUrl), ...pointerLinks($, html, pageUrl)];
  const about = squash(`${$('title').text()} ${$('h1, h2').first().text()} ${$('.position, .breadcrumb, .crumb, .crumbs, .location').first().text()}`);
  const links = NAMES_REPORTS.test(about)
    ? [...new Set([...named, ...labelledLinks($, pageUrl, OLDER_YEARS_TAB), ...labelledLinks($, pageUrl, YEAR_STEP), ...yearBoxMoreLinks($, pageUrl), ...labelledLinks($, pageUrl, unitKindTab, { where: (a) => tabBoxOfReports($, a) }).filter((url) => besideColumn(url, pageUrl) && !articleAddress(url)), ...desktopVersionLinks($, pageUrl), ...letterBarLinks($, pageUrl)])]
    : named;
  // The page's own tab bar of its parts (units over one address, `?dw=`): its other tabs, whatever the unit filter;
  // and the notes sending the reader to an archive or another platform for other years (their addresses know nothing
  // of the unit's filter: round 110d's `?deptcode=` list noting "…请到<a>旧版网站</a>查阅").
  return NAMES_REPORTS.test(about)
    ? [...new Set([...withinUnitFilter(links, pageUrl), ...siblingTabLinks($, pageUrl), ...archiveLinks($, pageUrl), ...movedOnLinks($, pageUrl)])]
    : withinUnitFilter(links, pageUrl);
}

/** A box's caption naming a year alone: 2024年, 2024年度, 2024. */
const YEAR_CAPTION = /^(?:19|20)\d{2}\s*(?:年度?)?$/;

/**
 * On a page about the reports, the 更多 of boxes captioned by a year alone (the column's year blocks, each showing its
 * newest items over its year's folder): every year's folder, whatever its newest items are (round 79c: a block of the
 * publication year 2024 showing a 更正说明, an 一图读懂 and another report kind over the 2023 reports).
 */
function yearBoxMoreLinks($: Doc, pageUrl: string): string[] {
  // The caption may be a bare span beside the link (`<div class="nb-block-t"><span>2024年</span><a>更多>></a></div>`).
  const beside = (a: ReturnType<Doc>) => squash(a.parent().text()).replace(squash(a.text()), '').trim();
  return labelledLinks($, pageUrl, MORE_LABEL, { where: (a) => YEAR_CAPTION.test(boxCaption($, a)) || YEAR_CAPTION.test(beside(a)) });
}

/** A twistie's picture naming what it opens: Domino's "Show details for 2024年" (its English default), 展开. */
const TWISTIE_ALT = /^(?:show details for|expand\b|展开)/i;
/** Domino's URL arguments opening a category of a view: `?OpenView&Start=1&Expand=3`, `ExpandSection=2`. */
const EXPAND_ARG = /^(?:expand|expandsection)$/i;

/**
 * A categorised view opening collapsed (Lotus Domino's `?OpenView`: one row per category, "2025年", "2024年", each
 * opened by an image-only twistie to `?OpenView&Start=1&Expand=2`, round 62d): the items are only in the opened
 * views, each read as a list page with its own pager. Links with Domino's Expand argument, or a twistie's picture
 * saying "Show details for" / 展开, on this page's host.
 */
function twistieLinks($: Doc, pageUrl: string): string[] {
  const base = documentBase($, pageUrl);
  const out = new Set<string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = pageLink(a.attr('href'), base, pageUrl);
    if (!url) return;
    const opens = [...new URL(url).searchParams.keys()].some((k) => EXPAND_ARG.test(k));
    const img = a.find('img').first();
    const says = squash(img.attr('alt') ?? img.attr('title') ?? a.attr('title') ?? '');
    if (opens || (img.length && !squash(a.text()) && TWISTIE_ALT.test(says))) out.add(url.replace(/#.*$/, ''));
  });
  return [...out];
}

/** A query field choosing one unit's items of a shared column: `deptId=440606104`, `orgId`, `unitCode`, `fbjg`… */
const UNIT_FILTER = /^(?:dept|org|organ|unit|jg|bm|dw|fbjg|fbdw|publisher|department)(?:[_-]?(?:id|code|no|dm|bm))?$/i;

/**
 * A list addressed as one unit's view of a shared column (a town's tile linking the district's 镇街年报 column with
 * `?deptId=`: round 60c) is that unit's list: its tabs to the other kinds of unit and its 全部 / 查看全部 lead to the
 * other units' reports, not to more of its own. Of such a page's sub-column links only those keeping the unit's filter
 * are its own; any other list keeps all of them.
 */
function withinUnitFilter(links: string[], pageUrl: string): string[] {
  const page = new URL(pageUrl).searchParams;
  const filters = [...page.entries()].filter(([name, value]) => UNIT_FILTER.test(name) && value !== '');
  if (!filters.length) return links;
  return links.filter((url) => {
    const q = new URL(url).searchParams;
    return filters.every(([name, value]) => q.get(name) === value);
  });
}

/** A link to a redesigned site's archive: 历史网站, 旧版网站, 老版网站, 原网站, 旧版 (点击进入…, …查阅). */
const ARCHIVE_LABEL = /^(?:请|点击|点此)?(?:进入|访问|前往|查看|登录)?(?:历史|旧版|老版|旧|原)(?:网站|站点|门户网站|版网站|版|网站栏目|栏目|版栏目|版页面)(?:查阅|查看|查询|访问)?$/;

/**
 * On a page about the annual reports, the link to the site's archive where the older years stay ("2022年及以前年度的
 * 年度报告请至<a>历史网站</a>查阅", round 34e): a redesign moves the newest years only. Taken only where the sentence
 * around it names the reports: a top bar's bare 旧版网站 (the archive's home page, its news) is not.
 */
function archiveLinks($: Doc, pageUrl: string): string[] {
  // The archive is often another host of the portal (`old.`, `lishi.`, `2019.`): taken whatever its host; the crawl
  // reads it when it is a sibling of the seed's host and says it otherwise (handlers.ts `admitSibling`).
  return labelledLinks($, pageUrl, ARCHIVE_LABEL, { where: aboutReports, anyHost: true });
}

/** A mobile page's link to the site's desktop version: 电脑版, PC版, 桌面版, 电脑端 (访问…, 切换到…, …网站). */
const DESKTOP_LABEL = /^(?:请|点击|点此)?(?:进入|访问|前往|查看|切换|切换到|切换至|返回)?(?:电脑版|pc版|桌面版|电脑端|pc端|完整版)(?:网站|页面|首页)?(?:查阅|查看|访问)?$/i;

/**
 * On a mobile page about the annual reports (an `m.` host's column, which shows the newest items only), the link to
 * its desktop twin, where the older years are (round 36b): one whose sentence names the reports ("更多历年年报请访问
 * <a>电脑版</a>"), or one leading to this very page's path and query on another host (a footer's 电脑版 of the same
 * column). A footer's 电脑版 to the desktop home is not. Taken whatever its host, as the archive is: the crawl reads it
 * on a sibling of the seed's host (`www.` beside `m.`) and says it otherwise.
 */
function desktopVersionLinks($: Doc, pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const where = (a: ReturnType<Doc>) => {
    if (aboutReports(a)) return true;
    const url = resolveLink(a.attr('href') ?? '', documentBase($, pageUrl));
    if (!url) return false;
    const u = new URL(url);
    return u.host !== page.host && u.pathname === page.pathname && u.search === page.search;
  };
  return labelledLinks($, pageUrl, DESKTOP_LABEL, { where, anyHost: true });
}

/** Whether the link's sentence (its parent, or the one above, under 200 characters) names the annual reports. */
function aboutReports(a: ReturnType<Doc>, saying: RegExp = NAMES_REPORTS): boolean {
  let node = a.parent();
  for (let depth = 0; depth < 2 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    const text = squash(node.text());
    if (text.length > 200) return false;
    if (NAMES_REPORTS.test(text)) return saying.test(text);
  }
  return false;
}

/** A link saying only where to click: 点击进入, 请点击这里, 点此访问, 此处 (arrows aside). */
const CLICK_HERE = { test: (name: string) => /^(?:请|请您)?(?:点击|点此|单击)?(?:这里|此处)?(?:进入|访问|前往|跳转|查阅)?$/.test(name.replace(/[>»›]+$/, '')) && /点|击|这里|此处|进入|访问|前往|跳转/.test(name) };
/** A note sending the reader elsewhere: 请访问…, 请至…, 已停止更新, 网站改版, 迁移至新平台, 已归档, 自2022年起…在…发布. */
const SENDS_ELSEWHERE = /请(?:您)?(?:访问|至|到|前往|点击|移步|登录|查阅|进入)|改版|迁移|迁至|停止更新|新版|新平台|新网站|归档|(?:自|从)(?:19|20)\d{2}年(?:度|\d{1,2}月)?(?:起|开始)[^。]{0,40}(?:在|于|到|由)/;

/**
 * A frozen column's note sending the reader to where the reports went ("本平台已于2022年1月停止更新…2022年以后发布的政府
 * 信息公开工作年度报告…请访问…新版“政府信息公开”专栏。<a>点击进入>></a>", round 63c): its link says only where to click,
 * its sentence names the reports and sends the reader on. The later years are there, read as one of the seed's lists.
 */
function movedOnLinks($: Doc, pageUrl: string): string[] {
  return [
    ...labelledLinks($, pageUrl, CLICK_HERE, { where: (a) => aboutReports(a, SENDS_ELSEWHERE) }),
    // Or named for the platform it sends the reader to ("2021年及以前的年度报告请访问<a>原政府信息公开平台</a>查阅", round
    // 108d), on whatever host: one outside the registry is said by the seed, not read.
    ...labelledLinks($, pageUrl, PLATFORM_NAME, { where: (a) => aboutReports(a, SENDS_ELSEWHERE), anyHost: true }),
  ];
}

/**
 * A link named for a site or platform: 原政府信息公开平台, 旧版网站, 新版政府信息公开专栏, or the platform by its own name
 * (沁水县政府信息公开平台: "自2022年起，政府信息公开年报在<a>…平台</a>发布", round 110a).
 */
const PLATFORM_NAME = /^(?:(?:原|旧|老|新)(?:版)?[\u4e00-\u9fa5]{0,12}|[\u4e00-\u9fa5]{0,12}信息公开[\u4e00-\u9fa5]{0,4})(?:平台|网站|门户|专栏|系统)$/;

/** A link saying only to click and look: 点击查看, 请点击此处查看, 点此查阅 (CLICK_HERE's words, 查看 with them). */
const CLICK_TO_VIEW = { test: (name: string) => CLICK_HERE.test(name) || /^(?:请|请您)?(?:点击|点此|单击)(?:这里|此处)?(?:查看|浏览)$/.test(name.replace(/[>»›]+$/, '')) };
/** A sentence saying in which column the reports are published: "…年度报告在本网站“…政府信息公开年报”栏目集中发布". */
const PUBLISHED_IN = /(?:栏目|专栏|专区|频道|板块)(?:[（(][^（()）]{0,12}[）)])?(?:中|内|里)?(?:集中|统一|予以|进行)?(?:发布|公布|公开|刊登|查阅|查看)/;
/** The column word of such a sentence in the markup; the link may sit inside the sentence ("栏目（<a>点击进入</a>）发布"). */
const COLUMN_WORD = /栏目|专栏|专区|频道|板块/;

/**
 * A sentence telling where the reports are published, its link saying only to click ("您好！…政府信息公开工作年度报告在
 * 本网站“信息公开 > 法定主动公开内容 > 政府信息公开年报”栏目集中发布，<a>点击查看</a>。": a site's Q&A robot answering a
 * user's question, the page given as the seed, round 65c): the column it points to is where the reports are, whatever
 * the page it is on.
 */
export function reportPointerLinks(html: string, pageUrl: string): string[] {
  return pointerLinks(loadHtml(html), html, pageUrl);
}

function pointerLinks($: Doc, html: string, pageUrl: string): string[] {
  // A page saying nothing of the kind anywhere has no such link: its links are not weighed one by one.
  if (!COLUMN_WORD.test(html)) return [];
  return labelledLinks($, pageUrl, CLICK_TO_VIEW, { where: (a) => aboutReports(a, PUBLISHED_IN) });
}

/** A box's link to its full list: 更多, 更多>>, 查看更多, 查看全部, more… */
const MORE_LABEL = /^(?:更多|查看更多|更多信息|更多内容|查看全部|显示全部|全部|more|view\s*all)[>»›+]*$/i;
/** Whether the page is about the annual reports by its title, main heading or breadcrumb. */
function pageAboutReports($: Doc): boolean {
  if (titleNamesReports($)) return true;
  const crumb = crumbBox($);
  return crumb !== null && NAMES_REPORTS.test(squash($(crumb).text()));
}

/**
 * "更多>>" links of boxes captioned for the annual reports (市政府年报 / 部门年报 showing their newest items): the full
 * list where the older reports are, read as a list page.
 */
function moreLinks($: Doc, pageUrl: string): string[] {
  const reportsBox = (a: ReturnType<Doc>) => {
    // The caption may be the header row's first cell beside the link's (<td class="subtit">县政府年报</td><td><a>更多
    // >></a></td>: an old ASP.NET table layout, round 93c), or the bar's words beside it (barLead).
    const caption = boxCaption($, a) || rowLead($, a) || barLead($, a);
    // A catch-all box (其他) showing a report among other things: the reports' column is below it (其他 → 年度报告, a
    // town's page of tiles naming no 年报, round 71c).
    // A box captioned by a kind of unit (县政府 / 县政府部门 / 乡镇: a 年报 landing's sub-columns, round 80c) showing a
    // report: its 更多 is that sub-column, however many corrections and 一图读懂 its newest items are (round 84c).
    // A box of the unit's documents (文件类信息公开, 其他重要信息) showing a report: the unit files its reports there, no
    // 年报 column of its own (round 80c: 广西's county departments), and its 更多 is where the older ones are.
    // On a page of the reports (a year's folder under 政府信息公开年报, by its title or breadcrumb), a box captioned by a
    // kind of unit is that kind's sub-column whatever its newest items are (round 96c: 区政府部门's three newest a
    // correction, a 一图读懂 and another unit's notice, its report fourth).
    // A notice board (通知公告) showing a report newer than any the page's boxes of reports show: the reports are
    // published there now, their own column left (round 106a: a 年报 column fed until 2021, the newer reports among
    // notices). A page showing no box of reports has nothing to compare with: its board, showing the newest report as
    // a home's does (round 49c's mobile home), is no column of the reports.
    // A box with no caption on a page about the reports (a 年报 landing previewing its 县政府年报 tab's newest five, two
    // of them reports, round 108c) showing a report: its 更多 is that list's whole.
    return NAMES_REPORTS.test(caption) || (!caption && boxListsReports($, a, aboutReports() ? 0 : 0.5)) || ((CATCH_ALL.test(caption) || documentBox(caption)) && boxListsReports($, a, 0)) || (unitKindTab.test(caption) && (boxListsReports($, a, 0) || aboutReports())) || (NOTICE_BOARD.test(caption) && newerThanReportBoxes(a));
  };
  let about: boolean | undefined;
  const aboutReports = () => (about ??= pageAboutReports($));
  let inReportBoxes: number | null | undefined;
  const newerThanReportBoxes = (a: ReturnType<Doc>): boolean => {
    const shown = boxReportYear($, a);
    if (shown === null) return false;
    inReportBoxes ??= reportBoxesYear($);
    return inReportBoxes !== null && shown > inReportBoxes;
  };
  const shown = labelledLinks($, pageUrl, MORE_LABEL, { where: reportsBox });
  // A page filing its reports among its documents, naming no 年报 column: a reader looks through each of its document
  // columns, not only the one whose newest items show a report (round 80c: the 2020 report on 其他重要信息's page 2).
  const filedAmongDocuments = shown.length > 0 && !columnLinks($, pageUrl).length && labelledLinks($, pageUrl, MORE_LABEL, { where: (a) => documentBox(boxCaption($, a)) && boxListsReports($, a, 0) }).length > 0;
  return filedAmongDocuments ? [...new Set([...shown, ...labelledLinks($, pageUrl, MORE_LABEL, { where: (a) => documentBox(boxCaption($, a)) })])] : shown;
}

/**
 * A caption naming a unit's columns of documents (文件类信息公开, 其他重要信息, 政策文件), not its news (工作动态, 图片新闻),
 * its readings of documents (政策解读), nor a notice board (通知公告, 公示公告: a box captioned for something else than
 * the reports, whatever it shows, rounds 8a and 71c).
 */
function documentBox(caption: string): boolean {
  return caption.length <= 12 && /文件|重要信息|公开信息/.test(caption) && !/动态|新闻|要闻|图片|视频|媒体|专题|解读|图解|领导|机构|公告|公示|通知/.test(caption);
}

/** A catch-all column's caption: 其他, 其它, 其他信息, 其他公开信息. */
const CATCH_ALL = /^(?:其他|其它)(?:信息|内容|事项|公开信息|栏目)?$/;

/**
 * Whether the box a "更多" link sits in lists annual reports, half of its links or more (`share`): a tab pane of the newest
 * reports has no caption of its own (its tab names it, elsewhere on the page: `<li onmouseover="setTab(…)">年度报告</li>`);
 * a box captioned for something else (通知公告) is not its reports' box, whatever it shows.
 * The box is the nearest enclosing element holding other links (a few levels up at most).
 */
function boxListsReports($: Doc, a: ReturnType<Doc>, share = 0.5): boolean {
  const titles = boxTitles($, a);
  const reports = titles.filter((t) => classifyTitle(t).isReport).length;
  return reports > 0 && reports >= titles.length * share;
}

/** The titles of the other links of the box a "更多" link sits in (the nearest enclosing element holding any, a few levels up at most). */
function boxTitles($: Doc, a: ReturnType<Doc>): string[] {
  let node = a.parent();
  for (let depth = 0; depth < 4 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    const titles = node
      .find('a[href]')
      .toArray()
      .filter((el) => el !== a.get(0))
      .map((el) => squash($(el).attr('title') ?? '') || squash($(el).text()));
    if (titles.length) return titles;
  }
  return [];
}

/** A notice board's caption: 通知公告, 公示公告, 公告公示, 最新公告. */
const NOTICE_BOARD = /^(?:通知公告|公示公告|公告公示|公告通知|最新公告|通知通告)$/;

/** The newest year of the reports the box of a "更多" link shows, or null when it shows none. */
function boxReportYear($: Doc, a: ReturnType<Doc>): number | null {
  const years = boxTitles($, a)
    .filter((t) => classifyTitle(t).isReport)
    .map((t) => parseReportYear(t))
    .filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : null;
}

/** The newest year of the reports shown by the page's boxes captioned for the reports, or null when it has no such box showing one. */
function reportBoxesYear($: Doc): number | null {
  const years = $('a[href]')
    .toArray()
    .filter((el) => MORE_LABEL.test(squash($(el).text())) && NAMES_REPORTS.test(boxCaption($, $(el))))
    .map((el) => boxReportYear($, $(el)))
    .filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : null;
}

/**
 * Same-host links whose name is an annual-report column label, when none of the page's items is a report, or it
 * shows one in passing (showsReportInPassing).
 */
export function reportColumnLinks(html: string, pageUrl: string, items: ListItem[]): string[] {
  const $ = loadHtml(html);
  return !listsReport(items) || showsReportInPassing($, items) ? columnLinks($, pageUrl) : [];
}

/**
 * The page's 年报 column links, each with the agency its card or row names when it is one agency's among others: a
 * 部门信息公开年报 page of department cards (`<div>某县财政局</div><a>公开指南</a> | <a>公开年报</a>`), a table of
 * departments (`<td>某市教育局</td><td><a>年度报告</a></td>`). The department's reports are often titled without its
 * name ("2024年度政府信息公开工作年度报告"), and its pages may say 来源：本站: the card's name is then the only one.
 */
function ownedColumnLinks($: Doc, pageUrl: string): { url: string; columnAgency?: string }[] {
  const base = documentBase($, pageUrl);
  const owners = new Map<string, string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    if (!linkNames($, a).some((name) => COLUMN_LABEL.test(name))) return;
    const owner = linkOwner($, a);
    const url = owner ? pageLink(a.attr('href'), base, pageUrl) : null;
    if (url && owner && !owners.has(url)) owners.set(url, owner);
  });
  return columnLinks($, pageUrl).map((url) => (owners.has(url) ? { url, columnAgency: owners.get(url)! } : { url }));
}

/**
 * The agency named by the card or row a column link sits in: the nearest enclosing element (three levels up at
 * most) holding text besides its links, when that text is one agency's name and the element holds no other column
 * link (a menu of several columns, or a page's chrome, names no owner).
 */
function linkOwner($: Doc, a: ReturnType<Doc>): string | null {
  let node = a.parent();
  for (let depth = 0; depth < 3 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    const columns = node.find('a[href]').filter((_, el) => linkNames($, $(el)).some((name) => COLUMN_LABEL.test(name)));
    if (columns.length > 1) return null;
    const copy = node.clone();
    copy.find('a, script, style').remove();
    const rest = squash(copy.text()).replace(/[\s|｜/、,，:：·•\-—>›»\[\]【】()（）]+/g, '');
    if (rest) return agencyOfLinkText(rest);
  }
  return null;
}

/** A control taking the reader back to the column a page is a view of: 返回栏目, 返回列表, 进入栏目, 栏目首页. */
const BACK_TO_COLUMN = /^(?:返回|回到|进入)(?:本|上级|所属)?(?:栏目|列表|频道)(?:首页|页面)?$|^栏目首页$/;

/**
 * Where a page that is a view of a column lists nothing of its own, the column its back control leads to: a print
 * view of the column (`print.jsp?channelid=…`, its first page's titles unlinked, round 70c) whose one way out is a
 * `<input type="button" value="返回栏目" onclick="window.location.href='…/index.html'">`, a link so labelled too.
 * Read as a list page, as a menu's 年报 column is; on this host only.
 */
function backToColumn($: Doc, pageUrl: string): string[] {
  const base = documentBase($, pageUrl);
  const out = new Set<string>();
  for (const el of $('a, input[type="button" i], input[type="submit" i], button').toArray()) {
    const c = $(el);
    const label = squash(c.is('input') ? (c.attr('value') ?? '') : c.text()).replace(/\s/g, '');
    if (!BACK_TO_COLUMN.test(label)) continue;
    const href = c.is('a') && !/^\s*(?:javascript:|#|$)/i.test(c.attr('href') ?? '') ? c.attr('href') : (clickTarget(c, base) ?? undefined);
    const url = pageLink(href, base, pageUrl);
    if (url) out.add(url);
  }
  return [...out];
}

function columnLinks($: Doc, pageUrl: string): string[] {
  const plain = [...new Set([...labelledLinks($, pageUrl, COLUMN_LABEL), ...labelledLinks($, pageUrl, COLUMN_BACK_LINK)])];
  // Else a column named by whose reports it holds (县政府年报 beside 县直部门年报 and 乡镇年报 in a 目录 tree, round 69c);
  // beside a column of the page's own (a department's 政府信息公开年报) it is another body's, linked in passing.
  return plain.length ? plain : labelledLinks($, pageUrl, OWNED_COLUMN_LABEL);
}

/**
 * The names a link is known by: its text, and, for a link with no text of its own (a 专题专栏 image banner, an icon
 * menu), what it says to a reader who cannot see it: its `title`, its `aria-label`, its images' `alt`.
 */
function linkNames($: Doc, a: ReturnType<Doc>): string[] {
  const own = squash(a.text()).replace(/\s/g, '');
  if (own) return [own];
  const alts = a.find('img[alt]').toArray().map((img) => img.attribs['alt'] ?? '');
  const names = [a.attr('title') ?? '', a.attr('aria-label') ?? '', a.attr('alt') ?? '', ...alts].map((t) => squash(t).replace(/\s/g, '')).filter(Boolean);
  // Nor those: a tile whose link is stretched over it, its name printed beside the link (card-caption.ts).
  const caption = names.length ? null : cardCaption($, a);
  return caption ? [caption.replace(/\s/g, '')] : names;
}

/**
 * Page links (not files, not scripts, not this column) whose whole name (linkNames) `label` accepts: on the page's
 * host, unless `anyHost` (links the crawl names without reading them); `where` for a further test of the link.
 */
function labelledLinks($: Doc, pageUrl: string, label: { test(name: string): boolean }, opts: { where?: (a: ReturnType<Doc>) => boolean; anyHost?: boolean } = {}): string[] {
  const base = documentBase($, pageUrl);
  const out = new Set<string>();
  // An image map's areas are menu entries too, named by their alt (a 政府信息公开 page drawn as one picture whose
  // `<area alt="公开年报">` leads to the column, round 53c).
  $('a[href], area[href]').each((_, el) => {
    const a = $(el);
    if (!linkNames($, a).some((name) => label.test(name)) || (opts.where && !opts.where(a))) return;
    // A tab or menu entry leading nowhere itself opens the address its script (or its tab's) names.
    const leadsNowhere = /^\s*(?:javascript:|#|$)/i.test(a.attr('href') ?? '');
    const url = pageLink(leadsNowhere ? (clickTarget(a, base) ?? undefined) : a.attr('href'), base, pageUrl, opts.anyHost);
    if (url) out.add(url);
  });
  return [...out];
}

/** Viewers, players and widgets framed on a page: never a list (nor, off the registry's hosts, worth naming). */
export const NOT_A_LIST_FRAME = /viewer|pdfjs|player|video|map|weather|\.(pdf|docx?|wps|ofd|xlsx?)(\?|$)/i;

/**
 * The same-host frames (`<iframe src>`, `<frame src>`) of a page that lists no report: older column pages show
 * their list in a frame, so the framed page is read as the list page (its links are then items, its pager the
 * pager).
 */
function frameLinks($: Doc, pageUrl: string): string[] {
  const base = documentBase($, pageUrl);
  const host = new URL(pageUrl).host;
  const out = new Set<string>();
  $('iframe[src], frame[src]').each((_, el) => {
    const src = $(el).attr('src') ?? '';
    const url = resolveLink(src, base);
    if (!url || url === pageUrl || new URL(url).host !== host || NOT_A_LIST_FRAME.test(url)) return;
    out.add(url);
  });
  return [...out];
}

/**
 * A box of the agencies' own disclosure pages: its caption names both the departments (or units, or towns) and
 * disclosure (部门信息公开, 部门政务公开, 市直单位信息公开, 乡镇（街道）信息公开). A box captioned "部门" alone may be their sites, or anything: a page
 * listing departments under such a caption is not followed (round 6a).
 */
const AGENCY_BOX = /(?:部门|单位|乡镇|街道|镇街|镇办|街办).{0,6}公开|公开.{0,4}(?:部门|单位|乡镇|街道|镇街|镇办|街办)/;
/** Boxes of links to other sites, or already about the reports (agency-links.ts reads those). */
const NOT_AGENCY_BOX = /链接|网站|导航|站群|友情|年报|年度报告/;

/**
 * A box captioned by the kind of its units alone: 政府工作部门, 县直部门, 乡镇, 镇（街道）, 乡镇（园区）. Theirs are the disclosure pages
 * only on a disclosure host's own home (disclosureHome); elsewhere such a box may list anything (round 6a).
 */
const UNIT_KIND_BOX = /^(?:(?:政府)?(?:工作)?部门|(?:省|市|县|区|旗|州|盟)(?:直|属)(?:部门|单位|机关)?|部门单位|(?:乡|镇|乡镇|镇|街道|镇街|乡镇街道)(?:\([^()]{1,10}\))?)(?:更多)?[>»›+]*$/;

/**
 * A link named for the units' disclosure pages as a whole (部门信息公开, 乡镇信息公开, 镇办信息公开, 县直部门政务公开): their directory,
 * on a disclosure page (its title or heading naming 信息公开 / 政务公开) read as a page of the same kind (round 104a: a
 * county's 政务公开 page leading to a table of its units, each unit's 目录 holding its own 年报 column).
 */
const DIRECTORY_LINK = /^(?:(?:政府)?(?:工作)?部门|单位|(?:省|市|县|区|旗)直(?:部门|单位)|乡镇|街道|镇街|镇办|街办|乡镇街办|乡镇\(街道\)|镇\(街道\))(?:信息|政务)公开$/;

/**
 * The units' directories a people's government's page names anywhere but its breadcrumb (部门信息公开, 乡镇信息公开 in
 * its menus or left column): where its departments' and towns' own 年报 columns are, when its own column lists its
 * own reports only (round 112a: a Fujian TRS county's 年报 column, its left menu leading to 部门信息公开 and 乡镇信息公开,
 * two units' reports only in their own columns). handlers.ts asks it for the government's seed alone: a unit's seed
 * reads its own column (round 28c). Same host only.
 */
export function menuDirectoryLinks(html: string, pageUrl: string): string[] {
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const crumb = crumbBox($);
  const out = new Set<string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    if (!DIRECTORY_LINK.test(bracketed(squash(a.text())))) return;
    if (crumb && a.parents().toArray().includes(crumb)) return;
    const url = pageLink(a.attr('href'), base, pageUrl);
    if (url && url !== pageUrl) out.add(url);
  });
  return [...out];
}

/** A disclosure page: its title or main heading names 信息公开 or 政务公开. */
function disclosurePage($: Doc): boolean {
  return /(?:信息|政务)公开/.test(`${$('title').first().text()} ${$('h1').first().text()}`);
}

/**
 * The home of a disclosure host (a disclosure page at the host's root): a county's xxgk site organised by unit, each
 * unit's folder holding its own 年报 column (round 102a: 政府工作部门 and 乡镇 boxes on the home of a Shanxi county's TRS
 * disclosure site; the units' reports were a silent miss).
 */
function disclosureHome($: Doc, pageUrl: string): boolean {
  return /^\/(?:index\.\w+)?$/i.test(new URL(pageUrl).pathname) && disclosurePage($);
}

/**
 * The agencies' own 信息公开 pages a platform's front page lists in a box captioned for their disclosure (部门信息公开:
 * a grid of "安庆市教育局", "安庆市民政局"…, or a jump menu of them), on a page that lists no report (beside any 年报 column it names): a city's
 * platform publishing its 年报 per department, each department's page naming its own column. Read as list pages
 * (each then follows its menu's 年报 column), carrying the agency its link names. Same-host only, two or more. With
 * them, the box's 更多 (the whole directory, carrying no agency); on a directory page titled for their disclosure, its
 * agency-named links outside the chrome under no caption.
 */
function agencyPageLinks($: Doc, pageUrl: string): { url: string; columnAgency?: string; directory?: true }[] {
  const base = documentBase($, pageUrl);
  const out = new Map<string, string>();
  // The box's 更多 leads to the whole directory (the front page shows the first few units: round 95a), read as a page
  // of the same kind.
  const directories = new Set<string>();
  // A directory page of its own (部门信息公开: its title or heading says so, the grid under a bar no caption selector
  // knows, `<div class="lm_name">`, round 95a): its links named as agencies are the units'.
  const title = squash($('title').first().text()).split(/[_|｜\-–—]/)[0] ?? '';
  // Or named by a kind of unit alone (乡镇街办, 县直部门: a platform's 政府机构 > 乡镇街办 page listing the towns, each
  // leading to its own catalogue, round 111c).
  const directoryPage = [title, squash($('h1, h2').first().text())].some((t) => t.length <= 16 && (AGENCY_BOX.test(t) || unitKindTab.test(t)) && !NOT_AGENCY_BOX.test(t));
  const home = disclosureHome($, pageUrl);
  const unitKind = (caption: string) => home && UNIT_KIND_BOX.test(bracketed(caption));
  // The units' directory by its own link's name, on a disclosure page (DIRECTORY_LINK), in its body: one in its
  // breadcrumb or its site's menus is the directory the page itself belongs to, a unit's page among its siblings
  // (round 80c's fengshan: a 县政府办 page whose crumb leads to 部门信息公开, another bureau's report out of scope).
  const named = new Set<string>();
  const disclosure = disclosurePage($);
  const crumb = disclosure ? crumbBox($) : null;
  $('a[href]').each((_, el) => {
    const a = $(el);
    const text = squash(a.text()).replace(/\s/g, '');
    if (disclosure && DIRECTORY_LINK.test(bracketed(text))) {
      if (a.closest(CHROME).length || (crumb && a.parents().toArray().includes(crumb))) return;
      const url = pageLink(a.attr('href'), base, pageUrl);
      if (url && url !== pageUrl) named.add(url);
      return;
    }
    const more = MORE_LABEL.test(text);
    const agency = text && !more ? agencyOfLinkText(text) : null;
    if (!more && (!agency || agency !== text)) return;
    const caption = more ? boxCaption($, a) || barLead($, a) : boxCaption($, a);
    const captioned = (AGENCY_BOX.test(caption) || unitKind(caption)) && !NOT_AGENCY_BOX.test(caption);
    // Captioned by the page's own name (乡镇街办 over the towns of a page so titled, round 111c) is captioned by none.
    if (!captioned && !(directoryPage && !more && (!caption || caption === title) && !a.closest(CHROME).length)) return;
    const url = pageLink(a.attr('href'), base, pageUrl);
    if (url && more) directories.add(url);
    else if (url && agency && !out.has(url) && !SITE_ROOT.test(new URL(url).pathname)) out.set(url, agency);
  });
  // The same box drawn as a jump menu: "部门信息公开" over a `<select onchange="window.open(this.value)">` whose options
  // name the departments and hold their pages' addresses (round 38c: a city's platform home reached its departments
  // only so; their reports were missed silently). Options lead where the menu's change goes (jump-menu.ts).
  for (const menu of $('select').length ? jumpMenus($, pageUrl) : []) {
    const caption = boxCaption($, $(menu.select));
    if (!AGENCY_BOX.test(caption) || NOT_AGENCY_BOX.test(caption)) continue;
    for (const o of menu.options) {
      const text = o.text.replace(/\s/g, '');
      if (!text || agencyOfLinkText(text) !== text) continue;
      const url = pageLink(o.url, base, pageUrl);
      if (url && !out.has(url)) out.set(url, text);
    }
  }
  // A page listing its units itself is read through them; a directory named in its menu is the same units again
  // (round 28c: a platform home's 部门信息公开 grid and its nav's 部门信息公开 page).
  if (out.size < 2) return [...named].map((url) => ({ url, directory: true as const }));
  return [...[...out].map(([url, columnAgency]) => ({ url, columnAgency })), ...[...directories].filter((url) => !out.has(url)).map((url) => ({ url }))];
}
