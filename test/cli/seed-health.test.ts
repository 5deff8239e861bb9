/**
 * Seed health (issue 10 item 3): a seed whose column stops listing reports is flagged by `nianbao status --seeds`
 * and by exit code 7; while it lists them, the crawl exits 0 and the seed is healthy. Also the health verdicts.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { healthFlags, type SeedRun } from '../../src/catalog/seed-health.ts';
import { ExitCode } from '../../src/errors.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { TOGGLE_SITE, ToggleColumnSite } from '../fixtures/portal/sites/toggle-column.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');

function runAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

test('a column that stops listing its reports: exit 7, seed_empty in the summary, flagged by status --seeds', { timeout: 300_000 }, async () => {
  const site = new ToggleColumnSite();
  const portal = await startPortal({ sites: [site] });
  after(() => portal.close());
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(
    seeds,
    `agencies:\n  - name: ${TOGGLE_SITE.agency}\n    division: "360400"\n    entries:\n      - url: ${portal.urls[TOGGLE_SITE.id]}${TOGGLE_SITE.columnPath}\n        family: auto\n`,
  );
  const storage = path.join(dir, 'storage');
  const crawl = ['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '50', '--no-extract', '--progress', 'none'];

  const healthy = await runAsync(crawl);
  assert.equal(healthy.code, ExitCode.ok, healthy.out + healthy.err);
  assert.match(healthy.out, /seeds: 1 healthy, 0 unhealthy/);

  site.listReports(false);
  const broken = await runAsync(crawl);
  assert.equal(broken.code, ExitCode.seedsEmpty, broken.out + broken.err);
  assert.match(broken.out, /seeds: 0 healthy, 1 unhealthy/);
  assert.match(broken.out, /empty: 九江市审计局 .*\(no report item on 1 list page\(s\) \(2 items\); and the page runs no script that could draw a list\)/);

  const status = await runAsync(['status', '--seeds', '--json', '--storage', storage]);
  assert.equal(status.code, 0, status.err);
  const json = JSON.parse(status.out) as { unhealthy: number; seeds: { flags: string[]; trend: number[]; last: SeedRun }[] };
  assert.equal(json.unhealthy, 1);
  assert.deepEqual(json.seeds[0]!.flags, ['empty']);
  assert.deepEqual(json.seeds[0]!.trend, [3, 0]);
  assert.equal(json.seeds[0]!.last.status, 'empty');
  const table = await runAsync(['status', '--seeds', '--storage', storage]);
  assert.match(table.out, /no report items/);
  assert.match(table.out, /1 of 1 seed entries unhealthy/);
  const plain = await runAsync(['status', '--storage', storage]);
  assert.match(plain.out, /Seeds that yielded nothing in the last run[\s\S]*xxgk\/ndbg\/index\.html/);
});

const last = (reportItems: number, extra: Partial<SeedRun> = {}): SeedRun => ({
  runId: 9,
  seedEntryId: 1,
  listPages: 1,
  items: 10,
  reportItems,
  newReports: 0,
  family: 'trs',
  usedBrowser: false,
  usedLearned: false,
  failures: 0,
  status: reportItems ? 'ok' : 'empty',
  reason: null,
  stoppedEarly: false,
  ...extra,
});

test('health flags: empty, a sharp drop against the history, a failing host, fewer than announced', () => {
  assert.deepEqual(healthFlags(last(8), [8, 9, 8]), []);
  assert.deepEqual(healthFlags(last(0), [8, 9, 8]), ['empty']);
  assert.deepEqual(healthFlags(last(3), [8, 9, 8]), ['dropped']);
  assert.deepEqual(healthFlags(last(3, { stoppedEarly: true }), [8, 9, 8]), [], 'an incremental run read less on purpose');
  assert.deepEqual(healthFlags(last(2), [2, 2]), [], 'two report items are too few to call a drop sharp');
  assert.deepEqual(healthFlags(last(5), []), [], 'no history, no drop');
  assert.deepEqual(healthFlags(last(0, { status: 'host_failed', failures: 2 }), [5]), ['empty', 'host_failed']);
  assert.deepEqual(healthFlags(last(4, { status: 'short' }), [4]), ['short']);
});
