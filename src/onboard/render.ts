/**
 * A page rendered in Debian's Chromium for probe and discover, with the page's own XHR/fetch traffic captured.
 * As in the crawl's browser lane, every request the page makes is fetched by the polite Fetcher instead (scope,
 * robots.txt, the host's spacing), images, fonts and styles are not fetched at all, and the browser never leaves
 * the scope. One session keeps one browser context, so a challenge's cookie set on the first page serves the next.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Route } from 'playwright';
import { isChallenge } from '../crawl/families/detect.ts';
import { launchChromium } from '../crawl/shared-browser.ts';
import { PoliteHttpClient } from '../download/crawlee-http-client.ts';
import { FetchError } from '../errors.ts';
import type { PageReader } from './page-reader.ts';

/**
 * One request the page's script made and its answer. Kept deliberately plain so a learner of list APIs (the
 * crawl's browser fallback) can take it as it is.
 */
export interface CapturedExchange {
  method: string;
  url: string;
  requestBody: string | null;
  status: number;
  contentType: string | null;
  /** The answer decoded as UTF-8 text (list APIs answer JSON, XML or HTML fragments). */
  body: string;
}

export interface RenderedPage {
  url: string;
  finalUrl: string;
  /** Status of the last main-frame document. */
  status: number;
  html: string;
  exchanges: CapturedExchange[];
}

const SKIPPED_RESOURCES = new Set(['image', 'font', 'stylesheet', 'media', 'texttrack', 'manifest']);
const DROPPED_HEADERS = new Set(['user-agent', 'accept-encoding', 'host', 'connection', 'content-length']);
const CHALLENGE_ROUNDS = 4;

export class BrowserSession {
  private browser: Browser | null = null;
  private context: BrowserContext | null = null;
  private readonly http: PoliteHttpClient;

  constructor(
    private readonly reader: PageReader,
    private readonly chromiumPath: string,
  ) {
    this.http = new PoliteHttpClient(reader.fetcher);
  }

  static available(chromiumPath: string): boolean {
    return existsSync(chromiumPath);
  }

  async render(url: string): Promise<RenderedPage> {
    if (!this.context) {
      if (!BrowserSession.available(this.chromiumPath)) throw new FetchError(`needs a browser, and there is none at ${this.chromiumPath}`, url, 'blocked');
      this.browser = await launchChromium(this.chromiumPath);
      // The crawl's own User-Agent for navigator.userAgent too (shared-browser.ts: no "HeadlessChrome").
      this.context = await this.browser.newContext({ userAgent: this.reader.fetcher.cfg.userAgent });
    }
    const page = await this.context.newPage();
    const exchanges: CapturedExchange[] = [];
    const state = { status: 0 };
    try {
      await this.route(page, exchanges, state);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => undefined);
      await settle(page, state);
      const html = await page.content();
      if (isChallenge({ url, loadedUrl: page.url(), status: state.status, body: html })) {
        throw new FetchError('the browser did not get past the anti-bot challenge', url, 'blocked', state.status);
      }
      return { url, finalUrl: page.url(), status: state.status, html, exchanges };
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  private async route(page: Page, exchanges: CapturedExchange[], state: { status: number }): Promise<void> {
    await page.route('**/*', async (route: Route) => {
      const req = route.request();
      const url = req.url();
      if (!this.reader.scope.allows(url) || SKIPPED_RESOURCES.has(req.resourceType())) return route.abort('blockedbyclient');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(await req.allHeaders())) if (!DROPPED_HEADERS.has(k) && !k.startsWith(':')) headers[k] = v;
      try {
        const res = await this.http.fetchForBrowser({ url, method: req.method(), headers, body: req.postDataBuffer() ?? undefined });
        if (req.isNavigationRequest() && req.frame() === page.mainFrame()) state.status = res.status;
        if (req.resourceType() === 'xhr' || req.resourceType() === 'fetch') {
          exchanges.push({
            method: req.method(),
            url,
            requestBody: req.postData(),
            status: res.status,
            contentType: res.headers['content-type'] ?? null,
            body: res.body.toString('utf8'),
          });
        }
        await route.fulfill({ status: res.status, headers: res.headers, body: res.body });
      } catch {
        await route.abort('failed').catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    this.browser = null;
    this.context = null;
  }
}

/** Waits until the page is drawn: past any challenge (which reloads the page) and until the network is idle. */
async function settle(page: Page, state: { status: number }): Promise<void> {
  for (let round = 0; round < CHALLENGE_ROUNDS; round++) {
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    const html = await page.content().catch(() => '');
    if (!isChallenge({ url: page.url(), loadedUrl: page.url(), status: state.status, body: html })) return;
    await page.waitForEvent('framenavigated', { timeout: 10_000 }).catch(() => undefined);
  }
}
