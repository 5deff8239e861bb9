/**
 * `export --figures` reads each report's best rendition from report_extractions (migration 009 keeps it there).
 * After every kind of write that changes what a row shows, the export still writes the bytes of the reference
 * (figureRecords, which reads the rendition's extraction, figures and checks as they are): a copy gone stale fails
 * here. And a catalog written before 009 gets the copy on migrating.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { listMigrations } from '../../src/catalog/db.ts';
import type { FileExtraction } from '../../src/catalog/extractions.ts';
import { csvRecord } from '../../src/export/csv.ts';
import { exportFigures, figureColumns, figureExportColumns, figureRecords } from '../../src/export/figures.ts';
import { RULES } from '../../src/extract/checks.ts';
import { tempDir } from '../helpers/tmp.ts';

const [first, second] = figureColumns() as [string, string];
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** The export's bytes beside the reference's; returns the export's text. */
async function assertMatchesReference(catalog: Catalog, what: string): Promise<string> {
  const out = path.join(tempDir(), 'figures.csv');
  await exportFigures(catalog, out, {});
  const columns = figureExportColumns();
  const reference = [columns, ...[...figureRecords(catalog, catalog.exports.reportFigures({}))].map((r) => columns.map((c) => r[c]))].map(csvRecord).join('');
  const written = readFileSync(out, 'utf8');
  assert.equal(written, reference, what);
  return written;
}

function extraction(figures: Record<string, number | null>, more: Partial<FileExtraction> = {}): FileExtraction {
  return { status: 'extracted', extractor: 'test', template: '2021', text: '', figures, unreadable: [], checks: [], ...more };
}

/** One agency, one report with two renditions (A the page, B the PDF), both extracted, A the best. */
function reportWithTwoRenditions(): { catalog: Catalog; reportId: number; agencyId: number } {
  const catalog = Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
  const agencyId = catalog.agencies.upsert({ name: '宜春市统计局', nameKey: '宜春市统计局', province: '江西省', city: '宜春市', division: '360900' }).id;
  const reportId = catalog.reports.sight({ agencyId, year: 2023, title: '2023年度报告', pageUrl: 'http://gov.test/r.html' }).report.id;
  for (const [sha, role] of [[A, 'page'], [B, 'attachment']] as const) {
    catalog.files.add({ sha256: sha, size: 10, mediaType: role === 'page' ? 'text/html' : 'application/pdf', storedPath: `files/${sha}` });
    catalog.reports.linkFile({ reportId, sha256: sha, url: `http://gov.test/${sha.slice(0, 1)}`, fileName: null, role, sourceUrl: 'http://gov.test/r.html' });
  }
  catalog.extractions.save(A, extraction({ [first]: 11, [second]: 12 }));
  catalog.extractions.save(B, extraction({ [first]: 21, [second]: 22 }));
  catalog.extractions.saveReport(reportId, { status: 'extracted', reason: null, bestSha256: A, template: '2021', checksFailed: 0, checksUncertain: 0, disagreements: [] });
  return { catalog, reportId, agencyId };
}

test('re-extracting the best rendition (figures, unreadable cells, checks, confidence) shows at once', async () => {
  const { catalog } = reportWithTwoRenditions();
  try {
    assert.match(await assertMatchesReference(catalog, 'before'), /,11,12,/);
    // No saveReport after it: the report's row must follow its file's new extraction by itself.
    catalog.extractions.save(A, extraction({ [first]: 777, [second]: 1.5 }, { unreadable: [second], lowConfidence: true, checks: [{ rule: RULES.rowTotal, scope: 's3.granted', expected: 1, actual: 2, ok: false }] }));
    const after = await assertMatchesReference(catalog, 'after re-extraction');
    assert.match(after, /,777,\?,/);
    assert.match(after, /fail,/);
    catalog.extractions.save(A, { ...extraction({}), status: 'failed', reason: 'unreadable' });
    assert.doesNotMatch(await assertMatchesReference(catalog, 'after a failed re-extraction'), /777/);
  } finally {
    catalog.close();
  }
});

