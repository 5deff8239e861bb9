/**
 * The page parameter of a list request, learned from the request itself: the number that changes between two
 * captured pages when the browser saw two, else a parameter named like a page (page, current, pageNo, pageIndex,
 * cur_page, currpage, start, startIndex…), else the only numeric parameter whose value is 0 or 1, else a number in the path
 * (list_1.json). It may sit in the query string, a form body (urlencoded, or multipart from a page's FormData:
 * form-body.ts) or a JSON body, or inside a query or form field holding JSON (`params={"pageNo":1,…}`), or in a
 * `Range: items=S-E` request header, the address the same for every page (range-header.ts).
 */
import { mayBeCursor } from './cursor.ts';
import { namesOf } from './param-names.ts';
import { formFields, withFormField } from './form-body.ts';
import { rangeWindow, withWindowAt } from './range-header.ts';

export interface CapturedRequest {
  method: string;
  url: string;
  body: string | null;
  contentType: string | null;
  /**
   * The credential headers the page sent with the request (`Authorization: Bearer …`, `X-Token`…, see
   * credentialHeaders): a replay without them is refused (401).
   */
  headers?: Record<string, string>;
}

/** Names of request headers that carry a credential a page got from its own API (a token), not the browser's. */
const CREDENTIAL_HEADER = /^(authorization|x-?(auth-?|access-?|csrf-?|xsrf-?)?token|(access-?|auth-?)?token|x-?api-?key|x-?auth)$/i;

/**
 * Other headers a page's script sets itself on its list requests (`X-Site-Id` read from a `<meta name="site-id">`, a
 * tenant code): the API may refuse a request without them (403). `X-Requested-With` goes with every replay anyway.
 * Fragment libraries name theirs without the `x-`: htmx sends `HX-Request: true` (and `HX-Target`, `HX-Current-URL`…)
 * and Hotwire Turbo `Turbo-Frame`; a back end serving the fragment only to them (Django's `request.htmx`, a Rails
 * `turbo_frame_request?`) refuses a replay without them (400) or answers the whole page instead.
 */
const SCRIPT_HEADER = /^(?:x-(?!requested-with$)[\w-]+|hx-[\w-]+|turbo-frame)$/i;

/**
 * The credential headers among a request's headers, and the other headers its script set (lower-cased names);
 * undefined when there is none.
 */
export function credentialHeaders(headers: Record<string, string>): Record<string, string> | undefined {
  // A list's paging window (`Range: items=0-4`) is kept too: it is the only thing telling its pages apart.
  const kept = (k: string, v: string) => CREDENTIAL_HEADER.test(k) || SCRIPT_HEADER.test(k) || rangeWindow(k, v) !== null;
  const out = Object.fromEntries(Object.entries(headers).filter(([k, v]) => kept(k, v) && v.trim() !== '').map(([k, v]) => [k.toLowerCase(), v]));
  return Object.keys(out).length ? out : undefined;
}

export interface PageParam {
  in: 'query' | 'form' | 'json' | 'path' | 'header' | 'file';
  /**
   * Query/form key, dotted JSON path, for 'path' the index of the number among the path's numbers, for 'header' the
   * paging header (`range`) whose window's start is the offset (every paging header of the request moves with it),
   * for 'file' the separator and the number the first page's bare file name stands for (`_0`: `docs.json`,
   * `docs_1.json`, `docs_2.json`; see filePage).
   */
  name: string;
  /**
   * For a query or form field holding JSON (`params={"pageNo":1,"pageSize":5}`): the dotted path inside it; `name`
   * is then the field.
   */
  inner?: string;
  /** Its value in the captured (first) request. */
  first: number;
  /** How much it grows per page: 1, or the page size for offsets (start=0,20,40…). */
  step: number;
  /**
   * Other parameters that move with it: a request carrying both a page number and an offset (Ext JS's store sends
   * `page=2&start=4&limit=4`; the server may read either), each moved by its own step.
   */
  along?: Omit<PageParam, 'along'>[];
}

const PAGE_NAME = /^(page|pages?no|pagenum|pagenumber|pageindex|pageidx|pagecurrent|current|currentpage|currentpageno|curpage|cur_page|currpage|cpage|pn|p|page_no|page_index|_page|pg)$/i;
const OFFSET_NAME = /^(start|offset|startrecord|startrow|startindex|start_index|startnum|startpos|pageoffset|firstresult|firstindex|idisplaystart|begin|from|skip|first)$/i;
export const SIZE_NAME = /^(size|pagesize|page_size|_pagesize|rows|limit|perpage|per_page|prepage|pagecount|length|ps|num)$/i;

