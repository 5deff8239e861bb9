/**
 * Group commit: the catalog writes of several requests in one SQLite transaction. A crawl wrote about five commits a
 * request (the frontier's rows, the URL's state, the report, the file, events), each writing the pages it dirtied
 * to the WAL again, and whichever commit crossed the checkpoint size ran the checkpoint on the main thread (a fifth
 * of the main thread's time, bench/README.md fifth pass). A request's handler calls enter() first: the open batch
 * is joined, or one begins (BEGIN IMMEDIATE, the write lock taken at once, so a second process writing the catalog
 * waits at its BEGIN, under busy_timeout, instead of failing at its first write); it commits once `maxRequests`
 * requests entered it or `maxMs` after it began, whichever comes first, and at close(). Writes made while no batch
 * is open commit on their own, as before; transactions inside a batch are savepoints (better-sqlite3).
 *
 * What a crash changes: a killed run loses the writes of its open batch (at most `maxMs` of work), the frontier's
 * rows among them, so resume asks those requests again; nothing half-done is kept that is not already possible
 * today. A file's row still commits after its bytes are on disk: the store fsyncs a file before its row is
 * written, and `beforeCommit` (the store's pending directory fsyncs, download/store.ts) runs before every COMMIT.
 * Readers in other processes see a batch when it commits (`maxMs` later at most). SQLite only: a PostgreSQL catalog
 * commits as before (Catalog.groupCommit answers null).
 */
import type Database from 'better-sqlite3';
import { errorCode, SinkError, sinkErrorOf } from '../errors.ts';

export interface GroupCommitOptions {
  /** A batch commits this long after it began at the latest. */
  maxMs: number;
  /** A batch commits once this many requests entered it. */
  maxRequests: number;
  /**
   * Run before each COMMIT, while the batch is still open (the store's directory fsyncs): async work first, then
   * `sync` for whatever the writes made during the async part left to do, right before the COMMIT.
   */
  beforeCommit?: { async: () => Promise<void>; sync: () => void };
}

/** The defaults of a crawl: a tenth of a second, or 64 requests. */
export const GROUP_COMMIT: Pick<GroupCommitOptions, 'maxMs' | 'maxRequests'> = { maxMs: 100, maxRequests: 64 };

export class GroupCommit {
  private open = false;
  private requests = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** A commit that failed in the background (the timer's): thrown to the next request, and by close(). */
  private failed: unknown = null;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: GroupCommitOptions,
  ) {}

  /** Whether a batch is open: writes made now commit with it. */
  get batching(): boolean {
    return this.open;
  }

  /** A request's writes begin: they join the open batch, or begin one. Throws a background commit's failure. */
  enter(): void {
    this.throwFailure();
    if (this.closed) return;
    if (this.open) {
      this.requests += 1;
      if (this.requests >= this.opts.maxRequests) this.commitSoon();
      return;
    }
    if (this.db.inTransaction) return; // someone else's transaction (never in a crawl): its writes are its own
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.requests = 1;
    this.timer = setTimeout(() => this.commitSoon(), this.opts.maxMs);
    this.timer.unref();
  }

  /** Commits the open batch now (its directory fsyncs first). Throws a commit's failure. */
  async commit(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.throwFailure();
    if (!this.open) return;
    this.flushing = this.flush();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
    this.throwFailure();
  }

  /** Commits the open batch and begins no other: later writes commit on their own. Throws a commit's failure. */
  async close(): Promise<void> {
    this.closed = true;
    await this.commit();
  }

  private commitSoon(): void {
    if (this.flushing || !this.open) return;
    this.flushing = this.flush().finally(() => (this.flushing = null));
  }

  /** Never rejects: a failure is kept for the next enter() or commit(). */
  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.opts.beforeCommit?.async();
      this.opts.beforeCommit?.sync();
      // A write that failed with SQLITE_FULL or an I/O error may have rolled the whole transaction back already.
      if (this.db.inTransaction) this.db.exec('COMMIT');
    } catch (err) {
      // The batch is lost whatever the cause (a full disk, a read-only or moved catalog, a lock never granted): the
      // run stops there as for any fault of its own storage (sink-stop.ts), and the next run asks the batch again.
      // Kept as any other error, each later request would fail on it and the crawl run on doing nothing.
      this.failed ??= sinkErrorOf(err, this.db.name) ?? new SinkError(this.db.name, errorCode(err) ?? 'COMMIT_FAILED', (err as Error).message ?? String(err), { cause: err });
      try {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      } catch {
        // nothing more to undo
      }
    } finally {
      this.open = false;
      this.requests = 0;
    }
  }

  private throwFailure(): void {
    if (this.failed) throw this.failed;
  }
}
