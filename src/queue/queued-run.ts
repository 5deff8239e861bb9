/**
 * A queued run: a row of the catalog's runs (created by `nianbao enqueue`) whose work is a set of jobs in the work
 * queue. Its args say everything a worker needs to crawl one of its hosts as the run asked: the seed entries (their
 * hosts are the run's scope), years, depth, recrawl policy and politeness.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { SeedEntryRow } from '../catalog/seed-entries.ts';
import type { ConfigOverrides } from '../config.ts';
import { parseYears } from '../registry/province.ts';
import { DEFAULT_RECRAWL, type RecrawlPolicy } from '../crawl/recrawl-policy.ts';

export interface QueuedRunArgs {
  queued: true;
  /** Not a plain run's job name: a plain `crawl` never takes a queued run for its own interrupted one. */
  job: 'queued';
  kind: 'crawl' | 'backfill';
  /** The run's seed entries, in registry order. */
  entryIds: number[];
  years?: string | null;
  fullDepth?: boolean;
  minPages?: number;
  /** Politeness and limits given to `enqueue`: every worker crawls the run's hosts with them. */
  politeness?: ConfigOverrides['politeness'];
  maxFileBytes?: number;
  /** The lease of the run's jobs (`enqueue --lease`). */
  leaseSeconds?: number;
  /** What the user asked (seeds files, province), for `status`. */
  asked?: Record<string, unknown>;
}

/** The persisted frontier of a queued run: every host's queue of it, named for the run. */
export function frontierJob(runId: number): string {
  return `queued-run-${runId}`;
}

/** A queued run as a worker uses it: its args parsed, its entries loaded once. */
export interface QueuedRun {
  runId: number;
  args: QueuedRunArgs;
  entries: Map<number, SeedEntryRow>;
  scopeHosts: string[];
  years?: (year: number) => boolean;
  policy: RecrawlPolicy;
}

/** The run, when it is a queued run still running; null otherwise (finished, abandoned, unknown). */
export function loadQueuedRun(catalog: Catalog, runId: number): QueuedRun | null {
  const row = catalog.runs.get(runId);
  if (!row || row.status !== 'running') return null;
  const args = JSON.parse(row.args) as QueuedRunArgs;
  if (args.queued !== true) return null;
  const entries = new Map<number, SeedEntryRow>();
  for (const id of args.entryIds) {
    const e = catalog.seeds.byId(id);
    if (e) entries.set(id, e);
  }
  return {
    runId,
    args,
    entries,
    scopeHosts: [...new Set([...entries.values()].map((e) => e.host))],
    years: args.years ? parseYears(args.years).test : undefined,
    policy: { ...DEFAULT_RECRAWL, ...(args.minPages ? { minListPages: args.minPages } : {}) },
  };
}
