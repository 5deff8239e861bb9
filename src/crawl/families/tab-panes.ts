/**
 * Year panes whose year is only on the tab that shows them: a 年报 column drawn as year tabs over one pane per year,
 * the pane itself unmarked (round 34e's panes carried `data-year`; left open there: panes matched to their tabs by
 * order). Two ways a page ties a tab to its pane:
 * - by id: Bootstrap's `<a href="#nb2023" data-toggle="tab">2023年度</a>` (or `data-target`, `data-bs-target`,
 *   `aria-controls`) naming the pane's id;
 * - by order: a tab bar whose entries are years only (layui's `layui-tab-title` over `layui-tab-item`s, a homemade
 *   `<div class="tab_tit"><span>2024年</span>…</div>` over `<div class="tab_con"><ul>…</ul><ul>…</ul></div>`), the
 *   panes being the first element after it with as many children, each holding links.
 * Only tabs whose whole text is one year count (2024, 2024年, 2024年度, 二〇二四年): a tab naming anything else
 * (部门年报, 往年) gives no year.
 */
import type { Element } from 'domhandler';
import { yearOnly } from '../classify/text.ts';
import { squash, type Doc } from '../html.ts';

/** Attributes by which a tab names its pane. */
const TAB_TARGETS = ['href', 'data-target', 'data-bs-target', 'aria-controls'] as const;

/** The pane's id a tab names (`#nb2023`, `nb2023`), or null. */
function targetId(el: Element): string | null {
  for (const name of TAB_TARGETS) {
    const value = el.attribs?.[name]?.trim();
    if (!value) continue;
    if (name === 'href' || value.startsWith('#')) {
      const m = /^#([\w-]+)$/.exec(value);
      if (m) return m[1]!;
      continue;
    }
    if (/^[\w-]+$/.test(value)) return value;
  }
  return null;
}

/** A tab's year: its whole visible text one year. */
const tabYear = ($: Doc, el: Element): number | null => yearOnly(squash($(el).text()));

/** A tab does not lead to a page of its own: no href, a fragment, or a script. */
const staysOnPage = (el: Element): boolean => {
  const href = el.attribs?.href?.trim();
  return !href || href.startsWith('#') || /^javascript:/i.test(href);
};

/** Panes named by id from year tabs. */
function panesById($: Doc): Map<Element, number> {
  const out = new Map<Element, number>();
  $('a[href^="#"], [data-target], [data-bs-target], [aria-controls]').each((_, el) => {
    const year = tabYear($, el as Element);
    const id = targetId(el as Element);
    if (year === null || id === null) return;
    const pane = $(`[id="${id}"]`).first();
    if (pane.length && pane.find('a[href]').length) out.set(pane.get(0) as Element, year);
  });
  return out;
}

/** The entries of a tab bar: its element children, or the single list inside it (`<div><ul><li>2024年</li>…`). */
function tabEntries($: Doc, bar: Element): Element[] {
  let kids = $(bar).children().toArray() as Element[];
  if (kids.length === 1 && $(kids[0]).is('ul, ol')) kids = $(kids[0]).children().toArray() as Element[];
  return kids;
}

/** Panes matched to a bar of year tabs by order. */
function panesByOrder($: Doc): Map<Element, number> {
  const out = new Map<Element, number>();
  $('ul, ol, div, p, nav, dl').each((_, el) => {
    const bar = el as Element;
    const tabs = tabEntries($, bar);
    if (tabs.length < 2) return;
    const years = tabs.map((t) => tabYear($, t));
    if (years.some((y) => y === null) || new Set(years).size !== years.length) return;
    // A tab is a button or a link that stays on the page (or one wrapping such a link): no page of its own.
    if (!tabs.every((t) => staysOnPage(t) && $(t).find('a[href]').toArray().every((a) => staysOnPage(a as Element)))) return;
    const panes = paneSetAfter($, bar, tabs.length);
    if (!panes) return;
    panes.forEach((pane, i) => out.set(pane, years[i]!));
  });
  return out;
}

/**
 * The first element after the bar (or after its parent, for a bar wrapped in a title box) with exactly `n` element
 * children, at least two of them holding links: the panes, in the tabs' order.
 */
function paneSetAfter($: Doc, bar: Element, n: number): Element[] | null {
  for (let from = $(bar), depth = 0; depth < 2 && from.length; depth++, from = from.parent()) {
    const next = from.nextAll().first();
    if (!next.length) continue;
    for (const candidate of [next, next.children().first()]) {
      const panes = candidate.children().toArray() as Element[];
      if (panes.length !== n) continue;
      if (panes.filter((p) => $(p).find('a[href]').length || $(p).is('a[href]')).length < 2) continue;
      return panes;
    }
  }
  return null;
}

/** Year panes shown by year tabs, with their years: by id first (it names the pane), else by order. */
export function tabPaneYears($: Doc): Map<Element, number> {
  const out = panesByOrder($);
  for (const [pane, year] of panesById($)) out.set(pane, year);
  return out;
}
