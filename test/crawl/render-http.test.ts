/**
 * `render: http` in a seed means no browser for that seed: a list drawn by script, or one read short of what it
 * announces on a page running scripts, is not rendered, and the seed is flagged with what was left unread (before,
 * `http` behaved as `auto` and Chromium was started anyway). The same pages under `render: auto` go to the browser.
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
import { requireTools } from '../helpers/tools.ts';

const SHELL_AGENCY = '某县人民政府';
const SHORT_AGENCY = '某县教育局';
const title = (a: string, y: number) => `${a}${y}年政府信息公开工作年度报告`;
const page = (a: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${a}</title></head><body><h2>政府信息公开年报</h2>${main}</body></html>`;

// A shell drawn from a list API, and a list of 2 rows announcing 5 with a script on the page (its pager drawn).
// A single-page application's shell: its bundle (a file of its own) asks the list API and draws the items.
const SHELL = '<div id="app"></div><script src="/static/js/app.3f2a9c.js"></script>';
const BUNDLE = `(function () { var base = ['', 'api', 'list'].join('/');
  fetch(base + '?page=1').then(function (r) { return r.json(); }).then(function (d) {
    document.getElementById('app').innerHTML = d.rows.map(function (x) { return '<a href="' + x.url + '">' + x.title + '</a>'; }).join('');
  }); })();`;
const SHORT_LIST = (a: string) =>
  `<ul>${[2024, 2023].map((y) => `<li><a href="/jyj/art/${y}.html">${title(a, y)}</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>` +
  `<div class="page">共5条 每页2条</div><div id="pager"></div><script>document.getElementById('pager').innerHTML = '';</script>`;

function portal(): Promise<TestServer> {
  return startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/nb/') return send(res, 200, 'text/html; charset=utf-8', page(SHELL_AGENCY, SHELL));
    if (u.pathname === '/static/js/app.3f2a9c.js') return send(res, 200, 'application/javascript', BUNDLE);
    if (u.pathname === '/api/list') {
      const rows = [2024, 2023].map((y) => ({ title: title(SHELL_AGENCY, y), url: `/nb/art/${y}.html` }));
      return send(res, 200, 'application/json', JSON.stringify({ total: 2, rows }));
    }
    if (u.pathname === '/jyj/nb/') return send(res, 200, 'text/html; charset=utf-8', page(SHORT_AGENCY, SHORT_LIST(SHORT_AGENCY)));
    const art = /^\/(nb|jyj)\/art\/(\d{4})\.html$/.exec(u.pathname);
    if (art) {
      const a = art[1] === 'nb' ? SHELL_AGENCY : SHORT_AGENCY;
      return send(res, 200, 'text/html; charset=utf-8', page(a, `<h1>${title(a, Number(art[2]))}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div>`));
    }
    send(res, 404, 'text/plain', 'not found');
  });
}

function writeSeeds(dir: string, origin: string, render: string): string {
  const seeds = path.join(dir, 'seeds.yaml');
  const entry = (url: string) => `    entries:\n      - url: "${url}"\n        family: auto\n        render: ${render}\n`;
  writeFileSync(seeds, `agencies:\n  - name: ${SHELL_AGENCY}\n    division: "410323"\n${entry(`${origin}/nb/`)}  - name: ${SHORT_AGENCY}\n    division: "410323"\n${entry(`${origin}/jyj/nb/`)}`);
  return seeds;
}

test('a seed saying render: http is never rendered: what only a browser reads is flagged, not read', { timeout: 120_000 }, async () => {
  const server = await portal();
  try {
    const dir = tempDir();
    const seeds = writeSeeds(dir, server.origin, 'http');
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      // No Chromium is needed: a browser started would fail this test where none is installed, and is counted below.
      const config = loadConfig({ politeness: FAST, storageDir: storage }, { NIANBAO_CHROMIUM: path.join(dir, 'no-chromium') });
      const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.equal(summary.stats.browserHandoffs, 0);
      assert.equal(server.hits.some((h) => h.path.startsWith('/api/list')), false, 'the list API is asked by the page script only');
      const byUrl = new Map(summary.seeds.map((s) => [catalog.seeds.byId(s.seedEntryId)?.url, s]));
      const shell = byUrl.get(`${server.origin}/nb/`)!;
      assert.equal(shell.status, 'empty');
      assert.match(shell.reason ?? '', /not rendered because its seed says render: http, though a browser was needed: an empty shell: the list is drawn by script/);
      assert.match(catalog.urls.get(`${server.origin}/nb/`)?.reason ?? '', /needs a browser: .*not rendered \(render: http\)/);
      const short = byUrl.get(`${server.origin}/jyj/nb/`)!;
      assert.equal(short.status, 'short');
      // The cause first, then what the setting left undone.
      assert.match(short.reason ?? '', /found 2 items of the 5 the page announces; not rendered because its seed says render: http/);
      const years = catalog.reports.all().map((r) => `${r.year}`).sort();
      assert.deepEqual(years, ['2023', '2024']);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});

test('the same seeds under render: auto: the shell is drawn in the browser and its reports read', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const server = await portal();
  try {
    const dir = tempDir();
    const seeds = writeSeeds(dir, server.origin, 'auto');
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.ok(summary.stats.browserHandoffs >= 1);
      const shellReports = catalog.reports.all().filter((r) => new URL(r.page_url).pathname.startsWith('/nb/art/'));
      assert.equal(shellReports.length, 2);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
