/**
 * The browser lane of a host: a crawler drawing its pages in Debian's Chromium (one browser per crawl, a context per
 * host: shared-browser.ts), for seeds with `render: browser` and
 * for hosts whose lists the HTTP path cannot see (an anti-bot challenge, a shell drawn by script). Every request
 * the page makes is intercepted and fetched by nianbao's polite fetcher instead (scope, robots.txt, the host's
 * gate, retries), so the browser is as polite as the HTTP lane and never reaches off-scope hosts. Images, fonts
 * and styles are not fetched at all. Attachments are never navigated: the rendered page's links go to the
 * downloader through the same handlers as HTTP pages. The page's own XHR/fetch exchanges are recorded, so a seed
 * rendered to learn its list (escalation) can find the list endpoint among them.
 */
import { existsSync } from 'node:fs';
import { BasicCrawler } from '@crawlee/cheerio';
import type { Configuration, RequestProvider } from '@crawlee/core';
import type { HostQueue } from './host-queue.ts';
import type { BrowserContext, Page, Request, Route } from 'playwright';
import type { NianbaoConfig } from '../config.ts';
import type { BrowserResponse, PoliteHttpClient } from '../download/crawlee-http-client.ts';
import { FetchError } from '../errors.ts';
import { Scope } from '../download/scope.ts';
import { inSimplifiedScript } from '../encoding/simplified-script.ts';
import { handOverChallenge, watchChallenges } from './challenge.ts';
import { classifyTitle } from './classify/title.ts';
import { isChallenge } from './families/detect.ts';
import { DRAWN_LINKS_CLASS, handleDetail, handleList, handleRenderedSeed } from './handlers.ts';
import { laneOf, recordFailure, type HarvestContext } from './harvest-context.ts';
import { handleFile } from './stored-files.ts';
import { cappedPager } from './families/announced.ts';
import { answeredTitles, drawnPages } from './learn/drawn-pages.ts';
import { PROBE_HEADER } from './learn/form-address.ts';
import { fetchedPages } from './learn/fetched-pages.ts';
import { clickedLinks, holdNavigation } from './learn/item-clicks.ts';
import { idLinkDictionary, withIdLinks } from './learn/id-links.ts';
import { drawnLinks, fromLaterPage, learnListEndpoint, listsBeside, nextAnswer, titlesToClick, turnedOnly, type Exchange, type Learned } from './learn/learn.ts';
import { listChoices, withChoices } from './learn/list-choices.ts';
import type { DrawnLink } from './learn/list-shape.ts';
import { credentialHeaders } from './learn/page-param.ts';
import { exchangesOf, recordExchange, turnPage, turnPageTo } from './learn/traffic.ts';
import { walkNavigatedPages } from './learn/navigated-pages.ts';
import { isFileUrl, unreadScriptReportLinks } from './list-page.ts';
import { isSeedPage } from './list-parse.ts';
import { otherQueryOf } from './drawn-column.ts';
import { scriptUnitLinks } from './families/agency-links.ts';
import { countRefused, isDataRequest, refusedDataHost } from './off-scope-data.ts';
import { offScopeFrames } from './off-scope-frames.ts';
import type { PageVisit } from './page-visit.ts';
import { renderedDocument } from './rendered-html.ts';
import type { RequestData } from './requests.ts';
import type { SeedTally } from './seed-tally.ts';
import type { SharedBrowser } from './shared-browser.ts';
import { unlinkedReportTitles } from './unlinked-titles.ts';
import { watchDataRequests } from './learn/quiet-traffic.ts';
import { waitWhileLoading } from './loading-sign.ts';

export { CHROMIUM_ARGS, SharedBrowser } from './shared-browser.ts';

const SKIPPED_RESOURCES = new Set(['image', 'font', 'stylesheet', 'media', 'texttrack', 'manifest']);
/**
 * Headers the fetcher sets itself (its own decoding) or that describe the browser's connection. The browser's
 * User-Agent is kept: a challenge script computes its cookie from navigator.userAgent, and the server checks it
 * against the header (the HTTP lane then uses the same one for that host, see crawl/challenge.ts).
 */
const DROPPED_HEADERS = new Set(['accept-encoding', 'host', 'connection', 'content-length']);
const CHALLENGE_ROUNDS = 4;

