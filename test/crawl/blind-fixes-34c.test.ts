/**
 * Round 34c's fixes (docs/blind-portals.md, "Round 34c: seeds a new user gives"), on hand-made input:
 * 1. a link back to the column named with a navigation word ("返回栏目：政府信息公开年报 >") is no report title, and is
 *    read as the column's link (before: a report link, reached by luck as a detail page);
 * 2. an answer whose items carry an id, drawn as cards holding the title and its date in one link: the items' link
 *    template is learned from the cards (before: no item matched a drawn link, the answer was no list);
 * 3. a WeChat-shared report on a script-drawn H5 site as the seed: the report itself and every report of its
 *    column (the column's shell reached through the article's 返回栏目 bar, its list learned though the article's
 *    相关推荐 answer was learned first) (before: the shared report not catalogued, the column read for its first
 *    answer only, the seed `ok`).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { findJsonList } from '../../src/crawl/learn/list-shape.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

test('a link back to the 年报 column named with a navigation word is no report, and is the column\'s link', () => {
  for (const t of ['返回栏目：政府信息公开年报 >', '所属栏目：年度报告', '返回列表 政府信息公开年报', '进入 信息公开年报»']) {
    assert.equal(classifyTitle(t).isReport, false, t);
  }
  // Reports stay reports, with or without their year; a bare label stays a label.
  assert.equal(classifyTitle('宁国市2021年度政府信息公开工作报告').isReport, true);
  assert.equal(classifyTitle('区教育局政府信息公开年报').isReport, true);
  assert.equal(classifyTitle('政府信息公开年报').isReport, false);
  const PAGE = 'http://h5.example/h5/detail.html?id=7';
  const html = `<html><head><title>某市2023年政府信息公开工作年度报告</title></head><body><div class="h5-top"><a href="/h5/index.html">某市发布</a></div>
<div class="art"><h1>某市2023年政府信息公开工作年度报告</h1><div class="con">${reportText('某市人民政府', '2023年度')}</div></div>
<div class="channel-bar"><a href="list.html?channel=ndbg">返回栏目：政府信息公开年报 &gt;</a></div>
<div class="related"><h3>相关推荐</h3><ul><li><a href="detail.html?id=9">某市2024年统计年报</a></li><li><a href="detail.html?id=8">某市2025年政务公开工作要点</a></li></ul></div></body></html>`;
  const items = [
    { title: '某市发布', url: 'http://h5.example/h5/index.html', date: null, isFile: false },
    { title: '返回栏目：政府信息公开年报 >', url: 'http://h5.example/h5/list.html?channel=ndbg', date: null, isFile: false },
    { title: '某市2024年统计年报', url: 'http://h5.example/h5/detail.html?id=9', date: null, isFile: false },
  ];
  assert.deepEqual(listElsewhere(html, PAGE, items), [{ url: 'http://h5.example/h5/list.html?channel=ndbg', namedColumn: true }]);
});

test('items with an id drawn as cards of title and date: the link template is learned from the cards', () => {
  const answer = {
    code: 0,
    data: {
      total: 9,
      list: [
        { id: '5106', title: '某市人民政府2024年政府信息公开工作年度报告', date: '2025-01-21' },
        { id: '5107', title: '图解：某市人民政府2024年政府信息公开工作年度报告', date: '2025-01-21' },
        { id: '5088', title: '某市某街道办事处2024年政府信息公开工作年度报告', date: '2025-01-17' },
      ],
    },
  };
  const links = answer.data.list.map((x) => ({ text: `${x.title}${x.date}`, url: `http://h5.example/h5/detail.html?id=${x.id}` }));
  const found = findJsonList(answer, 'http://h5.example/h5/list.html?channel=ndbg', links);
  assert.deepEqual(found?.items.map((i) => i.url), answer.data.list.map((x) => `http://h5.example/h5/detail.html?id=${x.id}`));
  // A link whose text goes on far past the title (a paragraph quoting it) is no card of that item.
  const quoting = answer.data.list.map((x) => ({ text: `${x.title}已于近日正式公布，全文共分六个部分，欢迎社会各界监督并提出宝贵意见建议`, url: `http://h5.example/h5/detail.html?id=${x.id}` }));
  assert.equal(findJsonList(answer, 'http://h5.example/h5/list.html?channel=ndbg', quoting)?.items[0]?.url.includes('detail.html?id=5106') ?? false, false);
});

/** A city's H5 site: every page a shell drawn from `/h5/api/…`; the seed a shared report. */
function h5Portal(): BlindPortal {
  const gov = '义乌市人民政府';
  const items = [
    { id: '31', title: `${gov}2024年政府信息公开工作年度报告`, date: '2025-01-20', year: 2024 },
    { id: '30', title: '义乌市2025年政务公开工作要点', date: '2025-01-15', year: 0 },
    { id: '22', title: `${gov}2023年政府信息公开工作年度报告`, date: '2024-01-22', year: 2023 },
    { id: '21', title: '金华市关于做好2023年度政府信息公开工作年度报告编制工作的通知', date: '2023-12-08', year: 0 },
    { id: '12', title: `${gov}2022年政府信息公开工作年度报告`, date: '2023-01-28', year: 2022 },
  ];
  const related = [{ id: '90', title: '义乌市2024年统计年报', date: '2025-03-01', year: 0 }];
  const shell = (js: string) =>
    `<html><head><meta charset="utf-8"><title>义乌发布</title></head><body><div class="top"><a href="/h5/index.html">义乌发布</a></div><div id="app">加载中</div><script>${js}</script></body></html>`;
  const q = `function q(n){var m=new RegExp('[?&]'+n+'=([^&#]*)').exec(location.search);return m?decodeURIComponent(m[1]):''}
function get(u,f){var x=new XMLHttpRequest();x.open('GET',u);x.onload=function(){f(JSON.parse(x.responseText))};x.send()}`;
  const detailJs = `${q}
get('/h5/api/article?id='+q('id'),function(r){var d=r.data;document.title=d.title;
document.getElementById('app').innerHTML='<h1>'+d.title+'</h1><div class="con">'+d.content+'</div><div class="bar"><a href="list.html?channel=ndbg">返回栏目：政府信息公开年报 &gt;</a></div><ul>'+d.related.map(function(x){return '<li><a href="detail.html?id='+x.id+'">'+x.title+'</a></li>'}).join('')+'</ul>'})`;
  const listJs = `${q}
var page=1;var app=document.getElementById('app');app.innerHTML='<ul id="l"></ul><div id="m"></div>';
function load(){get('/h5/api/list?channel='+q('channel')+'&page='+page+'&size=2',function(r){r.data.list.forEach(function(x){var li=document.createElement('li');
li.innerHTML='<a href="detail.html?id='+x.id+'"><p>'+x.title+'</p><p>'+x.date+'</p></a>';document.getElementById('l').appendChild(li)});
var m=document.getElementById('m');m.innerHTML=page*2<r.data.total?'<button>加载更多</button>':'';var b=m.querySelector('button');if(b)b.onclick=function(){page++;load()}})}
load()`;
  const all = [...items, ...related];
  return {
    id: 'fix34c-h5',
    pattern: 'a shared H5 report as the seed',
    agency: { name: gov, division: '330782', level: 'county', province: '浙江省', city: '金华市', county: '义乌市' },
    seedPath: '/h5/detail.html?id=22&from=timeline&isappinstalled=0',
    expected: [],
    routes: {
      'GET /h5/detail.html': { body: shell(detailJs) },
      'GET /h5/list.html': { body: shell(listJs) },
      'GET /h5/api/article': (r) => {
        const it = all.find((x) => x.id === r.url.searchParams.get('id'));
        if (!it) return null;
        const content = it.year ? reportText(gov, `${it.year}年度`) : trapText(it.title);
        return { type: 'application/json', body: JSON.stringify({ code: 0, data: { title: it.title, content, related: related.map(({ id, title }) => ({ id, title })) } }) };
      },
      'GET /h5/api/list': (r) => {
        const p = Number(r.url.searchParams.get('page') ?? '1');
        const list = items.slice((p - 1) * 2, p * 2).map(({ id, title, date }) => ({ id, title, date }));
        return { type: 'application/json', body: JSON.stringify({ code: 0, data: { total: items.length, page: p, list } }) };
      },
    },
  };
}

test('a shared report on a script-drawn H5 site as the seed: the report, and every report of its column', { timeout: 180_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const p = h5Portal();
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-fix34c-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split(','));
    const col = (n: string) => header!.indexOf(n);
    const reports = [...new Set(rows.map((r) => `${r[col('agency')]} ${r[col('year')]}`))].sort();
    assert.deepEqual(reports, ['义乌市人民政府 2022', '义乌市人民政府 2023', '义乌市人民政府 2024']);
    const seed = (JSON.parse(status.out) as { seeds: { healthy: boolean; flags: string[]; last: { reason: string | null } }[] }).seeds[0]!;
    assert.ok(seed.healthy, `${seed.flags.join(',')} ${seed.last.reason}`);
    // The column's later answers were asked; the related box's trap never read as a report.
    const asked = portal.log.map((l) => l.url);
    assert.ok(asked.includes('/h5/api/list?channel=ndbg&page=3&size=2'), asked.join(' '));
  } finally {
    await portal.close();
  }
});
