/**
 * Report pages whose tables are pictures (test/fixtures/portal/sites/picture-tables.ts), crawled, extracted and
 * exported through the CLI: the article's pictures are fetched as the page's files in page order (lazy-loaded and
 * srcset ones too), the chrome never; the tables in them are read by OCR where they stand, checked as a scan's;
 * a photo gives no figure. One crawl and the least OCR that covers the shapes (five table pictures, one photo).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { startPortal } from '../fixtures/portal/server.ts';
import { CHROME_PICTURES, PHOTO, PICTURE_SITE, PictureTablesSite, TABLE_PICTURES } from '../fixtures/portal/sites/picture-tables.ts';
import { groundTruth } from '../extract/helpers.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

type Row = Record<string, string> & { year: string; report_url: string; file_url: string; picture_order: string; status: string; reason: string };

test('report pages with their tables as pictures: fetched in page order, read by OCR, checked; chrome and photos not misread', { timeout: 300_000 }, async (t) => {
  if (!requireTools(t, 'tesseract+chi_sim')) return;
  const portal = await startPortal({ sites: [new PictureTablesSite()] });
  after(() => portal.close());
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  const storage = path.join(dir, 'storage');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(seeds, `agencies:\n  - name: ${PICTURE_SITE.agency}\n    division: "${PICTURE_SITE.division}"\n    entries:\n      - url: ${portal.urls[PICTURE_SITE.id]}${PICTURE_SITE.columnPath}\n        family: auto\n`);

  const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '20', '--progress', 'none']);
  assert.equal(crawl.code, 0, crawl.out + crawl.err);
  // A content picture gone from its server is said (skipped, with why), never a failure of the run or of the seed.
  assert.match(crawl.out, / 0 failed, /);
  assert.match(crawl.out, /seeds: 1 healthy, 0 unhealthy/);

  // Every table picture and the photo fetched once; no chrome picture asked for.
  const asked = portal.log.filter((r) => r.site === PICTURE_SITE.id).map((r) => r.url);
  for (const name of [...TABLE_PICTURES, PHOTO]) assert.equal(asked.filter((u) => u.endsWith(`/${name}`)).length, 1, `${name}: ${asked.join(' ')}`);
  for (const chrome of CHROME_PICTURES) assert.ok(!asked.includes(chrome), `chrome fetched: ${chrome}`);
  assert.ok(!asked.some((u) => u.includes('/small/')), 'srcset: only its largest picture');

  const files = path.join(dir, 'reports.csv');
  assert.equal((await runNianbao(['export', '--storage', storage, '--out', files])).code, 0);
  const rows = parse(readFileSync(files), { columns: true }) as Row[];
  // The pictures are the page's files, numbered in page order, beside the page itself.
  const pictures = (year: string) => rows.filter((r) => r.year === year && r.picture_order).sort((a, b) => Number(a.picture_order) - Number(b.picture_order));
  assert.deepEqual(pictures('2023').map((r) => [r.picture_order, path.basename(r.file_url), r.role, r.media_type]), [
    ['1', 's002-t2.png', 'attachment', 'png'],
    ['2', 's002-t3a.png', 'attachment', 'png'],
    ['3', 's002-t3b.png', 'attachment', 'png'],
    ['4', 's002-t4.png', 'attachment', 'png'],
  ]);
  assert.ok(pictures('2023').every((r) => r.report_url.endsWith('/xxgk/ndbg/2101.html')));
  assert.deepEqual(pictures('2020').map((r) => [r.picture_order, path.basename(r.file_url), r.media_type]), [['1', 's004-tables.jpg', 'jpeg']]);
  assert.deepEqual(pictures('2022').map((r) => path.basename(r.file_url)), [PHOTO]);
  // A picture is read with its page, never as a report's rendition of its own: its status says how it went.
  for (const r of [...pictures('2023'), ...pictures('2020')]) assert.equal(r.extraction_status, 'extracted', r.file_url);

  const out = path.join(dir, 'figures.csv');
  assert.equal((await runNianbao(['export', '--figures', '--storage', storage, '--out', out])).code, 0);
  const reports = parse(readFileSync(out), { columns: true }) as Row[];
  const report = (year: string) => reports.find((r) => r.year === year)!;

  // The tables read from the pictures as a scan's: every figure read is right, a cell not read is flagged, the
  // arithmetic checked.
  for (const [year, sample] of [['2023', 's002'], ['2020', 's004']] as const) {
    const r = report(year);
    assert.ok(r, `no figures row for ${year}`);
    assert.equal(r.template, groundTruth(sample).template, `${year}: ${r.reason}`);
    assert.equal(r.low_confidence, 'yes', `${year}: OCR figures are low-confidence`);
    const truth = groundTruth(sample).figures;
    const keys = Object.keys(truth);
    // figures.csv writes '?' for a cell not read (flagged), '' for one not in the report.
    const isRead = (k: string) => r[k] !== '' && r[k] !== '?';
    const wrong = keys.filter((k) => isRead(k) && Number(r[k]) !== truth[k]);
    assert.deepEqual(wrong.map((k) => `${k}: ${r[k]} ≠ ${truth[k]}`), [], `${year}: figures read wrong`);
    const read = keys.filter(isRead).length;
    assert.ok(read / keys.length >= 0.95, `${year}: ${read}/${keys.length} figures read (${r.reason})`);
  }
  // The photo's page: no table, no figure, and the reason says its picture was read.
  const photo = report('2022');
  assert.ok(photo.status === 'partial' || photo.status === 'failed', photo.status);
  assert.match(photo.reason, /1 of the page's 1 fetched picture read by OCR/);
  assert.match(photo.reason, /1 of the page's 2 pictures not fetched/);
  for (const k of Object.keys(groundTruth('s002').figures)) assert.equal(photo[k] ?? '', '', `photo page: ${k} = ${photo[k]}`);
});
