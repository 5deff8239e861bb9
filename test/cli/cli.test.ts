import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { portalWithSeeds, TRS_SITES } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('--help everywhere, exit 0', () => {
  for (const args of [['--help'], ['crawl', '--help'], ['export', '--help']]) {
    const r = run(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.out, /Usage: nianbao/);
  }
});

test('--version and -V print the version, exit 0', () => {
  for (const flag of ['--version', '-V']) {
    const r = run([flag]);
    assert.equal(r.code, 0, flag);
    assert.equal(r.out.trim(), '0.1.0');
  }
});

test('an unknown flag or command is a usage error: exit 2', () => {
  assert.equal(run(['crawl', '--no-such-flag']).code, 2);
  assert.equal(run(['fly']).code, 2);
  assert.equal(run(['export']).code, 2); // --out is required
  assert.equal(run(['export', '--out', 'x.csv', '--year', 'twenty']).code, 2);
});

test('a bad seeds file: exit 3 with one line naming file, entry and field', () => {
  const dir = tempDir();
  const seeds = path.join(dir, 'bad.yaml');
  writeFileSync(seeds, 'agencies:\n  - name: 某局\n    division: "12"\n    entries: []\n');
  const r = run(['crawl', '--seeds', seeds, '--storage', dir]);
  assert.equal(r.code, 3);
  assert.equal(r.err.trim().split('\n').length, 1);
  assert.match(r.err, /bad\.yaml: agencies\[0\] \(某局\)\.division: must be a six-digit/);
});

/** Asynchronous run: the fixture portal lives in this process and must keep answering. */
function runAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

test('crawl then export through the command line', async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const storage = path.join(dir, 'storage');
  const crawl = await runAsync(['crawl', '--seeds', seedsFile, '--storage', storage, '--host-delay', '50']);
  assert.equal(crawl.code, 0, crawl.err);
  assert.match(crawl.out, /crawl run 1 ok: .* 6 new reports/);
  const out = path.join(dir, 'r.csv');
  const exp = await runAsync(['export', '--out', out, '--province', '江西', '--bom'], { NIANBAO_STORAGE: storage });
  assert.equal(exp.code, 0, exp.err);
  const text = readFileSync(out, 'utf8');
  assert.ok(text.startsWith('\ufeffagency,'));
  assert.ok(text.includes('宜春市国防动员办公室'));
  assert.ok(!text.includes('山东省国防动员办公室'));
  assert.ok(existsSync(path.join(storage, 'catalog.sqlite')));
});

test('schedule --run-now --max-runs 1 crawls once and logs one JSON line per event', async () => {
  const { seedsFile, dir } = await portalWithSeeds(TRS_SITES);
  const r = await runAsync(['schedule', '--seeds', seedsFile, '--storage', path.join(dir, 's'), '--host-delay', '50', '--run-now', '--max-runs', '1']);
  assert.equal(r.code, 0, r.err);
  const events = r.out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => (JSON.parse(l) as { event: string }).event);
  assert.deepEqual(events, ['run_finished', 'stopped']);
  assert.match(r.out, /crawl run 1 ok/);
});

test('schedule refuses a bad cron expression before waiting', () => {
  const r = run(['schedule', '--cron', '61 * * * *', '--seeds', 'seeds/demo.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.err, /bad cron expression/);
});

test('a second run on a locked storage directory exits 4 with a clear message', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'nianbao.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: 'now', command: 'crawl' }));
  const r = run(['crawl', '--seeds', 'seeds/demo.yaml', '--storage', dir]);
  assert.equal(r.code, 4);
  assert.match(r.err, /another run holds .*nianbao\.lock: pid \d+/);
});