/** The status of the last main-frame document each page received. */
const documentStatus = new WeakMap<Page, number>();
/** The data requests (XHR, fetch) each page made to hosts outside the registry, refused: by host. */
const refusedData = new WeakMap<Page, Map<string, number>>();

/**
 * Main-frame documents one page may load: a challenge's reloads, a few redirects, the items the probe clicks are far
 * fewer. A page reloading itself for ever (a challenge script whose cookie the server never takes: round 81d asked
 * one address 15,000 times) is cut off there, its page read as it stands.
 */
const MAX_DOCUMENTS = 40;

async function routeThroughFetcher(page: Page, http: PoliteHttpClient, h: HarvestContext, navigationUrl: string): Promise<void> {
  const refused = new Map<string, number>();
  refusedData.set(page, refused);
  let documents = 0;
  // A document the fetcher reached through redirects, kept for the browser's own request of where they led.
  const redirected = new Map<string, BrowserResponse>();
  await page.route('**/*', async (route: Route) => {
    const req = route.request();
    const url = req.url();
    const mainDocument = req.isNavigationRequest() && req.frame() === page.mainFrame();
    const arrived = mainDocument ? redirected.get(url) : undefined;
    if (arrived) {
      redirected.delete(url);
      return route.fulfill({ status: arrived.status, headers: arrived.headers, body: arrived.body });
    }
    // A registry page's own data request to another host (the government's search or API service) is its list's.
    if (isDataRequest(req.resourceType(), url) && h.scope.allowsPage(requestingDocument(page, req))) h.scope.vouch(url);
    const refusedHost = refusedDataHost(url, req.resourceType(), h.scope);
    if (refusedHost) countRefused(refused, refusedHost);
    // An item clicked to see where it leads (learn/item-clicks.ts): the page stays where it is, nothing is fetched.
    if (req.isNavigationRequest() && req.frame() === page.mainFrame() && holdNavigation(page, url)) return route.fulfill({ status: 204, body: '' });
    if (req.isNavigationRequest() && req.frame() === page.mainFrame() && ++documents > MAX_DOCUMENTS) return route.abort('blockedbyclient');
    if (!h.scope.allows(url) || SKIPPED_RESOURCES.has(req.resourceType())) return route.abort('blockedbyclient');
    // A page script may try to open an attachment: the downloader fetches those, never the browser.
    if (req.isNavigationRequest() && url !== navigationUrl && isFileUrl(url)) return route.abort('blockedbyclient');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(await req.allHeaders())) if (!DROPPED_HEADERS.has(k) && !k.startsWith(':')) headers[k] = v;
    // The item probe's own check of a form's address (learn/form-address.ts) is no request of the page's.
    const probe = PROBE_HEADER in headers;
    delete headers[PROBE_HEADER];
    try {
      const body = req.postDataBuffer();
      const res = await http.fetchForBrowser({ url, method: req.method(), headers, body: body ?? undefined });
      if (mainDocument) documentStatus.set(page, res.status);
      // The page's own data requests are kept: the list endpoint is learned from them (escalation).
      if (!probe) {
        // A frame's own navigation (a form posted into a hidden iframe) answers the page that asked, not the frame.
        const subframe = isSubframeNavigation(page, req);
        const documentUrl = subframe ? undefined : frameDocument(page, req);
        recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url, body, contentType: headers['content-type'] ?? null, headers: credentialHeaders(headers), documentUrl, subframe }, res);
      }
      // A document the fetcher followed redirects for is where they led: the browser is sent there too, so that the
      // page's address (its relative links' base) is the one that answered (a seed `/xxgk/nb/` 302 to
      // `/xxgk/ShowClass.asp?ClassID=47`, its pager's `ShowClass.asp?…&page=2`: round 91d). Its exchange is the request
      // made, recorded above, as before. A form posted (a search answering 302 to its result, round 29b) stays at the
      // address it was posted to: its pager posts the form again, and the result's address, a token, is no page.
      if (mainDocument && req.method() === 'GET' && res.url !== url && !redirected.has(res.url)) {
        redirected.set(res.url, res);
        return route.fulfill({ status: 302, headers: { location: res.url }, body: '' });
      }
      await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
    } catch {
      // Refused (robots, circuit) or failed after retries: the page sees a network error.
      await route.abort('failed').catch(() => undefined);
    }
  });
}

