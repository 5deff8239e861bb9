/**
 * Host slots: what a host crawled at once costs, and how close the schedule comes to the best one when hosts
 * outnumber slots.
 *
 * - **Schedule**: H hosts of unequal sizes on a portal with a real per-host delay d, S < H slots. A polite crawl's
 *   wall time cannot beat max(largest host's time, total time / S), host time = its requests × d; the figure is
 *   wall ÷ that bound (from the portal's log). Run twice on one storage: a first crawl, which knows nothing of the
 *   hosts' sizes (each host is scouted, its seed page asked in seed order, then the biggest found go first; the
 *   seeds list the biggest hosts last, the worst case for seed order), then a new season (the same sites and URLs
 *   listing new reports, so the same work again), whose catalog knows what each seed gave last time (biggest first,
 *   LPT). The order hosts started in, the order they went on past their column's pages, and the most hosts asked at
 *   once are read from the log too.
 * - **Cost per slot**: many small hosts crawled with all of them at once, and with a few at once: peak RSS
 *   difference ÷ difference in hosts at once = memory per active host crawler; CPU per request of the polite crawl.
 *   These are what src/crawl/frontier-slots.ts derives the default number of slots from; the bench prints both.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoggedRequest, Portal } from '../test/fixtures/portal/server.ts';
import { SLOT_COSTS } from '../src/crawl/frontier-slots.ts';
import { benchSeedsYaml, generatePortal, startGeneratedPortal, type GeneratedPortal, type PortalSpec } from './portal.ts';
import { nianbaoCrawl, ratio } from './tools.ts';

export interface ScheduleRun {
  label: string;
  wallS: number;
  /** max(largest host's requests × d, all requests × d / S). */
  lowerBoundS: number;
  /** wall ÷ lower bound. */
  ratio: number | null;
  /** Rank (0 = largest by this run's requests) of each host in the order hosts started. */
  startRanks: number[];
  /**
   * Rank of each host in the order hosts went on past their column's pages (robots.txt and the column's own pages
   * aside): on a first crawl, the order after scouting (frontier.ts), which should be the size order.
   */
  wentOnRanks: number[];
  /**
   * Most hosts in a crawl period at one moment (hostBursts: must be ≤ S). A scouted host gives its slot back between
   * its seed page and the rest, so hosts' first-to-last spans overlap more than that.
   */
  maxActiveHosts: number;
  /** Most hosts between their first and last request at one moment (spans: ≤ S without scouting). */
  maxOverlappingSpans: number;
  requests: number;
}

export interface SlotCost {
  hosts: number;
  fewSlots: number;
  /** Peak RSS with `fewSlots` hosts at once, and with every host at once, MiB. */
  fewPeakRssMiB: number | null;
  allPeakRssMiB: number | null;
  /** (all − few) ÷ (hosts − fewSlots). */
  mibPerHost: number | null;
  /** CPU (user + system) per request of the all-at-once polite crawl, start-up included, ms. */
  cpuMsPerRequest: number | null;
  /** The constants the default is derived from (src/crawl/frontier-slots.ts), to compare. */
  assumed: typeof SLOT_COSTS;
}

export interface SlotsResult {
  hosts: number;
  slots: number;
  delayMs: number;
  itemCounts: number[];
  runs: ScheduleRun[];
  /** Null when the options skip it (the quick run's). */
  cost: SlotCost | null;
}

function byHost(log: LoggedRequest[]): Map<string, LoggedRequest[]> {
  const m = new Map<string, LoggedRequest[]>();
  for (const r of log) {
    const list = m.get(r.site) ?? [];
    list.push(r);
    m.set(r.site, list);
  }
  for (const reqs of m.values()) reqs.sort((a, b) => a.start - b.start);
  return m;
}

