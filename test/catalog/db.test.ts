import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { listMigrations, openDb } from '../../src/catalog/db.ts';
import { tempDir } from '../helpers/tmp.ts';

test('migrations apply once, in order, and reopening applies nothing again', () => {
  const file = path.join(tempDir(), 'catalog.sqlite');
  const db = openDb(file);
  const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );
  assert.deepEqual(versions, listMigrations().map((m) => m.version));
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.close();
  const again = openDb(file);
  assert.equal((again.prepare('SELECT count(*) n FROM schema_migrations').get() as { n: number }).n, versions.length);
  again.close();
});
