/** `nianbao status`: the last runs, counts by state, seeds that yielded nothing, failing hosts; `--seeds`: seed health. */
import { Command } from 'commander';
import { catalogOption, configFrom, humanBytes, openCatalogReadOnly, positiveInt, say, storageOption } from './common.ts';
import { table } from './table.ts';
import { printSeedHealth } from './status-seeds.ts';
import { isPostgresUrl } from '../catalog/db.ts';
import { queueOption } from './queue-options.ts';
import { queuedRunJobs, type JobsOfRun } from './status-queue.ts';

export function statusCommand(): Command {
  return new Command('status')
    .description('show the last runs, counts by state and failing hosts')
    .option('--runs <n>', 'how many recent runs to list', positiveInt('--runs'), 5)
    .option('--json', 'print JSON instead of tables')
    .option('--seeds', "each seed entry's last result, trend and health (flags empty, short, dropped, host_failed, moved)")
    .addOption(storageOption())
    .addOption(catalogOption())
    .addOption(queueOption())
    .action(async (opts: { runs: number; json?: boolean; seeds?: boolean; storage: string; catalog?: string; queue?: string }) => {
      const config = configFrom(opts);
      const catalog = openCatalogReadOnly(config);
      try {
        if (opts.seeds) return printSeedHealth(catalog, opts.json ?? false);
        const recent = catalog.runs.recent(opts.runs);
        // A queued run's jobs: live from the queue while it runs (with --queue), else as its end recorded them.
        const jobs: Map<number, JobsOfRun> = await queuedRunJobs(recent, opts.queue ?? (isPostgresUrl(config.catalog) ? config.catalog : undefined));
        const runs = recent.map((r) => ({
          ...r,
          args: withoutEntryIds(r.args),
          counts: JSON.parse(r.counts) as Record<string, unknown>,
          events: catalog.runs.eventCounts(r.id),
          ...(jobs.has(r.id) ? { jobs: jobs.get(r.id) } : {}),
        }));
        const counts = catalog.status.countsByState();
        const hosts = catalog.status.failingHosts(20);
        const lastCrawl = runs.find((r) => r.kind === 'crawl' || r.kind === 'backfill');
        const seedEmpty = lastCrawl ? catalog.runs.events(lastCrawl.id, 'seed_empty') : [];
        if (opts.json) {
          say(JSON.stringify({ runs, counts, failingHosts: hosts, seedEmpty }, null, 2));
          return;
        }
        say('Last runs');
        say(
          table(
            ['id', 'kind', 'started (UTC)', 'ended', 'status', 'new reports', 'new files', 'changed', 'gone', 'failed', 'jobs (queued/active/done/failed)'],
            runs.map((r) => [
              r.id,
              r.kind,
              r.started_at.slice(0, 19).replace('T', ' '),
              r.ended_at?.slice(11, 19) ?? '',
              r.status,
              r.events.new_report ?? 0,
              r.events.new_file ?? 0,
              r.events.changed ?? 0,
              r.events.gone ?? 0,
              r.events.failed ?? 0,
              r.jobs ? (r.jobs.counts ? `${r.jobs.counts.queued}/${r.jobs.counts.active}/${r.jobs.counts.done}/${r.jobs.counts.failed}` : r.jobs.note) : '',
            ]),
          ),
        );
        say('\nCatalog');
        say(
          table(
            ['what', 'count'],
            Object.entries(counts).map(([k, v]) => [k, k === 'bytes' ? humanBytes(v) : v]),
          ),
        );
        say('\nSeeds that yielded nothing in the last run');
        say(seedEmpty.length ? table(['seed URL', 'reason'], seedEmpty.map((e) => [e.url, e.detail])) : '(none)');
        say('\nFailing hosts');
        say(hosts.length ? table(['host', 'failed URLs', 'gone URLs', 'last reason'], hosts.map((h) => [h.host, h.failed, h.gone, h.last_reason])) : '(none)');
      } finally {
        catalog.close();
      }
    });
}

/** A queued run's args list its seed entries' ids: not worth a screen. */
function withoutEntryIds(args: string): string {
  try {
    const a = JSON.parse(args) as Record<string, unknown>;
    if (!Array.isArray(a.entryIds)) return args;
    const { entryIds, ...rest } = a;
    return JSON.stringify({ ...rest, seedEntries: entryIds.length });
  } catch {
    return args;
  }
}
