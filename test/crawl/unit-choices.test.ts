/**
 * Units a list page offers as choices of lists. A tree of units whose folders load their nodes from the server only when opened (zTree's `async`): the folders are
 * opened first, level after level, so that their units are leaves, each clicked once as a choice of lists. Before,
 * an unopened folder held no leaf to click: its units' reports were missed silently. A plain list of districts and
 * zones (城区, 经济开发区, 某县), none marked current, is a list of units as one of 局 and 镇 is. A tree drawn in a frame
 * of the page, its nodes calling the page's loader, is the page's choices too (round 109b).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { listChoices, MARK_CHOICES, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { openFolders } from '../../src/crawl/learn/tree-nodes.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/xxgk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;
const LISTS: Record<string, string[]> = {
  xian: [report('某县人民政府', 2024), '某县2024年国民经济和社会发展统计公报'],
  jyj: [report('某县教育局', 2024), '某县教育局2024年工作要点'],
  sfj: [report('某县司法局', 2024)],
  town1: [report('某县城关镇人民政府', 2024)],
  town2: ['某县河口镇2024年预算公开'],
};
/** The tree's folders, asked for when opened: the departments, the towns, and a level below the towns. */
const CHILDREN: Record<string, { id: string; name: string; isParent?: boolean }[]> = {
  bm: [
    { id: 'jyj', name: '县教育局' },
    { id: 'sfj', name: '县司法局' },
  ],
  xz: [
    { id: 'town1', name: '城关镇' },
    { id: 'more', name: '其他乡镇', isParent: true },
  ],
  more: [{ id: 'town2', name: '河口镇' }],
};

const answer = (url: URL) => {
  if (url.pathname === '/api/tree') return JSON.stringify(CHILDREN[url.searchParams.get('id') ?? ''] ?? []);
  const unit = url.searchParams.get('unitId') ?? '';
  if (url.pathname !== '/api/nb/list' || !LISTS[unit]) return null;
  return JSON.stringify({ success: true, data: { total: LISTS[unit].length, records: LISTS[unit].map((title, i) => ({ title, url: `/xxgk/${unit}/${i}.html` })) } });
};

// zTree's look: `li.levelN > span.switch + a[treenode_a]`, a folder's switch `center_close` until opened, its `ul`
// drawn from the server's answer then.
const treePage = `<html><body>
<ul id="unitTree" class="ztree">
 <li class="level0" id="t_xian"><span class="button level0 switch roots_open"></span><a class="level0 curSelectedNode" treenode_a="" data-id="xian"><span class="node_name">某县人民政府</span></a>
  <ul class="level0 line">
   <li class="level1" data-id="bm"><span class="button level1 switch center_close"></span><a class="level1" treenode_a=""><span class="button ico_close"></span><span class="node_name">县直部门</span></a></li>
   <li class="level1" data-id="xz"><span class="button level1 switch bottom_close"></span><a class="level1" treenode_a=""><span class="button ico_close"></span><span class="node_name">乡镇</span></a></li>
  </ul></li>
</ul>
<ul id="list"></ul>
<script>
function load(u) {
  fetch('/api/nb/list?unitId=' + u + '&pageNum=1&pageSize=8').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.data.records.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
function open(li, sw) {
  fetch('/api/tree?id=' + li.getAttribute('data-id')).then(function (r) { return r.json(); }).then(function (nodes) {
    var level = Number(/level(\\d)/.exec(li.className)[1]) + 1;
    sw.className = sw.className.replace('_close', '_open');
    li.insertAdjacentHTML('beforeend', '<ul class="level' + level + '">' + nodes.map(function (n, i) {
      var end = i === nodes.length - 1 ? 'bottom' : 'center';
      return '<li class="level' + level + '" data-id="' + n.id + '"><span class="button level' + level + ' switch ' + end + (n.isParent ? '_close' : '_docu') + '"></span>' +
        '<a class="level' + level + '" treenode_a="" data-unit="' + (n.isParent ? '' : n.id) + '"><span class="node_name">' + n.name + '</span></a></li>';
    }).join('') + '</ul>');
  });
}
document.getElementById('unitTree').addEventListener('click', function (e) {
  var sw = e.target.closest('.switch');
  if (sw && /_close/.test(sw.className)) return open(sw.parentNode, sw);
  var a = e.target.closest('[treenode_a]');
  if (a && a.getAttribute('data-unit')) load(a.getAttribute('data-unit'));
});
load('xian');
</script></body></html>`;

