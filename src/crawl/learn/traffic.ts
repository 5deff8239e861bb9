/**
 * The browser lane's record of a page's own traffic: every XHR/fetch request the page made through the polite
 * fetcher, with its method, URL, body and answer (see routeThroughFetcher), and a way to make the page show its
 * next list page so the request of page 2 can be compared with that of page 1.
 */
import type { Locator, Page, Request } from 'playwright';
import { decodeHtml } from '../../encoding/decode-html.ts';
import type { Exchange } from './learn.ts';
import { PAGE_HELPERS } from './page-helpers.ts';
import { watchDataRequests } from './quiet-traffic.ts';
import { parentCallData } from './parent-call.ts';
import { isDataScript } from './script-data.ts';
import { isJsonpData } from './list-shape.ts';
import { LIBRARY_NAME } from '../families/detect.ts';
import { pagingHeadersOf } from './answer-headers.ts';

/**
 * Resource types of requests a page's scripts make (an EventSource's stream among them: a list may come as
 * server-sent events, learn/event-stream.ts); documents and styles are not list answers, nor are scripts but
 * those that only declare data (a list published as `var nbList = [{…}]`, script-data.ts), nor documents but a
 * frame's whose answer hands data to the parent page (a form posted into a hidden iframe, parent-call.ts).
 */
const DATA_REQUESTS = new Set(['xhr', 'fetch', 'eventsource']);
/** A script request carrying a callback name is a JSONP data request (`?callback=jQuery1113_…`), not a library. */
const JSONP_PARAM = /^(callback|jsoncallback|jsonpcallback|jsonp|cb)$/i;

function isJsonpRequest(resourceType: string, url: string): boolean {
  if (resourceType !== 'script') return false;
  return [...new URL(url).searchParams.keys()].some((k) => JSONP_PARAM.test(k));
}
/** How long a turned page may take to ask for its next items (the fetcher answers, a slow host included). */
const ANSWER_WAIT_MS = 10_000;
/** How long a click may take to start its request (a debounce, a loading animation) before it is taken to ask nothing. */
const NO_REQUEST_MS = 2_500;
/** Requests a click's redrawing may make that are no list's (lazy images, fonts, styles). */
const PASSIVE_RESOURCES = new Set(['image', 'font', 'stylesheet', 'media']);
/** How long the requests a turned page's answer leads to (each item's title asked apart) may take, at most. */
const TITLES_WAIT_MS = 30_000;
/** Answers larger than this are not list pages (and would only cost memory). */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const traffic = new WeakMap<Page, Exchange[]>();

