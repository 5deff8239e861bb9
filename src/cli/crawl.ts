/** `nianbao crawl`: harvest the portals of the seeds files into the catalog. */
import { Command, Option } from 'commander';
import { progressFor, type ProgressMode } from './progress.ts';
import type { NianbaoConfig } from '../config.ts';
import { readCrawleeJson } from '../crawl/crawlee-setup.ts';
import { harvest, type HarvestOptions } from '../crawl/harvest.ts';
import { DEFAULT_RECRAWL } from '../crawl/recrawl-policy.ts';
import { ExitCode } from '../errors.ts';
import { extractAndReport } from './extract.ts';
import { runExitCode, sayGuesses, sayRunTotals, saySeedHealth } from './run-summary.ts';
import { runLimits } from './run-limits.ts';
import { isPostgresUrl } from '../catalog/db.ts';
import { catalogOption, configFrom, filesOption, openCatalog, positiveInt, say, seedFiles, storageOption, withLock } from './common.ts';

export interface CrawlFlags {
  seeds?: string[];
  storage: string;
  catalog?: string;
  files?: string;
  hostDelay?: number;
  hostConcurrency?: number;
  maxHosts?: number;
  maxFileSize?: number;
  robots: boolean;
  extract: boolean;
  minPages?: number;
  progress: ProgressMode;
}

/** The configuration of crawl, backfill and schedule; a malformed crawlee.json fails here, before anything is written. */
export function crawlConfig(opts: CrawlFlags): NianbaoConfig {
  readCrawleeJson();
  return configFrom(opts, {
    maxFileBytes: opts.maxFileSize,
    // The run's own politeness (what a queued run hands its workers too), and this process's host slots.
    politeness: { ...runLimits(opts).politeness, ...(opts.maxHosts !== undefined ? { maxConcurrentHosts: opts.maxHosts } : {}) },
  });
}

/** Adds the flags crawl and backfill share. */
export function withCrawlFlags(cmd: Command): Command {
  return cmd
    .option('--seeds <file...>', 'seeds files (default: every seeds/*.yaml here except demo.yaml)')
    .addOption(storageOption())
    .addOption(catalogOption())
    .addOption(filesOption())
    .option('--host-delay <ms>', 'minimum milliseconds between requests to one host (default 1000)', positiveInt('--host-delay'))
    .option('--host-concurrency <n>', 'requests in flight per host (default 1)', positiveInt('--host-concurrency'))
    .option('--max-hosts <n>', 'hosts crawled at once (default: derived from memory and CPU per host, see NIANBAO_MAX_HOSTS)', positiveInt('--max-hosts'))
    .option('--max-file-size <bytes>', 'largest file downloaded (default 52428800)', positiveInt('--max-file-size'))
    .option('--no-robots', 'ignore robots.txt (only for your own test servers)')
    .option('--min-pages <n>', 'list pages read every run before paging may stop at a page with nothing new (default 1)', positiveInt('--min-pages'))
    .addOption(new Option('--progress <mode>', 'live progress on stderr: a status line on a terminal, JSON lines otherwise').choices(['auto', 'tty', 'json', 'none']).default('auto'))
    .option('--no-extract', 'do not extract what was downloaded (run `nianbao extract` later)');
}

/** Runs one harvest under the storage lock and prints its summary; returns the exit code. */
export async function runHarvestCommand(
  config: NianbaoConfig,
  command: string,
  options: Omit<HarvestOptions, 'config' | 'catalog'>,
  extract = true,
  progressMode: ProgressMode = 'auto',
): Promise<number> {
  return withLock(config, command, async () => {
    const catalog = openCatalog(config);
    const progress = progressFor(progressMode);
    try {
      const summary = await harvest({ ...options, config, catalog, onEvent: progress.onEvent, onTick: progress.onTick }).finally(() => progress.end());
      sayRunTotals(options.kind, summary.runId, summary.status, summary.stats);
      sayGuesses(catalog, summary.runId);
      if (summary.resumedHosts.length) say(`resumed the unfinished queues of ${summary.resumedHosts.length} hosts`);
      for (const c of summary.openCircuits) say(`host skipped for the rest of the run: ${c.host} (${c.reason})`);
      saySeedHealth(catalog, summary.seeds.map((x) => x.seedEntryId));
      const extracted = extract ? await extractAndReport(catalog, config, {}) : ExitCode.ok;
      return runExitCode(summary.status === 'ok' && extracted === ExitCode.ok, summary.emptySeeds + summary.shortSeeds);
    } finally {
      catalog.close();
    }
  });
}

export function crawlCommand(): Command {
  return withCrawlFlags(new Command('crawl').description("crawl the seeds' portals for annual reports; download, store and catalog them")).action(
    async (opts: CrawlFlags) => {
      const config = crawlConfig(opts);
      if (isPostgresUrl(config.catalog)) {
        // A PostgreSQL catalog is shared by workers: the run is queued as host jobs and worked here (queued-crawl.ts).
        const args = { kind: 'crawl' as const, asked: { seeds: opts.seeds ?? 'seeds/*.yaml' }, ...runLimits(opts) };
        process.exitCode = await (await import('./queued-crawl.ts')).runQueuedHere(config, { command: 'crawl', extract: opts.extract, progress: opts.progress, request: { seeds: { files: seedFiles(opts.seeds) }, args } });
        return;
      }
      // Read inside the run, against the catalog: seeds files unchanged since the last run are not parsed again.
      process.exitCode = await runHarvestCommand(config, 'crawl', {
        seeds: { files: seedFiles(opts.seeds) },
        kind: 'crawl',
        jobName: 'crawl',
        policy: { ...DEFAULT_RECRAWL, ...(opts.minPages ? { minListPages: opts.minPages } : {}) },
        args: { seeds: opts.seeds ?? 'seeds/*.yaml' },
      }, opts.extract, opts.progress);
    },
  );
}
