/**
 * Round 18a's fixes (docs/blind-portals.md, "Round 18a"), each on hand-made input:
 *  - a publisher field naming only an internal unit of the page's agency (来源：办公室, 综合科) names no agency: a report
 *    titled without its agency stays the seed's, never a discovered "<region>办公室";
 *  - a report link answered by a click-counting page that only sends its reader on (a meta refresh, or a script whose
 *    page offers no other link) is read at the article: the report catalogued and stored under the article's address.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { publisherName } from '../../src/crawl/classify/agency.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { redirectStubTarget } from '../../src/crawl/redirect-stub.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

test('a publisher naming only an internal unit (办公室, 综合科, 局办公室, 信息中心) names no agency', () => {
  for (const unit of ['办公室', '局办公室', '综合科', '政策法规科', '信息中心', '政务公开办', '本局办公室']) assert.equal(publisherName(unit), null, unit);
  // An office named with its owner is an agency of its own, as before.
  assert.equal(publisherName('某市人民政府办公室'), '某市人民政府办公室');
  assert.equal(publisherName('县财政局'), '县财政局');
  assert.equal(publisherName('国防动员办公室'), '国防动员办公室');
});

test('a bureau’s report titled without the bureau and published by 来源：办公室 is the bureau’s, not a discovered office', () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({ name: '某市生态环境局', nameKey: '某市生态环境局', division: '320100', level: 'city', province: '江苏省', city: '南京市', county: null });
  const a = new Attributor(c).attribute({
    title: '2022年政府信息公开工作年度报告',
    publisher: '办公室',
    bodyText: '根据《中华人民共和国政府信息公开条例》规定，现公布2022年政府信息公开工作年度报告。',
    siteAgency: site,
  })!;
  assert.equal(a.agency.name, '某市生态环境局');
  assert.equal(a.discovered, false);
  assert.equal(a.year, 2022);
  c.close();
});

test('a redirect stub’s target: a meta refresh of a few seconds, or a script on a page offering no other link', () => {
  const at = 'http://gov.example/tj/go.jsp?aid=7&url=%2Fa%2F7.htm';
  const meta = `<html><head><meta http-equiv="refresh" content="2; URL=/a/7.htm"><title>跳转中</title></head><body><p>正在跳转……<a href="/a/7.htm">请点击这里</a></p></body></html>`;
  assert.equal(redirectStubTarget(meta, at), 'http://gov.example/a/7.htm');
  const script = `<html><body><p>页面跳转中，如果没有自动跳转，<a href="/a/7.htm">请点击这里</a></p><script>setTimeout(function(){window.location.href = "/a/7.htm";}, 800);</script></body></html>`;
  assert.equal(redirectStubTarget(script, at), 'http://gov.example/a/7.htm');
  // A real article: its script goes elsewhere on a click, and the page has links of its own.
  const article = `<html><body><h1>某局2023年政府信息公开工作年度报告</h1><a href="/">首页</a><a href="/a/6.htm">上一篇</a><script>function back(){ location.href = "/list.htm"; }</script></body></html>`;
  assert.equal(redirectStubTarget(article, at), null);
  // A refresh that reloads the page after minutes, or one to another host, is no redirect to read.
  assert.equal(redirectStubTarget('<meta http-equiv="refresh" content="300">', at), null);
  assert.equal(redirectStubTarget('<meta http-equiv="refresh" content="0;url=http://other.example/a/7.htm">', at), null);
});

const A = '某县人民政府';
const title = (y: number) => `${A}${y}年政府信息公开工作年度报告`;
const page = (main: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_${A}</title></head><body><h2>政府信息公开年报</h2>${main}</body></html>`;
function send(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

test('items through a counting page answering 200 with a meta refresh: each report catalogued and stored as the article', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/nb/index.html') {
      const items = [2024, 2023].map((y) => `<li><a href="/count.do?id=${y}&amp;to=${encodeURIComponent(`/art/${y}.html`)}">${title(y)}</a></li>`);
      return send(res, page(`<ul>${items.join('')}<li><a href="/count.do?id=9&amp;to=%2Fart%2F9.html">某县2025年政务公开工作要点</a></li></ul>`));
    }
    if (u.pathname === '/count.do') {
      const to = u.searchParams.get('to') ?? '/';
      return send(res, `<html><head><meta http-equiv="refresh" content="1;url=${to}"><title>页面跳转中</title></head><body>正在进入，请稍候…… <a href="${to}">请点击这里</a></body></html>`);
    }
    const art = /^\/art\/(\d+)\.html$/.exec(u.pathname);
    if (art && art[1] !== '9') return send(res, page(`<h1>${title(Number(art[1]))}</h1><div id="zoom"><p>一、总体情况</p><p>二、主动公开政府信息情况</p></div>`));
    if (art) return send(res, page(`<h1>某县2025年政务公开工作要点</h1><div id="zoom"><p>一、工作目标</p></div>`));
    res.writeHead(404);
    res.end();
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${A}\n    entries:\n      - url: "${server.origin}/nb/index.html"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    let result;
    try {
      result = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    } finally {
      catalog.close();
    }
    assert.equal(result.seeds[0]!.status, 'ok', result.seeds[0]!.reason ?? '');
    const c = Catalog.open(storagePaths(storage).catalog);
    const reports = c.reports.all();
    assert.deepEqual(reports.map((r) => new URL(r.page_url).pathname).sort(), ['/art/2023.html', '/art/2024.html']);
    assert.equal(c.urls.get(`${server.origin}/count.do?id=2024&to=%2Fart%2F2024.html`)?.redirect_to, `${server.origin}/art/2024.html`);
    // The page stored is the article, not the counting page.
    const stored = c.urls.get(`${server.origin}/art/2024.html`)?.sha256;
    assert.ok(stored, 'the article is stored');
    const file = c.files.get(stored);
    assert.match(readFileSync(path.join(storage, file!.stored_path), 'utf8'), /一、总体情况/);
    c.close();
  } finally {
    await server.close();
  }
});