/** A library's file by its name (jquery.min.js): never a page's data, whatever it holds. */
const isLibrary = (url: string) => LIBRARY_NAME.test(new URL(url).pathname.replace(/^.*\//, '')) || /\.min\.js$/i.test(new URL(url).pathname);

export function recordExchange(
  page: Page,
  req: {
    resourceType: string;
    method: string;
    url: string;
    body: Buffer | null;
    contentType: string | null;
    headers?: Record<string, string>;
    documentUrl?: string;
    /** A navigation of a frame inside the page (not the page's own document). */
    subframe?: boolean;
  },
  res: { status: number; headers: Record<string, string>; body: Buffer },
): void {
  const script = req.resourceType === 'script' && !isJsonpRequest(req.resourceType, req.url);
  const framed = req.resourceType === 'document' && req.subframe === true;
  if (!(DATA_REQUESTS.has(req.resourceType) || isJsonpRequest(req.resourceType, req.url) || script || framed) || res.body.length > MAX_ANSWER_BYTES) return;
  const responseType = res.headers['content-type'] ?? null;
  const text = decodeHtml(res.body, responseType).text;
  // A script file is a list answer only when it does nothing but declare data (`var nbList = [{…}]`) or hand it to
  // a callback (`nbCallback({…})`).
  if (script && (res.status >= 300 || !(isDataScript(text) || (!isLibrary(req.url) && isJsonpData(text))))) return;
  // A frame's document only when it is script handing data to the parent page (`parent.showList({…})`, no link of its
  // own): other frames are pages, read as such (a framed list that tells the parent its height among them).
  if (framed && (res.status >= 300 || /<a\s[^>]*href/i.test(text) || parentCallData(text) === null)) return;
  const list = traffic.get(page) ?? [];
  list.push({
    method: req.method.toUpperCase(),
    url: req.url,
    body: req.body ? req.body.toString('utf8') : null,
    contentType: req.contentType,
    ...(req.headers ? { headers: req.headers } : {}),
    ...(req.documentUrl ? { documentUrl: req.documentUrl } : {}),
    status: res.status,
    responseType,
    responseBody: text,
    ...(pagingHeadersOf(res.headers) ? { responseHeaders: pagingHeadersOf(res.headers) } : {}),
  });
  traffic.set(page, list);
}

export function exchangesOf(page: Page): Exchange[] {
  return [...(traffic.get(page) ?? [])];
}

/** Texts of a "next page" control. */
const NEXT = /^\s*(下一页|下页|后一页|后页|下一頁|›|»|>|next)\s*$/i;
/**
 * A "next page" control drawn as an icon only, by the classes of the UI libraries' pagers (Element UI `btn-next`,
 * layui, Ant Design, iView, Bootstrap-like `li.next`), when it is not disabled.
 */
const NEXT_ICON =
  ':is(.btn-next, .layui-laypage-next, .ant-pagination-next, .ivu-page-next, .pagination-next, .page-next, .next-page, li.next > a, a.next):not([disabled]):not(.disabled):not(.is-disabled):not(.layui-disabled):not(.ant-pagination-disabled)';
/** Texts of a control that appends the next items to the list instead ("load more", infinite lists). */
const MORE = /^\s*(加载更多|点击加载更多|查看更多|显示更多|点击查看更多|load more|show more)\s*(>>|»|…|\.\.\.)?\s*$/i;

/**
 * A pager of page numbers only (no 下一页, no icon: `<span data-p>1</span><span data-p>2</span>`, "« 1 2 3 »" whose
 * arrows are images): the number after the current one, the current told by its class (on, active, current, cur,
 * selected), `aria-current`, or a `<b>`/`<strong>`/`<em>` of its own, else by being the one number told apart from
 * the others (a `<span>` among links, an inline colour), the next one among its container's controls.
 * Marked for a locator (run in the page as source text); null when there is none.
 */
const MARK_NUMBERED_NEXT = `(() => {
  ${PAGE_HELPERS}
  for (const old of document.querySelectorAll('[data-nianbao-next]')) old.removeAttribute('data-nianbao-next');
  const numberOf = (el) => (/^\\s*\\d{1,3}\\s*$/.test(el.textContent || '') ? Number(el.textContent) : null);
  const isCurrent = (el) =>
    /(^|\\s)(on|active|current|cur|curr|selected|is-active)(\\s|$)/i.test(el.getAttribute('class') || '') || el.hasAttribute('aria-current') || /^(B|STRONG|EM)$/.test(el.tagName);
  for (const el of document.querySelectorAll('a, span, li, button, b, strong, em')) {
    const k = numberOf(el);
    if (k === null || !isCurrent(el) || !el.parentElement) continue;
    const next = [...el.parentElement.querySelectorAll('a, span, li, button')].find((x) => x !== el && !x.contains(el) && numberOf(x) === k + 1);
    if (next) {
      next.setAttribute('data-nianbao-next', '');
      return true;
    }
  }
  // None so marked: the one number of a row of numbers told apart from the others (a <span> among links, or its own
  // class or inline style, the others alike) is the current one.
  const look = (el) => el.tagName + '|' + (el.getAttribute('class') || '') + '|' + (el.getAttribute('style') || '') + '|' + (el.hasAttribute('href') ? 'a' : '');
  for (const box of new Set([...document.querySelectorAll('a, span, li, button')].filter((el) => numberOf(el) !== null).map((el) => el.parentElement))) {
    if (!box) continue;
    const numbers = [...box.children].filter((el) => numberOf(el) !== null);
    const odd = setApart(numbers, look);
    if (!odd) continue;
    const next = numbers.find((x) => numberOf(x) === numberOf(odd) + 1);
    if (next) {
      next.setAttribute('data-nianbao-next', '');
      return true;
    }
  }
  return false;
})()`;

/** The marked next number of a pager of numbers only (MARK_NUMBERED_NEXT, run as source text: see rendered-html.ts). */
async function numberedNext(page: Page): Promise<Locator | null> {
  const marked = await page.evaluate<boolean>(MARK_NUMBERED_NEXT).catch(() => false);
  return marked ? page.locator('[data-nianbao-next]').first() : null;
}

/** How long a page scrolled to its end may take to ask for more (infinite lists ask at once, or not at all). */
const SCROLL_WAIT_MS = 2_000;

/**
 * An infinite list (no control: the next items are asked when the end of the list scrolls into view): the page is
 * scrolled to its end, when it is longer than the window, and its request waited for briefly.
 */
async function scrollToEnd(page: Page, before: number): Promise<Exchange[]> {
  const scrollable = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 50).catch(() => false);
  if (!scrollable) return [];
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)).catch(() => undefined);
  const deadline = Date.now() + SCROLL_WAIT_MS;
  while (exchangesOf(page).length <= before && Date.now() < deadline) await page.waitForTimeout(100);
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  return exchangesOf(page).slice(before);
}

