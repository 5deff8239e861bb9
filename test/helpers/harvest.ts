import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths, type ConfigOverrides } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import type { LoggedRequest, Portal } from '../fixtures/portal/server.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { seedsYaml, TRS_SITES } from '../fixtures/portal/registry.ts';

export { TRS_SITES };
import { tempDir } from './tmp.ts';

/** A running fixture portal (closed when the file ends) and seeds pointing at it. */
export async function portalWithSeeds(sites?: string[]): Promise<{ portal: Portal; seedsFile: string; dir: string }> {
  const portal = await startPortal();
  after(() => portal.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  writeFileSync(seedsFile, seedsYaml(portal.urls, '', sites));
  return { portal, seedsFile, dir };
}

/** Test politeness: short delays so the suite stays quick. */
export const FAST: ConfigOverrides['politeness'] = { hostDelayMs: 100, backoffBaseMs: 50 };

export async function runHarvest(storageDir: string, seedsFile: string, politeness = FAST) {
  const config = loadConfig({ storageDir, politeness }, {});
  const catalog = Catalog.open(storagePaths(storageDir).catalog);
  try {
    return await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
  } finally {
    catalog.close();
  }
}

/** Largest number of requests in flight at once to one host, from the server log (a request is in flight from its
 * start until its end; one that starts as another ends does not overlap it). */
export function maxInFlight(log: LoggedRequest[], site: string): number {
  const reqs = log.filter((r) => r.site === site);
  let max = 0;
  for (const r of reqs) {
    const overlapping = reqs.filter((o) => o !== r && o.start <= r.start && r.start < (o.end || Infinity)).length;
    max = Math.max(max, 1 + overlapping);
  }
  return max;
}

/** Smallest gap between the starts of two consecutive requests to one host. */
export function minSpacing(log: LoggedRequest[], site: string): number {
  const starts = log.filter((r) => r.site === site).map((r) => r.start).sort((a, b) => a - b);
  let min = Infinity;
  for (let i = 1; i < starts.length; i++) min = Math.min(min, starts[i]! - starts[i - 1]!);
  return min;
}
