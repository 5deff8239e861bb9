/** Read-only queries behind the CSV exports. */
import type { Statement } from './connection.ts';
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
  /** A content picture's place among its page's pictures (migration 015); null for pages and attachments. */
  picture_order: number | null;
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

/**
 * The figures of one report's best rendition packed into one string (key US value RS key US value …), kept on the
 * report's row by migration 009 (report_extractions.rendition_figures): only an integer-valued figure is written as
 * text by SQLite (its integer, which is what JS writes for it too); any other value is written as
 * FIGURE_NEEDS_NUMBER and the exporter reads that rendition's figures as numbers.
 */
export const FIGURE_UNIT = '\x1f';
export const FIGURE_RECORD = '\x1e';
export const FIGURE_NEEDS_NUMBER = 'n';

/**
 * One row per report, as arrays in this column order (the first twelve are export --figures' first columns): the
 * figures export reads it with `.raw(true)`.
 */
export const FIGURE_EXPORT_ROW = [
  'agency', 'province', 'city', 'county', 'division', 'year', 'template', 'status', 'source_sha256', 'title', 'report_url', 'reason',
  'attribution', 'report_id', 'has_extraction', 'low_confidence', 'unreadable', 'disagreements', 'verdicts', 'failing', 'has_report_checks', 'figures',
] as const;

/*
 * Both exports walk agencies in output order (index agencies_region) and each agency's reports and files by index:
 * rows stream with memory bounded by one agency's rows. CROSS JOIN fixes that loop order: without statistics (a
 * catalog is never ANALYZEd) SQLite chose to read report_files first and sort the whole catalog before the first
 * row, holding a million rows in a temp B-tree. a.id after a.name (the rowid agencies_region ends with) lets every
 * row come in order from the indices, no sort at all: agencies of one name in one county are rare (names are
 * unique but for normalisation), and their rows now come agency by agency.
 *
 * `export` joins each link to its file by the integer key of migration 010 (one search of the files table), not
 * by hash (a search of the hash index, then of the table, in random order over a million files), and takes a
 * report's links in order from report_files_export.
 */
const REPORT_FILES_SQL = `
  SELECT a.name AS agency, a.province, a.city, a.county, a.division, r.year, r.title,
         rf.source_url AS report_url, rf.url AS file_url, rf.file_name, f.sha256, f.size, f.media_type, f.stored_path,
         f.extraction_status, r.published_at, rf.first_seen_at, rf.role, a.discovered AS agency_discovered, r.attribution,
         rf.picture_order
  FROM agencies a
  CROSS JOIN reports r ON r.agency_id = a.id
  CROSS JOIN report_files rf ON rf.report_id = r.id
  JOIN files f ON f.id = rf.file_id
  WHERE (CAST(@year AS INTEGER) IS NULL OR r.year = @year)
    AND ${PROVINCE_CONDITION}
  ORDER BY a.province, a.city, a.county, a.name, a.id, r.year, rf.role DESC, rf.id`;

// The same reports in the same order as reportFigures, with what the figures export needs of each in its own row:
// what migration 009 keeps on report_extractions of the best rendition (its extraction's flags, its checks' verdicts
// per rule, its packed figures), read by the report's id instead of three look-ups by file hash per report.
const FIGURE_EXPORT_SQL = `
  SELECT a.name AS agency, a.province, a.city, a.county, a.division, r.year, x.template,
         coalesce(x.status, 'pending') AS status, x.best_sha256 AS source_sha256, r.title, r.page_url AS report_url,
         x.reason, r.attribution, r.id AS report_id, coalesce(x.rendition_extracted, 0) AS has_extraction,
         x.rendition_low_confidence AS low_confidence, x.rendition_unreadable AS unreadable,
         coalesce(x.disagreements, '[]') AS disagreements, x.rendition_verdicts AS verdicts, x.rendition_failing AS failing,
         EXISTS (SELECT 1 FROM report_checks rc WHERE rc.report_id = r.id) AS has_report_checks,
         x.rendition_figures AS figures
  FROM agencies a
  CROSS JOIN reports r ON r.agency_id = a.id
  LEFT JOIN report_extractions x ON x.report_id = r.id
  WHERE (CAST(@year AS INTEGER) IS NULL OR r.year = @year)
    AND ${PROVINCE_CONDITION}
  ORDER BY a.province, a.city, a.county, a.name, a.id, r.year`;

