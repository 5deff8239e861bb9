/**
 * Learning a list endpoint from the traffic a page made in the browser: of the XHR/fetch answers it received, the one
 * holding the list (by shape, see list-shape.ts) names the endpoint; its request (method, URL, body) with its page
 * parameter (page-param.ts) is what later pages and later runs ask for over HTTP, with no browser.
 */
import { classifyTitle } from '../classify/title.ts';
import type { ListItem } from '../list-page.ts';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, loadHtml, squash } from '../html.ts';
import { isDataScript } from './script-data.ts';
import { findList, looksLikeJson, MalformedAnswerError, readList, unlinkedTitles, type DrawnLink, type ItemShape } from './list-shape.ts';
import { cursorSource } from './cursor.ts';
import { nextUrlPath } from './next-url.ts';
import { linkNextOf } from './answer-headers.ts';
import { asksLaterPage } from './page-order.ts';
import type { ChoiceRequest, LeftChoices } from './list-choices.ts';
import { yearParam, type YearParam } from './year-tabs.ts';
import { shapeForRequest, withParamSlots } from './template-params.ts';
import { learnCursor, learnPageParam, pageBefore, requestForPage, type CapturedRequest, type CursorParam, type PageParam } from './page-param.ts';
import { namedSignatureParam, signatureParam } from './request-signature.ts';
import { isPagingHeader } from './range-header.ts';

/** One request the page made and the answer it got, as recorded by the browser lane. */
export interface Exchange extends CapturedRequest {
  /** The address of the document whose script asked (a frame's own, for a list drawn inside an iframe). */
  documentUrl?: string;
  status: number;
  responseType: string | null;
  responseBody: string;
  /** The answer's paging headers (`Link`, `X-Total-Count`…: answer-headers.ts), when it sent any. */
  responseHeaders?: Record<string, string>;
}

/** What is kept in the catalog per seed entry. */
export interface LearnedEndpoint {
  version: 1;
  request: CapturedRequest;
  /** Null when the list has one page only (or its paging could not be learned), or when it is paged by a cursor. */
  page: PageParam | null;
  /** A cursor pager (`?lastId=…` taken from the previous answer) instead of page numbers. */
  cursor?: CursorParam;
  /** A list whose answers give the address of their next page (`"next": "https://…?cursor=…"`): where it sits. */
  next?: string[];
  /**
   * A list whose answers give their next page's address in a `Link: <…>; rel="next"` header only (keyset pagination,
   * an opaque cursor, a bare array: answer-headers.ts), where no page number could be learned.
   */
  nextLink?: true;
  /**
   * A list asked one year at a time (`?year=2024`, the page's year tabs asking the others when clicked): the other
   * years the page offers, each read as a list of its own (year-tabs.ts).
   */
  years?: YearParam;
  /**
   * The lists the page's other choices ask (its tab bar's other tabs, its select's other options: list-choices.ts),
   * each the endpoint's request with another URL or body, read as a list of its own.
   */
  choices?: ChoiceRequest[];
  /** The page's choices its rendering left unmade (list-choices.ts), said again by each run reading the endpoint. */
  leftChoices?: LeftChoices;
  /**
   * The parameter the page signs each request with: replayed over HTTP with another page, the request is refused, so
   * the list is read by turning the page in the browser, and later runs render the seed again.
   */
  signed?: string;
  /**
   * The browser turned the list's pager and the list's request brought new items, but no page parameter, cursor or
   * next address could be learned from the two requests: a replay reads the first page only, and the seed says so.
   */
  pagingUnknown?: true;
  /** The page the list is shown on: item links are resolved against it, as the browser did. */
  base: string;
  shape: ItemShape;
  /** This run only: how many times the seed was rendered again for the fresh token this request carries (token-refresh.ts). */
  tokenGeneration?: number;
  /**
   * The lists of the same page asked from other endpoints (a box of the units' reports, paged by 加载更多, beside the
   * government's own list: round 71b): each read as a list of its own, with its own shape and paging.
   */
  beside?: LearnedEndpoint[];
}

/**
 * The endpoint as the catalog keeps it: credential headers by name only. A page's token is for this run (a later one
 * renders the seed again for a fresh token), and a secret has no business at rest in the catalog or its backups.
 */
export function storableEndpoint({ tokenGeneration: _run, ...stored }: LearnedEndpoint): LearnedEndpoint {
  const endpoint = stored.beside ? { ...stored, beside: stored.beside.map(storableEndpoint) } : stored;
  const headers = endpoint.request.headers;
  if (!headers) return endpoint;
  // A paging window (`Range: items=0-4`) is no secret, and the replay cannot ask a page without it: kept whole.
  const names = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isPagingHeader(k, v) ? v : '']));
  return { ...endpoint, request: { ...endpoint.request, headers: names } };
}

