/**
 * The fast export writers (raw rows, table-driven cells, figures packed by SQLite) write exactly the bytes of a
 * straightforward reference: object rows from the catalog's plain queries, every cell through neutralise and the
 * RFC 4180 rule, one record at a time. The catalog holds awkward values in every column the exports show: commas,
 * quotes, line breaks, formula starts, empty and null cells, Chinese, numbers as text, and figures that are
 * fractions, negative, huge, null, unreadable or of no template.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import type { CheckRecord } from '../../src/catalog/extractions.ts';
import type { ExportFilter } from '../../src/catalog/export-queries.ts';
import { csvCell, neutralise } from '../../src/export/csv.ts';
import { exportFigures, figureColumns, figureExportColumns, figureRecords } from '../../src/export/figures.ts';
import { exportReportFiles, REPORT_FILE_COLUMNS } from '../../src/export/report-files.ts';
import { RULES } from '../../src/extract/checks.ts';
import { tempDir } from '../helpers/tmp.ts';

/** The reference: each cell neutralised, then quoted when it holds a comma, quote or line break. */
function referenceCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>, bom = false): string {
  const field = (v: unknown) => {
    const s = neutralise(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  let out = `${bom ? '\ufeff' : ''}${columns.map(field).join(',')}\r\n`;
  for (const row of rows) out += `${columns.map((c) => field(row[c])).join(',')}\r\n`;
  return out;
}

const dir = tempDir('nianbao-export-identity-');
const catalog = Catalog.open(path.join(dir, 'catalog.sqlite'));
after(() => catalog.close());

let n = 0;
const sha = () => (++n).toString(16).padStart(64, 'a');
const [first, second, third] = figureColumns() as [string, string, string];

const check = (rule: string, scope: string, expected: number | null, actual: number | null, ok: boolean | null): CheckRecord => ({ rule, scope, expected, actual, ok });

catalog.tx(() => {
  const agency = (name: string, province: string | null, city: string | null, county: string | null, division: string | null, discovered = false) =>
    catalog.agencies.upsert({ name, nameKey: name, province, city, county, division, discovered }).id;
  const agencies = [
    agency('宜春市"国防",动员办公室', '江西省', '宜春市', null, '360900'),
    agency('=HYPERLINK("http://x","点我")局', '江西省', '宜春市', '袁州区', '360902', true),
    agency('-2+3 办公室', '江西省', null, null, '360000'),
    agency('换行\n局', null, null, null, null),
    agency('北京市@统计局', '北京市', null, null, '110000'),
    agency('0012', '北京市', '', '', ''),
  ];
  const titles = ['2023年度报告, 含逗号', '"引号"年度报告', '第一行\r\n第二行', '', '+1+cmd|', '12345', '\t制表年度报告', '普通的政府信息公开工作年度报告'];
  let t = 0;
  for (const [i, agencyId] of agencies.entries()) {
    for (const year of [2022, 2023]) {
      const title = titles[t++ % titles.length]!;
      const pageUrl = `http://gov.test/${i}/${year}/a,b"c.html`;
      const report = catalog.reports.sight({ agencyId, year, title, pageUrl, publishedAt: year === 2023 ? `${year}-01-20` : null, attribution: i % 2 ? 'title' : null }).report;
      const page = sha();
      catalog.files.add({ sha256: page, size: 1000 + i, mediaType: 'text/html', storedPath: `files/${page}.html` });
      catalog.reports.linkFile({ reportId: report.id, sha256: page, url: pageUrl, fileName: null, role: 'page', sourceUrl: pageUrl });
      const pdf = sha();
      catalog.files.add({ sha256: pdf, size: 0, mediaType: 'application/pdf', storedPath: `files/x,y/${pdf}.pdf` });
      catalog.reports.linkFile({ reportId: report.id, sha256: pdf, url: `http://gov.test/${i}/${year}/=附件.pdf`, fileName: i % 2 ? '-3' : '附件 "一", 二.pdf', role: 'attachment', sourceUrl: pageUrl });
      if (i === 5 && year === 2022) continue; // never extracted: pending, every figure cell empty

      const variant = (i * 2 + (year - 2022)) % 5;
      const figures: Record<string, number | null> = { [first]: 12, [second]: -4, [third]: null, 's9.not_a_column': 7 };
      if (variant === 1) Object.assign(figures, { [first]: 1.5, [second]: -1e-7 }); // fractions: read as numbers
      if (variant === 2) Object.assign(figures, { [first]: 1e21, [second]: 2 ** 53 + 2 }); // too large for SQLite's integer text
      if (variant === 3) Object.assign(figures, { [first]: -0, [second]: 9007199254740991 });
      // Every column of both templates filled (the writer joins a full row rather than runs of empty cells).
      if (i === 3 && year === 2022) for (const [k, key] of figureColumns().entries()) figures[key] = k % 7 === 3 ? null : k - 100;
      catalog.extractions.save(pdf, {
        status: variant === 4 ? 'failed' : 'extracted',
        reason: variant === 4 ? 'no table, "really"' : null,
        extractor: 'test',
        template: variant === 4 ? null : year === 2022 ? '2019' : '2021',
        lowConfidence: variant === 2,
        text: '',
        figures: variant === 4 ? {} : figures,
        unreadable: variant === 0 ? [third, third, 's9.elsewhere', second] : variant === 3 ? ['-x'] : [],
        checks:
          variant === 0
            ? [check(RULES.rowTotal, 's3.granted', 10, 12, false), check(RULES.rowTotal, 's3.total', 5, 5, true), check(RULES.balance, 's3.*, total', null, 3, null)]
            : variant === 1
              ? [check(RULES.outcomeSum, 's3.*.total', 1.5, null, null), check(RULES.reviewTotal, 's4', 2, 2, true)]
              : [],
      });
      if (variant === 3 && year === 2022) {
        // Its best rendition is a file never extracted: the report has a status but no figures.
        catalog.extractions.saveReport(report.id, { status: 'partial', reason: '=reason', bestSha256: page, template: '2019', checksFailed: 0, checksUncertain: 0, disagreements: [] });
      } else {
        catalog.extractions.saveReport(report.id, {
          status: variant === 4 ? 'failed' : 'extracted',
          reason: variant === 4 ? 'no table, "really"' : null,
          bestSha256: pdf,
          template: year === 2022 ? '2019' : '2021',
          checksFailed: variant === 0 ? 1 : 0,
          checksUncertain: variant === 1 ? 1 : 0,
          disagreements: variant === 2 ? [{ key: first, values: [1, 2] }, { key: second }] : [],
        });
      }
      if (year === 2023 && i % 2 === 0) {
        catalog.extractions.saveReportChecks(report.id, 'cross_year.', [
          check(RULES.carryOver, 's3.carried_over.total', 3, i === 0 ? 4 : 3, i === 0 ? false : true),
          check(RULES.inForce, 's2.normative_docs', null, null, null),
        ]);
      }
    }
  }
});

const filters: ExportFilter[] = [{}, { year: 2023 }, { province: '江西' }, { province: '36' }, { province: '360902', year: 2022 }, { province: '北京市' }, { province: '不存在省' }];

test('csvCell writes every cell as neutralise and the RFC 4180 rule do', () => {
  const values: unknown[] = ['', 'plain', '宜春', 'a,b', 'say "hi"', 'x\ny', 'x\r', '=1+2', '+cmd', '-3', '-3.5', '-2+3', '@SUM', '\tx', '\rx', "'quoted", '-', 0, -0, 7, 1.5, -1.5, -1e-7, 1e21, -1e21, 2 ** 53 + 2, Infinity, -Infinity, null, undefined, true];
  for (const v of values) {
    const s = neutralise(v);
    assert.equal(csvCell(v), /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s, `cell ${JSON.stringify(v)}`);
  }
});

test('export writes the reference bytes for every filter, with and without a BOM', async () => {
  for (const [i, filter] of filters.entries()) {
    for (const bom of [false, true]) {
      const out = path.join(dir, `files-${i}-${bom}.csv`);
      const written = await exportReportFiles(catalog, out, filter, { bom });
      const rows = [...catalog.exports.reportFiles(filter)] as unknown as Record<string, unknown>[];
      assert.equal(written, rows.length);
      assert.equal(readFileSync(out, 'utf8'), referenceCsv(REPORT_FILE_COLUMNS, rows, bom), `filter ${JSON.stringify(filter)}`);
    }
  }
  const all = readFileSync(path.join(dir, 'files-0-false.csv'), 'utf8');
  // The fixture reaches the awkward paths: quoting, neutralised formulas, line breaks, numbers as text, nulls.
  for (const part of ['"宜春市""国防"",动员办公室"', `"'=HYPERLINK(""http://x"",""点我"")局"`, `'-2+3 办公室`, '"换行\n局"', ',-3,', ',,']) assert.ok(all.includes(part), part);
});

test('export --figures writes the reference bytes for every filter (figures, checks, verdicts, flags)', async () => {
  for (const [i, filter] of filters.entries()) {
    const out = path.join(dir, `figures-${i}.csv`);
    const written = await exportFigures(catalog, out, filter);
    const rows = [...figureRecords(catalog, catalog.exports.reportFigures(filter))];
    assert.equal(written, rows.length);
    assert.equal(readFileSync(out, 'utf8'), referenceCsv(figureExportColumns(), rows), `filter ${JSON.stringify(filter)}`);
  }
  const all = readFileSync(path.join(dir, 'figures-0.csv'), 'utf8');
  // Integers packed by SQLite, fractions and huge values read as numbers, unreadable cells, verdicts and failures.
  for (const part of [',12,?,?,', ',1.5,\'-1e-7,', ',1e+21,9007199254740994,', ',0,9007199254740991,', 'fail,uncertain,', ',uncertain,pass,', 's3.row_total s3.granted: 12 ≠ 10', ',2,yes,', `${third} s9.elsewhere ${second}`, ',pending,', ',-100,-99,-98,,-96,']) {
    assert.ok(all.includes(part), part);
  }
});
