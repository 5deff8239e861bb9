/** `nianbao serve` as a command: one clear line without a catalog; serves on 127.0.0.1 and stops on SIGTERM. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tmp.ts';
import { buildViewCatalog } from './view-catalog.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');

test('no catalog: one line naming it, exit 6, nothing created', () => {
  const dir = path.join(tempDir(), 'empty');
  const r = spawnSync(process.execPath, [BIN, 'serve', '--storage', dir, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 6);
  assert.equal(existsSync(dir), false);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^nianbao: no catalog at .*empty\/catalog\.sqlite: check --storage/);
});

test('serves the catalog on 127.0.0.1 by default and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
  const v = buildViewCatalog(tempDir());
  const child = spawn(process.execPath, [BIN, 'serve', '--storage', v.storage, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/nianbao serve: (http:\/\/\S+)/);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`serve exited ${code} before listening: ${err}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${url}coverage`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /宜阳县人民政府/);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, err);
});
