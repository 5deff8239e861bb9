/** `nianbao crawl`: harvest the portals of the seeds files into the catalog. */
import { Command } from 'commander';
import { harvest } from '../crawl/harvest.ts';
import { ExitCode } from '../errors.ts';
import { loadSeeds } from '../registry/seeds-file.ts';
import { configFrom, humanBytes, openCatalog, positiveInt, say, seedFiles, storageOption } from './common.ts';

export function crawlCommand(): Command {
  return new Command('crawl')
    .description('crawl the seeds\' portals for annual reports; download, store and catalog them')
    .option('--seeds <file...>', 'seeds files (default: every seeds/*.yaml here except demo.yaml)')
    .addOption(storageOption())
    .option('--host-delay <ms>', 'minimum milliseconds between requests to one host (default 1000)', positiveInt('--host-delay'))
    .option('--host-concurrency <n>', 'requests in flight per host (default 1)', positiveInt('--host-concurrency'))
    .option('--max-file-size <bytes>', 'largest file downloaded (default 52428800)', positiveInt('--max-file-size'))
    .option('--no-robots', 'ignore robots.txt (only for your own test servers)')
    .action(async (opts: { seeds?: string[]; storage: string; hostDelay?: number; hostConcurrency?: number; maxFileSize?: number; robots: boolean }) => {
      const config = configFrom(opts, {
        maxFileBytes: opts.maxFileSize,
        politeness: {
          ...(opts.hostDelay !== undefined ? { hostDelayMs: opts.hostDelay } : {}),
          ...(opts.hostConcurrency !== undefined ? { hostConcurrency: opts.hostConcurrency } : {}),
          ...(opts.robots === false ? { obeyRobots: false } : {}),
        },
      });
      const seeds = loadSeeds(seedFiles(opts.seeds));
      const catalog = openCatalog(config);
      try {
        const summary = await harvest({ config, catalog, seeds, kind: 'crawl', jobName: 'crawl', args: { seeds: opts.seeds ?? 'seeds/*.yaml' } });
        const s = summary.stats;
        say(
          `crawl run ${summary.runId} ${summary.status}: ${s.requests} requests, ${s.listPages} list pages, ${s.reportPages} report pages, ` +
            `${s.newReports} new reports, ${s.newFiles} new files (${humanBytes(s.bytesStored)}), ${s.changed} changed, ${s.gone} gone, ` +
            `${s.failed} failed, ${s.skipped} skipped`,
        );
        for (const c of summary.openCircuits) say(`host skipped for the rest of the run: ${c.host} (${c.reason})`);
        process.exitCode = summary.status === 'ok' ? ExitCode.ok : ExitCode.partial;
      } finally {
        catalog.close();
      }
    });
}