export interface Learned {
  endpoint: LearnedEndpoint;
  /** The items of the captured first answer. */
  items: ListItem[];
  /** Answers of the later pages, captured as the browser turned the page (an endpoint that signs its requests). */
  turned?: Exchange[];
  /**
   * The captured first answer itself; null when the capture was a later page (page 1 was drawn from data in the
   * HTML): the endpoint's first page is then asked over HTTP.
   */
  answer: Exchange | null;
}

function reportCount(items: ListItem[]): number {
  return items.filter((i) => classifyTitle(i.title).isReport).length;
}

/**
 * What the items of an exchange's answer resolve against: the document that asked (a list drawn in a frame links
 * relative to the frame's page), else the page.
 */
function baseOf(x: Exchange, pageUrl: string): string {
  const doc = x.documentUrl;
  return doc && /^https?:/i.test(doc) && new URL(doc).origin === new URL(pageUrl).origin ? doc : pageUrl;
}

function listOf(x: Exchange, base: string, links: DrawnLink[] = []): ReturnType<typeof findList> {
  if (x.status < 200 || x.status >= 300) return null;
  try {
    const found = findList(x.responseBody, x.url, base, links);
    // A script of declared data is often the site's menu (`var navData = [{name, url}]`): a list only with a report in it.
    if (found && !looksLikeJson(x.responseBody) && isDataScript(x.responseBody) && !reportCount(found.items)) return null;
    return found;
  } catch (err) {
    if (err instanceof MalformedAnswerError) return null;
    throw err;
  }
}

/**
 * A content hash in a file's name before its extension (`list-2.4f1c09ab.json`, `page_3-9b2e1d7c.js`): a static
 * build's page files are named so, each page's hash its own (round 44b).
 */
const NAME_HASH = /[.\-_](?=[a-f]*\d)[0-9a-f]{6,}(?=\.\w+$)/i;

/** What the requests of one list share: method and address, numbers (page, size) and a file name's hash left out. */
export const endpointKey = (r: CapturedRequest) => {
  const u = new URL(r.url);
  // A page number before the extension left out too: `docs.json` and `docs_1.json` are pages of one list (round 66b).
  return `${r.method.toUpperCase()} ${u.origin}${u.pathname.replace(NAME_HASH, '.#').replace(/[_-]\d{1,4}(?=\.\w+$)/, '').replace(/\d+/g, '#')}`;
};

/** Whether two addresses' paths are the same but for their numbers. */
function sameBesidesNumbers(a: string, b: string): boolean {
  const masked = (u: string) => new URL(u).pathname.replace(/\d+/g, '#');
  return masked(a) === masked(b);
}

/**
 * Why a learned list is read by turning its page in the browser, never replayed over HTTP past its first page, or
 * null: a page signs each request (a replay is refused), or how a request asks for a page could not be learned (an
 * opaque token, page files named by their content's hash: round 44b's manifest-built list).
 */
export function turnedOnly(endpoint: LearnedEndpoint): string | null {
  if (endpoint.signed) return `its list API signs each request (${endpoint.signed})`;
  if (endpoint.pagingUnknown) return 'how its list request asks for a page could not be learned';
  return null;
}

/** The links of a rendered page, absolute, with their texts: what its scripts drew from the answers. */
export function drawnLinks(renderedHtml: string, pageUrl: string): DrawnLink[] {
  const $ = loadHtml(renderedHtml);
  const base = documentBase($, pageUrl);
  const out: DrawnLink[] = [];
  $('a[href]').each((_, el) => {
    const url = resolveLink($(el).attr('href'), base);
    const text = squash($(el).attr('title') || $(el).text());
    if (url && text) out.push({ text, url });
  });
  return out;
}

/**
 * What an answer's relative item addresses resolve against: the page (or the frame's document), as most scripts do,
 * unless more of the links the page drew are those addresses resolved against the answer's own address (a TRS
 * channel's static `data/docs.json` writing `../202501/t…shtml`, which its script resolves with `new URL(url,
 * jsonUrl)`: round 66b; a sub-column's page fetched for a tab, its `./article….html` rewritten against the
 * sub-column, while its menu's absolute links are drawn alike either way: round 87b). Only then: with no drawn link to
 * compare, or an answer in the page's own folder, the page stays the base.
 */
