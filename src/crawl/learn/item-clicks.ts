/**
 * Links of list items drawn without any href (`<div class="item" data-id="…">` whose click handler sets
 * `location.href` or calls `window.open`): each item is clicked, and the address the page tries to open is recorded
 * instead of opened. The main frame's navigation is answered "204 No Content" by the lane's router (the browser then
 * stays on the list, its state intact) and `window.open` is replaced for the duration, so nothing is fetched.
 * A single-page application's item changes the route instead (`router.push('/detail/123')`: `history.pushState`, or
 * the hash): when the path or query changed, the page's new address is the item's link, and the browser is sent back (`history.back()`) so the app
 * draws its list again before the next item is clicked.
 * An item may also open in place (a hash route `#/doc/123`, a modal whose content is fetched by id): when its click
 * draws links to files (the report's PDF) that the page did not show before, the first is the item's link, and the
 * page is sent back (the hash route undone, else Escape) before the next item.
 * A row whose title opens nothing (plain text in a table cell) is opened by its row's 查看/详情 control instead
 * (row-actions.ts), and the page's later rows by theirs directly.
 * A row may open its article by submitting a form (`<form method="post" action="showInfo.do" target="_blank">` of
 * hidden `infoId` inputs, its title calling `this.parentNode.submit()`): the submission is held (form-address.ts) and
 * its address taken instead: a GET form's as the browser would go there, a POST form's fields as the query of its
 * action (what servlets, PHP and ASP read alike) when that address answers with the item's title.
 * The links found stand beside the page's drawn `<a href>` links when a list answer's items carry ids only.
 */
import type { Page, Request } from 'playwright';
import { isFileUrl } from '../list-page.ts';
import type { DrawnLink } from './list-shape.ts';
import { answersWithTitle, HOLD_FORMS, RELEASE_FORMS } from './form-address.ts';
import { rowAction } from './row-actions.ts';

/** Items clicked at most per page: enough for half of a long page, which is what a link template needs. */
const MAX_CLICKS = 24;
/** Clicks in a row that open nothing before the probe gives up (the items are not clickable at all). */
const MAX_MISSES = 3;
/** Missed clicks among hits clicked once more, at most. */
const MAX_RETRIES = 4;
const WAIT_MS = 1_500;
/** The moment a click is given once more when it opened nothing the first time (a busy machine's slow handler). */
const PATIENT_WAIT_MS = 6_000;
/** How long a click's own requests still in flight (a hit counter answering where the item is) are waited for. */
const ANSWER_WAIT_MS = 10_000;
/** How long an application sent back from an item's route may take to draw its list again. */
const REDRAW_MS = 5_000;

/** Per page being probed: the main-frame navigations held back (their URLs), in order. */
const holding = new WeakMap<Page, string[]>();

/**
 * For the lane's router: whether this main-frame navigation is held back (recorded, answered 204) because the page
 * is being probed for its items' links.
 */
export function holdNavigation(page: Page, url: string): boolean {
  const held = holding.get(page);
  if (!held) return false;
  held.push(url);
  return true;
}

/** Clicks the element showing each title (first match, exact text) and records where it tried to go. */
export async function clickedLinks(page: Page, titles: string[]): Promise<DrawnLink[]> {
  if (!titles.length) return [];
  const held: string[] = [];
  holding.set(page, held);
  const out: DrawnLink[] = [];
  let misses = 0;
  try {
    await page.evaluate(() => {
      const w = window as unknown as { open: unknown; __nianbaoOpen: unknown; __nianbaoOpened: string[] };
      w.__nianbaoOpened = [];
      w.__nianbaoOpen = w.open;
      w.open = (u?: string | URL) => (w.__nianbaoOpened.push(new URL(String(u ?? ''), location.href).href), null);
    });
    await page.evaluate(HOLD_FORMS);
    const state: ProbeState = { routed: false };
    const queue = titles.slice(0, MAX_CLICKS);
    const missed: string[] = [];
    let patient = false;
    while (queue.length) {
      if (misses >= MAX_MISSES) {
        // Misses before any hit may be a busy machine's slow handlers (a click's request started after the moment),
        // not rows that open nothing: the first is clicked once more, waited for longer; a hit resumes the probe with
        // the missed ones (round 47b's flake under load: three slow misses and the page's items were given up).
        if (out.length || patient) break;
        patient = true;
        const first = missed.shift()!;
        const url = await clickOne(page, first, held, state, PATIENT_WAIT_MS);
        if (!url) break;
        out.push({ text: first, url });
        queue.unshift(...missed.splice(0));
        misses = 0;
        continue;
      }
      const title = queue.shift()!;
      const url = await clickOne(page, title, held, state);
      if (url) {
        out.push({ text: title, url });
        misses = 0;
      } else {
        misses += 1;
        missed.push(title);
      }
    }
    // A miss among hits (one click slower than the moment): clicked once more, waited for longer (a few at most: rows
    // that open nothing, among clickable ones, cost a patient wait each).
    if (out.length) {
      for (const title of missed.slice(0, MAX_RETRIES)) {
        const url = await clickOne(page, title, held, state, PATIENT_WAIT_MS);
        if (url) out.push({ text: title, url });
      }
    }
  } catch {
    // The page went away or refused the probe: what was found so far stands.
  } finally {
    holding.delete(page);
    await page
      .evaluate(() => {
        const w = window as unknown as { open: unknown; __nianbaoOpen?: unknown };
        if (w.__nianbaoOpen) w.open = w.__nianbaoOpen;
      })
      .catch(() => undefined);
    await page.evaluate(RELEASE_FORMS).catch(() => undefined);
  }
  return out;
}

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** The addresses of the file links the page shows now (PDF, DOC… and download paths). */
async function fileLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href)).catch(() => [] as string[]);
  return hrefs.filter((h) => /^https?:/i.test(h) && isFileUrl(h)).map(withoutHash);
}

