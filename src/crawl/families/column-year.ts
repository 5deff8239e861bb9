/**
 * The year of a per-year list page (a 年报 column's "2024年度" tab or heading), given to the report titles on it
 * that carry none ("某局政府信息公开工作年度报告" under the 2024年度 tab): a demanding user expects such a report found,
 * with the year its column names. The year is written into the item's title in brackets ("…年度报告（2024年度）")
 * so that the title shows where it came from, and the classification and attribution read it as any title's year.
 */
import type { Element } from 'domhandler';
import { chineseYearsToDigits, yearOnly } from '../classify/text.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear } from '../classify/year.ts';
import { documentBase, loadHtml, squash, type Doc } from '../html.ts';
import { linkTarget, type ListItem } from '../list-page.ts';
import { tabPaneYears } from './tab-panes.ts';
import { CAPTION_CANDIDATES, yearCaptions } from './year-captions.ts';

/**
 * A group heading naming its year and the reports under it, nothing else: 2024年 / 2024年度报告 / 2024年年报 /
 * 2024年度政府信息公开工作年度报告 (a fold `<summary>2023年度报告</summary>` over that year's reports). A heading naming
 * anything else (2024年工作要点) is no year group's.
 */
const YEAR_GROUP = /^((?:19|20)\d{2})\s*(?:年|年度)?\s*(?:(?:政府|政务)?(?:信息)?公开(?:工作)?)?(?:年度报告|年报|报告)?$/;
/** Where a page marks the year it shows: the selected tab of a year menu, or a heading. */
const YEAR_MARKS = '.on, .active, .cur, .current, .selected, .sel, h1, h2, h3, h4, h5, h6';

