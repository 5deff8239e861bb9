// One city column listing reports of five agencies, each named a different way (test/fixtures/portal/sites/
// attribution.ts): crawled and exported, every report has its own agency and the export says how it was found.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { exportReportFiles } from '../../src/export/report-files.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { ATTRIBUTION_ITEMS, ATTRIBUTION_SITE_AGENCY, AttributionSite } from '../fixtures/portal/sites/attribution.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { FAST } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

test('each report of a many-agency column gets its own agency; the export column attribution says title | publisher | document', { timeout: 300_000 }, async () => {
  const site = new AttributionSite();
  const portal = await startPortal({ sites: [site] });
  after(() => portal.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  const a = ATTRIBUTION_SITE_AGENCY;
  writeFileSync(
    seedsFile,
    `agencies:\n  - name: ${a.name}\n    division: "${a.division}"\n    level: city\n    province: 河南省\n    city: 洛阳市\n    entries:\n      - url: ${portal.urls[site.id]}${a.seedPath}\n        family: auto\n        render: auto\n`,
  );
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: FAST }, {});
  const catalog = Catalog.open(storagePaths(storage).catalog);
  after(() => catalog.close());
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
  assert.equal(summary.status, 'ok');

  const out = path.join(dir, 'export.csv');
  await exportReportFiles(catalog, out, {});
  const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
  const got = [...new Set(rows.filter((r) => r.role === 'page').map((r) => `${r.agency} ${r.year} ${r.attribution}`))].sort();
  const want = ATTRIBUTION_ITEMS.flatMap((i) => (i.expect ? [`${i.expect.agency} 2023 ${i.expect.via}`] : [])).sort();
  assert.deepEqual(got, want);
  // Discovered agencies sit in the region their name gives, not the site's.
  assert.equal(catalog.agencies.byNameKey('河南省人民政府')?.division, '410000');
  assert.equal(catalog.agencies.byNameKey('洛阳市老城区人民政府')?.division, '410302');
  // "我局…" names nobody: not folded into the city's own 2023 report, and said so.
  const city = catalog.reports.byAgencyYear(catalog.agencies.byNameKey('洛阳市人民政府')!.id, 2023)!;
  assert.equal(catalog.reports.sources(city.id).length, 1);
  const skipped = catalog.runs.events(summary.runId, 'skipped').map((e) => e.detail ?? '');
  assert.ok(skipped.some((d) => d.includes('not merged into 洛阳市人民政府 2023')), JSON.stringify(skipped));
});
