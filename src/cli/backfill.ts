/** `nianbao backfill`: one province's whole history, every seed of it, full pagination depth; resumable. */
import { Command } from 'commander';
import { UsageError } from '../errors.ts';
import { parseYears, resolveProvince, seedsOfProvince } from '../registry/province.ts';
import { loadSeeds } from '../registry/seeds-file.ts';
import { seedFiles } from './common.ts';
import { crawlConfig, runHarvestCommand, withCrawlFlags, type CrawlFlags } from './crawl.ts';
import { runLimits } from './run-limits.ts';
import { isPostgresUrl } from '../catalog/db.ts';

export function backfillCommand(): Command {
  return withCrawlFlags(
    new Command('backfill')
      .description("crawl every seed of one province to full depth (all years), fetching nothing outside it; resumable")
      .requiredOption('--province <name|code>', 'the province: a name (河南省, 河南) or a division code (41, 410000)')
      .option('--years <range>', 'only reports on these years, e.g. 2019-2024 or 2021,2023'),
  ).action(async (opts: CrawlFlags & { province: string; years?: string }) => {
    const province = resolveProvince(opts.province);
    const years = opts.years ? parseYears(opts.years) : undefined;
    const seeds = seedsOfProvince(loadSeeds(seedFiles(opts.seeds)), province);
    if (!seeds.length) throw new UsageError(`no seeds entry lies in ${province.name} (${province.code})`);
    const config = crawlConfig(opts);
    if (isPostgresUrl(config.catalog)) {
      const args = { kind: 'backfill' as const, years: opts.years ?? null, fullDepth: true, asked: { province: province.code, years: opts.years ?? null }, ...runLimits(opts) };
      process.exitCode = await (await import('./queued-crawl.ts')).runQueuedHere(config, { command: `backfill ${province.code}`, extract: opts.extract, progress: opts.progress, request: { seeds, args } });
      return;
    }
    process.exitCode = await runHarvestCommand(config, `backfill ${province.code}`, {
      seeds,
      kind: 'backfill',
      // One job per province and year range: a rerun after a crash resumes exactly this backfill.
      jobName: `backfill-${province.code}${years ? `-${years.from}-${years.to}` : ''}`,
      args: { province: province.code, years: opts.years ?? null },
      years: years?.test,
      fullDepth: true,
    }, opts.extract, opts.progress);
  });
}
