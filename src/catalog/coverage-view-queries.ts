/**
 * Read-only queries behind the web view's coverage grid: the region tree, one page of agencies of a region with
 * their reports' states, and counts per child region and year. Every filter is one SQL condition so the grid, its
 * counts and its CSV agree.
 */
import type { Db } from './db.ts';
import type { AgencyLevel } from './agencies.ts';
import { reportStatesSql, type ReportStateRow } from './report-state.ts';

/** A node of the province → city → county tree, by the agencies' own region columns. */
export interface RegionPath {
  province?: string;
  city?: string;
  county?: string;
}

export const CELL_STATES = ['on_time', 'late', 'undated', 'missing', 'failing', 'unreadable', 'changed'] as const;
export type CellStateFilter = (typeof CELL_STATES)[number];

export interface GridFilter {
  region: RegionPath;
  level?: AgencyLevel;
  /** registry: agencies from the registry only; discovered: only those found on portals; absent: both. */
  origin?: 'registry' | 'discovered';
  /** Only agencies with at least one shown year in this state. */
  state?: CellStateFilter;
  fromYear: number;
  toYear: number;
}

export interface GridAgency {
  id: number;
  name: string;
  level: string | null;
  division: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  discovered: number;
}

export interface RegionCount {
  /** The child region's name; null for agencies at the parent's own level (e.g. province departments). */
  region: string | null;
  year: number;
  agencies: number;
  reports: number;
  on_time: number;
  late: number;
  undated: number;
  failing: number;
  unreadable: number;
  changed: number;
}

/**
 * The agency filters on agencies aliased `t`, only those the filter sets: a condition such as
 * `(@province IS NULL OR t.province = @province)` cannot use an index (the plan is made before the value is known),
 * so every region page read all 100k agencies; `t.province = @province` walks index agencies_region.
 */
function agencyCondition(t: string, f: Omit<GridFilter, 'state'>): string {
  const p = params(f);
  const terms = [
    p.province !== null ? `${t}.province = @province` : '',
    p.city !== null ? `${t}.city = @city` : '',
    p.county !== null ? `${t}.county = @county` : '',
    p.level !== null ? `${t}.level = @level` : '',
    p.discovered !== null ? `${t}.discovered = @discovered` : '',
  ].filter(Boolean);
  return terms.length ? `(${terms.join(' AND ')})` : '1';
}

const YEARS = 'r.year BETWEEN @from AND @to';

/**
 * The state filter as a condition on agency `g`, read from report_key_figures (index report_key_figures_agency):
 * the same state bits the counts read, so a filtered grid and its counts agree.
 */
function stateCondition(state: CellStateFilter | undefined): string {
  if (!state) return '1';
  const k = 'k.agency_id = g.id AND k.year BETWEEN @from AND @to';
  if (state === 'missing') return `(SELECT count(*) FROM report_key_figures k WHERE ${k}) < @to - @from + 1`;
  const flag = {
    on_time: 'k.late = 0',
    late: 'k.late = 1',
    undated: 'k.late IS NULL',
    failing: 'k.failing = 1',
    unreadable: 'k.unreadable = 1',
    changed: 'k.changed = 1',
  }[state];
  return `EXISTS (SELECT 1 FROM report_key_figures k WHERE ${k} AND ${flag})`;
}

function params(f: Omit<GridFilter, 'state'>) {
  return {
    province: f.region.province ?? null,
    city: f.region.city ?? null,
    county: f.region.county ?? null,
    level: f.level ?? null,
    discovered: f.origin === undefined ? null : f.origin === 'discovered' ? 1 : 0,
    from: f.fromYear,
    to: f.toYear,
  };
}

/** The child level below a region: provinces at the top, then cities, then counties. */
function childColumn(region: RegionPath): 'province' | 'city' | 'county' | null {
  if (!region.province) return 'province';
  if (!region.city) return 'city';
  if (!region.county) return 'county';
  return null;
}

export class CoverageViewQueries {
  constructor(private readonly db: Db) {}

  /** The years reports exist for, newest last (from the counts per region and year, not 600k reports). */
  reportYears(): number[] {
    return (this.db.prepare('SELECT DISTINCT year FROM report_region_counts WHERE reports > 0 ORDER BY year').all() as { year: number }[]).map((r) => r.year);
  }

  /** Agencies matching the filter: how many, and one page of them in division and name order. */
  agencies(f: GridFilter, page: { offset: number; limit: number }): { total: number; rows: GridAgency[] } {
    const where = `${agencyCondition('g', f)} AND ${stateCondition(f.state)}`;
    const p = params(f);
    const total = (this.db.prepare(`SELECT count(*) AS n FROM agencies g WHERE ${where}`).get(p) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT g.id, g.name, g.level, g.division, g.province, g.city, g.county, g.discovered FROM agencies g
         WHERE ${where} ORDER BY g.division, g.name, g.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...p, limit: page.limit, offset: page.offset }) as GridAgency[];
    return { total, rows };
  }

  /** Report states of these agencies in the year range. */
  cells(agencyIds: number[], fromYear: number, toYear: number): ReportStateRow[] {
    if (!agencyIds.length) return [];
    return this.db
      .prepare(`SELECT * FROM (${reportStatesSql(`r.agency_id IN (SELECT value FROM json_each(@ids)) AND ${YEARS}`)}) ORDER BY agency_id, year`)
      .all({ ids: JSON.stringify(agencyIds), from: fromYear, to: toYear }) as ReportStateRow[];
  }

  /** Agencies and report states counted per child region and year (the state filter does not apply to counts). */
  regionCounts(f: GridFilter): RegionCount[] {
    const child = childColumn(f.region);
    const key = child ? `a.${child}` : 'NULL';
    const p = params(f);
    const agencies = this.db
      .prepare(`SELECT ${key} AS region, count(*) AS n FROM agencies a WHERE ${agencyCondition('a', f)} GROUP BY 1`)
      .all(p) as { region: string | null; n: number }[];
    // Counted ahead per region, level, origin and year (report_region_counts, kept by the catalog's writers with
    // report_key_figures): the country's counts add up a few thousand rows instead of reading 600k reports.
    const region = child ? `nullif(k.${child}, '')` : 'NULL';
    const counts = this.db
      .prepare(
        `SELECT ${region} AS region, k.year, sum(k.reports) AS reports, sum(k.on_time) AS on_time, sum(k.late) AS late,
                sum(k.undated) AS undated, sum(k.failing) AS failing, sum(k.unreadable) AS unreadable, sum(k.changed) AS changed
         FROM report_region_counts k WHERE ${agencyCondition('k', f)} AND k.year BETWEEN @from AND @to
         GROUP BY 1, 2 HAVING sum(k.reports) > 0`,
      )
      .all(p) as Omit<RegionCount, 'agencies'>[];
    const byRegion = new Map(agencies.map((r) => [r.region, r.n]));
    const out: RegionCount[] = [];
    const seen = new Set<string>();
    for (const c of counts) {
      out.push({ ...c, agencies: byRegion.get(c.region) ?? 0 });
      seen.add(`${c.region}\u0000${c.year}`);
    }
    // Regions and years without a single report still get a row: everything there is missing.
    for (const [region, n] of byRegion) {
      for (let year = f.fromYear; year <= f.toYear; year++) {
        if (!seen.has(`${region}\u0000${year}`)) {
          out.push({ region, year, agencies: n, reports: 0, on_time: 0, late: 0, undated: 0, failing: 0, unreadable: 0, changed: 0 });
        }
      }
    }
    return out.sort((a, b) => (a.region ?? '').localeCompare(b.region ?? '', 'zh') || a.year - b.year);
  }
}
