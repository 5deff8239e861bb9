/**
 * Per-year aggregator pages (a government's "2023年度政府信息公开工作年度报告" index of its departments and towns).
 * Links often carry the full report title, which the generic parser handles; many carry only the department's
 * name ("市教育局"), which agency-links.ts turns into the title it stands for. Links may point at other hosts of
 * the registry. Paging, and year menus, as any list (pager.ts).
 */
import { loadHtml } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import { agencyLinks, aggregatorYear } from './agency-links.ts';
import type { ListPageResult, ListParser } from './family.ts';
import { looksLikeHanweb, parseHanwebList } from './hanweb.ts';
import { withGenericPaging } from './pager.ts';

export { aggregatorYear };

export function looksLikeAggregator(html: string): boolean {
  const $ = loadHtml(html);
  return aggregatorYear($) !== null && agencyLinks($).length >= 2;
}

export function parseAggregatorList(visit: PageVisit): ListPageResult {
  if (looksLikeHanweb(visit.body)) return parseHanwebList(visit, undefined);
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  return withGenericPaging({ items, next: [] }, visit.body, visit.loadedUrl);
}

export const aggregator: ListParser = { family: 'aggregator', parse: (visit) => parseAggregatorList(visit) };
