/**
 * One Chromium for a test file's browser tests: launched before them when the machine has it (tools.ts decides, so a
 * test still calls `requireTools(t, 'chromium')`), closed after them. Returns a getter: the browser exists only once
 * the file's `before` hook has run.
 */
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright';
import { recordExchange } from '../../src/crawl/learn/traffic.ts';
import { loadConfig } from '../../src/config.ts';
import { toolDecision } from './tools.ts';

export function fileBrowser(): () => Browser | undefined {
  let browser: Browser | undefined;
  before(async () => {
    if (toolDecision(['chromium']) === 'run') browser = await chromium.launch({ executablePath: loadConfig({}).chromiumPath, args: ['--no-sandbox', '--headless'] });
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/**
 * A new page of `browser` showing `html` at `pageUrl`, every other request answered by `answer` (null: 404) as JSON
 * and recorded as the browser lane records its traffic; returned once the page is idle. `documents`: other HTML
 * documents by path (a frame of the page), served as such.
 */
export async function servedPage(browser: Browser, pageUrl: string, html: string, answer: (url: URL) => string | null, documents: Record<string, string> = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.pathname === new URL(pageUrl).pathname) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    const document = documents[url.pathname];
    if (document !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: document });
    const text = answer(url);
    if (text === null) return route.fulfill({ status: 404, body: '' });
    const body = Buffer.from(text);
    recordExchange(page, { resourceType: req.resourceType(), method: req.method(), url: req.url(), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'application/json' }, body });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await page.goto(pageUrl);
  await page.waitForLoadState('networkidle');
  return page;
}
