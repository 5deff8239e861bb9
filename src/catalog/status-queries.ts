/** Read-only queries behind `nianbao status` and `nianbao coverage`. */
import type { Db } from './db.ts';
import { PROVINCE_CONDITION, provinceParams } from './region-filter.ts';

export interface CoverageRow {
  agency_id: number;
  agency: string;
  province: string | null;
  city: string | null;
  county: string | null;
  division: string | null;
  level: string | null;
  discovered: number;
  report_id: number | null;
  title: string | null;
  published_at: string | null;
  first_seen_at: string | null;
  /** The files' own date (earliest Last-Modified, China time), looked up only when the page gives no published_at. */
  file_date: string | null;
  /** Extraction status of the report's files: the best one (extracted > partial > needs_ocr > …). */
  extraction_status: string | null;
}

/** What `nianbao coverage` prints of a CoverageRow. */
export type CoverageBriefRow = Pick<CoverageRow, 'agency' | 'division' | 'report_id' | 'published_at' | 'first_seen_at' | 'file_date' | 'extraction_status'>;

const COVERAGE_BRIEF_ROW = `a.name AS agency, a.division, r.id AS report_id, r.published_at, r.first_seen_at,
  CASE WHEN r.published_at IS NULL THEN k.file_date END AS file_date, k.files_status AS extraction_status`;
const COVERAGE_ROW = `a.id AS agency_id, a.name AS agency, a.province, a.city, a.county, a.division, a.level, a.discovered,
  r.id AS report_id, r.title, r.published_at, r.first_seen_at,
  CASE WHEN r.published_at IS NULL THEN k.file_date END AS file_date, k.files_status AS extraction_status`;

export interface HostFailureRow {
  host: string;
  failed: number;
  gone: number;
  last_reason: string | null;
}

export class StatusQueries {
  constructor(private readonly db: Db) {}

  coverage(year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): CoverageRow[] {
    return [...this.iterateCoverage(year, opts)];
  }

  /**
   * Coverage rows one at a time, in division and name order (agencies_division). Each report's file date and best
   * extraction state come from its report_key_figures row (migration 007), one primary-key look-up, where they
   * were two subqueries over its files and URLs (a second of random reads for a national year).
   */
  iterateCoverage(year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): IterableIterator<CoverageRow> {
    return this.coverageStatement(COVERAGE_ROW, year, opts) as IterableIterator<CoverageRow>;
  }

  /** The same rows with only what the terminal table shows: no title (a long text to decode 100k times) or region. */
  iterateCoverageBrief(year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): IterableIterator<CoverageBriefRow> {
    return this.coverageStatement(COVERAGE_BRIEF_ROW, year, opts) as IterableIterator<CoverageBriefRow>;
  }

  private coverageStatement(columns: string, year: number, opts: { province?: string; includeDiscovered?: boolean }): IterableIterator<unknown> {
    return this.db
      .prepare(
        `SELECT ${columns}
         FROM agencies a
         LEFT JOIN reports r ON r.agency_id = a.id AND r.year = @year
         LEFT JOIN report_key_figures k ON k.report_id = r.id
         WHERE (@all = 1 OR a.discovered = 0)
           AND ${PROVINCE_CONDITION}
         ORDER BY a.division, a.name`,
      )
      .iterate({ year, all: opts.includeDiscovered ? 1 : 0, ...provinceParams(opts.province) });
  }

  countsByState(): Record<string, number> {
    const rows = this.db
      .prepare(
        `SELECT 'agencies' k, count(*) n FROM agencies WHERE discovered = 0
         UNION ALL SELECT 'agencies_discovered', count(*) FROM agencies WHERE discovered = 1
         UNION ALL SELECT 'seed_entries', count(*) FROM seed_entries
         UNION ALL SELECT 'reports', count(*) FROM reports
         UNION ALL SELECT 'urls_' || outcome, count(*) FROM url_state GROUP BY outcome`,
      )
      .all() as { k: string; n: number }[];
    // Files, bytes and files per extraction state in one pass over index files_status_size (three passes over the
    // files before: a count, a sum and a group, a million rows each at national size).
    const files = this.db
      .prepare('SELECT extraction_status AS status, count(*) AS n, coalesce(sum(size), 0) AS bytes FROM files GROUP BY extraction_status')
      .all() as { status: string; n: number; bytes: number }[];
    // In the order status has always printed them: agencies, …, reports, files, bytes, extraction_*, urls_*; the
    // groups by name, as SQLite's grouping returns them (PostgreSQL's in no particular order).
    const byName = <T>(name: (r: T) => string) => (x: T, y: T) => (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : 0);
    files.sort(byName((f) => f.status));
    const [before, urls] = [rows.filter((r) => !r.k.startsWith('urls_')), rows.filter((r) => r.k.startsWith('urls_')).sort(byName((r) => r.k))];
    return Object.fromEntries([
      ...before.map((r) => [r.k, r.n]),
      ['files', files.reduce((sum, f) => sum + f.n, 0)],
      ['bytes', files.reduce((sum, f) => sum + f.bytes, 0)],
      ...files.map((f) => [`extraction_${f.status}`, f.n]),
      ...urls.map((r) => [r.k, r.n]),
    ]) as Record<string, number>;
  }

  /** Hosts whose URLs failed or went missing in the last run that touched them. */
  failingHosts(limit: number): HostFailureRow[] {
    // Only failed and gone URLs are read (index url_state_outcome_host): grouping every URL by host first, as this
    // did before, read the whole url_state table (a million rows at national size) to find a handful of hosts.
    return this.db
      .prepare(
        `SELECT host, sum(outcome = 'failed') AS failed, sum(outcome = 'gone') AS gone,
                (SELECT reason FROM url_state u2 WHERE u2.outcome = 'failed' AND u2.host = u.host ORDER BY u2.fetched_at DESC LIMIT 1) AS last_reason
         FROM url_state u WHERE outcome IN ('failed', 'gone') GROUP BY host ORDER BY failed DESC, gone DESC LIMIT ?`,
      )
      .all(limit) as HostFailureRow[];
  }
}
