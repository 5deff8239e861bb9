/**
 * A later page of the seed's own pager announcing fewer items than its first page did ("共13条" after "共15条"): a copy
 * of the list from before its newest items went up (a cache answering later pages stale to a client with no cookie,
 * round 68d), its page borders shifted, so items at them may be on no page read. Said (seed-tally.ts staleListPages),
 * never read as the list's end.
 *
 * The converse: a later page announcing more items than the page before it ("共13条" after "共12条"), which was the
 * stale copy (a CDN keeping a column's static `index.html` from before its newest report went up, while the pager's
 * pages are dynamic and fresh, round 103d): the newest items are on no page read. The pager's own first page
 * (`index.html?uid=…&pageNum=1`, its 首页 or 1) is another address than the copy: read there (freshFirstPage). With
 * none, nothing is said: two registered portals (a WAF's cache, a stale folder copy) announce more on a later page
 * with every report read, and a count alone cannot tell a miss.
 */
import { announcedTotals } from './families/announced.ts';
import { resolveLink } from '../download/scope.ts';
import { documentBase, squash, type Doc } from './html.ts';

/** A query key that numbers a list's pages (`page`, `pageIndex`, `pageNo`, `cur_page`, `p`, `pn`, `start`…). */
const PAGE_KEY = /page|^p$|^pn$|^pi$|^start$|^offset$|^cur/i;

/**
 * Whether a page is a later page of the seed's own pager, the seed being its first: the seed's address with a page
 * number added (`&pageIndex=2`), or the seed's index page numbered (`index.html` → `index_1.html`). A filtered view
 * (`?year=2024`) or a sub-column has a count of its own; a seed that is a later page (a bookmarked `index_2.html`)
 * is no first page to compare with.
 */
export function laterPageOfSeed(seedUrl: string, url: string): boolean {
  const a = new URL(seedUrl);
  const b = new URL(url);
  if (a.origin !== b.origin) return false;
  if (a.pathname === b.pathname) {
    if ([...a.searchParams.keys()].some(PAGE_KEY.test.bind(PAGE_KEY))) return false;
    if ([...a.searchParams].some(([k, v]) => b.searchParams.get(k) !== v)) return false;
    const added = [...b.searchParams.keys()].filter((k) => !a.searchParams.has(k));
    return added.length > 0 && added.every((k) => PAGE_KEY.test(k) && /^\d+$/.test(b.searchParams.get(k) ?? ''));
  }
  const [folderA, fileA] = [a.pathname.replace(/[^/]*$/, ''), a.pathname.replace(/^.*\//, '')];
  const [folderB, fileB] = [b.pathname.replace(/[^/]*$/, ''), b.pathname.replace(/^.*\//, '')];
  if (folderA !== folderB || a.search !== b.search) return false;
  const stem = /^(index|list|default)?(\.\w+)?$/i.exec(fileA);
  if (!stem) return false;
  const name = stem[1] || 'index';
  const ext = stem[2] ?? '';
  return new RegExp(`^${name}_\\d+${ext.replace('.', '\\.')}$`, 'i').test(fileB) || (!stem[1] && /^index_\d+\.\w+$/i.test(fileB));
}

/** The item count a later page of the seed's pager announces when it is fewer than the first page's, else null. */
export function staleCount(seedUrl: string, url: string, html: string, firstAnnounced: number | undefined): number | null {
  if (firstAnnounced === undefined || !laterPageOfSeed(seedUrl, url)) return null;
  const own = announcedTotals(html).announcedItems;
  return own !== undefined && own < firstAnnounced ? own : null;
}

/** What a list page announced of its size, carried to the pages its pager leads to (ListData.announcedBefore). */
export interface AnnouncedBefore {
  url: string;
  items: number;
}

/** The words of a pager's control to its first page: 首页, 第一页, 1, [1]. */
const FIRST_PAGE = /^[[【]?\s*(?:首页|第一页|第1页|1)\s*[\]】]?$/;

/** The item count a page announces ("共13条", a pager script's total), when it says one. */
export function announcedItemCount(html: string): number | undefined {
  return announcedTotals(html).announcedItems;
}

/**
 * Whether `url` is a page of the same list as `before`: the same path (or its numbered index file, `index_2.html`),
 * every argument of `before` but its page number kept (an argument a pager adds, `uid`, is allowed; another year's or
 * unit's view, `?year=2023` after `?year=2024`, is another list with a count of its own).
 */
function sameList(before: string, url: string): boolean {
  const a = new URL(before);
  const b = new URL(url);
  if (a.origin !== b.origin) return false;
  const numbered = a.pathname.replace(/[^/]*$/, '') === b.pathname.replace(/[^/]*$/, '') && /\/(?:index|list|default)?(?:_\d+)?\.\w+$|\/$/i.test(a.pathname) && /_\d+\.\w+$/.test(b.pathname);
  if (a.pathname !== b.pathname && !numbered) return false;
  return [...a.searchParams].every(([k, v]) => PAGE_KEY.test(k) || b.searchParams.get(k) === v);
}

/**
 * Where a list's fresh first page is, on a later page of the same list announcing more items than the page before
 * it: its control to page 1 in this page's folder (the pager's, not the site's 首页: `?pageNum=1` on the same path, or
 * `index.shtml` beside `index_1.shtml` when the copy read was the folder's address), another address than the page
 * read before and this one. `null` when it announces no more; `undefined` when it does and there is no such control.
 */
export function freshFirstPage($: Doc, pageUrl: string, html: string, before: AnnouncedBefore | undefined): string | null | undefined {
  if (!before || !sameList(before.url, pageUrl)) return null;
  const own = announcedItemCount(html);
  if (own === undefined || own <= before.items) return null;
  const base = documentBase($, pageUrl);
  const folder = new URL(pageUrl).pathname.replace(/[^/]*$/, '');
  for (const el of $('a[href]').toArray()) {
    const a = $(el);
    if (!FIRST_PAGE.test(squash(a.text()))) continue;
    const url = resolveLink(a.attr('href'), base);
    if (url && url !== pageUrl && url !== before.url && new URL(url).pathname.replace(/[^/]*$/, '') === folder) return url;
  }
  return undefined;
}
