/**
 * report_key_figures and report_region_counts (migration 007) stay true: after each writer of what they summarise,
 * every row equals what the view report_key_figures_source computes from the source tables, and the counts per
 * region equal the rows added up. Each test also checks the value its writer moved, so a writer that forgot the
 * table (a dropped trigger, a refresh left out of extraction) fails here.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { CoverageViewQueries } from '../../src/catalog/coverage-view-queries.ts';
import { reportStatesSql } from '../../src/catalog/report-state.ts';
import { fillNationalCatalog, SMALL } from '../../src/catalog/synthetic-national.ts';
import { listMigrations, openDb } from '../../src/catalog/db.ts';
import type { FileExtraction } from '../../src/catalog/extractions.ts';
import { KEY_FIGURES } from '../../src/catalog/key-figures.ts';
import { setClock } from '../../src/catalog/time.ts';
import { tempDir } from '../helpers/tmp.ts';

type Row = Record<string, unknown>;

function assertTrue(c: Catalog): void {
  const all = (sql: string) => c.db.prepare(sql).all() as Row[];
  assert.deepEqual(all('SELECT * FROM report_key_figures ORDER BY report_id'), all('SELECT * FROM report_key_figures_source ORDER BY report_id'), 'report_key_figures');
  const counted = `SELECT coalesce(province, '') AS province, coalesce(city, '') AS city, coalesce(county, '') AS county,
      coalesce(level, '') AS level, discovered, year, count(*) AS reports, sum(extracted) AS extracted, sum(failing) AS failing,
      sum(unreadable) AS unreadable, sum(changed) AS changed, sum(late IS 0) AS on_time, sum(late IS 1) AS late, sum(late IS NULL) AS undated,
      count(new_received) AS new_received_reports, coalesce(sum(new_received), 0) AS new_received, count(granted) AS granted_reports,
      coalesce(sum(granted), 0) AS granted, count(review) AS review_reports, coalesce(sum(review), 0) AS review,
      count(litigation) AS litigation_reports, coalesce(sum(litigation), 0) AS litigation
    FROM report_key_figures GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
  // Rows whose reports all left stay behind at zero: they must be zero throughout.
  const stored = all('SELECT * FROM report_region_counts ORDER BY province, city, county, level, discovered, year');
  for (const r of stored.filter((r) => r.reports === 0)) {
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number' && !['discovered', 'year'].includes(k)) assert.equal(v, 0, `${k} of an emptied region row`);
  }
  assert.deepEqual(stored.filter((r) => r.reports !== 0), all(counted), 'report_region_counts');
  assert.deepEqual(
    all('SELECT extraction_status, files, bytes FROM file_counts WHERE files <> 0 ORDER BY 1'),
    all('SELECT extraction_status, count(*) AS files, sum(size) AS bytes FROM files GROUP BY 1 ORDER BY 1'),
    'file_counts',
  );
}

function keyRow(c: Catalog, reportId: number): Row {
  return c.db.prepare('SELECT * FROM report_key_figures WHERE report_id = ?').get(reportId) as Row;
}

const FIGURES = {
  's3.new_received.total': 12,
  's3.granted.total': 5,
  's4.review_total': 2,
  's4.litigation_direct_total': 1,
  's4.litigation_after_review_total': 3,
};

function extraction(figures: Record<string, number | null>, opts: Partial<FileExtraction> = {}): FileExtraction {
  return { status: 'extracted', extractor: 'test', template: '2021', text: '', figures, unreadable: [], checks: [], ...opts };
}

/** A catalog with a department in 江西省 宜春市 and one report of 2023, no date, one file. */
function setup() {
  const c = Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
  const a = c.agencies.upsert({ name: '宜春市教育局', nameKey: '宜春市教育局', division: '360900', level: 'city', province: '江西省', city: '宜春市' });
  setClock(() => new Date('2024-03-01T02:00:00Z'));
  const { report } = c.reports.sight({ agencyId: a.id, year: 2023, title: '宜春市教育局2023年政府信息公开工作年度报告', pageUrl: 'http://h/r.html' });
  setClock(() => new Date());
  c.files.add({ sha256: 'a'.repeat(64), size: 10, mediaType: 'pdf', storedPath: 'files/aa/a.pdf' });
  c.urls.record({ url: 'http://h/r.pdf', host: 'h', outcome: 'ok', status: 200, sha256: 'a'.repeat(64) });
  c.reports.linkFile({ reportId: report.id, sha256: 'a'.repeat(64), url: 'http://h/r.pdf', fileName: 'r.pdf', role: 'attachment', sourceUrl: 'http://h/r.html' });
  return { c, agency: a, report };
}

