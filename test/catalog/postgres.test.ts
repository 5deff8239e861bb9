/**
 * The catalog on PostgreSQL (issue 14, items 1 and 4): a throwaway cluster (test/helpers/pg-cluster.ts); the fixture
 * portal crawled through the CLI once with the default SQLite catalog and once with `--catalog postgres://…`. Both
 * exports (and `export --figures`) are equal row for row; status, coverage, extract and serve work on PostgreSQL; a
 * second (nightly) crawl works; migrate-catalog copies the SQLite catalog into an empty database whose export is
 * the same; both schemas end with the same tables, columns and indices. Skipped outside CI without PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { acquirePostgresLock } from '../../src/catalog/postgres/lock.ts';
import { storagePaths } from '../../src/config.ts';
import { ExitCode } from '../../src/errors.ts';
import { startView } from '../../src/serve/server.ts';
import { portalWithSeeds } from '../helpers/harvest.ts';
import { BIN, runNianbao } from '../helpers/cli.ts';
import { startPgCluster } from '../helpers/pg-cluster.ts';
import { requireTools } from '../helpers/tools.ts';

const SITES = ['trs-jianxi', 'gbk-yiyang'];

/** Tables, their columns, and index names of a catalog (the indices behind keys and UNIQUE constraints left out). */
export function schemaOf(c: Catalog, postgres: boolean): Record<string, string[]> {
  const q = (sql: string) => c.db.prepare(sql).all() as Record<string, string>[];
  const out: Record<string, string[]> = {};
  const tables = postgres
    ? q("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
    : q("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  for (const { name } of tables) {
    const cols = postgres
      ? q(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${name}'`)
      : q(`SELECT name FROM pragma_table_info('${name}')`);
    out[`table ${name}`] = cols.map((r) => r.name!).sort();
  }
  const indices = postgres
    ? q('SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT IN (SELECT conname FROM pg_constraint)')
    : q("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'");
  out.indices = indices.map((r) => r.name!).sort();
  const views = postgres
    ? q("SELECT table_name AS name FROM information_schema.views WHERE table_schema = current_schema()")
    : q("SELECT name FROM sqlite_master WHERE type = 'view'");
  out.views = views.map((r) => r.name!).sort();
  return out;
}

/** A crawl sent SIGINT twice once its host jobs are crawling. */
function interruptedCrawl(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, 'crawl', ...args], { env: { ...process.env, NIANBAO_BACKOFF_MS: '50' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  // The progress lines (JSON on stderr) say a host job is crawling.
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    if (err.includes('"event":') && !child.killed) {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGINT'), 1000).unref();
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

test('the catalog on PostgreSQL: crawl, export, status, coverage, extract, serve, nightly, migrate-catalog', { timeout: 1_500_000 }, async (t) => {
  if (!requireTools(t, 'postgres')) return;
  const cluster = await startPgCluster();
  const pgUrl = cluster.createDatabase('crawl');
  const { seedsFile, dir } = await portalWithSeeds(SITES);
  const common = ['--seeds', seedsFile, '--host-delay', '50', '--progress', 'none'];
  const sqliteDir = path.join(dir, 'sqlite');
  const pgDir = path.join(dir, 'pg');
  const onPg = ['--storage', pgDir, '--catalog', pgUrl];

  const t0 = Date.now();
  const a = await runNianbao(['crawl', ...common, '--storage', sqliteDir]);
  const sqliteMs = Date.now() - t0;
  const t1 = Date.now();
  const b = await runNianbao(['crawl', ...common, ...onPg]);
  const pgMs = Date.now() - t1;
  t.diagnostic(`crawl wall time: SQLite ${sqliteMs} ms, PostgreSQL ${pgMs} ms`);
  assert.equal(b.code, a.code, `${b.out}\n${b.err}\n${cluster.log().slice(-3000)}`);
  // On PostgreSQL the crawl is queued as host jobs and worked in this process (as `enqueue` + `worker` would).
  assert.match(b.out, /^queued crawl run \d+: [1-9]\d* crawl-host jobs, worked here/m);
  // The same finds (the request count aside: robots.txt and retries vary with timing).
  const finds = (out: string) => {
    const line = out.split('\n').find((l) => /^crawl run \d+ /.test(l));
    assert.ok(line, out);
    return line.replace(/^.*? requests, /, '').replace(/; host jobs: \d+ done, 0 failed$/, '');
  };
  assert.equal(finds(b.out), finds(a.out));
  assert.match(b.out, /^extract: [1-9]\d* files \(.*\) in [1-9]\d* jobs$/m);
  assert.ok(!(await import('node:fs')).existsSync(storagePaths(pgDir).catalog), 'a SQLite catalog was created beside the PostgreSQL one');

  const exported = async (args: string[], extra: string[] = []) => {
    const out = path.join(dir, `export-${Math.random().toString(36).slice(2)}.csv`);
    const r = await runNianbao(['export', ...args, '--out', out, ...extra]);
    assert.equal(r.code, ExitCode.ok, r.err);
    return readFileSync(out, 'utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T');
  };
  const sqliteCsv = await exported(['--storage', sqliteDir]);
  assert.ok(sqliteCsv.split('\n').length > 5, 'the SQLite run exported almost nothing');
  assert.equal(await exported(onPg), sqliteCsv);
  const sqliteFigures = await exported(['--storage', sqliteDir], ['--figures']);
  assert.equal(await exported(onPg, ['--figures']), sqliteFigures);

  // status and coverage read the PostgreSQL catalog as they read SQLite's.
  for (const cmd of [['status'], ['coverage'], ['coverage', '--year', '2023']]) {
    const s = await runNianbao([...cmd, '--storage', sqliteDir]);
    const p = await runNianbao([...cmd, ...onPg]);
    assert.equal(p.code, s.code, `${cmd.join(' ')}: ${p.err}`);
    const strip = (x: string) => x.replaceAll(sqliteDir, 'S').replaceAll(pgDir, 'S').replaceAll(pgUrl, 'S').replace(/\d{4}-\d\d-\d\d[T ][\d:.]+Z?/g, 'T').replace(/\d\d:\d\d:\d\d/g, 'T');
    // A queued run's row adds its host jobs by state (queued/active/done/failed), all done when it ended.
    const jobs = /^(\d+ +crawl .*?) +0\/0\/[1-9]\d*\/0$/m;
    if (cmd[0] === 'status') assert.match(p.out, jobs, 'the queued run shows its jobs');
    assert.equal(strip(p.out.replace(jobs, '$1')), strip(s.out), cmd.join(' '));
  }

  // extract: nothing left to do after the crawl's own extraction, on either.
  const xs = await runNianbao(['extract', '--storage', sqliteDir]);
  const xp = await runNianbao(['extract', ...onPg]);
  assert.equal(xp.code, xs.code, xp.err);

  // serve: the overview page from the PostgreSQL catalog.
  const view = await startView({ storageDir: pgDir, catalog: pgUrl, port: 0 });
  try {
    const res = await fetch(view.url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /宜阳县|江西省|河南省/);
  } finally {
    await view.close();
  }

  // A second (nightly) crawl: incremental on PostgreSQL as on SQLite.
  const a2 = await runNianbao(['crawl', ...common, '--storage', sqliteDir]);
  const b2 = await runNianbao(['crawl', ...common, ...onPg]);
  assert.equal(b2.code, a2.code, b2.err);
  assert.match(b2.out, / 0 new files /);
  assert.equal(await exported(onPg), await exported(['--storage', sqliteDir]));

  // A queued run still running (queued by `enqueue` with no worker, or a crawl stopped by Ctrl-C) is joined by the
  // next crawl and worked to its end before that crawl queues its own.
  const q = await runNianbao(['enqueue', 'crawl', ...common, ...onPg]);
  assert.equal(q.code, ExitCode.ok, q.err);
  const queuedId = Number(/^queued crawl run (\d+): /m.exec(q.out)?.[1]);
  const joined = await runNianbao(['crawl', ...common, ...onPg]);
  assert.equal(joined.code, a2.code, joined.out + joined.err);
  assert.match(joined.out, new RegExp(`^queued run ${queuedId} \\(started .*\\) is still running: working on it to its end first$`, 'm'));
  assert.match(joined.out, new RegExp(`^crawl run ${queuedId} ok: .* 0 new files `, 'm'));
  assert.match(joined.out, new RegExp(`^queued crawl run ${queuedId + 1}: `, 'm'));
  assert.match(joined.out, new RegExp(`^crawl run ${queuedId + 1} ok: `, 'm'));
  // Ctrl-C twice during a first crawl (a database of its own): the jobs in flight are given back at once and the run
  // stays queued (exit 1); the next crawl resumes it from its frontier and ends with the same catalog.
  const onStopped = ['--storage', path.join(dir, 'pg-stopped'), '--catalog', cluster.createDatabase('stopped')];
  const stopped = await interruptedCrawl([...common, '--host-delay', '300', '--progress', 'json', ...onStopped]);
  assert.equal(stopped.code, ExitCode.partial, stopped.out + stopped.err);
  const stoppedId = Number(/^queued crawl run (\d+): /m.exec(stopped.out)?.[1]);
  assert.match(stopped.out, new RegExp(`^stopped: [1-9]\\d* jobs given back; queued run ${stoppedId} goes on in the queue`, 'm'));
  const resumed = await runNianbao(['crawl', ...common, ...onStopped]);
  assert.equal(resumed.code, a2.code, resumed.out + resumed.err);
  assert.match(resumed.out, new RegExp(`^queued run ${stoppedId} .* working on it to its end first$`, 'm'));
  assert.match(resumed.out, new RegExp(`^crawl run ${stoppedId} ok: `, 'm'));
  assert.equal(await exported(onStopped), await exported(['--storage', sqliteDir]));

  // migrate-catalog: the SQLite catalog copied into an empty database exports the same.
  const copyUrl = cluster.createDatabase('copy');
  const m = await runNianbao(['migrate-catalog', '--from', storagePaths(sqliteDir).catalog, '--to', copyUrl]);
  assert.equal(m.code, ExitCode.ok, m.out + m.err);
  assert.equal(await exported(['--storage', sqliteDir, '--catalog', copyUrl]), await exported(['--storage', sqliteDir]));
  assert.equal(await exported(['--storage', sqliteDir, '--catalog', copyUrl], ['--figures']), await exported(['--storage', sqliteDir], ['--figures']));
  // A database that holds a catalog already is refused, and left as it was.
  const again = await runNianbao(['migrate-catalog', '--from', storagePaths(sqliteDir).catalog, '--to', copyUrl]);
  assert.equal(again.code, ExitCode.usage, again.err);

  // The same schema on both.
  const pg = Catalog.openReadOnly(pgUrl);
  const sq = Catalog.openReadOnly(storagePaths(sqliteDir).catalog);
  try {
    assert.deepEqual(schemaOf(pg, true), schemaOf(sq, false));
    assert.deepEqual(pg.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(), sq.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all());
  } finally {
    pg.close();
    sq.close();
  }

  // One run at a time per catalog: the database's advisory lock, held here, refuses a crawl (exit 4).
  const held = acquirePostgresLock(pgUrl, 'test');
  try {
    const locked = await runNianbao(['crawl', ...common, ...onPg]);
    assert.equal(locked.code, ExitCode.locked, locked.err);
    assert.match(locked.err, /is locked by another run \(server session \d+/);
  } finally {
    held.release();
  }

  // An unreachable server or a malformed URL: the storage exit code, one clear line.
  const port = cluster.port;
  cluster.stop();
  const down = await runNianbao(['export', '--storage', pgDir, '--catalog', `postgres://nianbao@127.0.0.1:${port}/crawl`, '--out', path.join(dir, 'down.csv')]);
  assert.equal(down.code, ExitCode.storage, down.err);
  assert.match(down.err, /cannot open the catalog at postgres:\/\/nianbao@127\.0\.0\.1/);
  const bad = await runNianbao(['status', '--storage', pgDir, '--catalog', 'postgres://[bad']);
  assert.equal(bad.code, ExitCode.storage, bad.err);
});