function linkedBase(x: Exchange, base: string, links: DrawnLink[]): { base: string; found: ReturnType<typeof findList> } {
  const found = listOf(x, base, links);
  if (!found || !links.length || new URL('.', x.url).href === new URL('.', base).href) return { base, found };
  const drawn = new Set(links.map((l) => l.url));
  const hits = (items: ListItem[]) => items.filter((i) => drawn.has(i.url)).length;
  const shown = hits(found.items);
  // Every item drawn as read against the page (an API's absolute or root-relative addresses): nothing to compare.
  if (shown === found.items.length) return { base, found };
  const own = listOf(x, x.url, links);
  return own && hits(own.items) > shown ? { base: x.url, found: own } : { base, found };
}

/** The items of a later answer of the learned endpoint, read with the learned shape (an id template included). */
function laterItems(x: Exchange, base: string, shape: ItemShape): ListItem[] {
  if (x.status < 200 || x.status >= 300) return [];
  try {
    return readList(x.responseBody, x.url, base, shapeForRequest(shape, x));
  } catch (err) {
    if (err instanceof MalformedAnswerError) return [];
    throw err;
  }
}

/**
 * The list endpoint among a page's exchanges: the answer with the most report titles (then the most items).
 * `later` are the exchanges after the browser turned to the next page, used to see which number changes.
 * `renderedHtml` is the page as the browser drew it: its links give the URL of items an answer names by id only.
 */
export function learnListEndpoint(exchanges: Exchange[], pageUrl: string, later: Exchange[] = [], renderedHtml = '', clicked: DrawnLink[] = []): Learned | null {
  const links = [...(renderedHtml ? drawnLinks(renderedHtml, pageUrl) : []), ...clicked];
  let best: { x: Exchange; shape: ItemShape; items: ListItem[]; base: string } | null = null;
  for (const x of exchanges) {
    if (x.url === pageUrl) continue;
    const { base, found } = linkedBase(x, baseOf(x, pageUrl), links);
    if (!found) continue;
    const better = !best || reportCount(found.items) > reportCount(best.items) || (reportCount(found.items) === reportCount(best.items) && found.items.length > best.items.length);
    if (better) best = { x, shape: found.shape, items: found.items, base };
  }
  if (!best) return null;
  const key = endpointKey(best.x);
  const { shape, base } = best;
  const sameList = (x: Exchange) => x !== best!.x && endpointKey(x) === key;
  const follows = (a: Exchange, b: Exchange) => asksLaterPage(a, b, (v) => cursorSource(a.responseBody, a.url, shape, v));
  // The list's first page among the captures: the answer with the most reports may be a later page the page's
  // scripts asked before its traffic was read (a feed scrolled into its next batch).
  for (const walked = new Set<Exchange>([best.x]); ; ) {
    const current: Exchange = best.x;
    const previous = exchanges.find((x) => !walked.has(x) && endpointKey(x) === key && follows(x, current));
    const items = previous ? laterItems(previous, base, shape) : [];
    if (!previous || !items.length) break;
    walked.add(previous);
    best = { x: previous, shape, items, base };
  }
  const firstUrls = new Set(best.items.map((i) => i.url));
  const bringsNew = (x: Exchange) => laterItems(x, base, shape).some((i) => !firstUrls.has(i.url));
  // The next page: one the first page's request leads to (asked on load, or after the turn), else the turn's answer.
  const second = [...exchanges, ...later].find((x) => sameList(x) && follows(best!.x, x) && bringsNew(x)) ?? later.find((x) => endpointKey(x) === key && bringsNew(x)) ?? null;
  const request: CapturedRequest = {
    method: best.x.method.toUpperCase(),
    url: best.x.url,
    body: best.x.body,
    contentType: best.x.contentType,
    ...(best.x.headers ? { headers: best.x.headers } : {}),
  };
  const answer = best.x.responseBody;
  const cursor = second ? learnCursor(request, second, (v) => cursorSource(answer, best.x.url, shape, v)) : null;
  const next = cursor || request.method !== 'GET' ? null : nextUrlPath(answer, best.x.url, second);
  const learnedPage = cursor || next ? null : learnPageParam(request, second, best.items.length);
  // A number in the path pages the list only when the rest of the path stays: page files named by their content's
  // hash (`list-1.19c92ac0.json`, `list-2.7be3a410.json`) change more than the number, and no replay could name them.
  const page = learnedPage?.in === 'path' && second && !sameBesidesNumbers(request.url, second.url) ? null : learnedPage;
  // No number, cursor or field pages the list, but its answer's `Link` header names the next page: that address is
  // asked, as the page's script did (when the browser turned it, to the same endpoint).
  const linkNext = cursor || next || page || request.method !== 'GET' ? null : linkNextOf(best.x.responseHeaders, best.x.url);
  const nextLink = !!linkNext && (!second || endpointKey({ ...request, url: linkNext }) === key);
  const years = renderedHtml ? yearParam(request, renderedHtml, exchanges.map((x) => x.responseBody)) : null;
  // Two requests compared, else (or when the comparison saw none) a parameter named as a signature beside a timestamp.
  const signed = (second ? signatureParam(request, second) : null) ?? namedSignatureParam(request);
  // A turn of the pager whose request showed no paging the replay could repeat (a signed list is turned in the browser).
  const pagingUnknown = !!second && later.includes(second) && !page && !cursor && !next && !nextLink && !signed;
  return {
    endpoint: {
      version: 1,
      request,
      page,
      ...(cursor ? { cursor } : {}),
      ...(next ? { next } : {}),
      ...(nextLink ? { nextLink: true as const } : {}),
      ...(years ? { years } : {}),
      ...(signed ? { signed } : {}),
      ...(pagingUnknown ? { pagingUnknown: true as const } : {}),
      base,
      shape: withParamSlots(best.shape, request),
    },
    items: best.items,
    answer: best.x,
  };
}