test('a new report gets its row at once: agency, year, region, undated, no figures', () => {
  const { c, report, agency } = setup();
  const row = keyRow(c, report.id);
  assert.equal(row.agency_id, agency.id);
  assert.equal(row.year, 2023);
  assert.equal(row.province, '江西省');
  assert.equal(row.city, '宜春市');
  assert.equal(row.late, null);
  assert.equal(row.files_status, 'pending');
  assert.equal(row.extracted, 0);
  assert.equal(row.new_received, null);
  assertTrue(c);
  c.close();
});

test('extraction: figures and a failing check land in the same transaction; re-extracting the best file moves them', () => {
  const { c, report } = setup();
  const sha = 'a'.repeat(64);
  c.tx(() => {
    c.extractions.save(sha, extraction(FIGURES, { checks: [{ rule: 'r', scope: 's', expected: 1, actual: 2, ok: false }] }));
    c.extractions.saveReport(report.id, { status: 'extracted', reason: null, bestSha256: sha, template: '2021', checksFailed: 1, checksUncertain: 0, disagreements: [] });
  });
  let row = keyRow(c, report.id);
  // Each key figure's column is the sum of its keys (src/catalog/key-figures.ts and the view agree).
  for (const f of KEY_FIGURES) assert.equal(row[f.id], f.keys.reduce((n, k) => n + FIGURES[k as keyof typeof FIGURES], 0), f.id);
  assert.deepEqual([row.new_received, row.litigation, row.extracted, row.failing, row.files_status], [12, 4, 1, 1, 'extracted']);
  assertTrue(c);

  // Re-extraction writes new figures for the same file; the report is not settled again.
  c.extractions.save(sha, extraction({ ...FIGURES, 's3.new_received.total': 20, 's4.litigation_direct_total': null }, { unreadable: ['s4.litigation_direct_total'] }));
  row = keyRow(c, report.id);
  assert.equal(row.new_received, 20);
  assert.equal(row.litigation, null, 'a key figure with an unreadable key is unknown, not a partial sum');
  assertTrue(c);

  // Settled as unreadable (checks uncertain).
  c.extractions.saveReport(report.id, { status: 'partial', reason: null, bestSha256: sha, template: '2021', checksFailed: 0, checksUncertain: 2, disagreements: [] });
  row = keyRow(c, report.id);
  assert.deepEqual([row.failing, row.unreadable], [0, 1]);
  assertTrue(c);
  c.close();
});

test("a file's extraction state set outside extraction (files.setExtraction) moves files_status", () => {
  const { c, report } = setup();
  c.files.setExtraction('a'.repeat(64), 'needs_ocr', 'scanned');
  assert.equal(keyRow(c, report.id).files_status, 'needs_ocr');
  assert.deepEqual(c.db.prepare("SELECT files, bytes FROM file_counts WHERE extraction_status = 'needs_ocr'").get(), { files: 1, bytes: 10 });
  assertTrue(c);
  c.close();
});

test("the page's date, then an earlier one, decides lateness (reports.sight)", () => {
  const { c, report, agency } = setup();
  // A department's 2023 report is due 2024-01-31.
  c.reports.sight({ agencyId: agency.id, year: 2023, title: 't', pageUrl: 'http://h/repost.html', publishedAt: '2024-02-10' });
  assert.equal(keyRow(c, report.id).late, 1);
  c.reports.sight({ agencyId: agency.id, year: 2023, title: 't', pageUrl: 'http://h/orig.html', publishedAt: '2024-01-20' });
  assert.equal(keyRow(c, report.id).late, 0);
  assertTrue(c);
  c.close();
});

test("a URL's Last-Modified gives an undated report its file date, and a later change of it moves the date (url_state)", () => {
  const { c, report } = setup();
  c.urls.record({ url: 'http://h/r.pdf', host: 'h', outcome: 'ok', status: 200, lastModified: 'Mon, 05 Feb 2024 08:00:00 GMT', sha256: 'a'.repeat(64) });
  assert.deepEqual([keyRow(c, report.id).file_date, keyRow(c, report.id).late], ['2024-02-05', 1]);
  c.urls.record({ url: 'http://h/r.pdf', host: 'h', outcome: 'ok', status: 200, lastModified: 'Mon, 15 Jan 2024 08:00:00 GMT', sha256: 'a'.repeat(64) });
  assert.deepEqual([keyRow(c, report.id).file_date, keyRow(c, report.id).late], ['2024-01-15', 0]);
  assertTrue(c);
  c.close();
});

