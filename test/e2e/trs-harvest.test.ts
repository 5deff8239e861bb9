import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { exportReportFiles, REPORT_FILE_COLUMNS } from '../../src/export/report-files.ts';
import { DEMO_HEADER, demoUrls, seedsYaml } from '../fixtures/portal/registry.ts';
import { trsSites } from '../fixtures/portal/sites/trs-content.ts';
import { maxInFlight, minSpacing, portalWithSeeds, TRS_SITES, runHarvest } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const expected = trsSites().flatMap((s) => s.items.filter((i) => i.report).map((i) => `${i.report!.agency} ${i.report!.year}`));
const decoys = trsSites().flatMap((s) => s.items.filter((i) => !i.report).map((i) => i.title));

test('crawl → store → catalog → export on the TRS portal, then an unchanged second crawl', async () => {
  const { portal, seedsFile } = await portalWithSeeds(TRS_SITES);
  const storage = tempDir();
  const first = await runHarvest(storage, seedsFile);
  assert.equal(first.status, 'ok');

  const csvFile = path.join(storage, 'out.csv');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  await exportReportFiles(catalog, csvFile, {});
  const rows = parse(readFileSync(csvFile), { columns: true }) as Record<(typeof REPORT_FILE_COLUMNS)[number], string>[];

  // Every report of the portal, with the right agency and year, and nothing else.
  const found = [...new Set(rows.map((r) => `${r.agency} ${r.year}`))].sort();
  assert.deepEqual(found, [...new Set(expected)].sort());
  for (const d of decoys) assert.ok(!rows.some((r) => r.title === d), `decoy exported: ${d}`);
  // The 2020 report was published under the agency's old name; it is the same agency.
  assert.ok(rows.some((r) => r.agency === '宜春市国防动员办公室' && r.year === '2020' && r.title.startsWith('宜春市人民防空办公室')));
  // Region columns come from the registry.
  const jianxi = rows.find((r) => r.agency === '洛阳市涧西区国防动员办公室')!;
  assert.deepEqual([jianxi.province, jianxi.city, jianxi.county, jianxi.division], ['河南省', '洛阳市', '涧西区', '410305']);

  // The same PDF bytes linked from two pages (original and re-post) are stored once.
  const pdfRows = rows.filter((r) => r.agency === '宜春市国防动员办公室' && r.year === '2023' && r.media_type === 'pdf');
  assert.equal(pdfRows.length, 2);
  assert.equal(new Set(pdfRows.map((r) => r.file_url)).size, 2);
  assert.equal(new Set(pdfRows.map((r) => r.sha256)).size, 1);
  const stored = readdirSync(path.join(storage, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.equal(stored.length, catalog.files.count());
  // Attachments keep their Chinese names from the link text; stored paths are content addresses.
  for (const r of rows.filter((x) => x.role === 'attachment')) {
    assert.match(r.file_name, /年度报告\.(pdf|docx?|doc)$/);
    assert.equal(r.stored_path, path.join('files', r.sha256.slice(0, 2), `${r.sha256}.${r.media_type}`));
    assert.equal(r.extraction_status, 'pending');
  }

  // Politeness and scope, from the servers' own log.
  for (const site of TRS_SITES) {
    assert.equal(maxInFlight(portal.log, site), 1, `${site}: more than one request in flight`);
    assert.ok(minSpacing(portal.log, site) >= 90, `${site}: requests closer than the 100 ms delay: ${JSON.stringify(portal.log.filter((r) => r.site === site).map((r) => [r.url, r.start]))}`);
  }
  assert.ok(!portal.log.some((r) => r.url.startsWith('/search/')), 'robots.txt disallows /search/');

  // A second crawl of the unchanged portal: no new rows, no file downloaded again.
  const counts = () => catalog.db.prepare('SELECT (SELECT count(*) FROM reports) r, (SELECT count(*) FROM report_files) f, (SELECT count(*) FROM report_sources) s').get();
  const before = counts();
  const logBefore = portal.log.length;
  catalog.close();
  const second = await runHarvest(storage, seedsFile);
  assert.equal(second.stats.newFiles, 0);
  assert.equal(second.stats.newReports, 0);
  const reopened = Catalog.open(storagePaths(storage).catalog);
  assert.deepEqual(reopened.db.prepare('SELECT (SELECT count(*) FROM reports) r, (SELECT count(*) FROM report_files) f, (SELECT count(*) FROM report_sources) s').get(), before);
  const again = portal.log.slice(logBefore);
  assert.ok(!again.some((r) => /\/P0\d+\.\w+$/.test(r.url)), 'an attachment was downloaded again');
  reopened.close();
});

test('seeds/demo.yaml is the portal registry for the demo ports', () => {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds/demo.yaml');
  assert.equal(readFileSync(file, 'utf8'), seedsYaml(demoUrls(), DEMO_HEADER));
});