/**
 * Clicks the page's "next page" control (by its text, else by a pager library's class), else its "load more" button,
 * else the number after the current one of a pager of numbers only, if it has one, else scrolls a long page to
 * its end (infinite lists), and waits for the network to settle; returns the exchanges made after it. A click that
 * finds nothing or fails leaves no trace: paging is then learned from names.
 */
export async function turnPage(page: Page): Promise<Exchange[]> {
  return (await turnPageTo(page)).exchanges;
}

/**
 * turnPage, saying also where the turn sent the page when it left for another document (a drawn pager whose script
 * sets `location.href` to the next static page, `index_1.html`): that address, else null.
 */
export async function turnPageTo(page: Page): Promise<{ exchanges: Exchange[]; navigatedTo: string | null }> {
  const before = exchangesOf(page).length;
  const controls = page.locator('a, button, span, li, div, input[type=button]');
  const none = { exchanges: [], navigatedTo: null };
  try {
    let control = controls.filter({ hasText: NEXT }).last();
    if (!(await control.count())) control = page.locator(NEXT_ICON).last();
    if (!(await control.count())) control = controls.filter({ hasText: MORE }).last();
    if (!(await control.count())) control = (await numberedNext(page)) ?? control;
    if (!(await control.count())) return { exchanges: await scrollToEnd(page, before), navigatedTo: null };
    // The last page's next control, disabled: nothing to turn to (a click would wait for it to be enabled).
    if (await control.isDisabled().catch(() => false)) return none;
    const made = await actAndWait(page, () => control.click({ timeout: 5_000 }));
    return { exchanges: made.exchanges, navigatedTo: made.navigatedTo };
  } catch {
    return none;
  }
}

/**
 * Does something to the page (a click, a choice in a `<select>`) and waits for what it asks: its request first (none
 * within a moment is nothing asked), then the requests its answer leads to, the network and the DOM to settle.
 * Returns the exchanges made after it, and whether it sent the page to another document. Throws when the act fails.
 */
export async function actAndWait(page: Page, act: () => Promise<unknown>): Promise<{ exchanges: Exchange[]; navigated: boolean; navigatedTo: string | null }> {
  const before = exchangesOf(page).length;
  let navigated = false;
  let navigatedTo: string | null = null;
  let asked = false;
  const onRequest = (r: Request) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) (navigated = true), (navigatedTo ??= r.url());
    else if (!PASSIVE_RESOURCES.has(r.resourceType())) asked = true;
  };
  page.on('request', onRequest);
  const requests = watchDataRequests(page);
  try {
    await act();
    // The page was idle before the act, so "networkidle" alone would not wait: wait for its request first,
    // unless the act left for another document (a plain pager link, read over HTTP by the list families), then
    // for the requests its answer leads to (each item's title asked apart). An act that asked for nothing within
    // a moment asks for nothing (a pager drawn from data already in the page, a control that does nothing):
    // waiting the whole answer time for it cost seconds per such turn.
    const clicked = Date.now();
    const deadline = clicked + ANSWER_WAIT_MS;
    while (!navigated && exchangesOf(page).length <= before && Date.now() < deadline) {
      if (!asked && Date.now() - clicked > NO_REQUEST_MS) break;
      await page.waitForTimeout(100);
    }
    if (!navigated) await requests.quiet(TITLES_WAIT_MS).catch(() => undefined);
  } finally {
    page.off('request', onRequest);
    requests.stop();
  }
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  await domQuiet(page);
  return { exchanges: exchangesOf(page).slice(before), navigated, navigatedTo };
}

/**
 * Waits until the page's DOM has not changed for a moment (bounded): the list's answer has arrived, but the script
 * drawing it (and the pager marking the new current page) runs after it, later still on a loaded machine. The next
 * turn reads the pager, so it must see the one drawn for this page.
 */
async function domQuiet(page: Page, quietMs = 200, maxMs = 3_000): Promise<void> {
  await page
    .evaluate(
      ([quiet, max]) =>
        new Promise<void>((resolve) => {
          let timer = setTimeout(done, quiet);
          const cap = setTimeout(done, max);
          const observer = new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, quiet);
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          function done(): void {
            observer.disconnect();
            clearTimeout(timer);
            clearTimeout(cap);
            resolve();
          }
        }),
      [quietMs, maxMs] as const,
    )
    .catch(() => undefined); // the page navigated or closed: nothing left to wait for
}
