// A host behind a 412 challenge that every request must pass (test/fixtures/portal/sites/challenge.ts): the browser
// passes it once, then the HTTP lane fetches list pages, report pages and attachments with the browser's cookies
// and User-Agent; the host is remembered, so the next run starts in the browser and then goes on over HTTP.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { CHALLENGE_AGENCY, ChallengeSite, challengeExpected } from '../fixtures/portal/sites/challenge.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { FAST } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const config = loadConfig({ politeness: FAST });
const skip = existsSync(config.chromiumPath) ? false : `no Chromium at ${config.chromiumPath}`;

test('past a challenge, every later request carries its cookies over HTTP; the host is remembered for the next run', { skip, timeout: 600_000 }, async () => {
  const site = new ChallengeSite();
  const portal = await startPortal({ sites: [site] });
  after(() => portal.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  const a = CHALLENGE_AGENCY;
  writeFileSync(
    seedsFile,
    `agencies:\n  - name: ${a.name}\n    aliases: [${a.aliases.join(', ')}]\n    division: "${a.division}"\n    entries:\n      - url: ${portal.urls[site.id]}${a.seedPath}\n        family: auto\n        render: auto\n`,
  );
  const storage = path.join(dir, 'storage');
  const run = async () => {
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: { ...config, storageDir: storage }, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
      return summary;
    } finally {
      catalog.close();
    }
  };

  const first = await run();
  const log = site.log.filter((r) => r.kind !== 'robots');
  assert.equal(first.status, 'ok', JSON.stringify(first.stats));
  // The first request met the challenge; once a request carried the cookies, none was challenged again.
  assert.equal(log[0]!.status, 412);
  const firstOk = log.findIndex((r) => r.cookieOk);
  assert.ok(firstOk > 0, 'no request ever carried the challenge cookies');
  assert.deepEqual(log.slice(firstOk).filter((r) => r.status === 412).map((r) => r.path), []);
  // The browser passed it (the first good request is the browser's reload) and the HTTP lane did the rest:
  // the second list page, every report page and every attachment, with the cookies and the browser's User-Agent.
  assert.equal(log[firstOk]!.browser, true);
  const http = log.slice(firstOk).filter((r) => !r.browser);
  const browserAgent = log[firstOk]!.userAgent;
  for (const kind of ['list', 'detail', 'file'] as const) assert.ok(http.some((r) => r.kind === kind), `no ${kind} request over HTTP`);
  assert.ok(http.every((r) => r.cookieOk && r.status === 200), JSON.stringify(http.filter((r) => !r.cookieOk || r.status !== 200)));
  assert.ok(http.every((r) => r.userAgent === browserAgent), 'the HTTP lane did not use the browser’s User-Agent');
  assert.ok(log.slice(firstOk).filter((r) => r.kind === 'detail' || r.kind === 'file').every((r) => !r.browser), 'report pages or files went through the browser');

  const catalog = Catalog.open(storagePaths(storage).catalog);
  const reports = catalog.reports.all().map((r) => `${catalog.agencies.byId(r.agency_id)!.name} ${r.year}`).sort();
  assert.deepEqual(reports, challengeExpected().map((r) => `${r.agency} ${r.year}`).sort());
  for (const r of catalog.reports.all()) {
    const files = catalog.reports.files(r.id);
    assert.ok(files.some((f) => f.role === 'page') && files.some((f) => f.role === 'attachment'), `report ${r.year} lacks its page or attachment`);
  }
  assert.ok(catalog.challenges.get(new URL(portal.urls[site.id]!).host)?.last_passed_at, 'the challenge host is not remembered');
  catalog.close();

  // Next run: the remembered host starts in the browser (no HTTP request is challenged first), then HTTP again.
  const mark = site.log.length;
  const second = await run();
  assert.equal(second.status, 'ok', JSON.stringify(second.stats));
  const again = site.log.slice(mark).filter((r) => r.kind !== 'robots');
  assert.equal(again[0]!.browser, true, 'the second run did not start in the browser');
  assert.deepEqual(again.filter((r) => r.status === 412 && !r.browser).map((r) => r.path), []);
});
