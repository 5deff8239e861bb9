/**
 * An extraction run over the catalog: every file due (pending; with retryFailed also failed and needs_ocr) goes
 * through the worker pool. As each file finishes, its result, the best rendition and checks of every report that
 * links it, and the cross-year checks of those reports' agencies are written in one transaction: a kill at any point
 * loses at most the documents in flight, and no statement's parameter count grows with the catalog. Reports left
 * behind by an earlier killed run are caught up first, a page at a time.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { FileExtraction } from '../catalog/extractions.ts';
import type { FileRow } from '../catalog/files.ts';
import { assertFreeSpace } from '../download/durable.ts';
import type { ContentStore } from '../download/content-store.ts';
import { FileStore } from '../download/store.ts';
import { storageFaultOf } from '../errors.ts';
import { crossYearCheck } from './checks.ts';
import { compareRenditions, pickBestRendition } from './renditions.ts';
import { ExtractionPool, type PoolOptions } from './pool.ts';
import type { ExtractionResult, MediaType } from './types.ts';

/** Media types `--only` accepts. */
export const EXTRACTABLE: MediaType[] = ['pdf', 'docx', 'doc', 'xls', 'xlsx', 'ofd', 'odt', 'ods', 'html', 'jpeg', 'png', 'tiff'];

/** Stale reports settled per transaction when catching up. */
const CATCH_UP_PAGE = 500;

export interface ExtractRunOptions {
  retryFailed?: boolean;
  only?: MediaType[];
  pool?: PoolOptions;
  /** A pool kept by the caller (a queue worker's), used and left open; default one made and closed by this run. */
  sharedPool?: ExtractionPool;
  /** Only these files (by sha256), when due: a queue's extract job. Default every file due. */
  sha256s?: string[];
  /** Free bytes the storage's filesystem must keep, checked before each write (config minFreeBytes). Default 0: none. */
  minFreeBytes?: number;
  /** Where the files are read from; default the storage directory's own store. */
  store?: ContentStore;
  /** Told after each file's result and its reports are committed. */
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

/**
 * Runs one extraction. A storage fault (catalog or disk full, below the free-space floor) stops it with a SinkError
 * (exit 5) once the documents in flight are done; what was committed stays, the rest is still pending.
 */
export async function runExtraction(catalog: Catalog, storageDir: string, opts: ExtractRunOptions = {}): Promise<ExtractRunSummary> {
  try {
    return await extractAll(catalog, storageDir, opts);
  } catch (err) {
    throw storageFaultOf(err, catalog.db.name) ?? err;
  }
}

async function extractAll(catalog: Catalog, storageDir: string, opts: ExtractRunOptions): Promise<ExtractRunSummary> {
  const store = opts.store ?? new FileStore(storageDir);
  const byStatus: Record<string, number> = {};
  /** Failing hard checks of every report settled in this run, by report id. */
  const failedChecks = new Map<number, number>();
  const settle = (reports: { id: number; agencyId: number }[]) => {
    const agencies = new Set<number>();
    for (const r of reports) {
      failedChecks.set(r.id, updateReport(catalog, r.id));
      agencies.add(r.agencyId);
    }
    for (const a of agencies) updateCrossYear(catalog, a);
  };

  for (let after = 0; ; ) {
    const stale = catalog.extractions.staleReports(after, CATCH_UP_PAGE);
    if (!stale.length) break;
    await assertFreeSpace(storageDir, opts.minFreeBytes ?? 0);
    catalog.tx(() => settle(stale));
    after = stale[stale.length - 1]!.id;
  }

  // A picture asked for (a queue's extract job for a new file) is read with its page: the page is asked for too.
  const wanted = opts.sha256s ? new Set(opts.sha256s.flatMap((sha) => [sha, ...catalog.extractions.pagesOfPicture(sha)])) : null;
  const allDue = catalog.extractions.due({ retryFailed: opts.retryFailed, mediaTypes: opts.only });
  const due = wanted ? allDue.filter((f) => wanted.has(f.sha256)) : allDue;
  const pool = opts.sharedPool ?? new ExtractionPool(opts.pool);
  let next = 0;
  let fault: unknown = null;
  // Two runners per worker, each taking the next file: while one runner writes its result to the catalog, the other's
  // document is already in the worker, which never waits on the main thread. After a fault no new document starts.
  const runner = async () => {
    while (fault === null && next < due.length) {
      const file: FileRow = due[next++]!;
      // A remote store's file is copied here for the worker (its hash checked) and removed after; a file the store
      // cannot give is that file's failure, with the reason, not the run's.
      // The year of the reports linking the file, when they agree: what 四's year rows are read by when the document
      // names none (ExtractOptions.reportYear).
      const years = new Set(catalog.extractions.reportsOfFile(file.sha256).map((r) => r.year));
      const reportYear = years.size === 1 ? [...years][0] : undefined;
      // A report page's fetched pictures go with it, read where they stand (page-pictures.ts).
      const pictures = file.media_type === 'html' ? catalog.extractions.picturesOfPage(file.sha256) : [];
      const result = await store
        .withLocalFile(file.stored_path, (local) =>
          withLocalFiles(store, pictures.map((p) => p.stored_path), (paths) => {
            const input = { path: local, mediaType: file.media_type as MediaType, ...(pictures.length ? { pictures: pictures.map((p, i) => ({ order: p.order, url: p.url, mediaType: p.media_type as MediaType, path: paths[i]! })) } : {}) };
            return pool.extract(input, { reportYear });
          }),
        )
        .catch((err: unknown): ExtractionResult => ({
          status: 'failed',
          reason: `stored file unreadable: ${(err as Error).message}`,
          extractor: 'store',
          text: '',
          figures: {},
          unreadable: [],
          checks: [],
        }));
      if (fault !== null) return;
      try {
        await assertFreeSpace(storageDir, opts.minFreeBytes ?? 0);
        catalog.tx(() => {
          catalog.extractions.save(file.sha256, result);
          // Each picture's reading is its file's outcome (never extracted alone: Extractions.due).
          for (const r of result.pictures ?? []) {
            const pic = pictures.find((p) => p.order === r.order);
            if (pic) catalog.files.setExtraction(pic.sha256, r.status, r.reason);
          }
          settle(catalog.extractions.reportsOfFile(file.sha256));
        });
      } catch (err) {
        fault ??= err;
        return;
      }
      byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
      opts.onFile?.(file.sha256, result);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(2 * pool.concurrency, Math.max(1, due.length)) }, runner));
  } finally {
    if (!opts.sharedPool) await pool.close();
  }
  if (fault !== null) throw fault;
  const reportsWithFailedChecks = [...failedChecks.values()].filter((n) => n > 0).length;
  return { files: due.length, byStatus, reports: failedChecks.size, reportsWithFailedChecks };
}

/** Several stored files as local paths at once (a remote store's copied here and removed after), in order. */
function withLocalFiles<T>(store: ContentStore, storedPaths: string[], fn: (paths: string[]) => Promise<T>, done: string[] = []): Promise<T> {
  if (done.length === storedPaths.length) return fn(done);
  return store.withLocalFile(storedPaths[done.length]!, (local) => withLocalFiles(store, storedPaths, fn, [...done, local]));
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
