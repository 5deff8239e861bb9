/**
 * The `Refresh` response header (`Refresh: 0;url=index.html`), which browsers follow exactly as they follow
 * `<meta http-equiv="refresh">` (HTML's "shared declarative refresh steps" serve both). Some servers and front
 * proxies send a column's address on with the header alone, over an empty page: read from the body only, the page
 * sent the crawl nowhere. The header is written into the decoded page as the meta it stands for, so every reader of
 * redirect stubs (crawl/redirect-stub.ts) sees it; the bytes kept as fetched are not changed.
 */

/** A refresh's value (`0;url=…`, `5; URL='…'`) as the declarative refresh steps read it: its delay and address. */
const REFRESH_VALUE = /^\s*(\d{1,2})(?:\.\d+)?\s*[;,]\s*(?:url\s*=\s*)?['"]?([^'"\s]+)/i;

/** The delay (whole seconds, at most two digits) and the address, unresolved, a refresh's value names; else null. */
export function parseRefresh(value: string): { delay: number; target: string } | null {
  const m = REFRESH_VALUE.exec(value);
  return m ? { delay: Number(m[1]), target: m[2]! } : null;
}

/** The page with the header's instruction as a `<meta http-equiv="refresh">` at the start of its head. */
export function withRefreshHeader(html: string, refresh: string | string[] | undefined): string {
  const value = (Array.isArray(refresh) ? refresh[0] : refresh)?.trim();
  if (!value) return html;
  const meta = `<meta http-equiv="refresh" content="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return meta + html;
}
