/**
 * A report sighted on a page: catalogued (its report made on first sight, the page added as its source), said in the
 * run's events, remembered as this run's; and the seed's fallback agency refused where a named one holds the year.
 */
import { seedFallbackClash, type Attributor } from './attribution.ts';
import { emit, safeHost, type HarvestContext } from './harvest-context.ts';

/**
 * Report pages first sighted in this run, per run: known to the catalog, but not from an earlier run, so a list page
 * repeating them (a landing box's newest items, then its "更多" list) does not stop paging as a page of old reports.
 */
const sightedPages = new WeakMap<HarvestContext, Set<string>>();

export function sightedInRun(h: HarvestContext, pageUrl: string): boolean {
  return !!sightedPages.get(h)?.has(pageUrl);
}

export function noteSightedInRun(h: HarvestContext, pageUrl: string): void {
  const now = sightedPages.get(h) ?? new Set<string>();
  sightedPages.set(h, now.add(pageUrl));
}

export function refuseSeedMerge(h: HarvestContext, a: NonNullable<ReturnType<Attributor['attribute']>>, url: string, seedEntryId: number): boolean {
  const clash = seedFallbackClash(h.catalog, a, url);
  if (!clash) return false;
  const host = safeHost(url);
  const reason = `agency not named by title, publisher or heading: not merged into ${a.agency.name} ${a.year} (named by ${clash.attribution})`;
  if (host) h.catalog.urls.record({ url, host, status: null, outcome: 'skipped', reason });
  emit(h, { kind: 'skipped', host, url, detail: reason });
  h.stats.skipped += 1;
  // A report the seed lists and the catalog does not hold: the seed's health says so (seed-tally.ts unnamedReports).
  h.tallies.of(seedEntryId).unnamedReports.add(url);
  return true;
}

export function sight(
  h: HarvestContext,
  a: NonNullable<ReturnType<Attributor['attribute']>>,
  title: string,
  pageUrl: string,
  listUrl: string | null,
  seedEntryId: number,
  publisher: string | null,
  publishedAt: string | null,
) {
  const result = h.catalog.reports.sight({
    agencyId: a.agency.id,
    year: a.year,
    title,
    pageUrl,
    listUrl,
    seedEntryId,
    publisher,
    publishedAt,
    attribution: a.via,
  });
  const host = safeHost(pageUrl);
  h.tallies.of(seedEntryId).sighted.add(`${a.agency.name} ${a.year}`);
  if (result.newSource) noteSightedInRun(h, pageUrl);
  if (result.newReport) {
    h.stats.newReports += 1;
    h.tallies.of(seedEntryId).newReports += 1;
    emit(h, { kind: 'new_report', host, url: pageUrl, reportId: result.report.id, detail: `${a.agency.name} ${a.year}` });
  } else if (result.newSource) {
    h.stats.newSources += 1;
    emit(h, { kind: 'new_source', host, url: pageUrl, reportId: result.report.id });
  }
  return result;
}

