/**
 * A learned list asked for the page after its last, answered with a refusal of the page number: PageHelper or
 * MyBatis-Plus back ends validating `pageNum` (HTTP 400 "pageNum超出范围"), a 500 from an out-of-range query, or a 200
 * error object. The list was read whole, yet the seed was flagged `short` ("its list API refused page 4") and the run
 * ended partial: a false alarm a user learns to ignore. The page after one its answers call the last (their count of
 * items or pages reached, or a page shorter than the first) is still asked, but its refusal is the list's end; a
 * refusal before the end still cuts the list and says so.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const PER = 4;

type PastEnd = 'http-400' | 'http-500' | 'error-object';

interface Shape {
  id: string;
  agency: { name: string; division: string; city: string };
  /** The answer's body announces `total` (items). */
  total: boolean;
  /** How a page past the last is answered. */
  pastEnd: PastEnd;
  /** Pages asked over HTTP (a replay: `X-Requested-With`) from this one on are refused: a cut, not an end. */
  refuseReplaysFrom?: number;
}

function pastEndPortal(s: Shape, asked: number[]): BlindPortal {
  const A = s.agency.name;
  // Ten items: a report and two traps on each page of four but the last (two items, one a report).
  const docs = [2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015].map((y, i) => ({
    id: 700 - i,
    title: i % 3 === 0 ? `${A}${2024 - i / 3}年政府信息公开工作年度报告` : i % 3 === 1 ? `${A}${y}年部门决算` : `${y}年${A}工作要点`,
    year: i % 3 === 0 ? 2024 - i / 3 : undefined,
  }));
  const art = (id: number) => `/${s.id}/xxgk/ndbg/${id}.html`;
  const list = page(
    A,
    '政府信息公开年报',
    `<ul id="list"></ul><div class="pager" id="pager"></div>
<script>
(function () {
  function load(n) {
    fetch('/${s.id}/api/xxgk/list?pageNum=' + n + '&pageSize=${PER}')
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (res.code !== 200) return;
        var rows = res.data.list;
        document.getElementById('list').innerHTML = rows.map(function (r) { return '<li><a href="' + r.url + '">' + r.title + '</a><span>' + r.date + '</span></li>'; }).join('');
        var p = n > 1 ? '<a href="javascript:;" data-page="' + (n - 1) + '">上一页</a>' : '';
        if (rows.length === ${PER}) p += '<a href="javascript:;" data-page="' + (n + 1) + '">下一页</a>';
        var pager = document.getElementById('pager');
        pager.innerHTML = p;
        pager.querySelectorAll('a').forEach(function (a) { a.onclick = function () { load(Number(a.getAttribute('data-page'))); }; });
      });
  }
  load(1);
})();
</script>`,
  );
  const routes: Record<string, BlindRoute> = {
    [`GET /${s.id}/xxgk/ndbg/index.html`]: { body: list },
    [`GET /${s.id}/api/xxgk/list`]: (req) => {
      const n = Number(req.url.searchParams.get('pageNum') ?? 1);
      asked.push(n);
      if (s.refuseReplaysFrom !== undefined && n >= s.refuseReplaysFrom && req.headers['x-requested-with']) {
        return { status: 400, type: 'application/json', body: JSON.stringify({ code: 400, msg: '非法请求' }) };
      }
      const rows = docs.slice((n - 1) * PER, n * PER).map((d) => ({ title: d.title, url: art(d.id), date: '2025-01-20' }));
      if (!rows.length && s.pastEnd !== 'error-object') {
        const status = s.pastEnd === 'http-400' ? 400 : 500;
        return { status, type: 'application/json', body: JSON.stringify({ code: status, msg: 'pageNum超出范围' }) };
      }
      if (!rows.length) return { type: 'application/json', body: JSON.stringify({ code: 500, msg: '页码超出范围', data: null }) };
      return { type: 'application/json', body: JSON.stringify({ code: 200, msg: '操作成功', data: { ...(s.total ? { total: docs.length } : {}), list: rows } }) };
    },
  };
  for (const d of docs) routes[`GET ${art(d.id)}`] = { body: detail(A, { title: d.title, publisher: A, date: '2025-01-20', body: d.year ? reportText(A, `${d.year}年度`) : trapText(d.title) }) };
  return {
    id: s.id,
    pattern: `a learned list refusing the page past its last (${s.pastEnd}${s.total ? ', total in the body' : ''})`,
    agency: { ...s.agency, level: 'city', province: '湖南省' },
    seedPath: `/${s.id}/xxgk/ndbg/index.html`,
    expected: docs.flatMap((d) => (d.year ? [{ agency: A, year: d.year }] : [])),
    needsBrowser: true,
    routes,
  };
}

interface SeedStatus {
  url: string;
  last: { status: string; reason: string | null };
}

async function crawl(portals: BlindPortal[]) {
  const portal = await startPortal({ sites: blindSitesOf(portals) });
  try {
    const dir = tempDir('nianbao-past-end-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, portals));
    const storage = path.join(dir, 'storage');
    const run = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const seeds_ = (JSON.parse(status.out) as { seeds: SeedStatus[] }).seeds;
    const seedOf = (p: BlindPortal) => seeds_.find((x) => x.url === `${portal.urls[p.id]}${p.seedPath}`)!;
    return { run, seedOf };
  } finally {
    await portal.close();
  }
}

test('a page past the last refused (400, 500, an error object) ends a complete list; a refusal before the end still cuts it', { timeout: 240_000 }, async (t) => {
  const asked = { counted: [] as number[], short: [] as number[], object: [] as number[], cut: [] as number[] };
  const counted = pastEndPortal({ id: 'pe-counted', agency: { name: '衡阳市自然资源和规划局', division: '430400', city: '衡阳市' }, total: true, pastEnd: 'http-400' }, asked.counted);
  const shortLast = pastEndPortal({ id: 'pe-short', agency: { name: '衡阳市交通运输局', division: '430400', city: '衡阳市' }, total: false, pastEnd: 'http-500' }, asked.short);
  const object = pastEndPortal({ id: 'pe-object', agency: { name: '衡阳市水利局', division: '430400', city: '衡阳市' }, total: true, pastEnd: 'error-object' }, asked.object);
  const cut = pastEndPortal({ id: 'pe-cut', agency: { name: '衡阳市商务局', division: '430400', city: '衡阳市' }, total: false, pastEnd: 'http-400', refuseReplaysFrom: 2 }, asked.cut);
  const { run, seedOf } = await crawl([counted, shortLast, object, cut]);
  t.diagnostic(`pages asked: ${JSON.stringify(asked)}`);
  for (const p of [counted, shortLast, object]) {
    const seed = seedOf(p);
    assert.equal(seed.last.status, 'ok', `${p.id}: ${seed.last.reason}`);
    assert.ok(asked[p.id === 'pe-counted' ? 'counted' : p.id === 'pe-short' ? 'short' : 'object'].includes(4), `${p.id}: the page past the last was asked (the test must see it refused)`);
  }
  // Refused before its end (page 2 of 3, over HTTP): still short, the run partial.
  const seed = seedOf(cut);
  assert.equal(seed.last.status, 'short', seed.last.reason ?? '');
  assert.match(seed.last.reason ?? '', /its list API refused page 2 \(HTTP 400\)/);
  assert.equal(run.code, 1, run.out + run.err);
});
