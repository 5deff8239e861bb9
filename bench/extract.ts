/**
 * Extraction bench on the document corpus (test/fixtures/docs): documents per second per format, in one warm
 * process and through ExtractionPool, peak RSS per format in a fresh child process, and `pdftotext -layout` on the
 * same PDFs (speed, and whether its text holds the table rows at all).
 *
 *   node bin/run-ts.mjs bench/extract.ts [--quick]   # writes bench/results/extract-<date>.json, prints the table
 *
 * `runExtractBench({ quick })` is what bench/run.ts calls; `--child FORMAT` is the child process's entry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractDocument, sniffMediaType, type ExtractionResult } from '../src/extract/index.ts';
import { ExtractionPool } from '../src/extract/pool.ts';
import type { MediaType } from '../src/extract/types.ts';
import { pdftotextRows, type RowCoverage } from './extract-pdftotext.ts';
import { ocrComparison, poolScaling, projectBackfill, type BackfillProjection, type OcrComparison, type PoolScaling } from './extract-scaling.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DOCS = path.join(ROOT, 'test/fixtures/docs');

interface Doc {
  file: string;
  path: string;
  mediaType: MediaType;
  expected: Record<string, number | null>;
}

/** The corpus by bench format: manifest formats, with the scan apart (OCR is another order of speed). */
function corpus(): Map<string, Doc[]> {
  const manifest = JSON.parse(readFileSync(path.join(DOCS, 'manifest.json'), 'utf8')) as { file: string; expected: string; format: string; variant: string }[];
  const byFormat = new Map<string, Doc[]>();
  for (const e of manifest) {
    const full = path.join(DOCS, e.file);
    const format = e.variant === 'scan' ? 'pdf-scan' : e.format;
    const expected = (JSON.parse(readFileSync(path.join(DOCS, e.expected), 'utf8')) as { figures: Record<string, number | null> }).figures;
    const list = byFormat.get(format) ?? [];
    list.push({ file: e.file, path: full, mediaType: sniffMediaType(readFileSync(full), { fileName: e.file }), expected });
    byFormat.set(format, list);
  }
  return byFormat;
}

export interface FormatResult {
  format: string;
  documents: number;
  /** Cells exact / cells expected, over one pass (the figures are the same on every pass). */
  cellsExact: number;
  cells: number;
  /** Sequential extractDocument calls in this (warm) process. */
  warmDocsPerS: number;
  /** The same documents through ExtractionPool (worker threads). */
  poolDocsPerS: number;
  /**
   * Peak RSS of a fresh process extracting every document of the format once: itself, and with its child programs.
   * Null in a quick run but for its first format (a fresh process per format is most of a quick run's time).
   */
  peakRssMiB: number | null;
  peakRssTreeMiB: number | null;
}

export interface PdftotextResult {
  documents: number;
  docsPerS: number;
  /** Section-三 rows whose seven figures appear, in order, on one line of pdftotext's output. */
  rows: RowCoverage;
  /** The same PDFs' rows read exactly by nianbao. */
  nianbaoRows: RowCoverage;
}

export interface ExtractBenchResult {
  date: string;
  quick: boolean;
  durationS: number;
  machine: { cpu: string; cores: number; node: string; loadAverage: number };
  poolConcurrency: number;
  formats: FormatResult[];
  pdftotext: PdftotextResult | null;
  /** Text PDFs through the pool with one worker and with one per core (bench/extract-scaling.ts). */
  scaling: PoolScaling | null;
  /** OCR pages/s against the tesseract CLI on the same pages; null without tesseract or in a quick run. */
  ocr: OcrComparison | null;
  /** A national backfill's extraction time from the pool rates. */
  backfill: BackfillProjection | null;
  /** Rows for bench/report.ts: [figure, nianbao, comparison, ratio]. */
  table: string[][];
}

/** Repeats passes over `docs` until `minMs` have gone (at least one pass). */
async function timedPasses(docs: Doc[], minMs: number, pass: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  do {
    await pass();
    n += docs.length;
  } while (performance.now() - t0 < minMs);
  return n / ((performance.now() - t0) / 1000);
}

function exactCells(r: ExtractionResult, expected: Record<string, number | null>): number {
  return Object.entries(expected).filter(([k, v]) => r.figures[k] === v).length;
}

