/**
 * The blind portals (test/fixtures/portal/sites/blind/: written apart from the parsers, imitating real-world
 * patterns) crawled as a new user would (every other one, from the second; blind-portals.test.ts
 * crawls the other half at the same time, blind-portals-faults.test.ts the injected misses): a seeds file with
 * `family: auto`, `nianbao crawl`, `nianbao status --seeds --json`, `nianbao export`. Every portal's expected report
 * set is found exactly (recall and precision), every seed healthy. docs/blind-portals.md records the measurement
 * this test keeps.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { blindPortals } from '../fixtures/portal/sites/blind/index.ts';
import { requireTools } from '../helpers/tools.ts';
import { assertPortal, crawlAsUser, halfOf, withBrowser, type Run } from './blind-crawl.ts';

const portals = halfOf(blindPortals(), 1);
let run: Run | undefined;

before(async () => {
  run = await crawlAsUser(withBrowser ? portals : portals.filter((p) => !p.needsBrowser));
});
after(async () => {
  await run?.portal.close();
});

test('blind portals read over HTTP (second half): every expected report found with its agency and year, nothing else, every seed healthy', { timeout: 600_000 }, () => {
  for (const p of portals.filter((x) => !x.needsBrowser)) assertPortal(run!, p);
  // A known (open) miss is flagged `short`, and the exit code says so (7), as for an empty seed.
  const open = portals.filter((x) => x.open).length;
  if (withBrowser) assert.equal(run!.crawl.code, open ? ExitCode.seedsEmpty : ExitCode.ok, run!.crawl.out + run!.crawl.err);
  // A flagged seed whose reports were all found (moved) is unhealthy too, without changing the exit code.
  const flagged = portals.filter((x) => x.flag).length;
  const crawled = withBrowser ? portals : portals.filter((p) => !p.needsBrowser);
  const unhealthy = crawled.filter((x) => x.open || x.flag).length;
  assert.match(run!.crawl.out, new RegExp(`seeds: \\d+ healthy, ${withBrowser ? open + flagged : unhealthy} unhealthy`));
});

test('blind JavaScript platforms (second half): the list API learned from the browser traffic, links built from ids included', { timeout: 600_000 }, (t) => {
  if (!requireTools(t, 'chromium')) return;
  for (const p of portals.filter((x) => x.needsBrowser)) assertPortal(run!, p);
});
