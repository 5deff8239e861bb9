/**
 * A list whose first page is in the HTML and whose pager alone is drawn by script: an empty `<div id="page">` that
 * layui's laypage (or a JSF paginator, a jQuery plugin) fills from numbers in the page's script. Read over HTTP, the
 * page lists reports and shows no pager, so nothing said more pages exist: the seed ended `ok` with page 1's reports
 * only (blind round 32b's first JSF table, its paginator drawn by script: 1 of 5, silently). A page with an empty
 * pager box and a script is read in the browser once, where the drawn pager is turned.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, esc, page, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

interface Doc {
  id: number;
  title: string;
  year?: number;
}

/** Twelve items, three pages of four: reports spread over every page. */
function docsOf(a: string): Doc[] {
  const years = [2024, 2023, 2022, 2021, 2020, 2019];
  return years.flatMap((y, i) => [
    { id: 700 - 2 * i, title: `${a}${y}年政府信息公开工作年度报告`, year: y },
    { id: 699 - 2 * i, title: i % 2 ? `${a}${y}年部门决算公开` : `${a}${y}年工作要点` },
  ]);
}

const PER = 4;
const rows = (docs: Doc[], art: (d: Doc) => string) => docs.map((d) => `<li><a href="${art(d)}" target="_blank">${esc(d.title)}</a><span>2024-01-${String(10 + (d.id % 15)).padStart(2, '0')}</span></li>`).join('');

function detailRoutes(a: string, docs: Doc[], art: (d: Doc) => string): Record<string, BlindRoute> {
  return Object.fromEntries(docs.map((d) => [`GET ${art(d)}`, { body: detail(a, { title: d.title, publisher: a, date: `${(d.year ?? 2023) + 1}-01-20`, body: d.year ? reportText(a, `${d.year}年度`) : trapText(d.title) }) }]));
}

/** laypage over static pages: the pager's jump goes to index_1.html, index_2.html (layui's documented `jump`). */
function laypagePortal(): BlindPortal {
  const a = '岳阳市自然资源和规划局';
  const docs = docsOf(a);
  const art = (d: Doc) => `/zrzyj/ndbg/${d.id}.html`;
  const pages = Math.ceil(docs.length / PER);
  const listPage = (n: number) =>
    page(
      a,
      '政府信息公开年报',
      `<ul class="news-list">${rows(docs.slice(n * PER, (n + 1) * PER), art)}</ul>
<div id="page" class="layui-box"></div>
<script>
layui.use('laypage', function () {
  var laypage = layui.laypage;
  laypage.render({
    elem: 'page', count: ${docs.length}, limit: ${PER}, curr: ${n + 1}, layout: ['prev', 'page', 'next', 'count'],
    jump: function (obj, first) { if (!first) location.href = obj.curr === 1 ? 'index.html' : 'index_' + (obj.curr - 1) + '.html'; }
  });
});
</script>`,
      { head: '<script src="/zrzyj/layui/layui.js"></script>' },
    );
  const routes: Record<string, BlindRoute> = {
    'GET /zrzyj/ndbg/index.html': { body: listPage(0) },
    // A small stand-in for layui's laypage: draws the numbered links and calls jump on a click.
    'GET /zrzyj/layui/layui.js': {
      type: 'application/javascript',
      body: `window.layui = { use: function (m, f) { f(); }, laypage: { render: function (o) {
  var el = document.getElementById(o.elem), n = Math.ceil(o.count / o.limit), h = '';
  if (o.curr > 1) h += '<a href="javascript:;" class="layui-laypage-prev" data-page="' + (o.curr - 1) + '">上一页</a>';
  for (var i = 1; i <= n; i++) h += i === o.curr ? '<span class="layui-laypage-curr"><em>' + i + '</em></span>' : '<a href="javascript:;" data-page="' + i + '">' + i + '</a>';
  if (o.curr < n) h += '<a href="javascript:;" class="layui-laypage-next" data-page="' + (o.curr + 1) + '">下一页</a>';
  h += '<span class="layui-laypage-count">共 ' + o.count + ' 条</span>';
  el.innerHTML = '<div class="layui-laypage">' + h + '</div>';
  el.querySelectorAll('a[data-page]').forEach(function (x) { x.onclick = function () { o.curr = Number(x.getAttribute('data-page')); o.jump(o, false); }; });
  o.jump(o, true);
} } };`,
    },
    ...detailRoutes(a, docs, art),
  };
  for (let n = 1; n < pages; n += 1) routes[`GET /zrzyj/ndbg/index_${n}.html`] = { body: listPage(n) };
  return {
    id: 'drawn-laypage',
    pattern: 'page 1 in the HTML, an empty <div id="page"> that laypage fills; its jump goes to index_N.html',
    agency: { name: a, division: '430600', level: 'city', province: '湖南省', city: '岳阳市' },
    seedPath: '/zrzyj/ndbg/index.html',
    expected: docs.flatMap((d) => (d.year ? [{ agency: a, year: d.year }] : [])),
    routes,
  };
}

