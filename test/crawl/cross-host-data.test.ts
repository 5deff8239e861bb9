/**
 * A column drawing its list from the government's service on another host (a search or API host outside the
 * registry, asked by the page's own `fetch`): the page's own data requests are admitted, the list is learned from
 * them and its later pages asked over HTTP; the service's host is asked for nothing else, and a link to another page
 * there is still not followed. Before, the requests were refused and the seed was `empty`, naming the host.
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

function send(res: ServerResponse, type: string, body: string, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

const AGENCY = '某市交通运输局';
const rows = [2024, 2023, 2022, 2021, 2020].flatMap((y, i) => [
  { id: 700 - 2 * i, title: `${AGENCY}${y}年政府信息公开工作年度报告`, date: `${y + 1}-01-2${i}` },
  { id: 699 - 2 * i, title: `${AGENCY}${y + 1}年政务公开工作要点`, date: `${y + 1}-02-1${i}` },
]);

/** The column: its list asked of the service's host, three rows a page, "下一页" a script's link. */
const shell = (api: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${AGENCY}</title></head><body>
<div class="crumb">首页 &gt; 信息公开 &gt; 年报</div><ul id="list"></ul><div id="pager"></div>
<script>
function load(p) {
  fetch('${api}/open/api/article/list?channelId=31&pageNo=' + p + '&pageSize=3').then(function (r) { return r.json(); }).then(function (d) {
    document.getElementById('list').innerHTML = d.data.rows.map(function (x) {
      return '<li><a href="/jtj/art/' + x.id + '.html">' + x.title + '</a><span>' + x.date + '</span></li>';
    }).join('');
    var pages = Math.ceil(d.data.total / 3);
    document.getElementById('pager').innerHTML = '共' + d.data.total + '条 第' + p + '/' + pages + '页 ' + (p < pages ? '<a href="javascript:void(0)" id="next">下一页</a>' : '');
    var next = document.getElementById('next');
    if (next) next.onclick = function () { load(p + 1); };
  });
}
load(1);
</script><div class="foot"><a href="${api}/open/portal.html">数据开放平台</a></div></body></html>`;

test("a registry page's own data requests to another host are its list's: learned, replayed, nothing else asked there", { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const api = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/robots.txt') return send(res, 'text/plain', 'User-agent: *\nDisallow:\n');
    if (u.pathname !== '/open/api/article/list' || u.searchParams.get('channelId') !== '31') return send(res, 'application/json', '{"code":404}', 404);
    const n = Number(u.searchParams.get('pageNo') ?? 1);
    const page = rows.slice((n - 1) * 3, n * 3).map((r) => ({ id: r.id, title: r.title, date: r.date }));
    send(res, 'application/json', JSON.stringify({ code: 200, data: { total: rows.length, rows: page } }), 200, { 'access-control-allow-origin': '*' });
  });
  const site = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/jtj/xxgk/nb/') return send(res, 'text/html; charset=utf-8', shell(api.origin));
    const row = rows.find((r) => url === `/jtj/art/${r.id}.html`);
    if (!row) return send(res, 'text/html; charset=utf-8', 'not found', 404);
    send(res, 'text/html; charset=utf-8', `<html><head><meta charset="utf-8"><title>${row.title}</title></head><body><h1>${row.title}</h1><p>发布日期：${row.date}</p><div id="zoom"><p>${row.title}。一、总体情况</p></div></body></html>`);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${site.origin}/jtj/xxgk/nb/\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2020, 2021, 2022, 2023, 2024]);
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.status, 'ok', JSON.stringify(seed));
      const asked = new Set(api.hits.map((h) => new URL(h.path, 'http://x').pathname));
      assert.deepEqual([...asked].sort(), ['/open/api/article/list', '/robots.txt'], 'the service host was asked for its list and robots.txt only');
      // Its four pages all asked (page 1 by the browser, the others over HTTP).
      const pages = new Set(api.hits.map((h) => new URL(h.path, 'http://x').searchParams.get('pageNo')));
      for (const n of ['1', '2', '3', '4']) assert.ok(pages.has(n), `page ${n} asked`);
    } finally {
      catalog.close();
    }
  } finally {
    await site.close();
    await api.close();
  }
});
