/** `nianbao status`: the last runs, counts by state, seeds that yielded nothing, failing hosts; `--seeds`: seed health. */
import { Command } from 'commander';
import { catalogOption, configFrom, humanBytes, openCatalogReadOnly, positiveInt, say, storageOption } from './common.ts';
import { table } from './table.ts';
import { printSeedHealth } from './status-seeds.ts';

export function statusCommand(): Command {
  return new Command('status')
    .description('show the last runs, counts by state and failing hosts')
    .option('--runs <n>', 'how many recent runs to list', positiveInt('--runs'), 5)
    .option('--json', 'print JSON instead of tables')
    .option('--seeds', "each seed entry's last result, trend and health (flags empty, short, dropped, host_failed, moved)")
    .addOption(storageOption())
    .addOption(catalogOption())
    .action(async (opts: { runs: number; json?: boolean; seeds?: boolean; storage: string }) => {
      const catalog = openCatalogReadOnly(configFrom(opts));
      try {
        if (opts.seeds) return printSeedHealth(catalog, opts.json ?? false);
        const runs = catalog.runs.recent(opts.runs).map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, unknown>, events: catalog.runs.eventCounts(r.id) }));
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
            ['id', 'kind', 'started (UTC)', 'ended', 'status', 'new reports', 'new files', 'changed', 'gone', 'failed'],
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
