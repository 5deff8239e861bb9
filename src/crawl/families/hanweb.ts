/**
 * Hanweb 大汉 JCMS column pages (/col/colN/index.html). The list is not in the HTML: the page carries a
 * `<datastore>` data island (the first group of records, each an HTML fragment, usually in CDATA) and the rest
 * comes from the jpage dataproxy. What real sites vary, and where this reads it:
 *  - the record total: the jpage call's `totalRecord`, or the island's `<totalrecord>` / `<totalpage>`;
 *  - the form fields: the jpage call's `ajaxParam: {…}`, the island's `<nextgroup>` link query, or both (merged);
 *  - the dataproxy path: `proxyUrl` in the page, the `<nextgroup>` link's path, any of the three known paths
 *    named in the page (/module/web/jpage/, /module/jpage/, /module/jslib/jquery/jpage/), else the first;
 *  - the paging: POST windows `startrecord=&endrecord=&perpage=` of groupSize pages each (the last window cut to
 *    the total) when the page has a jpage call, or a script of its own asking such windows; GET `page=N` along the
 *    `<nextgroup>` link when it has neither.
 * Windows may overlap, so records are de-duplicated by URL; a link text cut with "..." gives way to its title.
 * Without a dataproxy to ask, the page pages like a plain list (generic fallback).
 */
import { listItemsFrom, type ListItem } from '../list-page.ts';
import { loadHtml, withoutComments } from '../html.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, ListParser, NextListRequest } from './family.ts';
import { withGenericPaging } from './pager.ts';

const RECORD = /<record\b[^>]*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))\s*<\/record>/gi;
const BARE_CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const NEXTGROUP = /<nextgroup>\s*(?:<!\[CDATA\[)?[\s\S]*?href\s*=\s*["']([^"']+)["']/i;
const JPAGE = /\.jpage\(\s*\{([\s\S]*?)\}\s*\)\s*;?/;
const KNOWN_PROXIES = ['/module/web/jpage/dataproxy.jsp', '/module/jpage/dataproxy.jsp', '/module/jslib/jquery/jpage/dataproxy.jsp'];
const PROXY_IN_PAGE = /\/module\/(?:web\/jpage|jpage|jslib\/jquery\/jpage)\/dataproxy\.jsp/;
/** jpage shows this many pages per group, and this many records per page, unless the page says otherwise. */
const DEFAULT_GROUP_SIZE = 3;
const DEFAULT_PER_PAGE = 15;
/** Fields every dataproxy request carries; the page's own values win. */
const CONSTANT_FIELDS = { col: '1', appid: '1', sourceContentType: '1', permissiontype: '0' };

export function looksLikeHanweb(html: string): boolean {
  const live = withoutComments(html);
  return (/<datastore>/i.test(live) && (JPAGE.test(live) || NEXTGROUP.test(live) || /<record\b/i.test(live))) || (JPAGE.test(live) && PROXY_IN_PAGE.test(live));
}

/**
 * A jpage option: `perPage: 15`, `"perPage": "15"` (quoted keys, as some templates write them), or a variable the
 * page sets before the call (`perPage: pageSize` with `var pageSize = 15;`), searched in `scope` (the page).
 */
function option(config: string, name: string, scope = ''): string | null {
  const m = new RegExp(`\\b${name}["']?\\s*:\\s*(?:["']([^"']*)["']|(\\d+)|([A-Za-z_$][\\w$]*))`, 'i').exec(config);
  if (!m) return null;
  if (m[3] === undefined) return m[1] ?? m[2] ?? null;
  if (!scope) return null;
  return new RegExp(`\\b(?:var|let|const)\\s+${m[3].replace(/\$/g, '\\$')}\\s*=\\s*["']?([^"';\\s]+)["']?`).exec(scope)?.[1] ?? null;
}

/**
 * A column's own script asking the dataproxy by POST windows (`xhr.open('POST', proxyUrl + '?startrecord=' + …)`)
 * instead of calling jpage (round 58c): its text, whose options (`totalRecord`, `perPage`, `proxyUrl`) read as a
 * jpage call's; '' when no inline script names `startrecord`. Paged along `<nextgroup>` with GET instead, such a
 * dataproxy answers 404.
 */
function windowScript(html: string): string {
  return inlineScriptsSaying(html, (t) => /startrecord/i.test(t) && /endrecord/i.test(t));
}

/** The texts of the page's inline scripts (a data island's included) that `says` accepts, joined; '' when none. */
function inlineScriptsSaying(html: string, says: (text: string) => boolean): string {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1]!)
    .filter(says)
    .join('\n');
}

