/**
 * A seed's own pages refused before any byte (robots.txt) are never a silent "empty" or "ok": the seed's health names
 * the refused pages and why, and an unreadable robots.txt (RFC 9309: the site is refused) is said to be unreadable,
 * not "disallowed", so the user knows the fix is on the site's side or a retry, not the seed.
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

const AGENCY = '某县统计局';

function report(year: number): string {
  return `<html><head><title>${AGENCY}${year}年政府信息公开工作年度报告</title></head><body><h1>${AGENCY}${year}年政府信息公开工作年度报告</h1>
<div class="content"><p>根据《中华人民共和国政府信息公开条例》，现公布${AGENCY}${year}年政府信息公开工作年度报告。</p><p>一、总体情况</p></div></body></html>`;
}

/** A column of two pages (index.html, index_1.html), two reports on each; robots.txt as the case gives it. */
async function column(robots: (res: import('node:http').ServerResponse) => void): Promise<TestServer> {
  return startServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/robots.txt') return robots(res);
    const row = (href: string, year: number) => `<li><a href="${href}" title="${AGENCY}${year}年政府信息公开工作年度报告">${AGENCY}${year}年政府信息公开工作年度报告</a><span>${year + 1}-01-20</span></li>`;
    if (url === '/nb/index.html') {
      return send(res, 200, 'text/html; charset=utf-8', `<html><head><title>政府信息公开年报</title></head><body><ul class="list">${row('./t2024.html', 2024)}${row('./t2023.html', 2023)}</ul>
<div class="page">共2页 <a href="index.html">首页</a> <a href="index_1.html">下一页</a> <a href="index_1.html">尾页</a></div></body></html>`);
    }
    if (url === '/nb/index_1.html') {
      return send(res, 200, 'text/html; charset=utf-8', `<html><body><ul class="list">${row('./t2022.html', 2022)}${row('./t2021.html', 2021)}</ul><div class="page">共2页</div></body></html>`);
    }
    const m = /^\/nb\/t(\d{4})\.html$/.exec(url);
    if (m) return send(res, 200, 'text/html; charset=utf-8', report(Number(m[1])));
    send(res, 404, 'text/html', 'not found');
  });
}

async function crawl(server: TestServer) {
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/nb/index.html\n        family: auto\n        render: http\n`);
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  try {
    const config = loadConfig({ politeness: { ...FAST, maxRetries: 1 }, storageDir: storage });
    const summary = await harvest({ config, catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    const [seed] = catalog.seedHealth.seedRuns(summary.runId);
    return { seed: seed!, years: catalog.reports.all().map((r) => r.year).sort() };
  } finally {
    catalog.close();
    await server.close();
  }
}

test('a robots.txt that answers 503 refuses the site, and the seed says its robots.txt was unreadable, not that its page draws nothing', { timeout: 60_000 }, async () => {
  const r = await crawl(await column((res) => send(res, 503, 'text/plain', 'busy')));
  assert.deepEqual(r.years, []);
  assert.equal(r.seed.status, 'empty', JSON.stringify(r.seed));
  assert.match(r.seed.reason ?? '', /list page: 127\.0\.0\.1:\d+: robots\.txt unreachable \(HTTP 503\), so the site is refused for this run \(RFC 9309\)/);
  assert.doesNotMatch(r.seed.reason ?? '', /script/, 'nothing is said of a page nobody read');
});

test("a seed page its robots.txt disallows is named as refused by robots.txt", { timeout: 60_000 }, async () => {
  const r = await crawl(await column((res) => send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /nb/\n')));
  assert.deepEqual(r.years, []);
  assert.equal(r.seed.status, 'empty', JSON.stringify(r.seed));
  assert.match(r.seed.reason ?? '', /^its list page was never read; 1 of its pages were refused, never read \(list page: 127\.0\.0\.1:\d+: disallowed by robots\.txt\)$/);
});

test("a list's next page and a report page that robots.txt disallows leave the seed short, naming both", { timeout: 60_000 }, async () => {
  const r = await crawl(await column((res) => send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /nb/index_1.html\nDisallow: /nb/t2023.html\n')));
  assert.deepEqual(r.years, [2024]);
  assert.equal(r.seed.status, 'short', JSON.stringify(r.seed));
  assert.match(r.seed.reason ?? '', /^2 of its pages were refused, never read \(list page: 127\.0\.0\.1:\d+: disallowed by robots\.txt; report page: 127\.0\.0\.1:\d+: disallowed by robots\.txt\)$/);
});
