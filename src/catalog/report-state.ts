/**
 * The state of a published report as SQL, so the coverage grid, its counts and its filters agree row for row.
 *
 * Timeliness follows 政府信息公开条例 2019 §49 (see src/export/coverage.ts `deadlineFor`, which this mirrors and a test
 * compares against): a report is late when it was *published* after the deadline — by the page's 发布日期, else by
 * the file's own date (the earliest HTTP Last-Modified of its files, in China time) — never because nianbao first saw
 * it late: after a backfill everything is seen late.
 */

/** An HTTP date (IMF-fixdate, "Tue, 21 Jan 2025 08:00:00 GMT") as a China-time calendar date, or NULL. */
export function httpDateToChinaDateSql(col: string): string {
  return `date(substr(${col}, 13, 4) || '-' || printf('%02d', (instr('JanFebMarAprMayJunJulAugSepOctNovDec', substr(${col}, 9, 3)) + 2) / 3)
    || '-' || substr(${col}, 6, 2) || ' ' || substr(${col}, 18, 8), '+8 hours')`;
}

/** The statutory deadline of report `r` of agency `a`: 31 March for people's governments and all reports up to 2018,
 * else 31 January of the next year. Whitespace (ASCII and ideographic) is ignored in the name, as in isGovernment. */
export const DEADLINE_SQL = `((CAST(r.year AS INTEGER) + 1) || CASE WHEN r.year <= 2018
  OR replace(replace(a.name, ' ', ''), '　', '') LIKE '%人民政府' THEN '-03-31' ELSE '-01-31' END)`;

/** The earliest Last-Modified of the report's files (only looked up when the page gives no date). */
export const FILE_DATE_SQL = `(SELECT min(${httpDateToChinaDateSql('u.last_modified')}) FROM report_files rf
  JOIN url_state u ON u.url = rf.url WHERE rf.report_id = r.id AND u.last_modified IS NOT NULL)`;

export interface ReportStateRow {
  report_id: number;
  agency_id: number;
  year: number;
  title: string;
  published_at: string | null;
  first_seen_at: string;
  /** The date that decides lateness: the page's, else the file's own (China time). */
  pub_date: string | null;
  date_source: 'page' | 'file' | null;
  deadline: string;
  late: 0 | 1 | null;
  failing: 0 | 1;
  unreadable: 0 | 1;
  changed: 0 | 1;
  extraction_status: string;
}

/**
 * A subquery of one row per report (ReportStateRow) restricted by `where`, which may use `a` (agencies), `r`
 * (reports) and `x` (report_extractions) and named parameters. `extra` adds columns (e.g. `a.city AS region, `).
 * Counts over many reports read migration 007's summaries instead (report_region_counts): this is per report.
 */
export function reportStatesSql(where: string, extra = ''): string {
  return `SELECT s.*,
      CASE WHEN s.published_at IS NOT NULL THEN 'page' WHEN s.pub_date IS NOT NULL THEN 'file' END AS date_source,
      CASE WHEN s.pub_date IS NULL THEN NULL WHEN s.pub_date > s.deadline THEN 1 ELSE 0 END AS late
    FROM (SELECT ${extra}r.id AS report_id, r.agency_id, r.year, r.title, r.published_at, r.first_seen_at,
        coalesce(r.published_at, ${FILE_DATE_SQL}) AS pub_date,
        ${DEADLINE_SQL} AS deadline,
        coalesce(x.checks_failed, 0) > 0 AS failing,
        -- Unreadable cells make the checks that need them uncertain: the report row says so without a lookup.
        (coalesce(x.status, '') IN ('needs_ocr', 'failed', 'unsupported') OR coalesce(x.checks_uncertain, 0) > 0) AS unreadable,
        EXISTS (SELECT 1 FROM report_files f1 JOIN report_files f2
          ON f2.report_id = f1.report_id AND f2.url = f1.url AND f2.sha256 <> f1.sha256 WHERE f1.report_id = r.id) AS changed,
        coalesce(x.status, 'pending') AS extraction_status
      FROM reports r
      JOIN agencies a ON a.id = r.agency_id
      LEFT JOIN report_extractions x ON x.report_id = r.id
      WHERE ${where}) s`;
}
