import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { portalWithSeeds, TRS_SITES, runHarvest } from '../helpers/harvest.ts';

const isList = (url: string) => /\/index(_\d+)?\.html$/.test(url);
const isRobots = (url: string) => url === '/robots.txt';

test('nightly: an unchanged portal costs one list request per seed and no download; new reports are found, exactly', async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  portal.setNow(new Date('2024-12-31T12:00:00Z'));
  const first = await runHarvest(storage, seedsFile);
  assert.equal(first.stats.newReports, 4);

  // The same portal again.
  let mark = portal.log.length;
  const second = await runHarvest(storage, seedsFile);
  const requests = portal.log.slice(mark);
  const lists = requests.filter((r) => isList(r.url));
  assert.equal(lists.length, 4, `list requests: ${lists.map((r) => r.url).join(' ')}`);
  assert.equal(new Set(lists.map((r) => r.site)).size, 4);
  assert.deepEqual(requests.filter((r) => !isList(r.url) && !isRobots(r.url)).map((r) => r.url), []);
  assert.equal(second.stats.newFiles, 0);
  assert.equal(second.stats.bytesStored, 0);

  // The portal publishes two reports.
  portal.setNow(new Date('2025-02-01T12:00:00Z'));
  mark = portal.log.length;
  const third = await runHarvest(storage, seedsFile);
  assert.equal(third.stats.newReports, 2);
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const events = catalog.runs.events(third.runId, 'new_report').map((e) => e.detail).sort();
  assert.deepEqual(events, ['山东省国防动员办公室 2024', '洛阳市涧西区国防动员办公室 2024']);
  // Paging stopped at the first page with nothing new: no site was read past its second page.
  assert.ok(portal.log.slice(mark).every((r) => !/index_[2-9]\.html$/.test(r.url)));
  catalog.close();
});
