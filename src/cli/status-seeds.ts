/** `nianbao status --seeds`: every seed entry's last result, its trend, and what makes it unhealthy. */
import type { Catalog } from '../catalog/catalog.ts';
import type { SeedHealthRow } from '../catalog/seed-health.ts';
import { say } from './common.ts';
import { table } from './table.ts';

/** What the flags mean, for people. */
const FLAG_TEXT: Record<string, string> = {
  empty: 'no report items',
  short: 'fewer than its pager announces',
  dropped: 'yield dropped sharply',
  host_failed: 'host failed',
  moved: 'its page lists no report: read through a column found on its host',
};

export function printSeedHealth(catalog: Catalog, json: boolean): void {
  const rows = catalog.seedHealth.health();
  if (json) {
    const unhealthy = rows.filter((r) => !r.healthy).length;
    say(JSON.stringify({ seeds: rows, unhealthy }, null, 2));
    return;
  }
  if (!rows.length) {
    say('(no seed entries in the catalog yet)');
    return;
  }
  say(
    table(
      ['seed', 'agency', 'url', 'last run', 'list pages', 'report items', 'new reports', 'family', 'via', 'trend', 'health'],
      rows.map((r) => [
        r.seedEntryId,
        r.agency,
        r.url,
        r.last?.runId ?? '',
        r.last?.listPages ?? '',
        r.last?.reportItems ?? '',
        r.last?.newReports ?? '',
        r.last?.family ?? '',
        via(r),
        r.trend.join(' '),
        r.last ? (r.healthy ? 'ok' : r.flags.map((f) => FLAG_TEXT[f] ?? f).join('; ')) : 'never crawled',
      ]),
    ),
  );
  const unhealthy = rows.filter((r) => !r.healthy);
  say(`\n${unhealthy.length} of ${rows.length} seed entries unhealthy`);
  for (const r of unhealthy) if (r.last?.reason) say(`  seed ${r.seedEntryId}: ${r.last.reason}`);
}

function via(r: SeedHealthRow): string {
  if (!r.last) return '';
  return [r.last.usedLearned ? 'learned API' : null, r.last.usedBrowser ? 'browser' : null].filter(Boolean).join('+') || 'http';
}
