/**
 * A tab bar of links showing one column's list for each of its parts (`nb.asp?dw=琼结县人民政府` | `?dw=琼结镇人民政府` |
 * …, the first marked `class="on"`: round 89d), each tab this page's own address with one query field changed: the
 * other tabs are the same list for the column's other units (or years), read as its list pages. Told by the bar
 * itself, not by the field's name: two links or more side by side, each naming a unit or a year, the first marked
 * current and naming this page, no 全部 among them.
 */
import type { Element } from 'domhandler';
import { documentBase, squash, type Doc } from '../html.ts';
import { resolveLink } from '../../download/scope.ts';

/** A class marking the current tab: on, active, cur, current, sel, selected, now, or one ending so (tab-on, item_cur). */
const CURRENT = /(?:^|\s)(?:[\w-]*[-_])?(?:on|active|cur|curr|current|sel|selected|now|this)(?:\s|$)/i;
/** A pager's label, no tab: a page number, 首页, 下一页, 尾页, 更多. */
const PAGER = /^(?:\d{1,3}|第?\s*\d{1,3}\s*页|首页|上一?页|下一?页|尾页|末页|更多|more|[<>«»‹›]+)$/i;
const MAX_TABS = 40;
/** A tab naming a part of the column: a unit (琼结镇, 县教育局, 某某街道) or a year (2024, 2024年度). */
const PART = /(?:局|委|办|院|厅|署|政府|镇|乡|街道|委员会|办公室|管委会|中心|区|县|市|旗|苏木|所|站|队|馆|部门|单位)$|^(?:19|20)\d{2}\s*年?度?$/;
/** A tab showing the whole list, of which the others are filters: 全部, 所有, 不限. */
const WHOLE = /^(?:全部|所有|不限|全部(?:单位|年份|年度|信息))$/;

/** The other tabs of the page's own tab bars: its address with one query field set as each tab sets it. */
export function siblingTabLinks($: Doc, pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const base = documentBase($, pageUrl);
  const bars = new Map<Element, { tab: Element; url: URL; label: string }[]>();
  const wholeBars = new Set<Element>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const label = squash(a.text());
    if (!label || label.length > 12 || PAGER.test(label)) return;
    // The tab: the link, or the cell or item holding it alone; its bar, what holds the tabs.
    const parent = el.parent as Element | null;
    const tab = parent && parent.type === 'tag' && squash($(parent).text()) === label ? parent : el;
    const bar = tab.parent as Element | null;
    if (!bar) return;
    // A bar offering the whole list (全部) filters one list by its parts: its other tabs are no lists of their own to
    // read beside it (a town's view of its district's column, round 60c: the district's other towns are not its own).
    if (WHOLE.test(label)) return void wholeBars.add(bar);
    // The current tab names this very page: resolved as it is written (page-link.ts leaves a page's own link out).
    const href = /^\s*javascript:/i.test(a.attr('href') ?? '') ? null : resolveLink(a.attr('href'), base);
    if (!href) return;
    const url = new URL(href);
    if (url.origin !== page.origin || url.pathname !== page.pathname || !url.search) return;
    bars.set(bar, [...(bars.get(bar) ?? []), { tab, url, label }]);
  });
  const out: string[] = [];
  for (const [bar, tabs] of bars) {
    // Each tab names a part of the column (a unit, a year): a bar of other columns (政策文件 | 年报) is the site's menu.
    if (tabs.length > MAX_TABS || wholeBars.has(bar) || !tabs.every((t) => PART.test(t.label))) continue;
    // The current tab written as text alone before the linked ones (<td class="tab_on">旗政府</td><td class="tab"><a
    // href="?type=bm">旗直部门</a></td>…, round 92a), the page's address setting no field or another value: the linked
    // tabs are its other parts.
    if (textCurrentTab($, bar, tabs[0]!.tab)) {
      const fields = tabs.map((t) => rawFields(t.url));
      const field = tabs.length === 1 ? onlyField(fields[0]!) : changedField(fields);
      if (field && !fields.some((f) => f.get(field) === rawFields(page).get(field))) out.push(...tabs.map((t) => t.url.href));
      continue;
    }
    if (tabs.length < 2) continue;
    const fields = tabs.map((t) => rawFields(t.url));
    const field = changedField(fields);
    if (!field) continue;
    const current = tabs.filter((t) => CURRENT.test(`${$(t.tab).attr('class') ?? ''} ${$(t.tab).children('a').attr('class') ?? ''}`));
    // The page shows the bar's first tab, the column's own view (the government's, before its departments and towns):
    // a page showing another part (a bureau’s view of a shared column its article linked, round 67c) is that part's,
    // and its neighbours' lists are not its own. A page whose address sets no such field is the column's default view,
    // the first tab's (`nb.html` showing `?lb=bj` marked current, round 100c).
    const own = rawFields(page);
    if (current.length !== 1 || current[0] !== tabs[0] || (own.has(field) && fields[0]!.get(field) !== own.get(field))) continue;
    for (const t of tabs.slice(1)) out.push(t.url.href);
  }
  return out;
}

/** The bar's first element of the tabs' tag, before `firstTab`, marked current, naming a part and linking nowhere. */
function textCurrentTab($: Doc, bar: Element, firstTab: Element): boolean {
  const kin = $(bar).children().toArray().filter((c) => (c as Element).name === firstTab.name) as Element[];
  const first = kin[0];
  if (!first || first === firstTab || kin.indexOf(firstTab) !== 1) return false;
  const node = $(first);
  return CURRENT.test(node.attr('class') ?? '') && !node.find('a[href]').length && PART.test(squash(node.text()));
}

/** The one query field of an address, or null. */
function onlyField(fields: Map<string, string>): string | null {
  return fields.size === 1 ? [...fields.keys()][0]! : null;
}

/**
 * A query's fields as written, not decoded: a value in GBK's percent-encoding decodes as UTF-8 to replacement
 * characters alike for every unit (`dw=%C7%ED…`), which would make all tabs one.
 */
function rawFields(u: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of u.search.slice(1).split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    out.set(name, `${out.has(name) ? `${out.get(name)}\u0000` : ''}${at < 0 ? '' : pair.slice(at + 1)}`);
  }
  return out;
}

/** The one query field the addresses differ in (the same fields, each other field alike), or null. */
function changedField(fields: Map<string, string>[]): string | null {
  const names = (f: Map<string, string>) => [...f.keys()].sort().join('&');
  if (new Set(fields.map(names)).size !== 1) return null;
  const differing = [...fields[0]!.keys()].filter((k) => new Set(fields.map((f) => f.get(k))).size > 1);
  if (differing.length !== 1) return null;
  const k = differing[0]!;
  return new Set(fields.map((f) => f.get(k))).size === fields.length ? k : null;
}
