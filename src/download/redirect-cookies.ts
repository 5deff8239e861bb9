/**
 * Cookies set by the redirects of one request, kept as a browser keeps them. A cookie check done by redirects alone
 * (a 360网站卫士-like WAF answers 302 to a challenge address, which answers 302 back to the address first asked with a
 * `Set-Cookie`) lets through only a client that sends the cookie on the next hop; and the way back to an address
 * already asked is no loop when the cookies sent with it changed. The answer's consumer is given them too, so a
 * session jar keeps them for the host's later pages (without it, every page would go through the check again).
 */

export interface HopCookie {
  /** The address whose answer set it (the cookie's default domain and path). */
  url: string;
  setCookie: string;
}

interface Kept {
  host: string;
  name: string;
  value: string;
  path: string;
}

export class RedirectCookies {
  private readonly kept = new Map<string, Kept>();
  /** Every Set-Cookie taken, in order, with the address that set it. */
  readonly taken: HopCookie[] = [];

  /** Takes the Set-Cookie headers of a redirect's answer (a cookie expired by Max-Age or Expires is dropped). */
  take(url: string, setCookie: string[] | undefined): void {
    if (!setCookie) return;
    const u = new URL(url);
    for (const raw of setCookie) {
      const [pair = '', ...attrs] = raw.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = u.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = false;
      for (const a of attrs) {
        const [k = '', ...v] = a.split('=');
        const key = k.trim().toLowerCase();
        const val = v.join('=').trim();
        if (key === 'path' && val.startsWith('/')) path = val;
        else if (key === 'max-age' && /^-?\d+$/.test(val) && Number(val) <= 0) expired = true;
        else if (key === 'expires' && Date.parse(val) < Date.now()) expired = true;
      }
      this.taken.push({ url, setCookie: raw });
      const id = `${u.host};${name};${path}`;
      if (expired) this.kept.delete(id);
      else this.kept.set(id, { host: u.host, name, value, path });
    }
  }

  /** The Cookie header value these cookies give a request to `url`, or null when none applies. */
  headerFor(url: string): string | null {
    const u = new URL(url);
    const pairs = [...this.kept.values()]
      .filter((c) => c.host === u.host && (u.pathname === c.path || u.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`);
    return pairs.length ? pairs.join('; ') : null;
  }
}
