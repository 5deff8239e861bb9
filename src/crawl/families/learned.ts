/**
 * The "learned" family: a seed entry whose list the browser lane found in the page's own traffic. The endpoint
 * (kept in the catalog per seed entry) is asked for page after page over HTTP; the answer is read with the shape
 * learned from it. Paging stops at an empty page, or one that repeats the page before (servers that clamp).
 */
import { nextCursor } from '../learn/cursor.ts';
import { nextUrlOf } from '../learn/next-url.ts';
import { headersSayMore, headerTotals, linkNextOf } from '../learn/answer-headers.ts';
import { answerSaysMore, answerTotals } from '../learn/answer-total.ts';
import { readList } from '../learn/list-shape.ts';
import { firstPageKey, requestForPage, withParam, type CapturedRequest } from '../learn/page-param.ts';
import { pagingHeaderKey } from '../learn/range-header.ts';
import { shapeForRequest } from '../learn/template-params.ts';
import { asLearnedEndpoint, turnedOnly, type LearnedEndpoint } from '../learn/learn.ts';
import { yearRequests } from '../learn/year-tabs.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, NextListRequest } from './family.ts';
import { nextPageUrl } from './pager.ts';
import { trsNextPage } from './trs-pager.ts';

/** A list longer than this many pages is not a report column. */
const MAX_PAGES = 500;

/**
 * The HTTP request for the k-th page of a learned endpoint (k = 1 is the page the browser saw); a cursor-paged
 * endpoint's later pages are given their request (`cursorRequest`).
 */
export function learnedPageRequest(endpoint: LearnedEndpoint, k: number, previousFirst = '', cursorRequest?: CapturedRequest): NextListRequest {
  const req = cursorRequest ?? (endpoint.page ? requestForPage(endpoint.request, endpoint.page, k) : endpoint.request);
  const method = req.method === 'POST' ? 'POST' : 'GET';
  const headers: Record<string, string> = { accept: 'application/json, text/javascript, */*; q=0.01', 'x-requested-with': 'XMLHttpRequest', referer: endpoint.base };
  if (req.contentType && method === 'POST') headers['content-type'] = req.contentType;
  // The page's credential (a token it asked its API for) goes with every page, as the page sent it.
  Object.assign(headers, req.headers);
  return {
    url: req.url,
    method,
    payload: method === 'POST' ? (req.body ?? '') : undefined,
    headers,
    // A list paged by a `Range` header asks one address for every page: the window tells its pages apart. A page
    // asked again with a fresh token (token-refresh.ts) is a new request: the refused one was handled.
    uniqueKey: `learned:${method} ${req.url} ${req.body ?? ''}${pagingHeaderKey(req.headers) ? ` ${pagingHeaderKey(req.headers)}` : ''}${endpoint.tokenGeneration ? ` #token${endpoint.tokenGeneration}` : ''}`,
    // A cursor-paged page's request (given by the answer before it) is kept: a refused one is asked again as it was.
    cursor: { endpoint: JSON.stringify(endpoint), page: k, previousFirst, ...(cursorRequest ? { sent: JSON.stringify(cursorRequest) } : {}) },
  };
}

/**
 * The other lists of an endpoint: its other years (a list asked one year at a time), its page's other choices (tabs,
 * a select: list-choices.ts) and each choice in the other years, each without years nor choices of its own.
 */
export function otherListEndpoints(endpoint: LearnedEndpoint): LearnedEndpoint[] {
  const inYears = (r: CapturedRequest) => (endpoint.years ? yearRequests(r, endpoint.years) : []);
  // Each choice's list in the other years too (a channel tab's list of 2022): the year tabs set one field, the choice
  // others. A choice that is also one of the years (a year tab clicked) is asked once: compared as first pages.
  const choices = (endpoint.choices ?? []).flatMap((c) => {
    const r = { ...endpoint.request, url: c.url, body: c.body };
    return [r, ...inYears(r)];
  });
  const keys = new Set([firstPageKey(endpoint.request, endpoint.page)]);
  const requests = [...inYears(endpoint.request), ...choices].filter((r) => {
    const key = firstPageKey(r, endpoint.page);
    return !keys.has(key) && !!keys.add(key);
  });
  // The page's lists from other endpoints (learn.ts listsBeside), each with its own years and choices.
  const beside = (endpoint.beside ?? []).flatMap((e) => [e, ...otherListEndpoints(e)]);
  return [...requests.map((request) => ({ ...endpoint, request, years: undefined, choices: undefined, beside: undefined })), ...beside];
}

function endpointOf(cursor: ListCursor | undefined): LearnedEndpoint {
  const endpoint = asLearnedEndpoint(typeof cursor?.endpoint === 'string' ? (JSON.parse(cursor.endpoint) as unknown) : null);
  if (!endpoint) throw new Error('a learned-list request without its endpoint in the cursor');
  return endpoint;
}

/** A learned list's answer, read: its items and next page, shown at the page that asked it (not the API's address). */
export function parseLearnedList(visit: PageVisit, cursor: ListCursor | undefined): ListPageResult {
  const endpoint = endpointOf(cursor);
  return { ...readAnswer(visit, cursor, endpoint), shownAt: endpoint.base };
}

