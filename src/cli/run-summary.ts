/**
 * What a crawl, backfill or schedule run tells the user at its end (its counts, guesses, seed health) and its exit
 * code: the same for a plain run (crawl.ts) and a queued one worked in-process (queued-crawl.ts).
 */
import type { Catalog } from '../catalog/catalog.ts';
import { GUESSED_YEAR_LIKE } from '../crawl/classify/year.ts';
import { ExitCode } from '../errors.ts';
import { humanBytes, say } from './common.ts';

/** A run's counters as its summary line names them (a plain run's CrawlStats, a queued run's summed counts). */
export interface RunTotals {
  requests?: number;
  listPages?: number;
  reportPages?: number;
  newReports?: number;
  newFiles?: number;
  bytesStored?: number;
  changed?: number;
  gone?: number;
  failed?: number;
  skipped?: number;
}

/** The run's summary line: `crawl run 7 ok: 120 requests, …`, plus `tail` (a queued run's host jobs). */
export function sayRunTotals(kind: string, runId: number, status: string, c: RunTotals, tail = ''): void {
  const n = (v: number | undefined) => v ?? 0;
  say(
    `${kind} run ${runId} ${status}: ${n(c.requests)} requests, ${n(c.listPages)} list pages, ${n(c.reportPages)} report pages, ` +
      `${n(c.newReports)} new reports, ${n(c.newFiles)} new files (${humanBytes(n(c.bytesStored))}), ${n(c.changed)} changed, ${n(c.gone)} gone, ` +
      `${n(c.failed)} failed, ${n(c.skipped)} skipped${tail}`,
  );
}

/**
 * A run's exit code. Failures win over empty seeds: a failed host often explains an empty seed, and 1 is what needs a
 * look first. A seed short of what its list announces is a miss as real as an empty one: a scheduled run must see it.
 */
export function runExitCode(ok: boolean, unhealthySeeds: number): number {
  if (!ok) return ExitCode.partial;
  return unhealthySeeds > 0 ? ExitCode.seedsEmpty : ExitCode.ok;
}

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