const browser = fileBrowser();
const served = (html: string, documents: Record<string, string> = {}): Promise<Page> => servedPage(browser()!, PAGE, html, answer, documents);

test('a tree whose folders load their units when opened: each folder opened, level after level, and every unit made a choice', { timeout: 90_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(treePage);
  try {
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned, 'the county list is learned');
    const chosen = await listChoices(page, PAGE, learned, []);
    // The units of both folders and of the folder below the towns; the 河口镇 list holds no report, so is not kept.
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).searchParams.get('unitId')).sort(), ['jyj', 'sfj', 'town1']);
    const asked = exchangesOf(page).map((x) => new URL(x.url)).filter((u) => u.pathname === '/api/tree').map((u) => u.searchParams.get('id'));
    assert.deepEqual(asked.sort(), ['bm', 'more', 'xz'], 'each folder opened once');
    assert.deepEqual(await openFolders(page), { opened: 0, left: 0 }, 'no folder is opened twice');
  } finally {
    await page.close();
  }
});

test('a plain list of districts and zones (javascript: links, none marked) is a list of units, each a choice', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(`<html><body><div class="area"><h3>各区县政府信息公开年报</h3><ul class="area-list">
<li><a href="javascript:void(0)" data-unit="xian">市本级</a></li><li><a href="javascript:void(0)" data-unit="jyj">东城区</a></li>
<li><a href="javascript:void(0)" data-unit="sfj">经济技术开发区</a></li><li><a href="javascript:void(0)" data-unit="town1">某县</a></li></ul></div>
<ul id="list"></ul><script>
function load(u) {
  fetch('/api/nb/list?unitId=' + u + '&pageNum=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.data.records.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
document.querySelector('.area-list').addEventListener('click', function (e) { var a = e.target.closest('[data-unit]'); if (a) load(a.getAttribute('data-unit')); });
load('xian');
</script></body></html>`);
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(choices.map((c) => c.text), ['市本级', '东城区', '经济技术开发区', '某县']);
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).searchParams.get('unitId')).sort(), ['jyj', 'sfj', 'town1']);
  } finally {
    await page.close();
  }
});

test('folders past the limit are left closed and counted, never passed over unsaid', { timeout: 120_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const folders = Array.from({ length: 4 }, (_, i) => `<li class="level1" data-id="bm"><span class="button level1 switch center_close"></span><a class="level1" treenode_a=""><span class="node_name">片区${i + 1}</span></a></li>`).join('');
  const page = await served(treePage.replace(/<ul class="level0 line">[\s\S]*?<\/ul><\/li>/, `<ul class="level0 line">${folders}</ul></li>`));
  try {
    assert.deepEqual(await openFolders(page, 2), { opened: 2, left: 2 });
  } finally {
    await page.close();
  }
});

