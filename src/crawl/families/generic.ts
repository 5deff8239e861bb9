/**
 * Plain server-rendered lists: the items are the page's links, the next page comes from the generic pager
 * (pager.ts), and a per-year menu's bare-year links are list pages too. Every other family ends its parse with
 * `withGenericPaging`, so a page whose family signal is absent or spent still pages like a plain list.
 */
import { loadHtml } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, ListParser } from './family.ts';
import { looksLikeHanweb, parseHanwebList } from './hanweb.ts';
import { nextPageUrl, withGenericPaging, type GenericPagerOptions } from './pager.ts';

export { withGenericPaging };

export function genericNextPage(html: string, pageUrl: string, opts: GenericPagerOptions = {}): string | null {
  return nextPageUrl(html, pageUrl, opts);
}

export function parseGenericList(visit: PageVisit, cursor?: ListCursor): ListPageResult {
  // A page of a seed detected otherwise that carries a Hanweb island (a year column, a sub-column) is read as one.
  if (looksLikeHanweb(visit.body)) return parseHanwebList(visit, undefined);
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  return withGenericPaging({ items, next: [] }, visit.body, visit.loadedUrl, { cursor });
}

export const generic: ListParser = { family: 'generic', parse: (visit, cursor) => parseGenericList(visit, cursor) };