/**
 * Page cache of the connection while `export` streams (KiB, as PRAGMA cache_size takes it when negative). It
 * looks a file up for every row: by hash (before migration 010) that was all over the catalog, and with SQLite's
 * default 2 MiB nearly every look-up was a read() of the file (half the export's system time); by file id the
 * look-ups of one agency are close together, but agencies are not stored in export order. Bounded, so memory stays
 * flat.
 */
const EXPORT_CACHE_KIB = 64 * 1024;

export class ExportQueries {
  /** Prepared once: the figures export asks it for every report with checks. */
  private checksOfFile: Statement | undefined;

  constructor(private readonly db: Db) {}

  /** Iterates `rows` with the export's page cache, restoring the connection's own when done or abandoned. */
  private *withExportCache<T>(rows: () => IterableIterator<T>): IterableIterator<T> {
    const before = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
    try {
      yield* rows();
    } finally {
      this.db.pragma(`cache_size = ${before}`);
    }
  }

  private params(filter: ExportFilter): Record<string, unknown> {
    return { year: filter.year ?? null, ...provinceParams(filter.province) };
  }

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
      WHERE (CAST(@year AS INTEGER) IS NULL OR r.year = @year)
        AND ${PROVINCE_CONDITION}
      ORDER BY a.province, a.city, a.county, a.name, a.id, r.year`);
    yield* stmt.iterate(this.params(filter)) as IterableIterator<ReportFigureRow>;
  }

  /**
   * The rows of `export --figures` as arrays in FIGURE_EXPORT_ROW's order (no object per row). Throws if the
   * statement's columns ever drift from that order.
   */
  figureExportRows(filter: ExportFilter = {}): IterableIterator<unknown[]> {
    const stmt = this.db.prepare(FIGURE_EXPORT_SQL);
    stmt.raw(true); // not chained: raw() returns the statement itself, and the benchmarks watch the one prepare returned
    assertColumns(stmt.columns().map((c) => c.name), FIGURE_EXPORT_ROW);
    // No larger page cache: this walk reads by report id, close to the order rows are stored in.
    return stmt.iterate(this.params(filter)) as IterableIterator<unknown[]>;
  }

  /** A file's check rows as arrays (rule, scope, expected, actual, ok), in the order Extractions.get returns them. */
  fileChecks(sha256: string): unknown[][] {
    if (!this.checksOfFile) {
      this.checksOfFile = this.db.prepare('SELECT rule, scope, expected, actual, ok FROM checks WHERE sha256 = ? ORDER BY rule, scope');
      this.checksOfFile.raw(true);
    }
    return this.checksOfFile.all(sha256) as unknown[][];
  }

  *reportFiles(filter: ExportFilter = {}): IterableIterator<ReportFileExportRow> {
    yield* this.db.prepare(REPORT_FILES_SQL).iterate(this.params(filter)) as IterableIterator<ReportFileExportRow>;
  }

  /**
   * The rows of `nianbao export` as arrays whose cells are in `columns`' order (the CSV's), without an object per
   * row. Throws if the statement's columns are not exactly those.
   */
  reportFileRows(columns: readonly string[], filter: ExportFilter = {}): IterableIterator<unknown[]> {
    const stmt = this.db.prepare(REPORT_FILES_SQL);
    stmt.raw(true);
    assertColumns(stmt.columns().map((c) => c.name), columns);
    return this.withExportCache(() => stmt.iterate(this.params(filter)) as IterableIterator<unknown[]>);
  }
}

function assertColumns(actual: string[], expected: readonly string[]): void {
  if (actual.join(',') !== expected.join(',')) {
    throw new Error(`export statement's columns (${actual.join(', ')}) are not the export's (${expected.join(', ')})`);
  }
}
