/**
 * TRS WCM (拓尔思) list pages. The pager (read in trs-pager.ts) is written by script, in one of three styles seen
 * on real sites:
 *  (a) `createPageHTML(count, current0, "index", "html"|"shtml")`: 0-based current page; page 1 is index.html,
 *      page k ≥ 2 is index_{k-1}.html (extra trailing arguments are ignored);
 *  (b) `createPageHTML('page_div', count, current1, 'prefix', 'shtml', totalRecords)`: a div id first, a 1-based
 *      current page; page 1 is prefix.shtml, page k ≥ 2 is prefix_{k}.shtml; or 0-based as in (a), when the call
 *      says so (a current page of 0, or the page named prefix_1: trs-pager.ts `zeroBased`);
 *  (c) the legacy inline pager: `var countPage = N//共多少页`, `var currentPage = M`, and document.write building
 *      index_M.html links.
 * A `createPageHTML` on a detail page is article paging (`createPageHTML(1,0,"t20190918_693227","shtml")`), never
 * list paging; calls and lists inside HTML comments are not on the page. Only the page *after* the current one is
 * returned, so incremental crawls can stop early; without a pager of its own the page pages like a plain list.
 */
import { loadHtml, withoutComments } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, ListParser } from './family.ts';
import { withGenericPaging } from './pager.ts';
import { extOf, hasTrsPager } from './trs-pager.ts';

export { hasTrsPager, parseTrsPager, trsNextPage, trsPageUrl, type TrsPager } from './trs-pager.ts';

export function looksLikeTrs(html: string): boolean {
  return hasTrsPager(html) || /\/\d{6}\/t\d{8}_\d+(_wap)?\.s?html?/.test(withoutComments(html));
}

/** The TRS page-name convention, for script pagers that show no real page link: page n is index_{n-1}. */
function trsTemplate(pageUrl: string) {
  const ext = extOf(pageUrl) ?? 'html';
  const stem = /\/([A-Za-z][\w-]*?)(?:_\d+)?\.s?html?$/.exec(new URL(pageUrl).pathname)?.[1] ?? 'index';
  return (n: number) => (n < 2 ? null : new URL(`${stem}_${n - 1}.${ext}`, pageUrl).href);
}

export function parseTrsList(visit: PageVisit, cursor?: ListCursor): ListPageResult {
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  // The pager script (read by withGenericPaging, last page included), else the generic pager with the TRS naming.
  return withGenericPaging({ items, next: [] }, visit.body, visit.loadedUrl, { template: trsTemplate(visit.loadedUrl), cursor });
}

export const trs: ListParser = { family: 'trs', parse: (visit, cursor) => parseTrsList(visit, cursor) };
