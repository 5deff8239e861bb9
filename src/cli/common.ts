/** Options and helpers shared by the commands. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { Catalog } from '../catalog/catalog.ts';
import { acquireLock } from '../catalog/lock.ts';
import { isPostgresUrl } from '../catalog/db.ts';
import { acquirePostgresLock } from '../catalog/postgres/lock.ts';
import { loadConfig, storagePaths, type ConfigOverrides, type NianbaoConfig } from '../config.ts';
import { UsageError } from '../errors.ts';

export const storageOption = () =>
  new Option('--storage <dir>', 'storage directory (catalog, files, queues)').env('NIANBAO_STORAGE').default('./storage');

export const catalogOption = () =>
  new Option('--catalog <location>', 'the catalog: a SQLite file, or postgres://user:password@host:port/database; default <storage>/catalog.sqlite').env(
    'NIANBAO_CATALOG',
  );

export const filesOption = () =>
  new Option(
    '--files <location>',
    'where downloaded files are stored: s3://bucket/prefix (endpoint, region, credentials from the AWS environment); default <storage>/files',
  ).env('NIANBAO_FILES');

export function openCatalog(config: NianbaoConfig): Catalog {
  return Catalog.open(config.catalog);
}

/** For commands that only read (export, coverage, status): never creates a catalog; exit 6 when there is none. */
export function openCatalogReadOnly(config: NianbaoConfig): Catalog {
  return Catalog.openReadOnly(config.catalog);
}

export function configFrom(opts: { storage?: string; files?: string; catalog?: string }, extra: ConfigOverrides = {}): NianbaoConfig {
  return loadConfig({ ...extra, storageDir: opts.storage, files: opts.files, catalog: opts.catalog });
}

/** The seeds files to use: those given, else every seeds/*.yaml of the working directory except the demo. */
export function seedFiles(given: string[] | undefined): string[] {
  if (given && given.length) return given.map((f) => path.resolve(f));
  const dir = path.resolve('seeds');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError('no --seeds given and no seeds/ directory here');
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n) && n !== 'demo.yaml').sort();
  if (!files.length) throw new UsageError('no --seeds given and no seeds/*.yaml here');
  return files.map((n) => path.join(dir, n));
}

export function positiveInt(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, got "${v}"`);
    return Number(v);
  };
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/**
 * Runs fn holding the catalog's lock (one run at a time): the storage directory's lock file for a SQLite catalog (a
 * stale lock of a dead run is taken over), an advisory lock of the database for a PostgreSQL one.
 */
export async function withLock<T>(config: NianbaoConfig, command: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(config.storageDir, { recursive: true });
  if (isPostgresUrl(config.catalog)) {
    const lock = acquirePostgresLock(config.catalog, command);
    try {
      return await fn();
    } finally {
      lock.release();
    }
  }
  const lock = acquireLock(storagePaths(config.storageDir).lock, command);
  if (lock.tookOver) {
    const t = lock.tookOver;
    process.stderr.write(`nianbao: took over the lock of a run that is gone (pid ${t.pid} on ${t.host}, since ${t.startedAt}): ${t.staleBecause}\n`);
  }
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
