/**
 * Crawlee's configuration: crawlee.json (beside package.json) plus the storage directory of this run, so request
 * queues persist under <storage>/crawlee and survive a crash. Queues are never purged on start: the catalog and
 * the persisted queues are how a killed run resumes.
 *
 * Crawlee itself also reads a crawlee.json in the working directory and silently ignores one it cannot parse; so
 * both files are checked here, and a malformed one is a ConfigError (exit 3) naming the file, never ignored.
 */
import { AsyncResource } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { ConfigError } from '../errors.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Configuration, log, LogLevel } from '@crawlee/core';
import { MemoryStorage } from '@crawlee/memory-storage';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One crawlee.json: {} when there is none; a ConfigError naming the file when it is not a JSON object. */
export function readJsonConfig(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${file}: cannot be read: ${(err as Error).message}`, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${file}: must be a JSON object of Crawlee options`);
  }
  return value as Record<string, unknown>;
}

/**
 * The Crawlee options of crawlee.json beside package.json, checked together with the working directory's
 * crawlee.json that Crawlee would read on its own (which then overrides, as it does in Crawlee).
 */
export function readCrawleeJson(cwd = process.cwd()): Record<string, unknown> {
  const own = path.join(PACKAGE_ROOT, 'crawlee.json');
  const here = path.resolve(cwd, 'crawlee.json');
  const fromPackage = readJsonConfig(own);
  return here === own ? fromPackage : { ...fromPackage, ...readJsonConfig(here) };
}

/**
 * An async scope with no request in it, taken when this module loads (outside any crawl). Queue operations run in
 * it: see ContextFreeStorage.
 */
const STORAGE_SCOPE = new AsyncResource('nianbao.crawlee-storage');

type RequestQueueClient = ReturnType<MemoryStorage['requestQueue']>;

/**
 * Crawlee's memory storage, with every request-queue call run outside the caller's async context.
 *
 * Why: each persisted queue entry of @crawlee/memory-storage (fs/request-queue/fs.js) arms a 60-second "sweep" timer
 * on its first write and refreshes it on every later one. Crawlee calls the queue from inside a request's handler
 * (requests added by a list page) and from inside @apify/timeout's AsyncLocalStorage frame, whose store closes over
 * the handler and thus over its crawling context (body, parsed DOM, response). A timer created there holds that
 * store for its whole minute, so at full speed every page handled in the last minute stayed reachable: 0.7 GiB at
 * 1,005 pages, 3.2 GiB at 10,050. Run in STORAGE_SCOPE, the timers (and every promise of the queue's file I/O)
 * belong to no request, and a page is garbage as soon as its handler returns.
 */
class ContextFreeStorage extends MemoryStorage {
  override requestQueue(...args: Parameters<MemoryStorage['requestQueue']>): RequestQueueClient {
    return new Proxy(super.requestQueue(...args), {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...callArgs: unknown[]) => STORAGE_SCOPE.runInAsyncScope(value as (...a: unknown[]) => unknown, target, ...callArgs);
      },
    });
  }
}

/** The two file helpers of @crawlee/memory-storage that every persisted request-queue entry goes through. */
interface MemoryStorageFsUtils {
  lockAndWrite(filePath: string, data: unknown, stringify?: boolean, retry?: number, timeout?: number): Promise<void>;
  lockAndCallback<T>(filePath: string, callback: () => Promise<T>, retry?: number, timeout?: number): Promise<T>;
}

const QUEUE_DIR = `${path.sep}request_queues${path.sep}`;
let queueWritesReplaced = false;
let tmpSeq = 0;

/**
 * Request-queue entries written without a lock file and atomically. @crawlee/memory-storage writes each entry's JSON
 * (twice per request: queued, handled) under proper-lockfile: a mkdir, a stat and an rmdir around every write, a
 * third of the queue's cost, to guard against another process — which the storage lock (src/catalog/lock.ts)
 * already excludes: one run per storage directory. And its write is in place, so a run killed mid-write left a
 * truncated entry that the next start drops as invalid JSON (a queued request lost); here the entry is written to a
 * dot-file beside it (which the queue's loader skips; one left by a kill goes with the queue when its run finishes)
 * and renamed over it. The helpers are module exports that
 * memory-storage looks up at each call; only paths under request_queues/ are handled here, the rest (key-value
 * stores, datasets) go to the originals. Each entry also made sure of its directory before its first write (a
 * mkdir per write: memory-storage makes a new entry object for every update); here a missing directory is made when
 * a write finds it missing instead. Pinned to @crawlee/memory-storage 3.x: checked when replaced.
 */
