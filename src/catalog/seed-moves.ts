/** The annual-report columns found by exploring a seed's host, per seed entry (see migration 012). */
import type { Db } from './db.ts';
import { nowIso } from './time.ts';

export interface SeedMove {
  columns: string[];
  foundAt: string;
}

export class SeedMoves {
  constructor(private readonly db: Db) {}

  /** Remembers the columns; their first finding's time is kept while they stay the same. */
  save(seedEntryId: number, columns: string[]): void {
    const list = JSON.stringify([...new Set(columns)].sort());
    this.db
      .prepare(
        `INSERT INTO seed_moves (seed_entry_id, columns, found_at) VALUES (?, ?, ?)
         ON CONFLICT(seed_entry_id) DO UPDATE SET found_at = CASE WHEN seed_moves.columns = excluded.columns THEN seed_moves.found_at ELSE excluded.found_at END,
           columns = excluded.columns`,
      )
      .run(seedEntryId, list, nowIso());
  }

  get(seedEntryId: number): SeedMove | undefined {
    const row = this.db.prepare('SELECT columns, found_at FROM seed_moves WHERE seed_entry_id = ?').get(seedEntryId) as { columns: string; found_at: string } | undefined;
    return row ? { columns: JSON.parse(row.columns) as string[], foundAt: row.found_at } : undefined;
  }

  forget(seedEntryId: number): void {
    this.db.prepare('DELETE FROM seed_moves WHERE seed_entry_id = ?').run(seedEntryId);
  }
}
