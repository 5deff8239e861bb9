/**
 * Extraction bookkeeping: each report's best rendition and checks are written as its files finish (not at the end
 * of the run), reports left behind by a killed run are caught up, and no statement's parameter count grows with the
 * catalog (34 000 reports: past SQLite's 32 766-parameter limit that one `IN (?, …)` over every file would hit).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { Statement } from '../../src/catalog/connection.ts';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { FileStore } from '../../src/download/store.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { tempDir } from '../helpers/tmp.ts';

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const NOW = '2026-01-01T00:00:00.000Z';

// The setup inserts tens of thousands of rows: each statement is prepared once per catalog (preparing one per row
// took most of this file's time).
const prepared = new WeakMap<Catalog, Map<string, Statement>>();
function stmt(c: Catalog, sql: string): Statement {
  let byCatalog = prepared.get(c);
  if (!byCatalog) prepared.set(c, (byCatalog = new Map()));
  let st = byCatalog.get(sql);
  if (!st) byCatalog.set(sql, (st = c.db.prepare(sql)));
  return st;
}

function addAgency(c: Catalog, name: string): number {
  return Number(stmt(c, 'INSERT INTO agencies (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, name, NOW, NOW).lastInsertRowid);
}
function addReport(c: Catalog, agencyId: number, year: number): number {
  return Number(
    stmt(c, 'INSERT INTO reports (agency_id, year, title, page_url, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(agencyId, year, `${year}年政府信息公开工作年度报告`, `http://h/${agencyId}/${year}.html`, NOW, NOW).lastInsertRowid,
  );
}
function link(c: Catalog, reportId: number, sha256: string): void {
  stmt(c, 'INSERT INTO report_files (report_id, sha256, url, role, source_url, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(reportId, sha256, `http://h/f/${reportId}/${sha256}`, 'attachment', `http://h/${reportId}`, NOW, NOW);
}

test('each report is settled as soon as its file finishes, in the same transaction', async () => {
  const storage = tempDir();
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const store = new FileStore(storage);
  const agency = addAgency(catalog, '某某市国防动员办公室');
  const reportOf = new Map<string, number>();
  for (const [i, name] of ['r000.html', 'r001.html', 'r002.html'].entries()) {
    const f = await store.put(Readable.from([readFileSync(path.join(DOCS, name))]), { maxBytes: 1e7, url: `http://h/${name}` });
    catalog.files.add({ sha256: f.sha256, size: f.size, mediaType: f.mediaType, storedPath: f.storedPath });
    const r = addReport(catalog, agency, 2021 + i);
    link(catalog, r, f.sha256);
    reportOf.set(f.sha256, r);
  }
  const seen: string[] = [];
  const summary = await runExtraction(catalog, storage, {
    pool: { concurrency: 1 },
    onFile: (sha) => {
      const r = catalog.extractions.report(reportOf.get(sha)!);
      assert.ok(r, `report of ${sha} not settled when its file finished`);
      assert.equal(r.bestSha256, sha);
      assert.notEqual(r.status, 'pending');
      seen.push(sha);
    },
  });
  assert.equal(seen.length, 3);
  assert.equal(summary.reports, 3);
  catalog.close();
});

test('34 000 reports left unsettled by a killed run are caught up, with no statement over a few parameters', async () => {
  const storage = tempDir();
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const AGENCIES = 3400;
  const YEARS = 10;
  catalog.tx(() => {
    const file = catalog.db.prepare(
      `INSERT INTO files (sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at)
       VALUES (?, 1, 'pdf', ?, ?, 'failed', 'broken', ?)`,
    );
    const extraction = catalog.db.prepare(`INSERT INTO extractions (sha256, status, reason, extractor, extracted_at) VALUES (?, 'failed', 'broken', 'pdf-unpdf', ?)`);
    for (let a = 0; a < AGENCIES; a++) {
      const agency = addAgency(catalog, `机关${a}`);
      for (let y = 0; y < YEARS; y++) {
        const sha = `${a}-${y}`.padStart(64, '0');
        file.run(sha, `files/${sha}.pdf`, NOW, NOW);
        extraction.run(sha, NOW);
        link(catalog, addReport(catalog, agency, 1800 + y), sha);
      }
    }
  });
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  assert.equal(n('SELECT count(*) n FROM report_extractions'), 0);

  // Every statement prepared during the run, with its parameter count.
  const params: number[] = [];
  const prepare = catalog.db.prepare.bind(catalog.db);
  catalog.db.prepare = ((sql: string) => {
    params.push((sql.match(/\?/g) ?? []).length);
    return prepare(sql);
  }) as typeof catalog.db.prepare;

  const summary = await runExtraction(catalog, storage, { pool: { concurrency: 1 } });
  catalog.db.prepare = prepare;
  assert.equal(summary.files, 0);
  assert.equal(summary.reports, AGENCIES * YEARS);
  assert.equal(n(`SELECT count(*) n FROM report_extractions WHERE status = 'failed'`), AGENCIES * YEARS);
  const most = params.reduce((m, p) => Math.max(m, p), 0);
  assert.ok(most <= 10, `a statement with ${most} parameters`);
  catalog.close();
});