function replaceQueueWrites(): void {
  if (queueWritesReplaced) return;
  queueWritesReplaced = true;
  const require = createRequire(import.meta.url);
  const fsUtils = require(path.join(path.dirname(require.resolve('@crawlee/memory-storage')), 'background-handler', 'fs-utils.js')) as MemoryStorageFsUtils;
  if (typeof fsUtils.lockAndWrite !== 'function' || typeof fsUtils.lockAndCallback !== 'function') {
    throw new Error('@crawlee/memory-storage changed: background-handler/fs-utils no longer exports lockAndWrite/lockAndCallback');
  }
  const entryModule = require(path.join(path.dirname(require.resolve('@crawlee/memory-storage')), 'fs', 'request-queue', 'fs.js')) as {
    RequestQueueFileSystemEntry?: { prototype: { update(data: unknown): Promise<void>; directoryExists?: boolean } };
  };
  const entryProto = entryModule.RequestQueueFileSystemEntry?.prototype;
  if (typeof entryProto?.update !== 'function') {
    throw new Error('@crawlee/memory-storage changed: fs/request-queue/fs.js no longer exports RequestQueueFileSystemEntry');
  }
  const { lockAndWrite, lockAndCallback } = fsUtils;
  const update = entryProto.update;
  entryProto.update = function (this: { directoryExists?: boolean }, data: unknown) {
    this.directoryExists = true; // made by the write below when missing
    return update.call(this, data);
  };
  const writeEntry = async (filePath: string, bytes: string | Buffer) => {
    const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${tmpSeq++}.tmp`);
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, filePath);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  };
  fsUtils.lockAndWrite = async (filePath, data, stringify = true, ...rest) => {
    if (!filePath.includes(QUEUE_DIR)) return lockAndWrite(filePath, data, stringify, ...rest);
    const bytes = stringify ? JSON.stringify(data) : (data as string | Buffer);
    try {
      await writeEntry(filePath, bytes);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(path.dirname(filePath), { recursive: true });
      await writeEntry(filePath, bytes);
    }
  };
  fsUtils.lockAndCallback = async (filePath, callback, ...rest) =>
    filePath.includes(QUEUE_DIR) ? callback() : lockAndCallback(filePath, callback, ...rest);
}

/** Crawlee's default memory budget: availableMemoryRatio (0.25 unless crawlee.json says) of the memory this process may use. */
function crawleeMemoryMbytes(fromFile: Record<string, unknown>): number {
  const ratio = typeof fromFile.availableMemoryRatio === 'number' ? fromFile.availableMemoryRatio : 0.25;
  const limit = process.constrainedMemory?.() || Infinity; // 0 or absent: no cgroup limit
  return Math.max(1, Math.floor((Math.min(os.totalmem(), limit) * ratio) / 2 ** 20));
}

export function crawleeConfiguration(crawleeDir: string): Configuration {
  replaceQueueWrites();
  const fromFile = readCrawleeJson();
  const level = String(process.env.CRAWLEE_LOG_LEVEL ?? fromFile.logLevel ?? 'OFF').toUpperCase();
  log.setLevel(LogLevel[level as keyof typeof LogLevel] ?? LogLevel.OFF);
  const storageClient = new ContextFreeStorage({ localDataDirectory: crawleeDir, persistStorage: true, writeMetadata: false });
  return new Configuration({
    // Crawlee samples memory every second by spawning `ps` for its autoscaling, which nianbao does not use (each
    // host's concurrency is fixed by politeness): 2 % of a full-speed crawl's CPU. Once a minute is enough for
    // Crawlee's memory warnings. crawlee.json may still set it.
    systemInfoIntervalMillis: 60_000,
    // Every crawler (one per host) otherwise spawns `ps` when it starts, to learn the machine's memory for its
    // overload threshold: 66 at the start of a nightly run, 3.4k over a national one. Given here, as the same share
    // of the same memory (the cgroup's limit when there is one).
    memoryMbytes: crawleeMemoryMbytes(fromFile),
    ...fromFile,
    storageClient,
    purgeOnStart: false,
    persistStorage: true,
  });
}
