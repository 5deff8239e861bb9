/**
 * One Chromium per crawl, launched when the first browser-lane host needs it and closed when the crawl ends. Each host
 * draws its pages in a browser context of its own (its cookies and storage, as one visitor), closed when the host is
 * done. A browser per host (Crawlee's PlaywrightCrawler launches one per crawler, and the crawl runs one crawler per
 * host) cost a Chromium start for every browser host: ≈ 1–2 s of CPU each, 14 s of wall time on a loaded machine,
 * and 150–300 MiB per host drawn at once.
 */
import type { Browser, BrowserContext } from 'playwright';

/** Chromium flags: headless, sandbox off (containers), and no traffic of its own (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium at `executablePath` with CHROMIUM_ARGS. Playwright is loaded here, with the first launch: ≈ 0.35 s
 * of CPU that a run needing no browser (most crawls, every nightly run of known columns) never spends.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export class SharedBrowser {
  private browser: Promise<Browser> | null = null;

  /**
   * `userAgent`: the crawl's own (config politeness.userAgent), for the pages and for navigator.userAgent alike. Headless
   * Chromium's default names it "HeadlessChrome", which WAFs refuse with a 403 (round 53d) where a reader's browser
   * passes; and the host's pages are asked by the HTTP lane with the crawl's, the same visitor.
   */
  constructor(
    private readonly chromiumPath: string,
    private readonly userAgent?: string,
  ) {}

  /** A fresh context for one host; the browser is launched (again, if it crashed) when needed. */
  async newContext(): Promise<BrowserContext> {
    let browser = await this.launched();
    if (!browser.isConnected()) {
      this.browser = null;
      browser = await this.launched();
    }
    return browser.newContext(this.userAgent ? { userAgent: this.userAgent } : {});
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      const launching = launchChromium(this.chromiumPath);
      // A failed launch is not kept: the next host tries again (and fails with its own error, recorded per request).
      launching.catch(() => {
        if (this.browser === launching) this.browser = null;
      });
      this.browser = launching;
    }
    return this.browser;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