interface Param {
  in: PageParam['in'];
  name: string;
  inner?: string;
  value: number;
}

/**
 * A JSON request body: an object, or a batch of calls (an array of objects: JSON-RPC 2.0 batches, batched GraphQL),
 * whose paths then start with the call's index (`1.params.page`). Null for anything else.
 */
export function jsonBody(req: CapturedRequest): Record<string, unknown> | null {
  if (!req.body || !/^\s*[{[]/.test(req.body)) return null;
  try {
    const v = JSON.parse(req.body) as unknown;
    if (Array.isArray(v)) return v.length > 0 && v.every((c) => c && typeof c === 'object' && !Array.isArray(c)) ? (v as unknown as Record<string, unknown>) : null;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The calls of a batch body (an array of objects), or null. */
function batchCalls(req: CapturedRequest): Record<string, unknown>[] | null {
  const body = jsonBody(req);
  return Array.isArray(body) ? (body as Record<string, unknown>[]) : null;
}

/** A call's text fields (its method, its protocol version, a channel alias…): what tells one call of a batch from another. */
const callKey = (call: Record<string, unknown>) =>
  JSON.stringify(Object.entries(call).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b)));

/**
 * Where each call of the second batch stands in the first (index → index), matched by their text fields: a page may
 * batch its list call with others on the first load (the column's own details) and send it alone from the pager on,
 * so the list call is not at the same index in both. Null when the two are not batches or a call has no match.
 */
function batchAlignment(first: CapturedRequest, second: CapturedRequest): Map<string, string> | null {
  const a = batchCalls(first);
  const b = batchCalls(second);
  if (!a || !b) return null;
  const keys = a.map(callKey);
  const out = new Map<string, string>();
  for (const [j, call] of b.entries()) {
    const i = keys.indexOf(callKey(call));
    if (i < 0 || keys.indexOf(callKey(call), i + 1) >= 0) return null;
    out.set(String(j), String(i));
  }
  return out;
}

/** The second request's numeric parameters named as the first request's are (batch calls realigned). */
function laterParams(first: CapturedRequest, second: CapturedRequest): Param[] {
  const params = numericParams(second);
  const align = batchAlignment(first, second);
  if (!align) return params;
  return params.map((p) => {
    if (p.in !== 'json') return p;
    const [index, ...rest] = p.name.split('.');
    const at = align.get(index!);
    return at === undefined ? p : { ...p, name: [at, ...rest].join('.') };
  });
}

const numeric = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : null;

function jsonParams(o: Record<string, unknown>, prefix: string[], out: Param[], depth = 0): void {
  for (const [k, v] of Object.entries(o)) {
    const n = numeric(v);
    if (n !== null) out.push({ in: 'json', name: [...prefix, k].join('.'), value: n });
    else if (v && typeof v === 'object' && !Array.isArray(v) && depth < 2) jsonParams(v as Record<string, unknown>, [...prefix, k], out, depth + 1);
  }
}

function pathNumbers(url: string): number[] {
  return [...new URL(url).pathname.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** A field's value as a JSON object (`{"pageNo":1,…}`), or null. */
function jsonObject(v: string): Record<string, unknown> | null {
  if (!/^\s*\{/.test(v)) return null;
  return jsonBody({ method: 'GET', url: 'http://x/', body: v, contentType: null });
}

/** The numeric parameters of a query or form field: its own number, or the numbers of the JSON it holds. */
function fieldParams(where: 'query' | 'form', k: string, v: string, out: Param[]): void {
  const n = numeric(v);
  if (n !== null) return void out.push({ in: where, name: k, value: n });
  const inner = jsonObject(v);
  if (!inner) return;
  const held: Param[] = [];
  jsonParams(inner, [], held);
  for (const p of held) out.push({ in: where, name: k, inner: p.name, value: p.value });
}

/** Every numeric parameter of a request, wherever it sits. */
export function numericParams(req: CapturedRequest): Param[] {
  const out: Param[] = [];
  for (const [k, v] of new URL(req.url).searchParams) fieldParams('query', k, v, out);
  for (const [k, v] of formFields(req) ?? []) fieldParams('form', k, v, out);
  const json = jsonBody(req);
  // A batch's calls are one level deeper than a body's fields: they are entered as deep as a body's.
  if (json) jsonParams(json, [], out, Array.isArray(json) ? -1 : 0);
  pathNumbers(req.url).forEach((n, i) => out.push({ in: 'path', name: String(i), value: n }));
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    const w = rangeWindow(k, v);
    if (w) out.push({ in: 'header', name: k.toLowerCase(), value: w.start });
  }
  return out;
}

/** Whether a parameter is named as `re` says, by any of its names. */
const named = (re: RegExp, p: { name: string; inner?: string }) => namesOf(p.inner ?? p.name).some((n) => re.test(n));
const sameParam = (a: Param, b: Param) => a.in === b.in && a.name === b.name && a.inner === b.inner;
const pageParam = (p: Param, step: number): PageParam => ({ in: p.in, name: p.name, ...(p.inner ? { inner: p.inner } : {}), first: p.value, step });

/** The page parameter of `first`, using `second` (the next page's request) when the browser captured one. */
export function learnPageParam(first: CapturedRequest, second: CapturedRequest | null, itemsPerPage: number): PageParam | null {
  const page = pageParamAlone(first, second, itemsPerPage);
  if (!page) return null;
  const along = pageCompanions(first, second, page, itemsPerPage);
  return along.length ? { ...page, along } : page;
}

/**
 * The page number's or offset's twin in the same request (`page` beside `start`, `pageNo` beside `offset`), which the
 * page moves with it: the one that grew with it in the second request, else, in the first alone, an offset standing
 * at the page number's place (`start` = (page − 1) × size). A replay that moved only one of them would ask the page
 * the server reads from the other: the first page again.
 */
function pageCompanions(first: CapturedRequest, second: CapturedRequest | null, page: PageParam, itemsPerPage: number): Omit<PageParam, 'along'>[] {
  if (page.in === 'path' || page.in === 'file') return [];
  const params = numericParams(first).filter((p) => p.in !== 'path' && p.in !== 'header' && !sameParam(p, { in: page.in, name: page.name, inner: page.inner, value: page.first }));
  const paging = (p: Param) => named(PAGE_NAME, p) || named(OFFSET_NAME, p);
  if (second) {
    const later = laterParams(first, second);
    return params.flatMap((p) => {
      const q = later.find((x) => sameParam(x, p));
      return q && q.value > p.value && paging(p) ? [pageParam(p, q.value - p.value)] : [];
    });
  }
  const size = params.find((p) => named(SIZE_NAME, p))?.value ?? itemsPerPage;
  if (size <= 0) return [];
  if (named(PAGE_NAME, page) || page.step === 1) {
    const offset = params.find((p) => named(OFFSET_NAME, p) && p.value === Math.max(0, page.first - 1) * size);
    return offset ? [pageParam(offset, size)] : [];
  }
  const number = params.find((p) => named(PAGE_NAME, p) && Math.max(0, p.value - 1) * size === page.first);
  return number ? [pageParam(number, 1)] : [];
}

/** The size of a paging header's window (`items=0-4` → 5); null for an open window or no such header. */
function windowSize(req: CapturedRequest, name: string): number | null {
  const value = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  const w = value === undefined ? null : rangeWindow(name, value);
  return w && w.end !== null ? w.end - w.start + 1 : null;
}

/**
 * The page number a later request's file name gained before its extension, the first request's bare (a static build's
 * pages of data, TRS's `data/docs.json` then `docs_1.json`, as its HTML pages are `index.html` then `index_1.html`:
 * round 66b), with its separator; null when the two addresses differ otherwise.
 */
export function filePage(first: CapturedRequest, second: CapturedRequest): { sep: string; n: number } | null {
  const a = new URL(first.url);
  const b = new URL(second.url);
  if (a.origin !== b.origin || a.search !== b.search || (first.body ?? '') !== (second.body ?? '')) return null;
  const m = /^(.*[^/])\.(\w+)$/.exec(a.pathname);
  if (!m || FILE_PAGE.test(a.pathname)) return null;
  const [, stem, ext] = m;
  if (!b.pathname.startsWith(stem!) || !b.pathname.endsWith(`.${ext}`)) return null;
  const n = /^([_-])(\d{1,4})$/.exec(b.pathname.slice(stem!.length, -ext!.length - 1));
  return n && Number(n[2]) <= 2 ? { sep: n[1]!, n: Number(n[2]) } : null;
}

/** A file name ending in a page number before its extension (`docs_1.json`, `list-2.json`). */
const FILE_PAGE = /[_-]\d{1,4}\.\w+$/;

function pageParamAlone(first: CapturedRequest, second: CapturedRequest | null, itemsPerPage: number): PageParam | null {
  const params = numericParams(first);
  // The second page's file name numbered, the first's bare (`docs.json`, `docs_1.json`): page k's number is k − 1
  // (`_1` for page 2, TRS's count from 0) or k (`_2` for page 2).
  const file = second ? filePage(first, second) : null;
  if (file) return { in: 'file', name: `${file.sep}${file.n - 1}`, first: file.n - 1, step: 1 };
  if (second) {
    const later = laterParams(first, second);
    const changed = params.filter((p) => {
      const q = later.find((x) => sameParam(x, p));
      return q !== undefined && q.value > p.value;
    });
    // Several changed (a timestamp, a cache-buster, DataTables' `draw` counter): the one named like a page wins, then
    // an offset growing by the page size (`start` by `length`), then the smallest step.
    const size = params.find((p) => p.in !== 'path' && named(SIZE_NAME, p))?.value ?? itemsPerPage;
    const rank = (p: Param, step: number) => (named(PAGE_NAME, p) ? 2 : (named(OFFSET_NAME, p) || p.in === 'header') && step === size ? 1 : 0);
    const ranked = changed
      // A header's window steps by its size, whichever page the browser turned to.
      .map((p) => ({ p, step: p.in === 'header' ? (windowSize(first, p.name) ?? 0) : later.find((x) => sameParam(x, p))!.value - p.value }))
      .filter((c) => c.step > 0)
      .sort((a, b) => rank(b.p, b.step) - rank(a.p, a.step) || a.step - b.step);
    if (ranked[0]) return pageParam(ranked[0].p, ranked[0].step);
    // A page number the first request leaves out (page 1 by default: `?page=2` asked only from the pager on, as
    // SvelteKit's `?page=N` routes and many list APIs do): the page before the second's is the first request's.
    const added = later.find((q) => q.in !== 'path' && !q.inner && PAGE_NAME.test(q.name) && q.value >= 2 && !params.some((p) => sameParam(p, q)));
    if (added) return { in: added.in, name: added.name, first: added.value - 1, step: 1 };
  }
  const byName = params.find((p) => p.in !== 'path' && named(PAGE_NAME, p));
  if (byName) return pageParam(byName, 1);
  const offset = params.find((p) => p.in !== 'path' && named(OFFSET_NAME, p));
  if (offset) {
    const size = params.find((p) => p.in !== 'path' && named(SIZE_NAME, p))?.value ?? itemsPerPage;
    if (size > 0) return pageParam(offset, size);
  }
  // A window in a paging header (`Range: items=0-4`): its start is the offset, its size the step.
  const window = params.find((p) => p.in === 'header');
  if (window) {
    const size = windowSize(first, window.name) ?? itemsPerPage;
    if (size > 0) return pageParam(window, size);
  }
  // The request's own fields first: a 0 or 1 inside a field holding JSON (a flag, a status) does not make them ambiguous.
  const small = params.filter((p) => p.in !== 'path' && p.in !== 'header' && (p.value === 0 || p.value === 1));
  const own = small.filter((p) => !p.inner);
  if (own.length === 1 || (!own.length && small.length === 1)) return pageParam((own[0] ?? small[0])!, 1);
  // A page number in the file name: list_1.json, /page/1.
  const pathParams = params.filter((p) => p.in === 'path');
  const lastNumber = pathParams[pathParams.length - 1];
  if (lastNumber && (lastNumber.value === 0 || lastNumber.value === 1) && /[_/-]\d+(\.\w+)?$/.test(new URL(first.url).pathname)) {
    return { in: 'path', name: lastNumber.name, first: lastNumber.value, step: 1 };
  }
  return null;
}

function setJson(o: Record<string, unknown>, path: string[], value: number | string): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (!rest.length) {
    // Keep the type the page used: "2" stays a string, 2 a number.
    o[head] = typeof o[head] === 'string' ? String(value) : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
    return;
  }
  setJson(o[head] as Record<string, unknown>, rest, value);
}

/** A field's new value: `value`, or, for a field holding JSON, that JSON with `inner` set to `value`. */
function fieldValue(current: string | null, value: number | string, inner: string | undefined): string {
  const o = inner && current !== null ? jsonObject(current) : null;
  if (!o) return String(value);
  setJson(o, inner!.split('.'), value);
  return JSON.stringify(o);
}

/**
 * The request with one parameter set (a page number, a cursor), wherever it sits; the page's own types kept.
 * `inner`: the path inside a query or form field that holds JSON.
 */
export function withParam(req: CapturedRequest, where: PageParam['in'], name: string, value: number | string, inner?: string): CapturedRequest {
  const url = new URL(req.url);
  let body = req.body;
  switch (where) {
    case 'query':
      url.searchParams.set(name, fieldValue(url.searchParams.get(name), value, inner));
      break;
    case 'form': {
      const current = formFields(req)?.find(([k]) => k === name)?.[1] ?? null;
      body = withFormField(req, name, fieldValue(current, value, inner));
      break;
    }
    case 'json': {
      const o = jsonBody(req);
      if (o) {
        setJson(o, name.split('.'), value);
        body = JSON.stringify(o);
      }
      break;
    }
    case 'header':
      // Every paging header moves: `Range` and the `X-Range` the store sends beside it ask the same window.
      if (typeof value === 'number' && req.headers) return { ...req, headers: withWindowAt(req.headers, value) };
      break;
    case 'path': {
      let i = -1;
      url.pathname = url.pathname.replace(/\d+/g, (m) => (++i === Number(name) ? String(value) : m));
      break;
    }
    case 'file': {
      // `name`: the separator and the number the bare name stands for (`_0`); any other number is written after it.
      const [sep, bare] = [name[0]!, Number(name.slice(1))];
      const stem = url.pathname.replace(FILE_PAGE, (m) => m.slice(m.lastIndexOf('.')));
      url.pathname = value === bare ? stem : stem.replace(/(\.\w+)$/, `${sep}${value}$1`);
      break;
    }
  }
  return { ...req, url: url.href, body };
}

/** The request for the k-th page (k = 1 is the captured request itself). */
export function requestForPage(req: CapturedRequest, param: PageParam, k: number): CapturedRequest {
  return [param, ...(param.along ?? [])].reduce((r, p) => withParam(r, p.in, p.name, p.first + (k - 1) * p.step, p.inner), req);
}

/** The page parameter moved back one page (its companions too), so that what was page 2 becomes page 1. */
export function pageBefore(param: PageParam): PageParam {
  const back = <P extends Omit<PageParam, 'along'>>(p: P): P => ({ ...p, first: p.first - p.step });
  return param.along ? { ...back(param), along: param.along.map(back) } : back(param);
}

/**
 * A list's request compared as its first page (URL and body with the page parameter at page 1, when it is paged):
 * two requests for the same list at different pages have the same key.
 */
export function firstPageKey(req: CapturedRequest, param: PageParam | null | undefined): string {
  const first = param ? requestForPage(req, param, 1) : req;
  return `${withoutCacheBuster(first.url)} ${first.body ?? ''}`;
}

/** A field whose value changes on every request: `_=1733100000000`, `t=…`, `timestamp`, `rnd=0.123…`. */
export const VOLATILE_NAME = /^(_|t|ts|time|timestamp|rnd|rand|random|r|nocache|_t|v)$/i;
export const VOLATILE_VALUE = /^(\d{10}|\d{13}|0\.\d{6,})$/;

/**
 * The address without its cache-buster (a query field named and valued as one, `?t=1796662677022`): the same list
 * asked at two moments (round 106b's year cells, each click's fragment carrying its own time) is one list.
 */
function withoutCacheBuster(url: string): string {
  if (!url.includes('?') || !URL.canParse(url)) return url;
  const u = new URL(url);
  const volatile = [...u.searchParams].filter(([k, v]) => VOLATILE_NAME.test(k) && VOLATILE_VALUE.test(v)).map(([k]) => k);
  if (!volatile.length) return url;
  for (const k of volatile) u.searchParams.delete(k);
  return u.href;
}

/**
 * A cursor pager (`?lastId=…`, `cursor=…`): the next request carries a value the previous answer gave, at a path
 * of its own (`data.lastId`, `nextCursor`) or in its last item (that item's id).
 */
export interface CursorParam {
  in: 'query' | 'form' | 'json';
  /** Query/form key, or the dotted path of a JSON body's (nested) key. */
  name: string;
  /**
   * For a query or form field holding JSON: the dotted path inside it. GraphQL over GET carries its cursor so
   * (`variables={"first":4,"after":"…"}`), as POSTed it carries it nested in the body (`variables.after`).
   */
  inner?: string;
  /** Where the answer holds the next value: a path from its root, or (`item`) a path inside its last item. */
  from: { answer: string[] } | { item: string[] };
}

/** Every parameter of a request with its value as text (query, form, flat JSON body). */
export function textParams(req: CapturedRequest): { in: CursorParam['in']; name: string; value: string }[] {
  const out: { in: CursorParam['in']; name: string; value: string }[] = [];
  for (const [k, v] of new URL(req.url).searchParams) out.push({ in: 'query', name: k, value: v });
  for (const [k, v] of formFields(req) ?? []) out.push({ in: 'form', name: k, value: v });
  const json = jsonBody(req);
  if (json) for (const [k, v] of Object.entries(json)) if (typeof v === 'string' || typeof v === 'number') out.push({ in: 'json', name: k, value: String(v) });
  return out;
}

export interface PagingTextParam {
  in: CursorParam['in'];
  name: string;
  inner?: string;
  value: string;
}

const MAX_NESTING = 3;

/** The scalars of a JSON object as dotted paths (nested objects entered, arrays not). */
function jsonScalars(o: Record<string, unknown>, prefix: string[], out: { path: string; value: string }[], depth = 0): void {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out.push({ path: [...prefix, k].join('.'), value: String(v) });
    else if (v && typeof v === 'object' && !Array.isArray(v) && depth < MAX_NESTING) jsonScalars(v as Record<string, unknown>, [...prefix, k], out, depth + 1);
  }
}

/**
 * Every parameter of a request with its value as text, as paging compares two requests: a query or form field holding
 * a JSON object by the scalars inside it (one changed, not the whole field), a JSON body by its nested scalars too.
 * A GraphQL list sends its paging so: `variables={"first":4,"after":"…"}` in the query, `{"variables":{…}}` POSTed.
 */
export function pagingTextParams(req: CapturedRequest): PagingTextParam[] {
  const out: PagingTextParam[] = [];
  const field = (where: 'query' | 'form', k: string, v: string) => {
    const inner = /^\s*\{/.test(v) ? jsonObject(v) : null;
    if (!inner) return void out.push({ in: where, name: k, value: v });
    const held: { path: string; value: string }[] = [];
    jsonScalars(inner, [], held);
    for (const h of held) out.push({ in: where, name: k, inner: h.path, value: h.value });
  };
  for (const [k, v] of new URL(req.url).searchParams) field('query', k, v);
  for (const [k, v] of formFields(req) ?? []) field('form', k, v);
  const json = jsonBody(req);
  if (json) {
    const held: { path: string; value: string }[] = [];
    jsonScalars(json, [], held);
    for (const h of held) out.push({ in: 'json', name: h.path, value: h.value });
  }
  return out;
}

/**
 * The cursor parameter of a list: a parameter of the second request, absent from the first or different, whose value
 * the first answer gave (`answerPaths` finds where). Null when there is none.
 */
export function learnCursor(first: CapturedRequest, second: CapturedRequest, answerPaths: (value: string) => CursorParam['from'] | null): CursorParam | null {
  const keyOf = (p: PagingTextParam) => `${p.in} ${p.name} ${p.inner ?? ''}`;
  const before = new Map(pagingTextParams(first).map((p) => [keyOf(p), p.value]));
  for (const p of pagingTextParams(second)) {
    if (before.get(keyOf(p)) === p.value || p.value.length < 1 || !mayBeCursor(p.inner ?? p.name)) continue;
    // Page numbers, offsets and sizes are numbered paging, whatever value the answer happens to repeat.
    if ([PAGE_NAME, OFFSET_NAME, SIZE_NAME].some((re) => named(re, p))) continue;
    const from = answerPaths(p.value);
    if (from) return { in: p.in, name: p.name, ...(p.inner ? { inner: p.inner } : {}), from };
  }
  return null;
}
