/**
 * Hosts that refuse or reset connections: each seed ends failed with its reason, its host flagged, after the
 * fetcher's own tries, and the run ends. Crawlee reads ECONNREFUSED and ECONNRESET in an error's message as a proxy's
 * fault and gives the request back with a new session instead of failing it; with the session count not kept across
 * that, a refused host's seed went round for ever (a core busy, the run never ending). Asserted from the summary,
 * the catalog and the number of connections each host saw.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A port nothing listens on: one taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Answers robots.txt (404: everything allowed) and resets the connection of every other request. */
async function resettingHost(): Promise<{ origin: string; resets: () => number; close: () => Promise<void> }> {
  let resets = 0;
  const srv = http.createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    resets += 1;
    req.socket.resetAndDestroy();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, resets: () => resets, close: () => new Promise((r) => srv.close(() => r())) };
}

const seedsYaml = (entries: { name: string; division: string; url: string }[]) =>
  `agencies:\n${entries
    .map((e) => `  - name: ${e.name}\n    division: "${e.division}"\n    level: county\n    province: 江西省\n    entries:\n      - url: ${e.url}\n        family: auto\n`)
    .join('')}`;

test('a seed on a host refusing connections, and one on a host resetting them, each end failed and flagged; the run ends', { timeout: 120_000 }, async () => {
  const refusedUrl = `http://127.0.0.1:${await closedPort()}/zwgk/gknb/index.html`;
  const resetting = await resettingHost();
  after(() => resetting.close());
  const resetUrl = `${resetting.origin}/zwgk/gknb/index.html`;
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  writeFileSync(
    seedsFile,
    seedsYaml([
      { name: '宜春市袁州区人民政府', division: '360902', url: refusedUrl },
      { name: '万载县人民政府', division: '360922', url: resetUrl },
    ]),
  );
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: { hostDelayMs: 20, backoffBaseMs: 20, maxRetries: 2 } }, {});
  const catalog = Catalog.open(storagePaths(storage).catalog);
  after(() => catalog.close());
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });

  assert.equal(summary.status, 'partial');
  // The fetcher's first try and its two retries, then final: no session rotation asks again.
  assert.equal(resetting.resets(), 3, 'connections reset on the seed page');
  // Refused: robots.txt could not be read, so the site is refused for the run (RFC 9309), the seed said empty with why.
  const refused = catalog.urls.get(refusedUrl);
  assert.equal(refused?.outcome, 'skipped');
  assert.match(refused?.reason ?? '', /^robots: robots\.txt unreachable \(network: connect ECONNREFUSED/);
  const [first, second] = summary.seeds;
  assert.equal(first?.status, 'empty');
  assert.match(first?.reason ?? '', /its list page was never read; 1 of its pages were refused, never read \(list page: .*robots\.txt unreachable/);
  // Reset: the page failed after the fetcher's tries, its host flagged.
  const reset = catalog.urls.get(resetUrl);
  assert.equal(reset?.outcome, 'failed');
  assert.match(reset?.reason ?? '', /^network: read ECONNRESET/);
  assert.equal(second?.status, 'host_failed');
  assert.equal(second?.failures, 1);
  assert.equal(summary.emptySeeds, 2); // a host that failed with no report item yielded nothing too
});
