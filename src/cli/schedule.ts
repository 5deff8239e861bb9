/**
 * `nianbao schedule`: stays in the foreground and fires `crawl` on a schedule (nightly in the reporting season,
 * weekly otherwise, by default). Runs never overlap: one runs at a time in this process, and the storage lock
 * keeps out any other run (a firing that finds the lock taken is skipped and logged).
 */
import { Command } from 'commander';
import { LockedError, UsageError } from '../errors.ts';
import { loadSeeds } from '../registry/seeds-file.ts';
import { DEFAULT_PLAN, nextFire, validateCron, type SchedulePlan } from '../schedule/plan.ts';
import { say, seedFiles } from './common.ts';
import { crawlConfig, runHarvestCommand, withCrawlFlags, type CrawlFlags } from './crawl.ts';
import { runLimits } from './run-limits.ts';
import { isPostgresUrl } from '../catalog/db.ts';

function logLine(event: string, fields: Record<string, unknown>): void {
  say(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
}

export function scheduleCommand(): Command {
  return withCrawlFlags(
    new Command('schedule')
      .description('run crawls on a schedule, in the foreground (nightly 02:30 China time from 15 Dec to 15 Apr, weekly otherwise)')
      .option('--cron <expr>', 'one cron expression for the whole year instead of the seasonal default')
      .option('--season-cron <expr>', `cron expression in the reporting season (default "${DEFAULT_PLAN.seasonCron}")`)
      .option('--off-season-cron <expr>', `cron expression out of season (default "${DEFAULT_PLAN.offSeasonCron}")`)
      .option('--season <MM-DD..MM-DD>', `the reporting season (default ${DEFAULT_PLAN.seasonStart}..${DEFAULT_PLAN.seasonEnd})`)
      .option('--timezone <tz>', `time zone of the expressions (default ${DEFAULT_PLAN.timezone})`)
      .option('--run-now', 'also crawl once right away')
      .option('--max-runs <n>', 'stop after this many runs (for testing)', (v) => Number(v)),
  ).action(
    async (
      opts: CrawlFlags & { cron?: string; seasonCron?: string; offSeasonCron?: string; season?: string; timezone?: string; runNow?: boolean; maxRuns?: number },
    ) => {
      const plan: SchedulePlan = { ...DEFAULT_PLAN };
      if (opts.timezone) plan.timezone = opts.timezone;
      if (opts.cron) plan.seasonCron = plan.offSeasonCron = opts.cron;
      if (opts.seasonCron) plan.seasonCron = opts.seasonCron;
      if (opts.offSeasonCron) plan.offSeasonCron = opts.offSeasonCron;
      if (opts.season) {
        const m = /^(\d{2}-\d{2})\.\.(\d{2}-\d{2})$/.exec(opts.season);
        if (!m) throw new UsageError(`--season must look like 12-15..04-15, got "${opts.season}"`);
        plan.seasonStart = m[1]!;
        plan.seasonEnd = m[2]!;
      }
      for (const expr of new Set([plan.seasonCron, plan.offSeasonCron])) {
        const problem = validateCron(expr, plan.timezone);
        if (problem) throw new UsageError(`bad cron expression "${expr}": ${problem}`);
      }
      const config = crawlConfig(opts);
      loadSeeds(seedFiles(opts.seeds)); // fail now, not at 02:30, on a bad seeds file
      let stopping = false;
      let wake: (() => void) | null = null;
      const stop = () => {
        stopping = true;
        wake?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let runs = 0;
      let first = opts.runNow === true;
      while (!stopping && (opts.maxRuns === undefined || runs < opts.maxRuns)) {
        if (!first) {
          const at = nextFire(plan, new Date());
          logLine('scheduled', { next: at.toISOString() });
          await new Promise<void>((resolve) => {
            wake = resolve;
            // setTimeout cannot wait more than ~24.8 days; wake up and recompute if the wait is longer.
            setTimeout(resolve, Math.min(Math.max(0, at.getTime() - Date.now()), 2 ** 31 - 1));
          });
          wake = null;
          if (stopping || Date.now() < at.getTime() - 1000) continue;
        }
        first = false;
        runs += 1;
        const started = Date.now();
        try {
          // On a PostgreSQL catalog the run is queued and worked here, with any workers (queued-crawl.ts).
          const code = isPostgresUrl(config.catalog)
            ? await (await import('./queued-crawl.ts')).runQueuedHere(config, {
                command: 'schedule crawl',
                extract: opts.extract,
                progress: opts.progress,
                request: { seeds: { files: seedFiles(opts.seeds) }, args: { kind: 'crawl', asked: { scheduled: true }, ...runLimits(opts) } },
              })
            : await runHarvestCommand(config, 'schedule crawl', { seeds: { files: seedFiles(opts.seeds) }, kind: 'crawl', jobName: 'crawl', args: { scheduled: true } }, opts.extract, opts.progress);
          logLine('run_finished', { exitCode: code, seconds: Math.round((Date.now() - started) / 1000) });
        } catch (err) {
          logLine(err instanceof LockedError ? 'run_skipped_locked' : 'run_failed', { error: (err as Error).message });
        }
      }
      logLine('stopped', { runs });
    },
  );
}
