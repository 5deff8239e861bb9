/**
 * Start-up of a nightly run on a national catalog: `nianbao crawl` with a seeds registry as large as the catalog's
 * agencies, from process start to the first request it sends, and its RSS at that moment. The seed entries keep
 * their hosts apart, as the real registry's 3.4k hosts are: each original host becomes one port of a fixture server
 * on 127.0.0.1 (one listener per host) that answers any request with an empty list page. The run is stopped
 * (SIGKILL) as soon as the first request arrives: nothing is crawled, nothing else is contacted.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDb, openDbReadOnly } from '../src/catalog/db.ts';
import { storagePaths } from '../src/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The distinct hosts of the catalog's seed entries (one fixture listener each). */
export function seedHostCount(catalogFile: string): number {
  const db = openDbReadOnly(catalogFile);
  try {
    return (db.prepare("SELECT count(DISTINCT host) AS n FROM seed_entries WHERE url NOT LIKE 'http://127.0.0.1:%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Writes a seeds file of every registry agency of the catalog (its name and region) with the catalog's seed entries,
 * each entry's URL moved onto one of `bases` (`http://127.0.0.1:PORT/<original host><original path>`), one base per
 * original host (hosts beyond the bases share them round-robin): the same registry, its hosts on loopback. Returns
 * its counts.
 */
export function writeNationalSeeds(catalogFile: string, file: string, bases: string[]): { agencies: number; entries: number; hosts: number; bytes: number } {
  const db = openDbReadOnly(catalogFile);
  try {
    const entries = new Map<number, string[]>();
    const baseOf = new Map<string, string>();
    // Entries an earlier measurement on this catalog moved onto loopback are not the registry's.
    const entryRows = db.prepare("SELECT agency_id, url FROM seed_entries WHERE url NOT LIKE 'http://127.0.0.1:%' ORDER BY id").iterate();
    for (const e of entryRows as IterableIterator<{ agency_id: number; url: string }>) {
      const u = new URL(e.url);
      let base = baseOf.get(u.host);
      if (base === undefined) {
        base = bases[baseOf.size % bases.length]!;
        baseOf.set(u.host, base);
      }
      const list = entries.get(e.agency_id) ?? [];
      list.push(`${base}/${u.host}${u.pathname}${u.search}`);
      entries.set(e.agency_id, list);
    }
    const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
    const lines = ['agencies:'];
    let agencies = 0;
    let n = 0;
    const rows = db.prepare('SELECT id, name, level, province, city, county FROM agencies WHERE discovered = 0 ORDER BY id').iterate() as IterableIterator<{
      id: number;
      name: string;
      level: string | null;
      province: string | null;
      city: string | null;
      county: string | null;
    }>;
    for (const a of rows) {
      agencies += 1;
      lines.push(`  - name: ${q(a.name)}`);
      if (a.level) lines.push(`    level: ${a.level}`);
      for (const k of ['province', 'city', 'county'] as const) if (a[k]) lines.push(`    ${k}: ${q(a[k]!)}`);
      const urls = entries.get(a.id);
      if (urls) {
        lines.push('    entries:');
        for (const url of urls) lines.push(`      - url: ${q(url)}`);
        n += urls.length;
      }
    }
    const text = `${lines.join('\n')}\n`;
    writeFileSync(file, text);
    return { agencies, entries: n, hosts: baseOf.size, bytes: Buffer.byteLength(text) };
  } finally {
    db.close();
  }
}

/** A fixture server that answers everything on `ports` ports (one per registry host), and tells of each request. */
export interface FixtureServer {
  /** One base URL per port. */
  bases: string[];
  /** Resolves at the next request's arrival (performance.now()). */
  nextRequest: () => Promise<number>;
  close: () => Promise<void>;
}

export async function fixtureServer(ports = 1): Promise<FixtureServer> {
  let seen: ((at: number) => void) | null = null;
  const handler: http.RequestListener = (req, res) => {
    seen?.(performance.now());
    seen = null;
    res.writeHead(req.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><ul></ul></body></html>');
  };
  const servers: http.Server[] = [];
  const bases: string[] = [];
  try {
    for (let i = 0; i < ports; i++) {
      const server = http.createServer(handler);
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  } catch (err) {
    for (const s of servers) s.close();
    throw err;
  }
  return {
    bases,
    nextRequest: () => new Promise<number>((resolve) => (seen = resolve)),
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

/** CPU seconds (user + system) a running process has used so far: what a machine shared with other work does not inflate. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, in parentheses): state is the 3rd, utime the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / clockTicks();
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/**
 * Starts `nianbao crawl` on `storageDir` with `seedsFile` (its entries on `server`), waits for its first request (at
 * most `timeoutMs`), reads its RSS, and kills it. A killed run leaves its queue files: they are removed before each
 * start, as a nightly that ended normally leaves none.
 */
export async function measureStartup(storageDir: string, seedsFile: string, server: FixtureServer, timeoutMs = 300_000): Promise<{ firstRequestMs: number; cpuSec: number; rssMiB: number }> {
  rmSync(storagePaths(storageDir).crawlee, { recursive: true, force: true });
  const first = server.nextRequest();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/nianbao.mjs'), 'crawl', '--seeds', seedsFile, '--storage', storageDir, '--no-extract', '--progress', 'none'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CRAWLEE_LOG_LEVEL: 'OFF', NIANBAO_MIN_FREE_BYTES: '0' } },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const outcome = await Promise.race([first, exited.then((code) => ({ code })), timeout]);
    if (typeof outcome !== 'number') {
      const why = outcome === 'timeout' ? 'no request within the time limit' : `it exited with ${outcome.code} before any request`;
      throw new Error(`nightly start-up: ${why}\n${stderr.slice(-2000)}`);
    }
    return { firstRequestMs: Math.round(outcome - t0), cpuSec: Math.round(cpuSeconds(child.pid!) * 100) / 100, rssMiB: Math.round(rssMiB(child.pid!)) };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  }
}

export interface StartupFigure {
  firstRequestMs: number;
  cpuSec: number;
  rssMiB: number;
}

export interface NightlyStartups {
  registry: { agencies: number; entries: number; hosts: number; bytes: number };
  /** The registry's first start on this catalog: its entries inserted, every agency synced (and fingerprinted) once. */
  firstSync: StartupFigure;
  /** The next night, seeds files unchanged: the nightly figure. */
  unchanged: StartupFigure;
  /** One entry added to the seeds file: parsed again, one agency synced. */
  oneChange: StartupFigure;
  /** An empty catalog and a one-agency registry: the floor (node, modules, Crawlee). */
  floor: StartupFigure;
}

/**
 * The nightly start-ups measured on the catalog in `storageDir` (which they change: the registry is synced into
 * it, and each killed run leaves its run row), with scratch files in `work`.
 */
export async function measureNightlyStartups(storageDir: string, work: string, log: (l: string) => void = () => {}): Promise<NightlyStartups> {
  const catalogFile = storagePaths(storageDir).catalog;
  const server = await fixtureServer(seedHostCount(catalogFile));
  try {
    const seeds = path.join(work, 'seeds.yaml');
    const registry = writeNationalSeeds(catalogFile, seeds, server.bases);
    log(`seeds: ${registry.agencies} agencies, ${registry.entries} entries on ${registry.hosts} hosts, ${(registry.bytes / 2 ** 20).toFixed(1)} MiB`);
    const show = (m: StartupFigure) => `${m.firstRequestMs} ms, ${m.cpuSec} s CPU, ${m.rssMiB} MiB`;
    const firstSync = await measureStartup(storageDir, seeds, server);
    log(`nightly start, registry new to the catalog: ${show(firstSync)}`);
    const unchanged = await measureStartup(storageDir, seeds, server);
    log(`nightly start, registry unchanged: ${show(unchanged)}`);
    const text = readFileSync(seeds, 'utf8');
    const at = text.indexOf('    entries:\n');
    if (at < 0) throw new Error('the national seeds file lists no entry');
    const insert = at + '    entries:\n'.length;
    writeFileSync(seeds, `${text.slice(0, insert)}      - url: ${JSON.stringify(`${server.bases[0]}/changed/`)}\n${text.slice(insert)}`);
    const oneChange = await measureStartup(storageDir, seeds, server);
    log(`nightly start, one entry added: ${show(oneChange)}`);
    const emptyDir = path.join(work, 'empty');
    const oneSeed = path.join(work, 'one.yaml');
    writeFileSync(oneSeed, `agencies:\n  - name: 基准测试县人民政府\n    entries:\n      - url: ${server.bases[0]}/one/\n`);
    const floor = await measureStartup(emptyDir, oneSeed, server);
    log(`start on an empty catalog, one seed: ${show(floor)}`);
    return { registry, firstSync, unchanged, oneChange, floor };
  } finally {
    await server.close();
  }
}

// `node bin/run-ts.mjs bench/catalog-nightly.ts --storage DIR`: the start-ups alone, on a copy of a national catalog
// made beforehand (it is changed).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--storage');
  const storage = i > 0 ? process.argv[i + 1] : undefined;
  if (!storage) {
    console.error('usage: catalog-nightly.ts --storage DIR (a copy of a national catalog; it is changed)');
    process.exit(2);
  }
  openDb(storagePaths(storage).catalog).close(); // brings its schema up to date, as a crawl would
  const work = mkdtempSync(path.join(os.tmpdir(), 'nianbao-nightly-'));
  try {
    console.log(JSON.stringify(await measureNightlyStartups(storage, work, (l) => console.log(l)), null, 2));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
