/**
 * Migration 003 rebuilds three tables to admit the `encrypted` status. A catalog written at 002 keeps every row,
 * and the foreign keys into the rebuilt tables still hold (and still cascade) afterwards.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { listMigrations, openDb } from '../../src/catalog/db.ts';
import { tempDir } from '../helpers/tmp.ts';

const T = '2026-01-01T00:00:00.000Z';

test('a 002 catalog migrates to 003 with its rows, its foreign keys and the new encrypted status', () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  // The catalog as 002 left it, with one of everything that references a rebuilt table.
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of listMigrations().filter((m) => m.version <= 2)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, T);
  }
  old.exec(`
    INSERT INTO agencies (id, name, name_key, created_at, updated_at) VALUES (1, 'A', 'a', '${T}', '${T}');
    INSERT INTO reports (id, agency_id, year, title, page_url, first_seen_at, last_seen_at) VALUES (1, 1, 2023, 't', 'http://h/1', '${T}', '${T}');
    INSERT INTO files VALUES ('aa', 10, 'pdf', 'files/aa.pdf', '${T}', 'failed', 'encrypted', '${T}');
    INSERT INTO report_files (report_id, sha256, url, role, source_url, first_seen_at, last_seen_at) VALUES (1, 'aa', 'http://h/aa.pdf', 'attachment', 'http://h/1', '${T}', '${T}');
    INSERT INTO extractions (sha256, status, reason, extractor, extracted_at) VALUES ('aa', 'failed', 'encrypted', 'pdf-unpdf', '${T}');
    INSERT INTO figures (sha256, key, section, row_key, col_key, value) VALUES ('aa', 's3.x.total', '3', 'x', 'total', 1);
    INSERT INTO report_extractions (report_id, status, best_sha256, updated_at) VALUES (1, 'failed', 'aa', '${T}');
  `);
  old.close();

  const db = openDb(file);
  const one = (sql: string) => db.prepare(sql).get() as Record<string, unknown>;
  assert.deepEqual(one('SELECT extraction_status, extraction_reason FROM files'), { extraction_status: 'failed', extraction_reason: 'encrypted' });
  assert.equal(one('SELECT count(*) n FROM report_files').n, 1);
  assert.equal(one('SELECT count(*) n FROM figures').n, 1);
  assert.equal(one('SELECT best_sha256 FROM report_extractions').best_sha256, 'aa');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.deepEqual(db.pragma('foreign_key_check'), []);

  db.exec(`UPDATE files SET extraction_status = 'encrypted'; UPDATE extractions SET status = 'encrypted'; UPDATE report_extractions SET status = 'encrypted'`);
  assert.throws(() => db.exec(`UPDATE files SET extraction_status = 'bogus'`), /CHECK constraint/);
  // References into the rebuilt files table are enforced, and deleting a file still cascades.
  assert.throws(
    () => db.exec(`INSERT INTO report_files (report_id, sha256, url, role, source_url, first_seen_at, last_seen_at) VALUES (1, 'zz', 'u', 'page', 's', '${T}', '${T}')`),
    /FOREIGN KEY/,
  );
  db.exec(`DELETE FROM report_extractions; DELETE FROM report_files; DELETE FROM files WHERE sha256 = 'aa'`);
  assert.equal(one('SELECT count(*) n FROM extractions').n, 0);
  assert.equal(one('SELECT count(*) n FROM figures').n, 0);
  db.close();
});
