/**
 * Fault matrix, a full disk: during a download (ENOSPC injected at the file store's write stream, the fs layer; the
 * test output says so), during a catalog write (a real SQLITE_FULL: SQLite's max_page_count), during extraction,
 * and the free-space floor.
 * Each must: stop with a SinkError (exit 5, one line naming the path and the cause), mark no host failing and no URL
 * failed, keep no partial file, and the next run with room resumes to the same catalog as an undisturbed run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { FileStore } from '../../src/download/store.ts';
import { SinkError } from '../../src/errors.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST, portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
/** What an undisturbed crawl of the TRS sites stores (test/e2e/resume.test.ts counts the same). */
const CLEAN = { reports: 6, sources: 7, files: 13, reportFiles: 15 };

function counts(catalog: Catalog) {
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  return {
    reports: n('SELECT count(*) n FROM reports'),
    sources: n('SELECT count(*) n FROM report_sources'),
    files: n('SELECT count(*) n FROM files'),
    reportFiles: n('SELECT count(*) n FROM report_files'),
  };
}

/**
 * No partial file: every stored file hashes to its name; with `tmp`, no temp file is left either (right after a
 * stopped run, downloads of other hosts may still be ending in tmp/, which the next run sweeps). Returns the hashes.
 */
function assertStoreWhole(storage: string, tmp = true): string[] {
  const dir = path.join(storage, 'files');
  const files = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
  const hashes = files.map((f) => {
    const bytes = readFileSync(path.join(f.parentPath, f.name));
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(sha, f.name.split('.')[0], `partial or corrupt file ${f.name}`);
    return sha;
  });
  const tmpDir = path.join(storage, 'tmp');
  if (tmp) assert.deepEqual(existsSync(tmpDir) ? readdirSync(tmpDir) : [], [], 'temp files left');
  return hashes;
}

/** No host blamed, no URL recorded as failed, for a fault of ours. */
function assertNoSourceBlamed(catalog: Catalog): void {
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  assert.equal(n(`SELECT count(*) n FROM url_state WHERE outcome = 'failed'`), 0, 'a URL recorded as failed');
  assert.equal(n(`SELECT count(*) n FROM run_events WHERE kind IN ('failed', 'host_down')`), 0, 'a failure or a host down recorded');
}

const ENOSPC = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

test('disk full during a download (injected at the fs layer): exit-5 error, nothing blamed or partial, the next run resumes', { timeout: 180_000 }, async () => {
  console.log('disk full during a download: ENOSPC injected at the file store\'s write stream (fs layer)');
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: FAST }, {});
  const seeds = loadSeeds([seedsFile]);
  let opened = 0;
  // The fifth file written finds the disk full after 1 000 bytes.
  const full = new FileStore(storage, {
    io: {
      openWrite: (file) => {
        if (++opened !== 5) return createWriteStream(file, { flags: 'wx' });
        let n = 0;
        return new Writable({
          write(chunk: Buffer, _e, done) {
            n += chunk.length;
            done(n > 1000 ? ENOSPC() : null);
          },
        });
      },
    },
  });
  let catalog = Catalog.open(storagePaths(storage).catalog);
  const err = await harvest({ config, catalog, seeds, kind: 'crawl', jobName: 'crawl', store: full }).then(
    () => assert.fail('the run went on past a full disk'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof SinkError, String(err));
  assert.equal(err.exitCode, 5);
  assert.match(err.message, /^cannot write \S+\/tmp\/\S+\.part: ENOSPC \(no space left on device, write\)/);
  assertNoSourceBlamed(catalog);
  assertStoreWhole(storage, false);
  assert.ok(counts(catalog).files < CLEAN.files);
  catalog.close();

  // Space freed: the next run resumes and ends where an undisturbed run would.
  catalog = Catalog.open(storagePaths(storage).catalog);
  const again = await harvest({ config, catalog, seeds, kind: 'crawl', jobName: 'crawl' });
  assert.equal(again.status, 'ok');
  assert.deepEqual(counts(catalog), CLEAN);
  assert.equal(assertStoreWhole(storage).length, CLEAN.files);
  catalog.close();
});

test('catalog full (a real SQLITE_FULL) during a crawl and during extraction: exit-5 errors naming the catalog; the next runs resume', { timeout: 180_000 }, async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const catalogPath = storagePaths(storage).catalog;
  const config = loadConfig({ storageDir: storage, politeness: FAST }, {});
  const seeds = loadSeeds([seedsFile]);
  let catalog = Catalog.open(catalogPath);
  // SQLite refuses to grow the file past max_page_count with SQLITE_FULL, exactly as on a full disk.
  const pages = () => catalog.db.pragma('page_count', { simple: true }) as number;
  catalog.db.pragma(`max_page_count = ${pages() + 1}`);
  const err = await harvest({ config, catalog, seeds, kind: 'crawl', jobName: 'crawl' }).then(
    () => assert.fail(`the run went on past a full catalog: ${pages()} pages of ${String(catalog.db.pragma('max_page_count', { simple: true }))}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof SinkError, String(err));
  assert.equal(err.code, 'SQLITE_FULL');
  assert.match(err.message, new RegExp(`^cannot write ${catalogPath}: SQLITE_FULL`));
  catalog.close();

  catalog = Catalog.open(catalogPath);
  assertNoSourceBlamed(catalog);
  // Downloads of other hosts in flight when the run stopped may still be ending in tmp/: the next run sweeps them.
  assertStoreWhole(storage, false);
  const again = await harvest({ config, catalog, seeds, kind: 'crawl', jobName: 'crawl' });
  assert.equal(again.status, 'ok');
  assert.deepEqual(counts(catalog), CLEAN);
  assertStoreWhole(storage);

  // Extraction meets a full catalog after a few files: it stops, keeps what it committed, and the next run finishes.
  catalog.db.pragma(`max_page_count = ${pages() + 2}`);
  await assert.rejects(runExtraction(catalog, storage, { pool: { concurrency: 1 } }), (e: unknown) => e instanceof SinkError && e.code === 'SQLITE_FULL');
  catalog.close();
  catalog = Catalog.open(catalogPath);
  const n = (sql: string) => (catalog.db.prepare(sql).get() as { n: number }).n;
  assert.ok(n(`SELECT count(*) n FROM files WHERE extraction_status = 'pending'`) > 0);
  await runExtraction(catalog, storage, { pool: { concurrency: 1 } });
  assert.equal(n(`SELECT count(*) n FROM files WHERE extraction_status = 'pending'`), 0);
  assert.deepEqual(catalog.extractions.staleReports(0, 100), []);
  assert.equal(n(`SELECT count(*) n FROM report_extractions WHERE status = 'pending'`), 0);
  catalog.close();
});

test('below the free-space floor `nianbao crawl` exits 5 with one line, before asking any host for a file', { timeout: 120_000 }, async () => {
  const { portal, seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const child = spawn(process.execPath, [BIN, 'crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '50', '--progress', 'none'], {
    env: { ...process.env, NIANBAO_MIN_FREE_BYTES: String(2 ** 50), NIANBAO_BACKOFF_MS: '50' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 5, stderr);
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, new RegExp(`^nianbao: cannot write ${storage}: ENOSPC \\(\\d+ bytes free, below the 1125899906842624-byte floor`));
  assert.equal(portal.log.filter((r) => /\/P0\d+\.\w+$/.test(r.url)).length, 0, 'a file was requested below the floor');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  assertNoSourceBlamed(catalog);
  catalog.close();
});
