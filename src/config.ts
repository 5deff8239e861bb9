/**
 * The one home of nianbao's settings (Crawlee's own live in crawlee.json). Every default is stated once, here.
 * Precedence: command-line flag > environment variable > default.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseS3Location } from './download/content-store.ts';
import { ConfigError } from './errors.ts';
import { defaultHostSlots } from './crawl/frontier-slots.ts';

export interface PolitenessConfig {
  /** Requests in flight at once to one host. Default 1. Env NIANBAO_HOST_CONCURRENCY. */
  hostConcurrency: number;
  /** Minimum milliseconds between two requests to one host (start to start, and end of one to start of the next).
   * Default 1000. Env NIANBAO_HOST_DELAY_MS.
   * A robots.txt Crawl-delay that is longer wins (capped by maxCrawlDelayMs). */
  hostDelayMs: number;
  /** Longest robots.txt Crawl-delay honoured, in ms. Default 60 000. */
  maxCrawlDelayMs: number;
  /** Hosts crawled at the same time. Default derived from the measured cost of a host crawled at once
   * (src/crawl/frontier-slots.ts): the fewer of what crawlMemoryMiB holds and what one core serves at hostDelayMs —
   * 66 at the default 1 GiB and 1 s. Env NIANBAO_MAX_HOSTS. */
  maxConcurrentHosts: number;
  /** Retries after the first try for 5xx, timeouts, resets and truncations. Default 3. */
  maxRetries: number;
  /** First retry backoff in ms; doubles each retry. Default 2000. Env NIANBAO_BACKOFF_MS. */
  backoffBaseMs: number;
  /** Consecutive failures after which a host is skipped for the rest of the run. Default 5. */
  circuitBreakerThreshold: number;
  /** Whether robots.txt is obeyed. Default true. */
  obeyRobots: boolean;
  /** Page request timeout in ms, for the whole exchange: connecting, headers and the complete body (a page that drips
   * a byte a second, or a chunked body that never ends, is cut here as `timeout`). Default 30 000. */
  pageTimeoutMs: number;
  /** Attachment download timeout in ms (whole exchange, body included). Default 300 000. */
  downloadTimeoutMs: number;
  /** Largest page (list, report page, JSON answer) read, in bytes, decompressed; bigger is `too_large`. Default 8 MiB.
   * A document answered to a page request (a report link naming no file) is capped by maxFileBytes instead. */
  maxPageBytes: number;
  /** Links of one list page considered at most; the rest are dropped with a `skipped` run event. Default 5 000. */
  maxLinksPerPage: number;
  /** User-Agent sent with every request; robots.txt rules are matched against the name after `compatible;` in it. */
  userAgent: string;
}

