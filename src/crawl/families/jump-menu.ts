/**
 * Jump menus: a `<select>` whose change goes to the chosen option's address (`onchange="location.href=this.value"`,
 * `window.open(this.options[this.selectedIndex].value)`, Dreamweaver's `MM_jumpMenu('parent',this,0)` defined in the
 * page). A county's 年报 page often reaches its departments' 年报 columns only through such a menu
 * ("--请选择部门--" then one option per department, named by its short name), beside its own reports.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, squash, type Doc } from '../html.ts';
import { isJavaScript, ScriptSandbox } from '../script-sandbox.ts';
import { agencyOfLinkText } from './agency-links.ts';

export interface JumpOption {
  /** The option element. */
  el: Element;
  /** Its text, squashed. */
  text: string;
  url: string;
}

/** A change handler that goes to the chosen option's value itself (location, window.open, a jump-menu helper). */
const GOES = /(location|window\.open|href|jump)/i;
/** An option value written as an address (a path, a page file, a URL), not a filter value ("2023", "12"). */
const ADDRESS = /^(?:https?:\/\/|\/|\.{1,2}\/)|\.(?:s?html?|jsp|aspx?|php|do)(?:[?#]|$)/i;
/** Options chosen in the sandbox per menu at most (a menu of every department of a city is a hundred). */
const MAX_CHOICES = 120;

/**
 * The options of the page's jump menus, menu by menu: a `<select>` with a change handler. An option's address is its
 * value when the handler goes to it and it reads as one; else where the handler goes, run in the sandbox with the
 * page's inline scripts as a browser would run it on choosing the option (`goDept(this.value)` building the path).
 * Options going nowhere (the placeholder) are left out; `unread` counts those whose value is set but led nowhere.
 */
export function jumpMenus($: Doc, pageUrl: string): { select: Element; options: JumpOption[]; unread: JumpOption[] }[] {
  const base = documentBase($, pageUrl);
  const menus: { select: Element; options: JumpOption[]; unread: JumpOption[] }[] = [];
  let sandbox: ScriptSandbox | undefined;
  try {
    for (const selectEl of $('select[onchange]').toArray()) {
      const select = $(selectEl as Element);
      const handler = select.attr('onchange') ?? '';
      const all = select
        .find('option')
        .toArray()
        .map((el) => ({ el: el as Element, text: squash($(el).text()), value: ($(el).attr('value') ?? $(el).text()).trim() }));
      const direct = GOES.test(handler) && all.filter((o) => ADDRESS.test(o.value)).length >= 2;
      const options: JumpOption[] = [];
      const unread: JumpOption[] = [];
      all.slice(0, MAX_CHOICES).forEach((o, i) => {
        if (!o.value || /^javascript:/i.test(o.value)) return;
        let went: string | null = direct && ADDRESS.test(o.value) ? o.value : null;
        if (!direct) {
          sandbox ??= pageSandbox($, pageUrl);
          went = sandbox.choose(handler, attributes(select), all, i);
        }
        const url = went ? resolveLink(went, base) : null;
        if (url && url !== pageUrl) options.push({ el: o.el, text: o.text, url });
        else if (!url) unread.push({ el: o.el, text: o.text, url: '' });
      });
      if (options.length || unread.length) menus.push({ select: selectEl as Element, options, unread });
    }
  } finally {
    sandbox?.dispose();
  }
  return menus;
}

function attributes(node: ReturnType<Doc>): Record<string, string> {
  const el = node.get(0) as Element | undefined;
  return { ...(el?.attribs ?? {}) };
}

/** A sandbox with the page's inline scripts run in order (a jump menu's helper is defined in the page). */
function pageSandbox($: Doc, pageUrl: string): ScriptSandbox {
  const sandbox = new ScriptSandbox(pageUrl);
  for (const el of $('script:not([src])').toArray()) {
    const type = $(el).attr('type');
    if (isJavaScript(type ? `type="${type}"` : '')) sandbox.load($(el).text());
  }
  return sandbox;
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
/** A menu of other sites (友情链接, 政府网站, 部门网站): its agency names stand for the sites. */
const SITE_MENU = /链接|网站|导航|站群/;
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
export function agencyMenus($: Doc, pageUrl: string, pageNamesReports: boolean): AgencyMenus {
  const host = new URL(pageUrl).host;
  const out: AgencyMenus = { columns: [], unread: [] };
  const names = (o: JumpOption) => agencyOfLinkText(o.text) === o.text;
  for (const menu of jumpMenus($, pageUrl)) {
    const caption = menuCaption($, menu.select);
    if (SITE_MENU.test(caption) || !(NAMES_REPORTS.test(caption) || (pageNamesReports && AGENCY_MENU.test(caption)))) continue;
    const columns = menu.options.filter((o) => {
      const u = new URL(o.url);
      return names(o) && u.host === host && !HOME_PATH.test(u.pathname) && !/\.(pdf|docx?|wps|ofd|xlsx?|zip|rar)$/i.test(u.pathname);
    });
    const unread = menu.unread.filter(names);
    if (columns.length + unread.length < 2) continue;
    for (const c of columns) if (!out.columns.some((o) => o.url === c.url)) out.columns.push({ url: c.url, columnAgency: c.text });
    out.unread.push(...unread.map((o) => o.text));
  }
  return out;
}
