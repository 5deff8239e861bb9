/** Extraction results in the catalog: per file (figures, checks) and per report (best rendition, cross-year checks). */
import type { Statement } from './connection.ts';
import type { Db } from './db.ts';
import type { ExtractionStatus, FileRow } from './files.ts';
import { nowIso } from './time.ts';

export interface CheckRecord {
  rule: string;
  scope: string;
  expected: number | null;
  actual: number | null;
  ok: boolean | null;
}

export interface FileExtraction {
  status: Exclude<ExtractionStatus, 'pending'>;
  reason?: string | null;
  extractor: string;
  template?: '2019' | '2021' | null;
  lowConfidence?: boolean;
  text: string;
  figures: Record<string, number | null>;
  unreadable: string[];
  checks: CheckRecord[];
}

export interface ReportExtraction {
  status: ExtractionStatus;
  reason: string | null;
  bestSha256: string | null;
  template: string | null;
  checksFailed: number;
  checksUncertain: number;
  disagreements: unknown[];
}

/** s3.granted.total → section 3, row granted, column total; s4.review_upheld → section 4, row review_upheld. */
export function splitKey(key: string): { section: string; row: string; col: string | null } {
  const [s, row, col] = key.split('.');
  return { section: (s ?? '').replace(/^s/, ''), row: row ?? '', col: col ?? null };
}

const okValue = (ok: boolean | null) => (ok === null ? null : ok ? 1 : 0);
const okOf = (v: number | null) => (v === null ? null : v === 1);

export class Extractions {
  /** Prepared statements by SQL: settling a report runs a dozen small statements, tens of thousands of times. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Files awaiting extraction (and, on request, those that failed or lacked a tool), optionally of some types. */
  due(opts: { retryFailed?: boolean; mediaTypes?: string[] } = {}): FileRow[] {
    const states = opts.retryFailed ? ['pending', 'failed', 'needs_ocr'] : ['pending'];
    const types = opts.mediaTypes ?? null;
    // A page's content picture is read with its page (extract/page-pictures.ts), not alone: a file linked only as one
    // is never due by itself.
    return (this.stmt(`SELECT * FROM files WHERE extraction_status IN (${states.map(() => '?').join(',')})
         AND NOT (EXISTS (SELECT 1 FROM report_files rf WHERE rf.sha256 = files.sha256 AND rf.picture_order IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM report_files rf WHERE rf.sha256 = files.sha256 AND rf.picture_order IS NULL))
         ORDER BY first_seen_at, sha256`)
      .all(...states) as FileRow[]).filter((f) => !types || types.includes(f.media_type));
  }

