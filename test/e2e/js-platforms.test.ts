/**
 * No silent zero on JavaScript platforms (issue 9): six variants whose lists only the browser's traffic reveals,
 * crawled with `family: auto`. Every report is found with its agency and year and nothing else; the endpoint learned
 * from the traffic is kept per seed, so a second run reads it over HTTP with no browser; a column that truly lists
 * nothing ends as a seed_empty event, not a quiet "ok".
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { buildSites } from '../fixtures/portal/sites/index.ts';
import { EMPTY_COLUMN, OBFUSCATED_SITE, type ObfuscatedSite } from '../fixtures/portal/sites/js-obfuscated.ts';
import { JS_PLATFORMS, jsPlatformExpected, jsPlatformSeedsYaml } from '../fixtures/portal/sites/js-platforms.ts';
import { FAST } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const config = loadConfig({ politeness: FAST });
const skip = existsSync(config.chromiumPath) ? false : `no Chromium at ${config.chromiumPath} (apt-get install chromium)`;

/** Script files only a browser asks for: their fetches are browser page loads. */
const SCRIPTS = /\.js$/;

test('six JavaScript platforms: every report found through the learned endpoints, then read again with no browser', { skip, timeout: 600_000 }, async () => {
  const sites = buildSites();
  const portal = await startPortal({ sites });
  after(() => portal.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  writeFileSync(seedsFile, jsPlatformSeedsYaml(portal.urls));
  const storage = path.join(dir, 'storage');
  const run = async () => {
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: { ...config, storageDir: storage }, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
      const reports = catalog.reports.all().map((r) => `${catalog.agencies.byId(r.agency_id)!.name} ${r.year}`).sort();
      const empty = catalog.runs.events(summary.runId, 'seed_empty');
      const seeds = catalog.seedHealth.seedRuns(summary.runId);
      const outcomes = catalog.seedHealth.listOutcomes(summary.runId);
      const learned = catalog.seeds.all().map((s) => ({ url: s.url, endpoint: catalog.learned.get(s.id) }));
      return { summary, reports, empty, seeds, outcomes, learned, entries: catalog.seeds.all() };
    } finally {
      catalog.close();
    }
  };

  const first = await run();
  const expected = jsPlatformExpected().map((r) => `${r.agency} ${r.year}`).sort();
  assert.deepEqual(first.reports, expected, 'every report of the six platforms, with its agency and year, and nothing else');
  assert.equal(first.summary.status, 'ok');
  // The column that lists nothing is not a quiet "ok": one seed_empty event, with the reason.
  assert.equal(first.summary.emptySeeds, 1);
  assert.equal(first.empty.length, 1);
  assert.ok(first.empty[0]!.url!.endsWith(EMPTY_COLUMN));
  assert.match(first.empty[0]!.detail ?? '', /no report item/);
  assert.match(first.empty[0]!.detail ?? '', /browser/);
  for (const def of JS_PLATFORMS) {
    const entry = first.entries.find((e) => e.url === `${portal.urls[def.id]}${def.columnPath}`)!;
    const seed = first.seeds.find((s) => s.seedEntryId === entry.id)!;
    assert.ok(seed.usedBrowser && seed.usedLearned, `${def.id}: the list came from the browser's traffic`);
    assert.equal(seed.status, 'ok', `${def.id}: ${seed.reason}`);
    assert.equal(seed.reportItems, def.items.filter((i) => i.report).length, `${def.id}: report items`);
    assert.ok(first.learned.find((l) => l.url === entry.url)?.endpoint, `${def.id}: the endpoint is kept for the seed`);
    // Every list request's outcome is recorded, and the later pages were read over HTTP from the learned endpoint.
    const learnedPages = first.outcomes.filter((o) => o.seedEntryId === entry.id && o.lane === 'learned');
    assert.ok(learnedPages.length >= 2, `${def.id}: ${learnedPages.length} learned pages`);
    assert.ok(learnedPages.every((o) => o.family === 'learned' && o.signal.length > 0));
  }
  // The browser did load the pages the first time (it fetched their scripts).
  assert.ok(portal.log.some((r) => SCRIPTS.test(new URL(r.url, 'http://x').pathname)));

  const seen = portal.log.length;
  const second = await run();
  assert.deepEqual(second.reports, expected);
  const later = portal.log.slice(seen);
  assert.deepEqual(
    // The empty column's own script aside: that seed still yields nothing, so it is rendered again.
    later.filter((r) => SCRIPTS.test(new URL(r.url, 'http://x').pathname) && r.url !== '/r/c/e.91b0.js').map((r) => `${r.site} ${r.url}`),
    [],
    'the second run loaded no platform page in a browser',
  );
  for (const def of JS_PLATFORMS) {
    const entry = second.entries.find((e) => e.url === `${portal.urls[def.id]}${def.columnPath}`)!;
    const seed = second.seeds.find((s) => s.seedEntryId === entry.id)!;
    assert.ok(seed.usedLearned && !seed.usedBrowser, `${def.id}: learned endpoint over HTTP, no browser`);
    assert.ok(seed.reportItems > 0, `${def.id}: report items on the second run`);
  }
  // The empty column is tried in the browser again (it might have changed), and is still reported.
  assert.equal(second.summary.emptySeeds, 1);

  // The site moves its API: the stale endpoint answers 404, is forgotten, and the browser learns the new one.
  (sites.find((s) => s.id === OBFUSCATED_SITE.id) as ObfuscatedSite).moveApi();
  const third = await run();
  const moved = third.entries.find((e) => e.url === `${portal.urls[OBFUSCATED_SITE.id]}${OBFUSCATED_SITE.columnPath}`)!;
  const seed = third.seeds.find((s) => s.seedEntryId === moved.id)!;
  assert.ok(seed.usedBrowser && seed.usedLearned && seed.reportItems > 0, JSON.stringify(seed));
  assert.equal(seed.failures, 0, 'a moved endpoint is not a host failure');
  const relearned = third.learned.find((l) => l.url === moved.url)!.endpoint as { request: { url: string } };
  assert.match(relearned.request.url, /\/ds\/v2\/q\?k=1/);
  assert.equal(third.summary.status, 'ok');
});
