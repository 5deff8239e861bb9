/**
 * A cloud WAF's cookie check answered as a page: every request without the WAF's cookie gets a 200 page of a few
 * hundred bytes that sets the cookie (`Set-Cookie: wzcc_vt=…`) and reloads at once (`<meta http-equiv="refresh"
 * content="0; url='<the address asked>'">`); only the request carrying the cookie gets the page (round 49d). A
 * browser passes it without a thought; read as the page it is, the column held no item and the seed was empty. The
 * fetcher takes such an answer as the redirect it stands for (fetcher.ts): its cookies kept for the next hop, as a
 * redirect's are (redirect-cookies.ts), and given to the consumer's session jar so the host's later pages pass.
 */
import { parseRefresh } from './refresh-header.ts';

/** A cookie check is a stub: a page of its own this long is no check. */
const COOKIE_CHECK_MAX_BYTES = 4096;

/** `<meta http-equiv="refresh" content="0; url='…'">`, the attributes in either order, the URL quoted or not. */
const META = /<meta\b[^>]*>/gi;
const REFRESH = /http-equiv\s*=\s*["']?refresh/i;
const CONTENT = /content\s*=\s*("([^"]*)"|'([^']*)')/i;

/**
 * Where a 200 answer that set cookies sends its reader at once when it is such a stub (a body of a few KiB at most,
 * holding a refresh of 5 s at most to an address of the same host): that address, else null.
 */
export function cookieCheckTarget(body: Buffer, url: string): string | null {
  if (body.length > COOKIE_CHECK_MAX_BYTES) return null;
  // Markup and the address are ASCII in such stubs; latin1 reads any bytes without failing.
  const text = body.toString('latin1');
  for (const meta of text.match(META) ?? []) {
    if (!REFRESH.test(meta)) continue;
    const content = CONTENT.exec(meta);
    const r = parseRefresh(content?.[2] ?? content?.[3] ?? '');
    if (!r || r.delay > 5) continue;
    try {
      const target = new URL(r.target.replace(/&amp;/g, '&'), url);
      if (target.host === new URL(url).host && /^https?:$/.test(target.protocol)) return target.href;
    } catch {
      // An address no URL parser reads is no target.
    }
  }
  return null;
}
