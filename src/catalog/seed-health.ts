/**
 * What each list request and each seed entry gave in each run (no silent zero, seed health), and the health
 * verdict `nianbao status --seeds` and the run summary show: a seed is unhealthy when its last run found no report
 * items, fewer than its own pager announced, far fewer than its history, or its host failed.
 */
import type { Db } from './db.ts';
import { nowIso } from './time.ts';

export interface ListOutcome {
  runId: number;
  seedEntryId: number;
  url: string;
  method: string;
  lane: 'http' | 'browser' | 'learned';
  family: string;
  signal: string;
  items: number;
  reportItems: number;
  nextRequests: number;
  error?: string | null;
}

/**
 * moved: the seed's page listed no report (its reports were read from columns found by exploring its host), or its
 * address is a file (they were read from the folders above it), or its reports were read through another guess (their
 * files at the site's root after their links were gone: root-file.ts).
 */
export type SeedRunStatus = 'ok' | 'empty' | 'short' | 'host_failed' | 'moved';

export interface SeedRun {
  runId: number;
  seedEntryId: number;
  listPages: number;
  items: number;
  reportItems: number;
  newReports: number;
  family: string | null;
  usedBrowser: boolean;
  usedLearned: boolean;
  failures: number;
  status: SeedRunStatus;
  reason: string | null;
  /** Paging stopped on purpose: an incremental run reached a page whose reports were all known. */
  stoppedEarly: boolean;
}

export type HealthFlag = 'empty' | 'short' | 'dropped' | 'host_failed' | 'moved';

export interface SeedHealthRow {
  seedEntryId: number;
  url: string;
  agency: string;
  last: SeedRun | null;
  /** Report items of the seed's last runs, oldest first (the last run included). */
  trend: number[];
  flags: HealthFlag[];
  healthy: boolean;
}

/** How many earlier runs the "dropped sharply" test compares with, and what counts as sharp. */
const HISTORY_RUNS = 5;
const DROP_RATIO = 0.5;

interface SeedRunDbRow {
  run_id: number;
  seed_entry_id: number;
  list_pages: number;
  items: number;
  report_items: number;
  new_reports: number;
  family: string | null;
  used_browser: number;
  used_learned: number;
  failures: number;
  status: SeedRunStatus;
  reason: string | null;
  stopped_early: number;
}

function fromRow(r: SeedRunDbRow): SeedRun {
  return {
    runId: r.run_id,
    seedEntryId: r.seed_entry_id,
    listPages: r.list_pages,
    items: r.items,
    reportItems: r.report_items,
    newReports: r.new_reports,
    family: r.family,
    usedBrowser: r.used_browser === 1,
    usedLearned: r.used_learned === 1,
    failures: r.failures,
    status: r.status,
    reason: r.reason,
    stoppedEarly: r.stopped_early === 1,
  };
}

/**
 * The seed gave no report item in this run (empty, or its host failed). A resumed run's seed whose page the
 * interrupted run read gives none in this run but is 'ok': it yielded before the interruption.
 */
export function yieldedNothing(run: Pick<SeedRun, 'reportItems' | 'status'>): boolean {
  return run.reportItems === 0 && run.status !== 'ok';
}

/** The flags of a seed's last run against its earlier ones (report items, oldest first). */
export function healthFlags(last: SeedRun, earlier: number[]): HealthFlag[] {
  const flags: HealthFlag[] = [];
  if (yieldedNothing(last)) flags.push('empty');
  if (last.status === 'short') flags.push('short');
  if (last.status === 'moved') flags.push('moved');
  if (last.failures > 0 || last.status === 'host_failed') flags.push('host_failed');
  const sorted = earlier.filter((n) => n > 0).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  // One or two report items are too few to call a change "sharp"; a run that stopped paging at known reports read
  // less of the list on purpose, which says nothing of what the list holds.
  if (!last.stoppedEarly && last.reportItems > 0 && median >= 3 && last.reportItems < median * DROP_RATIO) flags.push('dropped');
  return flags;
}

export class SeedHealth {
  constructor(private readonly db: Db) {}

