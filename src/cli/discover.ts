/** `nianbao discover URL…`: find the annual-report columns of portals and write them as a seeds file. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { ExitCode, UsageError } from '../errors.ts';
import { discover } from '../onboard/discover.ts';
import { readPortalList } from '../onboard/portal-list.ts';
import { seedsYamlOf } from '../onboard/seeds-yaml.ts';
import { loadSeeds } from '../registry/seeds-file.ts';
import { positiveInt, say, seedFiles } from './common.ts';

interface DiscoverFlags {
  list?: string[];
  out?: string;
  depth: number;
  maxPages: number;
  samplePages: number;
  seeds?: string[];
  hostDelay?: number;
  robots: boolean;
  browser: boolean;
  json?: boolean;
}

/** The registry to compare with: the files given, else seeds/*.yaml here when there is such a directory. */
function registryFiles(given: string[] | undefined): string[] {
  if (given?.length) return seedFiles(given);
  return existsSync(path.resolve('seeds')) ? seedFiles(undefined) : [];
}

export function discoverCommand(): Command {
  return new Command('discover')
    .description('find the annual-report columns of government portals and propose them as a seeds file (reads pages politely, never the catalog)')
    .argument('[urls...]', 'portal home pages (or their 政府信息公开 pages)')
    .option('--list <file...>', 'portal list files: one URL per line, # comments (see seeds/portals/)')
    .option('--out <file>', 'write the seeds YAML here (default: standard output)')
    .option('--depth <n>', 'links followed from each start page at most', positiveInt('--depth'), 5)
    .option('--max-pages <n>', 'pages read per portal at most', positiveInt('--max-pages'), 80)
    .option('--sample-pages <n>', "list pages of each column read for sample titles and the agency's former names", positiveInt('--sample-pages'), 3)
    .option('--seeds <file...>', 'the registry: entries already listed there are not proposed again (default: seeds/*.yaml here)')
    .option('--host-delay <ms>', 'minimum milliseconds between two requests to one host', positiveInt('--host-delay'))
    .option('--no-robots', 'ignore robots.txt (only for your own test servers)')
    .option('--no-browser', 'never start Chromium (pages behind an anti-bot challenge are then left out)')
    .option('--json', 'print the portals explored and the proposals as JSON instead of YAML')
    .action(async (urls: string[], opts: DiscoverFlags) => {
      const starts = [...urls, ...(opts.list ?? []).flatMap((f) => readPortalList(f).map((l) => l.url))];
      for (const u of starts) if (!/^https?:\/\//i.test(u)) throw new UsageError(`not an http(s) URL: "${u}"`);
      if (!starts.length) throw new UsageError('give portal URLs, or --list FILE');
      const known = loadSeeds(registryFiles(opts.seeds));
      const config = loadConfig({ politeness: { ...(opts.hostDelay !== undefined ? { hostDelayMs: opts.hostDelay } : {}), obeyRobots: opts.robots } });
      const result = await discover([...new Set(starts)], config, {
        depth: opts.depth,
        maxPages: opts.maxPages,
        samplePages: Math.max(1, opts.samplePages),
        browser: opts.browser,
        known,
        onPortal: (r) =>
          process.stderr.write(
            `nianbao: ${r.portal}: ${r.pagesRead} page(s) read, ${r.findings.length} report column(s)${r.notes.length ? `; ${r.notes.length} notes: ${r.notes.slice(0, 3).join('; ')}` : ''}\n`,
          ),
      });
      const unreachable = result.portals.filter((p) => !p.reachable);
      // Like a crawl with failed URLs: the output is usable, but some portals need a look (named on stderr).
      if (unreachable.length) process.exitCode = ExitCode.partial;
      if (opts.json) {
        say(JSON.stringify(result, null, 2));
        return;
      }
      const header = [
        `Proposed by nianbao discover on ${new Date().toISOString().slice(0, 10)} from ${starts.length} portal(s); every entry is unverified:`,
        'read the evidence, then run `nianbao probe URL` on an entry, or crawl this file.',
      ];
      const yaml = seedsYamlOf(result.proposals, header);
      if (opts.out) {
        writeFileSync(opts.out, yaml);
        process.stderr.write(`nianbao: ${result.proposals.length} agencies, ${result.proposals.reduce((n, a) => n + a.entries.length, 0)} entries written to ${opts.out}\n`);
      } else process.stdout.write(yaml);
    });
}