/** Peak RSS of `--child FORMAT` in a fresh process: GNU time gives the process tree (soffice, tesseract…), maxRSS the node process. */
function childPeak(format: string, quick: boolean): { self: number; tree: number | null } {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-')), 'time.txt');
  const node = [process.execPath, path.join(ROOT, 'bin/run-ts.mjs'), fileURLToPath(import.meta.url), '--child', format, ...(quick ? ['--quick'] : [])];
  const gnuTime = spawnSync('/usr/bin/time', ['--version']).status === 0;
  const r = gnuTime ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, ...node], { encoding: 'utf8' }) : spawnSync(node[0]!, node.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child ${format} failed: ${r.stderr}`);
  const self = (JSON.parse(r.stdout.trim().split('\n').pop()!) as { maxRssKiB: number }).maxRssKiB / 1024;
  const tree = gnuTime ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024 : null;
  rmSync(path.dirname(out), { recursive: true, force: true });
  return { self, tree };
}

async function child(format: string, quick: boolean): Promise<void> {
  for (const d of (corpus().get(format) ?? []).slice(0, quick ? QUICK_DOCS : undefined)) await extractDocument({ path: d.path, mediaType: d.mediaType });
  console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
}

/** Documents per format in a quick run (the smoke test's: it checks the bench still runs, not its figures). */
const QUICK_DOCS = 1;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function runExtractBench(opts: { quick: boolean; log?: (line: string) => void }): Promise<ExtractBenchResult> {
  const say = opts.log ?? (() => {});
  const started = Date.now();
  const minMs = opts.quick ? 0 : 1500;
  const byFormat = corpus();
  if (opts.quick) {
    // The smoke test's run: every step once, on one document of each format (the figures are not kept). Scans (OCR)
    // and ODT (a LibreOffice start per document) take seconds each: left out; a full run measures them.
    byFormat.delete('pdf-scan');
    byFormat.delete('odt');
    for (const [format, docs] of byFormat) byFormat.set(format, docs.slice(0, QUICK_DOCS));
  }
  const poolConcurrency = os.availableParallelism();
  const pool = new ExtractionPool({ concurrency: poolConcurrency });
  const formats: FormatResult[] = [];
  try {
    for (const [format, docs] of byFormat) {
      say(`extraction: ${format} (${docs.length} documents)`);
      const slow = format === 'pdf-scan';
      // Warm-up pass (module load, pdf.js and font caches), which also gives the accuracy.
      const t0 = performance.now();
      const first = await Promise.all(docs.map((d) => extractDocument({ path: d.path, mediaType: d.mediaType })));
      const firstS = (performance.now() - t0) / 1000;
      const cellsExact = first.reduce((s, r, i) => s + exactCells(r, docs[i]!.expected), 0);
      const cells = docs.reduce((s, d) => s + Object.keys(d.expected).length, 0);
      const sequential = async () => {
        for (const d of docs) await extractDocument({ path: d.path, mediaType: d.mediaType });
      };
      // A quick run's figures are not kept: its one document's first pass stands for the timed one (a LibreOffice
      // conversion is seconds, and the smoke test runs every step, not every pass).
      const warmDocsPerS = opts.quick ? docs.length / firstS : await timedPasses(docs, slow ? 0 : minMs, sequential);
      const poolPass = () => Promise.all(docs.map((d) => pool.extract({ path: d.path, mediaType: d.mediaType })));
      if (!slow && !opts.quick) await poolPass(); // workers start and load their modules on first use
      const poolDocsPerS = await timedPasses(docs, slow ? 0 : minMs, poolPass);
      const peak = opts.quick && formats.length > 0 ? null : childPeak(format, opts.quick);
      formats.push({
        format, documents: docs.length, cellsExact, cells,
        warmDocsPerS: round(warmDocsPerS, 2), poolDocsPerS: round(poolDocsPerS, 2),
        peakRssMiB: peak && round(peak.self, 0), peakRssTreeMiB: peak?.tree == null ? null : round(peak.tree, 0),
      });
    }
  } finally {
    await pool.close();
  }

  let pdftotext: PdftotextResult | null = null;
  if (spawnSync('pdftotext', ['-v']).status === 0) {
    say('extraction: pdftotext -layout');
    const pdfs = [...(byFormat.get('pdf') ?? []), ...(byFormat.get('pdf-scan') ?? [])];
    const texts = pdfs.map((d) => execFileSync('pdftotext', ['-layout', d.path, '-'], { encoding: 'utf8' }));
    const docsPerS = await timedPasses(pdfs, minMs, async () => {
      for (const d of pdfs) execFileSync('pdftotext', ['-layout', d.path, '-']);
    });
    const ours = await Promise.all(pdfs.map((d) => extractDocument({ path: d.path, mediaType: d.mediaType })));
    pdftotext = {
      documents: pdfs.length,
      docsPerS: round(docsPerS, 2),
      rows: pdftotextRows(texts, pdfs.map((d) => d.expected)),
      nianbaoRows: nianbaoRows(ours, pdfs.map((d) => d.expected)),
    };
  }
  const textPdfs = byFormat.get('pdf') ?? [];
  say('extraction: text PDFs, one worker against one per core');
  const scaling = textPdfs.length ? await poolScaling(textPdfs, opts.quick ? 0 : 4000) : null;
  const scan = (byFormat.get('pdf-scan') ?? [])[0];
  let ocr: OcrComparison | null = null;
  if (scan && spawnSync('tesseract', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0) {
    say('extraction: OCR against the tesseract CLI');
    ocr = await ocrComparison(scan);
  }
  const rate = (...names: string[]) => {
    const fs = formats.filter((f) => names.includes(f.format));
    return fs.length ? fs.reduce((a, f) => a + f.poolDocsPerS, 0) / fs.length : null;
  };
  const office = rate('docx', 'doc', 'xls', 'xlsx', 'ofd', 'wps');
  const html = rate('html');
  const backfill = scaling && ocr && office && html
    ? projectBackfill({ textPdfDocsPerS: scaling.allWorkersDocsPerS, officeDocsPerS: office, htmlDocsPerS: html, ocrPagesPerS: ocr.nianbaoPagesPerS })
    : null;
  const machine = { cpu: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.availableParallelism(), node: process.version, loadAverage: round(os.loadavg()[0]!, 2) };
  const result = { date: new Date().toISOString().slice(0, 10), quick: opts.quick, durationS: Math.round((Date.now() - started) / 1000), machine, poolConcurrency, formats, pdftotext, scaling, ocr, backfill };
  return { ...result, table: tableRows(result) };
}

/** Section-三 rows whose seven figures nianbao read exactly. */
function nianbaoRows(results: ExtractionResult[], expected: Record<string, number | null>[]): RowCoverage {
  let found = 0;
  let total = 0;
  results.forEach((r, i) => {
    const rows = new Set(Object.keys(expected[i]!).filter((k) => k.startsWith('s3.')).map((k) => k.split('.')[1]!));
    for (const row of rows) {
      total++;
      if (Object.keys(expected[i]!).filter((k) => k.startsWith(`s3.${row}.`)).every((k) => r.figures[k] === expected[i]![k])) found++;
    }
  });
  return { found, total };
}

function tableRows(r: Omit<ExtractBenchResult, 'table'>): string[][] {
  const rows: string[][] = r.formats.map((f) => [
    `5 extraction: ${f.format} (${f.documents} docs, ${f.cellsExact}/${f.cells} cells exact)`,
    `${f.warmDocsPerS} docs/s warm · ${f.poolDocsPerS} docs/s pool×${r.poolConcurrency}`,
    f.peakRssMiB === null
      ? 'peak RSS not measured (quick run)'
      : `peak RSS ${f.peakRssMiB} MiB${f.peakRssTreeMiB !== null && f.peakRssTreeMiB > f.peakRssMiB ? ` (with child programs ${f.peakRssTreeMiB} MiB)` : ''}`,
    '',
  ]);
  const p = r.pdftotext;
  const pdf = r.formats.find((f) => f.format === 'pdf');
  if (p && pdf) {
    rows.push([
      `5 extraction: ${p.documents} PDFs${r.formats.some((f) => f.format === 'pdf-scan') ? ' (with the scan)' : ''} vs pdftotext -layout`,
      `${pdf.warmDocsPerS} docs/s (text PDFs) · s3 rows exact ${p.nianbaoRows.found}/${p.nianbaoRows.total}`,
      `${p.docsPerS} docs/s · s3 rows intact on one line ${p.rows.found}/${p.rows.total} (text only, no figures)`,
      `${round(pdf.warmDocsPerS / p.docsPerS, 2)}×`,
    ]);
  }
  const s = r.scaling;
  if (s) {
    rows.push([
      `5 extraction: text PDFs (${s.documents} docs), pool with one worker per core (${s.cores})`,
      `${s.allWorkersDocsPerS} docs/s`,
      `one worker ${s.oneWorkerDocsPerS} docs/s alone (V8 compiling on the spare core), ${s.oneCoreWorkerDocsPerS} docs/s as each of the pool's workers runs, on one core (target ≥ 1.7× on 2 cores; load average ${r.machine.loadAverage}) · every worker busy ≥ ${Math.round(s.allWorkersMinBusy * 100)} % of the time · CPU per doc ${s.oneWorkerCpuMsPerDoc} → ${s.allWorkersCpuMsPerDoc} ms`,
      `${s.speedup}× (${s.speedupSameWorker}× the same worker)`,
    ]);
  }
  const o = r.ocr;
  if (o) {
    rows.push([
      `5 extraction: OCR, ${o.pages} scanned pages, ${o.workers} at once`,
      `${o.nianbaoPagesPerS} pages/s (cell by cell, digits voted)`,
      `tesseract CLI, whole page, chi_sim: ${o.tesseractPagesPerS} pages/s`,
      `${o.ratio}×`,
    ]);
  }
  const b = r.backfill;
  if (b) {
    rows.push([
      `5 extraction: national backfill, ${b.reports.toLocaleString('en-US')} reports (assumed ${b.mix.textPdf * 100} % text PDF, ${b.mix.office * 100} % Office, ${b.mix.html * 100} % HTML, ${b.mix.scan * 100} % scans × ${b.mix.scanPages} pages)`,
      `${b.hours} h on this machine`,
      `${Math.round(b.ocrShare * 100)} % of it OCR`,
      '',
    ]);
  }
  return rows;
}

function printTable(rows: string[][]): string {
  const head = ['figure', 'nianbao', 'comparison', 'ratio'];
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) await child(args[childAt + 1]!, args.includes('--quick'));
  else {
    const quick = args.includes('--quick');
    const result = await runExtractBench({ quick, log: (l) => process.stderr.write(`bench: ${l}\n`) });
    const dir = path.join(HERE, 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `extract-${result.date}${quick ? '.quick' : ''}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`${printTable(result.table)}\n\n${result.durationS} s · results: ${path.relative(ROOT, file)}`);
  }
}
