/**
 * The next page told by its address alone: a link on the page to where this list's next page is by the common
 * namings, whatever the link shows (an icon, an arrow image, "较早文章", "Older"): `…/page/3/` after `…/page/2/` or
 * after the column's bare `…/` (WordPress and most PHP CMSs), `list_12_3.html` after `list_12_2.html`, `list_2.html` or
 * TRS `index_1.html` after the bare `list.html` / `index.html`, `?paged=3` after `?paged=2` or after the bare address.
 * Only an address the page links is taken, never a guess; the last pager the generic one tries.
 */
import { resolveLink } from '../../download/scope.ts';
import { documentBase, type Doc } from '../html.ts';

/** Page parameters of a query pager; `p` only where the page's own address already counts by it (WordPress's `?p=` is a post). */
const QUERY_KEYS = ['page', 'paged', 'pageNo', 'pageno', 'pageIndex', 'pageNum', 'pn', 'curPage', 'currentPage'];

/** Where the page after this one would be, by each naming that fits this page's own address. */
function nextAddresses(pageUrl: string): string[] {
  const u = new URL(pageUrl);
  u.hash = '';
  const at = (pathname: string, search = u.search) => {
    const x = new URL(u.href);
    x.pathname = pathname;
    x.search = search;
    return x.href;
  };
  const out: string[] = [];
  const path = u.pathname;
  const paged = /^(.*\/page\/)(\d{1,4})(\/?)$/.exec(path);
  if (paged) out.push(at(`${paged[1]}${Number(paged[2]) + 1}${paged[3]}`));
  else if (path.endsWith('/')) out.push(at(`${path}page/2/`), at(`${path}page/2`), ...['index_1', 'index_2'].flatMap((f) => ['.html', '.shtml', '.htm'].map((x) => at(`${path}${f}${x}`))));
  const numbered = /^(.*\/[A-Za-z][\w-]*?)_(\d{1,4})(\.[a-z]{3,5})$/i.exec(path);
  if (numbered) out.push(at(`${numbered[1]}_${Number(numbered[2]) + 1}${numbered[3]}`));
  else {
    const bare = /^(.*\/[A-Za-z][\w-]*)(\.[a-z]{3,5})$/i.exec(path);
    if (bare) out.push(at(`${bare[1]}_1${bare[2]}`), at(`${bare[1]}_2${bare[2]}`));
  }
  const counted = [...QUERY_KEYS, 'p'].find((k) => /^\d{1,4}$/.test(u.searchParams.get(k) ?? ''));
  for (const key of counted ? [counted] : QUERY_KEYS) {
    const x = new URL(u.href);
    x.searchParams.set(key, String(counted ? Number(u.searchParams.get(key)) + 1 : 2));
    out.push(x.href);
  }
  return out;
}

/** An address with its query parameters in order, so that `?a=1&page=2` and `?page=2&a=1` are one. */
function normal(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.searchParams.sort();
  return u.href;
}

/** The page's link to its next page by address (nextAddresses), or null. */
export function addressedNextPage($: Doc, pageUrl: string): string | null {
  const wanted = new Set(nextAddresses(pageUrl).map(normal));
  const base = documentBase($, pageUrl);
  for (const el of $('a[href]').toArray()) {
    const url = resolveLink($(el).attr('href'), base);
    if (url && url !== pageUrl && wanted.has(normal(url))) return url;
  }
  return null;
}
