/**
 * Anti-bot challenges (瑞数 412, 加速乐 521, a script that sets a cookie and reloads): the browser lane passes them,
 * then hands the browser's cookies and User-Agent to the fetcher (HostCookies), so the rest of the host's pages and
 * attachments go over plain HTTP for the rest of the run. The host is remembered in the catalog: the next run
 * starts it in the browser lane to pass the challenge, then goes on over HTTP.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'playwright';
import { Scope } from '../download/scope.ts';
import { isChallenge } from './families/detect.ts';
import type { HarvestContext } from './harvest-context.ts';

/** The challenge status each page met on its way (412, 521, or 200 for a script-only page). */
const met = new WeakMap<Page, number>();
/** Pending reads of small 200 documents, checked for a script-only challenge. */
const pending = new WeakMap<Page, Promise<void>[]>();

const SMALL_DOCUMENT = 4096;
/** How long a small document's body is waited for once the page is drawn. */
const BODY_WAIT_MS = 3000;

/** Watches a page's main-frame documents for a challenge; call before navigating. */
export function watchChallenges(page: Page): void {
  page.on('response', (res) => {
    const req = res.request();
    if (!req.isNavigationRequest() || req.frame() !== page.mainFrame()) return;
    const status = res.status();
    if (status === 412 || status === 521) {
      met.set(page, status);
      return;
    }
    const length = Number(res.headers()['content-length'] ?? NaN);
    if (status !== 200 || length > SMALL_DOCUMENT) return;
    const read = res
      .text()
      .then((body) => {
        if (isChallenge({ url: res.url(), loadedUrl: res.url(), status, body })) met.set(page, status);
      })
      .catch(() => undefined); // the page navigated on before the body could be read: the reload shows up anyway
    // A document the page left at once (`alert(…);history.back();` to about:blank, round 65d) may never give its body
    // to Playwright: its read never settles. The wait for it is bounded; such a page is no challenge passed.
    pending.set(page, [...(pending.get(page) ?? []), Promise.race([read, delay(BODY_WAIT_MS)])]);
  });
}

/**
 * After a rendered page got past any challenge: when the page met one on this host, or the host is remembered as a
 * challenge host, the browser's cookies for the host and its User-Agent go to the fetcher, and the host's further
 * pages to the HTTP lane (unless its seed asks for the browser).
 */
export async function handOverChallenge(page: Page, h: HarvestContext, url: string): Promise<void> {
  if (!h.hostCookies) return;
  await Promise.all(pending.get(page) ?? []);
  const host = Scope.hostOf(url);
  const status = met.get(page);
  if (status === undefined && !h.catalog.challenges.get(host)) return;
  const hostname = new URL(url).hostname;
  const cookies = (await page.context().cookies()).filter((c) => {
    const d = c.domain.replace(/^\./, '');
    return hostname === d || hostname.endsWith(`.${d}`);
  });
  const userAgent = await page.evaluate(() => navigator.userAgent).catch(() => null);
  h.hostCookies.set(host, cookies, userAgent);
  if (status !== undefined) h.catalog.challenges.seen(host, status);
  h.catalog.challenges.passed(host);
  met.delete(page);
  if (!h.pinnedBrowserHosts?.has(host)) h.browserHosts.delete(host);
}
