/** Seed entries (annual-report columns) as loaded from seeds/*.yaml, and the family detected on them. */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

export interface SeedEntryRow {
  id: number;
  agency_id: number;
  url: string;
  host: string;
  family: string;
  detected_family: string | null;
  render: string;
  seeds_file: string;
  last_crawled_at: string | null;
}

export class SeedEntries {
  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  // Prepared once per connection (the registry sync runs these for every agency and entry).
  private readonly statements: StatementCache;

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  upsert(e: { agencyId: number; url: string; host: string; family: string; render: string; seedsFile: string }): SeedEntryRow {
    const known = this.byUrl(e.url);
    // Unchanged entries (nearly all of them on a nightly run's sync) are neither written nor read twice.
    if (known && known.agency_id === e.agencyId && known.host === e.host && known.family === e.family && known.render === e.render && known.seeds_file === e.seedsFile) {
      return known;
    }
    this.stmt(
        `INSERT INTO seed_entries (agency_id, url, host, family, render, seeds_file) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET agency_id = excluded.agency_id, host = excluded.host, family = excluded.family,
           render = excluded.render, seeds_file = excluded.seeds_file`,
      )
      .run(e.agencyId, e.url, e.host, e.family, e.render, e.seedsFile);
    return this.byUrl(e.url)!;
  }

  byUrl(url: string): SeedEntryRow | undefined {
    return this.stmt('SELECT * FROM seed_entries WHERE url = ?').get(url) as SeedEntryRow | undefined;
  }

  byId(id: number): SeedEntryRow | undefined {
    return this.stmt('SELECT * FROM seed_entries WHERE id = ?').get(id) as SeedEntryRow | undefined;
  }

  all(): SeedEntryRow[] {
    return this.stmt('SELECT * FROM seed_entries ORDER BY id').all() as SeedEntryRow[];
  }

  markCrawled(id: number, detectedFamily: string | null): void {
    this.stmt('UPDATE seed_entries SET last_crawled_at = ?, detected_family = coalesce(?, detected_family) WHERE id = ?')
      .run(nowIso(), detectedFamily, id);
  }
}
