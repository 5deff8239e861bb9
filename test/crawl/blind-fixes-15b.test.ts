/**
 * Round 15b of the blind portals, on hand-made pages: a tree of units beside a list (zTree-like: the county's list on
 * load, each department's when its node is clicked, towns under a closed folder) is a choice of lists, its leaves
 * made once each, hidden ones included; a site's tree of links is not. A table whose title cells are plain text and
 * whose rows open by a 查看 button (layui's `table.on('tool')`) is opened by that button. A pager's page-size select
 * ("10 条/页") is no choice of lists.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { clickedLinks } from '../../src/crawl/learn/item-clicks.ts';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { listChoices, MARK_CHOICES, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { markTreeNodes } from '../../src/crawl/learn/tree-nodes.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/gk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;
const UNITS: Record<string, string[]> = {
  xian: [report('某县人民政府', 2024), '某县2024年统计公报'],
  jyj: [report('某县教育局', 2024), '某县2024年招生方案'],
  wjw: ['某县卫生健康委2024年度统计公报'],
  town: [report('某县某镇人民政府', 2024)],
};

const browser = fileBrowser();

const served = (html: string, answer: (url: URL) => string | null): Promise<Page> => servedPage(browser()!, PAGE, html, answer);

const unitAnswer = (url: URL) => {
  const u = url.searchParams.get('unit');
  if (url.pathname !== '/api/nb' || !u || !UNITS[u]) return null;
  return JSON.stringify({ total: UNITS[u].length, rows: UNITS[u].map((title, i) => ({ title, url: `/gk/${u}/${i}.html` })) });
};

// A site menu drawn as a tree of links (read over HTTP) beside the tree of units (nodes with no address).
const treePage = `<html><body>
<ul class="tree"><li><a href="/zwgk/">政务公开</a><ul><li><a href="/zwgk/zc/">政策文件</a></li><li><a href="/zwgk/gh/">规划计划</a></li></ul></li></ul>
<ul id="units" class="ztree">
 <li class="level0"><span class="switch"></span><a class="level0 curSelectedNode" treenode_a="" data-unit="xian"><span class="node_name">某县人民政府</span></a>
  <ul class="level0">
   <li class="level1"><span class="switch"></span><a class="level1" treenode_a="" data-unit="jyj"><span class="node_name">县教育局</span></a></li>
   <li class="level1"><span class="switch"></span><a class="level1" treenode_a="" data-unit="wjw"><span class="node_name">县卫生健康委</span></a></li>
   <li class="level1"><span class="switch"></span><a class="level1" treenode_a=""><span class="node_name">乡镇</span></a>
    <ul class="level1" style="display:none"><li class="level2"><span class="switch"></span><a class="level2" treenode_a="" data-unit="town"><span class="node_name">某镇</span></a></li></ul></li>
  </ul></li>
</ul>
<ul id="list"></ul>
<script>
function load(u) {
  fetch('/api/nb?unit=' + u + '&page=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
document.getElementById('units').addEventListener('click', function (e) {
  var a = e.target.closest('[treenode_a]');
  if (a && a.getAttribute('data-unit')) load(a.getAttribute('data-unit'));
});
load('xian');
</script></body></html>`;

test("a tree of units is a choice of lists: each leaf clicked once, the one under a closed folder too; a tree of links is not", { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(treePage, unitAnswer);
  try {
    const nodes = await page.evaluate<Choice[]>(markTreeNodes(0));
    assert.deepEqual(
      nodes.map((c) => `${c.kind} ${c.text}`),
      ['node 县教育局', 'node 县卫生健康委', 'node 某镇'],
    );
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page))!;
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    // The department's and the town's lists are kept (the town's node hidden in its closed folder); 卫健委 lists no report.
    assert.deepEqual(
      chosen.requests.map((r) => new URL(r.url).search),
      ['?unit=jyj&page=1', '?unit=town&page=1'],
    );
  } finally {
    await page.close();
  }
});

// layui's look: a header table and a body table, the title plain text, a 查看 button per row handled by the table.
const rowButtonPage = `<html><body>
<table class="layui-table"><thead><tr><th>序号</th><th>标题</th><th>发布日期</th><th>操作</th></tr></thead></table>
<table class="layui-table"><tbody id="rows"></tbody></table>
<script>
var ROWS = [{ id: 'a1', title: '${report('某市住建局', 2024)}' }, { id: 'b2', title: '某市2024年房地产市场运行情况' }, { id: 'c3', title: '${report('某市住建局', 2023)}' }];
document.getElementById('rows').innerHTML = ROWS.map(function (r, i) {
  return '<tr data-index="' + i + '"><td>' + (i + 1) + '</td><td><div class="layui-table-cell">' + r.title + '</div></td><td>2025-01-20</td>' +
    '<td><a class="layui-btn layui-btn-xs" lay-event="view">查看</a></td></tr>';
}).join('');
document.getElementById('rows').addEventListener('click', function (e) {
  var b = e.target.closest('[lay-event]');
  if (b) window.open('/gk/content/' + ROWS[Number(b.closest('tr').getAttribute('data-index'))].id + '.html');
});
</script></body></html>`;

test('a row whose title opens nothing is opened by its 查看 button, and the page\'s other rows by theirs', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(rowButtonPage, () => null);
  try {
    const links = await clickedLinks(page, [report('某市住建局', 2024), report('某市住建局', 2023)]);
    assert.deepEqual(
      links.map((l) => `${l.text} ${new URL(l.url).pathname}`),
      [`${report('某市住建局', 2024)} /gk/content/a1.html`, `${report('某市住建局', 2023)} /gk/content/c3.html`],
    );
  } finally {
    await page.close();
  }
});

test('a pager\'s page-size select ("10 条/页") is no choice of lists; a select of years still is', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><ul id="list"></ul>
<span class="layui-laypage-limits"><select><option value="5" selected>5 条/页</option><option value="10">10 条/页</option><option value="20">20 条/页</option></select></span>
<select class="size"><option>每页10条</option><option>每页20条</option></select>
<select id="yr"><option value="2025" selected>2025年</option><option value="2024">2024年</option></select></body></html>`,
    () => null,
  );
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(
      choices.map((c) => `${c.kind} ${c.text}`),
      ['option 2024年'],
    );
  } finally {
    await page.close();
  }
});

test('a plain list of units (javascript: links, none marked current) is a choice of lists; a list of other labels is not', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><div class="side"><h3>部门信息公开年报</h3><ul class="dept-list">
<li><a href="javascript:;" data-unit="xian">某县人民政府办公室</a></li><li><a href="javascript:;" data-unit="jyj">某县教育局</a></li>
<li><a href="javascript:;" data-unit="wjw">某县卫生健康委员会</a></li><li><a href="javascript:;" data-unit="town">某镇人民政府</a></li></ul>
<ul class="labels"><li><a href="javascript:;">主题分类</a></li><li><a href="javascript:;">体裁分类</a></li><li><a href="javascript:;">服务对象</a></li></ul></div>
<ul id="list"></ul><script>
function load(u) {
  fetch('/api/nb?unit=' + u + '&page=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
document.querySelector('.dept-list').addEventListener('click', function (e) { var a = e.target.closest('[data-unit]'); if (a) load(a.getAttribute('data-unit')); });
load('xian');
</script></body></html>`,
    unitAnswer,
  );
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(
      choices.map((c) => c.text),
      ['某县人民政府办公室', '某县教育局', '某县卫生健康委员会', '某镇人民政府'],
    );
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page))!;
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(
      chosen.requests.map((r) => new URL(r.url).search),
      ['?unit=jyj&page=1', '?unit=town&page=1'],
    );
  } finally {
    await page.close();
  }
});
