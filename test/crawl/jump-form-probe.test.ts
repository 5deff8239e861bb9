/**
 * A list paged only by a jump form ("转到第<input name="pageNo">页 [GO]") on pages that announce no page count (no
 * "共N页", no "第1/2页"): the next page is asked as a probe, and the chain ends at a page repeating one before it or
 * listing nothing, as servers answer a page past the end. Before, nothing said there was a page 2: its reports were
 * missed silently.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { probeChain, probeCursor } from '../../src/crawl/probed-pages.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const item = (url: string) => ({ title: 't', url, date: null, isFile: false });

test('a probe chain ends at a page repeating one before it, or listing nothing; it carries its pages along', () => {
  const next = [{ url: 'http://x/l?p=2', cursor: probeCursor() }, { url: 'http://x/other' }];
  const first = probeChain(undefined, [item('http://x/a'), item('http://x/b')], next);
  assert.equal(first.end, null);
  const chain = first.next[0]!.cursor!;
  assert.match(String(chain.probeSeen), /^[0-9a-f]{12}$/);
  assert.equal(first.next[1]!.cursor, undefined, 'a request that is no probe is left alone');
  // Page 2 lists other items: it goes on, its own digest added.
  const second = probeChain(chain, [item('http://x/c')], [{ url: 'http://x/l?p=3', cursor: probeCursor() }]);
  assert.equal(second.end, null);
  assert.equal(String(second.next[0]!.cursor!.probeSeen).split(',').length, 2);
  // Page 3 answers page 1 again (the same items in another order): the end.
  const third = probeChain(second.next[0]!.cursor, [item('http://x/b'), item('http://x/a')], [{ url: 'http://x/l?p=4', cursor: probeCursor() }]);
  assert.deepEqual(third.next, []);
  assert.match(third.end ?? '', /repeats a page before it/);
  assert.match(probeChain(chain, [], []).end ?? '', /lists nothing/);
  // A page that was not probed is never ended by the chain.
  assert.equal(probeChain(undefined, [], []).end, null);
});

const listPage = (form: string) => `<html><head><meta charset="utf-8"><title>年报</title></head><body><h2>政府信息公开年报</h2>
<ul><li><a href="/nb/a1.htm">某局2024年度政府信息公开工作年度报告</a></li></ul>${form}</body></html>`;

test('a jump form on a page announcing no page count asks the next page as a probe (GET or POST), said in a note', () => {
  const post = withGenericPaging({ items: [item('http://x/nb/a1.htm')], next: [] }, listPage('<form method="post" action="list.jsp"><input type="hidden" name="columnId" value="7">转到第<input type="text" name="pageNo" value="1" size="3">页<input type="submit" value="GO"></form>'), 'http://x/nb/list.jsp');
  assert.deepEqual(post.next.map((n) => [n.method, n.url, n.payload, n.cursor]), [['POST', 'http://x/nb/list.jsp', 'columnId=7&pageNo=2', { probeSeen: '' }]]);
  assert.match(post.notes?.join() ?? '', /asked page 2 by its jump form \(POST\): the pager announces no page count/);
  const get = withGenericPaging({ items: [item('http://x/nb/a1.htm')], next: [] }, listPage('<form action="list.jsp">第<input name="page" value="3">页 <button>跳转</button></form>'), 'http://x/nb/list.jsp?page=3');
  assert.deepEqual(get.next.map((n) => [n.method, n.url]), [[undefined, 'http://x/nb/list.jsp?page=4']]);
  // A search box (a field to type words into beside the number) is no pager; a page listing nothing is not probed.
  const search = withGenericPaging({ items: [item('http://x/nb/a1.htm')], next: [] }, listPage('<form action="/search"><input name="q"><input type="hidden" name="page" value="1"><button>搜索</button></form>'), 'http://x/nb/list.jsp');
  assert.deepEqual(search.next, []);
  const empty = withGenericPaging({ items: [], next: [] }, listPage('<form method="post"><input name="pageNo" value="1"><input type="submit" value="GO"></form>'), 'http://x/nb/list.jsp');
  assert.deepEqual(empty.next, []);
});

// A bureau's 年报 column of three pages, two reports each, paged only by a jump form, no count anywhere.
const YEARS = [2024, 2023, 2022, 2021, 2020, 2019];
const itemsOf = (page: number) => YEARS.slice((page - 1) * 2, page * 2).map((y) => `<li><a href="/nb/r${y}.htm">某县交通运输局${y}年度政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('');
const column = (page: number, form: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><div class="nav"><a href="/">首页</a></div>
<h2>政府信息公开年报</h2><ul class="list">${itemsOf(page)}</ul><div class="pager">${form}</div></body></html>`;
const report = (y: number) =>
  `<html><head><meta charset="utf-8"><title>某县交通运输局${y}年度政府信息公开工作年度报告</title></head><body><h1>某县交通运输局${y}年度政府信息公开工作年度报告</h1><p>发布机构：某县交通运输局</p><div id="zoom"><p>本报告根据《中华人民共和国政府信息公开条例》编制，报告中所列数据统计期限自${y}年1月1日起至${y}年12月31日止。</p></div></body></html>`;

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

test('a column paged by a jump form with no page count is read to its end, over POST (a clamped last page) and GET (an empty page past the end)', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res, hit) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const article = /^\/nb\/r(\d{4})\.htm$/.exec(url.pathname);
    if (article) return send(res, report(Number(article[1])));
    if (url.pathname === '/jtj/list.jsp') {
      // POST: the page asked, clamped to the last (a GET is always page 1).
      const asked = req.method === 'POST' ? Number(new URLSearchParams(hit.body).get('pageNo') ?? 1) : 1;
      const page = Math.min(Math.max(asked, 1), 3);
      return send(res, column(page, `<form method="post" action="list.jsp"><input type="hidden" name="columnId" value="12">跳转到第<input type="text" name="pageNo" value="${page}">页<input type="submit" value="GO"></form>`));
    }
    if (url.pathname === '/jtj/glist.jsp') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const form = `<form action="glist.jsp" method="get">转到<input name="page" value="${page}">页<button type="submit">确定</button></form>`;
      return send(res, page > 3 ? column(99, form) : column(page, form));
    }
    return send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    const entry = (name: string, p: string) => `  - name: ${name}\n    entries:\n      - url: ${server.origin}${p}\n        family: auto\n`;
    writeFileSync(seeds, `agencies:\n${entry('某县交通运输局', '/jtj/list.jsp')}`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    assert.equal(summary.stats.newReports, 6, 'every page of the POST column read');
    const posted = server.hitsOf('/jtj/list.jsp').filter((h) => h.method === 'POST').map((h) => new URLSearchParams(h.body).get('pageNo'));
    assert.deepEqual(posted.sort(), ['2', '3', '4'], 'page 4 answered page 3 again: the end');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const [run] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(run?.status, 'ok', run?.reason ?? '');
      assert.equal(catalog.runs.events(summary.runId, 'seed_empty').length, 0);
    } finally {
      catalog.close();
    }
    // The GET form, whose server answers an empty list past the end.
    const gseeds = path.join(dir, 'gseeds.yaml');
    writeFileSync(gseeds, `agencies:\n${entry('某县交通运输局', '/jtj/glist.jsp')}`);
    const gstorage = path.join(dir, 'gstorage');
    const gsummary = await runHarvest(gstorage, gseeds);
    assert.equal(gsummary.stats.newReports, 6, 'every page of the GET column read');
    assert.deepEqual(server.hitsOf('/jtj/glist.jsp').map((h) => new URL(h.path, 'http://x').searchParams.get('page')).sort(), ['2', '3', '4', null]);
  } finally {
    await server.close();
  }
});
