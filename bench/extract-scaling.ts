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
  /** A pool of one worker as nianbao runs it: with cores to spare, V8 compiles on its background threads (≈ 1.2
   * cores for one worker on text PDFs). */
  oneWorkerDocsPerS: number;
  /** One worker run as each worker of the all-cores pool runs (`--single-threaded`: one core). */
  oneCoreWorkerDocsPerS: number;
  allWorkersDocsPerS: number;
  /** CPU of the pool's process and its workers per document, ms: equal in both means the work itself did not grow. */
  oneWorkerCpuMsPerDoc: number;
  allWorkersCpuMsPerDoc: number;
  /** Share of the measured time the least busy worker of the all-cores pool was working: near 1, the pool kept
   * every worker fed, and what is left between the speedup and the number of cores is the machine's (other load on
   * a shared machine). */
  allWorkersMinBusy: number;
  /** all ÷ one (as run alone). */
  speedup: number;
  /** all ÷ one core's worker: what the added workers bring, the same worker on each core. */
  speedupSameWorker: number;
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

/**
 * Docs/s of `docs` through `pool` for at least `minMs`: two documents per worker always submitted (as the extract
 * run does), so no worker waits at the end of a pass for the slowest document of the others.
 */
async function poolRate(pool: ExtractionPool, docs: ScalingDoc[], minMs: number, warm: boolean): Promise<{ docs: number; docsPerS: number; cpuMsPerDoc: number; minBusy: number }> {
  // Workers start and load their modules, then V8 optimizes the extractors' hot code (a pool of one worker per core
  // compiles on the worker's own thread: src/extract/pool.ts), so the first round passes over the documents three
  // times. Every round passes once before its clock starts: a worker's usage is reported with its answers, so this
  // also makes the readings taken below current, not as of the pool's last round (the other pool's round would
  // count as this one's idle time).
  for (let pass = 0; pass < (warm ? 3 : 1); pass++) await Promise.all(docs.map((d) => pool.extract(d)));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const elu0 = pool.utilization();
  const workerCpu = (us: { cpuMs: number }[]) => us.reduce((a, u) => a + u.cpuMs, 0);
  let n = 0;
  let next = 0;
  const runner = async () => {
    // At least one pass over the documents, then on until the time is up.
    while (next < docs.length || performance.now() - t0 < minMs) {
      await pool.extract(docs[next++ % docs.length]!);
      n++;
    }
  };
  await Promise.all(Array.from({ length: 2 * pool.concurrency }, runner));
  const cpu = process.cpuUsage(cpu0);
  const elu1 = pool.utilization();
  const cpuMs = (cpu.user + cpu.system) / 1000 + workerCpu(elu1) - workerCpu(elu0);
  const busy = elu1.map((u, i) => {
    const a = u.active - (elu0[i]?.active ?? 0);
    const idle = u.idle - (elu0[i]?.idle ?? 0);
    return a / Math.max(1e-9, a + idle);
  });
  return { docs: n, docsPerS: n / ((performance.now() - t0) / 1000), cpuMsPerDoc: cpuMs / n, minBusy: Math.min(...busy) };
}

/**
 * One worker against one per core on the same documents. Measured in alternating rounds (one, one on one core, all,
 * one…) with the pools kept warm, so a burst of other work on a shared machine hits every side alike; rates are over
 * all rounds. A worker alone lets V8 compile on another core; the all-cores pool's workers do not (src/extract/pool.ts),
 * so one worker is measured both ways.
 */
export async function poolScaling(docs: ScalingDoc[], minMs: number, cores = os.availableParallelism(), rounds = 4): Promise<PoolScaling> {
  const one = new ExtractionPool({ concurrency: 1 });
  const oneCore = new ExtractionPool({ concurrency: 1, singleThreaded: true });
  const all = new ExtractionPool({ concurrency: cores });
  const total = (rs: Awaited<ReturnType<typeof poolRate>>[]) => {
    const secs = rs.reduce((a, r) => a + r.docs / r.docsPerS, 0);
    const docsN = rs.reduce((a, r) => a + r.docs, 0);
    return { docsPerS: docsN / secs, cpuMsPerDoc: rs.reduce((a, r) => a + r.cpuMsPerDoc * r.docs, 0) / docsN, minBusy: Math.min(...rs.map((r) => r.minBusy)) };
  };
  try {
    const ones: Awaited<ReturnType<typeof poolRate>>[] = [];
    const oneCores: Awaited<ReturnType<typeof poolRate>>[] = [];
    const alls: Awaited<ReturnType<typeof poolRate>>[] = [];
    for (let r = 0; r < rounds; r++) {
      ones.push(await poolRate(one, docs, minMs / rounds, r === 0));
      oneCores.push(await poolRate(oneCore, docs, minMs / rounds, r === 0));
      alls.push(await poolRate(all, docs, minMs / rounds, r === 0));
    }
    const o = total(ones);
    const oc = total(oneCores);
    const a = total(alls);
    return {
      documents: docs.length, cores,
      oneWorkerDocsPerS: round(o.docsPerS), oneCoreWorkerDocsPerS: round(oc.docsPerS), allWorkersDocsPerS: round(a.docsPerS),
      speedup: round(a.docsPerS / o.docsPerS), speedupSameWorker: round(a.docsPerS / oc.docsPerS),
      oneWorkerCpuMsPerDoc: round(o.cpuMsPerDoc, 0), allWorkersCpuMsPerDoc: round(a.cpuMsPerDoc, 0),
      allWorkersMinBusy: round(a.minBusy),
    };
  } finally {
    await Promise.all([one.close(), oneCore.close(), all.close()]);
  }
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
