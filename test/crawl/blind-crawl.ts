/**
 * The blind-portal crawl as a new user runs it (docs/blind-portals.md): a seeds file with `family: auto`, `nianbao
 * crawl`, `nianbao status --seeds --json`, `nianbao export`, and the checks of one portal's result. Shared by the
 * blind-portal test files, which crawl the portals in thirds (three processes, three catalogs: the crawl mostly
 * waits on its servers and the browser, so three keep the suite's two cores busy) and the faulty twins apart.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';
import { blindPortals, blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { runNianbao, type CliResult } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools, toolDecision } from '../helpers/tools.ts';

export interface SeedHealth {
  url: string;
  flags: string[];
  healthy: boolean;
  last: { reportItems: number; status: string; reason: string | null };
}

export interface Run {
  portal: Portal;
  portals: BlindPortal[];
  crawl: CliResult;
  seeds: SeedHealth[];
  /** Per portal id: "agency year" of every report whose page is on the portal's host. */
  found: Map<string, string[]>;
  /** Per portal id: paths (and queries) of the attachments stored for its reports, with bytes. */
  attachments: Map<string, string[]>;
  /** Per portal id: path and query of every report page catalogued. */
  reportPaths: Map<string, string[]>;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Whether a stored PDF (by its media type or its address) is one: sniffed so, its bytes opening with `%PDF-`; other types pass. */