export interface NianbaoConfig {
  /** Root of all runtime data: catalog.sqlite, files/, crawlee/, lock. Default ./storage. Env NIANBAO_STORAGE. */
  storageDir: string;
  /**
   * The catalog: a SQLite file path (default `<storage>/catalog.sqlite`) or a PostgreSQL database,
   * `postgres://user:password@host:port/database` (src/catalog/db.ts). With PostgreSQL, one run at a time per
   * catalog is a session-level advisory lock in that database (src/catalog/postgres/lock.ts) instead of the storage
   * directory's lock file. Env NIANBAO_CATALOG; flag --catalog.
   */
  catalog: string;
  /** Largest file downloaded, in bytes. Default 50 MB. Env NIANBAO_MAX_FILE_BYTES. */
  maxFileBytes: number;
  /**
   * Path of the Chromium binary used for JavaScript-rendered sites. Default: Debian's chromium-headless-shell when
   * installed, else /usr/bin/chromium (CHROMIUM_CANDIDATES). Env NIANBAO_CHROMIUM.
   */
  chromiumPath: string;
  /**
   * Free space (bytes) the storage directory's filesystem must keep: checked (statfs) before each download and
   * before extraction writes; below it the run stops with exit 5 as if the disk were full, before it is.
   * Default 100 MiB; 0 turns the check off. Env NIANBAO_MIN_FREE_BYTES.
   */
  minFreeBytes: number;
  /** Memory a crawl may use, MiB: what the default number of hosts crawled at once (politeness.maxConcurrentHosts)
   * is derived from. Default 1024. Env NIANBAO_CRAWL_MEMORY_MB. */
  crawlMemoryMiB: number;
  /**
   * Where downloaded files are stored: null for `<storage>/files` (the default), or `s3://bucket/prefix`, an
   * S3-compatible bucket whose endpoint, region and credentials come from the usual AWS environment variables
   * (src/download/s3-store.ts). Env NIANBAO_FILES; flag --files.
   */
  files: string | null;
  /**
   * Pages read at most when a seed whose page lists no report (over HTTP and in the browser) is explored for its
   * annual-report columns, from its page as `nianbao discover` explores a portal; the columns found are read as the
   * seed's lists and the seed is flagged `moved`. 0 turns the exploration off. Default 30. Env NIANBAO_EXPLORE_PAGES.
   */
  exploreEmptySeedPages: number;
  /**
   * Browser-lane hosts drawn at once, each in a context of its own of the crawl's one Chromium
   * (crawl/shared-browser.ts); the others wait. Without a bound a run escalating many seeds drew every such host at
   * once (14 Chromium instances on two cores in the blind-portal test, one per host then), until pages timed out.
   * Default: one per core, at least 2, at most 4. Env NIANBAO_MAX_BROWSERS.
   */
  maxBrowsers: number;
  politeness: PolitenessConfig;
}

/**
 * Debian's Chromium binaries, the lighter first. chromium-headless-shell is Chromium's old headless mode (what
 * Playwright itself runs when asked for a headless browser): on the blind portals' browser pages it took less than
 * half the CPU of the full browser in its new headless mode (61 s against 134 s of the machine's CPU for one part's
 * 40 browser portals, renderers included) and a quarter less wall time. Both are Debian's builds; none is downloaded.
 */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

const DEFAULT_CRAWL_MEMORY_MIB = 1024;
const DEFAULT_HOST_DELAY_MS = 1000;

export const DEFAULTS: Omit<NianbaoConfig, 'storageDir' | 'catalog'> & { storageDir: string } = {
  storageDir: './storage',
  files: null,
  crawlMemoryMiB: DEFAULT_CRAWL_MEMORY_MIB,
  maxFileBytes: 50 * 1024 * 1024,
  chromiumPath: CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? CHROMIUM_CANDIDATES.at(-1)!,
  minFreeBytes: 100 * 1024 * 1024,
  exploreEmptySeedPages: 30,
  maxBrowsers: Math.min(4, Math.max(2, os.availableParallelism())),
  politeness: {
    hostConcurrency: 1,
    hostDelayMs: DEFAULT_HOST_DELAY_MS,
    maxCrawlDelayMs: 60_000,
    maxConcurrentHosts: defaultHostSlots({ memoryMiB: DEFAULT_CRAWL_MEMORY_MIB, hostDelayMs: DEFAULT_HOST_DELAY_MS }),
    maxRetries: 3,
    backoffBaseMs: 2000,
    circuitBreakerThreshold: 5,
    obeyRobots: true,
    pageTimeoutMs: 30_000,
    downloadTimeoutMs: 300_000,
    maxPageBytes: 8 * 1024 * 1024,
    maxLinksPerPage: 5_000,
    // A desktop browser's shape with the harvester named in it, as search engines' desktop crawlers write theirs: sites
    // that give anything not saying Windows, Macintosh or X11 their stripped mobile pages (cut titles, no pager, no
    // attachments: round 46d's `Vary: User-Agent`) serve the pages a reader sees. robots.txt matches `nianbao`.
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; compatible; nianbao/0.1; +government information disclosure annual report harvester) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  },
};

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`environment variable ${name} must be a non-negative number, got "${raw}"`);
  return n;
}

