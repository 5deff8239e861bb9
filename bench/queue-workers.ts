/**
 * Per-worker throughput of the work queue (issue 14): the same generated portal crawled with no delay, one request
 * in flight per host, four ways, each into a fresh storage and database:
 *   plain   `nianbao crawl` on a SQLite catalog (the default; the comparison);
 *   pg-here `nianbao crawl --catalog postgres://…`: the run queued as host jobs and worked in that one process;
 *   workers `nianbao enqueue crawl` + W `nianbao worker` processes (W = 1, then 2) sharing the PostgreSQL catalog.
 * For each: wall time, requests (the portal's log), pages/s, CPU per request of the nianbao processes, and CPU per
 * request of the PostgreSQL server (its processes' CPU time over the run, from /proc). Extraction is left out
 * (`--no-extract`, `--extract-slots 0`): this measures the crawl's side of the queue.
 *
 *   node bin/run-ts.mjs bench/queue-workers.ts [--sites 6] [--items 100] [--rounds 1] [--crawl-slots 8]
 *
 * Needs Debian's `postgresql` (a throwaway cluster, as the tests start it) and GNU time. Prints JSON.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster, type PgCluster } from '../test/helpers/pg-cluster.ts';
import { benchSeedsYaml, generatePortal, startGeneratedPortal } from './portal.ts';
import { run, type Measured } from './proc.ts';
import { figures, traffic } from './tools.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'bin/nianbao.mjs');
const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) {
    console.error('usage: bench/queue-workers.ts [--sites N] [--items N] [--rounds N] [--crawl-slots N]');
    process.exit(2);
  }
  return v;
};
const sites = opt('--sites', 6);
const items = opt('--items', 100);
const rounds = opt('--rounds', 1);
const crawlSlots = opt('--crawl-slots', 8);

const CLK_TCK = 100;

/** CPU seconds of a process and its children, live and reaped (a PostgreSQL server and its backends). */
function treeCpuSec(pid: number): number {
  const stat = (p: number) => {
    const text = readFileSync(`/proc/${p}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  };
  let ticks = 0;
  const own = stat(pid);
  // utime, stime, cutime, cstime are fields 14–17 (1-based); after the command name, indices 11–14.
  ticks += Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = stat(Number(d));
      if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return ticks / CLK_TCK;
}

const env = { ...process.env, CRAWLEE_LOG_LEVEL: 'OFF', NIANBAO_HOST_DELAY_MS: '0' };
const crawlFlags = (seedsFile: string) => ['--seeds', seedsFile, '--host-delay', '0', '--host-concurrency', '1', '--progress', 'none'];

interface Row {
  mode: string;
  workers: number;
  loadAvg1: number;
  wallS: number;
  requests: number;
  pagesPerS: number;
  cpuMsPerRequest: number;
  serverCpuMsPerRequest: number | null;
  peakRssMiB: number | null;
}

async function waitForRunEnd(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE status = 'running'`);
      const done = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs`);
      if (r.rows[0]!.n === 0 && done.rows[0]!.n > 0) return;
      await new Promise((res) => setTimeout(res, 250));
    }
  } finally {
    await client.end();
  }
}

/** The node process GNU time runs (to send it SIGTERM: time itself does not pass signals on). */
function childOf(parent: ChildProcess): number | null {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]) === parent.pid) return Number(d);
    } catch {
      // gone
    }
  }
  return null;
}

async function main(): Promise<void> {
  const g = generatePortal({ sites, itemsPerSite: items, perPage: 20, pagedEvery: 0, attachmentShare: 0.5, duplicateShare: 0.2, sharedDocs: 8 });
  const portal = await startGeneratedPortal(g);
  const cluster: PgCluster = await startPgCluster({ inTest: false });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-queue-bench-'));
  const rows: Row[] = [];
  let n = 0;
  try {
    const seedsFile = path.join(tmp, 'seeds.yaml');
    writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls));
    const measure = async (mode: string, workers: number, go: (storage: string, db: string) => Promise<Measured[]>) => {
      n += 1;
      const storage = path.join(tmp, `s${n}`);
      const db = cluster.createDatabase(`b${n}`);
      portal.log.length = 0;
      const server0 = treeCpuSec(cluster.pid());
      const t0 = Date.now();
      const ms = await go(storage, db);
      const wallMs = Date.now() - t0;
      const server = treeCpuSec(cluster.pid()) - server0;
      for (const m of ms) if (m.exitCode > 1) throw new Error(`${mode} exited ${m.exitCode}: ${m.stdout.slice(-1500)}${m.stderr.slice(-1500)}`);
      const cpu = ms.reduce((a, m) => a + (m.cpuSec ?? 0), 0);
      const f = figures(traffic(portal.log), wallMs, Math.max(...ms.map((m) => m.peakRssMiB ?? 0)), cpu);
      rows.push({
        mode,
        workers,
        loadAvg1: Math.round(os.loadavg()[0]! * 100) / 100,
        wallS: f.wallS,
        requests: f.requests,
        pagesPerS: f.pagesPerS,
        cpuMsPerRequest: f.cpuMsPerRequest ?? NaN,
        serverCpuMsPerRequest: mode === 'plain' ? null : Math.round((server * 1000 * 100) / f.requests) / 100,
        peakRssMiB: f.peakRssMiB,
      });
      console.error(JSON.stringify(rows.at(-1)));
    };
    for (let r = 0; r < rounds; r++) {
      await measure('plain', 1, async (storage) => [await run(process.execPath, [BIN, 'crawl', ...crawlFlags(seedsFile), '--storage', storage, '--no-extract'], { cwd: ROOT, env })]);
      await measure('pg-here', 1, async (storage, db) => [
        await run(process.execPath, [BIN, 'crawl', ...crawlFlags(seedsFile), '--storage', storage, '--catalog', db, '--no-extract', '--max-hosts', String(crawlSlots)], { cwd: ROOT, env }),
      ]);
      for (const w of [1, 2]) {
        await measure('workers', w, async (storage, db) => {
          const q = await run(process.execPath, [BIN, 'enqueue', 'crawl', ...crawlFlags(seedsFile), '--storage', storage, '--catalog', db], { cwd: ROOT, env });
          if (q.exitCode !== 0) throw new Error(`enqueue exited ${q.exitCode}: ${q.stderr}`);
          const started: { child: ChildProcess | null; done: Promise<Measured> }[] = [];
          for (let i = 0; i < w; i++) {
            const s: { child: ChildProcess | null; done: Promise<Measured> } = { child: null, done: Promise.resolve(null as unknown as Measured) };
            s.done = run(process.execPath, [BIN, 'worker', '--storage', storage, '--catalog', db, '--crawl-slots', String(crawlSlots), '--extract-slots', '0', '--drain-seconds', '0'], {
              cwd: ROOT,
              env,
              onSpawn: (c) => (s.child = c),
            });
            started.push(s);
          }
          await waitForRunEnd(db);
          // GNU time does not pass signals on: the worker under it is sent SIGTERM (a drain with nothing held).
          for (const s of started) {
            const node = s.child ? childOf(s.child) : null;
            if (node) process.kill(node, 'SIGTERM');
            else s.child?.kill('SIGTERM');
          }
          return Promise.all(started.map((s) => s.done));
        });
      }
    }
    console.log(JSON.stringify({ sites, items, crawlSlots, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version }, rows }, null, 2));
  } finally {
    cluster.stop();
    await portal.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
