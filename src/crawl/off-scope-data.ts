/**
 * Data requests of a rendered page to hosts outside the registry. A column may draw its list from a service on
 * another host of the government (Hunan's search service on api.<site>, asked by `fetch` from www.<site>); the
 * crawl's scope is the registry's hosts, so the browser lane refuses the request, the list stays empty, and no
 * endpoint is learned. Whether such a host is the agency's is the user's call, as for a framed host
 * (off-scope-frames.ts): the seed names the hosts its page asked, never silently. Registering the host (an entry of
 * the agency on it) lets the list be learned and replayed.
 */
import type { Scope } from '../download/scope.ts';

/** Resource types of a page's own data requests (XHR, fetch): what a list is drawn from. */
const DATA_REQUESTS = new Set(['xhr', 'fetch']);

/** The host of a page's data request that the scope refuses; null for any other request. */
export function refusedDataHost(url: string, resourceType: string, scope: Pick<Scope, 'allows'>): string | null {
  if (!DATA_REQUESTS.has(resourceType) || scope.allows(url)) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Counts refused data requests by host. */
export function countRefused(byHost: Map<string, number>, host: string, n = 1): void {
  byHost.set(host, (byHost.get(host) ?? 0) + n);
}
