/**
 * The crawl measurement alone, at a chosen size: `node bin/run-ts.mjs bench/crawl-size.ts --sites 5` crawls 5
 * plain-link sites of 200 items (1,005 pages, 500 attachments), `--sites 50` the full bench's 10,050 pages, with no
 * delay, one request in flight per host and the default host slots, and prints peak RSS, CPU per request and rates.
 * `--node-options '…'` passes options to the crawl's node (e.g. a heap limit). `--prof DIR` records a CPU profile of the crawl process (node --cpu-prof) into DIR. `--wget` then crawls the same sites
 * with one `wget --mirror` per site, as many at once as nianbao's host slots (bench/crawl.ts's parallel
 * comparison), and prints both and their ratios. Used to work on crawl memory and CPU without running the whole
 * bench (about 10 minutes).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS } from '../src/config.ts';
import { benchSeedsYaml, columnUrls, generatePortal, startGeneratedPortal } from './portal.ts';
import { figures, nianbaoCrawl, ratio, traffic, wgetParallel } from './tools.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sites = Number(opt('--sites') ?? 5);
const maxHosts = Number(opt('--max-hosts') ?? DEFAULTS.politeness.maxConcurrentHosts);
const prof = opt('--prof');
const nodeOptions = opt('--node-options');
const logFile = opt('--log');
const withWget = args.includes('--wget');
if (!Number.isInteger(sites) || sites < 1 || !Number.isInteger(maxHosts) || maxHosts < 1) {
  console.error('usage: bench/crawl-size.ts [--sites N] [--max-hosts N] [--node-options OPTS] [--prof DIR] [--log FILE] [--wget]');
  process.exit(2);
}

const g = generatePortal({ sites, itemsPerSite: 200, perPage: 20, pagedEvery: 0, attachmentShare: 0.5, duplicateShare: 0.2, sharedDocs: 8 });
const portal = await startGeneratedPortal(g);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nianbao-crawl-size-'));
try {
  const seedsFile = path.join(tmp, 'seeds.yaml');
  writeFileSync(seedsFile, benchSeedsYaml(g, portal.urls));
  const nodeArgs = [...(nodeOptions ? nodeOptions.split(/\s+/) : []), ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof)}`] : [])];
  portal.log.length = 0;
  const m = await nianbaoCrawl({ seedsFile, storage: path.join(tmp, 'storage'), hostDelayMs: 0, hostConcurrency: 1, maxHosts, nodeArgs });
  if (logFile) writeFileSync(logFile, `${m.stdout}\n${m.stderr}`);
  if (m.exitCode > 1) throw new Error(`nianbao crawl exited ${m.exitCode}: ${m.stderr.slice(-3000)}`);
  if (m.exitCode === 1) console.error(`nianbao crawl exited 1 (some URLs failed):\n${m.stdout.slice(-1500)}${m.stderr.slice(-1500)}`);
  const f = figures(traffic(portal.log), m.wallMs, m.peakRssMiB, m.cpuSec);
  const load = () => Math.round(os.loadavg()[0]! * 100) / 100;
  console.log(JSON.stringify({ sites, maxHosts, loadAvg1: load(), via: m.via, ...f, userSec: m.userSec, sysSec: m.sysSec }, null, 2));
  if (withWget) {
    portal.log.length = 0;
    const w = await wgetParallel(columnUrls(g, portal.urls), path.join(tmp, 'wget'), maxHosts);
    const wf = figures(
      traffic(portal.log),
      w.wallMs,
      Math.max(...w.runs.map((r) => r.peakRssMiB ?? 0)),
      w.runs.reduce((a, r) => a + (r.cpuSec ?? 0), 0),
    );
    const vs = { pagesPerS: ratio(f.pagesPerS, wf.pagesPerS), MBPerS: ratio(f.MBPerS, wf.MBPerS), cpuMsPerRequest: ratio(f.cpuMsPerRequest, wf.cpuMsPerRequest) };
    console.log(JSON.stringify({ wget: { loadAvg1: load(), ...wf }, nianbaoOverWget: vs }, null, 2));
  }
} finally {
  await portal.close();
  rmSync(tmp, { recursive: true, force: true });
}
