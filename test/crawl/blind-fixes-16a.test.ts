/**
 * Round 16a of the blind portals, on hand-made input: a city's column listing the reports of bodies whose names put
 * the region after a system's or the party's name (国家税务总局…市税务局, 中共…市委…办公室): each is catalogued under its
 * name as written, in the region it names, never with the site's region stuck in front. And a report page whose file
 * is on another host (a file server outside the registry): the report vouches for its file, which is fetched (that
 * file alone, politely, robots.txt obeyed); a file its server's robots.txt refuses is said, the seed short.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { Attributor, governmentOf } from '../../src/crawl/attribution.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { splitRegionPrefix } from '../../src/registry/normalize.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const LUOYANG = { name: '洛阳市人民政府', nameKey: '洛阳市人民政府', division: '410300', level: 'city' as const, province: '河南省', city: '洛阳市', county: null };

test('a body named after its system (国家税务总局, 中共 …) is placed in the region written after that name', () => {
  assert.deepEqual(splitRegionPrefix('国家税务总局洛阳市税务局'), { system: '国家税务总局', division: '410300', rest: '税务局', province: '河南省', city: '洛阳市' });
  const party = splitRegionPrefix('中共新安县委宣传部', { division: '410300' });
  assert.deepEqual([party.system, party.division, party.county], ['中共', '410323', '新安县']);
  // No region after the system's name: as before (the site's region, the whole name kept as the rest).
  assert.deepEqual(splitRegionPrefix('中共中央办公厅', { division: '410300' }).rest, '中共中央办公厅');
  assert.equal(governmentOf('国家税务总局洛阳市'), null, 'a system with a region names no government');
});

test("a city's column: the party office's and the tax bureau's reports keep their names, in the region they name", () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert(LUOYANG);
  const attributor = new Attributor(c);
  const of = (title: string) => attributor.attribute({ title, siteAgency: site })!;
  const party = of('中共洛阳市委机构编制委员会办公室2023年政府信息公开工作年度报告');
  const tax = of('国家税务总局洛阳市税务局2023年政府信息公开工作年度报告');
  const countyTax = of('国家税务总局新安县税务局2022年政府信息公开工作年度报告');
  assert.deepEqual(
    [party, tax, countyTax].map((a) => [a.agency.name, a.agency.division, a.year, a.discovered]),
    [
      ['中共洛阳市委机构编制委员会办公室', '410300', 2023, true],
      ['国家税务总局洛阳市税务局', '410300', 2023, true],
      ['国家税务总局新安县税务局', '410323', 2022, true],
    ],
  );
  assert.equal(countyTax.agency.county, '新安县');
  // The next sighting of the same body (another year, the short party form) is the same agency.
  assert.equal(of('中共洛阳市委机构编制委员会办公室2021年政府信息公开工作年度报告').agency.id, party.agency.id);
  assert.equal(of('洛阳市委机构编制委员会办公室2020年政府信息公开工作年度报告').agency.id, party.agency.id);
  // Names that start with their region are read as before.
  assert.equal(of('洛阳市教育局2023年政府信息公开工作年度报告').agency.name, '洛阳市教育局');
  c.close();
});

function send(res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8', status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

/**
 * A district's column of two reports whose files are on its file server (another host, outside the registry): one
 * linked from the report page, one behind the site's own download address redirecting there. `disallow` is the file
 * server's robots.txt Disallow.
 */
async function crawlFileServer(disallow: string) {
  const AGENCY = '某区卫生健康局';
  const title = (y: number) => `${AGENCY}${y}年度政府信息公开工作年度报告`;
  const files = await startServer((req, res) => {
    if (req.url === '/robots.txt') return send(res, `User-agent: *\nDisallow: ${disallow}\n`, 'text/plain');
    if (/^\/upload\/\d{4}\.pdf$/.test(req.url ?? '')) return send(res, Buffer.from(`%PDF-1.4\n% ${req.url}\n%%EOF\n`), 'application/pdf');
    return send(res, 'not found', 'text/plain', 404);
  });
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/ndbg/') {
      return send(res, `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul class="list">
<li><a href="/ndbg/2024.html">${title(2024)}</a><span>2025-01-22</span></li>
<li><a href="/ndbg/2023.html">${title(2023)}</a><span>2024-01-24</span></li></ul></body></html>`);
    }
    if (url === '/robots.txt') return send(res, 'User-agent: *\nDisallow:\n', 'text/plain');
    if (url === '/attach/download?id=2023') {
      res.writeHead(302, { location: `${files.origin}/upload/2023.pdf` });
      res.end();
      return;
    }
    const m = /\/(\d{4})\.html$/.exec(url);
    if (!m) return send(res, 'not found', 'text/plain', 404);
    const y = Number(m[1]);
    // The scanned report: its pages as images and the PDF on the file server; the older one's behind a redirect.
    const file = y === 2024 ? `${files.origin}/upload/${y}.pdf` : `/attach/download?id=${y}`;
    return send(res, `<html><head><meta charset="utf-8"><title>${title(y)}</title></head><body><h1>${title(y)}</h1>
<p><img src="${files.origin}/upload/${y}-1.jpg"></p><p>附件：<a href="${file}">附件1.pdf</a></p></body></html>`);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/ndbg/\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const config = loadConfig({ politeness: FAST, storageDir: storage });
      const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      const stored = catalog.reports.all().map((r) => [r.year, catalog.reports.files(r.id).filter((f) => f.role === 'attachment').map((f) => f.url)] as const);
      return { seed: seed!, stored: new Map(stored), fileHits: files.hits.map((h) => h.path), files: files.origin, site: server.origin };
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
    await files.close();
  }
}

test("a report's file on a host outside the registry is fetched: linked from its page, or reached by a redirect of the site's download address", { timeout: 60_000 }, async () => {
  const r = await crawlFileServer('/private/');
  assert.deepEqual([...r.stored.keys()].sort(), [2023, 2024]);
  assert.deepEqual(r.stored.get(2024), [`${r.files}/upload/2024.pdf`]);
  assert.deepEqual(r.stored.get(2023), [`${r.site}/attach/download?id=2023`]);
  assert.equal(r.seed.status, 'ok', JSON.stringify(r.seed));
  // The file server was asked for its robots.txt, the two files and each report page's scan picture (its content
  // picture, gone there: said, no shortfall of the seed), nothing else (no page).
  assert.deepEqual(r.fileHits.sort(), ['/robots.txt', '/upload/2023-1.jpg', '/upload/2023.pdf', '/upload/2024-1.jpg', '/upload/2024.pdf']);
});

test("a report's file that its server's robots.txt refuses is not fetched, and the seed is short, saying so", { timeout: 60_000 }, async () => {
  const r = await crawlFileServer('/upload/');
  assert.deepEqual([...r.stored.keys()].sort(), [2023, 2024]);
  assert.deepEqual([r.stored.get(2023), r.stored.get(2024)], [[], []]);
  assert.equal(r.seed.status, 'short', JSON.stringify(r.seed));
  assert.match(r.seed.reason ?? '', /2 file\(s\) of its reports were refused, not fetched \(127\.0\.0\.1:\d+: disallowed by robots\.txt\)/);
  assert.deepEqual(r.fileHits, ['/robots.txt']);
});
