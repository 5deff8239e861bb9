/**
 * CSV downloads of the view's tables, with the export's columns and its formula-injection guard
 * (src/export/csv.ts `neutralise`), so a download opens in a spreadsheet exactly like `nianbao export` output.
 */
import { stringify } from 'csv-stringify/sync';
import type { GridAgency } from '../catalog/coverage-view-queries.ts';
import type { ReportStateRow } from '../catalog/report-state.ts';
import { chinaDate, type CoverageLine } from '../export/coverage.ts';
import { neutralise } from '../export/csv.ts';

export function toCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const records: string[][] = [];
  for (const row of rows) records.push(columns.map((c) => neutralise(row[c])));
  return stringify(records, { header: true, columns: [...columns], record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
}

/** The grid as `nianbao coverage --out` lines: one per agency and year. */
export function* coverageRecords(agencies: GridAgency[], cells: ReportStateRow[], years: number[], deadline: (agency: string, year: number) => string): Generator<CoverageLine> {
  const at = new Map(cells.map((c) => [`${c.agency_id}:${c.year}`, c]));
  for (const a of agencies) {
    for (const year of years) {
      const r = at.get(`${a.id}:${year}`);
      const dl = r?.deadline ?? deadline(a.name, year);
      yield {
        agency_id: a.id,
        agency: a.name,
        province: a.province,
        city: a.city,
        county: a.county,
        division: a.division,
        level: a.level,
        discovered: a.discovered,
        report_id: r?.report_id ?? null,
        title: r?.title ?? null,
        published_at: r?.published_at ?? null,
        first_seen_at: r?.first_seen_at ?? null,
        file_date: r && r.date_source === 'file' ? r.pub_date : null,
        extraction_status: r?.extraction_status ?? null,
        year,
        has_report: r ? 'yes' : 'no',
        deadline: dl,
        seen_after_deadline: r ? (chinaDate(r.first_seen_at) > dl ? 'yes' : 'no') : '',
        published_after_deadline: r?.late === 1 ? 'yes' : r?.late === 0 ? 'no' : '',
        late_date_source: r?.date_source ?? '',
      };
    }
  }
}