/** The one year this page's selected tab or headings name; null when none or several. */
export function columnYear($: Doc): number | null {
  const years = new Set<number>();
  for (const el of $(YEAR_MARKS).toArray()) {
    const year = yearOnly(squash($(el).text()));
    if (year !== null) years.add(year);
  }
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * Headings a list may be grouped under: 2024年 above its items (`<h3>`, `<dt>`, a row of one cell, a caption, the
 * `<summary>` of a `<details>` fold).
 */
const GROUP_HEADINGS = 'h1, h2, h3, h4, h5, h6, dt, caption, summary, tr';

/**
 * The year each link of a list grouped by year headings stands under (`<h3>2024年</h3><ul>…</ul><h3>2023年</h3>…`,
 * `<dl><dt>2023</dt><dd>…</dd>`, `<details><summary>２０２３年度</summary><ul>…</ul></details>`, a table row
 * `<td colspan="3">2023年度</td>` above its rows, a year caption that is no heading: year-captions.ts): walking the
 * page in document order, a heading that is a year opens its group, and any other heading closes it.
 */
export function groupYears($: Doc, pageUrl: string): Map<string, number> {
  const base = documentBase($, pageUrl);
  const out = new Map<string, number>();
  const captions = yearCaptions($);
  let year: number | null = null;
  let empty = false;
  let linked = true;
  for (const el of $(`${GROUP_HEADINGS}, a[href], ${CAPTION_CANDIDATES}`).toArray()) {
    const node = $(el);
    if (node.is('a')) {
      const url = year === null ? null : linkTarget(node, base);
      if (url && !out.has(url)) out.set(url, year!);
      linked = true;
      continue;
    }
    if (!node.is(GROUP_HEADINGS) && !captions.has(el)) continue;
    // A table row is a heading only when it is one cell (the others are the items' own rows).
    if (node.is('tr') && (node.children('td, th').length !== 1 || node.find('a').length)) continue;
    const text = squash(node.text());
    if (!text) continue;
    const m = YEAR_GROUP.exec(chineseYearsToDigits(text.normalize('NFKC')));
    // A year heading with no link before the next heading heads no group: the years are not a grouped list's.
    if (year !== null && !linked) empty = true;
    year = m?.[1] ? Number(m[1]) : null;
    linked = false;
  }
  return empty ? new Map() : out;
}

/**
 * The items, those whose title is a report's but for its year given the year of the group heading they stand
 * under, else the column's year, in brackets.
 */
export function withColumnYear(html: string, items: ListItem[], pageUrl?: string): ListItem[] {
  // Only titles a year would make a report's are looked at (the year's value does not change the verdict): a page
  // whose yearless items are its menus and footer is not parsed again.
  const yearless = items.filter((i) => parseReportYear(i.title) === null && classifyTitle(`${i.title}（${SOME_YEAR}年度）`).isReport);
  if (!yearless.length) return items;
  const $ = loadHtml(html);
  const groups = pageUrl ? groupYears($, pageUrl) : new Map<string, number>();
  const column = columnYear($);
  const panes = paneYears($, pageUrl);
  if (column === null && !groups.size && !panes.size) return items;
  const given = (item: ListItem) => groups.get(item.url) ?? panes.get(item.url) ?? column;
  const folds = publicationFolds(items, given);
  return items.map((item) => {
    const named = given(item);
    const year = named === null ? null : (folds.get(named) ?? named);
    if (!yearless.includes(item) || year === null) return item;
    const title = `${item.title}（${year}年度）`;
    return classifyTitle(title).isReport ? { ...item, title } : item;
  });
}

/**
 * The years that name when their items went up, not the year they report on (an old CMS's folders "2024年" holding
 * the reports on 2023, round 76a), each mapped to the year before: a year under which every report title naming a
 * year names the year before, and none its own. Its yearless reports are of the year before too.
 */
function publicationFolds(items: ListItem[], given: (item: ListItem) => number | null): Map<number, number> {
  const named = new Map<number, number[]>();
  for (const item of items) {
    const year = given(item);
    const own = year === null || !classifyTitle(item.title).isReport ? null : parseReportYear(item.title);
    if (year !== null && own !== null) named.set(year, [...(named.get(year) ?? []), own]);
  }
  return new Map([...named].filter(([year, own]) => own.every((y) => y === year - 1)).map(([year]) => [year, year - 1]));
}

/** Any year a report may name: classifyTitle asks whether a title names one, not which. */
const SOME_YEAR = 2020;

/** A year alone in an attribute's value (`data-year="2023"`, `id="nb2023"`, `class="year-2023"`), not in a longer number. */
const ATTR_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const paneYearOf = (el: Element): number | null => {
  for (const [name, value] of Object.entries(el.attribs ?? {})) {
    if (name !== 'id' && name !== 'class' && !name.startsWith('data-')) continue;
    const years = [...value.matchAll(new RegExp(ATTR_YEAR, 'g'))].map((m) => Number(m[1]));
    if (years.length === 1) return years[0]!;
  }
  return null;
};

/**
 * The year each link stands under in a set of year panes: a list per year in the page, each marked with its year in
 * an attribute (`<ul data-year="2023" style="display:none">`, `<div id="nb2023">`), shown by year tabs that are
 * buttons (round 34e: the selected tab said 2024年度, and the 2023 pane's yearless report took 2024). Only where two
 * or more such panes name different years; a link's year is its nearest marked ancestor's. Panes left unmarked, their
 * year on the tab that shows them (by the pane's id, or by order), count too (tab-panes.ts).
 */
export function paneYears($: Doc, pageUrl: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!pageUrl) return out;
  const marked = $('[data-year], ul[id], ul[class], ol[id], div[id], div[class], tbody[id], table[id]')
    .toArray()
    .filter((el) => paneYearOf(el as Element) !== null && $(el).find('a[href]').length > 0)
    .map((el) => [el as Element, paneYearOf(el as Element)!] as const);
  // Panes whose year is on their tab only (tab-panes.ts); a pane marked itself keeps its own year (met last).
  const panes = [...tabPaneYears($), ...marked];
  if (new Set(panes.map(([, year]) => year)).size < 2) return out;
  const base = documentBase($, pageUrl);
  for (const [el, year] of panes) {
    $(el)
      .find('a[href]')
      .each((_, a) => {
        // A link opened by script (`href="javascript:;" onclick="window.open('…')"`, `data-url`) is keyed by the
        // address its item has (round 38a: a hidden 2023 pane's window.open link took the shown 2024 tab's year).
        const url = linkTarget($(a), base);
        // The nearest marked ancestor wins: panes are met outermost first, so an inner one overwrites.
        if (url) out.set(url, year);
      });
  }
  return out;
}
