// A malformed configuration file or value is a ConfigError (exit 3) with one line naming it, never ignored.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readCrawleeJson, readJsonConfig } from '../../src/crawl/crawlee-setup.ts';
import { ConfigError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/nianbao.mjs');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIANBAO_STORAGE: undefined, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A valid seeds file whose one site is never reached: the run must stop on the configuration before crawling. */
function seedsIn(dir: string): string {
  const file = path.join(dir, 'seeds.yaml');
  writeFileSync(file, 'agencies:\n  - name: 宜春市国防动员办公室\n    division: "360900"\n    entries:\n      - url: http://127.0.0.1:9/gknb/index.html\n');
  return file;
}

test('a malformed crawlee.json in the working directory: crawl and backfill exit 3 naming the file; nothing is written', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'crawlee.json'), '{ "logLevel": "OFF", }');
  const storage = path.join(dir, 'storage');
  for (const args of [
    ['crawl', '--seeds', seedsIn(dir), '--storage', storage],
    ['backfill', '--province', '江西', '--seeds', seedsIn(dir), '--storage', storage],
  ]) {
    const r = run(args, dir);
    assert.equal(r.code, 3, `${args[0]}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, new RegExp(`^nianbao: ${dir}/crawlee\\.json: not valid JSON: .+`));
    assert.equal(existsSync(storage), false, 'the storage directory was created');
  }
});

test('crawlee.json: missing is no options, a non-object or unreadable one is refused, a good one is read', () => {
  const dir = tempDir();
  assert.deepEqual(readJsonConfig(path.join(dir, 'crawlee.json')), {});
  writeFileSync(path.join(dir, 'crawlee.json'), '[1, 2]');
  assert.throws(() => readJsonConfig(path.join(dir, 'crawlee.json')), (e: unknown) => e instanceof ConfigError && /crawlee\.json: must be a JSON object/.test(e.message));
  writeFileSync(path.join(dir, 'crawlee.json'), '{"headless": false}');
  assert.equal(readCrawleeJson(dir).headless, false, "the working directory's file overrides, as in Crawlee");
  const unreadable = path.join(dir, 'dir.json');
  mkdirSync(unreadable);
  assert.throws(() => readJsonConfig(unreadable), (e: unknown) => e instanceof ConfigError && /dir\.json: cannot be read/.test(e.message));
});

test('a malformed environment setting is exit 3 with one line, not an internal error', () => {
  const dir = tempDir();
  const r = run(['crawl', '--seeds', seedsIn(dir), '--storage', path.join(dir, 'storage')], dir, { NIANBAO_HOST_DELAY_MS: 'soon' });
  assert.equal(r.code, 3, r.err);
  assert.match(r.err, /^nianbao: environment variable NIANBAO_HOST_DELAY_MS must be a non-negative number, got "soon"\n$/);
});
