/**
 * Crawl throughput, nianbao against `wget --mirror`, with no politeness delay and one request in flight per host
 * for both (wget fetches one URL at a time). Compared on the plain-link sites, where both can see every item:
 * - parallel: nianbao with its default host parallelism (NIANBAO_MAX_HOSTS, 8) against one wget per site with at
 *   most as many wget processes at once; this crawl is also the "memory at size" figure and the first crawl that
 *   the nightly and dedup figures build on;
 * - sequential: nianbao with one host at a time against one wget process over the same sites.
 * Then the paged sites (JavaScript pager): what wget misses there, against what nianbao finds.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Portal, LoggedRequest } from '../test/fixtures/portal/server.ts';
import type { Measured } from './proc.ts';
import { benchSeedsYaml, columnUrls, expectedOf, type Expected, type GeneratedPortal, type GeneratedSite } from './portal.ts';
import { figures, nianbaoCrawl, ratio, traffic, wgetMirror, wgetParallel, type CrawlFigures } from './tools.ts';

export interface CrawlBenchOptions {
  g: GeneratedPortal;
  portal: Portal;
  tmp: string;
  /** Hosts at once, for nianbao (its default) and for the parallel wget batch. */
  hostSlots: number;
  /** Plain sites crawled in the sequential comparison. */
  sequentialSites: number;
}

interface Side {
  nianbao: CrawlFigures;
  wget: CrawlFigures;
  /** nianbao ÷ wget; above 1 nianbao is faster (for wall time: slower). */
  ratio: { wallS: number | null; pagesPerS: number | null; filesPerS: number | null; MBPerS: number | null; peakRssMiB: number | null };
}

export interface CrawlBenchResult {
  plainSites: Expected;
  parallel: Side & { how: string };
  sequential: Side & { how: string; sites: number };
  paged: {
    expected: Expected;
    nianbao: { detailPages: number; files: number; listPages: number };
    wget: { detailPages: number; files: number; listPages: number };
    wgetMisses: { detailPages: number; files: number; listPages: number };
  };
  memoryAtSize: { pages: number; requests: number; peakRssMiB: number | null; smallCrawlPages: number; smallCrawlPeakRssMiB: number | null };
  /** For the nightly and dedup figures: the storage and log of the first full crawl. */
  first: { storage: string; seedsFile: string; log: LoggedRequest[] };
}

function checked(m: Measured, what: string): Measured {
  // nianbao exits 1 when some URLs failed: still a measurement, reported through its error count.
  if (m.exitCode > 1) throw new Error(`${what} exited ${m.exitCode}: ${m.stderr.slice(-2000)}`);
  return m;
}

/** Runs fn with a fresh portal log and returns what the portal saw. */
async function logged<T>(portal: Portal, fn: () => Promise<T>): Promise<{ value: T; log: LoggedRequest[] }> {
  portal.log.length = 0;
  const value = await fn();
  const log = portal.log.slice();
  portal.log.length = 0;
  return { value, log };
}

function side(nb: CrawlFigures, wg: CrawlFigures): Side {
  return {
    nianbao: nb,
    wget: wg,
    ratio: {
      wallS: ratio(nb.wallS, wg.wallS),
      pagesPerS: ratio(nb.pagesPerS, wg.pagesPerS),
      filesPerS: ratio(nb.filesPerS, wg.filesPerS),
      MBPerS: ratio(nb.MBPerS, wg.MBPerS),
      peakRssMiB: ratio(nb.peakRssMiB, wg.peakRssMiB),
    },
  };
}

function distinct(log: LoggedRequest[], kind: RegExp): number {
  return new Set(log.filter((r) => r.status < 400 && kind.test(r.url)).map((r) => `${r.site} ${r.url}`)).size;
}

const DETAIL = /\/t\d{8}_\d+\.html$/;
const FILE = /\/P0\d+\.\w+$/;
const LIST = /\/index(_\d+)?\.html$/;

function seen(log: LoggedRequest[]) {
  return { detailPages: distinct(log, DETAIL), files: distinct(log, FILE), listPages: distinct(log, LIST) };
}

