/**
 * The hot queries of a national catalog use their indices (issue 12): each query is issued by the code itself on a
 * small synthetic catalog (the statements are recorded, not copied), and SQLite's plan for it must read no large
 * table whole and build no automatic index; the streaming exports must not sort their whole result. The catalog
 * has no ANALYZE statistics, as a user's catalog has none: these are the plans users get.
 *
 * Dropping an index of migration 006 makes the queries it serves fail here (checked by hand for each index).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { GUESSED_YEAR_LIKE } from '../../src/crawl/classify/year.ts';
import { CoverageViewQueries } from '../../src/catalog/coverage-view-queries.ts';
import { KEY_FIGURES } from '../../src/catalog/key-figures.ts';
import { openDb } from '../../src/catalog/db.ts';
import { fillNationalCatalog, SMALL, type NationalSize } from '../../src/catalog/synthetic-national.ts';
import { ViewQueries } from '../../src/catalog/view-queries.ts';
import { figureExportRecords, figureRecords } from '../../src/export/figures.ts';
import { reportFileRecords } from '../../src/export/report-files.ts';
import { syncRegistry } from '../../src/registry/sync.ts';
import { fullScans, planText, queryPlan, recordStatements, sortsEverything, type IssuedStatement } from '../../bench/catalog-statements.ts';
import { tempDir } from '../helpers/tmp.ts';

// A few hundred agencies: enough rows of every kind for the planner to see real tables, built in a second.
const TINY: NationalSize = { ...SMALL, provinces: 2, citiesPerProvince: 2, countiesPerCity: 2, runs: 4, eventsPerRun: 10 };

let catalog: Catalog;

before(() => {
  const file = path.join(tempDir('nianbao-plans-'), 'catalog.sqlite');
  const db = openDb(file);
  fillNationalCatalog(db, TINY);
  db.close();
  catalog = Catalog.open(file);
});
after(() => catalog.close());

/** The statements `fn` issues; generators are advanced once so their statement runs. */
function issued(fn: (c: Catalog) => unknown): IssuedStatement[] {
  const { statements } = recordStatements(catalog.db, () => {
    const out = fn(catalog);
    const it = out as Partial<Iterator<unknown>> | undefined;
    if (it && typeof it === 'object' && typeof it.next === 'function') {
      it.next();
      it.return?.();
    }
  });
  assert.ok(statements.length > 0, 'the code issued no statement');
  return statements;
}

function assertIndexed(statements: IssuedStatement[], opts: { streams?: boolean; allow?: RegExp } = {}): void {
  for (const s of statements) {
    const plan = queryPlan(catalog.db, s);
    const bad = fullScans(plan, s.sql).filter((d) => !opts.allow?.test(d));
    const why = `\n${s.sql.trim()}\n--- plan ---\n${planText(plan)}`;
    assert.deepEqual(bad, [], `full read of a large table:${why}`);
    if (opts.streams) assert.ok(!sortsEverything(plan), `sorts its whole result before the first row:${why}`);
  }
}

function anyRow<T>(sql: string): T {
  return catalog.db.prepare(sql).get() as T;
}

test('export and export --figures stream in order through the agencies index, any filter', () => {
  for (const filter of [{}, { year: 2024 }, { province: '北京市' }, { province: '11' }, { province: '11', year: 2020 }]) {
    assertIndexed(issued((c) => c.exports.reportFiles(filter)), { streams: true });
    // The figures export reads each report's best rendition, its checks and the report's cross-year checks.
    assertIndexed(issued((c) => figureRecords(c, c.exports.reportFigures(filter))), { streams: true });
    // The commands' writers: the same walk as raw rows, the figures packed and the checks probed per report.
    assertIndexed(issued((c) => reportFileRecords(c, filter)), { streams: true });
    assertIndexed(issued((c) => figureExportRecords(c, filter)), { streams: true });
  }
});

