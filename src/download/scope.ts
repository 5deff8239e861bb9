/**
 * What may be fetched: only http(s) URLs on hosts of the registry (host = hostname[:port]). Spam clones of
 * government pages are common, so off-registry hosts are never fetched, whatever links to them.
 */
export class Scope {
  private readonly hosts: Set<string>;

  constructor(hosts: Iterable<string>) {
    this.hosts = new Set([...hosts].map((h) => h.toLowerCase()));
  }

  static hostOf(url: string | URL): string {
    return (typeof url === 'string' ? new URL(url) : url).host.toLowerCase();
  }

  allows(url: string | URL): boolean {
    let u: URL;
    try {
      u = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return false;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    return this.hosts.has(u.host.toLowerCase());
  }

  allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  add(host: string): void {
    this.hosts.add(host.toLowerCase());
  }

  list(): string[] {
    return [...this.hosts].sort();
  }
}

/** A `;jsessionid=…` path parameter (Java servlet containers), any case. */
const SESSION_PATH_PARAM = /;jsessionid=[^/?#;]*/gi;

/** Resolves a link found on a page; null for javascript:, mailto:, tel:, fragments-only and unparsable links. */
export function resolveLink(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data|about|vbscript):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    // A servlet container's session id written into the path (`detail.jsp;jsessionid=…?id=1`, for visitors without
    // cookies) is the visitor's, not the page's: the page's own address is without it.
    u.pathname = u.pathname.replace(SESSION_PATH_PARAM, '');
    return u.href;
  } catch {
    return null;
  }
}
