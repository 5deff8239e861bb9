import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireLock } from '../../src/catalog/lock.ts';
import { LockedError } from '../../src/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

test('a second run is refused while the first holds the lock; released on release()', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  const first = acquireLock(file, 'crawl');
  assert.throws(() => acquireLock(file, 'crawl'), (e: unknown) => e instanceof LockedError && /another run holds .* pid \d+/.test(e.message));
  first.release();
  assert.equal(existsSync(file), false);
  acquireLock(file, 'crawl').release();
});

test('a stale lock of a dead process is detected and taken over', async () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await new Promise((r) => child.on('exit', r));
  writeFileSync(file, JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'crawl' }));
  const lock = acquireLock(file, 'crawl');
  assert.equal(lock.tookOver?.pid, deadPid);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).pid, process.pid);
  lock.release();
});

test('a lock held by another live process is respected', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: os.hostname(), startedAt: 'x', command: 'crawl' }));
  assert.throws(() => acquireLock(file, 'crawl'), LockedError);
});