  save(sha256: string, r: FileExtraction): void {
    this.db.transaction(() => {
      const now = nowIso();
      this.stmt(
          `INSERT INTO extractions (sha256, status, reason, extractor, template, low_confidence, unreadable, text, extracted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, reason = excluded.reason, extractor = excluded.extractor,
             template = excluded.template, low_confidence = excluded.low_confidence, unreadable = excluded.unreadable,
             text = excluded.text, extracted_at = excluded.extracted_at`,
        )
        .run(sha256, r.status, r.reason ?? null, r.extractor, r.template ?? null, r.lowConfidence ? 1 : 0, JSON.stringify(r.unreadable), r.text, now);
      this.stmt('DELETE FROM figures WHERE sha256 = ?').run(sha256);
      this.stmt('DELETE FROM checks WHERE sha256 = ?').run(sha256);
      const fig = this.stmt('INSERT INTO figures (sha256, key, section, row_key, col_key, value, unreadable) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const unreadable = new Set(r.unreadable);
      for (const [key, value] of Object.entries(r.figures)) {
        const k = splitKey(key);
        fig.run(sha256, key, k.section, k.row, k.col, value, unreadable.has(key) ? 1 : 0);
      }
      const chk = this.stmt(`INSERT INTO checks (sha256, rule, scope, expected, actual, ok) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256, rule, scope) DO UPDATE SET expected = excluded.expected, actual = excluded.actual, ok = excluded.ok`);
      for (const c of r.checks) chk.run(sha256, c.rule, c.scope, c.expected, c.actual, okValue(c.ok));
      this.stmt('UPDATE files SET extraction_status = ?, extraction_reason = ?, extracted_at = ? WHERE sha256 = ?')
        .run(r.status, r.reason ?? null, now, sha256);
      // New figures of a file that is already some report's best rendition change that report's key figures now,
      // in this transaction, whether or not the caller settles the report next.
      for (const rep of this.reportsOfFile(sha256)) this.refreshKeyFigures(rep.id);
    })();
  }

  /**
   * Recomputes a report's row of report_key_figures from what it summarises (the view report_key_figures_source of
   * migration 007). Extraction calls it whenever it writes figures or a report's result; the catalog's triggers do
   * the same for the other writers.
   */
  refreshKeyFigures(reportId: number): void {
    this.stmt('DELETE FROM report_key_figures WHERE report_id = ?').run(reportId);
    this.stmt('INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = ?').run(reportId);
  }

  /** A stored extraction of a file, as saved (without its text). */
  get(sha256: string): (FileExtraction & { sha256: string }) | undefined {
    // Not SELECT *: the document's text (often tens of kB in overflow pages) is not returned, so it is not read.
    const row = this.stmt('SELECT status, reason, extractor, template, low_confidence, unreadable FROM extractions WHERE sha256 = ?').get(sha256) as
      | { status: FileExtraction['status']; reason: string | null; extractor: string; template: '2019' | '2021' | null; low_confidence: number; unreadable: string }
      | undefined;
    if (!row) return undefined;
    const figures = Object.fromEntries(
      (this.stmt('SELECT key, value FROM figures WHERE sha256 = ?').all(sha256) as { key: string; value: number | null }[]).map((f) => [f.key, f.value]),
    );
    const checks = (this.stmt('SELECT rule, scope, expected, actual, ok FROM checks WHERE sha256 = ?').all(sha256) as (Omit<CheckRecord, 'ok'> & { ok: number | null })[]).map(
      (c) => ({ ...c, ok: okOf(c.ok) }),
    );
    return {
      sha256,
      status: row.status,
      reason: row.reason,
      extractor: row.extractor,
      template: row.template,
      lowConfidence: row.low_confidence === 1,
      text: '',
      figures,
      unreadable: JSON.parse(row.unreadable) as string[],
      checks,
    };
  }

  /** Reports that link this file. */
  reportsOfFile(sha256: string): { id: number; agencyId: number; year: number }[] {
    return this.stmt('SELECT DISTINCT r.id, r.agency_id AS agencyId, r.year FROM report_files rf JOIN reports r ON r.id = rf.report_id WHERE rf.sha256 = ? ORDER BY r.id')
      .all(sha256) as { id: number; agencyId: number; year: number }[];
  }

  /**
   * Up to `limit` reports after `afterId` whose per-report result is behind their files: a file of theirs was
   * extracted after the report was last settled (or it never was) — left so by a run killed between the two, or by a
   * crawl that linked an already extracted file to a new report. Paged by id (keyset), so each page reads on from the
   * last and the statement's parameters never grow.
   */
  staleReports(afterId: number, limit: number): { id: number; agencyId: number }[] {
    return this.stmt(
      `SELECT DISTINCT rf.report_id AS id, r.agency_id AS agencyId FROM report_files rf
       JOIN files f ON f.sha256 = rf.sha256
       JOIN reports r ON r.id = rf.report_id
       LEFT JOIN report_extractions re ON re.report_id = rf.report_id
       WHERE rf.report_id > ? AND f.extraction_status <> 'pending' AND (re.report_id IS NULL OR re.updated_at < f.extracted_at)
       ORDER BY rf.report_id LIMIT ?`,
    ).all(afterId, limit) as { id: number; agencyId: number }[];
  }

  /**
   * The content pictures the crawl fetched for a stored report page (by the page file's hash), one per place on the
   * page, in page order: what its extraction reads where each stands.
   */
  picturesOfPage(sha256: string): { order: number; url: string; sha256: string; stored_path: string; media_type: string }[] {
    const rows = this.stmt(
      `SELECT DISTINCT p.picture_order AS "order", p.url, p.sha256, f.stored_path, f.media_type
       FROM report_files pg
       JOIN report_files p ON p.report_id = pg.report_id AND p.source_url = pg.url AND p.picture_order IS NOT NULL
       JOIN files f ON f.sha256 = p.sha256
       WHERE pg.sha256 = ? AND pg.role = 'page' ORDER BY p.picture_order, p.url`,
    ).all(sha256) as { order: number; url: string; sha256: string; stored_path: string; media_type: string }[];
    const seen = new Set<number>();
    return rows.map((r) => ({ ...r, order: Number(r.order) })).filter((r) => !seen.has(r.order) && !!seen.add(r.order));
  }

  /** The stored report pages (by hash) that show this file as a content picture. */
  pagesOfPicture(sha256: string): string[] {
    return (this.stmt(
      `SELECT DISTINCT pg.sha256 FROM report_files p
       JOIN report_files pg ON pg.report_id = p.report_id AND pg.url = p.source_url AND pg.role = 'page'
       WHERE p.sha256 = ? AND p.picture_order IS NOT NULL`,
    ).all(sha256) as { sha256: string }[]).map((r) => r.sha256);
  }

  /** The distinct files of a report, in the order they were linked. */
  filesOfReport(reportId: number): { sha256: string; role: string; media_type: string; extraction_status: ExtractionStatus }[] {
    return this.stmt(
        `SELECT f.sha256, min(rf.role) AS role, f.media_type, f.extraction_status FROM report_files rf JOIN files f ON f.sha256 = rf.sha256
         WHERE rf.report_id = ? GROUP BY f.sha256 ORDER BY min(rf.id)`,
      )
      .all(reportId) as { sha256: string; role: string; media_type: string; extraction_status: ExtractionStatus }[];
  }

  saveReport(reportId: number, r: ReportExtraction): void {
    this.db.transaction(() => {
      this.stmt(
          `INSERT INTO report_extractions (report_id, status, reason, best_sha256, template, checks_failed, checks_uncertain, disagreements, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, best_sha256 = excluded.best_sha256,
             template = excluded.template, checks_failed = excluded.checks_failed, checks_uncertain = excluded.checks_uncertain,
             disagreements = excluded.disagreements, updated_at = excluded.updated_at`,
        )
        .run(reportId, r.status, r.reason, r.bestSha256, r.template, r.checksFailed, r.checksUncertain, JSON.stringify(r.disagreements), nowIso());
      this.refreshKeyFigures(reportId);
    })();
  }

  report(reportId: number): ReportExtraction | undefined {
    const row = this.stmt('SELECT * FROM report_extractions WHERE report_id = ?').get(reportId) as
      | { status: ExtractionStatus; reason: string | null; best_sha256: string | null; template: string | null; checks_failed: number; checks_uncertain: number; disagreements: string }
      | undefined;
    if (!row) return undefined;
    return {
      status: row.status,
      reason: row.reason,
      bestSha256: row.best_sha256,
      template: row.template,
      checksFailed: row.checks_failed,
      checksUncertain: row.checks_uncertain,
      disagreements: JSON.parse(row.disagreements) as unknown[],
    };
  }

  saveReportChecks(reportId: number, rulePrefix: string, checks: CheckRecord[]): void {
    this.db.transaction(() => {
      this.stmt('DELETE FROM report_checks WHERE report_id = ? AND rule LIKE ?').run(reportId, `${rulePrefix}%`);
      const ins = this.stmt(`INSERT INTO report_checks (report_id, rule, scope, expected, actual, ok) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (report_id, rule, scope) DO UPDATE SET expected = excluded.expected, actual = excluded.actual, ok = excluded.ok`);
      for (const c of checks) ins.run(reportId, c.rule, c.scope, c.expected, c.actual, okValue(c.ok));
    })();
  }

  reportChecks(reportId: number): CheckRecord[] {
    return (this.stmt('SELECT rule, scope, expected, actual, ok FROM report_checks WHERE report_id = ? ORDER BY rule, scope').all(reportId) as (Omit<CheckRecord, 'ok'> & { ok: number | null })[]).map(
      (c) => ({ ...c, ok: okOf(c.ok) }),
    );
  }

  /** Reports of the same agency in consecutive years, for the cross-year checks. */
  reportsOfAgency(agencyId: number): { id: number; year: number }[] {
    return this.stmt('SELECT id, year FROM reports WHERE agency_id = ? ORDER BY year').all(agencyId) as { id: number; year: number }[];
  }
}
