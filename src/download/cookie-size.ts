/**
 * Cookies a browser refuses for their size. Chromium (and Firefox) drop a cookie whose name and value together pass
 * 4096 bytes (RFC 6265 §6.1's least a user agent must keep), keeping the one it had. A server that grows a cookie
 * with every page (a 最近浏览 list written into it: round 56d) counts on that: a client keeping every byte soon sends
 * headers past the server's limit (Tomcat's 8 KB) and is answered 400 for every page and file after. The crawl's
 * jars get the answer's Set-Cookie as a browser would keep them.
 */

/** Bytes of a cookie's name and value at most (Chromium's kMaxCookieNamePlusValueSize). */
const MAX_NAME_AND_VALUE = 4096;

/** The Set-Cookie headers a browser keeps for their size; the same array when none is over. */
export function browserSized(setCookie: string[] | undefined): string[] | undefined {
  if (!setCookie?.some(tooLarge)) return setCookie;
  return setCookie.filter((raw) => !tooLarge(raw));
}

function tooLarge(raw: string): boolean {
  const pair = raw.split(';', 1)[0]!;
  // Length in bytes as sent (latin1 header bytes: one byte per character); the `=` is not counted.
  return pair.length - (pair.includes('=') ? 1 : 0) > MAX_NAME_AND_VALUE;
}
