import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { DEFAULT_RECRAWL } from '../../src/crawl/recrawl-policy.ts';
import { coverageLines } from '../../src/export/coverage.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST, portalWithSeeds, TRS_SITES, runHarvest } from '../helpers/harvest.ts';

test('coverage lists exactly the fixture agencies with no report for the year asked', async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  await runHarvest(storage, seedsFile);
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const missing = (year: number) => coverageLines(catalog, year).filter((l) => l.has_report === 'no').map((l) => l.agency).sort();
  assert.deepEqual(missing(2023), ['洛阳市涧西区国防动员办公室']);
  assert.deepEqual(missing(2024), ['周口市国防动员办公室', '宜春市国防动员办公室'].sort());
  assert.deepEqual(missing(2020), ['周口市国防动员办公室', '山东省国防动员办公室', '洛阳市涧西区国防动员办公室'].sort());
  catalog.close();
});

test('stored files due for revalidation are asked for with their validators; a 304 downloads nothing', async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  await runHarvest(storage, seedsFile);
  const mark = portal.log.length;
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const again = await harvest({
    config: loadConfig({ storageDir: storage, politeness: FAST }, {}),
    catalog,
    seeds: loadSeeds([seedsFile]),
    kind: 'crawl',
    jobName: 'crawl',
    // Everything due: revisit report pages and revalidate every file now.
    policy: { ...DEFAULT_RECRAWL, revalidateAfterDays: 0, revisitMinIntervalHours: 0 },
  });
  const files = portal.log.slice(mark).filter((r) => /\/P0\d+\.\w+$/.test(r.url));
  assert.ok(files.length >= 6);
  assert.ok(files.every((r) => r.status === 304 && r.bytes === 0), JSON.stringify(files.map((r) => [r.url, r.status])));
  assert.equal(again.stats.notModified, files.length);
  assert.equal(again.stats.newFiles, 0);
  assert.equal(again.stats.changed, 0);
  catalog.close();
});
