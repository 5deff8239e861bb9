/** `nianbao enqueue crawl|backfill`: a queued run, one crawl-host job per host, for `nianbao worker` processes. */
import { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { enqueueRun, type EnqueueRequest } from '../queue/enqueue.ts';
import { PgWorkQueue, queueLocation } from '../queue/pg-queue.ts';
import { parseYears, resolveProvince, seedsOfProvince } from '../registry/province.ts';
import { loadSeeds } from '../registry/seeds-file.ts';
import { openCatalog, say, seedFiles } from './common.ts';
import { crawlConfig, withCrawlFlags, type CrawlFlags } from './crawl.ts';
import { leaseOption, queueOption } from './queue-options.ts';
import { runLimits } from './run-limits.ts';

interface EnqueueFlags extends CrawlFlags {
  queue?: string;
  lease?: number;
}

async function enqueue(opts: EnqueueFlags, req: EnqueueRequest): Promise<void> {
  const config = crawlConfig(opts);
  const url = queueLocation(opts.queue, config.catalog);
  const catalog = openCatalog(config);
  try {
    const queue = await PgWorkQueue.open(url, { leaseSeconds: opts.lease });
    try {
      const { runId, jobs } = await enqueueRun(catalog, queue, req);
      say(`queued ${req.args.kind} run ${runId}: ${jobs} crawl-host jobs (nianbao worker takes them; nianbao status shows progress)`);
    } finally {
      await queue.close();
    }
  } finally {
    catalog.close();
  }
}

const withQueueFlags = (cmd: Command) => withCrawlFlags(cmd).addOption(queueOption()).addOption(leaseOption()).exitOverride();

export function enqueueCommand(): Command {
  const crawl = withQueueFlags(new Command('crawl').description('queue a crawl of the seeds: one crawl-host job per host')).action(async (opts: EnqueueFlags) => {
    const files = seedFiles(opts.seeds);
    await enqueue(opts, { seeds: { files }, args: { kind: 'crawl', asked: { seeds: opts.seeds ?? 'seeds/*.yaml' }, ...runLimits(opts) } });
  });
  const backfill = withQueueFlags(
    new Command('backfill')
      .description('queue a backfill of one province: every seed of it to full depth')
      .requiredOption('--province <name|code>', 'the province: a name (河南省, 河南) or a division code (41, 410000)')
      .option('--years <range>', 'only reports on these years, e.g. 2019-2024 or 2021,2023'),
  ).action(async (opts: EnqueueFlags & { province: string; years?: string }) => {
    const province = resolveProvince(opts.province);
    if (opts.years) parseYears(opts.years);
    const seeds = seedsOfProvince(loadSeeds(seedFiles(opts.seeds)), province);
    if (!seeds.length) throw new UsageError(`no seeds entry lies in ${province.name} (${province.code})`);
    await enqueue(opts, {
      seeds,
      args: { kind: 'backfill', years: opts.years ?? null, fullDepth: true, asked: { province: province.code, years: opts.years ?? null }, ...runLimits(opts) },
    });
  });
  return new Command('enqueue')
    .description('queue a run as jobs in a PostgreSQL work queue, for `nianbao worker` processes on any machine')
    .addCommand(crawl)
    .addCommand(backfill);
}
