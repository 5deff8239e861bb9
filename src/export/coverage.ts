/**
 * Coverage: for every registry agency, is its report for year Y in, when was it first seen, and was that after
 * the statutory deadline? Deadlines (政府信息公开条例 2019 §49): departments by 31 January of Y+1, people's
 * governments by 31 March; reports for 2008–2018 fell under the 2007 条例: 31 March for all. Dates are compared
 * in China time (Asia/Shanghai).
 */
import { TZDate } from '@date-fns/tz';
import { format, lastDayOfMonth } from 'date-fns';
import type { Catalog } from '../catalog/catalog.ts';
import type { CoverageBriefRow, CoverageRow } from '../catalog/status-queries.ts';
import { writeCsv, type CsvOptions } from './csv.ts';

const TZ = 'Asia/Shanghai';

export function isGovernment(agencyName: string): boolean {
  return /人民政府$/.test(agencyName.replace(/\s+/g, ''));
}

// A deadline depends only on the year and whether the agency is a government: computed once per pair, since a
// time-zone date costs tens of microseconds and national coverage asks for 100k of them.
const deadlines = new Map<string, string>();

/** The last day (YYYY-MM-DD, China time) a report on `year` may be published. */
export function deadlineFor(agencyName: string, year: number): string {
  const month = year <= 2018 || isGovernment(agencyName) ? 2 : 0; // 0-based: January or March
  const key = `${year}:${month}`;
  let d = deadlines.get(key);
  if (d === undefined) {
    d = format(lastDayOfMonth(new TZDate(year + 1, month, 1, TZ)), 'yyyy-MM-dd');
    deadlines.set(key, d);
  }
  return d;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
/** China has kept UTC+8 without daylight saving since 1991: before that, ask the time-zone database. */
const FIXED_OFFSET_SINCE = Date.UTC(1991, 11, 31);

/** The China-time calendar date of an ISO instant. */
export function chinaDate(iso: string): string {
  const t = new Date(iso).getTime();
  // The fixed offset is exact here and costs nothing; TZDate costs tens of microseconds a call (100k per coverage).
  if (t >= FIXED_OFFSET_SINCE) return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  return format(new TZDate(t, TZ), 'yyyy-MM-dd');
}

export interface CoverageLine extends CoverageRow {
  year: number;
  has_report: 'yes' | 'no';
  deadline: string;
  /** First seen by nianbao after the deadline (yes/no; empty without a report). */
  seen_after_deadline: string;
  /** Published after the deadline (yes/no; empty when no date is known): the date of `late_date_source`. */
  published_after_deadline: string;
  /** Which date decided `published_after_deadline`: page (its 发布日期), file (its Last-Modified), or empty. */
  late_date_source: '' | 'page' | 'file';
}

export function coverageLines(catalog: Catalog, year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): CoverageLine[] {
  return [...iterateCoverageLines(catalog, year, opts)];
}

/** The coverage lines one at a time, straight from the catalog's cursor: memory stays flat for 100k agencies. */
export function* iterateCoverageLines(catalog: Catalog, year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): Generator<CoverageLine> {
  for (const r of catalog.status.iterateCoverage(year, opts)) yield coverageLine(r, year);
}

/** What coverage says of one agency's year, beside the catalog's row (the terminal table shows these too). */
export type CoverageVerdict = Pick<CoverageLine, 'has_report' | 'deadline' | 'seen_after_deadline' | 'published_after_deadline' | 'late_date_source'>;

export function coverageVerdict(r: CoverageBriefRow, year: number): CoverageVerdict {
  const deadline = deadlineFor(r.agency, year);
  const seen = r.first_seen_at ? chinaDate(r.first_seen_at) : null;
  // Late means published late, never seen late: after a backfill everything is first seen after its deadline.
  const published = r.published_at ?? r.file_date;
  return {
    has_report: r.report_id ? 'yes' : 'no',
    deadline,
    // Both YYYY-MM-DD: compared as strings (two Date objects per row were a measurable share at 100k rows).
    seen_after_deadline: seen ? (seen > deadline ? 'yes' : 'no') : '',
    published_after_deadline: published ? (published > deadline ? 'yes' : 'no') : '',
    late_date_source: r.published_at ? 'page' : r.file_date ? 'file' : '',
  };
}

/** The brief rows of the terminal table with their verdicts, one at a time (no title: see iterateCoverageBrief). */
export function* iterateCoverageBrief(catalog: Catalog, year: number, opts: { province?: string; includeDiscovered?: boolean } = {}): Generator<CoverageBriefRow & CoverageVerdict> {
  for (const r of catalog.status.iterateCoverageBrief(year, opts)) yield Object.assign(r, coverageVerdict(r, year));
}

function coverageLine(r: CoverageRow, year: number): CoverageLine {
  return Object.assign(r, { year }, coverageVerdict(r, year));
}

export const COVERAGE_COLUMNS = [
  'agency',
  'province',
  'city',
  'county',
  'division',
  'level',
  'year',
  'has_report',
  'title',
  'published_at',
  'first_seen_at',
  'deadline',
  'seen_after_deadline',
  'published_after_deadline',
  'extraction_status',
  'discovered',
  'file_date',
  'late_date_source',
] as const;

export async function writeCoverageCsv(lines: Iterable<CoverageLine>, out: string, opts: CsvOptions = {}): Promise<number> {
  return writeCsv(out, [...COVERAGE_COLUMNS], lines as Iterable<CoverageLine> as Iterable<Record<string, unknown>>, opts);
}
