/**
 * A seed of a known family (TRS, by its pager) whose HTTP-read list holds other notices only, while an inline script
 * writes the report items into the page's DOM (`innerHTML`: the script sandbox has no DOM, only document.write is
 * read over HTTP): the seed goes to the browser, which shows the written items. Without it the seed ended `empty` with "its trs list holds other notices
 * only" and was never rendered.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { writesMarkup } from '../../src/crawl/families/detect.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

function send(res: ServerResponse, type: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

const AGENCY = '某县审计局';
const reports = [
  { title: `${AGENCY}2024年政府信息公开工作年度报告`, href: './202501/t20250121_5501.html' },
  { title: `${AGENCY}2023年政府信息公开工作年度报告`, href: './202401/t20240119_4402.html' },
];

// Items built by a helper from an array and set as a list's innerHTML: a browser draws them, no HTTP reader does.
const seedPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${AGENCY}</title></head><body>
<ul class="list">
<li><a href="./202502/t20250210_5601.html">${AGENCY}2025年政务公开工作要点</a><span>2025-02-10</span></li>
</ul>
<ul id="more"></ul>
<script>
var rows = ${JSON.stringify(reports.map((r) => [r.title, r.href]))};
function item(row) { return '<li><a href="' + row[1] + '">' + row[0] + '</a></li>'; }
var html = '';
for (var i = 0; i < rows.length; i++) html += item(rows[i]);
document.getElementById('more').innerHTML = html;
</script>
<script>createPageHTML(1, 0, "index", "html");</script>
</body></html>`;

const article = (title: string) =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><div class="TRS_Editor"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;

test('an inline script writing markup is told from one that does not', () => {
  assert.equal(writesMarkup(seedPage), true);
  assert.equal(writesMarkup(`<script>document.getElementById('x').innerHTML = '<li>' + t + '</li>';</script>`), true);
  assert.equal(writesMarkup(`<script>$('#list').append('<li>' + t + '</li>');</script>`), true);
  assert.equal(writesMarkup(`<script>createPageHTML(3, 0, "index", "html");</script>`), false);
  assert.equal(writesMarkup(`<script src="/js/write.js"></script><p>document.write(</p>`), false);
});

test('a known family whose list holds other notices while a script writes items is rendered, and its reports found', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const server = await startServer((req, res) => {
    const url = (req.url ?? '/').replace(/^\/xxgk\/ndbg/, '.');
    if (url === './index.html') return send(res, 'text/html; charset=utf-8', seedPage);
    const hit = [...reports, { title: `${AGENCY}2025年政务公开工作要点`, href: './202502/t20250210_5601.html' }].find((r) => r.href === url);
    if (hit) return send(res, 'text/html; charset=utf-8', article(hit.title));
    return send(res, 'text/html; charset=utf-8', 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/xxgk/ndbg/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.usedBrowser, true, JSON.stringify(seed));
      assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2023, 2024]);
      assert.equal(seed!.status, 'ok');
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