/** Undoes an item opened in place: its hash route (history), else its modal (Escape). */
async function closeInPlace(page: Page, address: string): Promise<void> {
  if (page.url() !== address) await page.evaluate(() => history.back()).catch(() => undefined);
  else await page.keyboard.press('Escape').catch(() => undefined);
}

interface ProbeState {
  /** The previous click changed the route, so the list is being drawn again (wait for the title). */
  routed: boolean;
  /** A row's action control (row-actions.ts) opened its row where its title did not: rows are opened by theirs. */
  byAction?: boolean;
}

/** Clicks the title (or its row's action control, when the title opens nothing) and returns where the row leads. */
async function clickOne(page: Page, title: string, held: string[], state: ProbeState, waitMs = WAIT_MS): Promise<string | null> {
  const target = page.getByText(title, { exact: true }).first();
  if (state.routed) await target.waitFor({ state: 'visible', timeout: REDRAW_MS }).catch(() => undefined);
  state.routed = false;
  if (!(await target.count().catch(() => 0))) return null;
  const address = page.url();
  const filesBefore = new Set(await fileLinks(page));
  const action = rowAction(target);
  const hasAction = (await action.count().catch(() => 0)) > 0;
  const order = !hasAction ? [target] : state.byAction ? [action] : [target, action];
  for (const el of order) {
    // A title that changed the hash and opened nothing has its change undone below, not a second click.
    if (page.url() !== address) break;
    const before = held.length;
    // A window the last click opened is that click's, seen already (a page whose `window.open` the probe's stand-in
    // answers null goes on to `location.href` the same address, held): never this click's (round 47b).
    await page.evaluate(() => void ((window as unknown as { __nianbaoOpened?: string[] }).__nianbaoOpened?.splice(0))).catch(() => undefined);
    // A control too small to click where it sits (an icon whose font did not load) still has its handler: dispatched.
    const requests = watchClickRequests(page);
    await el.click({ timeout: 3_000 }).catch(() => el.dispatchEvent('click', undefined, { timeout: 1_000 }).catch(() => undefined));
    const url = await opened(page, held, before, address, filesBefore, state, title, requests.inFlight, waitMs).finally(requests.stop);
    if (!url) continue;
    if (el === action) state.byAction = true;
    return url;
  }
  // It opened nothing to take but may have changed the hash (a trap's content drawn in place): undone all the same.
  if (page.url() !== address) {
    state.routed = true;
    await closeInPlace(page, address);
  }
  return null;
}

/** The page's data requests (XHR, fetch) made from now on and not yet answered, counted until stopped. */
function watchClickRequests(page: Page): { inFlight: () => number; stop: () => void } {
  const open = new Set<Request>();
  const started = (r: Request) => void (DATA_TYPES.has(r.resourceType()) && open.add(r));
  const ended = (r: Request) => void open.delete(r);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    inFlight: () => open.size,
    stop: () => {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

const DATA_TYPES = new Set(['xhr', 'fetch']);

/** Where a click just made tried to go, within a moment: a navigation held, a window opened, a route, a file shown. */
async function opened(page: Page, held: string[], before: number, address: string, filesBefore: Set<string>, state: ProbeState, title: string, inFlight: () => number, waitMs: number): Promise<string | null> {
  const start = Date.now();
  // A moment, or longer while a request the click made is unanswered: on a busy machine a hit counter's answer naming
  // the item's address came after the moment, and the page's items were taken for unclickable (round 47b's flake).
  while (Date.now() < start + waitMs || (inFlight() > 0 && Date.now() < start + ANSWER_WAIT_MS)) {
    if (held.length > before) return held[held.length - 1]!;
    const opened = await page.evaluate(() => (window as unknown as { __nianbaoOpened?: string[] }).__nianbaoOpened?.shift() ?? null).catch(() => null);
    if (opened) return opened;
    // A form posted: its fields as the query of its action, when that address answers with the item's title.
    const posted = await page.evaluate(() => (window as unknown as { __nianbaoPosted?: string[] }).__nianbaoPosted?.shift() ?? null).catch(() => null);
    if (posted) return (await answersWithTitle(page, posted, title)) ? posted : null;
    // The route changed with no load (pushState): that address is the item's; the list is asked back. A change of
    // the hash alone names no page the crawl could fetch.
    const routed = page.url();
    if (withoutHash(routed) !== withoutHash(address)) {
      state.routed = true;
      await page.evaluate(() => history.back()).catch(() => undefined);
      return routed;
    }
    // Opened in place: the files its content links are the item's.
    const shown = (await fileLinks(page)).filter((u) => !filesBefore.has(u));
    if (shown.length) {
      state.routed = true;
      await closeInPlace(page, address);
      return shown[0]!;
    }
    await page.waitForTimeout(100);
  }
  return null;
}
