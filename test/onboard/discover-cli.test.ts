/** `nianbao discover` on the command line: usage errors, and a portal that cannot be read (exit 1, named on stderr). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
const cwd = tempDir();

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NIANBAO_BACKOFF_MS: '10' } }, (error, out, err) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, out, err }),
    );
  });
}

test('no portal given, or not a URL: usage error, exit 2', async () => {
  assert.equal((await run(['discover'])).code, 2);
  const r = await run(['discover', 'www.henan.gov.cn']);
  assert.equal(r.code, 2);
  assert.match(r.err, /not an http\(s\) URL: "www\.henan\.gov\.cn"/);
});

test('a portal list file with a bad line: exit 3 naming the file and line', async () => {
  const { writeFileSync } = await import('node:fs');
  const list = path.join(cwd, 'bad.txt');
  writeFileSync(list, '# 某省\nhttp://127.0.0.1:9/\nnot a url\n');
  const r = await run(['discover', '--list', list]);
  assert.equal(r.code, 3);
  assert.match(r.err, /bad\.txt:3: not a URL: "not a url"/);
});

test('an unreachable portal: exit 1, the portal named on stderr, an empty but valid proposal on stdout', async () => {
  const r = await run(['discover', 'http://127.0.0.1:9/', '--host-delay', '10', '--no-browser']);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /nianbao: http:\/\/127\.0\.0\.1:9\/: 1 page\(s\) read, 0 report column\(s\); 1 notes: http:\/\/127\.0\.0\.1:9\/: /);
  assert.match(r.out, /# No new agency found: nothing to crawl here\./);
});