/** The page's inline scripts naming the dataproxy (a site's own pager calling it: `jpage.init({proxy: …})`), or ''. */
function proxyScript(html: string): string {
  return inlineScriptsSaying(html, (t) => /dataproxy/i.test(t));
}

/** The jpage call's options text (with its nested ajaxParam object), or ''. */
function jpageConfig(html: string): string {
  const start = html.search(/\.jpage\(\s*\{/);
  if (start < 0) return '';
  const open = html.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < html.length; i++) {
    if (html[i] === '{') depth++;
    else if (html[i] === '}' && --depth === 0) return html.slice(open + 1, i);
  }
  return JPAGE.exec(html)?.[1] ?? '';
}

/** The fields of the `ajaxParam: { col: 1, webid: 12, webname: '…' }` object of a jpage call. */
export function ajaxParamFields(config: string, scope = ''): Record<string, string> {
  const body = /ajaxParam\s*:\s*\{([^}]*)\}/i.exec(config)?.[1] ?? namedObject(/ajaxParam\s*:\s*([A-Za-z_$][\w$]*)/i.exec(config)?.[1], scope);
  const out: Record<string, string> = {};
  if (!body) return out;
  for (const m of body.matchAll(/["']?([\w]+)["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|([\w./-]+))/g)) {
    const bare = m[4];
    // A variable (`columnid: colId`): its value where the page sets it; else the field is left to the other
    // sources (the island's holder id, the column URL) rather than sent as the variable's name.
    if (bare !== undefined && /^[A-Za-z_$][\w$]*$/.test(bare) && !/^(true|false)$/.test(bare)) {
      const value = new RegExp(`\\b(?:var|let|const)\\s+${bare.replace(/\$/g, '\\$')}\\s*=\\s*["']?([^"';\\s]+)["']?`).exec(scope)?.[1];
      if (value !== undefined) out[m[1]!] = value;
      continue;
    }
    out[m[1]!] = m[2] ?? m[3] ?? bare ?? '';
  }
  return out;
}

/**
 * The body of an object the page assigns to a variable (`var cfg = { columnid: 7701, … };`), for an option given
 * by name (`ajaxParam: cfg`) rather than written inline; undefined when the page does not set it.
 */
