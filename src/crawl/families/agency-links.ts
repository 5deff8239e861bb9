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
import { loadHtml, squash, type Doc } from '../html.ts';
import type { ListItem } from '../list-page.ts';

const COLLECTION = /(年度报告|年报)/;
const HEADINGS = ['h1', '.list-title', 'h2', 'h3', '.title', '.tit', 'caption', 'meta[name="ColumnName"]', 'title'];
const CHROME = 'header, footer, nav, .nav, .header, .footer, .position, .breadcrumb';

/** The year of an aggregator page: from its main heading (or <title>) naming the annual reports, else null. */
export function aggregatorYear($: Doc): number | null {
  for (const sel of HEADINGS) {
    const node = $(sel).first();
    const text = squash(node.is('meta') ? (node.attr('content') ?? '') : node.text());
    if (text && COLLECTION.test(text)) {
      const year = parseReportYear(text);
      if (year) return year;
    }
  }
  return null;
}

/** Links whose whole text is an agency name, outside the site chrome. */
export function agencyLinks($: Doc): Element[] {
  return $('a[href]')
    .toArray()
    .filter((el) => isAgencyName(squash($(el).text())) && !$(el).closest(CHROME).length);
}

/** Items whose title is a bare agency name, retitled as that agency's report of the page's year (in place). */
export function titleAgencyLinks(html: string, items: ListItem[]): ListItem[] {
  if (!items.some((i) => isAgencyName(i.title))) return items;
  const year = aggregatorYear(loadHtml(html));
  if (year === null) return items;
  for (const item of items) {
    if (classifyTitle(item.title).isReport || !isAgencyName(item.title)) continue;
    item.title = `${item.title}${year}年政府信息公开工作年度报告`;
  }
  return items;
}
