/**
 * Acceptance: the web view in Debian's Chromium (through Playwright). Every page loads without a console error; the
 * grid shows its agencies and years in the right states; a click on a cell opens the report with its tables and its
 * failing check marked; the hostile title is text and runs nothing. Screenshots go to test-artifacts/serve/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright';
import { loadConfig } from '../../src/config.ts';
import { CHROMIUM_ARGS } from '../../src/crawl/browser-lane.ts';
import { startView, type RunningView } from '../../src/serve/server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { buildViewCatalog } from './view-catalog.ts';

const chromiumPath = loadConfig({}, process.env).chromiumPath;
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (set NIANBAO_CHROMIUM)`;
const ARTIFACTS = path.resolve('test-artifacts', 'serve');
const TIMEOUT = 120_000;

const v = skip ? undefined : buildViewCatalog(tempDir());
let view: RunningView;
let browser: Browser;

before(async () => {
  if (skip || !v) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  view = await startView({ storageDir: v.storage, port: 0 });
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await view?.close();
});

/** A page that records console errors, failed requests and uncaught exceptions. */
async function open(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { page, problems };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

test('every page loads with no console error; charts are drawn from local assets', { skip, timeout: TIMEOUT }, async () => {
  const { page, problems } = await open();
  const pages: [string, string][] = [
    ['overview', '/'],
    ['coverage', '/coverage?from=2020&to=2024'],
    ['coverage-city', `/coverage?province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('洛阳市')}`],
    ['agency', `/agencies/${v!.ids.luoyang}`],
    ['search', `/search?q=${encodeURIComponent('宜阳')}`],
    ['report-2019', `/reports/${v!.reports.old2019}`],
    ['report-changed', `/reports/${v!.reports.changed}`],
  ];
  for (const [name, url] of pages) {
    const res = await page.goto(new URL(url, view.url).href, { waitUntil: 'networkidle' });
    assert.equal(res?.status(), 200, url);
    await shoot(page, name);
  }
  assert.deepEqual(problems, []);
  // uPlot drew the agency's chart (a canvas) and the overview's.
  for (const url of ['/', `/agencies/${v!.ids.luoyang}`]) {
    await page.goto(new URL(url, view.url).href, { waitUntil: 'networkidle' });
    assert.equal(await page.locator('.chart canvas').count(), 1, url);
  }
  await page.close();
});

test('the grid shows agencies and years in their states; a cell opens the report with its failing check marked', { skip, timeout: TIMEOUT }, async () => {
  const { page, problems } = await open();
  await page.goto(new URL('/coverage?from=2020&to=2024', view.url).href);
  const header = await page.locator('table.grid tr').first().locator('th').allInnerTexts();
  assert.deepEqual(header.slice(3), ['2020', '2021', '2022', '2023', '2024']);
  assert.equal(await page.locator('table.grid tr[data-agency]').count(), 6);
  const cell = (agency: number, year: number) => page.locator(`tr[data-agency="${agency}"] td[data-year="${year}"]`);
  const state = (agency: number, year: number) => cell(agency, year).getAttribute('data-state');
  assert.equal(await state(v!.ids.luoyang, 2023), 'late');
  assert.equal(await state(v!.ids.yiyangHealth, 2023), 'late');
  assert.equal(await state(v!.ids.yiyangGov, 2024), 'missing');
  assert.equal(await state(v!.ids.yiyangGov, 2023), 'failing on_time');
  // The colour is the most pressing state's.
  const colour = await cell(v!.ids.yiyangGov, 2023).evaluate((el) => getComputedStyle(el).backgroundColor);
  const failingColour = await page.locator('.legend .swatch.st-failing').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(colour, failingColour);

  await cell(v!.ids.yiyangGov, 2023).locator('a').click();
  await page.waitForURL(/\/reports\/\d+$/);
  assert.equal(new URL(page.url()).pathname, `/reports/${v!.reports.failing}`);
  assert.equal(await page.locator('h1').innerText(), '宜阳县人民政府2023年政府信息公开工作年度报告');
  assert.equal(await page.locator('table.figures').count(), 6, 'four 第二十条 blocks of the 2021 format, section 三, section 四');
  const marked = page.locator('table.figures td.fail');
  assert.deepEqual(await marked.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-key'))), ['s3.new_received.total', 's3.total.total']);
  assert.match((await marked.first().getAttribute('title')) ?? '', /总计 printed 13, 自然人 \+ 法人或其他组织 add up to 12/);
  assert.equal(await marked.first().isVisible(), true);
  assert.equal(await page.locator('table.checks tr.fail').count(), 2);
  await shoot(page, 'report-failing');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a hostile title is shown as text and runs nothing', { skip, timeout: TIMEOUT }, async () => {
  const { page, problems } = await open();
  for (const url of [`/reports/${v!.reports.hostile}`, `/agencies/${v!.ids.ndrc}`, `/search?q=${encodeURIComponent('发展和改革')}`]) {
    await page.goto(new URL(url, view.url).href, { waitUntil: 'networkidle' });
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, url);
    assert.equal(await page.locator('main img').count(), 0, url);
    assert.match(await page.locator('main').innerText(), /<script>window.__pwned = 1<\/script>"><img src=x onerror=/, url);
  }
  assert.equal(await page.locator('h1').count(), 1);
  await page.goto(new URL(`/reports/${v!.reports.hostile}`, view.url).href);
  await shoot(page, 'report-hostile');
  assert.deepEqual(problems, []);
  await page.close();
});

test('without JavaScript every page still shows its content; only the chart says it needs scripts', { skip, timeout: TIMEOUT }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL('/coverage?from=2020&to=2024', view.url).href);
  assert.equal(await page.locator('table.grid tr[data-agency]').count(), 6);
  await page.goto(new URL(`/agencies/${v!.ids.luoyang}`, view.url).href);
  assert.match(await page.locator('.chart').innerText(), /needs JavaScript/);
  assert.equal(await page.locator('table.years tr').count(), 4);
  await context.close();
});
