/**
 * Start-up of a nightly run on a national catalog: `nianbao crawl` with a seeds registry as large as the catalog's
 * agencies, from process start to the first request it sends, and its RSS at that moment. Every seed entry points at
 * one fixture server on 127.0.0.1 that answers any request with an empty list page; the run is stopped (SIGKILL)
 * as soon as the first request arrives: nothing is crawled, no other host is contacted.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDbReadOnly } from '../src/catalog/db.ts';
import { storagePaths } from '../src/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Writes a seeds file of every registry agency of the catalog (its name and region) with the catalog's seed entries,
 * each entry's URL moved onto `base` (`http://127.0.0.1:PORT/<original host><original path>`): the same registry,
 * one loopback host. Returns its counts.
 */
export function writeNationalSeeds(catalogFile: string, file: string, base: string): { agencies: number; entries: number; bytes: number } {
  const db = openDbReadOnly(catalogFile);
  try {
    const entries = new Map<number, string[]>();
    for (const e of db.prepare('SELECT agency_id, url FROM seed_entries ORDER BY id').iterate() as IterableIterator<{ agency_id: number; url: string }>) {
      const u = new URL(e.url);
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
    return { agencies, entries: n, bytes: Buffer.byteLength(text) };
  } finally {
    db.close();
  }
}

/** One fixture server that answers everything, and resolves when the first request arrives. */
export interface FixtureServer {
  base: string;
  /** Resolves at the next request's arrival (performance.now()). */
  nextRequest: () => Promise<number>;
  close: () => Promise<void>;
}

export async function fixtureServer(): Promise<FixtureServer> {
  let seen: ((at: number) => void) | null = null;
  const server = http.createServer((req, res) => {
    seen?.(performance.now());
    seen = null;
    res.writeHead(req.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><ul></ul></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    nextRequest: () => new Promise<number>((resolve) => (seen = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

/**
 * Starts `nianbao crawl` on `storageDir` with `seedsFile` (its entries on `server`), waits for its first request (at
 * most `timeoutMs`), reads its RSS, and kills it. A killed run leaves its queue files: they are removed before each
 * start, as a nightly that ended normally leaves none.
 */
export async function measureStartup(storageDir: string, seedsFile: string, server: FixtureServer, timeoutMs = 300_000): Promise<{ firstRequestMs: number; rssMiB: number }> {
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
    return { firstRequestMs: Math.round(outcome - t0), rssMiB: Math.round(rssMiB(child.pid!)) };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  }
}