function readAnswer(visit: PageVisit, cursor: ListCursor | undefined, endpoint: LearnedEndpoint): ListPageResult {
  const k = Number(cursor?.page ?? 1);
  // A template's request slots (template-params.ts) filled by the request this answer is for: its year's, its choice's.
  const items = readList(visit.body, visit.loadedUrl, endpoint.base, shapeForRequest(endpoint.shape, endpoint.request));
  const first = items[0]?.url ?? '';
  const repeats = first !== '' && first === cursor?.previousFirst;
  if (repeats) return { items: [], next: [] };
  if (!items.length || k >= MAX_PAGES) return { items, next: [] };
  // No page parameter learned: an HTML answer asked over HTTP leads on by its own pager (a TRS list fragment fetched
  // by XHR, its `createPageHTML(2, 0, "list", "htm")` never run where the page inserts it: the other years' fragments
  // of round 106b's year cells, whose first year's pager the browser turned). A signed list's pages stay the browser's.
  const own = !endpoint.signed && endpoint.page === null && endpoint.shape.kind === 'markup' && !visit.rendered ? ownPagerNext(visit) : null;
  if (own) return { items, next: [learnedPageRequest(endpoint, k + 1, first, { ...endpoint.request, url: own, method: 'GET', body: null, contentType: null })], ownPager: true };
  // A signed endpoint's later pages, or those of one whose paging is unknown, were read in the browser (its answers
  // handed over with the first): no replay.
  if (turnedOnly(endpoint)) return { items, next: [] };
  if (endpoint.cursor && endpoint.shape.kind === 'json') {
    // The next request carries what this answer gave (its lastId, its last item's id); none is the end.
    const { cursor } = endpoint;
    const value = nextCursor(visit.body, visit.loadedUrl, endpoint.shape, cursor.from);
    if (value === null) return { items, next: [] };
    return { items, next: [learnedPageRequest(endpoint, k + 1, first, withParam(endpoint.request, cursor.in, cursor.name, value, cursor.inner))] };
  }
  if (endpoint.next) {
    // The answer gives its next page's address; none is the end.
    const url = nextUrlOf(visit.body, visit.loadedUrl, endpoint.next);
    return { items, next: url ? [learnedPageRequest(endpoint, k + 1, first, { ...endpoint.request, url })] : [] };
  }
  if (endpoint.nextLink) {
    // The answer's `Link` header names its next page; none is the end.
    const url = linkNextOf(visit.headers, visit.loadedUrl);
    return { items, next: url ? [learnedPageRequest(endpoint, k + 1, first, { ...endpoint.request, url })] : [] };
  }
  // A numbered list whose headers say this is its last page (a `Link` with no rel="next", `X-WP-TotalPages` reached)
  // is not asked past it: WordPress answers a page past the end 400 (`rest_post_invalid_page_number`), no empty page.
  const pages = headerTotals(visit.headers).announcedPages;
  if (headersSayMore(visit.headers, visit.loadedUrl) === false || (pages !== undefined && k >= pages)) return { items, next: [] };
  if (endpoint.page === null) return { items, next: [] };
  const read = Number(cursor?.read ?? 0) + items.length;
  const size = Number(cursor?.size ?? items.length);
  const next = learnedPageRequest(endpoint, k + 1, first);
  // The page after one its answers call the last is still asked (a count can be wrong, or count one page only), but
  // marked: a refusal of it (HTTP 400 "page out of range", an error object) is the list's end, not a cut.
  const last = lastByItsWord(visit, k, read) || items.length < size;
  next.cursor = { ...next.cursor, read, size, ...(last ? { pastEnd: 1 } : {}) };
  return { items, next: [next] };
}

/** The answer's own count (its body's total items or pages) says the list ends with it (`read` items so far). */
function lastByItsWord(visit: PageVisit, k: number, read: number): boolean {
  const { announcedItems, announcedPages } = answerTotals(visit.body, visit.loadedUrl);
  if (answerSaysMore(visit.body, visit.loadedUrl) === false) return true;
  return (announcedPages !== undefined && announcedPages > 0 && k >= announcedPages) || (announcedItems !== undefined && announcedItems > 0 && read >= announcedItems);
}

/** The next page an HTML answer's own pager names (its TRS pager script, its 下一页 link), or null. */
function ownPagerNext(visit: PageVisit): string | null {
  const url = trsNextPage(visit.body, visit.loadedUrl) ?? nextPageUrl(visit.body, visit.loadedUrl);
  return url && url !== visit.loadedUrl ? url : null;
}

/** Refusals of a credential or of the pace, not of a page number: never read as a list's end. */
const NOT_A_RANGE_REFUSAL = new Set([401, 403, 407, 429]);

/**
 * A learned list's page asked past the end its answers announced, refused (HTTP 400/404/500 "page out of range", or
 * with HTTP 200 an error object: `status` 200): the list's end, nothing cut.
 */
export function refusedPastEnd(cursor: ListCursor | undefined, status: number): boolean {
  return cursor?.pastEnd === 1 && !NOT_A_RANGE_REFUSAL.has(status);
}

/** Not one of the families a seeds file may name: it is chosen by what the catalog learned, never configured. */
export const learned = { family: 'learned' as const, parse: parseLearnedList };
