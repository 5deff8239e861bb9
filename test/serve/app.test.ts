/** The web view's routes, requested in-process (no browser): states, filters, escaping, safety, CSV columns. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { NoCatalogError } from '../../src/errors.ts';
import { COVERAGE_COLUMNS } from '../../src/export/coverage.ts';
import { figureExportColumns } from '../../src/export/figures.ts';
import { REPORT_FILE_COLUMNS } from '../../src/export/report-files.ts';
import { createApp } from '../../src/serve/app.ts';
import { tempDir } from '../helpers/tmp.ts';
import { buildViewCatalog, HOSTILE_TITLE, type ViewCatalog } from './view-catalog.ts';

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// Built at the top level: a temp dir made inside a before() hook would be removed when that hook ends.
const v: ViewCatalog = buildViewCatalog(tempDir());
const catalogHash = hashOf(storagePaths(v.storage).catalog);
const catalog: Catalog = Catalog.openReadOnly(storagePaths(v.storage).catalog);
const app: Hono = createApp({ catalog, storageDir: v.storage });
after(() => catalog.close());

async function get(url: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await app.request(url);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** The data-state of the grid cell of an agency and year. */
function cellState(body: string, agencyId: number, year: number): string | undefined {
  const row = body.match(new RegExp(`<tr data-agency="${agencyId}">([\\s\\S]*?)</tr>`))?.[1];
  return row?.match(new RegExp(`data-year="${year}" data-state="([^"]*)"`))?.[1];
}

