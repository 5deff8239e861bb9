/**
 * Crawlee's configuration: crawlee.json (beside package.json) plus the storage directory of this run, so request
 * queues persist under <storage>/crawlee and survive a crash. Queues are never purged on start: the catalog and
 * the persisted queues are how a killed run resumes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Configuration, log, LogLevel } from '@crawlee/core';
import { MemoryStorage } from '@crawlee/memory-storage';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function readCrawleeJson(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'crawlee.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
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
