/**
 * Jump menus: a `<select>` whose change goes to the chosen option's address (`onchange="location.href=this.value"`,
 * `window.open(this.options[this.selectedIndex].value)`, Dreamweaver's `MM_jumpMenu('parent',this,0)` defined in the
 * page). A county's 年报 page often reaches its departments' 年报 columns only through such a menu
 * ("--请选择部门--" then one option per department, named by its short name), beside its own reports. A
 * handler that builds the address itself is chosen in the sandbox before the page is read (script-menus.ts).
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { ATTACHMENT_EXT, documentBase, squash, type Doc } from '../html.ts';
import { agencyOfLinkText } from './agency-links.ts';
import type { ListItem } from '../list-page.ts';

export interface JumpOption {
  /** The option element. */
  el: Element;
  /** Its text, squashed. */
  text: string;
  url: string;
}

/**
 * A change handler that goes to the chosen option's value as it is: `location.href=this.value`,
 * `window.open(this.options[this.selectedIndex].value)`, Dreamweaver's `MM_jumpMenu(…)`. One that builds the address
 * (`location.href='/bm/'+this.value`, `goDept(this.value)`) is run in the sandbox first (script-menus.ts), which
 * rewrites it to this form.
 */
const JUMPS_TO_VALUE = /(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\s*\(\s*|window\.open\s*\(\s*)(?:this|\w+)\.(?:value|options\[[^\]]*\]\.value)\s*(?:[;)},]|$)|\bMM_jumpMenu\s*\(/i;

/** An option value written as an address (a path, a page file, a URL), not a filter value ("2023", "12"). */
const ADDRESS = /^(?:https?:\/\/|\/|\.{1,2}\/)|\.(?:s?html?|jsp|aspx?|php|do)(?:[?#]|$)/i;

export function jumpsToValue(handler: string): boolean {
  return JUMPS_TO_VALUE.test(handler);
}

/**
 * The options of the page's jump menus, menu by menu: a `<select>` with a change handler, or with none (a button
 * beside it goes to its value) when two or more of its values are addresses. Where the handler goes to the chosen
 * value, each option with a value is an address; options of a menu whose handler does something else are `unread`
 * (nothing could follow them). The placeholder (no value) is neither.
 */
export function jumpMenus($: Doc, pageUrl: string): { select: Element; options: JumpOption[]; unread: JumpOption[] }[] {
  const base = documentBase($, pageUrl);
  const menus: { select: Element; options: JumpOption[]; unread: JumpOption[] }[] = [];
  for (const selectEl of $('select').toArray()) {
    const select = $(selectEl as Element);
    const handler = select.attr('onchange');
    // A select with no handler of its own (a 查看 button beside it reads it) is a menu when its values are addresses.
    const values = select.find('option').toArray().map((o) => ($(o).attr('value') ?? '').trim());
    const direct = handler === undefined ? values.filter((v) => ADDRESS.test(v)).length >= 2 : jumpsToValue(handler);
    if (handler === undefined && !direct) continue;
    const options: JumpOption[] = [];
    const unread: JumpOption[] = [];
    for (const el of select.find('option').toArray()) {
      const text = squash($(el).text());
      const value = ($(el).attr('value') ?? text).trim();
      if (!value || /^(?:javascript:|#)/i.test(value)) continue;
      const url = direct ? resolveLink(value, base) : null;
      if (url && url !== pageUrl) options.push({ el: el as Element, text, url });
      else if (!url) unread.push({ el: el as Element, text, url: '' });
    }
    if (options.length || unread.length) menus.push({ select: selectEl as Element, options, unread });
  }
  return menus;
}

/** What a menu's own words say: its label, the text just before it, its placeholder option. */
function menuCaption($: Doc, selectEl: Element): string {
  const select = $(selectEl);
  const id = select.attr('id');
  const label = id ? $(`label[for="${id}"]`).text() : '';
  const before = select.prevAll().not('select').first().text();
  const parentText = select.parent().clone().children('select').remove().end().text();
  const placeholder = select.find('option').first().text();
  return squash(`${label} ${before} ${parentText.slice(0, 40)} ${placeholder}`);
}

const NAMES_REPORTS = /年报|年度报告/;

/**
 * The files a year menu of the reports leads to, as list items: an option reading a year alone ("2021年度") whose
 * address is the report's file itself (the year's PDF, beside the other years' articles), in a menu captioned as the
 * reports ("蔚县人民政府政府信息公开工作年度报告："). Followed as a year's column, the file answered a document no list
 * reads, and that year was a silent miss (round 49a). Each is titled by the caption and its year.
 */
export function yearMenuFiles($: Doc, pageUrl: string, isBareYear: (text: string) => boolean): ListItem[] {
  const out: ListItem[] = [];
  for (const menu of jumpMenus($, pageUrl)) {
    const files = menu.options.filter((o) => isBareYear(o.text) && ATTACHMENT_EXT.test(new URL(o.url).pathname));
    if (!files.length) continue;
    const id = $(menu.select).attr('id');
    const label = squash((id ? $(`label[for="${id}"]`).text() : '') || $(menu.select).prevAll().not('select').first().text()).replace(/[:：]\s*$/, '');
    if (!NAMES_REPORTS.test(label) || SITE_MENU.test(label)) continue;
    for (const o of files) out.push({ title: `${label}（${o.text}）`, url: o.url, date: null, isFile: true });
  }
  return out;
}
/** A menu of other sites (友情链接, 政府网站, 部门网站): its agency names stand for the sites. */
const SITE_MENU = /链接|网站|导航|站群/;
/** A page's footer or friendly-links box (友情链接: `flinks`, `yqlj`, `friend-links`). */
const LINKS_BOX = 'footer, .footer, #footer, .foot, #foot, [class*=flink], [id*=flink], [class*=yqlj], [id*=yqlj], [class*=friend], [id*=friend]';
/** A menu choosing an agency: "请选择部门", "部门年报", "选择单位", "乡镇". */
const AGENCY_MENU = /部门|单位|机构|乡镇|街道|镇街/;
/** A site's home page. */
const HOME_PATH = /^\/(?:(?:index|default|main)\.\w+)?$/i;

export interface AgencyMenus {
  /** Each agency's 年报 column the menus lead to, with the agency its option names. */
  columns: { url: string; columnAgency: string }[];
  /** Agencies an option names whose address the menu's handler did not give (nothing could follow it). */
  unread: string[];
}

/**
 * The agencies' 年报 columns a jump menu leads to: a menu (not of other sites) whose options, two or more, each name
 * an agency and lead to a same-host page (not a file, not a home page), on a page or under a caption naming the annual
 * reports, or captioned as a choice of agency on such a page. Each is a list page of that agency's reports, whether or
 * not the page lists reports itself; the option's agency goes with it (for report pages that name none). Options of
 * such a menu that lead nowhere readable are said (`unread`), never dropped silently.
 */
export function agencyMenus($: Doc, pageUrl: string, pageNamesReports: boolean, menus = jumpMenus($, pageUrl)): AgencyMenus {
  const host = new URL(pageUrl).host;
  const out: AgencyMenus = { columns: [], unread: [] };
  const names = (o: JumpOption) => agencyOfLinkText(o.text) === o.text;
  for (const menu of menus) {
    const caption = menuCaption($, menu.select);
    // A menu in the page's footer or its friendly-links box ("—— 县级部门 ——" among 友情链接: round 67b) goes to
    // the departments' sites, not their 年报 columns.
    if ($(menu.select).closest(LINKS_BOX).length) continue;
    if (SITE_MENU.test(caption) || !(NAMES_REPORTS.test(caption) || (pageNamesReports && AGENCY_MENU.test(caption)))) continue;
    const columns = menu.options.filter((o) => {
      const u = new URL(o.url);
      return names(o) && u.host === host && !HOME_PATH.test(u.pathname) && !ATTACHMENT_EXT.test(u.pathname);
    });
    // A menu whose change submits a filter (no address to follow) with one agency already chosen (`<option selected>`
    // with a value: the page is that agency's view of a shared catalogue, `?unitId=…`): its other options are the
    // other agencies' views, not reports this page failed to read (round 35b: a department's filtered 年报 category
    // flagged short for the county's eleven other units). Unchosen (全部单位 or a placeholder), they stay unread.
    const chosen = $(menu.select).find('option[selected]').toArray().some((o) => ($(o).attr('value') ?? '').trim() !== '');
    const unread = chosen ? [] : menu.unread.filter(names);
    if (columns.length + unread.length < 2) continue;
    for (const c of columns) if (!out.columns.some((o) => o.url === c.url)) out.columns.push({ url: c.url, columnAgency: c.text });
    out.unread.push(...unread.map((o) => o.text));
  }
  return out;
}
