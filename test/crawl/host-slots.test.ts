/**
 * Host slots: with more hosts than slots, never more than S hosts are crawled at once, and once the catalog knows
 * how big each host is, the biggest start first (LPT), whatever the seeds' order; on a first crawl, each host is
 * scouted (its seed page) in seed order, then the biggest found go first. Read from the portal's request log, which
 * knows nothing of the crawler: a host's span is its first request's start to its last request's end. No timing is
 * asserted, only order and overlap.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { benchSeedsYaml, generatePortal } from '../../bench/portal.ts';
import { hostSpans, maxOverlap } from '../../bench/slots.ts';
import { startGeneratedPortal } from '../../bench/portal.ts';
import { Catalog } from '../../src/catalog/catalog.ts';
import { crawlConfig } from '../../src/cli/crawl.ts';
import { DEFAULTS, loadConfig, storagePaths } from '../../src/config.ts';
import { defaultHostSlots } from '../../src/crawl/frontier-slots.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import type { LoggedRequest, Portal } from '../fixtures/portal/server.ts';
import { tempDir } from '../helpers/tmp.ts';

const SLOTS = 2;
/** Ascending in seed order, so seed order would start the biggest host last. All distinct. */
const ITEMS = [2, 4, 6, 9, 13];
const g = generatePortal({ sites: ITEMS.length, itemsPerSite: 0, itemCounts: ITEMS, perPage: 20, pagedEvery: 0, attachmentShare: 0.5, duplicateShare: 0, sharedDocs: 1 });
const storageDir = tempDir();
const config = loadConfig({ storageDir, politeness: { hostDelayMs: 20, backoffBaseMs: 50, hostConcurrency: 1, maxConcurrentHosts: SLOTS } }, {});

let portal: Portal;
let catalog: Catalog;
let seedsFile: string;
const logs: LoggedRequest[][] = [];

async function crawl(job: string): Promise<LoggedRequest[]> {
  portal.log.length = 0;
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: job });
  assert.equal(summary.stats.failed, 0);
  return portal.log.slice();
}

before(async () => {
  portal = await startGeneratedPortal(g);
  seedsFile = path.join(storageDir, 'seeds.yaml');
  writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls));
  catalog = Catalog.open(storagePaths(storageDir).catalog);
  logs.push(await crawl('crawl'));
  logs.push(await crawl('crawl'));
});

after(async () => {
  catalog?.close();
  await portal?.close();
});

/** Sites in the order their first request reached the portal. */
function startOrder(log: LoggedRequest[]): string[] {
  return hostSpans(log).sort((a, b) => a.start - b.start).map((s) => s.site);
}

const bySizeDesc = g.sites.map((s, i) => ({ id: s.def.id, items: ITEMS[i]! })).sort((a, b) => b.items - a.items).map((s) => s.id);

test('every host is crawled, in both runs', () => {
  for (const log of logs) assert.equal(hostSpans(log).length, ITEMS.length);
});

test(`never more than ${SLOTS} hosts are crawled at once`, () => {
  // One request in flight per host: more than SLOTS requests at once would be more than SLOTS hosts at once. (A
  // scouted host waits for a slot again after its seed page, so its span overlaps others' without its crawler.)
  for (const log of logs) assert.ok(maxOverlap(log) <= SLOTS, `at most ${SLOTS} requests at once, saw ${maxOverlap(log)}`);
  // Sizes known, no host is scouted: each is crawled whole in its slot.
  assert.ok(maxOverlap(hostSpans(logs[1]!)) <= SLOTS, `at most ${SLOTS} hosts at once, saw ${maxOverlap(hostSpans(logs[1]!))}`);
  // The slots were used: the check above would hold for a serial crawl too.
  assert.equal(maxOverlap(hostSpans(logs[1]!)), SLOTS);
});

test('with sizes known from the last run, the biggest hosts start first', () => {
  const order = startOrder(logs[1]!);
  // The first SLOTS hosts start together (their relative order is a race); after that one at a time, as slots free.
  assert.deepEqual(new Set(order.slice(0, SLOTS)), new Set(bySizeDesc.slice(0, SLOTS)));
  // A host is given its slot in size order, but its first request may follow the next host's by a moment (its
  // robots.txt, a loaded machine): neighbours in size may swap, never a host and one two or more places smaller.
  const rank = new Map(bySizeDesc.map((id, i) => [id, i]));
  order.forEach((id, at) => {
    for (const later of order.slice(at + 1)) assert.ok(rank.get(later)! > rank.get(id)! - 2, `${later} started after ${id}, which is smaller: ${order.join(' ')}`);
  });
});