function storedAsTyped(storage: string, fileUrl: string, storedPath: string, mediaType: string): boolean {
  if (mediaType !== 'pdf' && !/\.pdf$/i.test(new URL(fileUrl).pathname)) return true;
  if (mediaType !== 'pdf') return false;
  const file = path.isAbsolute(storedPath) ? storedPath : path.join(storage, storedPath);
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    // At its start (a BOM or a blank line aside): a PDF inside a compressed frame shows `%PDF-` a few bytes in.
    const at = head.subarray(0, n).indexOf('%PDF-');
    return at >= 0 && /^[\s\uFEFF]*$/.test(head.subarray(0, at).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** Serves the portals, crawls them through the CLI, reads seed health and the export. */
export async function crawlAsUser(portals: BlindPortal[]): Promise<Run> {
  const portal = await startPortal({ sites: blindSitesOf(portals) });
  try {
    return await crawlServed(portal, portals);
  } catch (err) {
    await portal.close();
    throw err;
  }
}

async function crawlServed(portal: Portal, portals: BlindPortal[]): Promise<Run> {
  const dir = tempDir('nianbao-blind-');
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, blindSeedsYaml(portal.urls, portals));
  const storage = path.join(dir, 'storage');
  const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '30', '--no-extract', '--progress', 'none']);
  const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
  assert.equal(status.code, 0, status.err);
  const out = path.join(dir, 'reports.csv');
  const exported = await runNianbao(['export', '--out', out, '--storage', storage]);
  assert.equal(exported.code, 0, exported.err);
  const [header, ...rows] = csvRows(readFileSync(out, 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  const found = new Map<string, string[]>(portals.map((p) => [p.id, []]));
  const attachments = new Map<string, string[]>(portals.map((p) => [p.id, []]));
  const reportPaths = new Map<string, Set<string>>(portals.map((p) => [p.id, new Set()]));
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r[col('agency')]} ${r[col('year')]}`;
    const host = new URL(r[col('report_url')]!).origin;
    // A portal's sibling host (`<id>-sibling`) counts as the portal.
    const id = Object.entries(portal.urls).find(([, url]) => url === host)?.[0]?.replace(/-sibling$/, '');
    const page = new URL(r[col('report_url')]!);
    if (id) reportPaths.get(id)!.add(page.pathname + page.search);
    // An attachment is stored when it has bytes: an empty answer kept would be no report's file (round 59d); a PDF's
    // stored bytes are a PDF (a body kept in a coding nianbao did not undo, zstd, is none: round 70d).
    if (id && r[col('role')] === 'attachment' && Number(r[col('size')]) > 0 && storedAsTyped(storage, r[col('file_url')]!, r[col('stored_path')]!, r[col('media_type')]!)) {
      attachments.get(id)!.push(((u) => u.pathname + u.search)(new URL(r[col('file_url')]!)));
    }
    if (!id || seen.has(`${id} ${key}`)) continue;
    seen.add(`${id} ${key}`);
    found.get(id)!.push(key);
  }
  for (const list of [...found.values(), ...attachments.values()]) list.sort();
  const paths = new Map([...reportPaths].map(([id, set]) => [id, [...set].sort()]));
  return { portal, portals, crawl, seeds: (JSON.parse(status.out) as { seeds: SeedHealth[] }).seeds, found, attachments, reportPaths: paths };
}

export const expectedOf = (p: BlindPortal) => [...new Set(p.expected.map((r) => `${r.agency} ${r.year}`))].sort();

// The JavaScript platforms need the browser lane (Chromium); without it, outside CI, only they are left out.
export const withBrowser = toolDecision(['chromium']) === 'run';

/** The blind test files, each crawling one part of the portals. */
export const BLIND_PARTS = 3;

/** Part `part` (0 to BLIND_PARTS − 1) of the sound blind portals, every third one in registry order: crawls of equal weight. */
export function partOf(all: BlindPortal[], part: number): BlindPortal[] {
  return all.filter((_, i) => i % BLIND_PARTS === part);
}

export function assertPortal(r: Run, p: BlindPortal): void {
  const seed = r.seeds.find((s) => s.url === `${r.portal.urls[p.id]}${p.seedAs ?? p.seedPath}`);
  assert.ok(seed, `${p.id}: its seed is in status --seeds`);
  if (p.open) {
    // A known miss: flagged to the user, and no trap catalogued.
    const extra = r.found.get(p.id)!.filter((k) => !expectedOf(p).includes(k));
    assert.deepEqual(extra, [], `${p.id}: nothing outside the expected set`);
    assert.ok(!seed.healthy && seed.flags.length > 0, `${p.id} (open: ${p.open}): its miss is not flagged (${JSON.stringify(seed.last)})`);
    return;
  }
  assert.deepEqual(r.found.get(p.id), expectedOf(p), `${p.id} (${p.pattern}): reports found vs expected`);
  // A portal whose pages fail by design (failsRequests) has its seed flagged host_failed beside its own flag.
  if (p.flag) assert.deepEqual(seed.flags.filter((f) => !(p.failsRequests && f === 'host_failed')), [p.flag], `${p.id}: seed flagged ${seed.flags.join(',')} (${seed.last.reason})`);
  else assert.ok(seed.healthy, `${p.id}: seed flagged ${seed.flags.join(',')} (${seed.last.reason})`);
  // The catalog names each report by the article's own address (no counting redirect, no session id).
  if (p.reportPaths) assert.deepEqual(r.reportPaths.get(p.id), [...p.reportPaths].sort(), `${p.id}: report addresses`);
  // Reports published as attachments only: each file stored (a list item that is the file included), no trap's.
  // Files told apart by their query (`download.do?fileId=…`) are compared with it; others by their path.
  const byQuery = p.files?.some((f) => f.includes('?'));
  const stored = (r.attachments.get(p.id) ?? []).map((u) => (byQuery ? u : u.replace(/\?.*$/, '')));
  if (p.files) assert.deepEqual([...new Set(stored)].sort(), [...p.files].sort(), `${p.id}: attachments stored`);
}

/**
 * The tests of one part of the sound blind portals (`part` 0: every third one from the first; 1: from the second; 2:
 * from the third), crawled once for the file: every expected report found, nothing else, every seed healthy (or
 * flagged as the portal says), and the run's summary and exit code saying the flagged ones.
 */
export function blindPartTests(part: number, suffix: string): void {
  const portals = partOf(blindPortals(), part);
  let run: Run | undefined;
  before(async () => {
    run = await crawlAsUser(withBrowser ? portals : portals.filter((p) => !p.needsBrowser));
  });
  after(async () => {
    await run?.portal.close();
  });

  test(`blind portals read over HTTP${suffix}: every expected report found with its agency and year, nothing else, every seed healthy`, { timeout: 600_000 }, () => {
    for (const p of portals.filter((x) => !x.needsBrowser)) assertPortal(run!, p);
    // A known (open) miss is flagged `short`, and the exit code says so (7), as for an empty seed; so is a seed flagged
    // `short` by design (a listed report whose page is gone).
    // A portal whose own page answers a server error makes the run's exit 1 (partial), which outranks 7.
    const open = portals.filter((x) => x.open || x.flag === 'short').length;
    const failing = portals.some((x) => x.failsRequests);
    if (withBrowser) assert.equal(run!.crawl.code, failing ? ExitCode.partial : open ? ExitCode.seedsEmpty : ExitCode.ok, run!.crawl.out + run!.crawl.err);
    // A flagged seed whose reports were all found (moved) is unhealthy too, without changing the exit code.
    const crawled = withBrowser ? portals : portals.filter((p) => !p.needsBrowser);
    const unhealthy = crawled.filter((x) => x.open || x.flag).length;
    assert.match(run!.crawl.out, new RegExp(`seeds: \\d+ healthy, ${unhealthy} unhealthy`));
  });

  test(`blind JavaScript platforms${suffix}: the list API learned from the browser traffic, links built from ids included`, { timeout: 600_000 }, (t) => {
    if (!requireTools(t, 'chromium')) return;
    for (const p of portals.filter((x) => x.needsBrowser)) assertPortal(run!, p);
  });
}
