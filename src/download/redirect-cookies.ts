/**
 * Cookies set by the redirects of one request, kept as a browser keeps them. A cookie check done by redirects alone
 * (a 360网站卫士-like WAF answers 302 to a challenge address, which answers 302 back to the address first asked with a
 * `Set-Cookie`) lets through only a client that sends the cookie on the next hop; and the way back to an address
 * already asked is no loop when the cookies sent with it changed. The answer's consumer is given them too, so a
 * session jar keeps them for the host's later pages (without it, every page would go through the check again).
 */
import { CookieJar } from 'tough-cookie';

export interface HopCookie {
  /** The address whose answer set it (the cookie's default domain and path). */
  url: string;
  setCookie: string;
}

export class RedirectCookies {
  // tough-cookie (Crawlee's own cookie library) keeps them: domain, path, expiry and Max-Age as RFC 6265 says.
  private readonly jar = new CookieJar();
  /** Every Set-Cookie taken, in order, with the address that set it. */
  readonly taken: HopCookie[] = [];

  /** Takes the Set-Cookie headers of a redirect's answer (one the jar refuses, or an expired one, is not sent). */
  take(url: string, setCookie: string[] | undefined): void {
    for (const raw of setCookie ?? []) {
      this.taken.push({ url, setCookie: raw });
      this.jar.setCookieSync(raw, url, { ignoreError: true, loose: true });
    }
  }

  /** The Cookie header value these cookies give a request to `url`, or null when none applies. */
  headerFor(url: string): string | null {
    return this.jar.getCookieStringSync(url) || null;
  }
}
