/**
 * The web view's routes (Hono). Every page is rendered on the server from the read-only catalog; responses carry a
 * Content-Security-Policy that allows only this origin's own scripts and styles, so even markup that slipped through
 * escaping could not run inline code or load anything from elsewhere.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { Catalog } from '../catalog/catalog.ts';
import type { ContentStore } from '../download/content-store.ts';
import { FileStore } from '../download/store.ts';
import { deadlineFor, COVERAGE_COLUMNS } from '../export/coverage.ts';
import { figureExportColumns, figureRecords } from '../export/figures.ts';
import { REPORT_FILE_COLUMNS } from '../export/report-files.ts';
import { loadAssets } from './assets.ts';
import { coverageRecords, toCsv } from './csv.ts';
import { html, type SafeHtml } from './html.ts';
import { KEY_FIGURES } from './key-figures.ts';
import { page } from './layout.ts';
import { ViewCatalog } from './page-data.ts';
import { BadRequest, idParam, intParam, searchText, type Params } from './params.ts';
import { agencyPage } from './views/agency.ts';
import { coveragePage } from './views/coverage.ts';
import { overviewPage } from './views/overview.ts';
import { reportPage } from './views/report.ts';
import { runPage } from './views/run.ts';
import { searchPage } from './views/search.ts';

/** Events listed on a run's page; the counts above them cover all. */
const RUN_EVENTS_SHOWN = 1000;

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  html: 'text/html; charset=utf-8',
  zip: 'application/zip',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export interface AppOptions {
  catalog: Catalog;
  /** The storage directory: stored files are `<storageDir>/<stored_path>` as the catalog records them. */
  storageDir: string;
  /** Where the stored files are read from; default the storage directory's own store. */
  store?: ContentStore;
  /** Agencies above which a country-wide state filter asks for a province (default COUNTRY_STATE_FILTER_LIMIT). */
  countryStateFilterLimit?: number;
}

function errorPage(status: number, message: string): SafeHtml {
  return page({ title: `${status}` }, html`<h1>${status === 404 ? 'Not found' : 'Bad request'}</h1><p>${message}</p><p><a href="/">Back to the overview</a></p>`);
}

function csv(c: Context, name: string, body: string): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(body);
}

