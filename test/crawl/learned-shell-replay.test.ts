/**
 * A column that is an empty script shell (a Vite or webpack build: `<div id="app"></div>` and its bundle) is drawn in
 * the browser once, its list request learned; the next run replays that request over HTTP and renders nothing. The
 * shell test came before the learned request was asked, so such a seed was drawn in the browser on every run.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const config = loadConfig({ politeness: FAST });
const skip = existsSync(config.chromiumPath) ? false : `no Chromium at ${config.chromiumPath} (apt-get install chromium)`;
const AGENCY = '某市医疗保障局';
const ROWS = [2024, 2023, 2022, 2021].map((year, i) => ({ id: 900 + i, title: `${AGENCY}${year}年政府信息公开工作年度报告`, date: `${year + 1}-01-2${i}` }));

const SHELL = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>政府信息公开年报</title>
<script type="module" crossorigin src="/assets/index-3f9c.js"></script></head><body><div id="app"></div></body></html>`;

// The bundle: asks the list API for a page and draws it, with a 下一页 button.
const BUNDLE = `(function () {
  var app = document.getElementById('app');
  var page = 1;
  function draw(j) {
    var items = j.data.records.map(function (r) { return '<li><a href="/art/' + r.id + '.html">' + r.title + '</a><span>' + r.publishDate + '</span></li>'; }).join('');
    app.innerHTML = '<ul class="news">' + items + '</ul><div class="pager">共 ' + j.data.total + ' 条 <button class="btn-next"' + (page * 2 >= j.data.total ? ' disabled' : '') + '>下一页</button></div>';
    var next = app.querySelector('.btn-next');
    next.addEventListener('click', function () { page += 1; load(); });
  }
  function load() { fetch('/api/article/page?current=' + page + '&size=2&column=nb').then(function (r) { return r.json(); }).then(draw); }
  load();
})();`;

test('an empty shell whose list request was learned is read over HTTP on the next run, with no browser', { skip, timeout: 180_000 }, async () => {
  const hits: string[] = [];
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    if (url === '/robots.txt') return send(res, 404, 'text/plain', '');
    if (url === '/nb/') return send(res, 200, 'text/html; charset=utf-8', SHELL);
    if (url === '/assets/index-3f9c.js') return send(res, 200, 'application/javascript', BUNDLE);
    const api = /^\/api\/article\/page\?current=(\d+)&size=2&column=nb$/.exec(url);
    if (api) {
      const page = Number(api[1]);
      const records = ROWS.slice((page - 1) * 2, page * 2).map((r) => ({ id: r.id, title: r.title, publishDate: r.date }));
      return send(res, 200, 'application/json', JSON.stringify({ code: 200, data: { records, total: ROWS.length, current: page, size: 2, pages: 2 } }));
    }
    const art = /^\/art\/(\d+)\.html$/.exec(url);
    const row = art ? ROWS.find((r) => r.id === Number(art[1])) : undefined;
    if (row) return send(res, 200, 'text/html; charset=utf-8', `<html><head><title>${row.title}</title></head><body><h1>${row.title}</h1><div class="content"><p>根据《中华人民共和国政府信息公开条例》编制本报告。</p></div></body></html>`);
    send(res, 404, 'text/plain', 'not found');
  });
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/nb/\n        family: auto\n`);
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const run = () => harvest({ config: { ...config, storageDir: storage }, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
  try {
    const first = await run();
    assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2021, 2022, 2023, 2024]);
    const [learnt] = catalog.seedHealth.seedRuns(first.runId);
    assert.ok(learnt?.usedBrowser && learnt.usedLearned, JSON.stringify(learnt));
    assert.ok(hits.includes('/assets/index-3f9c.js'), 'the first run drew the shell in the browser');
    hits.length = 0;
    const second = await run();
    const [seed] = catalog.seedHealth.seedRuns(second.runId);
    assert.ok(seed?.usedLearned && !seed.usedBrowser, JSON.stringify(seed));
    assert.equal(seed?.status, 'ok', JSON.stringify(seed));
    assert.ok(!hits.includes('/assets/index-3f9c.js'), `the second run rendered nothing: ${hits.join(' ')}`);
    assert.ok(hits.some((h) => h.startsWith('/api/article/page?current=1')), `the learned request was asked: ${hits.join(' ')}`);
  } finally {
    catalog.close();
    await server.close();
  }
});
