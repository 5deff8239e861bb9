/**
 * Plain server-rendered lists: the items are the page's links, the next page comes from the generic pager
 * (pager.ts), and a per-year menu's bare-year links are list pages too. Every other family ends its parse with
 * `withGenericPaging`, so a page whose family signal is absent or spent still pages like a plain list.
 */
import { loadHtml } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListPageResult, ListParser, NextListRequest } from './family.ts';
import { nextPageUrl, yearColumnLinks, type GenericPagerOptions } from './pager.ts';

export function genericNextPage(html: string, pageUrl: string, opts: GenericPagerOptions = {}): string | null {
  return nextPageUrl(html, pageUrl, opts);
}

/**
 * A family's result completed with what any list page may carry: when the family gave no next request, the
 * generic pager's; and the year columns of a per-year 年报 menu (never items).
 */
export function withGenericPaging(result: ListPageResult, html: string, pageUrl: string, opts: GenericPagerOptions = {}): ListPageResult {
  const next: NextListRequest[] = [...result.next];
  if (!next.length) {
    const url = nextPageUrl(html, pageUrl, opts);
    if (url) next.push({ url });
  }
  const years = new Set(yearColumnLinks(html, pageUrl));
  for (const n of next) years.delete(n.url);
  next.push(...[...years].map((url) => ({ url })));
  const items = years.size ? result.items.filter((i) => !years.has(i.url)) : result.items;
  return { items, next };
}

export function parseGenericList(visit: PageVisit): ListPageResult {
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  return withGenericPaging({ items, next: [] }, visit.body, visit.loadedUrl);
}

export const generic: ListParser = { family: 'generic', parse: (visit) => parseGenericList(visit) };
