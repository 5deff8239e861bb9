/**
 * The browser lane's Chromium: one per crawl, each browser host drawn in a context of its own (its cookies); and
 * config.maxBrowsers bounds the hosts drawn at once: with 1, two hosts' pages are never drawn at the same time.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { SharedBrowser } from '../../src/crawl/shared-browser.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer, type TestServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

test('NIANBAO_MAX_BROWSERS sets the browsers a crawl runs at once (at least one)', () => {
  assert.equal(loadConfig({}, { NIANBAO_MAX_BROWSERS: '3' }).maxBrowsers, 3);
  assert.equal(loadConfig({ maxBrowsers: 0 }, {}).maxBrowsers, 1);
  const d = loadConfig({}, {}).maxBrowsers;
  assert.ok(d >= 2 && d <= 4, `default ${d}`);
});

test('with one browser, two browser hosts are drawn one after the other', { timeout: 120_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  let open = 0;
  let most = 0;
  const servers: TestServer[] = [];
  for (const name of ['甲县教育局', '乙县教育局']) {
    servers.push(
      await startServer((req, res) => {
        if (req.url === '/hold') {
          // The page's own request, held a while: two pages drawn at once would hold two.
          open += 1;
          most = Math.max(most, open);
          setTimeout(() => {
            open -= 1;
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"ok":true}');
          }, 600);
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title></head><body><h1>${name}年报</h1><script>fetch('/hold')</script></body></html>`);
      }),
    );
  }
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n${servers.map((s, i) => `  - name: ${['甲县教育局', '乙县教育局'][i]}\n    entries:\n      - url: ${s.origin}/\n        render: browser\n`).join('')}`);
  const storage = path.join(dir, 'storage');
  const config = loadConfig({ storageDir: storage, politeness: FAST, maxBrowsers: 1, exploreEmptySeedPages: 0 }, {});
  const catalog = Catalog.open(storagePaths(storage).catalog);
  try {
    await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    assert.ok(servers.every((s) => s.hitsOf('/hold').length > 0), 'each page was drawn');
    assert.equal(most, 1, 'never two pages drawn at once');
  } finally {
    catalog.close();
    for (const s of servers) await s.close();
  }
});

test('one Chromium serves every browser host, each in a context of its own (cookies apart), relaunched after a crash', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const shared = new SharedBrowser(loadConfig({}, {}).chromiumPath);
  try {
    const a = await shared.newContext();
    const b = await shared.newContext();
    assert.ok(a !== b && a.browser() === b.browser(), 'two contexts of one browser');
    await a.addCookies([{ name: 'sid', value: '1', url: 'http://127.0.0.1/' }]);
    assert.deepEqual(await b.cookies(), [], "one host's cookies are not another's");
    await a.browser()!.close();
    const c = await shared.newContext();
    assert.ok(c.browser()!.isConnected() && c.browser() !== a.browser(), 'a new browser after the first went away');
  } finally {
    await shared.close();
  }
});
