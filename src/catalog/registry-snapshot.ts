/**
 * The registry as the last sync left it (migration 008): which record of the seeds files each registry agency was
 * last synced from, and the seeds files (names and content hashes) of the last sync from files with the entries
 * they listed. A nightly run with the same files takes its entries from here instead of parsing and syncing a
 * national registry again (97k agencies, 16 MB of YAML: minutes of CPU and hundreds of MB).
 */
import type { Db } from './db.ts';
import type { SeedEntryRow } from './seed-entries.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

export class RegistrySnapshot {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  /** Every registry agency's last synced record fingerprint → its agency id. */
  fingerprints(): Map<string, number> {
    const map = new Map<string, number>();
    const rows = this.stmt('SELECT agency_id, fingerprint FROM registry_agencies').raw().iterate() as IterableIterator<[number, string]>;
    for (const [id, fp] of rows) map.set(fp, id);
    return map;
  }

  /** Records that the agency's row now holds what the record with this fingerprint says. */
  setFingerprint(agencyId: number, fingerprint: string): void {
    this.stmt('INSERT INTO registry_agencies (agency_id, fingerprint) VALUES (?, ?) ON CONFLICT(agency_id) DO UPDATE SET fingerprint = excluded.fingerprint')
      .run(agencyId, fingerprint);
  }

  /**
   * The entries the seeds files identified by `filesKey` listed when they were last synced, in their order; null when
   * the last sync was of other files (or contents), or when any of those entries has since left the catalog.
   */
  entriesOf(filesKey: string): SeedEntryRow[] | null {
    const state = this.stmt('SELECT files_key, entries FROM registry_files WHERE id = 1').get() as { files_key: string; entries: number } | undefined;
    if (!state || state.files_key !== filesKey) return null;
    const rows = this.stmt(
      'SELECT s.* FROM registry_entries r JOIN seed_entries s ON s.id = r.seed_entry_id ORDER BY r.position',
    ).all() as SeedEntryRow[];
    return rows.length === state.entries ? rows : null;
  }

  /** Records the files just synced (their key) and the entries they list, in order. Call inside the sync's transaction. */
  saveFiles(filesKey: string, agencies: number, entryIds: number[]): void {
    this.stmt('DELETE FROM registry_entries').run();
    const insert = this.stmt('INSERT INTO registry_entries (position, seed_entry_id) VALUES (?, ?)');
    entryIds.forEach((id, i) => insert.run(i, id));
    this.stmt(
      `INSERT INTO registry_files (id, files_key, agencies, entries, synced_at) VALUES (1, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET files_key = excluded.files_key, agencies = excluded.agencies,
         entries = excluded.entries, synced_at = excluded.synced_at`,
    ).run(filesKey, agencies, entryIds.length, nowIso());
  }

  /** Forgets the last sync from files: a sync of other seeds (a backfill's province, a test's list) may have changed rows. */
  forgetFiles(): void {
    this.stmt('DELETE FROM registry_files').run();
    this.stmt('DELETE FROM registry_entries').run();
  }
}
