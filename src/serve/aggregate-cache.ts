/**
 * Whole-catalog aggregates (the overview's totals and sums, the country-level coverage counts) read every report:
 * seconds at national size. They are kept here and reused while the catalog is unchanged (SQLite's data_version
 * moves when another connection commits), and for a short while after a change, since a running crawl commits
 * all the time and a count a minute old is still a true picture. Every reuse is a read of what the catalog said.
 */
import type { Db } from '../catalog/db.ts';

export interface CachedValue<T> {
  value: T;
  /** When it was computed (ms since the epoch). */
  at: number;
}

export class AggregateCache {
  private readonly entries = new Map<string, CachedValue<unknown> & { version: number }>();

  /** @param maxStaleMs how long a value may be served after the catalog changed. Default one minute. */
  constructor(
    private readonly db: Db,
    private readonly maxStaleMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  get<T>(key: string, compute: () => T): CachedValue<T> {
    const version = this.version();
    const hit = this.entries.get(key);
    if (hit && (hit.version === version || this.now() - hit.at < this.maxStaleMs)) return hit as CachedValue<T>;
    const fresh = { value: compute(), at: this.now(), version };
    this.entries.set(key, fresh);
    return fresh;
  }
}
