/**
 * The blind portals (test/fixtures/portal/sites/blind/: written apart from the parsers, imitating real-world
 * patterns) crawled as a new user would: a seeds file with `family: auto`, `nianbao crawl`, `nianbao status
 * --seeds --json`, `nianbao export`. Every portal's expected report set is found exactly (recall and precision),
 * every seed healthy; and the same portals with one miss injected each are flagged, never "ok".
 * docs/blind-portals.md records the measurement this test keeps.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';
import { faultyPortals } from '../fixtures/portal/sites/blind/faults.ts';
import { blindPortals, blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { runNianbao, type CliResult } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools, toolDecision } from '../helpers/tools.ts';

interface SeedHealth {
  url: string;
  flags: string[];
  healthy: boolean;
  last: { reportItems: number; status: string; reason: string | null };
}

interface Run {
  portal: Portal;
  portals: BlindPortal[];
  crawl: CliResult;
  seeds: SeedHealth[];
  /** Per portal id: "agency year" of every report whose page is on the portal's host. */
  found: Map<string, string[]>;
  /** Per portal id: paths of the attachments stored for its reports. */
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

/** Serves the portals, crawls them through the CLI, reads seed health and the export. */
async function crawlAsUser(portals: BlindPortal[]): Promise<Run> {
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
    if (id && r[col('role')] === 'attachment') attachments.get(id)!.push(new URL(r[col('file_url')]!).pathname);
    if (!id || seen.has(`${id} ${key}`)) continue;
    seen.add(`${id} ${key}`);
    found.get(id)!.push(key);
  }
  for (const list of [...found.values(), ...attachments.values()]) list.sort();
  const paths = new Map([...reportPaths].map(([id, set]) => [id, [...set].sort()]));
  return { portal, portals, crawl, seeds: (JSON.parse(status.out) as { seeds: SeedHealth[] }).seeds, found, attachments, reportPaths: paths };
}

const expectedOf = (p: BlindPortal) => [...new Set(p.expected.map((r) => `${r.agency} ${r.year}`))].sort();

// The JavaScript platforms need the browser lane (Chromium); without it, outside CI, only they are left out.
const withBrowser = toolDecision(['chromium']) === 'run';
let run: Run | undefined;
let faulty: Run | undefined;

before(async () => {
  const all = blindPortals();
  const faults = faultyPortals().map((f) => f.portal);
  // Two catalogs (a faulty portal shares its agencies with its sound twin), crawled at once: each crawl's tail is
  // its slowest portal waiting on politeness delays and the browser, not the CPU.
  const [sound, broken] = await Promise.allSettled([
    crawlAsUser(withBrowser ? all : all.filter((p) => !p.needsBrowser)),
    crawlAsUser(withBrowser ? faults : faults.filter((p) => !p.needsBrowser)),
  ]);
  if (sound.status === 'fulfilled') run = sound.value;
  if (broken.status === 'fulfilled') faulty = broken.value;
  for (const r of [sound, broken]) if (r.status === 'rejected') throw r.reason;
});
after(async () => {
  await run?.portal.close();
  await faulty?.portal.close();
});

function assertPortal(p: BlindPortal): void {
  const r = run!;
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
  if (p.flag) assert.deepEqual(seed.flags, [p.flag], `${p.id}: seed flagged ${seed.flags.join(',')} (${seed.last.reason})`);
  else assert.ok(seed.healthy, `${p.id}: seed flagged ${seed.flags.join(',')} (${seed.last.reason})`);
  // The catalog names each report by the article's own address (no counting redirect, no session id).
  if (p.reportPaths) assert.deepEqual(r.reportPaths.get(p.id), [...p.reportPaths].sort(), `${p.id}: report addresses`);
  // Reports published as attachments only: each file stored (a list item that is the file included), no trap's.
  if (p.files) assert.deepEqual([...new Set(r.attachments.get(p.id))].sort(), [...p.files].sort(), `${p.id}: attachments stored`);
}

test('blind portals read over HTTP: every expected report found with its agency and year, nothing else, every seed healthy', { timeout: 600_000 }, () => {
  for (const p of blindPortals().filter((x) => !x.needsBrowser)) assertPortal(p);
  // A known (open) miss is flagged `short`, and the exit code says so (7), as for an empty seed.
  const open = blindPortals().filter((x) => x.open).length;
  if (withBrowser) assert.equal(run!.crawl.code, open ? ExitCode.seedsEmpty : ExitCode.ok, run!.crawl.out + run!.crawl.err);
  // A flagged seed whose reports were all found (moved) is unhealthy too, without changing the exit code.
  const flagged = blindPortals().filter((x) => x.flag).length;
  assert.match(run!.crawl.out, new RegExp(`seeds: \\d+ healthy, ${open + flagged} unhealthy`));
});

test('blind JavaScript platforms: the list API learned from the browser traffic, links built from ids included', { timeout: 600_000 }, (t) => {
  if (!requireTools(t, 'chromium')) return;
  for (const p of blindPortals().filter((x) => x.needsBrowser)) assertPortal(p);
});

test('an injected miss on a blind portal is flagged to the user (status --seeds, exit code), never silent', { timeout: 600_000 }, (t) => {
  const r = faulty!;
  assert.notEqual(r.crawl.code, ExitCode.ok, r.crawl.out + r.crawl.err);
  for (const f of faultyPortals()) {
    if (!r.portals.some((p) => p.id === f.portal.id)) continue;
    const seed = r.seeds.find((s) => s.url === `${r.portal.urls[f.portal.id]}${f.portal.seedPath}`);
    assert.ok(seed, `${f.portal.id}: its seed is in status --seeds`);
    t.diagnostic(`${f.portal.id} (${f.fault}): ${seed.flags.join(',')}: ${seed.last.reason ?? ''}`);
    assert.ok(!seed.healthy && seed.flags.length > 0, `${f.portal.id} (${f.fault}): not flagged (${JSON.stringify(seed.last)})`);
    assert.ok(r.found.get(f.portal.id)!.length < expectedOf(f.portal).length, `${f.portal.id}: the fault did not cause a miss`);
  }
});
