/** Read-only queries behind the web view's report, agency, overview and search pages. */
import type { Db } from './db.ts';
import type { ReportFileExportRow, ReportFigureRow } from './export-queries.ts';
import { keyFigureColumn, type KeyFigure } from './key-figures.ts';
import { reportStatesSql, type ReportStateRow } from './report-state.ts';

export interface ReportSourceView {
  page_url: string;
  list_url: string | null;
  title: string;
  publisher: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

/** One (URL, bytes) version of a report's file, with what the last fetch of that URL said. */
export interface ReportFileView {
  sha256: string;
  url: string;
  file_name: string | null;
  role: string;
  source_url: string;
  first_seen_at: string;
  last_seen_at: string;
  size: number;
  media_type: string;
  extraction_status: string;
  extraction_reason: string | null;
  template: string | null;
  /** The last outcome of the URL (ok, not_modified, gone, failed, …); null when never fetched on its own. */
  url_outcome: string | null;
  /** The bytes last stored from the URL: a different sha256 means this version was replaced. */
  url_sha256: string | null;
  url_fetched_at: string | null;
}

export interface RunEventView {
  run_id: number;
  at: string;
  kind: string;
  url: string | null;
  sha256: string | null;
  detail: string | null;
}

export interface AgencyYearView extends ReportStateRow {
  template: string | null;
  best_sha256: string | null;
}

export type AgencyKeyFiguresRow = { year: number } & Record<KeyFigure['id'], number | null>;

export interface ProvinceFigureRow {
  province: string | null;
  year: number;
  reports: number;
  value: number | null;
}

/** The overview's cards: the same names and meanings as `nianbao status` counts (StatusQueries.countsByState). */
export interface OverviewTotals {
  agencies: number;
  agencies_discovered: number;
  reports: number;
  files: number;
  bytes: number;
  extraction_extracted: number;
  extraction_needs_ocr: number;
}

export interface SeedHealthRow {
  id: number;
  url: string;
  agency_id: number;
  agency: string;
  family: string;
  detected_family: string | null;
  last_crawled_at: string | null;
  outcome: string | null;
  status: number | null;
  reason: string | null;
}

export interface SearchAgencyRow {
  id: number;
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  level: string | null;
  discovered: number;
  /** The alias that matched, when the match was not on the current name. */
  matched_alias: string | null;
  reports: number;
}

export interface SearchReportRow {
  id: number;
  agency_id: number;
  agency: string;
  year: number;
  title: string;
  published_at: string | null;
}

/** Escapes LIKE wildcards so a search for "100%" finds that text. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ViewQueries {
  constructor(private readonly db: Db) {}

  reportState(reportId: number): ReportStateRow | undefined {
    return this.db.prepare(reportStatesSql('r.id = @id')).get({ id: reportId }) as ReportStateRow | undefined;
  }

  sources(reportId: number): ReportSourceView[] {
    return this.db
      .prepare('SELECT page_url, list_url, title, publisher, first_seen_at, last_seen_at FROM report_sources WHERE report_id = ? ORDER BY id')
      .all(reportId) as ReportSourceView[];
  }

  files(reportId: number): ReportFileView[] {
    return this.db
      .prepare(
        `SELECT rf.sha256, rf.url, rf.file_name, rf.role, rf.source_url, rf.first_seen_at, rf.last_seen_at,
                f.size, f.media_type, f.extraction_status, f.extraction_reason, e.template,
                u.outcome AS url_outcome, u.sha256 AS url_sha256, u.fetched_at AS url_fetched_at
         FROM report_files rf
         JOIN files f ON f.sha256 = rf.sha256
         LEFT JOIN extractions e ON e.sha256 = rf.sha256
         LEFT JOIN url_state u ON u.url = rf.url
         WHERE rf.report_id = ? ORDER BY rf.role DESC, rf.url, rf.first_seen_at`,
      )
      .all(reportId) as ReportFileView[];
  }

  /** What runs recorded about this report or its URLs. */
  events(reportId: number, limit = 100): RunEventView[] {
    return this.db
      .prepare(
        `SELECT run_id, at, kind, url, sha256, detail FROM run_events
         WHERE report_id = @id OR url IN (SELECT url FROM report_files WHERE report_id = @id UNION SELECT page_url FROM report_sources WHERE report_id = @id)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({ id: reportId, limit }) as RunEventView[];
  }

  /** A run's events, newest last, with the report each names. */
  runEvents(runId: number, limit: number): (RunEventView & { report_id: number | null; host: string | null })[] {
    return this.db
      .prepare('SELECT run_id, at, kind, host, url, report_id, sha256, detail FROM run_events WHERE run_id = ? ORDER BY id LIMIT ?')
      .all(runId, limit) as (RunEventView & { report_id: number | null; host: string | null })[];
  }

  /** Every report of an agency, oldest first, with its state. */
  agencyYears(agencyId: number): AgencyYearView[] {
    return this.db
      .prepare(
        `SELECT s.*, x.template, x.best_sha256 FROM (${reportStatesSql('r.agency_id = @id')}) s
         LEFT JOIN report_extractions x ON x.report_id = s.report_id ORDER BY s.year`,
      )
      .all({ id: agencyId }) as AgencyYearView[];
  }

  /** The key figures of an agency's reports by year (report_key_figures: null where a figure is unknown). */
  agencyKeyFigures(agencyId: number): AgencyKeyFiguresRow[] {
    return this.db
      .prepare('SELECT year, new_received, granted, review, litigation FROM report_key_figures WHERE agency_id = ? ORDER BY year')
      .all(agencyId) as AgencyKeyFiguresRow[];
  }

  /**
   * The overview's totals from the summaries of migration 007 (report_region_counts, file_counts) and the agencies'
   * origin index: a few hundred small rows, where counting files and reports read a million index entries.
   */
  overviewTotals(): OverviewTotals {
    const agencies = this.db.prepare('SELECT discovered, count(*) AS n FROM agencies GROUP BY discovered').all() as { discovered: number; n: number }[];
    const reports = (this.db.prepare('SELECT coalesce(sum(reports), 0) AS n FROM report_region_counts').get() as { n: number }).n;
    const files = this.db.prepare('SELECT extraction_status AS status, files, bytes FROM file_counts').all() as { status: string; files: number; bytes: number }[];
    const byStatus = (s: string) => files.find((f) => f.status === s)?.files ?? 0;
    return {
      agencies: agencies.find((a) => a.discovered === 0)?.n ?? 0,
      agencies_discovered: agencies.find((a) => a.discovered === 1)?.n ?? 0,
      reports,
      files: files.reduce((n, f) => n + f.files, 0),
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      extraction_extracted: byStatus('extracted'),
      extraction_needs_ocr: byStatus('needs_ocr'),
    };
  }

  /** Reports per year, and how many have figures (from the counts per region and year, migration 007). */
  reportsPerYear(): { year: number; reports: number; extracted: number; failing: number }[] {
    return this.db
      .prepare(
        `SELECT year, sum(reports) AS reports, sum(extracted) AS extracted, sum(failing) AS failing
         FROM report_region_counts GROUP BY year HAVING sum(reports) > 0 ORDER BY year`,
      )
      .all() as { year: number; reports: number; extracted: number; failing: number }[];
  }

  /**
   * A key figure summed over each province's reports, per year, with how many reports have it (a report whose
   * figure is unknown, i.e. any of its keys missing or unreadable, is left out of both).
   */
  provinceFigure(figure: KeyFigure): ProvinceFigureRow[] {
    // The column is one of four fixed names (KeyFigure['id']), never text from a request.
    const col = keyFigureColumn(figure);
    return this.db
      .prepare(
        `SELECT nullif(province, '') AS province, year, sum(${col}_reports) AS reports, sum(${col}) AS value
         FROM report_region_counts GROUP BY 1, 2 HAVING sum(${col}_reports) > 0 ORDER BY 1, 2`,
      )
      .all() as ProvinceFigureRow[];
  }

  /** Seed entries with the last fetch of their URL, failing ones first. */
  seedHealth(limit: number): SeedHealthRow[] {
    return this.db
      .prepare(
        `SELECT s.id, s.url, s.agency_id, a.name AS agency, s.family, s.detected_family, s.last_crawled_at,
                u.outcome, u.status, u.reason
         FROM seed_entries s JOIN agencies a ON a.id = s.agency_id LEFT JOIN url_state u ON u.url = s.url
         ORDER BY CASE WHEN u.outcome IN ('failed', 'gone') THEN 0 WHEN u.outcome IS NULL THEN 1 ELSE 2 END, s.last_crawled_at, s.id
         LIMIT ?`,
      )
      .all(limit) as SeedHealthRow[];
  }

  seedCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM seed_entries').get() as { n: number }).n;
  }

  searchAgencies(q: string, limit: number): SearchAgencyRow[] {
    return this.db
      .prepare(
        `SELECT a.id, a.name, a.province, a.city, a.county, a.level, a.discovered, m.alias AS matched_alias,
                (SELECT count(*) FROM reports r WHERE r.agency_id = a.id) AS reports
         FROM (SELECT id AS agency_id, NULL AS alias FROM agencies WHERE name LIKE @q ESCAPE '\\'
               UNION SELECT agency_id, min(alias) FROM agency_aliases WHERE alias LIKE @q ESCAPE '\\' GROUP BY agency_id) m
         JOIN agencies a ON a.id = m.agency_id
         GROUP BY a.id ORDER BY a.division, a.name LIMIT @limit`,
      )
      .all({ q: likePattern(q), limit }) as SearchAgencyRow[];
  }

  searchReports(q: string, limit: number): SearchReportRow[] {
    return this.db
      .prepare(
        `SELECT r.id, r.agency_id, a.name AS agency, r.year, r.title, r.published_at FROM reports r JOIN agencies a ON a.id = r.agency_id
         WHERE r.title LIKE @q ESCAPE '\\'
         ORDER BY r.year DESC, a.division, a.name LIMIT @limit`,
      )
      .all({ q: likePattern(q), limit }) as SearchReportRow[];
  }

  /** The rows of `nianbao export` for these reports (same columns, same order). */
  reportFileExportRows(reportIds: number[]): ReportFileExportRow[] {
    return this.db
      .prepare(
        `SELECT a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
                rf.source_url AS report_url, rf.url AS file_url, rf.file_name, rf.role,
                f.sha256, f.size, f.media_type, f.stored_path, f.extraction_status, r.published_at,
                rf.first_seen_at, a.discovered AS agency_discovered, r.attribution, rf.picture_order
         FROM report_files rf
         JOIN reports r ON r.id = rf.report_id
         JOIN agencies a ON a.id = r.agency_id
         JOIN files f ON f.sha256 = rf.sha256
         WHERE r.id IN (SELECT value FROM json_each(@ids))
         ORDER BY a.province, a.city, a.county, a.name, r.year, rf.role DESC, rf.id`,
      )
      .all({ ids: JSON.stringify(reportIds) }) as ReportFileExportRow[];
  }

  /** The base rows of `nianbao export --figures` for these reports. */
  reportFigureRows(reportIds: number[]): ReportFigureRow[] {
    return this.db
      .prepare(
        `SELECT r.id AS report_id, a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
                r.page_url AS report_url, x.template, coalesce(x.status, 'pending') AS status, x.reason,
                x.best_sha256 AS source_sha256, coalesce(x.checks_failed, 0) AS checks_failed,
                coalesce(x.checks_uncertain, 0) AS checks_uncertain, coalesce(x.disagreements, '[]') AS disagreements,
                r.attribution
         FROM reports r JOIN agencies a ON a.id = r.agency_id LEFT JOIN report_extractions x ON x.report_id = r.id
         WHERE r.id IN (SELECT value FROM json_each(@ids))
         ORDER BY a.province, a.city, a.county, a.name, r.year`,
      )
      .all({ ids: JSON.stringify(reportIds) }) as ReportFigureRow[];
  }
}
