/**
 * A pager whose next page is on a host outside the registry (a list moved to another server, an absolute link to a
 * mirror): the page is not read, and the seed says so (`short`, naming the host, and a `skipped` event), where it
 * used to end `ok` having silently read one page of its list.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

const AGENCY = '某市统计局';
const title = (y: number) => `${AGENCY}${y}年政府信息公开工作年度报告`;
const article = (y: number) => `<html><head><meta charset="utf-8"><title>${title(y)}</title></head><body><h1>${title(y)}</h1><p>一、总体情况</p></body></html>`;

test('a next page on a host outside the registry is not read, and the seed is short naming that host', { timeout: 60_000 }, async () => {
  const other = await startServer((_req, res) => send(res, '<html><body><ul><li><a href="/a/2021.html">' + title(2021) + '</a></li></ul></body></html>'));
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/tjj/ndbg/index.html') {
      return send(
        res,
        `<html><head><meta charset="utf-8"><title>年度报告</title></head><body><ul class="list">
<li><a href="/tjj/ndbg/2024.html">${title(2024)}</a><span>2025-01-20</span></li>
<li><a href="/tjj/ndbg/2023.html">${title(2023)}</a><span>2024-01-18</span></li>
</ul><div class="page"><a href="${other.origin}/tjj/ndbg/index_1.html">下一页</a></div></body></html>`,
      );
    }
    const m = /\/(\d{4})\.html$/.exec(url);
    return m ? send(res, article(Number(m[1]))) : send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/tjj/ndbg/index.html\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2023, 2024]);
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.status, 'short', JSON.stringify(seed));
      assert.match(seed!.reason ?? '', /pager leads to 1 list page\(s\) on hosts outside the registry \(127\.0\.0\.1:\d+\)/);
      const skipped = catalog.runs.events(summary.runId, 'skipped').filter((e) => /list page on a host not in the registry/.test(e.detail ?? ''));
      assert.equal(skipped.length, 1);
      assert.equal(other.hits.length, 0, "the other host was never asked");
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
    await other.close();
  }
});
