/**
 * One run at a time per storage directory. The lock is a file created exclusively (O_EXCL) holding the owner's
 * pid, host and start time; a lock whose process is gone (same host, pid not alive) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { LockedError } from '../errors.ts';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

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
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

export interface Lock {
  release(): void;
  /** Set when a stale lock of a dead process was taken over. */
  tookOver: LockInfo | null;
}

export function acquireLock(file: string, command: string): Lock {
  let tookOver: LockInfo | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = read(file);
        if (current?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release, tookOver };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = read(file);
      if (holder === null && youngerThan(file, 10_000)) {
        // Just created by another process that has not written its details yet: it is alive.
        throw new LockedError(`another run is starting and holds ${file}`);
      }
      const stale = holder === null || (holder.host === os.hostname() && !alive(holder.pid));
      if (!stale) {
        throw new LockedError(
          `another run holds ${file}: pid ${holder.pid} on ${holder.host}, "${holder.command}", since ${holder.startedAt}`,
        );
      }
      // A dead owner (killed, crashed) or an unreadable lock file: take it over.
      tookOver = holder;
      rmSync(file, { force: true });
    }
  }
  throw new LockedError(`could not take the lock ${file}`);
}
