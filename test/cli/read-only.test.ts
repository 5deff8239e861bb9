// Read commands never create: export, coverage and status on a storage path without a catalog exit 6 with one
// line and leave nothing on disk; on an existing catalog they read it without migrating or writing it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { listMigrations } from '../../src/catalog/db.ts';
import { storagePaths } from '../../src/config.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/nianbao.mjs');

function run(args: string[]) {
  // NIANBAO_STORAGE from the caller's shell must not stand in for the --storage under test.
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NIANBAO_STORAGE: undefined }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const readCommands = (storage: string, out: string): string[][] => [
  ['export', '--storage', storage, '--out', out],
  ['export', '--storage', storage, '--figures', '--out', out],
  ['coverage', '--storage', storage, '--year', '2023', '--out', out],
  ['status', '--storage', storage],
  ['status', '--storage', storage, '--json'],
];

test('a mistyped storage path: exit 6, one line naming the path, and nothing created (no directory, no CSV)', () => {
  const dir = tempDir();
  const typo = path.join(dir, 'nianbao-typo');
  const out = path.join(dir, 'x.csv');
  for (const args of readCommands(typo, out)) {
    const r = run(args);
    assert.equal(r.code, 6, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, new RegExp(`^nianbao: no catalog at ${typo}/catalog\\.sqlite: check --storage`));
    assert.equal(existsSync(typo), false, `${args[0]} created ${typo}`);
    assert.equal(existsSync(out), false, `${args[0]} wrote ${out}`);
  }
});

test('an existing storage directory without a catalog stays empty', () => {
  const storage = path.join(tempDir(), 'storage');
  mkdirSync(storage);
  for (const args of readCommands(storage, path.join(storage, 'x.csv'))) {
    assert.equal(run(args).code, 6, args.join(' '));
    assert.deepEqual(readdirSync(storage), [], args.join(' '));
  }
});

test('on an existing catalog the read commands succeed and leave its content as it was', () => {
  const storage = path.join(tempDir(), 'storage');
  const file = storagePaths(storage).catalog;
  Catalog.open(file).close();
  const before = readFileSync(file);
  const out = path.join(storage, 'x.csv');
  for (const args of readCommands(storage, out)) {
    const r = run(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  }
  assert.ok(existsSync(out));
  assert.deepEqual(readFileSync(file), before, 'the catalog file changed');
});

test('a catalog with an older schema is not migrated by a read command: it says to run a write command', () => {
  const storage = path.join(tempDir(), 'storage');
  mkdirSync(storage);
  const file = storagePaths(storage).catalog;
  // The catalog as the first release left it: only the first migration applied.
  const [first] = listMigrations();
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  db.exec(first!.sql);
  db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(first!.version, first!.name, '2026-01-01T00:00:00Z');
  db.close();
  for (const args of readCommands(storage, path.join(storage, 'x.csv'))) {
    const r = run(args);
    assert.equal(r.code, 5, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /older schema \(missing 002_extraction.*\).*run a write command on it once \(nianbao crawl or nianbao extract\)/);
  }
  const check = new Database(file, { readonly: true });
  assert.deepEqual(check.prepare('SELECT version FROM schema_migrations').all(), [{ version: first!.version }], 'a read command migrated it');
  check.close();
});

test('a file that is not a catalog is a storage error (exit 5), not a crash', () => {
  const storage = path.join(tempDir(), 'storage');
  mkdirSync(storage);
  const file = storagePaths(storage).catalog;
  writeFileSync(file, 'hello, not SQLite at all');
  const r = run(['status', '--storage', storage]);
  assert.equal(r.code, 5, r.err);
  assert.match(r.err, /^nianbao: .*catalog\.sqlite/);
});