export interface ConfigOverrides {
  storageDir?: string;
  catalog?: string;
  maxFileBytes?: number;
  chromiumPath?: string;
  minFreeBytes?: number;
  crawlMemoryMiB?: number;
  files?: string | null;
  exploreEmptySeedPages?: number;
  maxBrowsers?: number;
  politeness?: Partial<PolitenessConfig>;
}

/** Builds the effective configuration from defaults, the environment and explicit overrides (CLI flags, tests). */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): NianbaoConfig {
  const p = DEFAULTS.politeness;
  const crawlMemoryMiB = overrides.crawlMemoryMiB ?? envNumber(env, 'NIANBAO_CRAWL_MEMORY_MB') ?? DEFAULTS.crawlMemoryMiB;
  const partial = {
    ...p,
    hostConcurrency: envNumber(env, 'NIANBAO_HOST_CONCURRENCY') ?? p.hostConcurrency,
    hostDelayMs: envNumber(env, 'NIANBAO_HOST_DELAY_MS') ?? p.hostDelayMs,
    backoffBaseMs: envNumber(env, 'NIANBAO_BACKOFF_MS') ?? p.backoffBaseMs,
    ...overrides.politeness,
  };
  const politeness: PolitenessConfig = {
    ...partial,
    // Derived from the delay and memory in effect, unless set.
    maxConcurrentHosts:
      overrides.politeness?.maxConcurrentHosts ??
      envNumber(env, 'NIANBAO_MAX_HOSTS') ??
      defaultHostSlots({ memoryMiB: crawlMemoryMiB, hostDelayMs: partial.hostDelayMs }),
  };
  const storageDir = path.resolve(overrides.storageDir ?? env.NIANBAO_STORAGE ?? DEFAULTS.storageDir);
  const files = overrides.files || env.NIANBAO_FILES || DEFAULTS.files;
  if (files) parseS3Location(files); // a malformed location fails here, before anything is written
  const catalog = overrides.catalog || env.NIANBAO_CATALOG || storagePaths(storageDir).catalog;
  return {
    storageDir,
    catalog: /^[a-z][a-z0-9+.-]*:\/\//i.test(catalog) ? catalog : path.resolve(catalog),
    files,
    maxFileBytes: overrides.maxFileBytes ?? envNumber(env, 'NIANBAO_MAX_FILE_BYTES') ?? DEFAULTS.maxFileBytes,
    chromiumPath: overrides.chromiumPath ?? env.NIANBAO_CHROMIUM ?? DEFAULTS.chromiumPath,
    minFreeBytes: overrides.minFreeBytes ?? envNumber(env, 'NIANBAO_MIN_FREE_BYTES') ?? DEFAULTS.minFreeBytes,
    crawlMemoryMiB,
    exploreEmptySeedPages: overrides.exploreEmptySeedPages ?? envNumber(env, 'NIANBAO_EXPLORE_PAGES') ?? DEFAULTS.exploreEmptySeedPages,
    maxBrowsers: Math.max(1, overrides.maxBrowsers ?? envNumber(env, 'NIANBAO_MAX_BROWSERS') ?? DEFAULTS.maxBrowsers),
    politeness,
  };
}

/**
 * The storage lock's heartbeat: while a run lives it rewrites the time in its lock file this often (an unref'd
 * timer). A lock whose heartbeat is older than LOCK_STALE_AFTER_MS is stale whatever pid and host it names, so a
 * run killed in a container (new hostname, or the same pid after a restart) never blocks the next one for longer
 * than that. The limit is six heartbeats, so a busy event loop that delays a few of them is not mistaken for death.
 */
export const LOCK_HEARTBEAT_MS = 20_000;
export const LOCK_STALE_AFTER_MS = 120_000;

/** Where each kind of runtime data lives inside the storage directory. */
export function storagePaths(storageDir: string) {
  return {
    catalog: path.join(storageDir, 'catalog.sqlite'),
    files: path.join(storageDir, 'files'),
    tmp: path.join(storageDir, 'tmp'),
    crawlee: path.join(storageDir, 'crawlee'),
    lock: path.join(storageDir, 'nianbao.lock'),
  };
}
