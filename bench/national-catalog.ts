/**
 * Builds a national-size catalog (≈100k agencies, 600k reports, 1M files, three years of nightly runs) for the
 * benchmarks, or a hundredth of it with --small. Reused when it exists and is complete.
 *
 *   node bin/run-ts.mjs bench/national-catalog.ts [--small] [--dir DIR]     (default DIR: $TMPDIR/nianbao-national)
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../src/catalog/db.ts';
import { fillNationalCatalog, NATIONAL, SMALL, type NationalCounts } from '../src/catalog/synthetic-national.ts';
import { storagePaths } from '../src/config.ts';

export interface NationalCatalog extends NationalCounts {
  storageDir: string;
  catalogFile: string;
  bytes: number;
  buildSeconds: number | null;
}

/**
 * Removes ANALYZE statistics (catalogs built before 2026-12-01 had them): nianbao never analyzes a user's catalog,
 * so the bench must see the plans SQLite makes without statistics, the ones test/catalog/query-plans.test.ts checks.
 */
function forgetStatistics(db: Db): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get()) return;
  db.exec('DELETE FROM sqlite_stat1');
  db.exec('ANALYZE sqlite_schema'); // makes every connection reload the (now empty) statistics
}

/** The catalog in `storageDir`, built first unless a complete one is there (a marker row says it finished). */
export function nationalCatalog(storageDir: string, opts: { small?: boolean; log?: (line: string) => void } = {}): NationalCatalog {
  const log = opts.log ?? (() => {});
  const file = storagePaths(storageDir).catalog;
  const marker = opts.small ? 'synthetic-small' : 'synthetic-national';
  if (existsSync(file)) {
    const db = openDb(file);
    const done = db.prepare("SELECT counts FROM runs WHERE kind = ? AND status = 'ok'").get(marker) as { counts: string } | undefined;
    forgetStatistics(db);
    db.close();
    if (done) {
      log(`reusing ${file}`);
      return { ...(JSON.parse(done.counts) as NationalCounts), storageDir, catalogFile: file, bytes: statSync(file).size, buildSeconds: null };
    }
    rmSync(storageDir, { recursive: true, force: true });
  }
  const t0 = performance.now();
  const db = openDb(file);
  // A throwaway file: durability buys nothing here, speed does.
  db.pragma('synchronous = OFF');
  const counts = fillNationalCatalog(db, opts.small ? SMALL : NATIONAL, { progress: (l) => log(l) });
  db.prepare("INSERT INTO runs (kind, args, started_at, ended_at, status, counts) VALUES (?, '{}', ?, ?, 'ok', ?)").run(marker, new Date().toISOString(), new Date().toISOString(), JSON.stringify(counts));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const buildSeconds = (performance.now() - t0) / 1000;
  log(`built ${file} in ${buildSeconds.toFixed(0)} s`);
  return { ...counts, storageDir, catalogFile: file, bytes: statSync(file).size, buildSeconds };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 && args[dirAt + 1] ? path.resolve(args[dirAt + 1]!) : path.join(os.tmpdir(), args.includes('--small') ? 'nianbao-national-small' : 'nianbao-national');
  const c = nationalCatalog(dir, { small: args.includes('--small'), log: (l) => process.stderr.write(`national catalog: ${l}\n`) });
  console.log(JSON.stringify(c, null, 2));
}
