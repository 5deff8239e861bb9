/**
 * Crawlee's configuration: crawlee.json (beside package.json), with a storage client that keeps Crawlee's own
 * stores in memory only. Nothing of Crawlee's needs to survive a run: request queues are nianbao's own, persisted in
 * the catalog (host-queue.ts), and sessions and statistics are not persisted (harvest.ts).
 *
 * Crawlee itself also reads a crawlee.json in the working directory and silently ignores one it cannot parse; so
 * both files are checked here, and a malformed one is a ConfigError (exit 3) naming the file, never ignored.
 */
import { readFileSync } from 'node:fs';
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

/** Crawlee's default memory budget: availableMemoryRatio (0.25 unless crawlee.json says) of the memory this process may use. */
function crawleeMemoryMbytes(fromFile: Record<string, unknown>): number {
  const ratio = typeof fromFile.availableMemoryRatio === 'number' ? fromFile.availableMemoryRatio : 0.25;
  const limit = process.constrainedMemory?.() || Infinity; // 0 or absent: no cgroup limit
  return Math.max(1, Math.floor((Math.min(os.totalmem(), limit) * ratio) / 2 ** 20));
}

export function crawleeConfiguration(crawleeDir: string): Configuration {
  const fromFile = readCrawleeJson();
  const level = String(process.env.CRAWLEE_LOG_LEVEL ?? fromFile.logLevel ?? 'OFF').toUpperCase();
  log.setLevel(LogLevel[level as keyof typeof LogLevel] ?? LogLevel.OFF);
  const storageClient = new MemoryStorage({ localDataDirectory: crawleeDir, persistStorage: false, writeMetadata: false });
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
    persistStorage: false,
  });
}
