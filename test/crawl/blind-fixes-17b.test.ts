/**
 * Round 17b of the blind portals, on hand-made pages: a list held whole in a data attribute of its box
 * (`data-items='[{…}]'`), which the page's script draws and pages with no request, is read whole — over HTTP (the box
 * empty) and from the browser's rendering (the first page drawn, the attribute re-quoted with `&quot;`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAttributeLists } from '../../src/crawl/attribute-lists.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import type { ListData } from '../../src/crawl/requests.ts';

const PAGE = 'http://gov.test/qx/gk/nb/';
const rows = [
  { name: '某县人民政府2024年政府信息公开工作年度报告', href: 'a/2024.html', day: '2025-01-20' },
  { name: '某县2025年政务公开工作要点', href: 'a/yd.html', day: '2025-01-12' },
  { name: '某县卫生健康局2023年政府信息公开工作年度报告', href: '/qx/wjj/nb/2023.html', day: '2024-01-22' },
  { name: '某县2023年部门决算公开', href: 'a/js.html', day: '2023-09-01' },
  { name: '某县人民政府2022年政府信息公开工作年度报告', href: 'a/2022.html', day: '2023-01-18' },
];
const attr = JSON.stringify(rows);
const shell = (box: string) => `<html><head><meta charset="utf-8"><title>年报</title></head><body><div class="main">
<h2>年度报告</h2>${box}<div class="pg">共5条 <a href="javascript:;" onclick="show(2)">下一页</a></div></div>
<script>var all = JSON.parse(document.getElementById('box').dataset.items);</script></body></html>`;
const data: ListData = { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'auto', pageIndex: 0 };
const visit = (body: string, rendered: boolean) => ({ url: PAGE, loadedUrl: PAGE, status: 200, body, rendered });
const reports = ['http://gov.test/qx/gk/nb/a/2022.html', 'http://gov.test/qx/gk/nb/a/2024.html', 'http://gov.test/qx/wjj/nb/2023.html'];
const urlsOf = (body: string, rendered: boolean) => [...new Set(parseList(visit(body, rendered), data).items.map((i) => i.url))].sort();

test('a list held in a data attribute is read whole over HTTP, the box being empty', () => {
  const urls = urlsOf(shell(`<ul id="box" class="list" data-items='${attr}'></ul>`), false);
  for (const u of reports) assert.ok(urls.includes(u), `${u} in ${urls.join(' ')}`);
});

test('and from the rendering, where the script drew the first page and the attribute is quoted with &quot;', () => {
  const quoted = attr.replace(/"/g, '&quot;');
  const drawn = `<li><a href="a/2024.html">${rows[0]!.name}</a></li><li><a href="a/yd.html">${rows[1]!.name}</a></li>`;
  const urls = urlsOf(shell(`<ul id="box" class="list" data-items="${quoted}">${drawn}</ul>`), true);
  for (const u of reports) assert.ok(urls.includes(u), `${u} in ${urls.join(' ')}`);
  assert.equal(urls.filter((u) => u.endsWith('/a/2024.html')).length, 1, 'an item drawn and held is one item');
});

test('attributes holding no list of titled links (options, numbers, broken JSON) leave the page as it is', () => {
  const html = `<div data-options='{"page":1,"size":10}' data-ids='[1,2,3]' data-bad='[{"t":'><a href="x.html">x</a></div>`;
  assert.equal(withAttributeLists(html, PAGE), html);
});
