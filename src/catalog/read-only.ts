/**
 * Opens an existing catalog for reading only (the web view, and any command that must never write). Nothing is
 * created or migrated: a missing file, or one without the extraction tables, is one clear error.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { StorageError } from '../errors.ts';
import { Catalog } from './catalog.ts';

/** Tables the read-only users need; a catalog written before migration 002 lacks the last ones. */
const REQUIRED_TABLES = ['agencies', 'reports', 'report_files', 'files', 'runs', 'report_extractions', 'figures', 'checks'];

export function openReadOnlyCatalog(file: string): Catalog {
  if (!existsSync(file)) {
    throw new StorageError(`no catalog at ${file}: run \`nianbao crawl\` (or \`npm run demo\`) first, or pass --storage`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
  } catch (err) {
    throw new StorageError(`cannot open the catalog at ${file} read-only: ${(err as Error).message}`, { cause: err });
  }
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const absent = REQUIRED_TABLES.filter((t) => !present.has(t));
  if (absent.length) {
    db.close();
    throw new StorageError(`${file} is not a current nianbao catalog (no ${absent.join(', ')}): run any writing command (e.g. \`nianbao status\`) to migrate it`);
  }
  return new Catalog(db);
}
