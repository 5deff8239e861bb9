/**
 * The year of a per-year list page (a 年报 column's "2024年度" tab or heading), given to the report titles on it
 * that carry none ("某局政府信息公开工作年度报告" under the 2024年度 tab): a demanding user expects such a report found,
 * with the year its column names. The year is written into the item's title in brackets ("…年度报告（2024年度）")
 * so that the title shows where it came from, and the classification and attribution read it as any title's year.
 */
import { chineseYearsToDigits } from '../classify/text.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear } from '../classify/year.ts';
import { loadHtml, squash, type Doc } from '../html.ts';
import type { ListItem } from '../list-page.ts';

/** A tab or heading that is a year only: 2024 / 2024年 / 2024年度 (Chinese numerals and full-width digits too). */
const YEAR_ONLY = /^((?:19|20)\d{2})\s*(?:年|年度)?$/;
/** Where a page marks the year it shows: the selected tab of a year menu, or a heading. */
const YEAR_MARKS = '.on, .active, .cur, .current, .selected, .sel, h1, h2, h3, h4, h5, h6';

/** The one year this page's selected tab or headings name; null when none or several. */
export function columnYear($: Doc): number | null {
  const years = new Set<number>();
  for (const el of $(YEAR_MARKS).toArray()) {
    const m = YEAR_ONLY.exec(chineseYearsToDigits(squash($(el).text()).normalize('NFKC')));
    if (m?.[1]) years.add(Number(m[1]));
  }
  return years.size === 1 ? [...years][0]! : null;
}

/** The items, those whose title is a report's but for its year given the column's year in brackets. */
export function withColumnYear(html: string, items: ListItem[]): ListItem[] {
  const yearless = items.filter((i) => parseReportYear(i.title) === null);
  if (!yearless.length) return items;
  const year = columnYear(loadHtml(html));
  if (year === null) return items;
  return items.map((item) => {
    if (!yearless.includes(item)) return item;
    const title = `${item.title}（${year}年度）`;
    return classifyTitle(title).isReport ? { ...item, title } : item;
  });
}