/**
 * The page's other lists: endpoints other than the learned one whose answers read as lists with a report the learned
 * list's first answer does not hold (a second box on the page, round 71b: the units' reports paged by 加载更多 with a
 * date cursor beside a government's list keyed by year), each learned from its own requests. `later` is what the
 * page's turn asked (a 加载更多 may be the other box's).
 */
export function listsBeside(learned: Learned, exchanges: Exchange[], pageUrl: string, later: Exchange[], renderedHtml: string, clicked: DrawnLink[] = []): LearnedEndpoint[] {
  const taken = new Set([endpointKey(learned.endpoint.request)]);
  const held = new Set(learned.items.map((i) => i.url));
  const out: LearnedEndpoint[] = [];
  for (const x of exchanges) {
    const key = endpointKey(x);
    if (x.url === pageUrl || taken.has(key)) continue;
    taken.add(key);
    const same = (y: Exchange) => endpointKey(y) === key;
    const other = learnListEndpoint(exchanges.filter(same), pageUrl, later.filter(same), renderedHtml, clicked);
    if (!other || !other.items.some((i) => !held.has(i.url) && classifyTitle(i.title).isReport)) continue;
    // A list read only by turning the page in the browser is not replayed beside another.
    if (turnedOnly(other.endpoint)) continue;
    out.push(other.endpoint);
  }
  return out;
}

/**
 * The answer, among `exchanges`, of the learned endpoint that brings items not in `seen` (the URLs read so far); null
 * when none does (the page did not turn, or turned to what it showed already).
 */
export function nextAnswer(learned: Learned, exchanges: Exchange[], seen: ReadonlySet<string>): { answer: Exchange; items: ListItem[] } | null {
  const key = endpointKey(learned.endpoint.request);
  for (const x of exchanges) {
    if (endpointKey(x) !== key) continue;
    const items = laterItems(x, learned.endpoint.base, learned.endpoint.shape);
    if (items.some((i) => !seen.has(i.url))) return { answer: x, items };
  }
  return null;
}

/**
 * An endpoint learned from a later page's request (the page drew page 1 from data in its HTML and asked only when
 * turned): moved back one page, so that its first page is page 1. Null when its paging is unknown or cannot go back.
 */
export function fromLaterPage(learned: Learned | null): Learned | null {
  const page = learned?.endpoint.page;
  if (!learned || !page || page.first - page.step < 0 || page.along?.some((p) => p.first - p.step < 0)) return null;
  const back: PageParam = pageBefore(page);
  const request = requestForPage(learned.endpoint.request, back, 1);
  return { endpoint: { ...learned.endpoint, request, page: back }, items: [], answer: null };
}

/**
 * Titles in the exchanges' answers whose items carry no URL and that the rendered page drew with no link either;
 * report titles first (the probe stops after a few clicks that open nothing, which traps may do).
 */
export function titlesToClick(exchanges: Exchange[], renderedHtml: string, pageUrl: string): string[] {
  const linked = new Set(drawnLinks(renderedHtml, pageUrl).map((l) => l.text));
  const titles = exchanges.flatMap((x) => (x.status >= 200 && x.status < 300 ? unlinkedTitles(x.responseBody, x.url) : []));
  const unlinked = [...new Set(titles)].filter((t) => !linked.has(t));
  return [...unlinked.filter((t) => classifyTitle(t).isReport), ...unlinked.filter((t) => !classifyTitle(t).isReport)];
}

/** A stored spec read back from the catalog, checked enough that a stale or foreign value is not trusted. */
export function asLearnedEndpoint(v: unknown): LearnedEndpoint | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Partial<LearnedEndpoint>;
  if (e.version !== 1 || !e.request || typeof e.request.url !== 'string' || typeof e.base !== 'string' || !e.shape) return null;
  return e as LearnedEndpoint;
}