/** Each host's span: its first request's start to its last request's end. */
export function hostSpans(log: LoggedRequest[]): { site: string; requests: number; start: number; end: number }[] {
  return [...byHost(log)].map(([site, reqs]) => ({ site, requests: reqs.length, start: reqs[0]!.start, end: Math.max(...reqs.map((r) => r.end || r.start)) }));
}

/**
 * Each host's crawl periods: its requests split where it was asked nothing for longer than `gapMs` (a scouted host
 * waiting for a slot again between its seed page and the rest, frontier.ts). A host crawled at once holds a slot for a
 * period; with the per-host delay d, its requests follow each other within d and a little.
 */
export function hostBursts(log: LoggedRequest[], gapMs: number): { site: string; start: number; end: number }[] {
  const out: { site: string; start: number; end: number }[] = [];
  for (const [site, reqs] of byHost(log)) {
    let cur: { site: string; start: number; end: number } | null = null;
    for (const r of reqs) {
      const end = r.end || r.start;
      if (cur && r.start - cur.end <= gapMs) cur.end = Math.max(cur.end, end);
      else out.push((cur = { site, start: r.start, end }));
    }
  }
  return out;
}

/** The most spans open at one moment (a span ending exactly when another starts does not overlap it). */
export function maxOverlap(spans: { start: number; end: number }[]): number {
  const edges = spans.flatMap((s) => [{ t: s.start, d: 1 }, { t: s.end, d: -1 }]).sort((a, b) => a.t - b.t || a.d - b.d);
  let open = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (open += e.d));
  return most;
}

function measureSchedule(label: string, log: LoggedRequest[], delayMs: number, slots: number, columnOf: (site: string) => string): ScheduleRun {
  const spans = hostSpans(log);
  const times = spans.map((s) => (s.requests * delayMs) / 1000);
  const lowerBoundS = Math.max(Math.max(...times), times.reduce((a, b) => a + b, 0) / slots);
  const wallS = (Math.max(...spans.map((s) => s.end)) - Math.min(...spans.map((s) => s.start))) / 1000;
  const bySize = [...spans].sort((a, b) => b.requests - a.requests).map((s) => s.site);
  const startRanks = [...spans].sort((a, b) => a.start - b.start).map((s) => bySize.indexOf(s.site));
  const items = log.filter((r) => r.url !== '/robots.txt' && !r.url.startsWith(`${columnOf(r.site)}index`)).sort((a, b) => a.start - b.start);
  const wentOnRanks = [...new Set(items.map((r) => r.site))].map((site) => bySize.indexOf(site));
  return {
    label,
    wallS: Math.round(wallS * 100) / 100,
    lowerBoundS: Math.round(lowerBoundS * 100) / 100,
    ratio: ratio(wallS, lowerBoundS),
    startRanks,
    wentOnRanks,
    maxActiveHosts: maxOverlap(hostBursts(log, BURST_GAP * delayMs)),
    maxOverlappingSpans: maxOverlap(spans),
    requests: log.length,
  };
}

/**
 * Host sizes for the schedule: one big host, a few middling, many small, in ascending order (so seed order starts
 * the biggest last). Sized so that the total, not the largest host, bounds the best schedule.
 */
export function unequalSizes(hosts: number, largest: number): number[] {
  return Array.from({ length: hosts }, (_, i) => Math.max(2, Math.round(largest / (1 + (hosts - 1 - i) * 0.6))));
}

/** A host asked nothing for this many per-host delays has given its slot back (hostBursts). */
const BURST_GAP = 4;

/** Each site's column folder: its index pages (index.html, index_N.html) are the seed's own list, not its items. */
function columnOf(g: GeneratedPortal): (site: string) => string {
  const paths = new Map(g.sites.map((s) => [s.def.id, s.def.columnPath]));
  return (site) => paths.get(site) ?? '\u0000';
}

