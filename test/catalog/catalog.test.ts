import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { GUESSED_YEAR_LIKE } from '../../src/crawl/classify/year.ts';
import { tempDir } from '../helpers/tmp.ts';

function fresh(): Catalog {
  return Catalog.open(path.join(tempDir(), 'catalog.sqlite'));
}

function agency(c: Catalog) {
  return c.agencies.upsert({ name: '宜春市国防动员办公室', nameKey: '宜春市国防动员办公室', division: '360900', level: 'city', province: '江西省', city: '宜春市' });
}

test('one report per agency and year; each page it is found on is a source', () => {
  const c = fresh();
  const a = agency(c);
  const first = c.reports.sight({ agencyId: a.id, year: 2023, title: 'T（重新发布）', pageUrl: 'http://h/2.html', publishedAt: '2024-01-15' });
  const second = c.reports.sight({ agencyId: a.id, year: 2023, title: 'T', pageUrl: 'http://h/1.html', publishedAt: '2023-12-20' });
  const again = c.reports.sight({ agencyId: a.id, year: 2023, title: 'T', pageUrl: 'http://h/1.html', publishedAt: '2023-12-20' });
  assert.equal(first.newReport, true);
  assert.equal(second.newReport, false);
  assert.equal(second.newSource, true);
  assert.equal(again.newSource, false);
  assert.equal(c.reports.all().length, 1);
  assert.equal(c.reports.sources(first.report.id).length, 2);
  // The earliest publication gives the report its title and page.
  assert.equal(c.reports.byId(first.report.id)!.title, 'T');
  assert.equal(c.reports.byId(first.report.id)!.published_at, '2023-12-20');
});

test('a file is one row whatever the number of URLs; linking twice adds no row', () => {
  const c = fresh();
  const a = agency(c);
  const r = c.reports.sight({ agencyId: a.id, year: 2023, title: 'T', pageUrl: 'http://h/1.html' }).report;
  const f = { sha256: 'a'.repeat(64), size: 10, mediaType: 'pdf', storedPath: 'files/aa/x.pdf' };
  assert.equal(c.files.add(f), true);
  assert.equal(c.files.add(f), false);
  const link = { reportId: r.id, sha256: f.sha256, url: 'http://h/P01.pdf', fileName: '年报.pdf', role: 'attachment' as const, sourceUrl: 'http://h/1.html' };
  assert.equal(c.reports.linkFile(link), true);
  assert.equal(c.reports.linkFile(link), false);
  c.reports.linkFile({ ...link, url: 'http://h/P02.pdf' });
  assert.equal(c.files.count(), 1);
  assert.equal(c.reports.files(r.id).length, 2);
});

test('foreign keys and checks hold: no link to an unknown file, no unknown status', () => {
  const c = fresh();
  const a = agency(c);
  const r = c.reports.sight({ agencyId: a.id, year: 2023, title: 'T', pageUrl: 'http://h/1.html' }).report;
  assert.throws(() => c.reports.linkFile({ reportId: r.id, sha256: 'b'.repeat(64), url: 'u', fileName: null, role: 'page', sourceUrl: 'u' }), /FOREIGN KEY/);
  c.files.add({ sha256: 'c'.repeat(64), size: 1, mediaType: 'pdf', storedPath: 'p' });
  assert.throws(() => c.db.prepare(`UPDATE files SET extraction_status = 'done'`).run(), /CHECK/);
});

test('a URL keeps its validators and last good bytes through a later failure', () => {
  const c = fresh();
  c.urls.record({ url: 'http://h/a.pdf', host: 'h', status: 200, outcome: 'ok', etag: '"e1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', sha256: 'd'.repeat(64) });
  c.urls.record({ url: 'http://h/a.pdf', host: 'h', status: 503, outcome: 'failed', reason: 'server' });
  const s = c.urls.get('http://h/a.pdf')!;
  assert.equal(s.outcome, 'failed');
  assert.equal(s.etag, '"e1"');
  assert.equal(s.sha256, 'd'.repeat(64));
  assert.ok(s.last_ok_at);
});

test('aliases: an agency keeps one identity; a name key belongs to one agency', () => {
  const c = fresh();
  const a = agency(c);
  assert.equal(c.agencies.addAlias(a.id, { alias: '宜春市人民防空办公室', nameKey: '宜春市人民防空办公室' }), true);
  assert.equal(c.agencies.byNameKey('宜春市人民防空办公室')!.id, a.id);
  const b = c.agencies.upsert({ name: '周口市国防动员办公室', nameKey: '周口市国防动员办公室' });
  assert.equal(c.agencies.addAlias(b.id, { alias: '宜春市人民防空办公室', nameKey: '宜春市人民防空办公室' }), false);
  // Upserting by an alias updates the same agency (renamed canonical name), keeping the old name as an alias.
  const renamed = c.agencies.upsert({ name: '宜春市人民防空办公室', nameKey: '宜春市人民防空办公室', division: '360900' });
  assert.equal(renamed.id, a.id);
  assert.ok(c.agencies.aliases(a.id).some((x) => x.alias === '宜春市国防动员办公室'));
});

test('runs record events and counts; a killed run of a job is found and later marked interrupted', () => {
  const c = fresh();
  const killed = c.runs.start('crawl', { job: 'crawl' });
  const run = c.runs.start('crawl', { job: 'crawl' });
  assert.equal(c.runs.unfinishedOfJob('crawl', run), killed);
  c.runs.event(run, { kind: 'new_report', url: 'u' });
  c.runs.event(run, { kind: 'gone', url: 'v' });
  c.runs.finish(run, 'ok', { pages: 3 });
  c.runs.markInterrupted('crawl', run);
  assert.deepEqual(c.runs.eventCounts(run), { gone: 1, new_report: 1 });
  assert.equal(c.runs.get(killed)!.status, 'interrupted');
  assert.equal(c.runs.get(run)!.status, 'ok');
});

test("a run's new reports catalogued on a guess are counted: under the seed's agency, or with the year guessed from the date", () => {
  const c = fresh();
  const a = agency(c);
  const run = c.runs.start('crawl', { job: 'crawl' });
  const seen = [
    { year: 2023, title: '政府信息公开工作年度报告（2023年度：据发布日期2024-01-18推定）', attribution: 'seed' as const },
    { year: 2022, title: '宜春市国防动员办公室2022年政府信息公开工作年度报告', attribution: 'seed' as const },
    { year: 2021, title: '宜春市国防动员办公室2021年政府信息公开工作年度报告', attribution: 'title' as const },
  ].map((r, i) => c.reports.sight({ agencyId: a.id, ...r, pageUrl: `http://h/${i}.html` }));
  for (const s of seen) c.runs.event(run, { kind: 'new_report', url: s.report.page_url, reportId: s.report.id });
  assert.deepEqual(c.runs.guessedReports(run, GUESSED_YEAR_LIKE), { seedAgency: 2, guessedYear: 1 });
  // Another run's reports are not this one's.
  assert.deepEqual(c.runs.guessedReports(c.runs.start('crawl', { job: 'crawl' }), GUESSED_YEAR_LIKE), { seedAgency: 0, guessedYear: 0 });
});
