/**
 * Reading one list page with its family: the detected (or configured) family's parser, and on the seed's own page,
 * when that family finds no report item, every family's parser in turn, keeping the one that finds the most
 * (escalation step a). The family and the sign that decided it are kept with the page's outcome. `scripts`: the
 * page's own script files, when its links call functions they define (page-scripts.ts).
 */
import type { Family } from '../registry/seeds-file.ts';
import { withAttributeLists } from './attribute-lists.ts';
import { withFrameDocuments } from './frame-documents.ts';
import { withSvgLinkNames } from './svg-link-names.ts';
import { classifyTitle } from './classify/title.ts';
import { detectFamilyWithSignal, PARSERS, type ConcreteFamily, type Detection } from './families/detect.ts';
import type { ListPageResult, ListParser } from './families/family.ts';
import { deadEndAfterDrawn } from './families/pager.ts';
import { learned } from './families/learned.ts';
import { unreadScriptReportLinks, type ListItem } from './list-page.ts';
import type { PageVisit } from './page-visit.ts';
import { probeChain } from './probed-pages.ts';
import type { ListData } from './requests.ts';
import { withScriptLinks } from './script-links.ts';
import { withScriptMenus } from './script-menus.ts';
import { withScriptWrites } from './script-writes.ts';
import { unlinkedReportTitles } from './unlinked-titles.ts';

export interface ParsedList extends ListPageResult {
  family: Family | 'learned';
  signal: string;
  /** Titles of report links that open by a script function nothing could read (never fetched). */
  unreadScriptReports?: string[];
  /** Report titles the page shows with no followable link at all (unlinked-titles.ts). */
  unlinkedReports?: string[];
}

/** The seed entry's own page (not a later page, not an API answer, not a learned endpoint's answer). */
export function isSeedPage(data: ListData): boolean {
  return data.pageIndex === 0 && !data.cursor && data.family !== 'learned';
}

/**
 * Parses a list page with its family. On the seed page, when that family finds no report item, every family's
 * parser is tried and the one finding the most report items is kept (escalation step a).
 */
export function parseList(fetched: PageVisit, data: ListData, scripts: string[] = []): ParsedList {
  // Items a legacy template writes by inline script are on the page as a browser shows it (a rendered page has
  // them); links calling a site function that opens an address (`javascript:openArticle('12')`) go there, and jump
  // menus whose handler builds the address (`goDept(this.value)`) to where choosing each option goes.
  // A list held whole in a data attribute (`data-list='[{…}]'`) and paged by script is read whole, rendered or not.
  // A list written as a frame's document (`<iframe srcdoc>`) is read as the page's own (frame-documents.ts), and the
  // links of an inline SVG (a map's shapes) by the names they draw, not their tooltips too (svg-link-names.ts).
  const framed = withSvgLinkNames(withFrameDocuments(fetched.body));
  const scripted = fetched.rendered ? framed : withScriptWrites(framed, fetched.loadedUrl);
  const written = withAttributeLists(scripted, fetched.loadedUrl);
  const visit = { ...fetched, body: withScriptMenus(withScriptLinks(written, fetched.loadedUrl, scripts), fetched.loadedUrl, scripts) };
  const read = parseWithFamily(visit, data);
  // A probed page (no page count announced) ending its chain has no next page.
  const probed = probeChain(data.cursor, read.items, read.next);
  const parsed: ParsedList = { ...read, next: probed.next, ...(probed.end ? { signal: `${read.signal}; ${probed.end}` } : {}) };
  // A pager the browser turned, drawing its later pages, was read as far as it drew them.
  const turned = (fetched.drawnPages ?? 0) + (fetched.walkedPages ?? 0);
  const deadEnd = turned ? deadEndAfterDrawn(read.deadEnd, visit.body, visit.loadedUrl, turned) : read.deadEnd;
  if (deadEnd) parsed.deadEnd = deadEnd;
  else delete parsed.deadEnd;
  // A list read whole from its data attribute is paged by its script from that data: its drawn pager hides nothing.
  if (written !== scripted) delete parsed.drawnPager;
  // Over HTTP only: the browser lane clicks such links itself.
  const titles = new Set(parsed.items.map((i) => i.title));
  const unread = fetched.rendered ? [] : unreadScriptReportLinks(visit.body, visit.loadedUrl, (t) => !titles.has(t) && classifyTitle(t).isReport);
  // A learned list's answer is no page: its titles are its items.
  const unlinked = data.family === 'learned' ? [] : unlinkedReportTitles(visit.body, [...titles, ...unread], (t) => classifyTitle(t).isReport);
  return { ...parsed, ...(unread.length ? { unreadScriptReports: unread } : {}), ...(unlinked.length ? { unlinkedReports: unlinked } : {}) };
}

function parseWithFamily(visit: PageVisit, data: ListData): ParsedList {
  if (data.family === 'learned') return { ...learned.parse(visit, data.cursor), family: 'learned', signal: 'learned: the endpoint seen in the browser' };
  const detected: Detection = data.family === 'auto' ? detectFamilyWithSignal(visit.body, visit.loadedUrl) : { family: data.family, signal: 'configured in the seeds file' };
  const page = PARSERS[detected.family].parse(visit, data.cursor);
  const first: ParsedList = { ...page, ...detected };
  // Every page, not the seed's alone: a later column of a known family (a Hanweb year column of an older template,
  // drawn in the browser: round 72b) may list its reports in markup no family parser reads.
  if (reportCount(page.items) > 0) return withNotes(first);
  let best = first;
  // The generic parser first: on a tie it is the honest name for a list no family explains.
  const others = (Object.entries(PARSERS) as [ConcreteFamily, ListParser][]).sort(([a], [b]) => Number(b === 'generic') - Number(a === 'generic'));
  for (const [family, parser] of others) {
    if (family === detected.family) continue;
    const other = parser.parse(visit, data.cursor);
    if (reportCount(other.items) > reportCount(best.items)) best = { ...other, family, signal: `fallback: ${family} found report items where ${detected.family} found none` };
    // A data answer asked with another family's cursor (a Hanweb dataproxy's GET page of a column the seed's generic
    // parser fell back from) that only that family continues (its POST windows after a refused GET, round 74d). Its
    // continuation carries a cursor; another family's guess of a static page (TRS's `index_3.html` from a dataproxy's
    // `<totalpage>` past the last record, round 87d: a 404 that made the seed `short`) is no continuation.
    else if (data.cursor && best === first && !first.items.length && !first.next.length && other.next.some((n) => n.cursor)) best = { ...other, family, signal: `fallback: ${family} continues the list's paging` };
  }
  // The detected family's own next requests (an API the page names, a data proxy) are still its list's pages: they
  // are kept, and read by that family, beside the items the other parser found on the page.
  if (best !== first && first.next.length) return withNotes({ ...best, next: first.next, family: first.family, signal: `${best.signal}; paging by ${detected.family} kept` });
  return withNotes(best);
}

/** The parser's guesses appended to the signal that is recorded with the page's outcome. */
function withNotes(parsed: ParsedList): ParsedList {
  return parsed.notes?.length ? { ...parsed, signal: `${parsed.signal}; ${parsed.notes.join('; ')}` } : parsed;
}

export function reportCount(items: ListItem[]): number {
  return items.filter((i) => classifyTitle(i.title).isReport).length;
}
