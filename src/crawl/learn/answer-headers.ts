/**
 * What a list answer's response headers say about its paging, where its body says nothing: REST APIs that answer a
 * bare array put the count in `X-Total-Count` / `X-Total` (json-server, JHipster, Backbone back ends),
 * `X-WP-Total` / `X-WP-TotalPages` (WordPress's REST API), `X-Pagination-Total-Count` / `X-Pagination-Page-Count`
 * (Yii), and the next page's address in an RFC 8288 `Link: <…>; rel="next"` header (GitHub's and GitLab's APIs,
 * keyset pagination whose cursor is opaque). And a cache's `Age`: how stale a list page a CDN answers may be
 * (handlers.ts, round 84d). Only these headers are kept from an answer (they are small and say nothing private); names
 * are lower-cased.
 */
import type { AnnouncedTotals } from '../families/announced.ts';

const ITEMS_HEADER = /^(x-total-count|x-total|x-wp-total|x-pagination-total-count|x-total-items)$/;
const PAGES_HEADER = /^(x-wp-totalpages|x-total-pages|x-pagination-page-count|x-page-count)$/;

/** The paging headers of an answer (lower-cased names), or undefined when it has none. */
export function pagingHeadersOf(headers: Record<string, string | string[] | undefined> | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase();
    if (raw === undefined || !(key === 'link' || key === 'age' || ITEMS_HEADER.test(key) || PAGES_HEADER.test(key))) continue;
    out[key] = Array.isArray(raw) ? raw.join(', ') : raw;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The links of a `Link` header: each target with its relation types (lower-cased; `rel="next last"` is two). */
function linkEntries(header: string): { target: string; rels: string[] }[] {
  const out: { target: string; rels: string[] }[] = [];
  // `<url>; rel="next"; title="…", <url>; rel=prev`: a target in angle brackets, then parameters up to the next `<`.
  for (const m of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const rel = /(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2]!);
    out.push({ target: m[1]!.trim(), rels: (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean) });
  }
  return out;
}

/**
 * The next page's address an answer's `Link` header gives (absolute, resolved against the answer's address), or
 * null: no header, no `rel="next"`, or a next page on another origin (never followed).
 */
export function linkNextOf(headers: Record<string, string> | undefined, answerUrl: string): string | null {
  const header = headers?.link;
  if (!header) return null;
  const next = linkEntries(header).find((e) => e.rels.includes('next'));
  if (!next) return null;
  try {
    const url = new URL(next.target, answerUrl);
    return url.origin === new URL(answerUrl).origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Whether the headers say more pages follow: true for a `Link` with `rel="next"`, false for a `Link` of paging
 * relations (prev, first, last) with none (the last page), null when they say nothing.
 */
export function headersSayMore(headers: Record<string, string> | undefined, answerUrl: string): boolean | null {
  const header = headers?.link;
  if (!header) return null;
  const entries = linkEntries(header);
  if (entries.some((e) => e.rels.includes('next'))) return linkNextOf(headers, answerUrl) !== null ? true : null;
  return entries.some((e) => e.rels.some((r) => r === 'prev' || r === 'previous' || r === 'first' || r === 'last')) ? false : null;
}

/** The counts the headers announce: the list's record count and its page count. */
export function headerTotals(headers: Record<string, string> | undefined): AnnouncedTotals {
  const out: AnnouncedTotals = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^\s*\d{1,9}\s*$/.test(value)) continue;
    if (ITEMS_HEADER.test(name) && out.announcedItems === undefined) out.announcedItems = Number(value);
    else if (PAGES_HEADER.test(name) && out.announcedPages === undefined) out.announcedPages = Number(value);
  }
  return out;
}