test('export joins each link to its file by integer key and takes every row in order from the indices, no sort', () => {
  // Migration 010: by hash, each row searched the hash index and then the files table; by file_id, the table only.
  // a.id in the ORDER BY and report_files_export let the walk come out in order without any temp B-tree.
  for (const filter of [{}, { year: 2024 }, { province: '11' }]) {
    const [files] = issued((c) => reportFileRecords(c, filter)).filter((s) => /^\s*SELECT/i.test(s.sql));
    assert.ok(files);
    const plan = planText(queryPlan(catalog.db, files));
    assert.match(plan, /SEARCH f USING INTEGER PRIMARY KEY/, plan);
    assert.match(plan, /SEARCH rf USING INDEX report_files_export/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    for (const s of issued((c) => figureExportRecords(c, filter)).filter((x) => /^\s*SELECT/i.test(x.sql))) {
      assert.doesNotMatch(planText(queryPlan(catalog.db, s)), /TEMP B-TREE/, s.sql);
    }
  }
});

test('coverage --year (whole country and one province) walks agencies by index and looks each report up', () => {
  assertIndexed(issued((c) => c.status.coverage(2024)));
  assertIndexed(issued((c) => c.status.coverage(2024, { province: '11', includeDiscovered: true })));
  // The terminal table's rows, and each report's key-figure row by its primary key (not a scan of the 600k).
  assertIndexed(issued((c) => c.status.iterateCoverageBrief(2024)), { streams: true });
  assertIndexed(issued((c) => c.status.iterateCoverage(2024, { province: '11' })), { streams: true });
});

test("migration 007's triggers find the reports a write concerns through an index", () => {
  // The triggers' look-ups, read from the schema as the catalog has them (NEW.x and OLD.x become parameters):
  // dropping report_files_url, report_files_sha or report_key_figures_agency makes a crawl's every URL write or an
  // agency's update read a whole table.
  const triggers = catalog.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_key_figures_%'").all() as { name: string; sql: string }[];
  assert.ok(triggers.length >= 8, 'the triggers of migration 007');
  let checked = 0;
  for (const t of triggers) {
    const body = t.sql.slice(t.sql.indexOf(' BEGIN') + 6, t.sql.lastIndexOf('END'));
    for (const statement of body.split(';').map((x) => x.trim()).filter(Boolean)) {
      // Each statement as the read it does: DELETE FROM t WHERE … reads t WHERE …; INSERT … SELECT reads its SELECT.
      const read = statement.replace(/^DELETE FROM (\w+)/, 'SELECT 1 FROM $1').replace(/^INSERT INTO \w+ (SELECT)/, '$1').replace(/\b(?:NEW|OLD)\.\w+/g, '?');
      assert.match(read, /^SELECT /, `${t.name}: ${statement}`);
      const params = Array.from({ length: (read.match(/\?/g) ?? []).length }, () => 1);
      assertIndexed([{ sql: read, params }]);
      checked += 1;
    }
  }
  assert.ok(checked >= 15, `look-ups checked: ${checked}`);
});

test('status counts from indices and reads only failed URLs', () => {
  const runId = anyRow<{ id: number }>('SELECT max(id) AS id FROM runs').id;
  assertIndexed(issued((c) => c.status.countsByState()));
  assertIndexed(issued((c) => c.status.failingHosts(20)));
  assertIndexed(issued((c) => c.runs.recent(5)));
  assertIndexed(issued((c) => c.runs.eventCounts(runId)));
  assertIndexed(issued((c) => c.runs.events(runId, 'seed_empty')));
  assertIndexed(issued((c) => c.runs.guessedReports(runId, GUESSED_YEAR_LIKE)));
});

test("a nightly run's start: registry sync, unfinished runs, and the recrawl look-ups of known URLs", () => {
  const known = anyRow<{ name: string; province: string; url: string }>(
    'SELECT a.name, a.province, s.url FROM seed_entries s JOIN agencies a ON a.id = s.agency_id ORDER BY s.id LIMIT 1',
  );
  const seeds = [
    { name: known.name, province: known.province, aliases: [], entries: [{ url: known.url, family: 'auto' as const, render: 'auto' as const }], seedsFile: 'seeds/plans.yaml' },
    { name: '测试县新设局', province: known.province, aliases: ['测试县旧局'], entries: [{ url: 'http://new.example.test/nb/', family: 'auto' as const, render: 'auto' as const }], seedsFile: 'seeds/plans.yaml' },
  ];
  assertIndexed(issued((c) => syncRegistry(c, seeds)));
  assertIndexed(issued((c) => c.runs.unfinishedOfJob('crawl', 0)));
  const page = anyRow<{ page_url: string }>('SELECT page_url FROM report_sources ORDER BY id LIMIT 1').page_url;
  const file = anyRow<{ url: string; sha256: string }>("SELECT url, sha256 FROM report_files WHERE role = 'attachment' LIMIT 1");
  assertIndexed(issued((c) => c.urls.get(page)));
  assertIndexed(issued((c) => c.reports.bySourceUrl(page)));
  assertIndexed(issued((c) => c.files.get(file.sha256)));
  // After the crawl, extraction reads its queue by state.
  assertIndexed(issued((c) => c.extractions.due()));
  assertIndexed(issued((c) => c.extractions.due({ retryFailed: true })));
});

test("the web view's pages: region grid, report, agency; the overview's aggregates read reports through indices", () => {
  const region = anyRow<{ province: string; city: string; county: string }>("SELECT province, city, county FROM agencies WHERE level = 'county' LIMIT 1");
  const report = anyRow<{ id: number; agency_id: number }>('SELECT id, agency_id FROM reports ORDER BY id LIMIT 1');
  const cov = (c: Catalog) => new CoverageViewQueries(c.db);
  const view = (c: Catalog) => new ViewQueries(c.db);
  const filters = [
    { region: { province: region.province }, fromYear: 2018, toYear: 2025 },
    { region: { province: region.province, city: region.city }, fromYear: 2018, toYear: 2025 },
    { region: region, fromYear: 2018, toYear: 2025, state: 'late' as const },
  ];
  for (const f of filters) {
    assertIndexed(issued((c) => cov(c).agencies(f, { offset: 0, limit: 50 })));
    assertIndexed(issued((c) => cov(c).regionCounts(f)));
  }
  assertIndexed(issued((c) => cov(c).cells([report.agency_id], 2018, 2025)));
  assertIndexed(issued((c) => cov(c).reportYears()));
  assertIndexed(issued((c) => view(c).reportState(report.id)));
  assertIndexed(issued((c) => view(c).files(report.id)));
  assertIndexed(issued((c) => view(c).sources(report.id)));
  assertIndexed(issued((c) => view(c).events(report.id)));
  assertIndexed(issued((c) => view(c).agencyYears(report.agency_id)));
  assertIndexed(issued((c) => view(c).agencyKeyFigures(report.agency_id)));
  // The country's numbers read the summaries of migration 007 (a few thousand rows), never the reports.
  assertIndexed(issued((c) => view(c).reportsPerYear()));
  assertIndexed(issued((c) => view(c).overviewTotals()));
  assertIndexed(issued((c) => view(c).provinceFigure(KEY_FIGURES[3]!)));
  const country = { region: {}, fromYear: 2018, toYear: 2025 };
  assertIndexed(issued((c) => cov(c).regionCounts(country)));
  // A state filter over the whole country probes each agency's key-figure rows (index report_key_figures_agency).
  for (const state of ['late', 'missing'] as const) assertIndexed(issued((c) => cov(c).agencies({ ...country, state }, { offset: 0, limit: 50 })));
});

test("the crawl frontier's queue rows: each request written, cleared and read back by its key or its queue's", () => {
  // One row per request of a national run in progress (millions in a backfill): every statement of the frontier
  // must reach its rows through the primary key (job, queue, unique_key), never read the table whole.
  const row = { uniqueKey: 'http://example.gov.cn/a.html', seq: 1, request: '{}' };
  assertIndexed(issued((c) => c.frontier.add('crawl', 'example.gov.cn', [row])));
  assertIndexed(issued((c) => c.frontier.update('crawl', 'example.gov.cn', row.uniqueKey, 2, '{}')));
  assertIndexed(issued((c) => c.frontier.handled('crawl', 'example.gov.cn', row.uniqueKey)));
  // One host's queue, loaded whole when its host starts: its own rows sorted, no stream needed.
  assertIndexed(issued((c) => c.frontier.load('crawl', 'example.gov.cn')));
  assertIndexed(issued((c) => c.frontier.pendingQueues('crawl')));
  assertIndexed(issued((c) => c.frontier.drop('crawl')));
});

test('the checker itself: a query without an index is caught', () => {
  // url_state has no index on last_ok_at: the plan reads the whole table, and fullScans says so.
  const [s] = recordStatements(catalog.db, () => catalog.db.prepare('SELECT url FROM url_state WHERE last_ok_at = ?').all('x')).statements;
  assert.ok(s);
  assert.deepEqual(fullScans(queryPlan(catalog.db, s), s.sql).length, 1);
});
