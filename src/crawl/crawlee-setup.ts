/**
 * Crawlee's configuration: crawlee.json (beside package.json) plus the storage directory of this run, so request
 * queues persist under <storage>/crawlee and survive a crash. Queues are never purged on start: the catalog and
 * the persisted queues are how a killed run resumes.
 *
 * Crawlee itself also reads a crawlee.json in the working directory and silently ignores one it cannot parse; so
 * both files are checked here, and a malformed one is a ConfigError (exit 3) naming the file, never ignored.
 */
import { readFileSync } from 'node:fs';
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

export function crawleeConfiguration(crawleeDir: string): Configuration {
  const fromFile = readCrawleeJson();
  const level = String(process.env.CRAWLEE_LOG_LEVEL ?? fromFile.logLevel ?? 'OFF').toUpperCase();
  log.setLevel(LogLevel[level as keyof typeof LogLevel] ?? LogLevel.OFF);
  const storageClient = new MemoryStorage({ localDataDirectory: crawleeDir, persistStorage: true, writeMetadata: false });
  return new Configuration({
    ...fromFile,
    storageClient,
    purgeOnStart: false,
    persistStorage: true,
  });
}
