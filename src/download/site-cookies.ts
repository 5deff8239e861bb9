/**
 * The cookies every site set during the run, for the attachments its pages link to. A browser keeps one cookie jar
 * and sends a file request every cookie that matches the file's address: the session a portal's pages opened, a
 * download token the pages set with `Domain=` for the file server on a sibling host (round 52d: `file.` beside
 * `www.`, only a request carrying the token gets the PDF). The crawl's page requests carry their host's session jar
 * (Crawlee's, one per host), but a file is asked by the fetcher alone: without this, it went bare.
 *
 * One jar per host[:port] that set the cookies, and a file request reads its own host's jar and its linking page's:
 * cookies themselves ignore ports, but the fixture portals share 127.0.0.1, and one jar for all would send one site's
 * session to another's files. tough-cookie (Crawlee's own cookie library) keeps each jar as RFC 6265 says: domain and
 * path matching, expiry, Max-Age, and no cookie for a public suffix (`Domain=gov.cn`).
 */
import { CookieJar } from 'tough-cookie';
import { mergeCookieHeader } from './host-cookies.ts';
import { Scope } from './scope.ts';

export class SiteCookies {
  private readonly jars = new Map<string, CookieJar>();

  /** Takes an answer's Set-Cookie headers into the jar of the host that answered (a refused or expired one is dropped). */
  take(url: string, setCookie: string[] | undefined): void {
    if (!setCookie?.length) return;
    const host = Scope.hostOf(url);
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new CookieJar()));
    for (const raw of setCookie) jar.setCookieSync(raw, url, { ignoreError: true, loose: true });
  }

  /**
   * The Cookie header a browser would send with a request for `url` linked from `referer`: the cookies of the file's
   * own host, and those the linking page's host set that match the file's address (its `Domain=` cookies, or all of
   * them when both are one host name on other ports). Null when none applies.
   */
  headerFor(url: string, referer?: string): string | null {
    const host = Scope.hostOf(url);
    const own = this.jars.get(host)?.getCookieStringSync(url) || null;
    const refererHost = referer && URL.canParse(referer) ? Scope.hostOf(referer) : null;
    const linking = refererHost && refererHost !== host ? this.jars.get(refererHost)?.getCookieStringSync(url) || undefined : undefined;
    // The file host's own cookies win a name clash: they are the ones it set for itself.
    return mergeCookieHeader(linking, own) ?? null;
  }
}
