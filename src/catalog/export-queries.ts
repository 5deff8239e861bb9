/** Read-only queries behind the CSV exports. */
import type { Db } from './db.ts';

/** One row per (report, file link): the columns of `nianbao export`. */
export interface ReportFileExportRow {
  agency: string;
  province: string | null;
  city: string | null;
  county: string | null;
  division: string | null;
  year: number;
  title: string;
  report_url: string;
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
}

export interface ExportFilter {
  /** A province name (江西省, or a prefix such as 江西) or a 2- or 6-digit division code. */
  province?: string;
  year?: number;
}

export class ExportQueries {
  constructor(private readonly db: Db) {}

  *reportFiles(filter: ExportFilter = {}): IterableIterator<ReportFileExportRow> {
    const province = filter.province ?? null;
    const code = province && /^\d{2}(\d{4})?$/.test(province) ? province.slice(0, 2) : null;
    const stmt = this.db.prepare(`
      SELECT a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
             rf.source_url AS report_url, rf.url AS file_url, rf.file_name, rf.role,
             f.sha256, f.size, f.media_type, f.stored_path, f.extraction_status, r.published_at,
             rf.first_seen_at, a.discovered AS agency_discovered
      FROM report_files rf
      JOIN reports r ON r.id = rf.report_id
      JOIN agencies a ON a.id = r.agency_id
      JOIN files f ON f.sha256 = rf.sha256
      WHERE (@year IS NULL OR r.year = @year)
        AND (@province IS NULL
             OR (@code IS NOT NULL AND substr(a.division, 1, 2) = @code)
             OR (@code IS NULL AND a.province LIKE @province || '%'))
      ORDER BY a.province, a.city, a.county, a.name, r.year, rf.role DESC, rf.id`);
    yield* stmt.iterate({ year: filter.year ?? null, province, code }) as IterableIterator<ReportFileExportRow>;
  }
}
