/** Reports (one per agency and report year), the pages they were found on, and their files. */
import type { Db } from './db.ts';
import { StatementCache } from './statement-cache.ts';
import { nowIso } from './time.ts';

/** How a report's agency was decided, most specific first (see migration 005). */
export const ATTRIBUTION_VIA = ['title', 'publisher', 'document', 'seed'] as const;
export type AttributionVia = (typeof ATTRIBUTION_VIA)[number];

export interface ReportRow {
  id: number;
  agency_id: number;
  year: number;
  title: string;
  page_url: string;
  published_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  /** NULL for reports found before migration 005. */
  attribution: AttributionVia | null;
}

export interface ReportSighting {
  agencyId: number;
  year: number;
  title: string;
  pageUrl: string;
  listUrl?: string | null;
  seedEntryId?: number | null;
  publisher?: string | null;
  publishedAt?: string | null;
  /** How this sighting's agency was decided. */
  attribution?: AttributionVia | null;
}

/** Whether `via` is more specific than what the report holds (a seed fallback never replaces a name found). */
function moreSpecific(via: AttributionVia | null | undefined, held: AttributionVia | null): boolean {
  if (!via) return false;
  return held === null || ATTRIBUTION_VIA.indexOf(via) < ATTRIBUTION_VIA.indexOf(held);
}

export interface FileLink {
  reportId: number;
  sha256: string;
  url: string;
  fileName: string | null;
  role: 'page' | 'attachment';
  /** The report page that linked the file; the URL itself for a page. */
  sourceUrl: string;
  /** A content picture of the page `sourceUrl`: its place (1, 2, …) among the page's pictures (migration 015). */
  pictureOrder?: number | null;
}

/**
 * The range of page_url values that are parts of a page (`<page>#nianbao-part=…`, crawl/merged-page.ts): a range
 * on the unique index, not a LIKE (URLs hold `%` and `_`).
 */
