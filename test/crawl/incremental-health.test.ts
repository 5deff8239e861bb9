/**
 * An incremental run stops paging at the first page whose reports are all known, so it counts fewer report items
 * than the full first run. That is no drop: the seed run records that paging stopped on purpose and `status --seeds`
 * stays healthy (it flagged the seed `dropped` after every second run of a list longer than two pages).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

const AGENCY = '某县民政局';
const YEARS = [2024, 2023, 2022, 2021, 2020, 2019];
const title = (y: number) => `${AGENCY}${y}年政府信息公开工作年度报告`;

test('a second, incremental run reads one page of a long list and leaves the seed healthy, not dropped', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const m = /\/mzj\/ndbg\/index(?:_(\d))?\.html$/.exec(req.url ?? '');
    if (m) {
      const page = Number(m[1] ?? 0);
      const items = YEARS.slice(page * 2, page * 2 + 2).map((y) => `<li><a href="/mzj/ndbg/${y}.html">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('');
      const next = page < 2 ? `<a href="/mzj/ndbg/index_${page + 1}.html">下一页</a>` : '';
      return send(res, `<html><head><meta charset="utf-8"><title>年度报告</title></head><body><ul class="list">${items}</ul><div class="page">共3页 ${next}</div></body></html>`);
    }
    const y = /\/(\d{4})\.html$/.exec(req.url ?? '');
    return y ? send(res, `<html><head><meta charset="utf-8"><title>${title(Number(y[1]))}</title></head><body><h1>${title(Number(y[1]))}</h1><p>一、总体情况</p></body></html>`) : send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/mzj/ndbg/index.html\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const first = await runHarvest(storage, seeds);
    assert.equal(first.stats.newReports, 6);
    const second = await runHarvest(storage, seeds);
    assert.equal(second.stats.newReports, 0);
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const [run] = catalog.seedHealth.seedRuns(second.runId);
      assert.equal(run!.reportItems, 2, 'the second run read the first page only');
      assert.equal(run!.stoppedEarly, true);
      const [row] = catalog.seedHealth.health();
      assert.deepEqual(row!.flags, [], JSON.stringify(row));
      assert.equal(row!.healthy, true);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