export async function crawlBench(o: CrawlBenchOptions): Promise<CrawlBenchResult> {
  const { g, portal, tmp } = o;
  const plain = (s: GeneratedSite) => !s.paged;
  const seedsFile = path.join(tmp, 'seeds-plain.yaml');
  writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls, plain));
  const storage = path.join(tmp, 'nianbao-main');

  const nbPar = await logged(portal, () => nianbaoCrawl({ seedsFile, storage, hostDelayMs: 0, hostConcurrency: 1, maxHosts: o.hostSlots }));
  checked(nbPar.value, 'nianbao crawl (parallel)');
  const wgPar = await logged(portal, () => wgetParallel(columnUrls(g, portal.urls, plain), path.join(tmp, 'wget-par'), o.hostSlots));
  const wgParPeak = Math.max(...wgPar.value.runs.map((r) => r.peakRssMiB ?? 0));
  const wgParCpu = wgPar.value.runs.reduce((a, r) => a + (r.cpuSec ?? 0), 0);
  const parallel = side(
    figures(traffic(nbPar.log), nbPar.value.wallMs, nbPar.value.peakRssMiB, nbPar.value.cpuSec),
    figures(traffic(wgPar.log), wgPar.value.wallMs, wgParPeak, wgParCpu),
  );

  const seqSites = g.sites.filter(plain).slice(0, o.sequentialSites);
  const inSeq = new Set(seqSites.map((s) => s.def.id));
  const seqSeeds = path.join(tmp, 'seeds-seq.yaml');
  writeFileSync(seqSeeds, benchSeedsYaml(g, portal.urls, (s) => inSeq.has(s.def.id)));
  const nbSeq = await logged(portal, () => nianbaoCrawl({ seedsFile: seqSeeds, storage: path.join(tmp, 'nianbao-seq'), hostDelayMs: 0, hostConcurrency: 1, maxHosts: 1 }));
  checked(nbSeq.value, 'nianbao crawl (sequential)');
  const wgSeq = await logged(portal, () => wgetMirror(columnUrls(g, portal.urls, (s) => inSeq.has(s.def.id)), path.join(tmp, 'wget-seq')));
  const sequential = side(
    figures(traffic(nbSeq.log), nbSeq.value.wallMs, nbSeq.value.peakRssMiB, nbSeq.value.cpuSec),
    figures(traffic(wgSeq.log), wgSeq.value.wallMs, wgSeq.value.peakRssMiB, wgSeq.value.cpuSec),
  );

  const paged = (s: GeneratedSite) => s.paged;
  const pagedSeeds = path.join(tmp, 'seeds-paged.yaml');
  writeFileSync(pagedSeeds, benchSeedsYaml(g, portal.urls, paged));
  const nbPaged = await logged(portal, () => nianbaoCrawl({ seedsFile: pagedSeeds, storage: path.join(tmp, 'nianbao-paged'), hostDelayMs: 0, maxHosts: o.hostSlots }));
  checked(nbPaged.value, 'nianbao crawl (paged sites)');
  const wgPaged = await logged(portal, () => wgetParallel(columnUrls(g, portal.urls, paged), path.join(tmp, 'wget-paged'), o.hostSlots));
  const pagedExpected = expectedOf(g, paged);
  const nbSeen = seen(nbPaged.log);
  const wgSeen = seen(wgPaged.log);

  const parTraffic = traffic(nbPar.log);
  const seqTraffic = traffic(nbSeq.log);
  return {
    plainSites: expectedOf(g, plain),
    parallel: {
      how: `nianbao: ${o.hostSlots} hosts at once, 1 request in flight per host, no delay; wget: one process per site, ${o.hostSlots} at once (peak RSS: the largest single wget)`,
      ...parallel,
    },
    sequential: {
      how: 'nianbao: NIANBAO_MAX_HOSTS=1, 1 request in flight, no delay; wget: one process over the same sites',
      sites: seqSites.length,
      ...sequential,
    },
    paged: {
      expected: pagedExpected,
      nianbao: nbSeen,
      wget: wgSeen,
      wgetMisses: {
        detailPages: pagedExpected.items - wgSeen.detailPages,
        files: pagedExpected.attachments - wgSeen.files,
        listPages: pagedExpected.listPages - wgSeen.listPages,
      },
    },
    memoryAtSize: {
      pages: parTraffic.byKind.list.requests + parTraffic.byKind.detail.requests,
      requests: parTraffic.requests,
      peakRssMiB: parallel.nianbao.peakRssMiB,
      smallCrawlPages: seqTraffic.byKind.list.requests + seqTraffic.byKind.detail.requests,
      smallCrawlPeakRssMiB: sequential.nianbao.peakRssMiB,
    },
    first: { storage, seedsFile, log: nbPar.log },
  };
}
