/**
 * An extraction run over the catalog: every file due (pending; with retryFailed also failed and needs_ocr) goes
 * through the worker pool, its result is stored, then each affected report takes its figures from its best
 * rendition (disagreements recorded) and the soft cross-year checks are recomputed for its agency.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { FileExtraction } from '../catalog/extractions.ts';
import { FileStore } from '../download/store.ts';
import { crossYearCheck } from './checks.ts';
import { compareRenditions, pickBestRendition } from './renditions.ts';
import { ExtractionPool, type PoolOptions } from './pool.ts';
import type { ExtractionResult, MediaType } from './types.ts';

/** Media types `--only` accepts. */
export const EXTRACTABLE: MediaType[] = ['pdf', 'docx', 'doc', 'xls', 'xlsx', 'ofd', 'odt', 'html', 'jpeg', 'png', 'tiff'];

export interface ExtractRunOptions {
  retryFailed?: boolean;
  only?: MediaType[];
  pool?: PoolOptions;
  onFile?: (sha256: string, result: ExtractionResult) => void;
}

export interface ExtractRunSummary {
  files: number;
  byStatus: Record<string, number>;
  reports: number;
  reportsWithFailedChecks: number;
}

function asResult(r: FileExtraction): ExtractionResult {
  return {
    status: r.status,
    reason: r.reason ?? undefined,
    extractor: r.extractor,
    template: r.template ?? undefined,
    text: r.text,
    figures: r.figures,
    unreadable: r.unreadable,
    checks: r.checks,
    lowConfidence: r.lowConfidence,
  };
}

export async function runExtraction(catalog: Catalog, storageDir: string, opts: ExtractRunOptions = {}): Promise<ExtractRunSummary> {
  const store = new FileStore(storageDir);
  const due = catalog.extractions.due({ retryFailed: opts.retryFailed, mediaTypes: opts.only });
  const byStatus: Record<string, number> = {};
  const pool = new ExtractionPool(opts.pool);
  try {
    await Promise.all(
      due.map(async (file) => {
        const result = await pool.extract({ path: store.absolute(file.stored_path), mediaType: file.media_type as MediaType });
        catalog.extractions.save(file.sha256, result);
        byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
        opts.onFile?.(file.sha256, result);
      }),
    );
  } finally {
    await pool.close();
  }
  const reports = catalog.extractions.reportsOfFiles(due.map((f) => f.sha256));
  let withFailed = 0;
  const agencies = new Set<number>();
  for (const id of reports) {
    if (updateReport(catalog, id) > 0) withFailed += 1;
    const r = catalog.reports.byId(id);
    if (r) agencies.add(r.agency_id);
  }
  for (const a of agencies) updateCrossYear(catalog, a);
  return { files: due.length, byStatus, reports: reports.length, reportsWithFailedChecks: withFailed };
}

/** Chooses the report's best rendition and records it; returns the number of failing hard checks. */
export function updateReport(catalog: Catalog, reportId: number): number {
  const files = catalog.extractions.filesOfReport(reportId);
  const done = files.map((f) => ({ f, x: catalog.extractions.get(f.sha256) })).filter((e) => e.x !== undefined);
  if (!done.length) {
    catalog.extractions.saveReport(reportId, { status: 'pending', reason: null, bestSha256: null, template: null, checksFailed: 0, checksUncertain: 0, disagreements: [] });
    return 0;
  }
  const results = done.map((e) => asResult(e.x!));
  const best = pickBestRendition(results);
  const chosen = results[best]!;
  const disagreements = compareRenditions(results).map((d) => ({
    key: d.key,
    values: d.values.map((v) => ({ sha256: done[v.rendition]!.f.sha256, extractor: v.extractor, value: v.value })),
  }));
  const failed = chosen.checks.filter((c) => c.ok === false).length;
  catalog.extractions.saveReport(reportId, {
    status: chosen.status,
    reason: chosen.reason ?? null,
    bestSha256: done[best]!.f.sha256,
    template: chosen.template ?? null,
    checksFailed: failed,
    checksUncertain: chosen.checks.filter((c) => c.ok === null).length,
    disagreements,
  });
  return failed;
}

/** Soft checks between consecutive years of one agency, stored on the later report. */
export function updateCrossYear(catalog: Catalog, agencyId: number): void {
  const years = catalog.extractions.reportsOfAgency(agencyId);
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1]!;
    const cur = years[i]!;
    if (cur.year !== prev.year + 1) continue;
    const a = catalog.extractions.report(prev.id);
    const b = catalog.extractions.report(cur.id);
    const fa = a?.bestSha256 ? catalog.extractions.get(a.bestSha256) : undefined;
    const fb = b?.bestSha256 ? catalog.extractions.get(b.bestSha256) : undefined;
    if (!fa || !fb) continue;
    const checks = crossYearCheck(fa.figures, fb.figures, { prevUnreadable: fa.unreadable, unreadable: fb.unreadable });
    catalog.extractions.saveReportChecks(cur.id, 'cross_year', checks.map((c) => ({ rule: c.rule, scope: c.scope, expected: c.expected, actual: c.actual, ok: c.ok })));
  }
}
