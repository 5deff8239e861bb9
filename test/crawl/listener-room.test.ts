/**
 * A crawl of more hosts at once than Crawlee's event manager allows listeners of an event (50): each host's crawler
 * holds a few of them (and one SIGINT listener of the process) while it runs, removed when it ends. Node warned
 * "Possible AsyncEventEmitter memory leak detected" and "51 SIGINT listeners" on such a run: false alarms on the
 * terminal of anyone crawling a region. The limits follow the hosts crawled at once (harvest.ts listenerRoom).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { send, startServer, type TestServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const HOSTS = 70;

test(`a crawl of ${HOSTS} hosts at once warns of no listener leak`, { timeout: 180_000 }, async () => {
  const servers: TestServer[] = [];
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  // The event manager's emitter warns through console.warn, not process warnings.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    for (let i = 0; i < HOSTS; i++) {
      // Each host's seed is a slow page listing nothing: the hosts' crawlers all run at once.
      servers.push(await startServer(async (_req, res) => {
        await new Promise((r) => setTimeout(r, 400));
        send(res, 200, 'text/html', '<html><head><title>通知公告</title></head><body><p>暂无信息</p></body></html>');
      }));
    }
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n${servers.map((s, i) => `  - name: 测试县第${i + 1}局\n    entries:\n      - url: ${s.origin}/list/\n        render: http\n`).join('')}`);
    const storage = path.join(dir, 'storage');
    const config = loadConfig({ storageDir: storage, politeness: { ...FAST, maxConcurrentHosts: HOSTS } }, {});
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.equal(summary.seeds.length, HOSTS);
    } finally {
      catalog.close();
    }
    assert.deepEqual(warnings.filter((w) => /listener|leak/i.test(w)), []);
  } finally {
    console.warn = warn;
    process.off('warning', onWarning);
    await Promise.all(servers.map((s) => s.close()));
  }
});