export function createApp(opts: AppOptions): Hono {
  const v = new ViewCatalog(opts.catalog, opts.countryStateFilterLimit);
  const assets = loadAssets();
  const store = opts.store ?? new FileStore(opts.storageDir);
  const app = new Hono();
  const params = (c: Context): Params => c.req.query();
  const pageNo = (c: Context) => intParam(params(c), 'page', { min: 1, max: 1_000_000 }) ?? 1;

  app.use('*', async (c, next) => {
    await next();
    // A stored file sets its own, stricter policy (sandbox); everything else gets the page policy.
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.html(errorPage(400, err.message).value, 400);
    console.error(`serve: ${c.req.method} ${c.req.path}: ${(err as Error).stack ?? String(err)}`);
    return c.html(errorPage(500, 'Something went wrong while reading the catalog; the server log says what.').value, 500);
  });
  app.notFound((c) => c.html(errorPage(404, 'There is nothing at this address.').value, 404));

  app.get('/', (c) => {
    const figure = params(c).figure;
    if (figure && !KEY_FIGURES.some((f) => f.id === figure)) throw new BadRequest(`figure must be one of ${KEY_FIGURES.map((f) => f.id).join(', ')}`);
    return c.html(overviewPage(v.overviewData(figure)).value);
  });
  app.get('/overview/provinces.csv', (c) => {
    const figure = KEY_FIGURES.find((f) => f.id === (params(c).figure ?? KEY_FIGURES[0]!.id));
    if (!figure) throw new BadRequest(`figure must be one of ${KEY_FIGURES.map((f) => f.id).join(', ')}`);
    const rows = v.view.provinceFigure(figure).map((r) => ({ ...r, figure: figure.id, keys: figure.keys.join('+') }));
    return csv(c, `provinces-${figure.id}.csv`, toCsv(['province', 'year', 'figure', 'keys', 'value', 'reports'], rows));
  });

  app.get('/coverage', (c) => c.html(coveragePage(v.coverageData(params(c), pageNo(c))).value));
  app.get('/coverage.csv', (c) => {
    const f = v.filter(params(c));
    const years: number[] = [];
    for (let y = f.fromYear; y <= f.toYear; y++) years.push(y);
    const { rows } = v.coverage.agencies(f, { offset: 0, limit: -1 });
    const lines: Record<string, unknown>[] = [];
    // Cells in slices: one query per thousand agencies keeps the IN list small at national size.
    for (let i = 0; i < rows.length; i += 1000) {
      const slice = rows.slice(i, i + 1000);
      for (const l of coverageRecords(slice, v.coverage.cells(slice.map((a) => a.id), f.fromYear, f.toYear), years, deadlineFor)) {
        lines.push(l as unknown as Record<string, unknown>);
      }
    }
    return csv(c, `coverage-${f.fromYear}-${f.toYear}.csv`, toCsv(COVERAGE_COLUMNS, lines));
  });
  app.get('/coverage/regions.csv', (c) => {
    const f = v.filter(params(c));
    const rows = v.coverage.regionCounts(f).map((r) => ({ ...r, missing: Math.max(0, r.agencies - r.reports) }));
    const columns = ['region', 'year', 'agencies', 'reports', 'missing', 'on_time', 'late', 'undated', 'failing', 'unreadable', 'changed'];
    return csv(c, `regions-${f.fromYear}-${f.toYear}.csv`, toCsv(columns, rows));
  });

  app.get('/reports/:id', (c) => {
    const d = v.reportData(idParam(c.req.param('id')));
    return d ? c.html(reportPage(d).value) : c.notFound();
  });
  app.get('/reports/:id/figures.csv', (c) => {
    const id = idParam(c.req.param('id'));
    return csv(c, `report-${id}-figures.csv`, toCsv(figureExportColumns(), figureRecords(opts.catalog, v.view.reportFigureRows([id]))));
  });
  app.get('/reports/:id/files.csv', (c) => {
    const id = idParam(c.req.param('id'));
    return csv(c, `report-${id}-files.csv`, toCsv(REPORT_FILE_COLUMNS, v.view.reportFileExportRows([id]) as unknown as Record<string, unknown>[]));
  });

  app.get('/agencies/:id', (c) => {
    const d = v.agencyData(idParam(c.req.param('id')));
    return d ? c.html(agencyPage(d).value) : c.notFound();
  });
  app.get('/agencies/:id/figures.csv', (c) => {
    const id = idParam(c.req.param('id'));
    const ids = v.view.agencyYears(id).map((r) => r.report_id);
    return csv(c, `agency-${id}-figures.csv`, toCsv(figureExportColumns(), figureRecords(opts.catalog, v.view.reportFigureRows(ids))));
  });

  app.get('/runs/:id', (c) => {
    const id = idParam(c.req.param('id'));
    const run = opts.catalog.runs.get(id);
    if (!run) return c.notFound();
    return c.html(runPage({ run, counts: opts.catalog.runs.eventCounts(id), events: v.view.runEvents(id, RUN_EVENTS_SHOWN), limit: RUN_EVENTS_SHOWN }).value);
  });

  app.get('/search', (c) => c.html(searchPage(v.searchData(searchText(params(c)))).value));
  app.get('/search/agencies.csv', (c) => {
    const rows = v.searchData(searchText(params(c))).agencies;
    return csv(c, 'agencies.csv', toCsv(['id', 'name', 'matched_alias', 'province', 'city', 'county', 'level', 'discovered', 'reports'], rows as unknown as Record<string, unknown>[]));
  });
  app.get('/search/reports.csv', (c) => {
    const ids = v.searchData(searchText(params(c))).reports.map((r) => r.id);
    return csv(c, 'reports.csv', toCsv(REPORT_FILE_COLUMNS, v.view.reportFileExportRows(ids) as unknown as Record<string, unknown>[]));
  });
  app.get('/search/figures.csv', (c) => {
    const ids = v.searchData(searchText(params(c))).reports.map((r) => r.id);
    return csv(c, 'figures.csv', toCsv(figureExportColumns(), figureRecords(opts.catalog, v.view.reportFigureRows(ids))));
  });

  // Stored files by sha256 only: the request names a hash, the catalog names the path.
  app.get('/files/:sha256', async (c) => {
    const sha = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new BadRequest('a file is named by its sha256: 64 lowercase hex digits');
    const f = opts.catalog.files.get(sha);
    if (!f) return c.notFound();
    const body = await store.read(f.stored_path);
    if (!body) return c.notFound();
    // Always a download, never rendered here: a stored HTML page is someone else's markup.
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        'Content-Type': MEDIA_TYPES[f.media_type] ?? 'application/octet-stream',
        'Content-Length': String(f.size),
        'Content-Disposition': `attachment; filename="${sha}.${path.extname(f.stored_path).slice(1) || 'bin'}"`,
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.get('/static/:name', (c) => {
    const a = assets.get(c.req.param('name'));
    if (!a) return c.notFound();
    c.header('Content-Type', a.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(a.body));
  });
  app.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));

  return app;
}
