/**
 * Does extraction use every core? Three figures for bench/extract.ts:
 * - text PDFs through ExtractionPool with one worker, and with one per core: docs/s and their ratio (issue 12
 *   wants ≥ 1.7× on 2 cores);
 * - OCR: scanned pages/s through the pool (one worker per core, nianbao's cell-by-cell OCR with its voting passes)
 *   beside the `tesseract` CLI reading the same rendered pages whole (one process per core, one thread each), as a
 *   ratio: what nianbao's care for figures costs against plain OCR;
 * - a national backfill's extraction time projected from the measured rates (the format mix is an assumption,
 *   stated with it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ExtractionPool } from '../src/extract/pool.ts';
import type { MediaType } from '../src/extract/types.ts';

const exec = promisify(execFile);

export interface ScalingDoc {
  path: string;
  mediaType: MediaType;
}

export interface PoolScaling {
  documents: number;
  cores: number;
  oneWorkerDocsPerS: number;
  allWorkersDocsPerS: number;
  /** all ÷ one. */
  speedup: number;
}

export interface OcrComparison {
  pages: number;
  workers: number;
  nianbaoPagesPerS: number;
  tesseractPagesPerS: number;
  /** nianbao ÷ tesseract. */
  ratio: number;
}

export interface BackfillProjection {
  reports: number;
  /** Assumed share of reports by what extraction reads, and pages per scan. */
  mix: { textPdf: number; office: number; html: number; scan: number; scanPages: number };
  hours: number;
  /** Share of the hours spent on OCR. */
  ocrShare: number;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Docs/s of `docs` through `pool`, every document of a pass in flight at once, passes repeated for `minMs`. */
async function poolRate(pool: ExtractionPool, docs: ScalingDoc[], minMs: number): Promise<number> {
  const pass = () => Promise.all(docs.map((d) => pool.extract(d)));
  await pass(); // workers start and load their modules
  const t0 = performance.now();
  let n = 0;
  do {
    await pass();
    n += docs.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

/**
 * One worker against one per core on the same documents. Each pass holds `cores` copies of the list, so both pools
 * always have a document waiting and neither waits on the slowest document of a pass.
 */
export async function poolScaling(docs: ScalingDoc[], minMs: number, cores = os.availableParallelism()): Promise<PoolScaling> {
  const work = Array.from({ length: Math.max(2, cores) }, () => docs).flat();
  const rate = async (concurrency: number) => {
    const pool = new ExtractionPool({ concurrency });
    try {
      return await poolRate(pool, work, minMs);
    } finally {
      await pool.close();
    }
  };
  const one = await rate(1);
  const all = await rate(cores);
  return { documents: docs.length, cores, oneWorkerDocsPerS: round(one), allWorkersDocsPerS: round(all), speedup: round(all / one) };
}

/** Runs `jobs` with at most `limit` at once. */
async function limited(jobs: (() => Promise<unknown>)[], limit: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) await jobs[next++]!();
  }));
}

/**
 * OCR of one scanned PDF, `cores` copies at once through the pool, against `tesseract -l chi_sim --psm 6` on its
 * pages rendered as nianbao renders them (pdftoppm, 200 dpi, grey), `cores` processes at once.
 */
export async function ocrComparison(scan: ScalingDoc, cores = os.availableParallelism()): Promise<OcrComparison> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-ocr-'));
  try {
    await exec('pdftoppm', ['-r', '200', '-gray', scan.path, path.join(dir, 'p')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.pgm')).map((f) => path.join(dir, f));
    const copies = Math.max(2, cores);

    const pool = new ExtractionPool({ concurrency: cores });
    let nianbaoS: number;
    try {
      await pool.extract(scan); // warm-up: worker start, tesseract's language data in the page cache
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: copies }, () => pool.extract(scan)));
      nianbaoS = (performance.now() - t0) / 1000;
      const bad = results.find((r) => r.status === 'failed' || r.status === 'needs_ocr');
      if (bad) throw new Error(`OCR bench: the scan was not read (${bad.status}: ${bad.reason ?? ''})`);
    } finally {
      await pool.close();
    }

    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const tess = (page: string) => () => exec('tesseract', [page, 'stdout', '-l', 'chi_sim', '--psm', '6'], { env, maxBuffer: 16 * 1024 * 1024 });
    await tess(pages[0]!)();
    const t1 = performance.now();
    await limited(Array.from({ length: copies }, () => pages.map(tess)).flat(), cores);
    const tesseractS = (performance.now() - t1) / 1000;

    const n = pages.length * copies;
    return { pages: n, workers: cores, nianbaoPagesPerS: round(n / nianbaoS, 3), tesseractPagesPerS: round(n / tesseractS, 3), ratio: round(nianbaoS > 0 ? tesseractS / nianbaoS : 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A national backfill (600k reports) at the measured pool rates. The mix is assumed, from what portals publish
 * (docs/SCALING.md): most reports a text PDF, some Word or HTML only, 5 % scans of about 4 pages.
 */
export function projectBackfill(rates: { textPdfDocsPerS: number; officeDocsPerS: number; htmlDocsPerS: number; ocrPagesPerS: number }, reports = 600_000): BackfillProjection {
  const mix = { textPdf: 0.7, office: 0.15, html: 0.1, scan: 0.05, scanPages: 4 };
  const ocrS = (reports * mix.scan * mix.scanPages) / rates.ocrPagesPerS;
  const restS = (reports * mix.textPdf) / rates.textPdfDocsPerS + (reports * mix.office) / rates.officeDocsPerS + (reports * mix.html) / rates.htmlDocsPerS;
  return { reports, mix, hours: round((ocrS + restS) / 3600, 1), ocrShare: round(ocrS / (ocrS + restS)) };
}
