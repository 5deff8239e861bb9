/**
 * Durability and space of the storage directory: fsync of a file and of a directory (so a rename survives a power
 * cut), and the free-space floor checked before writes. A write refused by the filesystem is a SinkError.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, statfs } from 'node:fs/promises';
import { SinkError } from '../errors.ts';

/** Flushes a file's bytes to the disk. */
export async function syncFile(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Flushes a directory's entries (a rename or a new name in it) to the disk. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch (err) {
    // Some filesystems cannot fsync a directory (EINVAL); the rename itself has happened.
    if ((err as { code?: string }).code !== 'EINVAL') throw err;
  } finally {
    await fh.close();
  }
}

/** syncDir, blocking: for the last few directories of a group commit, right before its COMMIT (store.ts). */
export function syncDirSync(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EINVAL') throw err;
  } finally {
    closeSync(fd);
  }
}

/** Bytes available to us on the filesystem holding dir. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Throws a SinkError when the filesystem holding dir has less than floorBytes free (floor 0: no check). */
export async function assertFreeSpace(dir: string, floorBytes: number, free: (dir: string) => Promise<number> = freeBytes): Promise<void> {
  if (floorBytes <= 0) return;
  const n = await free(dir);
  if (n < floorBytes) {
    throw new SinkError(dir, 'ENOSPC', `${n} bytes free, below the ${floorBytes}-byte floor (minFreeBytes, env NIANBAO_MIN_FREE_BYTES)`);
  }
}
