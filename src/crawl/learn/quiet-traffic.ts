/**
 * Waiting for a page's data requests to end after a turn of its pager. The answer of a turn may lead to more
 * requests before anything is drawn: a list service answering ids only, whose page then asks each item's title by a
 * request of its own (`/api/info/{id}`), draws the page when the last of those arrives. `waitForLoadState
 * ('networkidle')` does not wait after the document's load (the state was reached already), and the DOM stays quiet
 * while the page waits for them, so neither tells that the page is still being drawn.
 */
import type { Page, Request } from 'playwright';

/** Requests a page's scripts make for data (JSONP and data scripts included). */
const DATA_TYPES = new Set(['xhr', 'fetch', 'eventsource', 'script']);
/** How long no data request may be in flight, nor one begin, before the page is taken as done asking. */
const QUIET_MS = 300;
/**
 * How long requests may stay in flight with none beginning or ending (a request that never ends): each of the page's
 * requests waits for the host's politeness delay in the fetcher, a second by default, so twenty titles take twenty.
 */
const STALLED_MS = 10_000;

export interface DataRequests {
  /**
   * Resolves when the page has no data request in flight and has begun none for a moment; or when those in flight
   * have not moved for a while (STALLED_MS), or after `maxMs` (a page polling for ever).
   */
  quiet(maxMs: number): Promise<void>;
  stop(): void;
}

/** Starts counting the page's data requests in flight (call before the action that makes them). */
export function watchDataRequests(page: Page): DataRequests {
  const inFlight = new Set<Request>();
  let changed = Date.now();
  const begin = (r: Request) => {
    if (!DATA_TYPES.has(r.resourceType())) return;
    inFlight.add(r);
    changed = Date.now();
  };
  const end = (r: Request) => {
    if (inFlight.delete(r)) changed = Date.now();
  };
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    async quiet(maxMs) {
      const deadline = Date.now() + maxMs;
      const busy = () => (inFlight.size > 0 && Date.now() - changed < STALLED_MS) || Date.now() - changed < QUIET_MS;
      while (Date.now() < deadline && busy()) await page.waitForTimeout(50);
    },
    stop() {
      page.off('request', begin);
      page.off('requestfinished', end);
      page.off('requestfailed', end);
    },
  };
}
