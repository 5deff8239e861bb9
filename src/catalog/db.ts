/**
 * Opens the catalog and applies the schema migrations in src/catalog/migrations/ (files NNN_name.sql, applied in
 * order, each once, each in a transaction): a SQLite file (WAL, foreign keys; the default) or a PostgreSQL database
 * (a `postgres://` URL: postgres/connection.ts, postgres/migrate.ts).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoCatalogError, StorageError, storageFaultOf } from '../errors.ts';
import type { Connection } from './connection.ts';
import { PgConnection, redactUrl } from './postgres/connection.ts';
import { migratePostgres, pendingPostgresMigrations } from './postgres/migrate.ts';

/** A catalog connection: better-sqlite3's database, or a PostgreSQL session with the same synchronous API. */
export type Db = Connection;
type SqliteDb = Database.Database;

/** Whether a catalog location (--catalog, NIANBAO_CATALOG) names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function connectPostgres(url: string): PgConnection {
  try {
    new URL(url);
  } catch {
    throw new StorageError(`the catalog URL ${redactUrl(url)} is not a URL: expected postgres://user:password@host:port/database`);
  }
  try {
    return PgConnection.connect(url);
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${redactUrl(url)}: ${(err as Error).message || (err as { code?: string }).code}`, { cause: err });
  }
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
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
  if (isPostgresUrl(file)) {
    const conn = connectPostgres(file);
    try {
      migratePostgres(conn, listMigrations(), () => new Date().toISOString());
    } catch (err) {
      conn.close();
      throw new StorageError(`cannot migrate the catalog at ${conn.name}: ${(err as Error).message}`, { cause: err });
    }
    return conn;
  }
  let db: SqliteDb;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    throw storageFaultOf(err, file) ?? err;
  }
  return db as unknown as Db;
}

/**
 * Opens an existing catalog for reading only: nothing is created on disk when there is none (a mistyped storage
 * path must not leave an empty catalog behind). A read-only connection cannot migrate, so a catalog whose schema
 * is older than this code is refused with the way out: run a write command (crawl, extract) once.
 */
export function openDbReadOnly(file: string): Db {
  if (isPostgresUrl(file)) return openPostgresReadOnly(file);
  if (!existsSync(file)) throw new NoCatalogError(`no catalog at ${file}: check --storage (or NIANBAO_STORAGE); a crawl creates it`);
  let db: SqliteDb;
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
  return db as unknown as Db;
}

/** A PostgreSQL catalog for reading: its session refuses writes; a database without the schema is no catalog. */
function openPostgresReadOnly(url: string): Db {
  const conn = connectPostgres(url);
  try {
    const missing = pendingPostgresMigrations(conn, listMigrations());
    if (missing === null) throw new NoCatalogError(`no catalog at ${conn.name}: the database has no nianbao schema; a crawl (or migrate-catalog) creates it`);
    if (missing.length) {
      throw new StorageError(
        `the catalog at ${conn.name} has an older schema (missing ${missing.join(', ')}) than this nianbao: ` +
          'run a write command on it once (nianbao crawl or nianbao extract) to upgrade it, then retry',
      );
    }
    conn.exec('SET default_transaction_read_only = on');
  } catch (err) {
    conn.close();
    throw err;
  }
  return conn;
}

/** Migrations this code has that the catalog has not applied (an empty list when it is up to date). */
function pendingMigrations(db: SqliteDb): string[] {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return listMigrations().map((m) => m.name);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  return listMigrations().filter((m) => !applied.has(m.version)).map((m) => m.name);
}

export function migrate(db: SqliteDb): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const m of listMigrations()) {
    if (applied.has(m.version)) continue;
    // A migration that rebuilds a table others reference asks for foreign keys off (a pragma that has no effect
    // inside a transaction): dropping the old table must not cascade. The references are checked before commit.
    const fkOff = /^-- nianbao: foreign_keys off$/m.test(m.sql);
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (fkOff && (db.pragma('foreign_key_check') as unknown[]).length) throw new Error(`migration ${m.name} broke foreign keys`);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
    } finally {
      if (fkOff) db.pragma('foreign_keys = ON');
    }
  }
}