test('a unit list captioned by kind beside a year select: the captions are no choices, and each unit is read under 全部', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  // Round 85b's 铜梁: `<li class="grp">区级部门</li>` above each kind's units, the units unmarked, a year select showing
  // 全部; the list asked with the unit and the year chosen. The year options were made first, and the units were read
  // for the last year chosen only (their other years' reports missed, the seed ended ok).
  const page = await served(`<html><body><div class="nb-tree"><ul id="unitTree">
<li class="grp">县政府</li><li><a href="javascript:void(0)" data-code="xian">县政府</a></li>
<li class="grp">县直部门</li><li><a href="javascript:void(0)" data-code="jyj">县教育局</a></li><li><a href="javascript:void(0)" data-code="sfj">县司法局</a></li>
<li class="grp">乡镇</li><li><a href="javascript:void(0)" data-code="town1">城关镇</a></li></ul></div>
<select id="year"><option value="">全部</option><option value="2024">2024年度</option><option value="2023">2023年度</option></select>
<ul id="list"></ul><script>
var unit = 'xian';
function load() {
  fetch('/api/nb/list?unitId=' + unit + '&year=' + document.getElementById('year').value + '&pageNum=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.data.records.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
document.getElementById('unitTree').addEventListener('click', function (e) { var c = e.target.getAttribute('data-code'); if (c) { unit = c; load(); } });
document.getElementById('year').onchange = load;
load();
</script></body></html>`);
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(choices.filter((c) => c.kind === 'tab').map((c) => c.text), ['县政府', '县教育局', '县司法局', '城关镇'], 'the captions 县直部门 and 乡镇 are no units to click');
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    // Each unit under 全部 (the select set back before the units were chosen); its years crossed with it besides.
    const underAll = chosen.requests.filter((r) => new URL(r.url).searchParams.get('year') === '').map((r) => new URL(r.url).searchParams.get('unitId'));
    assert.deepEqual(underAll.filter((u) => u !== 'xian').sort(), ['jyj', 'sfj', 'town1']);
  } finally {
    await page.close();
  }
});

test("a tree of units drawn in a frame of the page, its nodes calling the page's loader: each unit a choice, clicked in the frame", { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  // Round 109b's 依兰 (大汉's legacy xxgk module): a dTree written by document.write into an iframe beside the list,
  // each node \`javascript:parent.xxgkUnit(…)\`. The browser made no choice inside a frame: the units' lists were unread
  // (said \`short\`, no longer silent, but missed).
  const unit = (id: string, name: string) => `'<div class="dTreeNode"><a class="node" href="javascript:parent.loadUnit(\\'${id}\\');">${name}</a></div>'`;
  const tree = `<html><body><script>document.write('<div class="dtree"><div class="dTreeNode"><span class="node">县直部门</span></div><div class="clip">' +
${unit('jyj', '县教育局')} + ${unit('sfj', '县司法局')} + '</div><div class="dTreeNode"><span class="node">乡镇</span></div><div class="clip">' + ${unit('town1', '城关镇')} + '</div></div>');</script></body></html>`;
  const page = await served(
    `<html><body><table><tr><td><iframe src="/module/tree.html?divid=div1" width="200" height="300"></iframe></td><td><ul id="list"></ul></td></tr></table><script>
function loadUnit(u) {
  fetch('/api/nb/list?unitId=' + u + '&pageNum=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.data.records.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
loadUnit('xian');
</script></body></html>`,
    { '/module/tree.html': tree },
  );
  try {
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned, 'the county list is learned');
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).searchParams.get('unitId')).sort(), ['jyj', 'sfj', 'town1']);
    assert.deepEqual(chosen.framesChosen, ['http://gov.test/module/tree.html?divid=div1'], 'the frame whose units were chosen is said, so that its page drawn alone is not counted unread');
  } finally {
    await page.close();
  }
});

test("a menu of the page's own hash routes naming the reports' columns (广东 gkmlpt's category tree): each a choice, none marked current", { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  // Round 111d's 连南: `<a href="#3073">部门年报</a>` drawn from `_CONFIG.TREE`, the list asked on `hashchange`; no item
  // marked current, so no tab bar was seen and the departments' and towns' reports were a silent miss.
  const page = await served(`<html><body><div id="menu"><ul><li><a href="#xian">政府信息公开年报</a><ul><li><a href="#jyj">部门年报</a></li>
<li><a href="#town1">乡镇年报</a></li><li><a href="#top">返回顶部</a></li></ul></li></ul></div><ul id="list"></ul><script>
function load() {
  var u = location.hash.slice(1) || 'xian';
  fetch('/api/nb/list?unitId=' + u + '&pageNum=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.data.records.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
window.addEventListener('hashchange', load);
load();
</script></body></html>`);
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(choices.map((c) => c.text), ['政府信息公开年报', '部门年报', '乡镇年报'], 'the routes naming the reports, not 返回顶部');
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).searchParams.get('unitId')).sort(), ['jyj', 'town1']);
  } finally {
    await page.close();
  }
});
