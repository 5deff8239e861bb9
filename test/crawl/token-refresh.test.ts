/**
 * A list API wanting a short-lived token (`Authorization: Bearer …` the page asked `/api/auth/token` for), its later
 * pages replayed over HTTP: the token goes stale part-way. The refused page is no end
 * of the list: the seed is rendered again for a fresh token and the list read on from the refused page. Under load
 * the blind bearer-token portal (5-minute tokens, one host for all blind portals) ended `short` this way.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const A = '株洲市生态环境局';
/**
 * A token goes stale after a few list requests: a use budget stands in for the clock (real tokens live minutes), so
 * the list outlives its token the same way on an idle and on a loaded machine. The browser's rendering spends two
 * (page 1, and page 2 as it turns the pager to learn the paging), so each fresh token reads one page over HTTP.
 */
const USES = 3;
const LIFETIME_MS = 120_000;
const PER = 2;

interface Doc {
  id: number;
  title: string;
  year?: number;
}

/** Ten items, five pages of two: a report on each page, a trap beside it. */
const DOCS: Doc[] = [2024, 2023, 2022, 2021, 2020].flatMap((y, i) => [
  { id: 900 - 2 * i, title: `${A}${y}年政府信息公开工作年度报告`, year: y },
  { id: 899 - 2 * i, title: i % 2 ? `${A}${y}年部门决算` : `${y}年株洲市生态环境状况公报` },
]);

function tokenPortal(log: { issued: number; refused: number; pages: number[] }, refuseReplays = false): BlindPortal {
  const issued = new Map<string, number>();
  const used = new Map<string, number>();
  const art = (d: Doc) => `/sthjj/gknb/${d.id}.html`;
  const list = page(
    A,
    '政府信息公开年报',
    `<ul id="list"></ul><div id="pager"></div>
<script>
(function () {
  var token = null;
  function withToken(done) {
    if (token) return done(token);
    fetch('/sthjj/api/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"appId":"web"}' })
      .then(function (r) { return r.json(); })
      .then(function (res) { token = res.data.accessToken; done(token); });
  }
  function load(n) {
    withToken(function (t) {
      fetch('/sthjj/api/list?current=' + n + '&size=${PER}', { headers: { Authorization: 'Bearer ' + t } })
        .then(function (r) { return r.json(); })
        .then(function (res) {
          if (res.code !== 0) return;
          document.getElementById('list').innerHTML = res.data.records.map(function (r) { return '<li><a href="' + r.url + '">' + r.title + '</a></li>'; }).join('');
          var p = '';
          for (var i = 1; i <= res.data.pages; i++) p += i === n ? '<span>' + i + '</span>' : '<a href="javascript:;" data-page="' + i + '">' + i + '</a>';
          var pager = document.getElementById('pager');
          pager.innerHTML = p;
          pager.querySelectorAll('a').forEach(function (a) { a.onclick = function () { load(Number(a.getAttribute('data-page'))); }; });
        });
    });
  }
  load(1);
})();
</script>`,
  );
  const routes: Record<string, BlindRoute> = {
    'GET /sthjj/gknb/index.html': { body: list },
    'POST /sthjj/api/auth/token': () => {
      const t = randomBytes(8).toString('hex');
      issued.set(t, Date.now());
      log.issued += 1;
      return { type: 'application/json', body: JSON.stringify({ code: 0, data: { accessToken: t, expiresIn: LIFETIME_MS / 1000 } }) };
    },
    'GET /sthjj/api/list': (req) => {
      const t = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const at = t ? issued.get(t) : undefined;
      // refuseReplays: a token bound to the browser that asked it (a replay's X-Requested-With gives it away).
      if (t) used.set(t, (used.get(t) ?? 0) + 1);
      if (at === undefined || Date.now() - at > LIFETIME_MS || used.get(t!)! > USES || (refuseReplays && req.headers['x-requested-with'])) {
        log.refused += 1;
        return { status: 401, type: 'application/json', body: JSON.stringify({ code: 401, msg: '令牌已过期' }) };
      }
      const n = Number(req.url.searchParams.get('current') ?? 1);
      log.pages.push(n);
      const records = DOCS.slice((n - 1) * PER, n * PER).map((d) => ({ title: d.title, url: art(d) }));
      return { type: 'application/json', body: JSON.stringify({ code: 0, data: { records, pages: Math.ceil(DOCS.length / PER), current: n } }) };
    },
  };
  for (const d of DOCS) routes[`GET ${art(d)}`] = { body: detail(A, { title: d.title, publisher: A, date: `${(d.year ?? 2023) + 1}-01-20`, body: d.year ? reportText(A, `${d.year}年度`) : trapText(d.title) }) };
  return {
    id: 'token-refresh',
    pattern: `a list API wanting a Bearer token good for ${USES} list requests`,
    agency: { name: A, division: '430200', level: 'city', province: '湖南省', city: '株洲市' },
    seedPath: '/sthjj/gknb/index.html',
    expected: DOCS.flatMap((d) => (d.year ? [{ agency: A, year: d.year }] : [])),
    needsBrowser: true,
    routes,
  };
}

test('a token gone stale part-way: the seed is rendered again and the list read on from the refused page', { timeout: 240_000 }, async () => {
  const log = { issued: 0, refused: 0, pages: [] as number[] };
  const p = tokenPortal(log);
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-token-refresh-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    assert.ok(log.refused > 0, `the test must see a stale token refused (pages asked: ${log.pages.join(',')})`);
    assert.equal(crawl.code, 0, crawl.out + crawl.err);
    assert.ok(log.issued >= 2, 'the seed was rendered again for a fresh token');
    for (let n = 1; n <= 5; n += 1) assert.ok(log.pages.includes(n), `page ${n} was read (read: ${log.pages.join(',')})`);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const [seed] = (JSON.parse(status.out) as { seeds: { last: { status: string; reason: string | null } }[] }).seeds;
    assert.equal(seed!.last.status, 'ok', seed!.last.reason ?? '');
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    for (const y of [2024, 2023, 2022, 2021, 2020]) assert.match(csv, new RegExp(`${A},.*,${y},`), `${y} exported`);
  } finally {
    await portal.close();
  }
});

test('a token refused at once after a fresh rendering is no stale token: one refresh, then the seed is short', { timeout: 240_000 }, async () => {
  const log = { issued: 0, refused: 0, pages: [] as number[] };
  const p = tokenPortal(log, true);
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-token-bound-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    // Partial (exit 1): the page refused with the fresh token is a failed request, as any refused learned page.
    assert.equal(crawl.code, 1, crawl.out + crawl.err);
    assert.equal(log.issued, 2, 'rendered once for a fresh token, then no more');
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const [seed] = (JSON.parse(status.out) as { seeds: { last: { status: string; reason: string | null } }[] }).seeds;
    assert.equal(seed!.last.status, 'short');
    assert.match(seed!.last.reason ?? '', /its list API refused page \d \(HTTP 401\)/);
  } finally {
    await portal.close();
  }
});
