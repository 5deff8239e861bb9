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
  const recordedAtKill: Set<string>[] = [];

  // A clean crawl makes about 32 requests (4 of them robots.txt, fetched again by every run). Kill the first run after
  // 6 of its requests and the second after 8 (mid-listing, mid-report), the third once the catalog has recorded a
  // download of its own (mid-download). The portal answers no request past that point, so a run stops exactly there
  // however slowly this test is scheduled (on a loaded machine the third run once finished the crawl before its kill
  // came, and the last run had nothing to resume; a third kill after a fixed 9 requests once came before any download).
  const ATTACHMENT = /\/P0\d+\.\w+$/;
  for (const after of [6, 8, 'a download'] as const) {
    const start = portal.log.length;
    const recordedBefore = downloadedUrls(storage);
    portal.holdAfter(typeof after === 'number' ? start + after : null);
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    let gone = false;
    const exited = new Promise<string>((r) =>
      child.on('exit', (code, signal) => {
        gone = true;
        r(signal ?? `exit ${code}`);
      }),
    );
    if (typeof after === 'number') {
      // The run is at the point once a request past it waits unanswered (a run has several in flight at once).
      for (let i = 0; i < 6000 && !gone && portal.log.length <= start + after; i++) await sleep(10);
    } else {
      const newDownload = () => [...downloadedUrls(storage)].some((u) => ATTACHMENT.test(u) && !recordedBefore.has(u));
      for (let i = 0; i < 1200 && !gone && !newDownload(); i++) await sleep(50);
      portal.holdAfter(portal.log.length);
    }
    // The answers given before the hold are stored and recorded by now, or soon: wait until the catalog's record of
    // them stops changing. What it holds at the kill was done, and no later run may fetch it again.
    recordedAtKill.push(await settledDownloads(storage, () => gone));
    child.kill('SIGKILL');
    kills.push(Date.now());
    assert.equal(await exited, 'SIGKILL', `the run killed after ${after} ended by itself`);
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
  // A download the catalog had recorded when a run was killed is never fetched again by a later run. (A download whose
  // response had ended but whose file was not yet stored and recorded may be: it was not done. Judging "done" by the
  // time since the response ended failed once in CI, with the file's two fsyncs slow on a busy disk.)
  const downloads = portal.log.filter((r) => ATTACHMENT.test(r.url) && r.status === 200);
  assert.ok(recordedAtKill.some((s) => [...s].some((u) => ATTACHMENT.test(u))), 'no run was killed after a recorded download: the check below would test nothing');
  kills.forEach((kill, k) => {
    for (const d of downloads.filter((x) => x.start > kill)) {
      const url = new URL(d.url, portal.urls[d.site]!).href;
      assert.ok(!recordedAtKill[k]!.has(url), `${d.url} downloaded again after the catalog recorded it (kill ${k + 1})`);
    }
  });
  catalog.close();
});

/** downloadedUrls once it has not changed for half a second (at most 15 s), or at once when the run is gone. */
async function settledDownloads(storage: string, gone: () => boolean): Promise<Set<string>> {
  let last = downloadedUrls(storage);
  for (let stable = 0, waited = 0; stable < 500 && waited < 15_000 && !gone(); waited += 100) {
    await sleep(100);
    const now = downloadedUrls(storage);
    stable = now.size === last.size ? stable + 100 : 0;
    last = now;
  }
  return last;
}

/** The addresses whose bytes the catalog has stored (url_state.sha256), read while a run may be writing. */
function downloadedUrls(storage: string): Set<string> {
  const file = storagePaths(storage).catalog;
  if (!existsSync(file)) return new Set();
  const catalog = Catalog.openReadOnly(file);
  try {
    return new Set((catalog.db.prepare('SELECT url FROM url_state WHERE sha256 IS NOT NULL').all() as { url: string }[]).map((r) => r.url));
  } finally {
    catalog.close();
  }
}