test('another best rendition, by saveReport or by an update of best_sha256, shows its figures', async () => {
  const { catalog, reportId } = reportWithTwoRenditions();
  try {
    catalog.extractions.saveReport(reportId, { status: 'extracted', reason: null, bestSha256: B, template: '2021', checksFailed: 0, checksUncertain: 0, disagreements: [] });
    assert.match(await assertMatchesReference(catalog, 'best B by saveReport'), /,21,22,/);
    catalog.db.prepare('UPDATE report_extractions SET best_sha256 = ? WHERE report_id = ?').run(A, reportId);
    assert.match(await assertMatchesReference(catalog, 'best A by UPDATE'), /,11,12,/);
    catalog.db.prepare('UPDATE report_extractions SET best_sha256 = NULL WHERE report_id = ?').run(reportId);
    assert.doesNotMatch(await assertMatchesReference(catalog, 'no best rendition'), /,11,12,/);
  } finally {
    catalog.close();
  }
});

test('an agency renamed or moved, and a report gone, show as they are (nothing of theirs is copied)', async () => {
  const { catalog, reportId } = reportWithTwoRenditions();
  try {
    catalog.agencies.upsert({ name: '宜春市统计局', nameKey: '宜春市统计局', province: '江西省', city: '萍乡市', division: '360300' });
    assert.match(await assertMatchesReference(catalog, 'agency moved'), /萍乡市/);
    catalog.db.prepare('DELETE FROM reports WHERE id = ?').run(reportId);
    assert.equal((await assertMatchesReference(catalog, 'report gone')).split('\r\n').length, 2, 'only the header');
  } finally {
    catalog.close();
  }
});

test('a catalog written before migration 009 gets every report rendition on migrating', async () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const T = '2026-01-01T00:00:00.000Z';
  const old = new Database(file);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of listMigrations().filter((m) => m.version < 9)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, T);
  }
  old.exec(`
    INSERT INTO agencies (id, name, name_key, province, created_at, updated_at) VALUES (1, '甲局', '甲局', '江西省', '${T}', '${T}');
    INSERT INTO reports (id, agency_id, year, title, page_url, first_seen_at, last_seen_at) VALUES
      (1, 1, 2022, 't1', 'http://h/1', '${T}', '${T}'), (2, 1, 2023, 't2', 'http://h/2', '${T}', '${T}'), (3, 1, 2024, 't3', 'http://h/3', '${T}', '${T}');
    INSERT INTO files VALUES ('${A}', 10, 'pdf', 'files/a', '${T}', 'extracted', NULL, '${T}'), ('${B}', 10, 'pdf', 'files/b', '${T}', 'extracted', NULL, '${T}');
    INSERT INTO extractions (sha256, status, extractor, low_confidence, unreadable, extracted_at) VALUES
      ('${A}', 'extracted', 'x', 1, '["${second}"]', '${T}'), ('${B}', 'extracted', 'x', 0, '[]', '${T}');
    INSERT INTO figures (sha256, key, section, row_key, col_key, value) VALUES
      ('${A}', '${first}', '3', 'r', 'c', 41), ('${A}', '${second}', '3', 'r', 'c', NULL), ('${B}', '${first}', '3', 'r', 'c', 2.25);
    INSERT INTO checks (sha256, rule, scope, expected, actual, ok) VALUES ('${A}', '${RULES.rowTotal}', 's', 1, 1, 1);
    INSERT INTO report_extractions (report_id, status, best_sha256, updated_at) VALUES (1, 'extracted', '${A}', '${T}'), (2, 'extracted', '${B}', '${T}');
  `);
  old.close();
  const catalog = Catalog.open(file);
  try {
    const written = await assertMatchesReference(catalog, 'migrated');
    assert.match(written, /,41,\?,/);
    assert.match(written, /,2\.25,/);
  } finally {
    catalog.close();
  }
});