test('with nothing known, every host is scouted in seed order, then the biggest found go first', () => {
  const log = logs[0]!;
  const seedOrder = g.sites.map((s) => s.def.id);
  // Scouting: each host's seed page, in seed order (neighbours may swap their first requests, nothing more).
  const order = startOrder(log);
  assert.deepEqual(new Set(order.slice(0, SLOTS)), new Set(seedOrder.slice(0, SLOTS)));
  const seedRank = new Map(seedOrder.map((id, i) => [id, i]));
  order.forEach((id, at) => {
    for (const later of order.slice(at + 1)) assert.ok(seedRank.get(later)! > seedRank.get(id)! - 2, `${later} started after ${id}: ${order.join(' ')}`);
  });
  // Then each host's items, the hosts with most first: a host's first request that is neither robots.txt nor a page of
  // its column (its items, pages of their own).
  const column = new Map(g.sites.map((s) => [s.def.id, s.def.columnPath]));
  const resumed = [...new Set(log.filter((r) => r.url !== '/robots.txt' && !r.url.startsWith(column.get(r.site)! + 'index')).sort((a, b) => a.start - b.start).map((r) => r.site))];
  assert.equal(resumed.length, ITEMS.length);
  const sizeRank = new Map(bySizeDesc.map((id, i) => [id, i]));
  resumed.forEach((id, at) => {
    for (const later of resumed.slice(at + 1)) assert.ok(sizeRank.get(later)! > sizeRank.get(id)! - 2, `${later} went on after ${id}, which is smaller: ${resumed.join(' ')}`);
  });
  // Hosts go on with their items once every host is scouted, but for those freed slots take while the last scouts
  // (SLOTS − 1 at most) still run.
  const lastSeedPage = Math.max(...seedOrder.map((id) => log.find((r) => r.site === id && r.url.startsWith(column.get(id)!))!.start));
  const early = new Set(log.filter((r) => r.start < lastSeedPage && r.url !== '/robots.txt' && !r.url.startsWith(column.get(r.site)! + 'index')).map((r) => r.site));
  assert.ok(early.size <= SLOTS - 1, `${early.size} hosts went on before every host was scouted`);
});

test('the default number of slots comes from memory and CPU per host, and a setting overrides it', () => {
  const costs = { baseMiB: 300, mibPerHost: 2, cpuMsPerRequest: 4 };
  // Memory: (1300 − 300) / 2 = 500; CPU: 0.8 × 1000 / 4 = 200.
  assert.equal(defaultHostSlots({ memoryMiB: 1300, hostDelayMs: 1000 }, costs), 200);
  // A slower host delay leaves CPU for more hosts: memory decides.
  assert.equal(defaultHostSlots({ memoryMiB: 1300, hostDelayMs: 5000 }, costs), 500);
  // No delay: one host can fill the core, and only memory bounds the slots.
  assert.equal(defaultHostSlots({ memoryMiB: 1300, hostDelayMs: 0 }, costs), 500);
  assert.equal(defaultHostSlots({ memoryMiB: 100, hostDelayMs: 1000 }, costs), 4, 'never below the floor');
  assert.ok(DEFAULTS.politeness.maxConcurrentHosts > 8);
  assert.equal(loadConfig({}, {}).politeness.maxConcurrentHosts, DEFAULTS.politeness.maxConcurrentHosts);
  assert.equal(loadConfig({}, { NIANBAO_MAX_HOSTS: '12' }).politeness.maxConcurrentHosts, 12);
  assert.equal(loadConfig({ politeness: { maxConcurrentHosts: 3 } }, { NIANBAO_MAX_HOSTS: '12' }).politeness.maxConcurrentHosts, 3);
  assert.equal(crawlConfig({ storage: storageDir, maxHosts: 7, robots: true, extract: false, progress: 'none' }).politeness.maxConcurrentHosts, 7, '--max-hosts');
  const bigger = loadConfig({}, { NIANBAO_CRAWL_MEMORY_MB: '8192', NIANBAO_HOST_DELAY_MS: '10000' }).politeness.maxConcurrentHosts;
  assert.ok(bigger > DEFAULTS.politeness.maxConcurrentHosts, `more memory and a longer delay give more slots (${bigger})`);
});