/** One crawl of `portal` (seeds written for it), and the portal's log of it. */
async function crawlLogged(g: GeneratedPortal, portal: Portal, tmp: string, name: string, storage: string, delayMs: number, maxHosts: number) {
  portal.log.length = 0;
  const seedsFile = path.join(tmp, `seeds-${name}.yaml`);
  writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls));
  const m = await nianbaoCrawl({ seedsFile, storage, hostDelayMs: delayMs, maxHosts, hostConcurrency: 1 });
  if (m.exitCode > 1) throw new Error(`slots crawl ${name} exited ${m.exitCode}: ${m.stderr.slice(-2000)}`);
  return { m, log: portal.log.slice() };
}

/** Runs `fn` with the generated portal up, on its own ports (the same for every crawl inside: the same seeds). */
async function withPortal<T>(g: GeneratedPortal, fn: (p: Portal) => Promise<T>, ports?: Record<string, number>): Promise<T> {
  const portal = await startGeneratedPortal(g, ports);
  try {
    return await fn(portal);
  } finally {
    await portal.close();
  }
}

export interface SlotsOptions {
  tmp: string;
  /** Schedule: hosts, slots, largest host's items, delay. */
  hosts: number;
  slots: number;
  largest: number;
  delayMs: number;
  /** Cost: many small hosts (items each), all at once versus `fewSlots` at once. */
  costHosts: number;
  costItems: number;
  fewSlots: number;
  /** Leave out the cost of a slot (two more crawls): the smoke test's quick run checks the schedule only. */
  skipCost?: boolean;
}

export async function slotsBench(o: SlotsOptions, say: (l: string) => void = () => {}): Promise<SlotsResult> {
  const itemCounts = unequalSizes(o.hosts, o.largest);
  const spec: PortalSpec = { sites: o.hosts, itemsPerSite: 0, itemCounts, perPage: 20, pagedEvery: 0, attachmentShare: 0.5, duplicateShare: 0, sharedDocs: 1 };
  const g = generatePortal(spec);
  const storage = path.join(o.tmp, 'nianbao-slots');
  const runs: ScheduleRun[] = [];
  // The next run is a new season: the same sites at the same URLs (so the catalog's history of each seed applies),
  // listing new reports, so that it does the same work as the first and the two walls compare.
  const nextSeason = generatePortal({ ...spec, docIdOffset: 5_000 });
  const ports = await withPortal(g, async (portal) => {
    say(`slots: first crawl, ${o.hosts} hosts on ${o.slots} slots, sizes unknown`);
    const first = await crawlLogged(g, portal, o.tmp, 'first', storage, o.delayMs, o.slots);
    runs.push(measureSchedule('first crawl (sizes unknown: each host scouted, then the biggest found first)', first.log, o.delayMs, o.slots, columnOf(g)));
    return Object.fromEntries(Object.entries(portal.urls).map(([id, url]) => [id, Number(new URL(url).port)]));
  });
  await withPortal(nextSeason, async (portal) => {
    say('slots: next season, sizes from the catalog');
    const next = await crawlLogged(nextSeason, portal, o.tmp, 'next', storage, o.delayMs, o.slots);
    runs.push(measureSchedule('next season (sizes from the catalog: largest first)', next.log, o.delayMs, o.slots, columnOf(nextSeason)));
  }, ports);

  if (o.skipCost) return { hosts: o.hosts, slots: o.slots, delayMs: o.delayMs, itemCounts, runs, cost: null };
  const small = generatePortal({ sites: o.costHosts, itemsPerSite: o.costItems, perPage: 20, pagedEvery: 0, attachmentShare: 0.5, duplicateShare: 0, sharedDocs: 1 });
  const { all, few } = await withPortal(small, async (portal) => {
    say(`slots: cost, ${o.costHosts} hosts at once`);
    const all = await crawlLogged(small, portal, o.tmp, 'all', path.join(o.tmp, 'nianbao-slots-all'), o.delayMs, o.costHosts);
    say(`slots: cost, ${o.fewSlots} hosts at once`);
    const few = await crawlLogged(small, portal, o.tmp, 'few', path.join(o.tmp, 'nianbao-slots-few'), o.delayMs, o.fewSlots);
    return { all, few };
  });
  const allActive = maxOverlap(hostBursts(all.log, BURST_GAP * o.delayMs));
  const fewActive = maxOverlap(hostBursts(few.log, BURST_GAP * o.delayMs));
  const mibPerHost =
    all.m.peakRssMiB !== null && few.m.peakRssMiB !== null && allActive > fewActive
      ? Math.round(((all.m.peakRssMiB - few.m.peakRssMiB) / (allActive - fewActive)) * 100) / 100
      : null;
  return {
    hosts: o.hosts,
    slots: o.slots,
    delayMs: o.delayMs,
    itemCounts,
    runs,
    cost: {
      hosts: allActive,
      fewSlots: fewActive,
      fewPeakRssMiB: few.m.peakRssMiB === null ? null : Math.round(few.m.peakRssMiB),
      allPeakRssMiB: all.m.peakRssMiB === null ? null : Math.round(all.m.peakRssMiB),
      mibPerHost,
      cpuMsPerRequest: all.m.cpuSec === null ? null : Math.round(((all.m.cpuSec * 1000) / all.log.length) * 100) / 100,
      assumed: SLOT_COSTS,
    },
  };
}

