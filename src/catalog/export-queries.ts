/** Read-only queries behind the CSV exports. */
import type { Db } from './db.ts';
import { PROVINCE_CONDITION, provinceParams } from './region-filter.ts';

/** Who published a report, and where: the first columns of every export. */
export interface ReportColumns {
  agency: string;
  province: string | null;
  city: string | null;
  county: string | null;
  division: string | null;
  year: number;
  title: string;
  report_url: string;
}

/** One row per (report, file link): the columns of `nianbao export`. */
export interface ReportFileExportRow extends ReportColumns {
  file_url: string;
  file_name: string | null;
  role: string;
  sha256: string;
  size: number;
  media_type: string;
  stored_path: string;
  extraction_status: string;
  published_at: string | null;
  first_seen_at: string;
  agency_discovered: number;
  /** How the agency was decided: title | publisher | document | seed (empty for reports older than migration 005). */
  attribution: string | null;
}

export interface ExportFilter {
  /** A province name (江西省, or a prefix such as 江西) or a 2- or 6-digit division code. */
  province?: string;
  year?: number;
}

/** One row per report, with its extraction summary: the base of `export --figures`. */
export interface ReportFigureRow extends ReportColumns {
  report_id: number;
  template: string | null;
  status: string;
  reason: string | null;
  source_sha256: string | null;
  checks_failed: number;
  checks_uncertain: number;
  disagreements: string;
  attribution: string | null;
}

/*
 * Both exports walk agencies in output order (index agencies_region) and each agency's reports and files by index:
 * rows stream with memory bounded by one agency's rows. CROSS JOIN fixes that loop order: without statistics (a
 * catalog is never ANALYZEd) SQLite chose to read report_files first and sort the whole catalog before the first
 * row, holding a million rows in a temp B-tree.
 */
export class ExportQueries {
  constructor(private readonly db: Db) {}

  *reportFigures(filter: ExportFilter = {}): IterableIterator<ReportFigureRow> {
    const stmt = this.db.prepare(`
      SELECT r.id AS report_id, a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
             r.page_url AS report_url, x.template, coalesce(x.status, 'pending') AS status, x.reason,
             x.best_sha256 AS source_sha256, coalesce(x.checks_failed, 0) AS checks_failed,
             coalesce(x.checks_uncertain, 0) AS checks_uncertain, coalesce(x.disagreements, '[]') AS disagreements,
             r.attribution
      FROM agencies a
      CROSS JOIN reports r ON r.agency_id = a.id
      LEFT JOIN report_extractions x ON x.report_id = r.id
      WHERE (@year IS NULL OR r.year = @year)
        AND ${PROVINCE_CONDITION}
      ORDER BY a.province, a.city, a.county, a.name, r.year`);
    yield* stmt.iterate({ year: filter.year ?? null, ...provinceParams(filter.province) }) as IterableIterator<ReportFigureRow>;
  }

  *reportFiles(filter: ExportFilter = {}): IterableIterator<ReportFileExportRow> {
    const stmt = this.db.prepare(`
      SELECT a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
             rf.source_url AS report_url, rf.url AS file_url, rf.file_name, rf.role,
             f.sha256, f.size, f.media_type, f.stored_path, f.extraction_status, r.published_at,
             rf.first_seen_at, a.discovered AS agency_discovered, r.attribution
      FROM agencies a
      CROSS JOIN reports r ON r.agency_id = a.id
      CROSS JOIN report_files rf ON rf.report_id = r.id
      JOIN files f ON f.sha256 = rf.sha256
      WHERE (@year IS NULL OR r.year = @year)
        AND ${PROVINCE_CONDITION}
      ORDER BY a.province, a.city, a.county, a.name, r.year, rf.role DESC, rf.id`);
    yield* stmt.iterate({ year: filter.year ?? null, ...provinceParams(filter.province) }) as IterableIterator<ReportFileExportRow>;
  }
}
