/**
 * A list page asked although nothing announced it (a jump form on a page stating no page count:
 * families/post-jump-form.ts `jumpFormProbe`) is a probe. Servers answer a page past the end with an empty list, the
 * last page again, or the first: the chain of probed pages ends at a page listing nothing or the same items as a page
 * before it in the chain. The pages are told apart by a digest of their item addresses, carried along the chain in
 * the next request's cursor.
 */
import { createHash } from 'node:crypto';
import type { NextListRequest } from './families/family.ts';
import type { ListItem } from './list-page.ts';
import type { ListCursor } from './requests.ts';

const KEY = 'probeSeen';
/** Pages a probe chain may read: a server answering every page number with new items is not paged forever. */
const MAX_PROBED = 100;

/** The cursor of a probed next page (its chain filled in by `probeChain`). */
export function probeCursor(): ListCursor {
  return { [KEY]: '' };
}

function digest(items: ListItem[]): string {
  const urls = items.map((i) => i.url).sort();
  return createHash('sha1').update(urls.join('\n')).digest('hex').slice(0, 12);
}

/**
 * The next requests of a list page as its probe chain allows: none when this page was probed and lists nothing or
 * repeats a page of its chain (`end` says which), else each probed next request carrying the chain with this page.
 */
export function probeChain(cursor: ListCursor | undefined, items: ListItem[], next: NextListRequest[]): { next: NextListRequest[]; end: string | null } {
  const chain = typeof cursor?.[KEY] === 'string' ? String(cursor[KEY]).split(',').filter(Boolean) : null;
  const probes = next.some((n) => n.cursor && KEY in n.cursor);
  // Most list pages are no probe and ask none: nothing to digest.
  if (!chain && !probes) return { next, end: null };
  const own = digest(items);
  if (chain) {
    if (!items.length) return { next: [], end: 'the probed page lists nothing: the end of the list' };
    if (chain.includes(own)) return { next: [], end: 'the probed page repeats a page before it: the end of the list' };
    if (chain.length >= MAX_PROBED) return { next: [], end: `${MAX_PROBED} pages probed: paging stopped` };
  }
  const carried = [...(chain ?? []), own].join(',');
  return { next: next.map((n) => (n.cursor && KEY in n.cursor ? { ...n, cursor: { ...n.cursor, [KEY]: carried } } : n)), end: null };
}