function partRange(pageUrl: string): [string, string] {
  const page = pageUrl.replace(/#.*$/, '');
  return [`${page}#nianbao-part=`, `${page}#nianbao-part>`];
}

export class Reports {
  // Prepared once per connection: the crawl runs these for every request, and preparing was 3 % of its CPU.
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private stmt(sql: string) {
    return this.statements.get(sql);
  }

  byId(id: number): ReportRow | undefined {
    return this.stmt('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
  }

  byAgencyYear(agencyId: number, year: number): ReportRow | undefined {
    return this.stmt('SELECT * FROM reports WHERE agency_id = ? AND year = ?').get(agencyId, year) as
      | ReportRow
      | undefined;
  }

  /**
   * The report a page URL was already attributed to, if any: the page's own, else the first of the reports its parts
   * were catalogued as (a page holding several units' reports, sourced at `<page>#nianbao-part=…`).
   */
  bySourceUrl(pageUrl: string): ReportRow | undefined {
    return (this.stmt('SELECT r.* FROM report_sources s JOIN reports r ON r.id = s.report_id WHERE s.page_url = ?').get(pageUrl) ??
      this.stmt(`SELECT r.* FROM report_sources s JOIN reports r ON r.id = s.report_id WHERE s.page_url >= ? AND s.page_url < ? ORDER BY s.page_url LIMIT 1`)
        .get(...partRange(pageUrl))) as ReportRow | undefined;
  }

  /**
   * Records that a report page was seen: creates the report on first sight, adds the page as a source, and
   * refreshes last_seen. Returns whether the report and the source are new.
   */
  sight(s: ReportSighting): { report: ReportRow; newReport: boolean; newSource: boolean } {
    return this.db.transaction(() => {
      const now = nowIso();
      let report = this.byAgencyYear(s.agencyId, s.year);
      const newReport = !report;
      if (!report) {
        const info = this.stmt(
            `INSERT INTO reports (agency_id, year, title, page_url, published_at, first_seen_at, last_seen_at, attribution)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          )
          .get(s.agencyId, s.year, s.title, s.pageUrl, s.publishedAt ?? null, now, now, s.attribution ?? null) as { id: number };
        report = this.byId(info.id)!;
      } else if (s.publishedAt && (!report.published_at || s.publishedAt < report.published_at)) {
        // An earlier publication of the same report (the original before a re-post) gives its title and page.
        this.stmt('UPDATE reports SET last_seen_at = ?, published_at = ?, title = ?, page_url = ? WHERE id = ?')
          .run(now, s.publishedAt, s.title, s.pageUrl, report.id);
      } else {
        this.stmt('UPDATE reports SET last_seen_at = ? WHERE id = ?').run(now, report.id);
      }
      if (!newReport && moreSpecific(s.attribution, report.attribution)) {
        this.stmt('UPDATE reports SET attribution = ? WHERE id = ?').run(s.attribution, report.id);
      }
      const existing = this.stmt('SELECT id, report_id FROM report_sources WHERE page_url = ?').get(s.pageUrl) as
        | { id: number; report_id: number }
        | undefined;
      if (existing) {
        this.stmt(
            `UPDATE report_sources SET last_seen_at = ?, report_id = ?, title = ?, publisher = coalesce(?, publisher),
             attribution = coalesce(?, attribution) WHERE id = ?`,
          )
          .run(now, report.id, s.title, s.publisher ?? null, s.attribution ?? null, existing.id);
      } else {
        this.stmt(
            `INSERT INTO report_sources (report_id, page_url, list_url, seed_entry_id, title, publisher, first_seen_at, last_seen_at, attribution)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(report.id, s.pageUrl, s.listUrl ?? null, s.seedEntryId ?? null, s.title, s.publisher ?? null, now, now, s.attribution ?? null);
      }
      return { report: this.byId(report.id)!, newReport, newSource: !existing };
    })();
  }

  /** Links a stored file to a report; returns true when the link is new. */
  linkFile(link: FileLink): boolean {
    const now = nowIso();
    const existing = this.stmt('SELECT id FROM report_files WHERE report_id = ? AND url = ? AND sha256 = ?')
      .get(link.reportId, link.url, link.sha256) as { id: number } | undefined;
    if (existing) {
      // A page edited to move its pictures: the order is the page's as last read.
      this.stmt('UPDATE report_files SET last_seen_at = ?, file_name = coalesce(file_name, ?), picture_order = coalesce(?, picture_order) WHERE id = ?')
        .run(now, link.fileName, link.pictureOrder ?? null, existing.id);
      return false;
    }
    this.stmt(
        `INSERT INTO report_files (report_id, sha256, url, file_name, role, source_url, first_seen_at, last_seen_at, picture_order)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(link.reportId, link.sha256, link.url, link.fileName, link.role, link.sourceUrl, now, now, link.pictureOrder ?? null);
    return true;
  }

  /**
   * How many reports other than `reportId` have the address as a content picture of their page: a picture on many
   * report pages of a site (a banner inside the article template) is its chrome, not a report's table.
   */
  picturedElsewhere(url: string, reportId: number): number {
    const row = this.stmt('SELECT count(DISTINCT report_id) AS n FROM report_files WHERE url = ? AND picture_order IS NOT NULL AND report_id <> ?')
      .get(url, reportId) as { n: number };
    return Number(row.n);
  }

  /** A known report page was seen linked again: refresh last_seen of the source and its report. */
  touchSource(pageUrl: string): void {
    const now = nowIso();
    const [from, to] = partRange(pageUrl);
    this.db.transaction(() => {
      this.stmt('UPDATE report_sources SET last_seen_at = ? WHERE page_url = ?').run(now, pageUrl);
      this.stmt('UPDATE reports SET last_seen_at = ? WHERE id = (SELECT report_id FROM report_sources WHERE page_url = ?)')
        .run(now, pageUrl);
      // The parts of a page holding several reports, each its own report's source.
      this.stmt('UPDATE reports SET last_seen_at = ? WHERE id IN (SELECT report_id FROM report_sources WHERE page_url >= ? AND page_url < ?)').run(now, from, to);
      this.stmt('UPDATE report_sources SET last_seen_at = ? WHERE page_url >= ? AND page_url < ?').run(now, from, to);
    })();
  }

  all(): ReportRow[] {
    return this.stmt('SELECT * FROM reports ORDER BY id').all() as ReportRow[];
  }

  sources(reportId: number): { page_url: string; title: string; list_url: string | null }[] {
    return this.stmt('SELECT page_url, title, list_url FROM report_sources WHERE report_id = ? ORDER BY id')
      .all(reportId) as { page_url: string; title: string; list_url: string | null }[];
  }

  files(reportId: number): { sha256: string; url: string; file_name: string | null; role: string }[] {
    return this.stmt('SELECT sha256, url, file_name, role FROM report_files WHERE report_id = ? ORDER BY id')
      .all(reportId) as { sha256: string; url: string; file_name: string | null; role: string }[];
  }
}
