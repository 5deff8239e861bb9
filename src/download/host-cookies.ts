/**
 * Cookies (and the User-Agent) a browser earned by passing a host's anti-bot challenge (瑞数 412, 加速乐 521 …), kept
 * per host for the rest of the run so the fetcher's plain HTTP requests to that host, attachments included, carry
 * them. Challenge cookies are set by script (document.cookie), so only the browser context knows them; the browser
 * lane hands them over here once the challenge is passed. Later Set-Cookie answers from the host refresh them.
 */

/** A cookie as a browser context reports it (Playwright's `BrowserContext.cookies()`). */
export interface HostCookie {
  name: string;
  value: string;
  /** "example.gov.cn" or ".example.gov.cn" (then subdomains too). */
  domain: string;
  path: string;
  /** Unix seconds; -1 for a session cookie. */
  expires: number;
  secure: boolean;
}

interface HostEntry {
  cookies: Map<string, HostCookie>;
  userAgent: string | null;
}

export class HostCookies {
  private readonly hosts = new Map<string, HostEntry>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * Replaces what is kept for `host` (host[:port], as Scope.hostOf gives it) with the browser's cookies for it, and
   * the browser's User-Agent. The port keeps two sites on one address apart (cookies themselves ignore ports).
   */
  set(host: string, cookies: HostCookie[], userAgent: string | null): void {
    const entry: HostEntry = { cookies: new Map(), userAgent };
    const hostname = new URL(`http://${host}`).hostname;
    for (const c of cookies) if (domainMatch(hostname, c.domain)) entry.cookies.set(`${c.name};${c.path}`, c);
    this.hosts.set(host, entry);
  }

  /**
   * Takes Set-Cookie headers of a response into its host's cookies, kept from now on whether or not the host had
   * any, its User-Agent unchanged: a site's visit cookie its column page's counter image sets (crawl/visit-check.ts).
   */
  add(url: string, setCookie: string[]): void {
    const host = new URL(url).host.toLowerCase();
    if (!this.hosts.has(host)) this.hosts.set(host, { cookies: new Map(), userAgent: null });
    this.update(url, setCookie);
  }

  has(host: string): boolean {
    return this.hosts.has(host);
  }

  userAgentFor(host: string): string | null {
    return this.hosts.get(host)?.userAgent ?? null;
  }

  /** The Cookie header value for a request to `url` from the kept cookies, or null when none applies. */
  headerFor(url: string): string | null {
    const u = new URL(url);
    const entry = this.hosts.get(u.host.toLowerCase());
    if (!entry) return null;
    const nowSec = this.now() / 1000;
    const pairs: string[] = [];
    for (const c of entry.cookies.values()) {
      if (c.expires !== -1 && c.expires <= nowSec) continue;
      if (c.secure && u.protocol !== 'https:') continue;
      if (!pathMatch(u.pathname, c.path)) continue;
      pairs.push(`${c.name}=${c.value}`);
    }
    return pairs.length ? pairs.join('; ') : null;
  }

  /** Takes Set-Cookie headers of a response from a kept host into its cookies (the server refreshing them). */
  update(url: string, setCookie: string[] | undefined): void {
    const u = new URL(url);
    const entry = this.hosts.get(u.host.toLowerCase());
    if (!entry || !setCookie) return;
    for (const raw of setCookie) {
      const c = parseSetCookie(raw, u);
      if (!c) continue;
      const key = `${c.name};${c.path}`;
      if (c.expires !== -1 && c.expires <= this.now() / 1000) entry.cookies.delete(key);
      else entry.cookies.set(key, c);
    }
  }
}

/**
 * Merges the kept cookies into a request's own Cookie header: the kept ones win on a name clash, since they are the
 * ones the challenge validated (a crawler's session jar may still hold the challenge page's stale cookie).
 */
export function mergeCookieHeader(own: string | undefined, kept: string | null): string | undefined {
  if (!kept) return own;
  if (!own) return kept;
  const names = new Set(kept.split(/;\s*/).map((p) => p.split('=')[0]));
  const rest = own.split(/;\s*/).filter((p) => p && !names.has(p.split('=')[0]));
  return [kept, ...rest].join('; ');
}

function domainMatch(host: string, domain: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  const h = host.toLowerCase();
  return h === d || h.endsWith(`.${d}`);
}

function pathMatch(path: string, cookiePath: string): boolean {
  if (!cookiePath || cookiePath === '/') return true;
  return path === cookiePath || path.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

function parseSetCookie(raw: string, url: URL): HostCookie | null {
  const [pair, ...attrs] = raw.split(';');
  const eq = pair?.indexOf('=') ?? -1;
  if (!pair || eq <= 0) return null;
  const cookie: HostCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    domain: url.hostname,
    path: '/',
    expires: -1,
    secure: false,
  };
  for (const attr of attrs) {
    const [k = '', v = ''] = attr.split('=').map((s) => s.trim());
    const key = k.toLowerCase();
    if (key === 'path' && v) cookie.path = v;
    else if (key === 'domain' && v) cookie.domain = v;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(v)) cookie.expires = Math.floor(Date.now() / 1000) + Number(v);
    else if (key === 'expires' && cookie.expires === -1) {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) cookie.expires = Math.floor(t / 1000);
    }
  }
  return cookie;
}
