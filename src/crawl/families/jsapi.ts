/**
 * JavaScript platforms whose list page is an empty application shell that fetches its items from a JSON API.
 * When the shell names its API (a data-api attribute, or a literal fetch('/api/…') / $.getJSON / axios.get
 * call in its script), the API is read directly over HTTP: no browser needed. Items are found in the JSON by shape
 * (an array of objects with a title and a URL), paging by the page parameter and the total.
 */
import { isFileUrl, type ListItem } from '../list-page.ts';
import { findDate, squash } from '../html.ts';
import { resolveLink } from '../../download/scope.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';
import type { ListPageResult, ListParser } from './family.ts';
import { parseJsonAnswer } from '../learn/list-shape.ts';

const DATA_API = /\bdata-api\s*=\s*["']([^"']+)["']/i;
const SCRIPT_API = /(?:fetch|\$\.getJSON|\$\.get|axios\.get)\(\s*[`'"]([^`'"]*\/api\/[^`'"]*)[`'"]/;

/** The JSON API a shell page declares, resolved against the page, or null. */
export function declaredApi(html: string, pageUrl: string): string | null {
  const raw = DATA_API.exec(html)?.[1] ?? SCRIPT_API.exec(html)?.[1];
  return raw ? resolveLink(raw.replace(/&amp;/g, '&'), pageUrl) : null;
}

const TITLE_KEYS = ['title', 'name', 'subject', 'docTitle', 'articleTitle', 'biaoti', 'bt'];
const URL_KEYS = ['url', 'link', 'href', 'path', 'docUrl', 'articleUrl', 'detailUrl', 'pageUrl'];
const DATE_KEYS = ['date', 'publishDate', 'pubDate', 'publishTime', 'releaseTime', 'createTime', 'time', 'fbrq'];
const TOTAL_KEYS = ['total', 'totalCount', 'totalRecord', 'totalElements', 'count', 'recordCount'];
const PAGE_PARAMS = ['page', 'pageNo', 'pageNum', 'pageIndex', 'current', 'p'];
const SIZE_PARAMS = ['size', 'pageSize', 'rows', 'limit', 'perPage'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function pick(o: Record<string, Json>, keys: string[]): Json | undefined {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== '') return o[k];
  return undefined;
}

function isRecord(v: Json | undefined): v is Record<string, Json> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The first array of objects that carry both a title and a URL, searched breadth-first. */
function findItemArray(root: Json): Record<string, Json>[] | null {
  const queue: Json[] = [root];
  while (queue.length) {
    const node = queue.shift()!;
    if (Array.isArray(node)) {
      const objs = node.filter(isRecord);
      if (objs.length && objs.some((o) => typeof pick(o, TITLE_KEYS) === 'string' && typeof pick(o, URL_KEYS) === 'string')) return objs;
      queue.push(...node);
    } else if (isRecord(node)) queue.push(...Object.values(node));
  }
  return null;
}

function findNumber(root: Json, keys: string[]): number | null {
  const queue: Json[] = [root];
  while (queue.length) {
    const node = queue.shift()!;
    if (isRecord(node)) {
      const v = pick(node, keys);
      if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return Number(v);
      queue.push(...Object.values(node).filter((x) => x && typeof x === 'object'));
    }
  }
  return null;
}

export function jsonItems(json: Json, apiUrl: string): ListItem[] {
  const items: ListItem[] = [];
  for (const o of findItemArray(json) ?? []) {
    const title = pick(o, TITLE_KEYS);
    const href = pick(o, URL_KEYS);
    if (typeof title !== 'string' || typeof href !== 'string') continue;
    const url = resolveLink(href, apiUrl);
    if (!url) continue;
    const date = pick(o, DATE_KEYS);
    items.push({ title: squash(title), url, date: typeof date === 'string' ? findDate(date) : null, isFile: isFileUrl(url) });
  }
  return items;
}

/** The next page of the API: its page parameter plus one, while the total says there is more. */
export function nextApiPage(json: Json, apiUrl: string, itemCount: number): string | null {
  if (itemCount === 0) return null;
  const u = new URL(apiUrl);
  const pageKey = PAGE_PARAMS.find((k) => u.searchParams.has(k));
  if (!pageKey) return null;
  const page = Number(u.searchParams.get(pageKey));
  const sizeKey = SIZE_PARAMS.find((k) => u.searchParams.has(k));
  const size = sizeKey ? Number(u.searchParams.get(sizeKey)) : itemCount;
  const total = findNumber(json, TOTAL_KEYS);
  const pages = findNumber(json, ['pages', 'totalPage', 'totalPages', 'pageCount']);
  const more = pages !== null ? page < pages : total !== null ? page * size < total : itemCount >= size;
  if (!more) return null;
  u.searchParams.set(pageKey, String(page + 1));
  return u.href;
}

export function parseJsApiList(visit: PageVisit, _cursor: ListCursor | undefined): ListPageResult {
  const text = visit.body.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    // A broken answer throws: it is a failed request, never an "ok" page with no items.
    const json = parseJsonAnswer(text, visit.loadedUrl) as Json;
    const items = jsonItems(json, visit.loadedUrl);
    const next = nextApiPage(json, visit.loadedUrl, items.length);
    return { items, next: next ? [{ url: next, headers: { accept: 'application/json' } }] : [] };
  }
  // The shell: its items come from the API.
  const api = declaredApi(visit.body, visit.loadedUrl);
  return { items: [], next: api ? [{ url: api, headers: { accept: 'application/json' } }] : [] };
}

export const jsapi: ListParser = { family: 'jsapi', parse: parseJsApiList };
