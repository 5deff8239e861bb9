/**
 * Per-year aggregator pages (a government's "2023年度政府信息公开工作年度报告" index of its departments and towns).
 * Links often carry the full report title, which the generic parser handles; many carry only the department's
 * name ("市教育局"). Under a heading that names the year and the reports, such a link stands for that department's
 * report of that year, and is given the title it stands for. Links may point at other hosts of the registry.
 */
import type { Element } from 'domhandler';
import { isAgencyName } from '../classify/agency.ts';
import { classifyTitle } from '../classify/title.ts';
import { parseReportYear } from '../classify/year.ts';
import { loadHtml, squash, type Doc } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListPageResult, ListParser } from './family.ts';
import { withGenericPaging } from './generic.ts';

const COLLECTION = /(年度报告|年报)/;

/** The year of an aggregator page: from its main heading (or <title>) naming the annual reports, else null. */
export function aggregatorYear($: Doc): number | null {
  for (const sel of ['h1', '.list-title', 'h2', 'h3', '.title', '.tit', 'caption', 'meta[name="ColumnName"]', 'title']) {
    const node = $(sel).first();
    const text = squash(node.is('meta') ? (node.attr('content') ?? '') : node.text());
    if (text && COLLECTION.test(text)) {
      const year = parseReportYear(text);
      if (year) return year;
    }
  }
  return null;
}

/** Links whose whole text is an agency name. */
function agencyLinks($: Doc): Element[] {
  return $('a[href]')
    .toArray()
    .filter((el) => isAgencyName(squash($(el).text())) && !$(el).closest('header, footer, nav, .nav, .header, .footer, .position, .breadcrumb').length);
}

export function looksLikeAggregator(html: string): boolean {
  const $ = loadHtml(html);
  return aggregatorYear($) !== null && agencyLinks($).length >= 2;
}

export function parseAggregatorList(visit: PageVisit): ListPageResult {
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  const year = aggregatorYear($);
  if (year !== null) {
    for (const item of items) {
      if (classifyTitle(item.title).isReport || !isAgencyName(item.title)) continue;
      item.title = `${item.title}${year}年政府信息公开工作年度报告`;
    }
  }
  return withGenericPaging({ items, next: [] }, visit.body, visit.loadedUrl);
}

export const aggregator: ListParser = { family: 'aggregator', parse: (visit) => parseAggregatorList(visit) };
