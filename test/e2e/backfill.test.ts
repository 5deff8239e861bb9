import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { parseYears, resolveProvince, seedsOfProvince } from '../../src/registry/province.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST, portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';

test('--province resolves names, short names and codes; --years ranges and lists', () => {
  assert.deepEqual(resolveProvince('河南省'), { code: '410000', name: '河南省' });
  assert.deepEqual(resolveProvince('河南'), { code: '410000', name: '河南省' });
  assert.deepEqual(resolveProvince('41'), { code: '410000', name: '河南省' });
  assert.deepEqual(resolveProvince('410300').code, '410000');
  assert.throws(() => resolveProvince('洛阳市'), /not a province name/);
  const y = parseYears('2019-2021,2023');
  assert.deepEqual([2018, 2019, 2021, 2022, 2023].map(y.test), [false, true, true, false, true]);
  assert.throws(() => parseYears('2024-2019'), /backwards/);
});

test('a backfill of one province requests no URL of another province\'s seeds', async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const henan = resolveProvince('41');
  const seeds = seedsOfProvince(loadSeeds([seedsFile]), henan);
  assert.deepEqual(seeds.map((s) => s.name).sort(), ['周口市国防动员办公室', '洛阳市涧西区国防动员办公室'].sort());
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const summary = await harvest({
    config: loadConfig({ storageDir: storage, politeness: FAST }, {}),
    catalog,
    seeds,
    kind: 'backfill',
    jobName: 'backfill-410000',
    fullDepth: true,
  });
  assert.equal(summary.status, 'ok');
  const sites = new Set(portal.log.map((r) => r.site));
  assert.deepEqual([...sites].sort(), ['trs-jianxi', 'trs-zhoukou']);
  assert.deepEqual(
    catalog.reports.all().map((r) => r.year).sort(),
    [2023, 2024],
  );
  catalog.close();
});

test('--years keeps only reports on those years', async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage-years');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  await harvest({
    config: loadConfig({ storageDir: storage, politeness: FAST }, {}),
    catalog,
    seeds: seedsOfProvince(loadSeeds([seedsFile]), resolveProvince('江西')),
    kind: 'backfill',
    jobName: 'backfill-360000-2020-2020',
    years: parseYears('2020').test,
    fullDepth: true,
  });
  assert.deepEqual(catalog.reports.all().map((r) => [r.year, r.title]), [[2020, '宜春市人民防空办公室2020年政府信息公开工作年度报告']]);
  catalog.close();
});