/** Rows for bench/report.ts: [figure, nianbao, comparison, ratio]. */
export function slotsRows(r: SlotsResult): string[][] {
  const n = (v: number | null | undefined, unit = '') => (v === null || v === undefined ? '–' : `${v}${unit}`);
  const rows = r.runs.map((run) => [
    `2 host slots, ${r.hosts} hosts of ${Math.min(...r.itemCounts)}–${Math.max(...r.itemCounts)} items on ${r.slots} slots, d=${r.delayMs} ms, ${run.label}: wall`,
    `${n(run.wallS, ' s')} · at most ${run.maxActiveHosts} hosts crawled at once · start order by size rank ${run.startRanks.slice(0, 8).join(',')}… · went on past the column by size rank ${run.wentOnRanks.slice(0, 8).join(',')}…`,
    `best schedule ≥ ${n(run.lowerBoundS, ' s')} (max(largest host, total ÷ ${r.slots}))`,
    n(run.ratio, '×'),
  ]);
  const c = r.cost;
  if (!c) return rows;
  rows.push([
    `2 host slots: cost of a host crawled at once (${c.fewSlots} vs ${c.hosts} hosts at once, d=${r.delayMs} ms)`,
    `${n(c.mibPerHost, ' MiB')} per host (peak RSS ${n(c.fewPeakRssMiB, ' MiB')} → ${n(c.allPeakRssMiB, ' MiB')}) · ${n(c.cpuMsPerRequest, ' ms')} CPU per request`,
    `default derived from ${c.assumed.mibPerHost} MiB per host, ${c.assumed.cpuMsPerRequest} ms per request`,
    '',
  ]);
  return rows;
}

/** The full bench's sizes, and the smoke test's. */
export const SLOTS_FULL: Omit<SlotsOptions, 'tmp'> = { hosts: 24, slots: 4, largest: 60, delayMs: 200, costHosts: 100, costItems: 4, fewSlots: 10 };
export const SLOTS_QUICK: Omit<SlotsOptions, 'tmp'> = { hosts: 5, slots: 2, largest: 6, delayMs: 50, costHosts: 6, costItems: 2, fewSlots: 2, skipCost: true };

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  // node bin/run-ts.mjs bench/slots.ts [--quick]: this part of the bench alone, its result as JSON on stdout.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-slots-'));
  try {
    const sizes = process.argv.includes('--quick') ? SLOTS_QUICK : SLOTS_FULL;
    const r = await slotsBench({ tmp, ...sizes }, (l) => process.stderr.write(`bench: ${l}\n`));
    console.log(JSON.stringify(r, null, 2));
    for (const row of slotsRows(r)) console.log(`| ${row.join(' | ')} |`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
