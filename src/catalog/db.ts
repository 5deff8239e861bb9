/**
 * Opens the SQLite catalog (WAL, foreign keys) and applies the schema migrations in src/catalog/migrations/
 * (files NNN_name.sql, applied in order, each once, each in a transaction).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoCatalogError, StorageError } from '../errors.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, f), 'utf8') }));
}

export function openDb(file: string): Db {
  let db: Db;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${file}: ${(err as Error).message}`, { cause: err });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  migrate(db);
  return db;
}

/**
 * Opens an existing catalog for reading only: nothing is created on disk when there is none (a mistyped storage
 * path must not leave an empty catalog behind). A read-only connection cannot migrate, so a catalog whose schema
 * is older than this code is refused with the way out: run a write command (crawl, extract) once.
 */
export function openDbReadOnly(file: string): Db {
  if (!existsSync(file)) throw new NoCatalogError(`no catalog at ${file}: check --storage (or NIANBAO_STORAGE); a crawl creates it`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const missing = pendingMigrations(db);
    if (missing.length) {
      throw new StorageError(
        `the catalog at ${file} has an older schema (missing ${missing.join(', ')}) than this nianbao: ` +
          'run a write command on it once (nianbao crawl or nianbao extract) to upgrade it, then retry',
      );
    }
  } catch (err) {
    db.close();
    if (err instanceof StorageError) throw err;
    throw new StorageError(`${file} is not a readable nianbao catalog: ${(err as Error).message}`, { cause: err });
  }
  return db;
}

/** Migrations this code has that the catalog has not applied (an empty list when it is up to date). */
function pendingMigrations(db: Db): string[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return listMigrations().map((m) => m.name);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  return listMigrations().filter((m) => !applied.has(m.version)).map((m) => m.name);
}

export function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const m of listMigrations()) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
