/**
 * No silent zero over HTTP alone (no browser needed): a broken JSON list answer is a failed request with the reason,
 * the seed that yields nothing because of it ends with a seed_empty event, and every list request's outcome (family,
 * signal, items, report items, next requests) is in the catalog. A seed page whose detected family finds no report
 * while another family's parser does is read with the better parser.
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
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const config = loadConfig({ politeness: FAST });

function html(res: import('node:http').ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

async function crawl(seedUrls: { name: string; url: string }[]) {
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n${seedUrls.map((s) => `  - name: ${s.name}\n    entries:\n      - url: ${s.url}\n        family: auto\n`).join('')}`);
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const summary = await harvest({ config: { ...config, storageDir: storage }, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
  return { catalog, summary };
}

test('a malformed JSON list answer is a failure with its reason, and its seed ends in seed_empty', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') return html(res, '', 404);
    if (req.url === '/nb/index.html') return html(res, '<html><body><div id="app" data-api="/api/list?page=1&size=10"></div><script src="/app.js"></script></body></html>');
    if (req.url?.startsWith('/api/list')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"list":[{"title":"某市统计局2023年政府信息公开工作年度报告","url":"/a/1.html"'); // cut short
      return;
    }
    return html(res, 'not found', 404);
  });
  const { catalog, summary } = await crawl([{ name: '某市统计局', url: `${server.origin}/nb/index.html` }]);
  try {
    const api = catalog.urls.get(`${server.origin}/api/list?page=1&size=10`);
    assert.equal(api?.outcome, 'failed');
    assert.match(api?.reason ?? '', /malformed: malformed JSON list answer/);
    assert.equal(summary.status, 'partial');
    const outcomes = catalog.seedHealth.listOutcomes(summary.runId);
    // The HTTP path's two outcomes; the browser then renders the seed once more (a failed request does not stop it).
    assert.deepEqual(
      outcomes.slice(0, 2).map((o) => [o.family, o.items, o.nextRequests, o.error === null]),
      [
        ['jsapi', 0, 1, true],
        ['jsapi', 0, 0, false],
      ],
    );
    assert.equal(outcomes[0]!.signal, 'jsapi: an empty shell naming its API');
    const [seed] = catalog.seedHealth.seedRuns(summary.runId);
    assert.equal(seed!.status, 'host_failed');
    assert.equal(seed!.failures, 1);
    const empty = catalog.runs.events(summary.runId, 'seed_empty');
    assert.equal(empty.length, 1);
    assert.match(empty[0]!.detail ?? '', /1 of its requests failed/);
  } finally {
    catalog.close();
  }
});

test('when the detected family finds no report, every parser is tried and the best kept', { timeout: 120_000 }, async () => {
  // A page naming a JSON API (so it is detected as a JavaScript platform, whose parser reads only the API) that also
  // lists two reports in its own markup: the generic parser finds those, and the API's pages are still read.
  const page = `<html><head><title>政府信息公开年报</title></head><body><div id="app" data-api="/api/list?page=1&size=10"></div>
<ul class="static"><li><a href="/bm/jyj.html">某市教育局2023年政府信息公开工作年度报告</a></li><li><a href="/bm/tjj.html">某市统计局2023年政府信息公开工作年度报告</a></li></ul></body></html>`;
  const article = (name: string) => `<html><body><h1 class="article-title">${name}2023年政府信息公开工作年度报告</h1><div id="zoom"><p>正文</p></div></body></html>`;
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') return html(res, '', 404);
    if (req.url === '/nb/index.html') return html(res, page);
    if (req.url?.startsWith('/api/list')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ total: 1, list: [{ title: '某市人民政府2023年政府信息公开工作年度报告', url: '/nb/szf.html' }] }));
    }
    if (req.url === '/bm/jyj.html') return html(res, article('某市教育局'));
    if (req.url === '/bm/tjj.html') return html(res, article('某市统计局'));
    if (req.url === '/nb/szf.html') return html(res, article('某市人民政府'));
    return html(res, 'not found', 404);
  });
  const { catalog, summary } = await crawl([{ name: '某市人民政府', url: `${server.origin}/nb/index.html` }]);
  try {
    const [first] = catalog.seedHealth.listOutcomes(summary.runId);
    assert.equal(first!.reportItems, 2);
    assert.match(first!.signal, /^fallback: generic found report items where jsapi found none; paging by jsapi kept/);
    assert.equal(catalog.reports.all().length, 3);
    assert.equal(summary.emptySeeds, 0);
  } finally {
    catalog.close();
  }
});

test('a page detected as one family whose reports only another family reads is read by that one', { timeout: 120_000 }, async () => {
  // A page with a TRS pager script (so it is detected as TRS) whose reports sit in a data island of bare CDATA (no
  // <record>, no jpage call, so not detected as Hanweb): only the Hanweb parser reads the island's links.
  const page = `<html><head><title>政府信息公开年报</title></head><body>
<h1>政府信息公开年报</h1>
<div id="nb"><script type="text/xml"><datastore><![CDATA[<li><a href="/bm/jyj.html">某市教育局2023年政府信息公开工作年度报告</a></li>]]><![CDATA[<li><a href="/bm/tjj.html">某市统计局2023年政府信息公开工作年度报告</a></li>]]></datastore></script></div>
<script>createPageHTML(1, 0, "index", "html");</script></body></html>`;
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') return html(res, '', 404);
    if (req.url === '/nb/2023.html') return html(res, page);
    if (req.url?.startsWith('/bm/')) return html(res, `<html><body><h1 class="article-title">${req.url.includes('jyj') ? '某市教育局' : '某市统计局'}2023年政府信息公开工作年度报告</h1><div id="zoom"><p>正文</p></div></body></html>`);
    return html(res, 'not found', 404);
  });
  const { catalog, summary } = await crawl([{ name: '某市人民政府', url: `${server.origin}/nb/2023.html` }]);
  try {
    const [first] = catalog.seedHealth.listOutcomes(summary.runId);
    assert.equal(first!.family, 'hanweb');
    assert.equal(first!.reportItems, 2);
    assert.match(first!.signal, /^fallback: hanweb found report items where trs found none/);
    assert.equal(catalog.reports.all().length, 2);
    assert.equal(summary.emptySeeds, 0);
  } finally {
    catalog.close();
    await server.close();
  }
});

test('a list title cut before "report" is checked against its page: a report is kept, anything else skipped with why', { timeout: 120_000 }, async () => {
  const page = `<html><head><title>政府信息公开年报</title></head><body><ul class="list">
<li><a href="/nb/a.html">某市教育局2023年政府信息公开工作…</a><span>2024-01-20</span></li>
<li><a href="/nb/b.html">某市教育局2023年政务公开工作…</a><span>2023-03-02</span></li>
<li><a href="/nb/c.html">某市教育局2022年政府信息公开工作年度报告</a><span>2023-01-20</span></li></ul></body></html>`;
  const article = (title: string) => `<html><head><title>${title}</title></head><body><h1 class="article-title">${title}</h1><div id="zoom"><p>正文</p></div></body></html>`;
  const server = await startServer((req, res) => {
    if (req.url === '/robots.txt') return html(res, '', 404);
    if (req.url === '/nb/index.html') return html(res, page);
    if (req.url === '/nb/a.html') return html(res, article('某市教育局2023年政府信息公开工作年度报告'));
    if (req.url === '/nb/b.html') return html(res, article('某市教育局2023年政务公开工作实施方案'));
    if (req.url === '/nb/c.html') return html(res, article('某市教育局2022年政府信息公开工作年度报告'));
    return html(res, 'not found', 404);
  });
  const { catalog, summary } = await crawl([{ name: '某市教育局', url: `${server.origin}/nb/index.html` }]);
  try {
    assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2022, 2023]);
    const skipped = catalog.runs.events(summary.runId, 'skipped').filter((e) => e.url?.endsWith('/nb/b.html'));
    assert.equal(skipped.length, 1);
    assert.match(skipped[0]!.detail ?? '', /cut list title .* whose page is not a report: 某市教育局2023年政务公开工作实施方案/);
    const [seed] = catalog.seedHealth.seedRuns(summary.runId);
    assert.equal(seed!.reportItems, 2);
  } finally {
    catalog.close();
    await server.close();
  }
});
