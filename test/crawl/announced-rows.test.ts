/**
 * A list announcing its count ("共25条") is compared with its rows, not with every link of its pages: a footer of
 * friendly links on each page made a list read two pages of three look whole (18 links a page, 36 ≥ 25), silently.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
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

const AGENCY = '某县人民政府';
const TOTAL = 25;
/** Rows of the column, newest first: a report every fifth row, notices between. */
const rows = Array.from({ length: TOTAL }, (_, i) => {
  const year = 2024 - Math.floor(i / 5);
  const report = i % 5 === 0;
  return { id: 900 - i, date: `${year + 1}-01-${String(10 + (i % 5)).padStart(2, '0')}`, title: report ? `${AGENCY}${year}年政府信息公开工作年度报告` : `${AGENCY}关于${year}年第${i % 5}批行政许可事项的公示` };
});

/**
 * Page N (1–3) of the column: ten dated rows, "共25条", a footer of eight friendly links, undated. Page 2's next page
 * is drawn by a script only, so a crawl reads two pages of three.
 */
function page(n: number): string {
  const mine = rows.slice((n - 1) * 10, n * 10);
  const li = mine.map((r) => `<li><a href="/xxgk/nb/${r.id}.html" target="_blank">${r.title}</a><span class="date">${r.date}</span></li>`).join('\n');
  const next = n === 1 ? '<a href="/xxgk/nb/index_2.html">下一页</a>' : '<a href="javascript:void(0)" id="nextBtn">下一页</a>';
  const foot = Array.from({ length: 8 }, (_, i) => `<a href="/link/${i}.html">友情链接单位${i}</a>`).join(' ');
  return `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<div class="main"><ul class="news-list">${li}</ul><div class="pg">共${TOTAL}条 ${next}</div></div>
<div class="foot-links">${foot}</div><script>document.getElementById('nextBtn')&&0</script></body></html>`;
}

async function crawl() {
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/xxgk/nb/' || url === '/xxgk/nb/index.html') return send(res, page(1));
    if (url === '/xxgk/nb/index_2.html') return send(res, page(2));
    const m = /\/xxgk\/nb\/(\d+)\.html$/.exec(url);
    const row = m && rows.find((r) => r.id === Number(m[1]));
    if (!row) return send(res, '<html><body>页面不存在</body></html>', 404);
    return send(res, `<html><head><meta charset="utf-8"><title>${row.title}</title></head><body><h1>${row.title}</h1><p>发布日期：${row.date}</p><p>${row.title}。</p></body></html>`);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    division: "410323"\n    entries:\n      - url: ${server.origin}/xxgk/nb/\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      return { seed: catalog.seedHealth.seedRuns(summary.runId)[0]!, years: catalog.reports.all().map((r) => r.year).sort() };
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
}

test('a list of dated rows read two pages of three is short of the count it announces, its footer links not counted', { timeout: 60_000 }, async () => {
  const r = await crawl();
  assert.deepEqual(r.years, [2021, 2022, 2023, 2024]);
  assert.equal(r.seed.status, 'short', JSON.stringify(r.seed));
  assert.match(r.seed.reason ?? '', /found 20 items of the 25 the page announces/);
});
