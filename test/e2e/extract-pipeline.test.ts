import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { FileStore } from '../../src/download/store.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { exportFigures } from '../../src/export/figures.ts';
import { portalWithSeeds, TRS_SITES, runHarvest } from '../helpers/harvest.ts';

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const expected = (id: string) =>
  JSON.parse(readFileSync(path.join(DOCS, 'expected', `${id}.json`), 'utf8')) as { year: number; template: string; figures: Record<string, number | null> };
const BY_REPORT: Record<string, string> = {
  '宜春市国防动员办公室 2023': 'r000',
  '周口市国防动员办公室 2023': 'r001',
  '山东省国防动员办公室 2023': 'r002',
  // Its PDF is the 2023 report's (see the portal content): the same figures.
  '山东省国防动员办公室 2024': 'r002',
  '洛阳市涧西区国防动员办公室 2024': 'r003',
  '宜春市国防动员办公室 2020': 'r004',
};

test('crawl → extract → export --figures: every report\'s figures from its best rendition, checked; a broken file fails alone', async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  await runHarvest(storage, seedsFile);
  const catalog = Catalog.open(storagePaths(storage).catalog);
  // A broken attachment in the store: it must fail by itself without stopping the run.
  const store = new FileStore(storage);
  const broken = await store.put(Readable.from([Buffer.from('%PDF-1.7\n1 0 obj <<>> garbage without xref')]), { maxBytes: 1e6, url: 'http://x/broken.pdf' });
  catalog.files.add({ sha256: broken.sha256, size: broken.size, mediaType: broken.mediaType, storedPath: broken.storedPath });

  const summary = await runExtraction(catalog, storage, { pool: { concurrency: 2 } });
  assert.equal(summary.files, 14);
  assert.equal(summary.byStatus.failed, 1);
  assert.equal(catalog.files.get(broken.sha256)!.extraction_status, 'failed');
  assert.equal(summary.reportsWithFailedChecks, 0);

  const out = path.join(dir, 'figures.csv');
  assert.equal(await exportFigures(catalog, out, {}), 6);
  const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    const id = BY_REPORT[`${row.agency} ${row.year}`];
    assert.ok(id, `unexpected report ${row.agency} ${row.year}`);
    const exp = expected(id);
    assert.equal(row.status, 'extracted', `${id}: ${row.reason}`);
    assert.equal(row.template, exp.template, id);
    if (row.year === '2024' && row.agency?.startsWith('山东')) assert.match(row.report_url ?? '', /t20250115/);
    for (const [key, value] of Object.entries(exp.figures)) {
      const cell = row[key];
      assert.equal(cell === '' ? null : Number(cell), value === null ? null : value, `${id} ${key}`);
    }
    for (const rule of ['s3.row_total', 's3.balance', 's3.outcome_sum', 's4.block_total']) assert.equal(row[`check.${rule}`], 'pass', `${id} ${rule}`);
    assert.equal(row.disagreements, '0', `${id}: renditions disagree`);
  }

  // Nothing is due any more; --retry-failed tries the broken file again, and only that one.
  assert.equal((await runExtraction(catalog, storage)).files, 0);
  assert.equal((await runExtraction(catalog, storage, { retryFailed: true, only: ['pdf'] })).files, 1);
  catalog.close();
});