/** A JSF-like table: page 1 rendered, the paginator drawn by script, later pages POSTed and answered as rows. */
function postedRowsPortal(): BlindPortal {
  const a = '常德市统计局';
  const docs = docsOf(a);
  const art = (d: Doc) => `/tjj/xxgk/${d.id}.html`;
  const listPage = page(
    a,
    '政府信息公开年度报告',
    `<ul id="rows" class="list">${rows(docs.slice(0, PER), art)}</ul>
<div id="rows_paginator" class="ui-paginator"></div>
<script>
(function () {
  var total = ${docs.length}, per = ${PER}, cur = 1;
  function draw() {
    var n = Math.ceil(total / per), h = '';
    for (var i = 1; i <= n; i++) h += i === cur ? '<span class="ui-state-active">' + i + '</span>' : '<a href="#" class="ui-paginator-page" data-p="' + i + '">' + i + '</a>';
    var box = document.getElementById('rows_paginator');
    box.innerHTML = h;
    box.querySelectorAll('a').forEach(function (x) {
      x.onclick = function (e) {
        e.preventDefault();
        var p = Number(x.getAttribute('data-p'));
        fetch('/tjj/xxgk/rows.do', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'first=' + (p - 1) * per + '&rows=' + per })
          .then(function (r) { return r.text(); })
          .then(function (html) { document.getElementById('rows').innerHTML = html; cur = p; draw(); });
      };
    });
  }
  draw();
})();
</script>`,
  );
  return {
    id: 'drawn-paginator',
    pattern: 'page 1 in the HTML, a paginator drawn by script whose clicks POST first/rows and swap in the rows',
    agency: { name: a, division: '430700', level: 'city', province: '湖南省', city: '常德市' },
    seedPath: '/tjj/xxgk/index.html',
    expected: docs.flatMap((d) => (d.year ? [{ agency: a, year: d.year }] : [])),
    routes: {
      'GET /tjj/xxgk/index.html': { body: listPage },
      'POST /tjj/xxgk/rows.do': (req) => {
        const q = new URLSearchParams(req.body);
        const first = Number(q.get('first') ?? 0);
        return { body: rows(docs.slice(first, first + Number(q.get('rows') ?? PER)), art) };
      },
      ...detailRoutes(a, docs, art),
    },
  };
}

for (const make of [laypagePortal, postedRowsPortal]) {
  test(`a pager drawn by script over a first page in the HTML: every page read (${make().id})`, { timeout: 240_000 }, async () => {
    const p = make();
    const portal = await startPortal({ sites: blindSitesOf([p]) });
    try {
      const dir = tempDir('nianbao-drawn-pager-');
      const seeds = path.join(dir, 'seeds.yaml');
      writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
      const storage = path.join(dir, 'storage');
      const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
      assert.equal(crawl.code, 0, crawl.out + crawl.err);
      const out = path.join(dir, 'reports.csv');
      await runNianbao(['export', '--out', out, '--storage', storage]);
      const csv = readFileSync(out, 'utf8');
      const a = p.agency.name;
      for (const { year } of p.expected) assert.match(csv, new RegExp(`${a},.*,${year},`), `${year} exported`);
      assert.equal(csv.trim().split('\n').length - 1, p.expected.length, 'no trap catalogued');
      const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
      const [seed] = (JSON.parse(status.out) as { seeds: { last: { status: string; reason: string | null } }[] }).seeds;
      assert.equal(seed!.last.status, 'ok', seed!.last.reason ?? '');
    } finally {
      await portal.close();
    }
  });
}