  recordListOutcome(o: ListOutcome): void {
    this.db
      .prepare(
        `INSERT INTO list_outcomes (run_id, seed_entry_id, at, url, method, lane, family, signal, items, report_items, next_requests, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.runId, o.seedEntryId, nowIso(), o.url, o.method, o.lane, o.family, o.signal, o.items, o.reportItems, o.nextRequests, o.error ?? null);
  }

  listOutcomes(runId: number, seedEntryId?: number): (ListOutcome & { at: string })[] {
    return this.db
      .prepare(
        `SELECT run_id AS runId, seed_entry_id AS seedEntryId, at, url, method, lane, family, signal, items,
                report_items AS reportItems, next_requests AS nextRequests, error
         FROM list_outcomes WHERE run_id = ? AND (CAST(? AS INTEGER) IS NULL OR seed_entry_id = ?) ORDER BY id`,
      )
      .all(runId, seedEntryId ?? null, seedEntryId ?? null) as (ListOutcome & { at: string })[];
  }

  recordSeedRun(s: SeedRun): void {
    this.db
      .prepare(
        `INSERT INTO seed_runs (run_id, seed_entry_id, list_pages, items, report_items, new_reports, family, used_browser, used_learned, failures, status, reason, stopped_early)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(run_id, seed_entry_id) DO UPDATE SET list_pages = excluded.list_pages, items = excluded.items,
           report_items = excluded.report_items, new_reports = excluded.new_reports, family = excluded.family,
           used_browser = excluded.used_browser, used_learned = excluded.used_learned, failures = excluded.failures,
           status = excluded.status, reason = excluded.reason, stopped_early = excluded.stopped_early`,
      )
      .run(
        s.runId,
        s.seedEntryId,
        s.listPages,
        s.items,
        s.reportItems,
        s.newReports,
        s.family,
        s.usedBrowser ? 1 : 0,
        s.usedLearned ? 1 : 0,
        s.failures,
        s.status,
        s.reason,
        s.stoppedEarly ? 1 : 0,
      );
  }

  seedRuns(runId: number): SeedRun[] {
    return (this.db.prepare('SELECT * FROM seed_runs WHERE run_id = ? ORDER BY seed_entry_id').all(runId) as SeedRunDbRow[]).map(fromRow);
  }

  /**
   * What each seed entry's last run fetched (list pages + items listed), for the given entries that have run: the
   * crawl's estimate of a host's size, which decides the order hosts get their slots in. One indexed lookup each
   * (seed_runs_seed), so it costs the same whatever the length of the history.
   */
  lastSizes(seedEntryIds: number[]): Map<number, number> {
    const last = this.db.prepare('SELECT list_pages + items AS size FROM seed_runs WHERE seed_entry_id = ? ORDER BY run_id DESC LIMIT 1');
    const sizes = new Map<number, number>();
    for (const id of seedEntryIds) {
      const row = last.get(id) as { size: number } | undefined;
      if (row) sizes.set(id, row.size);
    }
    return sizes;
  }

  /** Every seed entry's last result, its trend and its flags; entries never crawled have no last result. */
  health(): SeedHealthRow[] {
    const entries = this.db
      .prepare('SELECT s.id, s.url, a.name AS agency FROM seed_entries s JOIN agencies a ON a.id = s.agency_id ORDER BY s.id')
      .all() as { id: number; url: string; agency: string }[];
    const runsOf = this.db.prepare('SELECT * FROM seed_runs WHERE seed_entry_id = ? ORDER BY run_id DESC LIMIT ?');
    return entries.map((e) => {
      const rows = (runsOf.all(e.id, HISTORY_RUNS + 1) as SeedRunDbRow[]).map(fromRow);
      const last = rows[0] ?? null;
      const trend = rows.map((r) => r.reportItems).reverse();
      const flags = last ? healthFlags(last, trend.slice(0, -1)) : [];
      return { seedEntryId: e.id, url: e.url, agency: e.agency, last, trend, flags, healthy: flags.length === 0 };
    });
  }
}
