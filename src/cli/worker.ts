/** `nianbao worker`: takes crawl-host and extract jobs from the work queue until SIGTERM/SIGINT, which drains. */
import { Command } from 'commander';
import { openContentStore } from '../download/content-store.ts';
import { ExitCode } from '../errors.ts';
import { PgWorkQueue, queueLocation, redact } from '../queue/pg-queue.ts';
import { QueueWorker } from '../queue/worker.ts';
import { catalogOption, configFrom, filesOption, openCatalog, positiveInt, storageOption } from './common.ts';
import { queueOption } from './queue-options.ts';
import { readCrawleeJson } from '../crawl/crawlee-setup.ts';

interface WorkerFlags {
  storage: string;
  catalog?: string;
  files?: string;
  queue?: string;
  crawlSlots: number;
  extractSlots: number;
  drainSeconds: number;
}

const nonNegativeInt = (name: string) => (v: string) => (v === '0' ? 0 : positiveInt(name)(v));

/** One JSON line per event on standard output. */
const log = (e: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), pid: process.pid, ...e })}\n`);

export function workerCommand(): Command {
  return new Command('worker')
    .description('take crawl-host and extract jobs of queued runs until SIGTERM/SIGINT (which drains)')
    .addOption(storageOption())
    .addOption(catalogOption())
    .addOption(filesOption())
    .addOption(queueOption())
    .option('--crawl-slots <n>', 'host jobs crawled at once (default 4)', nonNegativeInt('--crawl-slots'), 4)
    .option('--extract-slots <n>', 'files extracted at once (default 1; 0: take no extract jobs)', nonNegativeInt('--extract-slots'), 1)
    .option('--drain-seconds <n>', 'on SIGTERM, how long jobs in flight may run on before they are given back (default 60)', nonNegativeInt('--drain-seconds'), 60)
    .action(async (opts: WorkerFlags) => {
      readCrawleeJson();
      const config = configFrom(opts);
      const url = queueLocation(opts.queue, config.catalog);
      const queue = await PgWorkQueue.open(url, { supervise: true });
      const catalog = openCatalog(config);
      const store = await openContentStore(config);
      const pool: { made: Promise<import('../extract/pool.ts').ExtractionPool> | null } = { made: null };
      const worker = new QueueWorker({
        config,
        catalog,
        queue,
        store,
        crawlSlots: opts.crawlSlots,
        extractSlots: opts.extractSlots,
        drainSeconds: opts.drainSeconds,
        log,
        extractionPool: () => (pool.made ??= import('../extract/pool.ts').then((m) => new m.ExtractionPool({ concurrency: Math.max(1, opts.extractSlots) }))),
        onLeaseLost: (job) => {
          log({ event: 'lease_lost', queue: job.name, job: job.id, data: job.data });
          process.stderr.write(`nianbao: lost the lease of ${job.name} job ${job.id}: another worker may hold it; stopping at once\n`);
          process.exit(ExitCode.queue);
        },
      });
      let signals = 0;
      const onSignal = (sig: string) => {
        signals += 1;
        log({ event: 'signal', signal: sig });
        if (signals === 1) worker.stop();
        else void worker.giveBack().then(() => process.exit(ExitCode.ok));
      };
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      process.on('SIGINT', () => onSignal('SIGINT'));
      log({ event: 'worker_started', queue: redact(url), storage: config.storageDir, crawlSlots: opts.crawlSlots, extractSlots: opts.extractSlots });
      const givenBack = await worker.run();
      log({ event: 'stopped', givenBack });
      // Host crawls given back may still have requests in flight in this process: end it now, as a kill would.
      if (givenBack > 0) process.exit(ExitCode.ok);
      await queue.close();
      if (pool.made) await (await pool.made).close();
      await store.close();
      catalog.close();
      process.exitCode = ExitCode.ok;
    });
}
