/**
 * Fault matrix, hostile inputs: each ends within its limit with a recorded reason, and the rest of the crawl goes on.
 *   20 MB page → too_large (maxPageBytes) · one byte a second → timeout (pageTimeoutMs, whole body) · chunked body that
 *   never ends → timeout · redirect loop → redirect_loop after four requests · 100 000 links → only maxLinksPerPage
 *   considered, a `skipped` event says so · zip bomb and lying XLSX → failed zip_bomb · encrypted DOCX/PDF → encrypted.
 * Asserted from the catalog and the site's request log.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { tempDir } from '../helpers/tmp.ts';
import { startHostileSite } from './hostile-site.ts';

test('hostile pages and documents each end within their limits with a recorded reason', { timeout: 240_000 }, async () => {
  const site = await startHostileSite({ links: 100_000 });
  after(() => site.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  writeFileSync(seedsFile, site.seedsYaml());
  const storage = path.join(dir, 'storage');
  const config = loadConfig(
    {
      storageDir: storage,
      // A threshold above the four timeouts of this site, so each row is seen on its own.
      politeness: { hostDelayMs: 20, backoffBaseMs: 20, maxRetries: 1, pageTimeoutMs: 1500, maxLinksPerPage: 50, circuitBreakerThreshold: 10 },
    },
    {},
  );
  const catalog = Catalog.open(storagePaths(storage).catalog);
  after(() => catalog.close());
  const summary = await harvest({ config, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
  assert.equal(summary.status, 'partial');
  assert.deepEqual(summary.openCircuits, []);

  const reason = (p: string) => {
    const s = catalog.urls.get(`${site.origin}${p}`);
    return `${s?.outcome} ${s?.reason}`;
  };
  assert.match(reason('/pages/huge.html'), /^failed too_large: larger than the 8388608-byte cap/);
  assert.match(reason('/pages/drip.html'), /^failed timeout: response body not complete after 1500 ms/);
  assert.match(reason('/pages/endless.html'), /^failed timeout: response body not complete after 1500 ms/);
  assert.match(reason('/pages/loop-a.html'), /^failed redirect_loop: redirect loop/);
  const hits = (re: RegExp) => site.log.filter((r) => re.test(r.path)).length;
  assert.equal(hits(/^\/pages\/drip/), 2, 'the first try and one retry, each cut at the time limit');
  // Each address may come back once in a chain (a stale node's `/x/` → `/x` → `/x/`, round 56d): seen when one comes back
  // a second time, and not retried.
  assert.equal(hits(/^\/pages\/loop-/), 4, 'a loop is seen when an address comes back twice, and not retried');
  assert.equal(hits(/^\/pages\/huge/), 1, 'too large is final');

  const events = catalog.runs.events(summary.runId, 'skipped').filter((e) => /too_many_links/.test(e.detail ?? ''));
  assert.equal(events.length, 1);
  assert.match(events[0]!.detail!, /100000 links, only the first 50 considered/);
  assert.ok(hits(/^\/n\//) <= 50, `${hits(/^\/n\//)} links of the 100 000 fetched`);

  const result = await runExtraction(catalog, storage, { pool: { concurrency: 1 } });
  assert.equal(result.files, 5); // the good page itself and its four attachments
  const fileOf = (p: string) => {
    const sha = catalog.urls.get(`${site.origin}${p}`)?.sha256;
    assert.ok(sha, `${p} not stored`);
    return catalog.files.get(sha)!;
  };
  assert.equal(fileOf('/att/bomb.docx').extraction_status, 'failed');
  assert.match(fileOf('/att/bomb.docx').extraction_reason ?? '', /^zip_bomb: zip entry word\/document\.xml declares 2048 bytes but inflates to more/);
  assert.equal(fileOf('/att/liar.xlsx').extraction_status, 'failed');
  assert.match(fileOf('/att/liar.xlsx').extraction_reason ?? '', /^zip_bomb: .*declares 64 bytes/);
  assert.equal(fileOf('/att/locked.docx').media_type, 'docx');
  assert.equal(fileOf('/att/locked.docx').extraction_status, 'encrypted');
  assert.equal(fileOf('/att/locked.pdf').extraction_status, 'encrypted');
});