describe('coverage grid', () => {
  test('every cell has the right states, late decided by publication date', async () => {
    const r = await get('/coverage?from=2020&to=2024');
    assert.equal(r.status, 200);
    const { ids } = v;
    assert.equal(cellState(r.body, ids.luoyang, 2022), 'on_time');
    assert.equal(cellState(r.body, ids.luoyang, 2023), 'late');
    assert.equal(cellState(r.body, ids.yiyangHealth, 2023), 'late', 'late by the file date');
    assert.equal(cellState(r.body, ids.yiyangGov, 2023), 'failing on_time', 'first seen long after, still on time');
    assert.equal(cellState(r.body, ids.yiyangGov, 2022), 'unreadable on_time');
    assert.equal(cellState(r.body, ids.yiyangEdu, 2023), 'changed on_time');
    assert.equal(cellState(r.body, ids.yiyangGov, 2024), 'missing');
    assert.equal(cellState(r.body, ids.jiangxi, 2020), 'on_time');
    assert.match(r.body, new RegExp(`href="/reports/${v.reports.failing}"`));
  });

  test('filters: state, origin, level and region, with counts per child region', async () => {
    const agenciesIn = (body: string) => [...body.matchAll(/<tr data-agency="(\d+)">/g)].map((m) => Number(m[1])).sort();
    const late = await get('/coverage?state=late&from=2020&to=2024');
    assert.deepEqual(agenciesIn(late.body), [v.ids.luoyang, v.ids.yiyangHealth].sort());
    const discovered = await get('/coverage?origin=discovered');
    assert.deepEqual(agenciesIn(discovered.body), [v.ids.yiyangEdu]);
    const county = await get(`/coverage?level=county&state=missing&from=2023&to=2024`);
    assert.deepEqual(agenciesIn(county.body), [v.ids.yiyangGov, v.ids.yiyangHealth, v.ids.yiyangEdu].sort());
    const city = await get(`/coverage?province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('洛阳市')}`);
    assert.deepEqual(agenciesIn(city.body), [v.ids.luoyang, v.ids.ndrc, v.ids.yiyangGov, v.ids.yiyangHealth, v.ids.yiyangEdu].sort());
    // Counts: 宜阳县 is a child region (drill-down link), 洛阳市's own agencies are a row of their own.
    assert.match(city.body, /<a href="\/coverage\?province=%E6%B2%B3%E5%8D%97%E7%9C%81&amp;city=%E6%B4%9B%E9%98%B3%E5%B8%82&amp;county=%E5%AE%9C%E9%98%B3%E5%8E%BF[^"]*">宜阳县<\/a>/);
    assert.match(city.body, /\(洛阳市 itself\)/);
    const regions = await get(`/coverage/regions.csv?province=${encodeURIComponent('河南省')}&city=${encodeURIComponent('洛阳市')}&from=2023&to=2023`);
    const lines = regions.body.trim().split('\r\n');
    assert.equal(lines[0], 'region,year,agencies,reports,missing,on_time,late,undated,failing,unreadable,changed');
    assert.ok(lines.includes('宜阳县,2023,3,3,0,2,1,0,1,0,1'), regions.body);
  });

  test('a country-wide state filter over too many agencies asks for a province instead of reading every report', async () => {
    const strict = createApp({ catalog, storageDir: v.storage, countryStateFilterLimit: 3 });
    const body = await (await strict.request('/coverage?state=late')).text();
    assert.match(body, /Filtering 6 agencies by state at once reads every report of the country: choose a province/);
    assert.doesNotMatch(body, /<tr data-agency=/);
    const henan = await (await strict.request(`/coverage?state=late&province=${encodeURIComponent('河南省')}`)).text();
    assert.match(henan, new RegExp(`<tr data-agency="${v.ids.luoyang}">`));
  });

  test('bad filter values are a 400 that says what is wrong', async () => {
    for (const [url, message] of [
      ['/coverage?from=abc', /from must be a whole number/],
      ['/coverage?state=nice', /state must be one of/],
      ['/coverage?city=x', /a city needs its province/],
      ['/coverage?from=2024&to=2020', /after to/],
      ['/reports/abc', /not an id/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.status, 400, url);
      assert.match(r.body, message);
    }
    assert.equal((await get('/reports/99999')).status, 404);
  });
});

describe('report page', () => {
  test('the three tables in the report’s format, the failing sum marked in place with its numbers', async () => {
    const r = await get(`/reports/${v.reports.failing}`);
    assert.equal(r.status, 200);
    assert.match(r.body, /三、收到和处理政府信息公开申请情况/);
    assert.match(r.body, /本年制发件数/, '2021 format section 二');
    assert.match(r.body, /<td class="num fail" data-key="s3.new_received.total" title="s3.row_total s3.new_received: 总计 printed 13, 自然人 \+ 法人或其他组织 add up to 12">13<\/td>/);
    assert.match(r.body, /<tr class="fail" data-rule="s3.row_total" data-scope="s3.new_received">/);
    assert.match(r.body, new RegExp(`href="/files/${v.failingSha}"`));
    const old = await get(`/reports/${v.reports.old2019}`);
    assert.match(old.body, /本年新制作数量/, '2019 format section 二');
    assert.match(old.body, /（六）其他处理<\/th>/);
    assert.doesNotMatch(old.body, /class="num fail"/);
  });

  test('late by the file date says so; a changed file shows its versions', async () => {
    const late = await get(`/reports/${v.reports.lateFile}`);
    assert.match(late.body, /2024-02-03 \(the file’s own date; the page gives none\) · deadline 2024-01-31/);
    const changed = await get(`/reports/${v.reports.changed}`);
    assert.match(changed.body, /replaced by a later version/);
    assert.match(changed.body, /<td>changed<\/td>/);
  });

  test('a hostile title is text: escaped in the page, the grid and the search', async () => {
    for (const url of [`/reports/${v.reports.hostile}`, `/agencies/${v.ids.ndrc}`, `/search?q=${encodeURIComponent('发展和改革')}`]) {
      const r = await get(url);
      assert.equal(r.status, 200, url);
      assert.ok(!r.body.includes('<script>window.__pwned'), url);
      assert.ok(!r.body.includes('<img src=x'), url);
      assert.ok(r.body.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&quot;'), url);
    }
    assert.ok(HOSTILE_TITLE.includes('<script>'));
  });
});

describe('safety', () => {
  test('every page carries the Content-Security-Policy; no inline script anywhere', async () => {
    for (const url of ['/', '/coverage', `/reports/${v.reports.failing}`, `/agencies/${v.ids.luoyang}`, '/search?q=x', '/nothing-here']) {
      const r = await get(url);
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'; style-src 'self'/, url);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc="\/static\/)/, `${url}: only local script files`);
      assert.doesNotMatch(r.body, /(src|href)="(https?:)?\/\/(?!gov\.test)/, `${url}: nothing from elsewhere`);
    }
  });

  test('files are served only by sha256, as downloads in a sandbox', async () => {
    const ok = await app.request(`/files/${v.failingSha}`);
    assert.equal(ok.status, 200);
    assert.equal(Buffer.from(await ok.arrayBuffer()).toString(), '%PDF-1.4 yiyang 2023 failing');
    assert.equal(ok.headers.get('content-type'), 'application/pdf');
    assert.match(ok.headers.get('content-disposition') ?? '', /^attachment; filename="[0-9a-f]{64}\.pdf"$/);
    assert.match(ok.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.equal((await get(`/files/${'0'.repeat(64)}`)).status, 404);
    for (const bad of ['/files/..%2F..%2Fcatalog.sqlite', `/files/${v.failingSha.toUpperCase()}`, '/files/catalog.sqlite']) {
      assert.equal((await get(bad)).status, 400, bad);
    }
    assert.equal((await get('/files/../catalog.sqlite')).status, 404);
    assert.equal((await get('/static/..%2Fapp.ts')).status, 404);
  });

  test('the catalog is opened read-only and left byte for byte as it was', async () => {
    assert.throws(() => catalog.db.prepare('DELETE FROM reports').run(), /readonly/i);
    for (const url of ['/', '/coverage', `/reports/${v.reports.failing}`, '/coverage.csv']) await get(url);
    assert.equal(hashOf(storagePaths(v.storage).catalog), catalogHash);
  });

  test('no catalog: one clear error', () => {
    const dir = tempDir();
    assert.throws(() => Catalog.openReadOnly(path.join(dir, 'catalog.sqlite')), (err: unknown) => err instanceof NoCatalogError && /no catalog at .*catalog\.sqlite: check --storage/.test((err as Error).message));
  });
});

describe('country-wide numbers', () => {
  test('the first request of the overview and of the country grid shows every number: nothing to wait or reload for', async () => {
    const fresh = createApp({ catalog, storageDir: v.storage });
    const overview = await (await fresh.request('/')).text();
    assert.doesNotMatch(overview, /http-equiv="refresh"|Being computed/);
    assert.match(overview, /<b>9<\/b>reports/);
    const country = await (await fresh.request('/coverage?from=2020&to=2024')).text();
    assert.doesNotMatch(country, /http-equiv="refresh"|Counting every report/);
    assert.match(country, /<table class="counts">/);
    assert.match(country, new RegExp(`<tr data-agency="${v.ids.luoyang}">`));
  });
});

describe('runs', () => {
  test('the overview links the latest runs; a run lists what it saw, linked to the reports', async () => {
    const overview = await get('/');
    assert.match(overview.body, /<a href="\/runs\/1">1<\/a>/);
    const run = await get('/runs/1');
    assert.equal(run.status, 200);
    assert.match(run.body, /<dt>Events<\/dt><dd>changed 1 · new_report 9<\/dd>/);
    assert.match(run.body, new RegExp(`<td>changed</td><td>gov.test</td><td class="url">http://gov.test/yy/jyj/2023.docx</td><td><a href="/reports/${v.reports.changed}">`));
    assert.equal((await get('/runs/77')).status, 404);
  });
});

describe('search and CSV downloads', () => {
  test('search finds agencies by former names and reports by title', async () => {
    const r = await get(`/search?q=${encodeURIComponent('人民防空')}`);
    assert.match(r.body, new RegExp(`<a href="/agencies/${v.ids.jiangxi}">江西省国防动员办公室</a> <span class="muted">\\(formerly 江西省人民防空办公室\\)`));
    assert.match(r.body, new RegExp(`<a href="/reports/${v.reports.old2019}">江西省人民防空办公室2020年`));
    const none = await get(`/search?q=${encodeURIComponent('100%_')}`);
    assert.match(none.body, /Agencies \(0\)/);
  });

  test('downloads have the export’s columns and the page’s filters', async () => {
    const header = (body: string) => body.split('\r\n')[0];
    const cov = await get('/coverage.csv?state=late&from=2023&to=2023');
    assert.equal(cov.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(header(cov.body), COVERAGE_COLUMNS.join(','));
    const rows = cov.body.trim().split('\r\n').slice(1);
    assert.equal(rows.length, 2, cov.body);
    assert.ok(rows.some((l) => l.startsWith('宜阳县卫生健康委员会,') && l.includes(',2024-01-31,yes,yes,') && l.endsWith(',2024-02-03,file')), cov.body);
    const figures = await get(`/agencies/${v.ids.luoyang}/figures.csv`);
    assert.equal(header(figures.body), figureExportColumns().join(','));
    assert.equal(figures.body.trim().split('\r\n').length, 4);
    const files = await get(`/search/reports.csv?q=${encodeURIComponent('宜阳县教育局')}`);
    assert.equal(header(files.body), REPORT_FILE_COLUMNS.join(','));
    assert.equal(files.body.trim().split('\r\n').length, 3, 'two versions of the one attachment');
    const hostile = await get(`/reports/${v.reports.hostile}/figures.csv`);
    assert.match(hostile.body, /"<script>window.__pwned = 1<\/script>""><img src=x onerror=""window.__pwned = 2"">/);
  });
});
