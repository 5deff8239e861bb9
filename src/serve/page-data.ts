/** Gathers each page's data from the catalog (read-only, through its typed queries). */
import type { Catalog } from '../catalog/catalog.ts';
import { CoverageViewQueries, type GridFilter } from '../catalog/coverage-view-queries.ts';
import { ViewQueries } from '../catalog/view-queries.ts';
import { KEY_FIGURES, type KeyFigure } from './key-figures.ts';
import { gridFilter, type Params } from './params.ts';
import type { AgencyData } from './views/agency.ts';
import type { CoverageData } from './views/coverage.ts';
import type { OverviewData } from './views/overview.ts';
import type { ReportData } from './views/report.ts';
import type { SearchData } from './views/search.ts';

export const PAGE_SIZE = 100;
export const SEARCH_LIMIT = 200;
/** Above this many agencies, filtering the whole country by state (a pass over every report) needs a province. */
export const COUNTRY_STATE_FILTER_LIMIT = 20_000;

/**
 * The catalog with the view's own query sets beside its standard ones. Every page reads the catalog when asked:
 * the country-wide numbers (totals, reports per year, sums per province, counts per region) come from the summaries
 * of migration 007, a few thousand rows kept true by the catalog's writers, so no page waits seconds for a sum and
 * none needs a cache or a worker (both went with that migration: measured in bench/README.md).
 */
export class ViewCatalog {
  readonly coverage: CoverageViewQueries;
  readonly view: ViewQueries;
  constructor(
    readonly catalog: Catalog,
    private readonly countryStateFilterLimit = COUNTRY_STATE_FILTER_LIMIT,
  ) {
    this.coverage = new CoverageViewQueries(catalog.db);
    this.view = new ViewQueries(catalog.db);
  }

  reportYears(): number[] {
    return this.coverage.reportYears();
  }

  filter(p: Params): GridFilter {
    return gridFilter(p, this.reportYears());
  }

  coverageData(p: Params, pageNo: number): CoverageData {
    const allYears = this.reportYears();
    const filter = gridFilter(p, allYears);
    const years: number[] = [];
    for (let y = filter.fromYear; y <= filter.toYear; y++) years.push(y);
    const { level, origin, region, fromYear, toYear } = filter;
    const counts = this.coverage.regionCounts({ level, origin, region, fromYear, toYear });
    const agencyCount = counts.reduce((n, c) => (c.year === fromYear ? n + c.agencies : n), 0);
    // A state filter over the whole country reads every report for every page: at national size, ask for a province.
    const tooBroad = filter.state !== undefined && !region.province && agencyCount > this.countryStateFilterLimit;
    const { total, rows } = tooBroad ? { total: 0, rows: [] } : this.coverage.agencies(filter, { offset: (pageNo - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    return {
      filter,
      years,
      allYears: allYears.length ? allYears : years,
      counts,
      agencies: rows,
      total,
      tooBroad: tooBroad ? agencyCount : undefined,
      cells: this.coverage.cells(rows.map((a) => a.id), filter.fromYear, filter.toYear),
      page: pageNo,
      pageSize: PAGE_SIZE,
    };
  }

  reportData(id: number): ReportData | undefined {
    const c = this.catalog;
    const base = c.reports.byId(id);
    const state = this.view.reportState(id);
    if (!base || !state) return undefined;
    const extraction = c.extractions.report(id);
    const best = extraction?.bestSha256 ? c.extractions.get(extraction.bestSha256) : undefined;
    return {
      report: { ...state, page_url: base.page_url, last_seen_at: base.last_seen_at },
      agency: c.agencies.byId(base.agency_id)!,
      sources: this.view.sources(id),
      files: this.view.files(id),
      extraction,
      figures: best ? { figures: best.figures, unreadable: best.unreadable, checks: best.checks, template: best.template ?? null, sha256: best.sha256 } : undefined,
      crossYear: c.extractions.reportChecks(id),
      events: this.view.events(id),
    };
  }

  agencyData(id: number): AgencyData | undefined {
    const agency = this.catalog.agencies.byId(id);
    if (!agency) return undefined;
    const years = this.view.agencyYears(id);
    const byYear = new Map(this.view.agencyKeyFigures(id).map((r) => [r.year, r]));
    return {
      agency,
      aliases: this.catalog.agencies.aliases(id),
      years,
      series: years.map((r) => ({ year: r.year, values: KEY_FIGURES.map((k) => byYear.get(r.year)?.[k.id] ?? null) })),
    };
  }

  overviewData(figureId: string | undefined): OverviewData {
    const figure: KeyFigure = KEY_FIGURES.find((f) => f.id === figureId) ?? KEY_FIGURES[0]!;
    return {
      counts: this.view.overviewTotals(),
      perYear: this.view.reportsPerYear(),
      figure,
      provinces: this.view.provinceFigure(figure),
      runs: this.catalog.runs.recent(10).map((r) => ({ ...r, events: this.catalog.runs.eventCounts(r.id) })),
      seeds: this.view.seedHealth(20),
      seedTotal: this.view.seedCount(),
    };
  }

  searchData(q: string): SearchData {
    return {
      q,
      agencies: q ? this.view.searchAgencies(q, SEARCH_LIMIT) : [],
      reports: q ? this.view.searchReports(q, SEARCH_LIMIT) : [],
      limit: SEARCH_LIMIT,
    };
  }
}
