/**
 * `npm run bench -- --catalog-size national|small`: the catalog at national size (issue 12 item 4). Builds or reuses
 * the synthetic catalog (bench/national-catalog.ts), then runs the commands a user runs on it as child processes
 * and measures each beside a comparison taken in the same run:
 *
 * - nightly start-up: `nianbao crawl` with a registry of every agency, to its first request (target ≤ 5 s, RSS
 *   ≤ 300 MB) and its CPU, on a copy of the catalog, seeds unchanged since the last run; beside the registry's
 *   first start on that catalog, a start after one entry was added, and an empty catalog with a one-agency registry;
 * - `export` and `export --figures`: rows/s (target ≥ 100k) and peak RSS, beside the `sqlite3` shell running the
 *   same SELECT (recorded from the code) to /dev/null; flat memory = the whole export's peak beside one province's;
 * - `coverage --year`: wall (target ≤ 3 s), beside the same catalog query in-process;
 * - `status`: wall (target ≤ 1 s) and CPU, beside its catalog queries in-process and `nianbao --version` (no command);
 * - catalog bytes per report.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../src/catalog/catalog.ts';
import { figureExportRecords } from '../src/export/figures.ts';
import { reportFileRecords } from '../src/export/report-files.ts';
import { storagePaths } from '../src/config.ts';
import { measureNightlyStartups, type StartupFigure } from './catalog-nightly.ts';
import { recordStatements, type IssuedStatement } from './catalog-statements.ts';
import { machine, type Machine } from './machine.ts';
import { nationalCatalog, type NationalCatalog } from './national-catalog.ts';
import { run, type Measured } from './proc.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NIANBAO = path.join(ROOT, 'bin/nianbao.mjs');

export type CatalogSize = 'national' | 'small';

export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in the same run. */
  comparison: string;
  /** The target of issue 12, and value ÷ target (≤ 1 meets it for times and memory, ≥ 1 for rates). */
  target: { value: number; unit: string; higherIsBetter: boolean } | null;
  ratioToTarget: number | null;
  met: boolean | null;
}

export interface CatalogBenchResults {
  size: CatalogSize;
  date: string;
  catalog: NationalCatalog;
  machine: Machine;
  figures: Figure[];
  seconds: number;
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
// CPU time (user + system, GNU time) is what a busy shared machine does not inflate: shown beside every wall time.
const cpu = (m: Measured) => (m.cpuSec === null ? '–' : `${round(m.cpuSec)} s`);
const perCpu = (rows: number, m: Measured) => (m.cpuSec ? Math.round(rows / m.cpuSec).toLocaleString('en-US') : '–');

function figure(f: Omit<Figure, 'ratioToTarget' | 'met'>): Figure {
  if (!f.target) return { ...f, ratioToTarget: null, met: null };
  const ratio = round(f.value / f.target.value);
  return { ...f, ratioToTarget: ratio, met: f.target.higherIsBetter ? ratio >= 1 : ratio <= 1 };
}

async function nianbao(args: string[], log: (l: string) => void): Promise<Measured> {
  const m = await run(process.execPath, [NIANBAO, ...args], { cwd: ROOT, env: { ...process.env, CRAWLEE_LOG_LEVEL: 'OFF' }, timeoutMs: 30 * 60_000 });
  if (m.exitCode !== 0) throw new Error(`nianbao ${args.join(' ')} exited with ${m.exitCode}: ${m.stderr.slice(-1500)}`);
  log(`nianbao ${args[0]}${args.includes('--figures') ? ' --figures' : ''}: ${(m.wallMs / 1000).toFixed(2)} s, peak ${m.peakRssMiB?.toFixed(0)} MiB`);
  return m;
}

/** A named-parameter statement as a sqlite3 shell script (`.param set`), its rows written as CSV to /dev/null. */
function shellScript(s: IssuedStatement): string {
  const named = (s.params[0] ?? {}) as Record<string, unknown>;
  const sets = Object.entries(named).map(([k, v]) => `.param set @${k} ${v === null ? 'NULL' : typeof v === 'number' ? v : `'${String(v).replace(/'/g, "''")}'`}`);
  return ['.mode csv', '.output /dev/null', ...sets, `${s.sql.trim()};`, ''].join('\n');
}

async function sqliteShell(catalogFile: string, s: IssuedStatement): Promise<Measured> {
  const script = path.join(os.tmpdir(), `nianbao-bench-${process.pid}.sql`);
  writeFileSync(script, shellScript(s));
  try {
    const m = await run('sqlite3', ['-readonly', '-init', script, catalogFile, '.quit'], { timeoutMs: 30 * 60_000 });
    if (m.exitCode !== 0) throw new Error(`sqlite3 exited with ${m.exitCode}: ${m.stderr.slice(-1500)}`);
    return m;
  } finally {
    rmSync(script, { force: true });
  }
}

