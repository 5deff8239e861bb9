/**
 * A list whose items go through a counting redirect (`/visit/link.do?id=N` → 302 → the article): the report is
 * catalogued under the article's address, and the counter's address remembers where it led, so that the next
 * (incremental) run knows those items and stops paging at a page of them, as it does at a page of direct links.
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

const A = '某县人民政府';
const title = (y: number) => `${A}${y}年政府信息公开工作年度报告`;
const page = (main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${A}</title></head><body><h2>政府信息公开年报</h2>${main}</body></html>`;
function send(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

test('items through a counting redirect are known on the next run: paging stops at a page of them', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const list = (years: number[], next: string) => send(res, page(`<ul>${years.map((y) => `<li><a href="/visit/link.do?id=${y}">${title(y)}</a></li>`).join('')}</ul>${next}<div>共2页</div>`));
    if (u.pathname === '/nb/index.html') return list([2024, 2023], '<a href="index_1.html">下一页</a>');
    if (u.pathname === '/nb/index_1.html') return list([2022, 2021], '');
    if (u.pathname === '/visit/link.do') {
      res.writeHead(302, { location: `/art/${u.searchParams.get('id')}.html` });
      return void res.end();
    }
    const art = /^\/art\/(\d{4})\.html$/.exec(u.pathname);
    if (art) return send(res, page(`<h1>${title(Number(art[1]))}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div>`));
    res.writeHead(404);
    res.end();
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${A}\n    entries:\n      - url: "${server.origin}/nb/index.html"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const crawl = async () => {
      const catalog = Catalog.open(storagePaths(storage).catalog);
      try {
        return await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      } finally {
        catalog.close();
      }
    };
    await crawl();
    const c = Catalog.open(storagePaths(storage).catalog);
    const pages = c.reports.all().map((r) => new URL(r.page_url).pathname).sort();
    assert.equal(c.urls.get(`${server.origin}/visit/link.do?id=2024`)?.redirect_to, `${server.origin}/art/2024.html`);
    c.close();
    assert.deepEqual(pages, ['/art/2021.html', '/art/2022.html', '/art/2023.html', '/art/2024.html']);
    const before = server.hitsOf('/nb/index_1.html').length;
    const second = await crawl();
    assert.equal(server.hitsOf('/nb/index_1.html').length, before, 'page 2 not asked again: page 1 held only known reports');
    assert.equal(second.seeds[0]!.status, 'ok', second.seeds[0]!.reason ?? '');
  } finally {
    await server.close();
  }
});
