/**
 * The benchmark: generates the portal, runs every measurement in order, and returns one results object. Sizes are
 * chosen so the full run stays under 15 minutes on a 2-core machine; `quick` is a tiny version for the smoke test.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULTS } from '../src/config.ts';
import { crawlBench, type CrawlBenchResult } from './crawl.ts';
import { dedupBench, type DedupResult } from './dedup.ts';
import { machine, type Machine } from './machine.ts';
import { nightlyBench, type NightlyResult } from './nightly.ts';
import { politenessBench, type PolitenessResult } from './politeness.ts';
import { SLOTS_FULL, SLOTS_QUICK, slotsBench, type SlotsResult } from './slots.ts';
import { expectedOf, generatePortal, startGeneratedPortal, type PortalSpec } from './portal.ts';

export interface BenchOptions {
  quick: boolean;
  /** Progress lines go here. */
  log?: (line: string) => void;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  durationS: number;
  /** Seconds each part took, to size the defaults. */
  partsS: Record<string, number>;
  machine: Machine;
  portal: PortalSpec;
  crawl: Omit<CrawlBenchResult, 'first'>;
  politeness: PolitenessResult;
  /** Host slots: the schedule with more hosts than slots, and what a slot costs (bench/slots.ts). */
  slots: SlotsResult;
  nightly: NightlyResult;
  dedup: DedupResult;
  /** bench/extract.ts's result, or null when that bench is not there. */
  extraction: Record<string, unknown> | null;
}

interface Sizes {
  portal: PortalSpec;
  sequentialSites: number;
  politeness: { hosts: number; itemsPerSite: number; delayMs: number; defaultMaxHosts: number };
}

/**
 * Full: 50 plain-link sites × 200 items (10,050 pages, 5,000 attachments: the memory-at-size crawl) and 10 paged
 * sites; politeness over 10 hosts × about 30 requests at 200 ms.
 */
const FULL: Sizes = {
  portal: { sites: 60, itemsPerSite: 200, perPage: 20, pagedEvery: 6, attachmentShare: 0.5, duplicateShare: 0.2, sharedDocs: 8 },
  sequentialSites: 5,
  politeness: { hosts: 10, itemsPerSite: 16, delayMs: 200, defaultMaxHosts: DEFAULTS.politeness.maxConcurrentHosts },
};

const QUICK: Sizes = {
  portal: { sites: 3, itemsPerSite: 12, perPage: 4, pagedEvery: 3, attachmentShare: 0.5, duplicateShare: 0.25, sharedDocs: 2 },
  sequentialSites: 1,
  politeness: { hosts: 3, itemsPerSite: 4, delayMs: 50, defaultMaxHosts: 2 },
};

const EXTRACT_BENCH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'extract.ts');

async function extraction(quick: boolean, say: (l: string) => void): Promise<Record<string, unknown> | null> {
  // Written on another branch; run it when it is here.
  if (!existsSync(EXTRACT_BENCH)) {
    say('extraction bench: not available');
    return null;
  }
  const mod = (await import(pathToFileURL(EXTRACT_BENCH).href)) as { runExtractBench?: (o: { quick: boolean }) => Promise<Record<string, unknown>> };
  if (typeof mod.runExtractBench !== 'function') {
    say('extraction bench: bench/extract.ts has no runExtractBench');
    return null;
  }
  return mod.runExtractBench({ quick });
}

export async function runBench(opts: BenchOptions): Promise<BenchResults> {
  const say = opts.log ?? (() => {});
  const sizes = opts.quick ? QUICK : FULL;
  const started = Date.now();
  const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
  const partsS: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    say(`${name} …`);
    const t = Date.now();
    const v = await fn();
    partsS[name] = Math.round((Date.now() - t) / 100) / 10;
    say(`${name}: ${partsS[name]} s`);
    return v;
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  try {
    const g = generatePortal(sizes.portal);
    const portal = await startGeneratedPortal(g);
    let crawl: CrawlBenchResult;
    let nightly: NightlyResult;
    try {
      crawl = await timed('crawl throughput (nianbao vs wget)', () =>
        crawlBench({ g, portal, tmp, hostSlots: DEFAULTS.politeness.maxConcurrentHosts, sequentialSites: sizes.sequentialSites }),
      );
      nightly = await timed('nightly', () =>
        nightlyBench({ portal, storage: crawl.first.storage, seedsFile: crawl.first.seedsFile, firstLog: crawl.first.log, hostSlots: DEFAULTS.politeness.maxConcurrentHosts }),
      );
    } finally {
      await portal.close();
    }
    const dedup = await timed('dedup', () => dedupBench({ storage: crawl.first.storage, firstLog: crawl.first.log, expected: expectedOf(g, (s) => !s.paged) }));
    const politeness = await timed('politeness', () => politenessBench({ tmp, ...sizes.politeness }));
    const slots = await timed('host slots', () => slotsBench({ tmp, ...(opts.quick ? SLOTS_QUICK : SLOTS_FULL) }, say));
    const extracted = await timed('extraction', () => extraction(opts.quick, say));
    const { first: _first, ...crawlFigures } = crawl;
    return {
      date: new Date().toISOString().slice(0, 10),
      quick: opts.quick,
      durationS: Math.round((Date.now() - started) / 1000),
      partsS,
      machine: machine(existsSync('/usr/bin/time'), loadAtStart),
      portal: sizes.portal,
      crawl: crawlFigures,
      politeness,
      slots,
      nightly,
      dedup,
      extraction: extracted,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
