/**
 * Migration 010 gives files an INTEGER key and report_files a file_id the export joins by. A catalog written at 009
 * keeps every row, references and trigger of the rebuilt files table; every link gets its file's id; and whoever
 * links a file afterwards (by hash, as the code does) gets file_id filled by the catalog itself.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { listMigrations, openDb } from '../../src/catalog/db.ts';
import { tempDir } from '../helpers/tmp.ts';

const T = '2026-01-01T00:00:00.000Z';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

function catalogAt009(): string {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of listMigrations().filter((m) => m.version <= 9)) {
    old.exec(m.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, T);
  }
  // B stored before A: ids must follow the order files were stored, not their hashes.
  old.exec(`
    INSERT INTO agencies (id, name, name_key, province, created_at, updated_at) VALUES (1, '甲县人民政府', 'a', '江西省', '${T}', '${T}');
    INSERT INTO reports (id, agency_id, year, title, page_url, first_seen_at, last_seen_at) VALUES (1, 1, 2023, 't', 'http://h/1', '${T}', '${T}');
    INSERT INTO files (sha256, size, media_type, stored_path, first_seen_at, extraction_status) VALUES
      ('${B}', 20, 'html', 'files/b.html', '${T}', 'pending'), ('${A}', 10, 'pdf', 'files/a.pdf', '${T}', 'pending');
    INSERT INTO report_files (report_id, sha256, url, role, source_url, first_seen_at, last_seen_at) VALUES
      (1, '${B}', 'http://h/1', 'page', 'http://h/1', '${T}', '${T}'), (1, '${A}', 'http://h/a.pdf', 'attachment', 'http://h/1', '${T}', '${T}');
    INSERT INTO extractions (sha256, status, extractor, extracted_at) VALUES ('${A}', 'extracted', 'pdf', '${T}');
    INSERT INTO figures (sha256, key, section, row_key, col_key, value) VALUES ('${A}', 's3.granted.total', '3', 'granted', 'total', 7);
    INSERT INTO report_extractions (report_id, status, best_sha256, updated_at) VALUES (1, 'extracted', '${A}', '${T}');
  `);
  old.close();
  return file;
}

test('a 009 catalog migrates to 010: files keep their rows in stored order, links get their file ids', () => {
  const db = openDb(catalogAt009());
  const all = (sql: string) => db.prepare(sql).all();
  assert.deepEqual(all('SELECT id, sha256, size FROM files ORDER BY id'), [{ id: 1, sha256: B, size: 20 }, { id: 2, sha256: A, size: 10 }]);
  assert.deepEqual(all('SELECT sha256, file_id FROM report_files ORDER BY id'), [{ sha256: B, file_id: 1 }, { sha256: A, file_id: 2 }]);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.deepEqual(all("SELECT 1 FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), []);

  // The rebuilt table's triggers (007, 009) and index (006) are there and work: file counts, the report's files
  // state, and its best rendition's cells follow a file's extraction.
  const names = all("SELECT name FROM sqlite_master WHERE tbl_name = 'files' AND type IN ('trigger', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name");
  assert.deepEqual(names.map((r) => (r as { name: string }).name), [
    'file_counts_add', 'file_counts_move', 'file_counts_remove', 'file_rendition_extracted', 'files_status_size', 'report_key_figures_file_status',
  ]);
  db.exec(`UPDATE files SET extraction_status = 'extracted', extracted_at = '${T}' WHERE sha256 = '${A}'`);
  assert.deepEqual(all('SELECT extraction_status, files FROM file_counts ORDER BY 1'), [{ extraction_status: 'extracted', files: 1 }, { extraction_status: 'pending', files: 1 }]);
  assert.deepEqual(all('SELECT files_status, granted FROM report_key_figures'), [{ files_status: 'extracted', granted: 7 }]);
  assert.deepEqual(all('SELECT rendition_extracted, rendition_figures FROM report_extractions'), [{ rendition_extracted: 1, rendition_figures: 's3.granted.total\x1f7' }]);

  // Deleting a file still cascades to what references it by hash.
  db.exec(`DELETE FROM report_extractions; DELETE FROM report_files WHERE sha256 = '${A}'; DELETE FROM files WHERE sha256 = '${A}'`);
  assert.deepEqual(all('SELECT count(*) n FROM figures'), [{ n: 0 }]);
  db.close();
});

test('a file linked after 010, by hash as the code links it, gets its id; a link moved to another file follows it', () => {
  const file = catalogAt009();
  openDb(file).close();
  const catalog = Catalog.open(file);
  const db = catalog.db;
  catalog.files.add({ sha256: C, size: 30, mediaType: 'docx', storedPath: 'files/c.docx' });
  assert.equal(catalog.reports.linkFile({ reportId: 1, sha256: C, url: 'http://h/c.docx', fileName: 'c.docx', role: 'attachment', sourceUrl: 'http://h/1' }), true);
  const idOf = (sha: string) => (db.prepare('SELECT id FROM files WHERE sha256 = ?').get(sha) as { id: number }).id;
  const linkOf = (url: string) => db.prepare('SELECT sha256, file_id FROM report_files WHERE url = ?').get(url);
  assert.equal(idOf(C), 3);
  assert.deepEqual(linkOf('http://h/c.docx'), { sha256: C, file_id: 3 });

  // A link's hash changed in place, or a wrong id written by hand: the catalog puts the hash's id back.
  db.exec(`UPDATE report_files SET sha256 = '${A}' WHERE url = 'http://h/c.docx'`);
  assert.deepEqual(linkOf('http://h/c.docx'), { sha256: A, file_id: idOf(A) });
  db.exec(`UPDATE report_files SET file_id = ${idOf(B)} WHERE url = 'http://h/c.docx'`);
  assert.deepEqual(linkOf('http://h/c.docx'), { sha256: A, file_id: idOf(A) });
  assert.deepEqual(db.prepare('SELECT count(*) n FROM report_files rf JOIN files f ON f.id = rf.file_id WHERE f.sha256 <> rf.sha256').get(), { n: 0 });
  catalog.close();
});
