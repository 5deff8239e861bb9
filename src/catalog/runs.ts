/** Runs (crawl, backfill, extract) and the events each recorded: new, changed, gone, failed. */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';
export type RunEventKind =
  | 'new_report'
  | 'new_source'
  | 'new_file'
  | 'changed'
  | 'gone'
  | 'failed'
  | 'skipped'
  | 'host_down'
  /** A seed entry that yielded no report items even after escalation; detail says why. */
  | 'seed_empty';

export interface RunRow {
  id: number;
  kind: string;
  args: string;
  started_at: string;
  ended_at: string | null;
  status: RunStatus;
  counts: string;
}

export interface RunEvent {
  kind: RunEventKind;
  host?: string | null;
  url?: string | null;
  reportId?: number | null;
  sha256?: string | null;
  detail?: string | null;
}

export class Runs {
  // Prepared once per connection: the crawl runs these for every request, and preparing was 3 % of its CPU.
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  start(kind: string, args: Record<string, unknown>): number {
    const row = this.stmt('INSERT INTO runs (kind, args, started_at) VALUES (?, ?, ?) RETURNING id')
      .get(kind, JSON.stringify(args), nowIso()) as { id: number };
    return row.id;
  }

  finish(id: number, status: RunStatus, counts: Record<string, unknown>): void {
    this.stmt('UPDATE runs SET ended_at = ?, status = ?, counts = ? WHERE id = ?')
      .run(nowIso(), status, JSON.stringify(counts), id);
  }

  /**
   * Adds one part's counts to a run's (a queued run's host job): numbers are summed, objects merged key by key
   * (summed when numbers), in one transaction, so parts ending at once on several workers all count.
   */
  addCounts(id: number, part: Record<string, unknown>): void {
    this.db.transaction(() => {
      const row = this.stmt('SELECT counts FROM runs WHERE id = ?').get(id) as { counts: string | null } | undefined;
      if (!row) return;
      const sum = mergeCounts(row.counts ? (JSON.parse(row.counts) as Record<string, unknown>) : {}, part);
      this.stmt('UPDATE runs SET counts = ? WHERE id = ?').run(JSON.stringify(sum), id);
    }).immediate();
  }

  /**
   * Finishes a run that is still running, with its counts as they stand plus `extra`; false when it was not running
   * (another worker finished it first).
   */
  finishOnce(id: number, status: RunStatus, extra: Record<string, unknown>): boolean {
    return this.db.transaction(() => {
      const row = this.stmt(`SELECT counts FROM runs WHERE id = ? AND status = 'running'`).get(id) as { counts: string | null } | undefined;
      if (!row) return false;
      const counts = { ...(row.counts ? (JSON.parse(row.counts) as Record<string, unknown>) : {}), ...extra };
      this.stmt('UPDATE runs SET ended_at = ?, status = ?, counts = ? WHERE id = ?').run(nowIso(), status, JSON.stringify(counts), id);
      return true;
    }).immediate();
  }

  /** Queued runs (created by `nianbao enqueue`) still running. */
  runningQueued(): RunRow[] {
    // Read in JS: json_extract answers a JSON true as 1 in SQLite and as 'true' in PostgreSQL; running runs are few.
    const running = this.stmt(`SELECT * FROM runs WHERE status = 'running' ORDER BY id`).all() as RunRow[];
    return running.filter((r) => (JSON.parse(r.args || '{}') as { queued?: unknown }).queued === true);
  }

  event(runId: number, e: RunEvent): void {
    this.stmt('INSERT INTO run_events (run_id, at, kind, host, url, report_id, sha256, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, nowIso(), e.kind, e.host ?? null, e.url ?? null, e.reportId ?? null, e.sha256 ?? null, e.detail ?? null);
  }

  /**
   * The new reports of a run catalogued on a guess, as they stand at its end: under the seed's agency because no page
   * named one (`attribution = 'seed'`), or with the year guessed from the publication date, which the title says in
   * the words `guessedTitle` matches (a LIKE pattern: classify/year.ts `GUESSED_YEAR_LIKE`).
   */
  guessedReports(runId: number, guessedTitle: string): { seedAgency: number; guessedYear: number } {
    const row = this.stmt(
      `SELECT coalesce(sum(r.attribution = 'seed'), 0) AS seedAgency, coalesce(sum(r.title LIKE ?), 0) AS guessedYear
         FROM run_events e JOIN reports r ON r.id = e.report_id
        WHERE e.run_id = ? AND e.kind = 'new_report'`,
    ).get(guessedTitle, runId) as { seedAgency: number; guessedYear: number };
    return row;
  }

  /** The oldest run of this job that never finished (killed), other than `exceptId`; null when there is none. */
  unfinishedOfJob(job: string, exceptId: number): number | null {
    const row = this.stmt(`SELECT min(id) AS id FROM runs WHERE status = 'running' AND json_extract(args, '$.job') = ? AND id <> ?`)
      .get(job, exceptId) as { id: number | null };
    return row.id;
  }

  /** Marks killed runs of this job as interrupted once a later run has finished their work. */
  markInterrupted(job: string, exceptId: number): void {
    this.stmt(`UPDATE runs SET status = 'interrupted', ended_at = coalesce(ended_at, ?) WHERE status = 'running' AND json_extract(args, '$.job') = ? AND id <> ?`)
      .run(nowIso(), job, exceptId);
  }

  get(id: number): RunRow | undefined {
    return this.stmt('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  }

  recent(limit: number): RunRow[] {
    return this.stmt('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
  }

  eventCounts(runId: number): Record<string, number> {
    const rows = this.stmt('SELECT kind, count(*) n FROM run_events WHERE run_id = ? GROUP BY kind')
      .all(runId) as { kind: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  events(runId: number, kind?: RunEventKind): (RunEvent & { at: string })[] {
    const rows = this.stmt(
        `SELECT at, kind, host, url, report_id AS reportId, sha256, detail FROM run_events
         WHERE run_id = ? AND (CAST(? AS TEXT) IS NULL OR kind = ?) ORDER BY id`,
      )
      .all(runId, kind ?? null, kind ?? null) as (RunEvent & { at: string })[];
    return rows;
  }
}

/** a + b: numbers summed, plain objects merged recursively, anything else taken from b. */
function mergeCounts(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const was = out[k];
    if (typeof v === 'number' && typeof was === 'number') out[k] = was + v;
    else if (v && typeof v === 'object' && !Array.isArray(v) && was && typeof was === 'object' && !Array.isArray(was))
      out[k] = mergeCounts(was as Record<string, unknown>, v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}