test('a URL first recorded after its link still dates the report (url_state insert)', () => {
  const { c, report } = setup();
  c.files.add({ sha256: 'b'.repeat(64), size: 10, mediaType: 'html', storedPath: 'files/bb/b.html' });
  c.reports.linkFile({ reportId: report.id, sha256: 'b'.repeat(64), url: 'http://h/r.html', fileName: null, role: 'page', sourceUrl: 'http://h/r.html' });
  c.urls.record({ url: 'http://h/r.html', host: 'h', outcome: 'ok', status: 200, lastModified: 'Sat, 20 Jan 2024 08:00:00 GMT', sha256: 'b'.repeat(64) });
  assert.equal(keyRow(c, report.id).file_date, '2024-01-20');
  assertTrue(c);
  c.close();
});

test('new bytes at a known URL mark the report changed (reports.linkFile)', () => {
  const { c, report } = setup();
  assert.equal(keyRow(c, report.id).changed, 0);
  c.files.add({ sha256: 'c'.repeat(64), size: 11, mediaType: 'pdf', storedPath: 'files/cc/c.pdf' });
  c.reports.linkFile({ reportId: report.id, sha256: 'c'.repeat(64), url: 'http://h/r.pdf', fileName: 'r.pdf', role: 'attachment', sourceUrl: 'http://h/r.html' });
  assert.equal(keyRow(c, report.id).changed, 1);
  assertTrue(c);
  c.close();
});

test("an agency's region and name (the deadline) move its reports' rows and the counts (agencies.upsert)", () => {
  const { c, report, agency } = setup();
  c.reports.sight({ agencyId: agency.id, year: 2023, title: 't', pageUrl: 'http://h/p.html', publishedAt: '2024-03-10' });
  assert.equal(keyRow(c, report.id).late, 1);
  c.agencies.upsert({ name: '宜春市教育局', nameKey: '宜春市教育局', province: '江西省', city: '萍乡市' });
  assert.equal(keyRow(c, report.id).city, '萍乡市');
  assertTrue(c);
  // Renamed to a people's government: due 31 March, so the same date is on time.
  c.db.prepare("UPDATE agencies SET name = '宜春市人民政府' WHERE id = ?").run(agency.id);
  assert.equal(keyRow(c, report.id).late, 0);
  assertTrue(c);
  c.close();
});

test('a page attributed anew to another agency and year makes that report, dated by the page; the first keeps its files', () => {
  const { c, report } = setup();
  const b = c.agencies.upsert({ name: '宜春市财政局', nameKey: '宜春市财政局', division: '360900', level: 'city', province: '江西省', city: '宜春市' });
  // The same page seen again, now read as another agency's 2022 report (reports.sight moves the source over).
  const moved = c.reports.sight({ agencyId: b.id, year: 2022, title: '宜春市财政局2022年政府信息公开工作年度报告', pageUrl: 'http://h/r.html', publishedAt: '2023-01-20' });
  assert.notEqual(moved.report.id, report.id);
  assert.deepEqual([keyRow(c, moved.report.id).agency_id, keyRow(c, moved.report.id).year, keyRow(c, moved.report.id).late], [b.id, 2022, 0]);
  assert.equal(keyRow(c, report.id).files_status, 'pending');
  assertTrue(c);
  c.close();
});

test('a report moved to another agency or year, or deleted, takes its row along', () => {
  const { c, report } = setup();
  const b = c.agencies.upsert({ name: '河南省教育厅', nameKey: '河南省教育厅', level: 'province', province: '河南省' });
  c.db.prepare('UPDATE reports SET agency_id = ?, year = 2022 WHERE id = ?').run(b.id, report.id);
  assert.deepEqual([keyRow(c, report.id).province, keyRow(c, report.id).year], ['河南省', 2022]);
  assertTrue(c);
  c.db.prepare('DELETE FROM report_files WHERE report_id = ?').run(report.id);
  assert.equal(keyRow(c, report.id).files_status, null);
  assertTrue(c);
  c.db.prepare('DELETE FROM reports WHERE id = ?').run(report.id);
  assert.equal(keyRow(c, report.id), undefined);
  assertTrue(c);
  c.close();
});

