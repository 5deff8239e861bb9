/**
 * A later page of the seed's own pager announcing fewer items than its first page did ("共13条" after "共15条"): a copy
 * of the list from before its newest items went up (a cache answering later pages stale to a client with no cookie,
 * round 68d), its page borders shifted, so items at them may be on no page read. Said (seed-tally.ts staleListPages),
 * never read as the list's end.
 */
import { announcedTotals } from './families/announced.ts';

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
