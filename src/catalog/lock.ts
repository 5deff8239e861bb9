/**
 * One run at a time per storage directory. The lock is a file created exclusively (O_EXCL) holding the owner's
 * pid, host, start time, a random token and a heartbeat time that the owner refreshes while it lives.
 *
 * A lock is stale, and taken over, when any of these holds:
 * - its heartbeat is older than LOCK_STALE_AFTER_MS (src/config.ts), whatever pid and host it names: the only rule
 *   that works in containers, where a killed run's host name is gone and its pid may belong to someone else;
 * - it names this host and a pid that is not alive;
 * - it names OUR pid but is not a lock this process holds: a container restarted under the same pid;
 * - it is unreadable and older than a few seconds.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { LOCK_HEARTBEAT_MS, LOCK_STALE_AFTER_MS } from '../config.ts';
import { LockedError } from '../errors.ts';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** Tells this lock from an earlier one of the same pid. Absent in locks written before the heartbeat. */
  token?: string;
  /** ISO time of the owner's last sign of life. Absent in old locks: the file's mtime stands in. */
  heartbeatAt?: string;
}

export interface LockOptions {
  heartbeatMs?: number;
  staleAfterMs?: number;
}

/** Locks this process holds now, by absolute path → token: our own pid in one of these is a live holder. */
const held = new Map<string, string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof info === 'object' && info !== null && typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

function mtimeMs(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Milliseconds since the holder's last heartbeat (its file's mtime for a lock without one). */
function heartbeatAge(file: string, holder: LockInfo | null): number {
  const beat = holder?.heartbeatAt ? Date.parse(holder.heartbeatAt) : NaN;
  const at = Number.isFinite(beat) ? beat : (mtimeMs(file) ?? 0);
  return Date.now() - at;
}

/** Why a held lock may be taken over, or null when its holder must be respected. */
function staleReason(file: string, holder: LockInfo | null, staleAfterMs: number): string | null {
  const age = heartbeatAge(file, holder);
  if (holder === null) return age < 10_000 ? null : 'unreadable lock file';
  if (age > staleAfterMs) return `no heartbeat for ${Math.round(age / 1000)} s`;
  if (holder.pid === process.pid) {
    return held.get(file) !== undefined && held.get(file) === holder.token ? null : 'our own pid, from an earlier process';
  }
  if (holder.host === os.hostname() && !alive(holder.pid)) return 'its process is gone';
  return null;
}

/** Replaces the lock's content in one step (write beside, rename over), so a reader never sees half a file. */
function writeAtomically(file: string, info: LockInfo): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(info));
  renameSync(tmp, file);
}

export interface Lock {
  release(): void;
  /** Set when a stale lock was taken over: its holder, and why it was stale. */
  tookOver: (LockInfo & { staleBecause: string }) | null;
}

export function acquireLock(file: string, command: string, options: LockOptions = {}): Lock {
  const heartbeatMs = options.heartbeatMs ?? LOCK_HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? LOCK_STALE_AFTER_MS;
  file = path.resolve(file);
  let tookOver: Lock['tookOver'] = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const now = new Date().toISOString();
      const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: now, command, token: randomUUID(), heartbeatAt: now };
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      held.set(file, info.token!);
      return holdLock(file, info, heartbeatMs, tookOver);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = read(file);
      const why = staleReason(file, holder, staleAfterMs);
      if (why === null) {
        throw new LockedError(
          holder === null
            ? `another run is starting and holds ${file}`
            : `another run holds ${file}: pid ${holder.pid} on ${holder.host}, "${holder.command}", since ${holder.startedAt}`,
        );
      }
      tookOver = { ...(holder ?? { pid: 0, host: '?', startedAt: '?', command: '?' }), staleBecause: why };
      rmSync(file, { force: true });
    }
  }
  throw new LockedError(`could not take the lock ${file}`);
}

function holdLock(file: string, info: LockInfo, heartbeatMs: number, tookOver: Lock['tookOver']): Lock {
  const beat = () => {
    const current = read(file);
    if (current?.token !== info.token) {
      // Someone judged us stale and took over (e.g. the event loop stalled past the limit): say so, once.
      clearInterval(timer);
      process.stderr.write(`nianbao: lost the lock ${file} to pid ${current?.pid ?? '?'} on ${current?.host ?? '?'}\n`);
      return;
    }
    try {
      writeAtomically(file, { ...info, heartbeatAt: new Date().toISOString() });
    } catch (err) {
      process.stderr.write(`nianbao: cannot refresh the lock ${file}: ${(err as Error).message}\n`);
    }
  };
  const timer = setInterval(beat, heartbeatMs);
  // The heartbeat alone must never keep the process alive.
  timer.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(timer);
    process.removeListener('exit', release);
    if (held.get(file) === info.token) held.delete(file);
    if (read(file)?.token === info.token) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { release, tookOver };
}
