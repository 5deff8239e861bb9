/**
 * Fault matrix, kill -9 at 20 seeded-random points across crawl and extract (same seed, same points; the seed is
 * printed; NIANBAO_FAULT_SEED overrides it). A point is "after N requests the portal saw" (crawl) or "after N files
 * extracted" (extract). After the kills, one last crawl: nothing lost, duplicated or partial, no report left pending,
 * no run left running — asserted from the catalog and the file store.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';
import { seededRandom } from '../../src/seeded-random.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


type Point = { phase: 'crawl'; after: number } | { phase: 'extract'; after: number };

export function killPoints(seed: number, n = 20): Point[] {
  const next = seededRandom(seed);
  // A clean crawl of the TRS sites makes about 32 requests; extraction has 13 files.
  return Array.from({ length: n }, () => (next() < 0.6 ? { phase: 'crawl', after: 1 + Math.floor(next() * 30) } : { phase: 'extract', after: Math.floor(next() * 3) }));
}

test('the same seed gives the same kill points', () => {
  assert.deepEqual(killPoints(7), killPoints(7));
  assert.notDeepEqual(killPoints(7), killPoints(8));
});

test('kill -9 at 20 seeded points across crawl and extract: the last run ends with nothing lost, duplicated, partial or pending', { timeout: 600_000 }, async () => {
  const seed = Number(process.env.NIANBAO_FAULT_SEED ?? 20261130);
  const points = killPoints(seed);
  console.log(`kill -9 fault seed ${seed} (NIANBAO_FAULT_SEED=${seed} repeats it): ${points.map((p) => `${p.phase}@${p.after}`).join(' ')}`);
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const catalogPath = storagePaths(storage).catalog;
  const env = { ...process.env, NIANBAO_BACKOFF_MS: '50' };
  const crawlArgs = [BIN, 'crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '100', '--progress', 'none'];
  const extracted = () => {
    if (!existsSync(catalogPath)) return 0;
    const db = new Database(catalogPath, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT count(*) n FROM files WHERE extraction_status <> 'pending'`).get() as { n: number }).n;
    } catch {
      return 0; // not migrated yet
    } finally {
      db.close();
    }
  };

  for (const p of points) {
    const args = p.phase === 'crawl' ? [...crawlArgs, '--no-extract'] : [BIN, 'extract', '--storage', storage, '--workers', '1'];
    const base = p.phase === 'crawl' ? portal.log.length : extracted();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    let exited = false;
    const done = new Promise<void>((r) => child.on('exit', () => ((exited = true), r())));
    for (let i = 0; i < 3000 && !exited; i++) {
      const progress = p.phase === 'crawl' ? portal.log.length - base : extracted() - base;
      if (progress >= p.after) break;
      await sleep(p.phase === 'crawl' ? 10 : 50);
    }
    if (!exited) child.kill('SIGKILL');
    await done;
  }

  const final = spawn(process.execPath, crawlArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  final.stdout.on('data', (d: Buffer) => (out += d.toString()));
  final.stderr.on('data', (d: Buffer) => (out += d.toString()));
  assert.equal(await new Promise<number | null>((r) => final.on('exit', (c) => r(c))), 0, out);

  const catalog = Catalog.open(catalogPath);
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  assert.deepEqual(
    [n('SELECT count(*) n FROM reports'), n('SELECT count(*) n FROM report_sources'), n('SELECT count(*) n FROM files'), n('SELECT count(*) n FROM report_files')],
    [6, 7, 13, 15],
    'reports, sources, files, report files of an undisturbed crawl',
  );
  assert.equal(n(`SELECT count(*) n FROM runs WHERE status = 'running'`), 0);
  assert.equal(n(`SELECT count(*) n FROM files WHERE extraction_status = 'pending'`), 0);
  assert.equal(n('SELECT count(*) n FROM extractions'), 13);
  assert.deepEqual(catalog.extractions.staleReports(0, 100), [], 'a report behind its files');
  assert.equal(n(`SELECT count(*) n FROM report_extractions WHERE status = 'pending'`), 0);
  assert.equal(n('SELECT count(*) n FROM report_extractions'), 6);
  const files = readdirSync(path.join(storage, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.equal(files.length, 13);
  for (const f of files) {
    const bytes = readFileSync(path.join(f.parentPath, f.name));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.name.split('.')[0], `partial file ${f.name}`);
  }
  assert.deepEqual(existsSync(path.join(storage, 'tmp')) ? readdirSync(path.join(storage, 'tmp')) : [], []);
  catalog.close();
});
