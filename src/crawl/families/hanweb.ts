/**
 * Hanweb 大汉 JCMS column pages (/col/colN/index.html). The list is not in the HTML: the page carries a
 * `<datastore>` data island (the first group of records, each an HTML fragment in CDATA) and a jQuery jpage
 * call with the totals; the rest comes from POST /module/web/jpage/dataproxy.jsp?startrecord=&endrecord=&perpage=
 * with form fields copied from the island's <nextgroup> link, answering XML with more <record> fragments.
 */
import { listItemsFrom, type ListItem } from '../list-page.ts';
import { loadHtml } from '../html.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, ListParser, NextListRequest } from './family.ts';

const RECORD = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g;
const NEXTGROUP = /<nextgroup>\s*<!\[CDATA\[[\s\S]*?href\s*=\s*["']([^"']+)["']/;
const JPAGE = /\.jpage\(\s*\{([\s\S]*?)\}\s*\)/;
const DEFAULT_PROXY = '/module/web/jpage/dataproxy.jsp';
/** jpage shows this many pages per group; each POST fetches one group. */
const DEFAULT_GROUP_SIZE = 3;

export function looksLikeHanweb(html: string): boolean {
  return /<datastore>/i.test(html) && (JPAGE.test(html) || NEXTGROUP.test(html));
}

function option(config: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*:\\s*(?:["']([^"']*)["']|(\\d+))`).exec(config);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The list items of the record fragments of an island or a dataproxy answer. */
export function hanwebRecords(text: string, pageUrl: string): ListItem[] {
  const items: ListItem[] = [];
  for (const m of text.matchAll(RECORD)) {
    const $ = loadHtml(m[1]!);
    items.push(...listItemsFrom($, $.root(), pageUrl));
  }
  return items;
}

/** The form fields of the dataproxy POST: the <nextgroup> link's query (less its page), plus the usual constants. */
export function hanwebForm(html: string, pageUrl: string): URLSearchParams | null {
  const href = NEXTGROUP.exec(html)?.[1];
  if (!href) return null;
  const given = new URL(href.replace(/&amp;/g, '&'), pageUrl).searchParams;
  const form = new URLSearchParams({ col: '1', appid: '1', sourceContentType: '1', permissiontype: '0' });
  for (const [k, v] of given) if (k !== 'page') form.set(k, v);
  return form;
}

function dataproxyRequest(pageUrl: string, cursor: ListCursor, start: number, total: number): NextListRequest | null {
  if (start > total) return null;
  const perPage = Number(cursor.perPage);
  const end = Math.min(total, start + perPage * Number(cursor.groupSize) - 1);
  const url = new URL(String(cursor.proxy), pageUrl);
  url.search = new URLSearchParams({ startrecord: String(start), endrecord: String(end), perpage: String(perPage) }).toString();
  const payload = String(cursor.form);
  return {
    url: url.href,
    method: 'POST',
    payload,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      'x-requested-with': 'XMLHttpRequest',
      referer: String(cursor.referer),
    },
    uniqueKey: `POST ${url.href} ${payload}`,
    cursor: { ...cursor, start, end },
  };
}

export function parseHanwebList(visit: PageVisit, cursor: ListCursor | undefined): ListPageResult {
  if (cursor) {
    // A dataproxy answer: <datastore><totalrecord>N</totalrecord>…<recordset><record>… </datastore>
    const items = hanwebRecords(visit.body, String(cursor.referer));
    const total = Number(/<totalrecord>\s*(\d+)/i.exec(visit.body)?.[1] ?? cursor.total);
    const next = items.length ? dataproxyRequest(visit.loadedUrl, { ...cursor, total }, Number(cursor.end) + 1, total) : null;
    return { items, next: next ? [next] : [] };
  }
  const items = hanwebRecords(visit.body, visit.loadedUrl);
  const form = hanwebForm(visit.body, visit.loadedUrl);
  const config = JPAGE.exec(visit.body)?.[1] ?? '';
  const total = Number(option(config, 'totalRecord') ?? 0);
  const perPage = Number(option(config, 'perPage') ?? 15);
  if (!form || !total || items.length >= total) return { items, next: [] };
  const base: ListCursor = {
    form: form.toString(),
    perPage,
    groupSize: Number(option(config, 'groupSize') ?? DEFAULT_GROUP_SIZE),
    proxy: option(config, 'proxyUrl') ?? DEFAULT_PROXY,
    referer: visit.loadedUrl,
    total,
  };
  const next = dataproxyRequest(visit.loadedUrl, base, items.length + 1, total);
  return { items, next: next ? [next] : [] };
}

export const hanweb: ListParser = { family: 'hanweb', parse: parseHanwebList };