test('migration 007 fills both tables from a catalog written before it', () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const T = '2026-01-01T00:00:00.000Z';
  const old = new Database(file);
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of listMigrations().filter((m) => m.version <= 6)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, T);
  }
  old.exec(`
    INSERT INTO agencies (id, name, name_key, province, created_at, updated_at) VALUES (1, '甲县人民政府', 'a', '江西省', '${T}', '${T}');
    INSERT INTO reports (id, agency_id, year, title, page_url, published_at, first_seen_at, last_seen_at) VALUES (1, 1, 2023, 't', 'http://h/1', '2024-03-20', '${T}', '${T}');
    INSERT INTO reports (id, agency_id, year, title, page_url, first_seen_at, last_seen_at) VALUES (2, 1, 2022, 't', 'http://h/2', '${T}', '${T}');
    INSERT INTO files VALUES ('aa', 10, 'pdf', 'files/aa.pdf', '${T}', 'extracted', NULL, '${T}');
    INSERT INTO report_files (report_id, sha256, url, role, source_url, first_seen_at, last_seen_at) VALUES (1, 'aa', 'http://h/aa.pdf', 'attachment', 'http://h/1', '${T}', '${T}');
    INSERT INTO url_state (url, host, outcome, last_modified, fetched_at) VALUES ('http://h/aa.pdf', 'h', 'ok', 'Wed, 20 Mar 2024 08:00:00 GMT', '${T}');
    INSERT INTO extractions (sha256, status, extractor, extracted_at) VALUES ('aa', 'extracted', 'pdf', '${T}');
    INSERT INTO figures (sha256, key, section, row_key, col_key, value) VALUES ('aa', 's3.new_received.total', '3', 'new_received', 'total', 7);
    INSERT INTO report_extractions (report_id, status, best_sha256, checks_failed, updated_at) VALUES (1, 'extracted', 'aa', 2, '${T}');
  `);
  old.close();
  openDb(file).close();
  const c = Catalog.open(file);
  assert.deepEqual(
    c.db.prepare('SELECT report_id, late, failing, new_received, granted, file_date, files_status FROM report_key_figures ORDER BY report_id').all(),
    [
      { report_id: 1, late: 0, failing: 1, new_received: 7, granted: null, file_date: '2024-03-20', files_status: 'extracted' },
      { report_id: 2, late: null, failing: 0, new_received: null, granted: null, file_date: null, files_status: null },
    ],
  );
  assertTrue(c);
  c.close();
});

test('the synthetic national catalog fills the tables as extraction does; the grid counts agree with the report states', () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const db = openDb(file);
  fillNationalCatalog(db, { ...SMALL, provinces: 2, citiesPerProvince: 2, countiesPerCity: 2, runs: 2, eventsPerRun: 2 });
  db.close();
  const c = Catalog.open(file);
  assertTrue(c);
  const row = c.db.prepare('SELECT count(*) AS n, sum(new_received IS NOT NULL) AS figures, sum(late = 1) AS late, sum(failing) AS failing FROM report_key_figures').get() as Row;
  assert.ok((row.n as number) > 1000 && (row.figures as number) > 0 && (row.late as number) > 0 && (row.failing as number) > 0, JSON.stringify(row));
  // The counts the grid shows per region equal those of the report states the grid colours its cells by.
  const f = { region: {}, fromYear: 2018, toYear: 2025 };
  const states = c.db
    .prepare(
      `SELECT a.province AS region, s.year, count(*) AS reports, sum(s.late = 0) AS on_time, sum(s.late = 1) AS late, sum(s.late IS NULL) AS undated,
              sum(s.failing) AS failing, sum(s.unreadable) AS unreadable, sum(s.changed) AS changed
       FROM (${reportStatesSql('1')}) s JOIN agencies a ON a.id = s.agency_id GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all() as Row[];
  const counts = new CoverageViewQueries(c.db).regionCounts(f).map(({ agencies: _, ...r }) => r);
  assert.deepEqual(counts.filter((r) => r.reports > 0).sort((a, b) => String(a.region).localeCompare(String(b.region)) || a.year - b.year), states);
  c.close();
});