function namedObject(name: string | undefined, scope: string): string | undefined {
  if (!name || /^(true|false|null|undefined)$/.test(name)) return undefined;
  return new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*=\\s*\\{([^}]*)\\}`).exec(scope)?.[1];
}

/** The record fragments of an island or a dataproxy answer (or its bare CDATA blocks when it has no <record>). */
function recordFragments(text: string): string[] {
  const records = [...text.matchAll(RECORD)].map((m) => m[1] ?? m[2] ?? '');
  if (records.length) return records;
  const store = /<datastore>([\s\S]*?)<\/datastore>/i.exec(text)?.[1] ?? '';
  return [...store.replace(/<nextgroup>[\s\S]*?<\/nextgroup>/i, '').matchAll(BARE_CDATA)].map((m) => m[1]!);
}

/** The list items of the record fragments of an island or a dataproxy answer, each URL once. */
export function hanwebRecords(text: string, pageUrl: string): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const fragment of recordFragments(text)) {
    const $ = loadHtml(fragment);
    for (const item of listItemsFrom($, $.root(), pageUrl)) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      items.push(item);
    }
  }
  return items;
}

/** The form fields of the dataproxy request: the usual constants, the jpage ajaxParam, the <nextgroup> query. */
export function hanwebForm(html: string, pageUrl: string): URLSearchParams | null {
  const href = NEXTGROUP.exec(html)?.[1];
  const fromAjax = ajaxParamFields(jpageConfig(html), html);
  if (!href && !Object.keys(fromAjax).length) return null;
  const form = new URLSearchParams(CONSTANT_FIELDS);
  for (const [k, v] of Object.entries(fromAjax)) form.set(k, v);
  if (href) {
    const given = new URL(href.replace(/&amp;/g, '&'), pageUrl).searchParams;
    for (const [k, v] of given) if (k !== 'page' && !['startrecord', 'endrecord', 'perpage'].includes(k)) form.set(k, v);
  }
  // The unit id is also the id of the element that holds the island (<div id="4419786"><script type="text/xml">).
  const holder = /<div\s+id=["'](\d+)["'][^>]*>\s*<script[^>]*text\/xml/i.exec(html)?.[1];
  if (!form.has('unitid') && holder) form.set('unitid', holder);
  // …and the column id is in the column's own URL (/col/col33718/).
  const column = /\/col\/col(\d+)\//.exec(new URL(pageUrl).pathname)?.[1];
  if (!form.has('columnid') && column) form.set('columnid', column);
  return form;
}

function proxyPath(config: string, html: string): string {
  const given = option(config, 'proxyUrl') ?? option(config, 'url');
  if (given && /dataproxy/i.test(given)) return given;
  const href = NEXTGROUP.exec(html)?.[1];
  if (href && /dataproxy/i.test(href)) return new URL(href.replace(/&amp;/g, '&'), 'http://x').pathname;
  return PROXY_IN_PAGE.exec(html)?.[0] ?? KNOWN_PROXIES[0]!;
}

function headersFor(referer: string): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'XMLHttpRequest', referer };
}

/** The POST window starting at record `start`: groupSize pages, cut to the total when it is known. */
function windowRequest(pageUrl: string, cursor: ListCursor, start: number, total: number | null): NextListRequest | null {
  if (total !== null && start > total) return null;
  const perPage = Number(cursor.perPage);
  const full = start + perPage * Number(cursor.groupSize) - 1;
  const end = total === null ? full : Math.min(total, full);
  const url = new URL(String(cursor.proxy), pageUrl);
  url.search = new URLSearchParams({ startrecord: String(start), endrecord: String(end), perpage: String(perPage) }).toString();
  const payload = String(cursor.form);
  return {
    url: url.href,
    method: 'POST',
    payload,
    headers: headersFor(String(cursor.referer)),
    uniqueKey: `POST ${url.href} ${payload}`,
    cursor: { ...cursor, mode: 'window', start, end, total: total ?? '' },
  };
}

/** The GET request for page `page` along the <nextgroup> link. */
function getPageRequest(cursor: ListCursor, page: number): NextListRequest {
  const url = new URL(String(cursor.getUrl));
  url.searchParams.set('page', String(page));
  return { url: url.href, headers: { 'x-requested-with': 'XMLHttpRequest', referer: String(cursor.referer) }, cursor: { ...cursor, mode: 'get', page } };
}

function totalsOf(text: string): { total: number | null; pages: number | null } {
  const total = /<totalrecord>\s*(\d+)/i.exec(text)?.[1];
  const pages = /<totalpage>\s*(\d+)/i.exec(text)?.[1];
  return { total: total ? Number(total) : null, pages: pages ? Number(pages) : null };
}

/** A dataproxy answer: its records, and the next window or page while the totals say there are more. */
function parseAnswer(visit: PageVisit, cursor: ListCursor): ListPageResult {
  const items = hanwebRecords(visit.body, String(cursor.referer));
  const { total, pages } = totalsOf(visit.body);
  // A GET refused by a dataproxy that answers POST only (an `<error>`, no records) while the page's pager script
  // announced more than its island: asked by POST windows from the record after the island's.
  if (!items.length && cursor.mode === 'get' && cursor.form !== undefined && Number(cursor.total) > Number(cursor.island)) {
    const next = windowRequest(visit.loadedUrl, cursor, Number(cursor.island) + 1, Number(cursor.total));
    return { items, next: next ? [next] : [] };
  }
  if (!items.length) return { items, next: [] };
  if (cursor.mode === 'get') {
    const page = Number(cursor.page);
    const lastPage = pages ?? (total !== null ? Math.ceil(total / Math.max(1, items.length)) : null);
    // Without totals, keep going until an answer comes back empty.
    const next = lastPage === null || page < lastPage ? [getPageRequest(cursor, page + 1)] : [];
    return { items, next };
  }
  const known = total ?? (cursor.total === '' || cursor.total === undefined ? null : Number(cursor.total));
  // A server that answers fewer records than the window asked for (it caps the window at one page) is asked
  // next from the record after the last one it gave, not from the window's end.
  const start = Number(cursor.start);
  const given = recordFragments(visit.body).length;
  const asked = Number(cursor.end) - start + 1;
  const next = windowRequest(visit.loadedUrl, cursor, given < asked ? start + given : Number(cursor.end) + 1, known);
  return { items, next: next ? [next] : [] };
}

export function parseHanwebList(visit: PageVisit, cursor: ListCursor | undefined): ListPageResult {
  if (cursor) return parseAnswer(visit, cursor);
  const html = withoutComments(visit.body);
  const items = hanwebRecords(html, visit.loadedUrl);
  const config = jpageConfig(html) || windowScript(html);
  const island = totalsOf(html);
  const perPage = Number(option(config, 'perPage', html) ?? option(config, 'pagesize', html) ?? DEFAULT_PER_PAGE);
  const announced = Number(option(config, 'totalRecord', html) ?? 0) || island.total || (island.pages ? island.pages * perPage : null);
  const form = hanwebForm(html, visit.loadedUrl);
  const own = (next: NextListRequest[]) => withGenericPaging({ items, next }, visit.body, visit.loadedUrl);
  if (!form || (announced !== null && items.length >= announced)) return own([]);
  if (!config) {
    // No jpage call: the <nextgroup> link is itself the pager, paged with GET page=N.
    const href = NEXTGROUP.exec(html)?.[1];
    if (!href) return own([]);
    const getUrl = new URL(href.replace(/&amp;/g, '&'), visit.loadedUrl);
    const first = Number(getUrl.searchParams.get('page') ?? 1) || 1;
    // A pager script of the site's own naming the dataproxy (`jpage.init({total, perpage, proxy})`, round 74d): its
    // options kept, so that a dataproxy refusing the GET (an `<error>`, no records) is asked by POST windows instead.
    const pagerScript = proxyScript(html);
    const total = announced ?? (Number(option(pagerScript, 'total', html) ?? 0) || null);
    const fallback: ListCursor = pagerScript
      ? { form: form.toString(), perPage: Number(option(pagerScript, 'perpage', html) ?? DEFAULT_PER_PAGE), groupSize: DEFAULT_GROUP_SIZE, proxy: proxyPath('', html), total: total ?? '', island: items.length }
      : {};
    const cursor: ListCursor = { getUrl: getUrl.href, referer: visit.loadedUrl, ...fallback };
    // Sites differ on whether the link's page is the island's own group or the one after it. Asking both keeps
    // the chain going either way (a repeated group would read as "all known" and stop the paging); repeated
    // records are de-duplicated by URL downstream.
    return own(items.length ? [getPageRequest(cursor, first), getPageRequest(cursor, first + 1)] : [getPageRequest(cursor, first)]);
  }
  const base: ListCursor = {
    form: form.toString(),
    perPage,
    groupSize: Number(option(config, 'groupSize', html) ?? DEFAULT_GROUP_SIZE),
    proxy: proxyPath(config, html),
    referer: visit.loadedUrl,
    total: announced ?? '',
  };
  const next = windowRequest(visit.loadedUrl, base, items.length + 1, announced);
  return own(next ? [next] : []);
}

export const hanweb: ListParser = { family: 'hanweb', parse: parseHanwebList };
