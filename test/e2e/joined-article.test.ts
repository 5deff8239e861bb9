/**
 * A report cut over three article pages (TRS: t…html, t…_1.html, t…_2.html), its tables spread over them (表二 on
 * page 1, 表三 on page 2, 表四 on page 3): the crawl stores each page and, once all are stored, their bodies joined
 * into one rendition; extraction then reads every table from it, as from the report in one piece. Before, each page
 * was extracted alone and the best one kept: 表三 or 表四 was always missing.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { body } from '../fixtures/portal/docs.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const expected = JSON.parse(readFileSync(path.join(DOCS, 'expected', 'r000.json'), 'utf8')) as { figures: Record<string, number | null> };

const AGENCY = '宜春市国防动员办公室';
const TITLE = `${AGENCY}2023年政府信息公开工作年度报告`;

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

// The report's body cut before its sections 三 and 四, each piece on a page of its own with the article's pager.
const full = body('r000');
const cut3 = full.indexOf('<h3>三、');
const cut4 = full.indexOf('<h3>四、');
const pieces = [full.slice(0, cut3) + '</div>', `<div class="article-content">${full.slice(cut3, cut4)}</div>`, `<div class="article-content">${full.slice(cut4)}`];
const names = ['t20240120_5521.html', 't20240120_5521_1.html', 't20240120_5521_2.html'];
const pager = (k: number) =>
  `<div class="page">共3页 ${names.map((n, i) => (i === k ? `<span>${i + 1}</span>` : `<a href="${n}">${i + 1}</a>`)).join(' ')}</div>`;
const article = (k: number) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><div class="header"><a href="/">首页</a></div>
<h1>${TITLE}</h1><div class="info">发布机构：${AGENCY} 发布日期：2024-01-20</div>${pieces[k]}${pager(k)}<div class="footer">版权所有</div></body></html>`;

test('a report cut over article pages is extracted whole, from its pages joined', { timeout: 180_000 }, async () => {
  assert.ok(cut3 > 0 && cut4 > cut3);
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/xxgk/ndbg/index.html') {
      return send(res, `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul class="list">
<li><a href="./202401/${names[0]}">${TITLE}</a><span>2024-01-20</span></li></ul></body></html>`);
    }
    const k = names.findIndex((n) => url === `/xxgk/ndbg/202401/${n}`);
    if (k >= 0) return send(res, article(k));
    return send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/xxgk/ndbg/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      const [report] = catalog.reports.all();
      assert.ok(report);
      const files = catalog.reports.files(report.id);
      const joined = files.find((f) => f.url.endsWith('#nianbao-joined'));
      assert.ok(joined, JSON.stringify(files));
      assert.equal(joined.file_name, '全文（第1–3页）');
      assert.equal(files.filter((f) => /^第[23]页$/.test(f.file_name ?? '')).length, 2);

      await runExtraction(catalog, storage, { pool: { concurrency: 1 } });
      const settled = catalog.extractions.report(report.id)!;
      assert.equal(settled.status, 'extracted', settled.reason ?? '');
      assert.equal(settled.bestSha256, joined.sha256);
      const figures = catalog.extractions.get(joined.sha256)!.figures;
      for (const [key, value] of Object.entries(expected.figures)) assert.equal(figures[key], value, key);
      // Each page alone holds part of the tables.
      for (const f of files.filter((x) => x.role === 'page' || /^第\d页$/.test(x.file_name ?? ''))) assert.notEqual(catalog.extractions.get(f.sha256)!.status, 'extracted', f.url);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
