/**
 * A seed whose page was read but drew nothing readable over HTTP goes to the browser even when another of its
 * requests failed (here the 年度报告 menu link answers 404): the failure is reported (the seed `short` of that list
 * page), but it does not hide the list the page's own script draws. With the browser, every report is found.
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
import { requireTools } from '../helpers/tools.ts';

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

// The list is asked for by a script whose address is assembled at run time: nothing in the HTML names the API.
const shell = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开年报_某县交通运输局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk/ndbg/">年度报告</a></div>
<ul id="list"></ul>
<script>
var base = '/data' + '/' + 'col' + 'umn';
fetch(base + '?id=88&p=1').then(function (r) { return r.json(); }).then(function (d) {
  var ul = document.getElementById('list');
  d.rows.forEach(function (x) { var li = document.createElement('li'); li.innerHTML = '<a href="' + x.href + '">' + x.name + '</a>'; ul.appendChild(li); });
});
</script></body></html>`;

const rows = [
  { name: '某县交通运输局2024年政府信息公开工作年度报告', href: '/art/2025/1/20/a1.html' },
  { name: '某县交通运输局2023年政府信息公开工作年度报告', href: '/art/2024/1/18/a2.html' },
  { name: '某县交通运输局2025年工作要点', href: '/art/2025/2/1/a3.html' },
];

const article = (title: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1 class="article-title">${title}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;

test('a seed with a failed request is still rendered when it found no report, and its scripted list is read', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/xxgk/nb/index.html') return send(res, 'text/html; charset=utf-8', shell);
    if (url.startsWith('/data/column')) return send(res, 'application/json', JSON.stringify({ total: rows.length, rows }));
    const row = rows.find((r) => r.href === url);
    if (row) return send(res, 'text/html; charset=utf-8', article(row.name));
    return send(res, 'text/html; charset=utf-8', 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某县交通运输局\n    entries:\n      - url: ${server.origin}/xxgk/nb/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const config = loadConfig({ politeness: FAST, storageDir: storage });
      const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      // The menu's 年度报告 column was asked for and failed: the run says so.
      assert.equal(catalog.urls.get(`${server.origin}/xxgk/ndbg/`)?.status, 404, 'the 年度报告 link was followed and failed');
      assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2023, 2024]);
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.usedBrowser, true);
      assert.equal(seed!.reportItems, 2);
      // A list page that is gone is no failure of the host (round 42c), but the list it leads to is short of it: said.
      assert.equal(seed!.status, 'short');
      assert.match(seed!.reason ?? '', /1 of its list pages answered 404\/410 \(.*\/xxgk\/ndbg\/\)/);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
