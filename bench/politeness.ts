/**
 * Politeness efficiency: with a per-host delay d over H hosts, the crawl's wall time (portal log: first request
 * start → last request end) divided by the ideal bound, the longest host's requests × d. Close to 1 means the delay,
 * not the crawler, sets the pace. Measured with nianbao's default host slots and with one slot per host (once when
 * the default already holds every host; more hosts than slots is bench/slots.ts's). The spacing each host saw is
 * checked too.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoggedRequest } from '../test/fixtures/portal/server.ts';
import { benchSeedsYaml, generatePortal, startGeneratedPortal, type PortalSpec } from './portal.ts';
import { nianbaoCrawl, ratio } from './tools.ts';

export interface PolitenessRun {
  maxHosts: number;
  wallS: number;
  /** Longest host's requests × d: no crawl obeying d can be faster. */
  idealS: number;
  efficiency: number | null;
  /** Best possible with maxHosts hosts at once and a host kept until done (longest-first schedule). */
  slotBoundS: number;
  efficiencyVsSlotBound: number | null;
  /** Smallest start-to-start gap between two requests to one host, ms (must be ≥ d). */
  minSpacingMs: number;
  /** Smallest gap between a response's end and the next request to the same host, ms. */
  minIdleMs: number;
  requests: number;
}

export interface PolitenessResult {
  hosts: number;
  delayMs: number;
  requestsPerHost: { min: number; max: number };
  runs: PolitenessRun[];
}

function byHost(log: LoggedRequest[]): Map<string, LoggedRequest[]> {
  const m = new Map<string, LoggedRequest[]>();
  for (const r of log) m.set(r.site, [...(m.get(r.site) ?? []), r]);
  for (const reqs of m.values()) reqs.sort((a, b) => a.start - b.start);
  return m;
}

/** Longest-processing-time-first schedule of per-host jobs on `slots` workers: its makespan. */
function lpt(jobs: number[], slots: number): number {
  const workers = new Array<number>(Math.max(1, slots)).fill(0);
  for (const j of [...jobs].sort((a, b) => b - a)) {
    const i = workers.indexOf(Math.min(...workers));
    workers[i]! += j;
  }
  return Math.max(...workers);
}

function measure(log: LoggedRequest[], delayMs: number, maxHosts: number): PolitenessRun {
  const hosts = byHost(log);
  let minSpacing = Infinity;
  let minIdle = Infinity;
  const jobs: number[] = [];
  for (const reqs of hosts.values()) {
    jobs.push((reqs.length * delayMs) / 1000);
    for (let i = 1; i < reqs.length; i++) {
      minSpacing = Math.min(minSpacing, reqs[i]!.start - reqs[i - 1]!.start);
      minIdle = Math.min(minIdle, reqs[i]!.start - reqs[i - 1]!.end);
    }
  }
  const wallS = (Math.max(...log.map((r) => r.end || r.start)) - Math.min(...log.map((r) => r.start))) / 1000;
  const idealS = Math.max(...jobs);
  const slotBoundS = lpt(jobs, maxHosts);
  return {
    maxHosts,
    wallS: Math.round(wallS * 100) / 100,
    idealS: Math.round(idealS * 100) / 100,
    efficiency: ratio(wallS, idealS),
    slotBoundS: Math.round(slotBoundS * 100) / 100,
    efficiencyVsSlotBound: ratio(wallS, slotBoundS),
    minSpacingMs: minSpacing,
    minIdleMs: minIdle,
    requests: log.length,
  };
}

export async function politenessBench(o: { tmp: string; hosts: number; itemsPerSite: number; delayMs: number; defaultMaxHosts: number }): Promise<PolitenessResult> {
  const spec: PortalSpec = { sites: o.hosts, itemsPerSite: o.itemsPerSite, perPage: 4, pagedEvery: 1, attachmentShare: 0.5, duplicateShare: 0, sharedDocs: 1 };
  const g = generatePortal(spec);
  const portal = await startGeneratedPortal(g);
  try {
    const seedsFile = path.join(o.tmp, 'seeds-politeness.yaml');
    writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls));
    const runs: PolitenessRun[] = [];
    let perHost = { min: 0, max: 0 };
    // Once when the default slots already hold every host (bench/slots.ts measures more hosts than slots).
    for (const [i, maxHosts] of [...new Set([Math.min(o.defaultMaxHosts, o.hosts), o.hosts])].entries()) {
      portal.log.length = 0;
      const m = await nianbaoCrawl({ seedsFile, storage: path.join(o.tmp, `nianbao-polite-${i}`), hostDelayMs: o.delayMs, maxHosts });
      if (m.exitCode > 1) throw new Error(`politeness crawl exited ${m.exitCode}: ${m.stderr.slice(-2000)}`);
      const counts = [...byHost(portal.log).values()].map((r) => r.length);
      perHost = { min: Math.min(...counts), max: Math.max(...counts) };
      runs.push(measure(portal.log.slice(), o.delayMs, maxHosts));
    }
    return { hosts: o.hosts, delayMs: o.delayMs, requestsPerHost: perHost, runs };
  } finally {
    await portal.close();
  }
}
