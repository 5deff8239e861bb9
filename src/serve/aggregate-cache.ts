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
  private readonly refreshing = new Set<string>();

  /** @param maxStaleMs how long a value may be served after the catalog changed. Default one minute. */
  constructor(
    private readonly db: Db,
    private readonly maxStaleMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private usable(hit: { version: number; at: number } | undefined, version: number): boolean {
    return hit !== undefined && (hit.version === version || this.now() - hit.at < this.maxStaleMs);
  }

  /**
   * The value if there is one (possibly older than the catalog: stale while it is recomputed), starting `compute`
   * in the background when it is missing or out of date. Undefined until the first computation ends.
   */
  peek<T>(key: string, compute: () => Promise<unknown>, onError: (err: Error) => void): CachedValue<T> | undefined {
    // This connection's version when the computation is asked for: the worker reads after that, so never older.
    const version = this.version();
    const hit = this.entries.get(key);
    if (!this.usable(hit, version) && !this.refreshing.has(key)) {
      this.refreshing.add(key);
      compute()
        .then((value) => this.entries.set(key, { value, at: this.now(), version }))
        .catch((err: Error) => onError(err))
        .finally(() => this.refreshing.delete(key));
    }
    return hit as CachedValue<T> | undefined;
  }

  get<T>(key: string, compute: () => T): CachedValue<T> {
    const version = this.version();
    const hit = this.entries.get(key);
    if (this.usable(hit, version)) return hit as CachedValue<T>;
    const fresh = { value: compute(), at: this.now(), version };
    this.entries.set(key, fresh);
    return fresh;
  }
}
