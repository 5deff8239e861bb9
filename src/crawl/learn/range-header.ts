/**
 * A list paged by a request header rather than its address: Dojo's `dojo/store/JsonRest` (and dstore's `Rest` with
 * `useRangeHeaders`, dgrid's stores, several Java REST back ends) asks the same URL for every page and puts the window
 * in `Range: items=0-24` (with `X-Range` beside it for proxies that drop `Range`), the answer saying where it stands in
 * `Content-Range: items 0-24/130`. Read from the URL and body alone, every page of such a list is the same request:
 * its later pages could not be asked. A window in a unit other than bytes is a list's page (a bytes range is a media
 * file's, the browser's own).
 */

const RANGE_NAME = /^(x-)?range$/i;
const WINDOW = /^\s*([a-z][\w-]*)=(\d{1,9})-(\d{0,9})\s*$/i;

export interface RangeWindow {
  unit: string;
  start: number;
  /** The last index asked, inclusive; null for an open window (`items=20-`). */
  end: number | null;
}

/** The window a header asks, when it is a list's paging header (`Range`/`X-Range` in a unit other than bytes). */
export function rangeWindow(name: string, value: string): RangeWindow | null {
  if (!RANGE_NAME.test(name)) return null;
  const m = WINDOW.exec(value);
  if (!m || m[1]!.toLowerCase() === 'bytes') return null;
  return { unit: m[1]!, start: Number(m[2]), end: m[3] ? Number(m[3]) : null };
}

export const isPagingHeader = (name: string, value: string) => rangeWindow(name, value) !== null;

/** The headers with every paging window moved to start at `start`, each keeping its size (or staying open). */
export function withWindowAt(headers: Record<string, string>, start: number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => {
      const w = rangeWindow(k, v);
      if (!w) return [k, v];
      return [k, `${w.unit}=${start}-${w.end === null ? '' : start + (w.end - w.start)}`];
    }),
  );
}

/** The paging windows of a request's headers, written out (`range=items=5-9`): what tells its pages apart. */
export function pagingHeaderKey(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .filter(([k, v]) => isPagingHeader(k, v))
    .map(([k, v]) => `${k.toLowerCase()}=${v.trim()}`)
    .sort()
    .join(' ');
}
