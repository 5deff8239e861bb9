/** What a crawl, backfill or schedule run tells the user at its end, besides its counts: guesses and seed health. */
import type { Catalog } from '../catalog/catalog.ts';
import { GUESSED_YEAR_LIKE } from '../crawl/classify/year.ts';
import { say } from './common.ts';

/** The run's new reports catalogued on a guess (no silent fallback): how many, and where the user sees which. */
export function sayGuesses(catalog: Catalog, runId: number): void {
  const g = catalog.runs.guessedReports(runId, GUESSED_YEAR_LIKE);
  const said = [
    g.seedAgency ? `${g.seedAgency} under the seed's agency, no page naming one (export column attribution = seed)` : null,
    g.guessedYear ? `${g.guessedYear} with the year guessed from the publication date (their titles say 据发布日期…推定)` : null,
  ].filter((x): x is string => x !== null);
  if (said.length) say(`new reports catalogued on a guess: ${said.join('; ')}`);
}

/** The run's seed health: how many seeds are unhealthy, and each one that yielded nothing or too little, with why. */
export function saySeedHealth(catalog: Catalog, seedIds: number[]): void {
  const ids = new Set(seedIds);
  const rows = catalog.seedHealth.health().filter((r) => ids.has(r.seedEntryId));
  const unhealthy = rows.filter((r) => !r.healthy);
  say(`seeds: ${rows.length - unhealthy.length} healthy, ${unhealthy.length} unhealthy (nianbao status --seeds)`);
  for (const r of unhealthy) say(`  ${r.flags.join(',')}: ${r.agency} ${r.url}${r.last?.reason ? ` (${r.last.reason})` : ''}`);
}
