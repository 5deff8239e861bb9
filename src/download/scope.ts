import { AsyncLocalStorage } from 'node:async_hooks';
import { queryInEncoding } from '../encoding/query-encoding.ts';

/**
 * What may be fetched: http(s) URLs on hosts of the registry (host = hostname[:port]). Spam clones of government
 * pages are common, so off-registry pages are never fetched, whatever links to them. Two exceptions, each an address
 * a registry page asks for itself, never a link followed: a report's own file (agencies keep uploads on a file server
 * or an object store of their own; a file is a leaf, leading the crawl nowhere), and a registry page's own data
 * requests (a column drawing its list from the government's search or API service on another host), with the later
 * pages of a list learned from them. The crawl vouches for each such address; it, its redirects (a file's) and its
 * host's robots.txt may then be fetched, nothing else there.
 */
export class Scope {
  private readonly hosts: Set<string>;
  /** Off-registry URLs vouched for (report files, a registry page's data requests), and their hosts (for robots.txt). */
  private readonly vouched = new Set<string>();
  private readonly vouchedHosts = new Set<string>();

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
    return this.hosts.has(u.host.toLowerCase()) || this.vouched.has(u.href);
  }

  /** Whether the URL is on a host of the registry: a page there is the registry's (a vouched address is not). */
  allowsPage(url: string | URL): boolean {
    const host = hostOrNull(url);
    return host !== null && this.hosts.has(host);
  }

  /** Admits one off-registry URL a registry page asks for itself (see the class comment); no-op for one already allowed. */
  vouch(url: string): void {
    const host = hostOrNull(url);
    if (host === null || this.hosts.has(host)) return;
    this.vouched.add(new URL(url).href);
    this.vouchedHosts.add(host);
  }

  /** robots.txt may be asked of registry hosts and of hosts holding a vouched address (their rules bind it too). */
  allowsRobotsOf(url: string): boolean {
    const host = hostOrNull(url);
    return host !== null && (this.hosts.has(host) || this.vouchedHosts.has(host));
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

/**
 * Whether a redirect from `from` to `to` is a site moving itself, not a link elsewhere: the same address (path and
 * query) on the same host name with another scheme or port (`http://x.gov.cn/a` → `https://x.gov.cn:8443/a`), or on
 * the same name with or without a leading `www.` (`x.gov.cn` → `www.x.gov.cn`). A redirect to another path there is a
 * page's own, not the site's move. Only the registry host's own answer can say this (the caller checks), so a spam
 * clone cannot enter the scope this way.
 */
export function sameSiteMove(from: string, to: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(from);
    b = new URL(to);
  } catch {
    return false;
  }
  if (!/^https?:$/.test(b.protocol) || a.host.toLowerCase() === b.host.toLowerCase() || a.pathname + a.search !== b.pathname + b.search) return false;
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  return bare(a.hostname) === bare(b.hostname);
}

function hostOrNull(url: string | URL): string | null {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A `;jsessionid=…` path parameter (Java servlet containers), any case. */
const SESSION_PATH_PARAM = /;jsessionid=[^/?#;]*/gi;

/**
 * The encoding of the page being read, for every link resolved while it is handled (list items, pagers, columns,
 * attachments: seventy call sites in the page readers, none of which should have to carry it). A browser writes a
 * link's raw query in its document's encoding; so does resolveLink, within withPageEncoding. An async context rather
 * than an argument because the readers are many and the handling of one page is async (its context follows it
 * across awaits, and never leaks into another page's handling).
 */
const pageEncoding = new AsyncLocalStorage<string | null>();

/** Runs the handling of one page, its links resolved as its encoding (gb18030, big5…; null or utf-8: as UTF-8) says. */
export function withPageEncoding<T>(encoding: string | null | undefined, fn: () => T): T {
  return pageEncoding.run(encoding ?? null, fn);
}

/**
 * Resolves a link found on a page; null for javascript:, mailto:, tel:, fragments-only and unparsable links.
 * `encoding`, the page's (when known; by default the one withPageEncoding gives): a query written raw in Chinese is
 * sent in it, as a browser does.
 */
export function resolveLink(href: string | undefined | null, base: string, encoding: string | null | undefined = pageEncoding.getStore()): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data|about|vbscript):/i.test(h)) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const written = h.split('#')[0]!;
    const q = written.indexOf('?');
    const query = q < 0 ? null : queryInEncoding(written.slice(q + 1), encoding);
    if (query !== null) u.search = query;
    // Only a fragment written in the link ends up in the URL; each setter serializes the URL again, so none is
    // called for nothing (every link of every page comes here).
    if (written.length !== h.length) u.hash = '';
    // A servlet container's session id written into the path (`detail.jsp;jsessionid=…?id=1`, for visitors without
    // cookies) is the visitor's, not the page's: the page's own address is without it.
    const path = u.pathname;
    if (path.includes(';')) u.pathname = path.replace(SESSION_PATH_PARAM, '');
    return u.href;
  } catch {
    return null;
  }
}