/** The address of the document whose script made a request: its frame's, else the page's. */
function requestingDocument(page: Page, req: Request): string {
  return frameDocument(page, req) ?? page.url();
}

/** The address of the frame whose script made a request, when it is not the page's own (a list drawn in an iframe). */
function frameDocument(page: Page, req: Request): string | undefined {
  try {
    const frame = req.frame();
    return frame === page.mainFrame() ? undefined : frame.url();
  } catch {
    // A request of a service worker has no frame.
    return undefined;
  }
}

/** Whether a request loads a document into a frame of the page (not the page itself). */
function isSubframeNavigation(page: Page, req: Request): boolean {
  try {
    return req.isNavigationRequest() && req.frame() !== page.mainFrame();
  } catch {
    return false;
  }
}

/**
 * Waits for the page to be drawn: past any challenge (which reloads the page), until the network is idle, and while
 * the page says it is loading (loading-sign.ts).
 */
async function settle(page: Page): Promise<void> {
  for (let round = 0; round < CHALLENGE_ROUNDS; round++) {
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    const status = documentStatus.get(page) ?? 200;
    const html = await page.content().catch(() => '');
    if (!isChallenge({ url: page.url(), loadedUrl: page.url(), status, body: html })) {
      await stir(page);
      return waitWhileLoading(page);
    }
    await page.waitForEvent('framenavigated', { timeout: 10_000 }).catch(() => undefined);
  }
}

/** How long the requests a visitor's stirring set off may take to end. */
const STIR_WAIT_MS = 15_000;

/**
 * A page whose scripts wait for a visitor to stir (page-speed optimisers' "delay JavaScript until interaction": every
 * script `type="lazyloadscript"` until the first mouse move, scroll or key, round 61b) draws nothing for a crawler
 * that only waits: the mouse is moved and the page scrolled a little, as a person's arrival does, and the data
 * requests that sets off are waited for. A page that asks nothing is done at once (a third of a second).
 */
async function stir(page: Page): Promise<void> {
  const requests = watchDataRequests(page);
  try {
    await page.mouse.move(120, 160).catch(() => undefined);
    await page.mouse.move(360, 300, { steps: 3 }).catch(() => undefined);
    await page.mouse.wheel(0, 80).catch(() => undefined);
    await requests.quiet(STIR_WAIT_MS);
  } finally {
    requests.stop();
  }
}

export interface BrowserLaneOptions {
  config: NianbaoConfig;
  crawlee: Configuration;
  http: PoliteHttpClient;
  context: () => HarvestContext;
  /** The crawl's Chromium: each host draws in a context of its own. */
  browser: SharedBrowser;
}

export async function runBrowserHost(queue: HostQueue, opts: BrowserLaneOptions): Promise<void> {
  const { config, http } = opts;
  if (!existsSync(config.chromiumPath)) {
    // No browser here: every request of the lane is recorded as blocked rather than left in the queue.
    const crawler = new BasicCrawler(
      {
        requestQueue: queue as unknown as RequestProvider, // see harvest.ts
        maxRequestRetries: 0,
        requestHandler: async ({ request }) => {
          throw new FetchError(`needs a browser, and there is none at ${config.chromiumPath}`, request.url, 'blocked');
        },
        failedRequestHandler: async ({ request }, error) => recordFailure(opts.context(), request.url, error, (request.userData as RequestData).seedEntryId, request.userData as RequestData),
      },
      opts.crawlee,
    );
    await crawler.run();
    return;
  }
  const browser = await opts.browser.newContext().catch((err: unknown) => err as Error);
  const crawler = new BasicCrawler(
    {
      requestQueue: queue as unknown as RequestProvider, // see harvest.ts
      maxConcurrency: config.politeness.hostConcurrency,
      maxRequestRetries: 1,
      // Navigation (≤ 120 s) and the page's handling (≤ 300 s).
      requestHandlerTimeoutSecs: 420,
      useSessionPool: false,
      statusMessageLoggingInterval: 3600,
      requestHandler: async ({ request }) => {
        if (browser instanceof Error) throw new FetchError(`the browser did not start: ${browser.message}`, request.url, 'blocked');
        const h = opts.context();
        if (h.sink) return h.sink.guard(() => drawn(h, browser, http, request));
        return drawn(h, browser, http, request);
      },
      errorHandler: async ({ request }, error) => {
        if (error instanceof FetchError) request.noRetry = true;
      },
      failedRequestHandler: async ({ request }, error) => recordFailure(opts.context(), request.url, error, (request.userData as RequestData).seedEntryId, request.userData as RequestData),
    },
    opts.crawlee,
  );
  const untrack = opts.context().sink?.track(crawler);
  try {
    await crawler.run();
  } finally {
    untrack?.();
    if (!(browser instanceof Error)) await browser.close().catch(() => undefined);
  }
}

