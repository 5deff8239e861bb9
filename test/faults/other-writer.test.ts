/**
 * Fault matrix, the catalog locked by another writer: a process outside nianbao (a `sqlite3` shell, a backup tool)
 * holds the catalog's write lock past the busy timeout while a crawl runs. The crawl stops with exit 4 and one line
 * naming the catalog, blames no host, and the next crawl, once the lock is gone, ends with the undisturbed catalog.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runNianbao } from '../helpers/cli.ts';
import { portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';

const run = (args: string[]) => runNianbao(args);

function snapshot(storage: string): { counts: number[]; failedUrls: number; hostEvents: number } {
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  const out = {
    counts: [n('SELECT count(*) n FROM reports'), n('SELECT count(*) n FROM files'), n('SELECT count(*) n FROM report_files')],
    failedUrls: n("SELECT count(*) n FROM url_state WHERE outcome = 'failed'"),
    hostEvents: n("SELECT count(*) n FROM run_events WHERE kind IN ('failed', 'host_down')"),
  };
  catalog.close();
  return out;
}

test('the catalog held by another writer past the busy timeout: exit 4, one line, nothing blamed; the next crawl completes', { timeout: 300_000 }, async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const args = ['crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '100', '--progress', 'none', '--no-extract'];
  const first = await run(args);
  assert.equal(first.code, 0, first.err);
  const undisturbed = snapshot(storage);

  // Another process's write transaction, held open while nianbao runs (its busy timeout is 10 s).
  const other = new Database(storagePaths(storage).catalog);
  other.pragma('busy_timeout = 1000');
  other.exec('BEGIN IMMEDIATE');
  let held: { code: number | null; out: string; err: string };
  try {
    held = await run(args);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  assert.equal(held.code, 4, held.err);
  assert.equal(held.err.trim().split('\n').length, 1, held.err);
  assert.match(held.err, /^nianbao: .*catalog.*locked by another writer/);
  assert.ok(held.err.includes(storagePaths(storage).catalog), held.err);

  const again = await run(args);
  assert.equal(again.code, 0, again.err);
  const after = snapshot(storage);
  assert.deepEqual(after.counts, undisturbed.counts);
  assert.equal(after.failedUrls, 0);
  assert.equal(after.hostEvents, 0);
});
