/**
 * The crawl frontier's persistence (migration 014): the requests each host queue of a job holds, so that a killed
 * run resumes where it stopped. The queues themselves live in memory (crawl/host-queue.ts); every change reaches
 * this table before the crawler acts on it.
 */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';

export interface FrontierRow {
  unique_key: string;
  seq: number;
  /** The request as JSON; null once handled. */
  request: string | null;
}

export class FrontierRequests {
  // Prepared once: the crawl runs these for every request.
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Queues requests (in one transaction); one already known to the queue, handled or not, is left as it is. */
  add(job: string, queue: string, rows: { uniqueKey: string; seq: number; request: string }[]): void {
    const insert = this.statements.get('INSERT OR IGNORE INTO frontier_requests (job, queue, unique_key, seq, request) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of rows) insert.run(job, queue, r.uniqueKey, r.seq, r.request);
    })();
  }

  /** A request given back to its queue (a retry), with its new state and place. */
  update(job: string, queue: string, uniqueKey: string, seq: number, request: string): void {
    this.statements
      .get('UPDATE frontier_requests SET seq = ?, request = ? WHERE job = ? AND queue = ? AND unique_key = ?')
      .run(seq, request, job, queue, uniqueKey);
  }

  /** A request done (its outcome is in the catalog): kept as a key only. */
  handled(job: string, queue: string, uniqueKey: string): void {
    this.statements.get('UPDATE frontier_requests SET request = NULL WHERE job = ? AND queue = ? AND unique_key = ?').run(job, queue, uniqueKey);
  }

  /** Every request of one queue, handled ones with a null request, in queue order. */
  load(job: string, queue: string): FrontierRow[] {
    return this.statements
      .get('SELECT unique_key, seq, request FROM frontier_requests WHERE job = ? AND queue = ? ORDER BY seq')
      .all(job, queue) as FrontierRow[];
  }

  /** The queues of a job that still hold a request to make (an interrupted run's). */
  pendingQueues(job: string): string[] {
    return (
      this.statements.get('SELECT DISTINCT queue FROM frontier_requests WHERE job = ? AND request IS NOT NULL ORDER BY queue').all(job) as {
        queue: string;
      }[]
    ).map((r) => r.queue);
  }

  /** Forgets a job's queues: its run finished. */
  drop(job: string): void {
    this.statements.get('DELETE FROM frontier_requests WHERE job = ?').run(job);
  }
}
