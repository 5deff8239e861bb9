import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { acquireLock } from '../../src/catalog/lock.ts';
import { LOCK_STALE_AFTER_MS } from '../../src/config.ts';
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

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

test('the holder refreshes its heartbeat while it lives', async () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  const lock = acquireLock(file, 'crawl', { heartbeatMs: 20 });
  try {
    const first = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(typeof first.heartbeatAt, 'string');
    let beat = first.heartbeatAt;
    for (let i = 0; i < 3000 && beat === first.heartbeatAt; i++) {
      await new Promise((r) => setTimeout(r, 10));
      beat = JSON.parse(readFileSync(file, 'utf8')).heartbeatAt;
    }
    assert.notEqual(beat, first.heartbeatAt, 'the heartbeat was never refreshed');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).token, first.token);
  } finally {
    lock.release();
  }
  assert.equal(existsSync(file), false);
});

test('a lock whose heartbeat is older than the limit is stale, whatever its pid and host', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  // A live pid on another host: only the heartbeat can tell it is dead (a container that was killed).
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: 'container-gone', startedAt: ago(600_000), command: 'crawl', token: 't', heartbeatAt: ago(LOCK_STALE_AFTER_MS + 5000) }));
  const lock = acquireLock(file, 'crawl');
  assert.equal(lock.tookOver?.host, 'container-gone');
  assert.match(lock.tookOver!.staleBecause, /no heartbeat for \d+ s/);
  lock.release();
});

test('a fresh heartbeat on another host is respected', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  writeFileSync(file, JSON.stringify({ pid: 1, host: 'other-host', startedAt: ago(600_000), command: 'crawl', token: 't', heartbeatAt: ago(1000) }));
  assert.throws(() => acquireLock(file, 'crawl'), (e: unknown) => e instanceof LockedError && /pid 1 on other-host/.test(e.message));
});

test('a lock without a heartbeat (older format) is stale once its file is older than the limit', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  writeFileSync(file, JSON.stringify({ pid: process.ppid, host: 'other-host', startedAt: 'x', command: 'crawl' }));
  assert.throws(() => acquireLock(file, 'crawl'), LockedError);
  const old = (Date.now() - LOCK_STALE_AFTER_MS - 5000) / 1000;
  utimesSync(file, old, old);
  const lock = acquireLock(file, 'crawl');
  assert.match(lock.tookOver!.staleBecause, /no heartbeat/);
  lock.release();
});

test('a lock naming our own pid that this process does not hold is stale (a container restarted under that pid)', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: ago(5000), command: 'crawl', token: 'earlier-life', heartbeatAt: ago(1000) }));
  const lock = acquireLock(file, 'crawl');
  assert.equal(lock.tookOver?.token, 'earlier-life');
  assert.match(lock.tookOver!.staleBecause, /our own pid/);
  // The lock this process holds now, with the same pid, is respected.
  assert.throws(() => acquireLock(file, 'crawl'), LockedError);
  lock.release();
});

test('the heartbeat timer does not keep a process alive, and the lock goes with the process', () => {
  const file = path.join(tempDir(), 'nianbao.lock');
  const lockModule = pathToFileURL(path.resolve('src/catalog/lock.ts')).href;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', `import { acquireLock } from ${JSON.stringify(lockModule)}; acquireLock(${JSON.stringify(file)}, 'crawl', { heartbeatMs: 10 });`],
    { encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(existsSync(file), false);
});
