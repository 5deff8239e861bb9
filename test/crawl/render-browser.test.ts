import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST, portalWithSeeds } from '../helpers/harvest.ts';
import { requireTools } from '../helpers/tools.ts';

const config = loadConfig({ politeness: FAST });

test('a seed that says render: browser is listed by Chromium; its report and attachments are still found', async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const { portal, dir } = await portalWithSeeds(['trs-jianxi']);
  const seedsFile = path.join(dir, 'browser.yaml');
  writeFileSync(
    seedsFile,
    `agencies:
  - name: 洛阳市涧西区国防动员办公室
    aliases: [涧西区国防动员办公室]
    division: "410305"
    entries:
      - url: ${portal.urls['trs-jianxi']}/zfxxgk/fdzdgknr/gknb/index.html
        family: auto
        render: browser
`,
  );
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const summary = await harvest({ config: { ...config, storageDir: storage }, catalog, seeds: loadSeeds([seedsFile]), kind: 'crawl', jobName: 'crawl' });
  assert.equal(summary.status, 'ok');
  // Only a browser runs the list page's script tag: the pager script is asked for by Chromium, through the fetcher.
  assert.ok(portal.log.some((r) => r.url === '/images/trs_page.js'), 'the list page was not rendered by the browser');
  assert.deepEqual(catalog.reports.all().map((r) => r.year), [2024]);
  const files = catalog.reports.files(catalog.reports.all()[0]!.id);
  assert.ok(files.some((f) => f.role === 'attachment'), 'the attachment went to the downloader');
  // Politeness holds for the browser too: one request at a time.
  const site = portal.log.filter((r) => r.site === 'trs-jianxi').sort((a, b) => a.start - b.start);
  for (let i = 1; i < site.length; i++) assert.ok(site[i]!.start >= site[i - 1]!.end, `${site[i]!.url} overlapped ${site[i - 1]!.url}`);
  catalog.close();
});
