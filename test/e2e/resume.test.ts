import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('kill -9 at several points, run again: it continues, nothing lost, duplicated, partial or downloaded twice', async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const args = [BIN, 'crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '150'];
  const env = { ...process.env, NIANBAO_BACKOFF_MS: '50' };
  const kills: number[] = [];

  // A clean crawl makes about 32 requests (4 of them robots.txt, fetched again by every run). Kill each run after
  // 6, 8 and 9 of its requests: mid-listing, mid-report, mid-download. The portal answers no request past that
  // point, so a run stops exactly there however slowly this test is scheduled (on a loaded machine the third run
  // once finished the crawl before its kill came, and the last run had nothing to resume).
  for (const after of [6, 8, 9]) {
    const start = portal.log.length;
    portal.holdAfter(start + after);
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    let gone = false;
    const exited = new Promise<string>((r) =>
      child.on('exit', (code, signal) => {
        gone = true;
        r(signal ?? `exit ${code}`);
      }),
    );
    // The run is at the point once a request past it waits unanswered (a run has several in flight at once).
    for (let i = 0; i < 6000 && !gone && portal.log.length <= start + after; i++) await sleep(10);
    await sleep(200);
    child.kill('SIGKILL');
    kills.push(Date.now());
    assert.equal(await exited, 'SIGKILL', `the run killed after ${after} requests ended by itself`);
    portal.holdAfter(null);
  }
  const final = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  final.stdout.on('data', (d: Buffer) => (out += d.toString()));
  final.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => final.on('exit', (c) => r(c)));
  assert.equal(code, 0, out);

  assert.match(out, /took over the lock of a run that is gone/);
  assert.match(out, /resumed the unfinished queues of \d+ hosts/);
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  // Everything of the portal is there, once.
  assert.equal(n('SELECT count(*) n FROM reports'), 6);
  assert.equal(n('SELECT count(*) n FROM report_sources'), 7);
  assert.equal(n('SELECT count(*) n FROM files'), 13);
  assert.equal(n('SELECT count(*) n FROM report_files'), 15);
  assert.equal(n(`SELECT count(*) n FROM runs WHERE status = 'running'`), 0);
  assert.ok(n(`SELECT count(*) n FROM runs WHERE status = 'interrupted'`) >= 1);
  // No partial file in the store: every stored file hashes to its name, temp files are gone.
  const files = readdirSync(path.join(storage, 'files'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.equal(files.length, 13);
  for (const f of files) {
    const bytes = readFileSync(path.join(f.parentPath ?? (f as unknown as { path: string }).path, f.name));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.name.split('.')[0]);
  }
  assert.deepEqual(existsSync(path.join(storage, 'tmp')) ? readdirSync(path.join(storage, 'tmp')) : [], []);
  // A completed download (well before the next kill) is never fetched again.
  const downloads = portal.log.filter((r) => /\/P0\d+\.\w+$/.test(r.url) && r.status === 200);
  for (const d of downloads) {
    const nextKill = kills.find((k) => k > d.end) ?? Infinity;
    if (nextKill - d.end < 1000) continue; // finished just before a kill: may not have been recorded yet
    const later = downloads.filter((x) => x.site === d.site && x.url === d.url && x.start > d.end);
    assert.equal(later.length, 0, `${d.url} downloaded again after a completed download (the next kill came ${nextKill - d.end} ms after it)`);
  }
  catalog.close();
});
