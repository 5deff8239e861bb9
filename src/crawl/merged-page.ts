/**
 * A page holding several units' reports one after another (merged-reports.ts), read as those reports: each part
 * (from its unit's heading to the next) is catalogued as its unit's report of its year, at the page's address marked
 * with the part (`…#nianbao-part=<unit>-<year>`, never asked), its markup stored as the report's page and its own
 * links (attachments, pictures) as its files. A page that cannot be cut so is said (the seed `short`), not catalogued.
 */
import { Scope } from '../download/scope.ts';
import { parseDetailPage, type DetailPage } from './detail-page.ts';
import { agencyOf, recordSkip, type HarvestContext, type PageVisit } from './harvest-context.ts';
import { splitMergedPage } from './merged-reports.ts';
import type { DetailData } from './requests.ts';
import { noteSightedInRun, refuseSeedMerge, sight } from './sightings.ts';
import { fileRequests, storePagePart } from './stored-files.ts';

/** Where a part of a page is catalogued: the page's address marked with the part (no request is ever made to it). */
export function partUrl(pageUrl: string, unit: string, year: number): string {
  return `${pageUrl.replace(/#.*$/, '')}#nianbao-part=${encodeURIComponent(`${unit}-${year}`)}`;
}

export async function readMergedPage(h: HarvestContext, visit: PageVisit, data: DetailData, page: DetailPage, units: string[], pageUrl: string): Promise<void> {
  const sections = splitMergedPage(visit.body, units);
  if (!sections) {
    h.tallies.of(data.seedEntryId).mergedPages.set(visit.url, units);
    return recordSkip(h, visit, `a page holding the reports of ${units.length} units (${units.join(', ')}) that could not be cut at their headings: not catalogued`);
  }
  const read: string[] = [];
  for (const s of sections) {
    const part = parseDetailPage(s.html, visit.loadedUrl);
    const attribution = h.attributor.attribute({
      title: s.heading,
      publisher: page.publisher,
      bodyText: part.bodyText,
      columnAgency: data.columnAgency,
      siteAgency: agencyOf(h, data.siteAgencyId),
    });
    if (!attribution || (h.years && !h.years(attribution.year))) continue;
    const url = partUrl(pageUrl, s.unit, s.year);
    if (refuseSeedMerge(h, attribution, url, data.seedEntryId)) continue;
    const { report } = sight(h, attribution, s.heading, url, data.listUrl, data.seedEntryId, page.publisher, page.publishedAt ?? data.listDate);
    await storePagePart(h, report.id, url, s.html);
    await h.frontier.add(fileRequests(h, report.id, part.attachments, url, data.seedEntryId));
    const pictures = part.pictures.map((p, i) => ({ ...p, pictureOrder: i + 1 })).filter((p) => p.url);
    if (pictures.length) await h.frontier.add(fileRequests(h, report.id, pictures, url, data.seedEntryId));
    read.push(`${attribution.agency.name} ${attribution.year}`);
  }
  // The page itself: read, its reports catalogued at its parts; a list repeating it this run is no page of old reports.
  noteSightedInRun(h, pageUrl);
  h.catalog.urls.record({ url: pageUrl, host: Scope.hostOf(pageUrl), status: visit.status, outcome: 'ok', reason: `a page holding ${sections.length} units' reports, read as ${read.length}: ${read.join(', ')}` });
}
