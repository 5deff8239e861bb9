/**
 * Which of two captured requests of one list endpoint asks a later page: a page's scripts may have asked page 2 before
 * the browser lane read its traffic (a feed that loads its next batch when scrolled into view, a prefetch), and the
 * answer holding the most reports is then not page 1. Learning from it would start every replay at page 2.
 */
import { SIZE_NAME, filePage, numericParams, pagingTextParams, type CapturedRequest, type PagingTextParam } from './page-param.ts';
import type { CursorParam } from './page-param.ts';

/** Parameters a page changes on every request whatever page it asks: a timestamp, a random, a callback, a signature. */
const PER_REQUEST = /^_?(t|ts|time|timestamp|_|r|rnd|rand|random|nonce|callback|jsonp|cb|sign|signature|sig)$/i;

/** A year asked (`year`, `nd`, `niandu`): another year's list, not a later page. */
const YEAR_NAME = /year|nian|^nd$|^yr$/i;

const keyOf = (p: PagingTextParam) => `${p.in} ${p.name} ${p.inner ?? ''}`;
/** A parameter's own name: the last key inside a field holding JSON, else the field's (or a JSON body's path). */
const ownName = (p: PagingTextParam) => (p.inner ?? p.name).split('.').pop()!;

/**
 * Whether `later` asks the page after `earlier`'s, or one further on: besides what changes per request, exactly one
 * parameter differs, and it is a number that grew (a page, an offset, a number in the path; not a page size) or a
 * value `earlier`'s answer gave (a cursor, which `cursorFrom` finds in that answer). Another column, another year or
 * another page size differs otherwise, and is no page of this list.
 */
export function asksLaterPage(earlier: CapturedRequest, later: CapturedRequest, cursorFrom: (value: string) => CursorParam['from'] | null): boolean {
  if (earlier.method.toUpperCase() !== later.method.toUpperCase()) return false;
  const a = new Map(pagingTextParams(earlier).filter((p) => !PER_REQUEST.test(ownName(p))).map((p) => [keyOf(p), p.value]));
  const b = new Map(pagingTextParams(later).filter((p) => !PER_REQUEST.test(ownName(p))).map((p) => [keyOf(p), p.value]));
  const names = new Map([...pagingTextParams(earlier), ...pagingTextParams(later)].map((p) => [keyOf(p), ownName(p)]));
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  const pathA = numericParams(earlier).filter((p) => p.in === 'path');
  const pathB = numericParams(later).filter((p) => p.in === 'path');
  const pathDiffers = pathA.length !== pathB.length || pathA.some((p, i) => p.value !== pathB[i]!.value);
  // The first page's file bare, the later one's numbered (`docs.json` → `docs_1.json`): a later page.
  if (filePage(earlier, later)) return true;
  if (pathDiffers) {
    // A page number in the path (list_1.json → list_2.json): the only difference, and it grew.
    if (differing.length || pathA.length !== pathB.length) return false;
    const changed = pathA.filter((p, i) => p.value !== pathB[i]!.value);
    return changed.length === 1 && pathB[pathA.indexOf(changed[0]!)]!.value > changed[0]!.value;
  }
  if (differing.length !== 1) return false;
  const key = differing[0]!;
  const name = names.get(key)!;
  const before = a.get(key);
  const after = b.get(key);
  if (after === undefined) return false;
  if (SIZE_NAME.test(name) || YEAR_NAME.test(name)) return false;
  if (before !== undefined && /^\d{1,7}$/.test(before) && /^\d{1,7}$/.test(after) && Number(after) > Number(before)) return true;
  return cursorFrom(after) !== null;
}
