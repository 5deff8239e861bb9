/**
 * Cookie expiry read on the server's clock. A server whose clock is wrong (a Tomcat exposed directly, nine years
 * behind: round 53d) writes `Expires` on its own clock: its 30-minute session reads as expired years ago on ours, and
 * a client dropping it loses the session its pager and downloads need. Chromium reads `Expires` against the answer's
 * `Date` (the cookie lives as long as the server meant: expiry = now + (Expires − Date)); so does the crawl, by
 * rewriting each such `Expires` before any cookie jar reads the answer. `Max-Age` counts from receipt and needs nothing.
 * Skews under a minute are left alone (clocks a little apart, rounding).
 */
import { parseDate } from 'tough-cookie';

const MIN_SKEW_MS = 60_000;
const EXPIRES = /(;\s*expires\s*=\s*)([^;]*)/i;

/** The Set-Cookie headers with their `Expires` moved by the server's clock skew; the same array when none moves. */
export function onOurClock(setCookie: string[] | undefined, dateHeader: string | undefined, now = Date.now()): string[] | undefined {
  if (!setCookie?.length || !dateHeader) return setCookie;
  const serverNow = parseDate(dateHeader)?.getTime();
  if (serverNow === undefined || Math.abs(now - serverNow) < MIN_SKEW_MS) return setCookie;
  return setCookie.map((raw) => {
    if (/;\s*max-age\s*=/i.test(raw)) return raw;
    const m = EXPIRES.exec(raw);
    const expires = m ? parseDate(m[2]!.trim())?.getTime() : undefined;
    if (!m || expires === undefined) return raw;
    const ours = new Date(now + (expires - serverNow)).toUTCString();
    return raw.replace(EXPIRES, `$1${ours}`);
  });
}