/** The SELECT the export command issues (recorded from its writer, not copied); its pragmas are left out. */
function exportStatement(catalogFile: string, figures: boolean): IssuedStatement {
  const catalog = Catalog.openReadOnly(catalogFile);
  try {
    const { statements } = recordStatements(catalog.db, () => {
      const it = figures ? figureExportRecords(catalog, {}) : reportFileRecords(catalog, {});
      it.next();
      it.return?.(undefined);
    });
    const select = statements.find((s) => /^\s*SELECT/i.test(s.sql));
    if (!select) throw new Error(`the ${figures ? 'figures ' : ''}export issued no SELECT`);
    return select;
  } finally {
    catalog.close();
  }
}

/**
 * `export` and `export --figures` on the whole catalog and on one province (flat memory: the two peaks), beside the
 * sqlite3 shell running the export's own SELECT to /dev/null. Rows per CPU second is the fair comparison on a
 * machine shared with other work; rows/s wall is the target's unit.
 */
export async function measureExports(dir: string, file: string, work: string, log: (l: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const province = (() => {
    const c = Catalog.openReadOnly(file);
    try {
      return (c.db.prepare('SELECT province FROM agencies WHERE province IS NOT NULL ORDER BY province LIMIT 1').get() as { province: string }).province;
    } finally {
      c.close();
    }
  })();
  for (const figuresExport of [false, true]) {
    const name = figuresExport ? 'export --figures' : 'export';
    const out = path.join(work, 'export.csv');
    const flag = figuresExport ? ['--figures'] : [];
    const whole = await nianbao(['export', ...flag, '--out', out, '--storage', dir], log);
    const written = Number(/wrote (\d+) rows/.exec(whole.stdout + whole.stderr)?.[1]);
    if (!written) throw new Error(`${name} reported no row count: ${whole.stdout.slice(-500)}`);
    rmSync(out, { force: true });
    const part = await nianbao(['export', ...flag, '--province', province, '--out', out, '--storage', dir], log);
    rmSync(out, { force: true });
    const shell = await sqliteShell(file, exportStatement(file, figuresExport));
    const rate = written / (whole.wallMs / 1000);
    const shellRate = written / (shell.wallMs / 1000);
    const cpuRatio = whole.cpuSec && shell.cpuSec ? ` (${round(shell.cpuSec / whole.cpuSec)}×)` : '';
    figures.push(figure({ figure: `${name}: rows/s (${written.toLocaleString('en-US')} rows)`, value: Math.round(rate), unit: 'rows/s', comparison: `sqlite3 shell, same SELECT to /dev/null: ${Math.round(shellRate).toLocaleString('en-US')} rows/s (${round(rate / shellRate)}×); per CPU second: nianbao ${perCpu(written, whole)}, sqlite3 ${perCpu(written, shell)} rows${cpuRatio}; CPU ${cpu(whole)}, load average ${os.loadavg()[0]!.toFixed(1)}`, target: { value: 100_000, unit: 'rows/s', higherIsBetter: true } }));
    const peak = whole.peakRssMiB ?? 0;
    const partPeak = part.peakRssMiB ?? 0;
    figures.push(figure({ figure: `${name}: peak RSS`, value: Math.round(peak), unit: 'MiB', comparison: `one province (${province}): ${Math.round(partPeak)} MiB (${round(peak / partPeak)}×: flat when ≈ 1)`, target: null }));
  }
  return figures;
}

export async function runCatalogBench(opts: { size: CatalogSize; dir?: string; log?: (l: string) => void }): Promise<CatalogBenchResults> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const load = os.loadavg()[0]!;
  const small = opts.size === 'small';
  const dir = opts.dir ?? path.join(os.tmpdir(), small ? 'nianbao-national-small' : 'nianbao-national');
  const built = nationalCatalog(dir, { small, log });
  const file = built.catalogFile;
  const figures: Figure[] = [];
  const work = path.join(os.tmpdir(), `nianbao-catalog-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    // Catalog size.
    figures.push(figure({ figure: 'catalog bytes per report', value: Math.round(built.bytes / built.reports), unit: 'B', comparison: `${(built.bytes / 2 ** 30).toFixed(2)} GiB for ${built.reports.toLocaleString('en-US')} reports, ${built.files.toLocaleString('en-US')} files: ${Math.round(built.bytes / built.files)} B per file`, target: null }));

    // status, beside its catalog queries alone and the CLI with every command loaded (--version loads them all).
    const version = await nianbao(['--version'], log);
    const status = await nianbao(['status', '--storage', dir], log);
    const statusQueriesMs = (() => {
      const c = Catalog.openReadOnly(file);
      try {
        const q0 = performance.now();
        c.status.countsByState();
        c.status.failingHosts(20);
        for (const r of c.runs.recent(5)) c.runs.eventCounts(r.id);
        return performance.now() - q0;
      } finally {
        c.close();
      }
    })();
    figures.push(figure({ figure: 'status: wall', value: round(status.wallMs / 1000), unit: 's', comparison: `CPU ${cpu(status)}; its catalog queries in-process ${round(statusQueriesMs / 1000)} s; nianbao --version (node, tsx and the CLI without any command) ${round(version.wallMs / 1000)} s; peak RSS ${Math.round(status.peakRssMiB ?? 0)} MiB`, target: { value: 1, unit: 's', higherIsBetter: false } }));

    // coverage --year, beside its catalog query alone (the terminal table's rows, streamed as the command reads them)
    // and `nianbao --version` (node, tsx and every command loaded: the floor of any command's wall time).
    const year = 2024; // the synthetic catalog's reports span 2018–2025
    const coverage = await nianbao(['coverage', '--year', String(year), '--storage', dir], log);
    const catalog = Catalog.openReadOnly(file);
    let queryMs: number;
    let queryCpuMs: number;
    let agencies = 0;
    try {
      const q0 = performance.now();
      const c0 = process.cpuUsage();
      for (const _row of catalog.status.iterateCoverageBrief(year)) agencies += 1;
      const c1 = process.cpuUsage(c0);
      queryMs = performance.now() - q0;
      queryCpuMs = (c1.user + c1.system) / 1000;
    } finally {
      catalog.close();
    }
    figures.push(figure({ figure: `coverage --year ${year}, ${agencies.toLocaleString('en-US')} agencies: wall`, value: round(coverage.wallMs / 1000), unit: 's', comparison: `CPU ${cpu(coverage)}; its catalog query in-process ${round(queryMs / 1000)} s (CPU ${round(queryCpuMs / 1000)} s); nianbao --version ${round(version.wallMs / 1000)} s; peak RSS ${Math.round(coverage.peakRssMiB ?? 0)} MiB`, target: { value: 3, unit: 's', higherIsBetter: false } }));

    // export and export --figures: rows/s beside sqlite3 running the same SELECT; flat memory against one province.
    figures.push(...(await measureExports(dir, file, work, log)));

    // Nightly start-up, on a copy of the catalog (the run writes its registry sync and its run row there).
    const copy = path.join(work, 'storage');
    mkdirSync(copy, { recursive: true });
    copyFileSync(file, storagePaths(copy).catalog);
    const n = await measureNightlyStartups(copy, work, log);
    const what = `${n.registry.agencies.toLocaleString('en-US')} agencies, ${n.registry.entries.toLocaleString('en-US')} entries, ${n.registry.hosts.toLocaleString('en-US')} hosts`;
    const secs = (m: StartupFigure) => `${round(m.firstRequestMs / 1000)} s (CPU ${m.cpuSec} s)`;
    const mb = (m: StartupFigure) => `${round((m.rssMiB * 2 ** 20) / 1e6, 0)} MB`;
    figures.push(figure({ figure: `nightly start-up (${what}), seeds unchanged: time to first request`, value: round(n.unchanged.firstRequestMs / 1000), unit: 's', comparison: `CPU ${n.unchanged.cpuSec} s; empty catalog, one seed ${secs(n.floor)}; one entry added to the seeds ${secs(n.oneChange)}; the registry's first start on this catalog ${secs(n.firstSync)}`, target: { value: 5, unit: 's', higherIsBetter: false } }));
    figures.push(figure({ figure: 'nightly start-up, seeds unchanged: RSS at first request', value: round((n.unchanged.rssMiB * 2 ** 20) / 1e6, 0), unit: 'MB', comparison: `empty catalog, one seed ${mb(n.floor)}; one entry added ${mb(n.oneChange)}; the registry's first start ${mb(n.firstSync)}`, target: { value: 300, unit: 'MB', higherIsBetter: false } }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const date = new Date().toISOString().slice(0, 10);
  return { size: opts.size, date, catalog: built, machine: machine(existsSync('/usr/bin/time'), round(load)), figures, seconds: Math.round((performance.now() - t0) / 1000) };
}

/** The figures as a Markdown table. */
export function catalogTable(r: CatalogBenchResults): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const rows = r.figures.map((f) => {
    const target = f.target ? `${f.target.higherIsBetter ? '≥' : '≤'} ${n(f.target.value)} ${f.target.unit}` : '';
    const verdict = f.met === null ? '' : f.met ? `${f.ratioToTarget}× (met)` : `**${f.ratioToTarget}× (not met)**`;
    return `| ${f.figure} | ${n(f.value)} ${f.unit} | ${f.comparison} | ${target} | ${verdict} |`;
  });
  return ['| figure | nianbao | comparison (same run) | target | ratio to target |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function catalogMachineLines(r: CatalogBenchResults): string {
  const m = r.machine;
  const c = r.catalog;
  return [
    `${r.date} · catalog ${r.size}: ${c.agencies.toLocaleString('en-US')} agencies, ${c.reports.toLocaleString('en-US')} reports, ${c.files.toLocaleString('en-US')} files, ${c.runs.toLocaleString('en-US')} runs · ${r.seconds} s in all`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · Node ${m.node} · ${m.os} · peak RSS via ${m.gnuTime ? 'GNU time' : '/proc polling'}`,
    `load average (1 min) at start ${m.loadAverage.start}, at end ${m.loadAverage.end}${m.loadAverage.start > m.cores ? ' — the machine was busy with other work: timings are pessimistic' : ''}`,
  ].join('\n');
}