/** A request drawn in a new page of the host's context (a file is downloaded, never navigated), the page closed after. */
async function drawn(h: HarvestContext, browser: BrowserContext, http: PoliteHttpClient, request: { url: string; loadedUrl?: string; userData: unknown }): Promise<void> {
  const data = request.userData as RequestData;
  if (data.kind === 'file') return handleFile(h, request.url, data);
  const page = await browser.newPage();
  try {
    watchChallenges(page);
    await routeThroughFetcher(page, http, h, request.url);
    await page.goto(request.url, { waitUntil: 'load', timeout: 120_000 });
    await browserRequest(h, page, request);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** One request of the browser lane: a file is downloaded by the fetcher; a page is drawn, then handled as any page. */
async function browserRequest(h: HarvestContext, page: Page, request: { url: string; loadedUrl?: string; userData: unknown }): Promise<void> {
  const data = request.userData as RequestData;
  if (data.kind === 'file') return handleFile(h, request.url, data);
  await settle(page);
  // A page that leaves itself on arrival (a visit check's `alert(…);history.back()` opened in a fresh tab goes to
  // about:blank, round 65d) shows nothing to read: never an empty page read as the item.
  if (page.url() === 'about:blank') throw new FetchError('the page left itself on arrival (history.back(), window.close()): nothing to read', request.url, 'blocked');
  const visit: PageVisit = {
    url: request.url,
    loadedUrl: page.url(),
    status: documentStatus.get(page) ?? 0,
    body: inSimplifiedScript(await renderedDocument(page)),
    rendered: true,
  };
  if (isChallenge(visit)) throw new FetchError('the browser did not get past the anti-bot challenge', request.url, 'blocked', visit.status);
  await handOverChallenge(page, h, visit.loadedUrl);
  if (data.kind === 'list') countOffScope(h, data.seedEntryId, visit, page);
  // A 年报 column whose list its script loads (drawn-column.ts) is learned from the same way, its list's later pages
  // asked over HTTP.
  // A seed page the host's lane draws (its HTTP read was a shell) is learned from as an escalated one would be: the
  // seed is not sent to the browser again, and a list asking for nothing until its pager is turned (page 1 drawn
  // from data in the HTML) would otherwise be read for its drawn page only.
  if (data.kind === 'list' && (data.learn || data.drawnColumn || (isSeedPage(data) && learnsHere(h.tallies.of(data.seedEntryId))))) {
    const out = learnOut();
    const { opened, drawn, shown } = out;
    const learned = await learnFromPage(page, visit.loadedUrl, visit.body, out, h.tallies.of(data.seedEntryId));
    await handOverSession(page, h, learned);
    // A drawn pager that leaves for static pages was walked: its pages are the seed's next list pages, over HTTP.
    await h.frontier.add(out.walked.map((url, i) => ({ url, lane: laneOf(h, url), userData: { ...data, learn: undefined, pageIndex: data.pageIndex + i + 1 } })));
    // Whole pages of the site its script fetched for their lists (a tab's sub-column page): list pages of their own.
    const fetched = fetchedPages(exchangesOf(page), visit.loadedUrl).filter((url) => h.scope.allowsPage(url));
    await h.frontier.add(fetched.map((url) => ({ url, lane: laneOf(h, url), userData: { ...data, learn: undefined, drawnColumn: undefined, family: 'auto' as const, cursor: undefined, pageIndex: data.pageIndex + 1 } })));
    // No endpoint, but its items opened files in place (a modal, a hash route), or its later pages were turned and
    // read as drawn: the page is read with those links, its later pages counted as read. Report titles the page
    // showed with no link lead where their clicks went, endpoint or not.
    const drawnRead = learned ? withDrawnLinks(visit, shown, []) : withDrawnLinks(visit, [...opened, ...shown], drawn);
    // The static pages its pager walked to are read over HTTP (above): its pager stops short only past them (round
    // 103c: `PageNav.go(2,2)` leaving for `&PageIndex=2`, the page read and still said to stop short).
    const read = out.walked.length ? { ...drawnRead, walkedPages: out.walked.length } : drawnRead;
    // Such a list's answers may still say how long it is (items opening in place): what the turns had to reach.
    if (read !== visit) h.tallies.of(data.seedEntryId).drawnAnswers = answeredTitles(exchangesOf(page)) ?? undefined;
    return handleRenderedSeed(h, read, data, learned);
  }
  // A list page of the seed drawn from an API the seed's own rendering never asked (the seed frames it, or links to
  // it), while the seed has no report yet: the endpoint is learned here, so that the list's later pages are asked
  // too, not only the one drawn.
  // Another column of the seed's own shell (the same document, another query: a sub-column reached through the menu
  // the shell draws, round 106b's pageView shells) is a column of the seed, not its own list: its endpoint is read
  // from its cursor, and the seed's own list, drawn by the same script, is still to be drawn.
  if (data.kind === 'list' && data.family !== 'learned' && learnsHere(h.tallies.of(data.seedEntryId)) && listsReports(exchangesOf(page), visit)) {
    const tally = h.tallies.of(data.seedEntryId);
    const column = !isSeedPage(data) && !data.learn && tally.seedShell !== undefined && otherQueryOf(tally.seedShell, visit.url);
    return handleRenderedSeed(h, visit, column ? { ...data, drawnColumn: true } : data, await learnFromPage(page, visit.loadedUrl, visit.body, learnOut(), tally));
  }
  if (data.kind === 'list') {
    // A page drawn without learning from it (a frame of the seed's page, its other pages) had none of its choices
    // made: units its script opens (`javascript:parent.xxgkUnit('div1871','414900102','县教育局')`, a tree the seed
    // frames, round 109b) lead to lists nothing read. Said, never silent.
    const tally = h.tallies.of(data.seedEntryId);
    const units = tally.framesChosen.has(frameKey(visit.url)) ? 0 : scriptUnitLinks(visit.body, visit.loadedUrl);
    if (units >= 2) tally.scriptUnits.set(frameKey(visit.url), units);
    return handleList(h, visit, data);
  }
  return handleDetail(h, visit, data);
}

/**
 * A learned list the page asks with a token (`X-CSRF-TOKEN` from its `<meta name="csrf-token">`, a bearer token) is
 * replayed over HTTP with the browser's cookies for its host: such a token is often bound to the session the page
 * was served with (Laravel, Spring Security), and the HTTP lane's own session would not match it (HTTP 419/403).
 */
async function handOverSession(page: Page, h: HarvestContext, learned: Learned | null): Promise<void> {
  if (!h.hostCookies || !learned?.endpoint.request.headers || learned.endpoint.signed) return;
  const { request } = learned.endpoint;
  const url = new URL(request.url);
  const cookies = await page.context().cookies(url.href).catch(() => []);
  if (!cookies.length) return;
  const host = Scope.hostOf(url.href);
  h.hostCookies.set(host, cookies, h.hostCookies.userAgentFor(host));
}

/** What a rendered list page could not load (frames and data requests on hosts outside the registry), for the seed's result. */
function countOffScope(h: HarvestContext, seedEntryId: number, visit: PageVisit, page: Page): void {
  const t = h.tallies.of(seedEntryId);
  for (const url of offScopeFrames(visit.body, visit.loadedUrl, h.scope)) t.offScopeFrames.add(url);
  for (const [host, n] of refusedData.get(page) ?? []) countRefused(t.offScopeData, host, n);
}

/**
 * Whether a seed may learn its endpoint at a later list page: it found no report so far, and learned none, or one
 * whose answers listed no report (the seed an article drawn by script: its answer's 相关推荐 box of notices is no
 * list of the column; round 34c read the column its "返回栏目" bar led to for its first drawn page only).
 */
function learnsHere(t: SeedTally): boolean {
  // The seed's own page read as the report it is (a shared article) is no list of reports found.
  return (!t.usedLearned || t.learnedReports === 0) && t.reportItems === (t.seedReadAsReport ? 1 : 0);
}

/** Whether a rendered page's traffic holds a list answer with a report among its items. */
function listsReports(exchanges: Exchange[], visit: PageVisit): boolean {
  const found = learnListEndpoint(exchanges, visit.loadedUrl, [], visit.body);
  return !!found && found.items.some((i) => classifyTitle(i.title).isReport);
}

/**
 * The rendered page with the files its items opened in place, as links titled by their items: what a reader sees
 * clicking through the list (the items' own `#/doc/ID` routes name no page the crawl could fetch); and with the links
 * its later pages drew when the browser turned them (a list no replay can read), those pages counted as read.
 */
function withDrawnLinks(visit: PageVisit, opened: DrawnLink[], drawn: DrawnLink[][]): PageVisit {
  if (!opened.length && !drawn.length) return visit;
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const links = [...opened, ...drawn.flat()];
  const list = `<ul class="${DRAWN_LINKS_CLASS}">${links.map((l) => `<li><a href="${esc(l.url)}">${esc(l.text)}</a></li>`).join('')}</ul>`;
  const html = visit.body;
  const body = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${list}</body>`) : html + list;
  return { ...visit, body, ...(drawn.length ? { drawnPages: drawn.length } : {}) };
}

/** Pages a signed list is turned through in the browser, at most. */
const MAX_TURNED_PAGES = 30;

/**
 * The answers of a list whose requests the page signs (no replay over HTTP): the page is turned until it brings
 * nothing new, its answers kept. `later` is what the first turn brought.
 */
async function turnedAnswers(page: Page, learned: Learned, later: Exchange[]): Promise<Exchange[]> {
  const seen = new Set(learned.items.map((i) => i.url));
  const out: Exchange[] = [];
  let batch = later;
  while (out.length < MAX_TURNED_PAGES) {
    const next = nextAnswer(learned, batch, seen);
    if (!next) break;
    out.push(next.answer);
    for (const i of next.items) seen.add(i.url);
    batch = await turnPage(page);
  }
  return out;
}

/**
 * The list endpoint in the rendered page's traffic; the page is turned once so page 2's request can be compared.
 * Items drawn with no link are clicked to see where they lead; the files those opened in place go to `opened`. Report
 * titles the page shows with no link a reader could follow (unlinked-titles.ts, a link calling a script nothing read)
 * are clicked too, and where they lead goes to `shown`. A page that asked for no list on load (page 1 drawn
 * from data in its HTML) is turned twice: the requests of pages 2 and 3 name the endpoint and its paging. Then the
 * page's other choices (a tab bar, a select) are made, each once (list-choices.ts).
 */
async function learnFromPage(page: Page, pageUrl: string, renderedHtml: string, out: LearnOut, tally?: SeedTally): Promise<Learned | null> {
  const { opened, drawn, shown } = out;
  const learned = await learnEndpoint(page, pageUrl, renderedHtml, out);
  // A signed list was turned to its end in the browser; a replay of its other choices would be refused. A pager
  // walked to other documents left the page: its choices are no longer on it.
  if (learned?.endpoint.signed || out.walked.length) return learned;
  // The page's other choices (tabs, a select) load other lists: as lists of the endpoint, or read as drawn.
  const known = [...drawnLinks(renderedHtml, pageUrl), ...opened, ...shown, ...drawn.flat()].map((l) => l.url);
  // A 全部 view whose pager stops short of its count (a TRS page cap): its filters' lists are read too.
  const capped = cappedPager(renderedHtml, learned?.items.length ?? 0);
  const chosen = await listChoices(page, pageUrl, learned, known, capped);
  // Their links are read with the page's own; their pages are no pages of its pager (not counted against "共N页").
  shown.push(...chosen.drawn.flat());
  if (tally) (tally.unmadeChoices += chosen.unmade), (tally.untriedChoices += chosen.untried), (tally.allPartsRead += chosen.partsRead);
  // A frame whose tree's units were chosen from the page: its page drawn alone says nothing of units left unread.
  if (tally) {
    for (const url of chosen.framesChosen) {
      tally.framesChosen.add(frameKey(url));
      tally.scriptUnits.delete(frameKey(url));
    }
  }
  return learned && withChoices(learned, chosen.requests, chosen);
}

/**
 * What learning a page found besides an endpoint: files its items opened in place (`opened`), later pages turned and
 * read as drawn (`drawn`), where unlinked report titles led (`shown`), and the later pages a drawn pager sent the
 * page to (`walked`: addresses, read over HTTP).
 */
interface LearnOut {
  opened: DrawnLink[];
  drawn: DrawnLink[][];
  shown: DrawnLink[];
  walked: string[];
}

/** A frame's address as the frame's own request and the browser's frame both give it (`&amp;` read, no fragment). */
function frameKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

function learnOut(): LearnOut {
  return { opened: [], drawn: [], shown: [], walked: [] };
}

/** learnFromPage's endpoint, before the page's other choices are made. */
async function learnEndpoint(page: Page, pageUrl: string, renderedHtml: string, { opened, drawn, shown, walked }: LearnOut): Promise<Learned | null> {
  const first = exchangesOf(page);
  const fromAnswers = titlesToClick(first, renderedHtml, pageUrl);
  const isReport = (t: string) => classifyTitle(t).isReport;
  const linked = drawnLinks(renderedHtml, pageUrl).map((l) => l.text);
  // Items of an answer are clicked as such (above); a second round of clicks would leave its list where it was not.
  const unlinked = fromAnswers.length ? [] : [...unlinkedReportTitles(renderedHtml, linked, isReport), ...unreadScriptReportLinks(renderedHtml, pageUrl, isReport)];
  const clicked = await clickedLinks(page, fromAnswers);
  // An id → address dictionary the clicks fetched (id-links.ts): the items' addresses by id, before a template's.
  const dictionary = idLinkDictionary(exchangesOf(page).slice(first.length), clicked, pageUrl);
  opened.push(...clicked.filter((l) => isFileUrl(l.url)));
  shown.push(...(await clickedLinks(page, unlinked)));
  if (learnListEndpoint(first, pageUrl, [], renderedHtml, clicked)) {
    const later = await turnPage(page);
    const learned = withIdLinks(learnListEndpoint(first, pageUrl, later, renderedHtml, clicked), dictionary);
    if (learned && turnedOnly(learned.endpoint)) return { ...learned, turned: await turnedAnswers(page, learned, later) };
    const beside = learned ? listsBeside(learned, first, pageUrl, later, renderedHtml, clicked) : [];
    return learned && beside.length ? { ...learned, endpoint: { ...learned.endpoint, beside } } : learned;
  }
  // Items of an answer whose clicks led to pages no template builds from the answer (a hit counter's answer names
  // the address: round 47b): where each led is its link, as a file opened in place is; later pages are clicked too.
  shown.push(...clicked.filter((l) => !isFileUrl(l.url)));
  const turned = await turnPageTo(page);
  const second = turned.exchanges;
  // The list read from what the browser draws, page after page: each turn's links the first page did not show.
  const readDrawn = async (turn: Exchange[], inPlace: boolean) => {
    const seen = [...drawnLinks(renderedHtml, pageUrl), ...opened, ...shown].map((l) => l.url);
    drawn.push(...(await drawnPages(page, pageUrl, seen, turn, inPlace)));
  };
  if (!second.length) {
    // The turn left for another document (a drawn pager setting location.href): the pager is walked, its pages read
    // over HTTP (navigated-pages.ts). It asked nothing and stayed, but may have drawn another page of the list (a pager
    // redrawing it from data the page holds, its address moved by history.replaceState alone: round 54b).
    if (turned.navigatedTo) walked.push(...(await walkNavigatedPages(page, pageUrl, turned.navigatedTo)));
    else await readDrawn([], true);
    return null;
  }
  const turnedHtml = await renderedDocument(page);
  if (!learnListEndpoint(second, pageUrl, [], turnedHtml)) {
    // The turn asked for something, but no answer reads as a list (encoded by the page's script, or items opening in
    // place).
    await readDrawn(second, false);
    return null;
  }
  const third = await turnPage(page);
  return fromLaterPage(learnListEndpoint(second, pageUrl, third, turnedHtml));
}
