/**
 * Data requests of a rendered page to hosts outside the registry. A column may draw its list from a service on
 * another host of the government (Hunan's search service on api.<site>, asked by `fetch` from www.<site>). A registry
 * page's own data requests are admitted (download/scope.ts `vouch`, in the browser lane's router), and so are the
 * later pages of a list learned from them. What is still refused is a data request of a document off the registry
 * (a frame the lane did not load): counted by host, and the seed names the hosts asked, never silently.
 */
import type { Scope } from '../download/scope.ts';

/** Resource types of a page's own data requests (XHR, fetch, EventSource: a list streamed as server-sent events): what a list is drawn from. */
const DATA_REQUESTS = new Set(['xhr', 'fetch', 'eventsource']);

/** A JSONP request's callback parameter: a script asked with one is data, not code (round 72b's list from a data host). */
const JSONP_CALLBACK = /[?&](?:callback|jsoncallback|jsonp|cb)=[\w$.]+/i;

/** Whether a request of a page is one of its own data requests (XHR, fetch, EventSource, a JSONP script). */
export function isDataRequest(resourceType: string, url = ''): boolean {
  return DATA_REQUESTS.has(resourceType) || (resourceType === 'script' && JSONP_CALLBACK.test(url));
}

/** The host of a page's data request that the scope refuses; null for any other request. */
export function refusedDataHost(url: string, resourceType: string, scope: Pick<Scope, 'allows'>): string | null {
  if (!isDataRequest(resourceType, url) || scope.allows(url)) return null;
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
