/**
 * The two crawlers under test, as child processes: nianbao's own CLI (`bin/nianbao.mjs crawl`) and GNU wget
 * (`wget --mirror`), and what the portal's request log says they did.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoggedRequest } from '../test/fixtures/portal/server.ts';
import { pool, run, type Measured } from './proc.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface NianbaoCrawl {
  seedsFile: string;
  storage: string;
  /** ms between requests to one host (NIANBAO_HOST_DELAY_MS). */
  hostDelayMs: number;
  /** Hosts crawled at once (NIANBAO_MAX_HOSTS); default nianbao's own (8). */
  maxHosts?: number;
  hostConcurrency?: number;
  /** Options for the crawl's node itself (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}

export function nianbaoCrawl(c: NianbaoCrawl): Promise<Measured> {
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_HOST_DELAY_MS: String(c.hostDelayMs), CRAWLEE_LOG_LEVEL: 'OFF' };
  if (c.maxHosts !== undefined) env.NIANBAO_MAX_HOSTS = String(c.maxHosts);
  else delete env.NIANBAO_MAX_HOSTS;
  const args = [...(c.nodeArgs ?? []), path.join(ROOT, 'bin/nianbao.mjs'), 'crawl', '--seeds', c.seedsFile, '--storage', c.storage, '--no-extract'];
  if (c.hostConcurrency !== undefined) args.push('--host-concurrency', String(c.hostConcurrency));
  return run(process.execPath, args, { cwd: ROOT, env });
}

/** One `wget --mirror` over the given start URLs (wget fetches one URL at a time). robots.txt is obeyed. */
export function wgetMirror(urls: string[], dir: string): Promise<Measured> {
  return run('wget', ['--mirror', '--no-parent', '-e', 'robots=on', '-nv', '--no-proxy', '-P', dir, ...urls]);
}

/** One wget per start URL, at most `limit` at once; the wall time is the whole batch's. */
export async function wgetParallel(urls: string[], dir: string, limit: number): Promise<{ wallMs: number; runs: Measured[] }> {
  const started = Date.now();
  const runs = await pool(urls.map((u, i) => () => wgetMirror([u], path.join(dir, String(i)))), limit);
  return { wallMs: Date.now() - started, runs };
}

export type RequestKind = 'robots' | 'list' | 'detail' | 'file' | 'other';

/** What a request of the generated TRS portal was for, from its path. */
export function kindOf(url: string): RequestKind {
  const p = url.split('?')[0]!;
  if (p === '/robots.txt') return 'robots';
  if (/\/index(_\d+)?\.html$/.test(p) || p.endsWith('/')) return 'list';
  if (/\/t\d{8}_\d+\.html$/.test(p)) return 'detail';
  if (/\/P0\d+\.\w+$/.test(p)) return 'file';
  return 'other';
}

export interface Traffic {
  requests: number;
  bytes: number;
  byKind: Record<RequestKind, { requests: number; bytes: number }>;
  /** Status ≥ 400 (wget asks for pages that do not exist, e.g. chrome links). */
  errors: number;
  /** First request start → last request end, ms. */
  spanMs: number;
}

export function traffic(log: LoggedRequest[]): Traffic {
  const byKind = Object.fromEntries((['robots', 'list', 'detail', 'file', 'other'] as const).map((k) => [k, { requests: 0, bytes: 0 }])) as Traffic['byKind'];
  let bytes = 0;
  let errors = 0;
  let first = Infinity;
  let last = 0;
  for (const r of log) {
    const k = byKind[kindOf(r.url)];
    k.requests += 1;
    k.bytes += r.bytes;
    bytes += r.bytes;
    if (r.status >= 400) errors += 1;
    first = Math.min(first, r.start);
    last = Math.max(last, r.end || r.start);
  }
  return { requests: log.length, bytes, byKind, errors, spanMs: log.length ? last - first : 0 };
}

/** Throughput figures of one crawl, from its process measurement and the portal's log. */
export interface CrawlFigures {
  wallS: number;
  requests: number;
  pages: number;
  files: number;
  MB: number;
  pagesPerS: number;
  filesPerS: number;
  MBPerS: number;
  peakRssMiB: number | null;
  cpuSec: number | null;
  /** CPU milliseconds per request (the crawler's own; the portal runs in the bench process). */
  cpuMsPerRequest: number | null;
  errors: number;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export function figures(t: Traffic, wallMs: number, peakRssMiB: number | null, cpuSec: number | null): CrawlFigures {
  const s = wallMs / 1000;
  const pages = t.byKind.list.requests + t.byKind.detail.requests + t.byKind.other.requests;
  const files = t.byKind.file.requests;
  const MB = t.bytes / 1e6;
  return {
    wallS: round(s),
    requests: t.requests,
    pages,
    files,
    MB: round(MB),
    pagesPerS: round(pages / s, 1),
    filesPerS: round(files / s, 1),
    MBPerS: round(MB / s),
    peakRssMiB: peakRssMiB === null ? null : round(peakRssMiB, 0),
    cpuSec: cpuSec === null ? null : round(cpuSec),
    cpuMsPerRequest: cpuSec === null || !t.requests ? null : round((cpuSec * 1000) / t.requests),
    errors: t.errors,
  };
}

/** a / b rounded, or null when either is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined, d = 2): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return round(a / b, d);
}

/** Sizes of the files under dir by extension (nianbao's store names files <sha256>.<ext>). */
export function sizesByExt(dir: string): Record<string, { files: number; bytes: number }> {
  const out: Record<string, { files: number; bytes: number }> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, name.name);
      if (name.isDirectory()) walk(full);
      else {
        const ext = path.extname(name.name).slice(1) || '(none)';
        const e = (out[ext] ??= { files: 0, bytes: 0 });
        e.files += 1;
        e.bytes += statSync(full).size;
      }
    }
  };
  try {
    walk(dir);
  } catch {
    // No files stored.
  }
  return out;
}

export function wgetVersion(): string | null {
  try {
    return execFileSync('wget', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    return null;
  }
}
