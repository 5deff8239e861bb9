/** List endpoints the browser lane learned per seed entry (stored as JSON; the crawl owns the spec's shape). */
import type { Db } from './db.ts';
import { nowIso } from './time.ts';

export class LearnedEndpoints {
  constructor(private readonly db: Db) {}

  save(seedEntryId: number, spec: unknown): void {
    this.db
      .prepare(
        `INSERT INTO learned_endpoints (seed_entry_id, spec, learned_at) VALUES (?, ?, ?)
         ON CONFLICT(seed_entry_id) DO UPDATE SET spec = excluded.spec, learned_at = excluded.learned_at`,
      )
      .run(seedEntryId, JSON.stringify(spec), nowIso());
  }

  /** The stored spec, parsed; undefined when none was learned. */
  get(seedEntryId: number): unknown {
    const row = this.db.prepare('SELECT spec FROM learned_endpoints WHERE seed_entry_id = ?').get(seedEntryId) as { spec: string } | undefined;
    return row ? (JSON.parse(row.spec) as unknown) : undefined;
  }

  markUsed(seedEntryId: number): void {
    this.db.prepare('UPDATE learned_endpoints SET last_used_at = ? WHERE seed_entry_id = ?').run(nowIso(), seedEntryId);
  }

  forget(seedEntryId: number): void {
    this.db.prepare('DELETE FROM learned_endpoints WHERE seed_entry_id = ?').run(seedEntryId);
  }
}
