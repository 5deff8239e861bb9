/**
 * A seed address copied with a query the site refuses. A column's address copied from a search engine's snapshot or
 * result keeps the engine's parameters (`?t=1733184000&wd=年报&eqid=…`), a share keeps its tracking ones; many CMS
 * serve their columns as static pages and answer any query they do not know with an error (500 "系统繁忙", 400, 404)
 * where a browser user who deletes the query reads the column. The seed's own page so refused is asked once more
 * without its query before the refusal counts (as directory-form.ts adds a missing slash); a page whose query the
 * site needs (`list.jsp?catId=38`) answers without it with another error, which then counts as before (round 35a).
 */
import { FetchError } from '../errors.ts';

/** An http(s) address parsed, or null when it is not one. */
function httpUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The address without its query (and fragment), or null when it has none. */
export function withoutQuery(url: string): string | null {
  const u = httpUrl(url);
  if (!u?.search) return null;
  u.search = '';
  u.hash = '';
  return u.href;
}

/** Whether an answer's status is one a query the site refuses draws: 400, 404, 410 or a server error (not 401/403/429: a gate). */
export function refusedForQuery(status: number | null | undefined, method: string | undefined): boolean {
  if ((method ?? 'GET') !== 'GET' || !status) return false;
  return status === 400 || status === 404 || status === 410 || (status >= 500 && status <= 599);
}

/** The status of a failed request's error (a FetchError's, or its cause's), null when it had none. */
export function failedStatus(err: unknown): number | null {
  if (err instanceof FetchError) return err.status ?? null;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof FetchError ? (cause.status ?? null) : null;
}

/**
 * Parameters a share or a campaign adds to an address (WeChat's `from=groupmessage&isappinstalled=0`, `utm_*`, `spm`,
 * a search engine's `eqid`): they name how the link travelled, not what it shows. A CDN caching by the whole address
 * may answer such an address with an old copy of the column (round 43c: a shared column's copy of last year, short of
 * the newest reports and of a page): the seed is read without them, as the site's own links name the column.
 */
const TRACKING = /^(?:from|isappinstalled|scene|subscene|clicktime|enterid|sharer_\w+|share_\w+|shareid|wxfrom|nsukey|spm|utm_\w+|eqid|from_source|tt_from|vd_source|adtag|xtrack|timestamp)$/i;

/** The address without its tracking parameters (the others kept, in order), or null when it carries none. */
export function withoutTracking(url: string): string | null {
  const u = httpUrl(url);
  if (!u || ![...u.searchParams.keys()].some((k) => TRACKING.test(k))) return null;
  // Kept as written (not re-encoded by URLSearchParams): the raw pairs that are not tracking.
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !TRACKING.test(rawKey(pair)));
  u.search = kept.length ? `?${kept.join('&')}` : '';
  return u.href;
}

/** A raw query pair's key, decoded when it can be (a malformed escape kept as written). */
function rawKey(pair: string): string {
  const key = pair.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}
