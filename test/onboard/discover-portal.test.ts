/**
 * `nianbao discover` end to end on the fixture portal, started from the sites' HOME pages (a portal list file, as a
 * user would give it): every annual-report column is found with the right agency and family, the output is a
 * seeds file the crawl takes as it is, and crawling it finds every report the hand-written seeds find. Politeness
 * and scope are checked from the servers' own log.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds, parseSeedsText, type SeedAgency } from '../../src/registry/seeds-file.ts';
import { seedsYaml } from '../fixtures/portal/registry.ts';
import { startPortal, type Portal } from '../fixtures/portal/server.ts';
import { expectedReports } from '../fixtures/portal/sites/index.ts';
import { maxInFlight } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');
const chromium = loadConfig({}, { NIANBAO_CHROMIUM: process.env.NIANBAO_CHROMIUM }).chromiumPath;
const skip = existsSync(chromium) ? false : `no Chromium at ${chromium}: one portal is behind an anti-bot challenge`;

/** What discover must find on each site: the agency, the column (path as the site links it) and the family. */
const EXPECTED: Record<string, { agency: string; path: string; family: string; render?: string }> = {
  'trs-yichun': { agency: '宜春市国防动员办公室', path: '/zwgk/zfxxgknb/', family: 'trs' },
  'trs-zhoukou': { agency: '周口市国防动员办公室', path: '/xxgk/zfxxgknb/index.html', family: 'trs' },
  'trs-shandong': { agency: '山东省国防动员办公室', path: '/col/xxgk/ndbg/index.html', family: 'trs' },
  'trs-jianxi': { agency: '洛阳市涧西区国防动员办公室', path: '/zfxxgk/fdzdgknr/gknb/', family: 'trs' },
  'hanweb-jiangsu': { agency: '江苏省国防动员办公室', path: '/col/col33718/index.html', family: 'hanweb' },
  'gbk-yiyang': { agency: '宜阳县人民政府', path: '/zwgk/xxgknb/index.html', family: 'generic' },
  'jsapi-xuchang': { agency: '许昌市国防动员办公室', path: '/xxgk/zfxxgknb/index.html', family: 'jsapi' },
  'antibot-nanyang': { agency: '南阳市国防动员办公室', path: '/zwgk/gknb/index.html', family: 'generic', render: 'browser' },
  'agg-luoyang': { agency: '洛阳市人民政府', path: '/zwgk/zfxxgknb/2024n/index.html', family: 'aggregator' },
};

let portal: Portal;
const dir = tempDir();
let yamlText: string;
let discovered: SeedAgency[];
let discoverLogLength = 0;

function run(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 240_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

before(async () => {
  if (skip) return;
  portal = await startPortal();

  const list = path.join(dir, 'portals.txt');
  const lines = ['# The fixture portal, home pages only (the government after each URL).'];
  for (const id of Object.keys(EXPECTED)) lines.push(`${portal.urls[id]}/   # ${EXPECTED[id]!.agency}`);
  writeFileSync(list, `${lines.join('\n')}\n`);
  const out = path.join(dir, 'found.yaml');
  // Run where there is no seeds/ directory: no registry to compare with.
  const r = await run(['discover', '--list', list, '--out', out, '--host-delay', '100'], dir);
  assert.equal(r.code, 0, r.err);
  discoverLogLength = portal.log.length;
  yamlText = readFileSync(out, 'utf8');
  discovered = parseSeedsText(yamlText, 'found.yaml');
}, { timeout: 300_000 });

after(async () => {
  await portal?.close();
});

test('every annual-report column is found from the home pages, with the right agency and family', { skip }, () => {
  const byUrl = new Map(discovered.flatMap((a) => a.entries.map((e) => [e.url, { agency: a.name, ...e }] as const)));
  for (const [id, want] of Object.entries(EXPECTED)) {
    const url = `${portal.urls[id]}${want.path}`;
    const got = byUrl.get(url);
    assert.ok(got, `${id}: no entry for ${url} in\n${yamlText}`);
    assert.equal(got.agency, want.agency, id);
    assert.equal(got.family, want.family, id);
    assert.equal(got.render, want.render ?? 'auto', id);
  }
  // One entry per column: nothing else (no duplicate under index.html, no menu page).
  assert.equal(byUrl.size, Object.keys(EXPECTED).length, yamlText);
});

test('each agency carries its region by division code, its former names, and the evidence as comments', { skip }, () => {
  const jx = discovered.find((a) => a.name === '洛阳市涧西区国防动员办公室')!;
  assert.deepEqual([jx.division, jx.level, jx.province, jx.city, jx.county], ['410305', 'county', '河南省', '洛阳市', '涧西区']);
  const js = discovered.find((a) => a.name === '江苏省国防动员办公室')!;
  assert.deepEqual([js.division, js.level, js.province], ['320000', 'province', '江苏省']);
  // The district office has its own column and its reports are on the city's aggregator too: one agency.
  assert.equal(discovered.filter((a) => [a.name, ...a.aliases].some((n) => n.includes('涧西区国防动员办公室'))).length, 1);
  // A county column that lists its bureaus' reports beside its own gives no aliases.
  assert.deepEqual(discovered.find((a) => a.name === '宜阳县人民政府')!.aliases, []);
  assert.match(yamlText, /# e\.g\. 山东省国防动员办公室2024年政府信息公开工作年度报告/);
  assert.match(yamlText, /# family hanweb: Hanweb data island/);
  assert.match(yamlText, /# found from http:\/\/127\.0\.0\.1:\d+\/ via 政务公开 > 法定主动公开内容 > 政府信息公开年报/);
});

test('politely: one request at a time per host, robots.txt read first, nothing outside the portals asked', { skip }, () => {
  const log = portal.log.slice(0, discoverLogLength);
  assert.ok(!log.some((r) => r.site === 'clone'), 'the off-registry clone was fetched');
  for (const id of Object.keys(EXPECTED)) {
    const reqs = log.filter((r) => r.site === id && r.method !== 'OPTIONS');
    assert.equal(maxInFlight(log, id), 1, id);
    // The first request to a host is its robots.txt (the browser's page requests go through the same fetcher).
    assert.equal(reqs[0]?.url, '/robots.txt', id);
    assert.ok(!reqs.some((r) => r.url.startsWith('/search/')), `${id}: a Disallowed path was fetched`);
  }
});

test('a crawl of the discovered seeds finds every report the hand-written seeds find', { skip, timeout: 600_000 }, async () => {
  const handWritten = path.join(dir, 'hand.yaml');
  writeFileSync(handWritten, seedsYaml(portal.urls));
  const found = async (seedsFile: string, name: string) => {
    const config = loadConfig({ storageDir: path.join(dir, name), politeness: { hostDelayMs: 100, backoffBaseMs: 50 } }, { NIANBAO_CHROMIUM: process.env.NIANBAO_CHROMIUM });
    const catalog = Catalog.open(storagePaths(config.storageDir).catalog);
    try {
      await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: name });
      return (catalog.db.prepare('SELECT a.name, r.year FROM reports r JOIN agencies a ON a.id = r.agency_id').all() as { name: string; year: number }[])
        .map((r) => `${r.name} ${r.year}`)
        .sort();
    } finally {
      catalog.close();
    }
  };
  const byHand = await found(handWritten, 'hand');
  const byDiscovery = await found(path.join(dir, 'found.yaml'), 'discovered');
  assert.deepEqual(byDiscovery, byHand);
  assert.deepEqual(byHand, expectedReports().map((r) => `${r.agency} ${r.year}`).sort());
});
