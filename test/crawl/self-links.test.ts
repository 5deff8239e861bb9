/**
 * A list whose items link back to the list itself (Discuz! portal lists give each item its 分类 link to the column,
 * named like the column: "政府信息公开年报"; CMS themes print a "年报" crumb in every row) reads the list once: the
 * link back was asked as a report page, found to be an index and queued as a list again, three fetches of one page.
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
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const AGENCY = '某县水利局';
const COLUMN = '/list.php?cat=7';

test('items linking back to their own list (a 分类 link named like the column) leave the list read once', { timeout: 60_000 }, async () => {
  const hits: string[] = [];
  const row = (id: number, year: number) =>
    `<dl><dt><a href="view.php?id=${id}">${AGENCY}${year}年政府信息公开工作年度报告</a></dt><dd>分类: <a href="list.php?cat=7">政府信息公开年报</a> | ${year + 1}-01-2${id}</dd></dl>`;
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    if (url === '/robots.txt') return send(res, 404, 'text/plain', '');
    if (url === COLUMN) {
      return send(res, 200, 'text/html; charset=utf-8', `<html><head><title>政府信息公开年报 - ${AGENCY}</title></head><body>
<div class="crumb"><a href="/">首页</a> &gt; <a href="list.php?cat=7">政府信息公开年报</a></div>
<div class="list">${row(1, 2024)}${row(2, 2023)}${row(3, 2022)}</div></body></html>`);
    }
    const m = /^\/view\.php\?id=(\d)$/.exec(url);
    if (m) {
      const year = 2025 - Number(m[1]);
      return send(res, 200, 'text/html; charset=utf-8', `<html><head><title>${AGENCY}${year}年政府信息公开工作年度报告</title></head><body>
<div class="crumb"><a href="/">首页</a> &gt; <a href="list.php?cat=7">政府信息公开年报</a></div>
<h1>${AGENCY}${year}年政府信息公开工作年度报告</h1><div class="content"><p>本报告根据《中华人民共和国政府信息公开条例》编制。</p></div></body></html>`);
    }
    send(res, 404, 'text/html', 'not found');
  });
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}${COLUMN}\n        family: auto\n        render: http\n`);
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  try {
    const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2022, 2023, 2024]);
    assert.equal(hits.filter((h) => h === COLUMN).length, 1, `the column was fetched once: ${hits.join(' ')}`);
    const [seed] = catalog.seedHealth.seedRuns(summary.runId);
    assert.equal(seed?.status, 'ok', JSON.stringify(seed));
  } finally {
    catalog.close();
    await server.close();
  }
});
