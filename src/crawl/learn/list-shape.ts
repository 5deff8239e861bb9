/**
 * Finding the list in an answer nianbao has never seen, by its shape rather than its key names: the array of objects
 * (however deeply nested) whose elements carry a title-like text and a URL-like string. Keys may be English, pinyin
 * (bt, lj, sj) or camelCase; URLs may be relative paths or sit inside a JSON string field
 * (`urls: "{\"pc\":\"/a/b.html\"}"`); dates may be strings or unix seconds / milliseconds. HTML fragments and XML
 * answers carrying HTML (CDATA records) are read as list markup, and so is an HTML fragment a JSON answer wraps
 * (`{"html":"<li><a …>"}`); XML answers of plain records (`<item><title>…`) are read as JSON (xml-answer.ts), and so
 * are script files that only declare data (`var nbList = [{…}]`, script-data.ts) and CSV files (csv-answer.ts). A
 * JSON document encoded again as a string field is entered; a field holding one link's markup is read for its address
 * and text.
 */
import { resolveLink } from '../../download/scope.ts';
import { isAgencyName } from '../classify/agency.ts';
import { classifyTitle } from '../classify/title.ts';
import { findDate, loadHtml, squash } from '../html.ts';
import { isFileUrl, listItemsFrom, type ListItem } from '../list-page.ts';
import { columnsAsRecords } from './column-answer.ts';
import { csvAnswerAsJson } from './csv-answer.ts';
import { kitDataAsJson } from './devalue-answer.ts';
import { keyedAsArrays } from './keyed-arrays.ts';
import { dwrReplyData } from './dwr-reply.ts';
import { scriptData } from './script-data.ts';
import { eventStreamAsJson } from './event-stream.ts';
import { parentCallData } from './parent-call.ts';
import { xmlAnswerAsJson } from './xml-answer.ts';
import { slotQueryValues } from './template-params.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A path into an item object; the segment JSON_STRING means "parse this string as JSON and go on". */
export type LeafPath = string[];
export const JSON_STRING = '#json';
/** A path segment meaning "every value of this object, each an array, one after another": a list keyed by year. */
export const EVERY_YEAR = '#years';
/** A year as a list's key: "2024", "2024年", "2024年度". */
const YEAR_KEY = /^(?:19|20)\d{2}(?:年度?)?$/;

/**
 * The items of an object keyed by year, each year's array one after another, newest year first (`{"2024": […],
 * "2023": […]}`, a year accordion's one answer, round 71b: each year's array was read as a list of its own and the
 * best of them kept, so one year was read); null when the object is not one.
 */
function everyYear(node: Json | undefined): Json[] | null {
  if (!isRecord(node)) return null;
  const keys = Object.keys(node);
  if (keys.length < 2 || !keys.every((k) => YEAR_KEY.test(k) && Array.isArray(node[k]))) return null;
  return keys.sort((a, b) => b.localeCompare(a)).flatMap((k) => node[k] as Json[]);
}
/**
 * A path segment meaning "the arrays under this key in every element of this array, one after another": a list in
 * groups (`groups: [{name: '区人民政府', list: […]}, {name: '区直部门', list: […]}]`, round 97b: the best group's array
 * alone was read, the other units' reports lost). Written `#each:list`.
 */
export const EVERY_GROUP = '#each:';

/** The items of an array of groups each holding its items under `key`, one group after another; null when it is none. */
function everyGroup(node: Json | undefined, key: string): Json[] | null {
  if (!Array.isArray(node) || node.length < 2 || !node.every((g) => isRecord(g) && Array.isArray(g[key]))) return null;
  return node.flatMap((g) => (g as { [k: string]: Json[] })[key]!);
}

/** The key under which every element of an array of two or more records holds an array of records; null when none. */
function groupKey(node: Json[]): string | null {
  if (node.length < 2 || !node.every(isRecord)) return null;
  const first = node[0] as { [k: string]: Json };
  return Object.keys(first).find((k) => node.every((g) => { const v = (g as { [k: string]: Json })[k]; return Array.isArray(v) && v.every(isRecord); }) && node.some((g) => ((g as { [k: string]: Json[] })[k]!).length > 0)) ?? null;
}

/**
 * Segments reading a field that holds one link's markup (`"<a href='/art/1.html' target='_blank'>查看</a>"`, a
 * DataTables cell): its address and its text.
 */
export const LINK_HREF = '#href';
export const LINK_TEXT = '#text';

const ONE_LINK = /^\s*<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a>\s*$/i;

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#0*39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');

/** The address and text of a field that is one link's markup and nothing else; null for any other value. */
function linkIn(v: Json | undefined): { href: string; text: string } | null {
  if (typeof v !== 'string' || v.length > 2000) return null;
  const m = ONE_LINK.exec(v);
  if (!m || /<a\s/i.test(m[4]!)) return null;
  return { href: decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim()), text: squash(decodeEntities(m[4]!.replace(/<[^>]*>/g, ''))) };
}

export interface JsonItemShape {
  kind: 'json';
  /** Keys (and array indexes) from the answer's root to the item array. */
  arrayPath: string[];
  title: LeafPath;
  url: LeafPath;
  date: LeafPath | null;
  /**
   * When the answer carries no URL, only an id the page's script builds the link from (`'/doc/' + d.docId +
   * '.html'`): the link with `{id}` where the value at `url` goes, learned from the links the rendered page drew.
   */
  urlTemplate?: string;
  /** Where the item's date is, when the link template writes it (`{date:yyyy}`: the year as a folder). */
  urlDate?: LeafPath;
  /**
   * Other fields the link template writes as query values (`gknbxq.html?id={id}&nf={field:nf}`: a record's id and its
   * report year, round 93b), by slot name: a value every item the page drew shared would otherwise stay a literal.
   */
  urlFields?: Record<string, LeafPath>;
  /**
   * Query values of the link template its list's request gives (`{param:nf}`: the year a tab asked for, template-params.ts),
   * by lower-cased name: the values of the request that answered (the learned one's until read for another).
   */
  urlParams?: Record<string, string>;
  /**
   * With a link template: the fields where an item may give an address of its own (an external link, a report
   * published as its file alone), which the page's script links instead of the built one (`row.outUrl || '/show?id='
   * + row.id`); the first holding an address is the item's.
   */
  urlOwn?: LeafPath[];
  /**
   * With a link template: the fields holding a document's address on the learned page whose items the page linked
   * to the built address all the same: never an item's own address (fileFields).
   */
  urlNotOwn?: LeafPath[];
  /**
   * With a link template: the addresses a dictionary answer the page fetched when its items were clicked gives by id
   * (id → absolute address, id-links.ts), taken before the template (which guesses wrong where the dictionary sends an
   * item elsewhere: a report published as its PDF alone).
   */
  urlById?: Record<string, string>;
  /**
   * When the answer's URLs are relative to a root the page's script prepends (`window.SITE.root + item.URL`), not to
   * the page: that root, learned from the links the rendered page drew. A folder of it an item field gives (`base +
   * r.channelCode + '/' + r.url`: a tab's items under their own channel, round 95c) is a `{field:…}` slot (urlFields).
   */
  urlBase?: string;
  /** The field naming each item's publishing agency (`pubOrg`, `deptName`), when its values are agencies' names. */
  publisher?: LeafPath;
}

/** A link of the rendered page (its text and absolute URL): what the page's script drew from an answer. */
export interface DrawnLink {
  text: string;
  url: string;
}

const ID_SLOT = '{id}';

export interface MarkupShape {
  kind: 'markup';
}

export type ItemShape = JsonItemShape | MarkupShape;

export interface FoundList {
  shape: ItemShape;
  items: ListItem[];
}

/** An answer that looks like JSON but does not parse: never read as "a page with no items". */
export class MalformedAnswerError extends Error {
  constructor(readonly url: string, detail: string) {
    super(`malformed JSON list answer: ${detail}`);
    this.name = 'MalformedAnswerError';
  }
}

const JSONP = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/;
/** Content-Types a JSONP list answer comes under: the HTTP lane must let them through to the learned family. */
export const JSONP_MIME_TYPES = ['text/javascript', 'application/javascript', 'application/x-javascript'];
/**
 * Content-Types a JSON list answer comes under besides `application/json`: the structured `+json` types of the REST
 * conventions list APIs follow (JSON:API's `application/vnd.api+json`, as Drupal's and Strapi's JSON:API modules send
 * it; HAL's `application/hal+json`, Spring Data REST's default; JSON-LD's, API Platform's Hydra collections) and the
 * older `text/json` and `application/x-json`. The HTTP lane takes a Content-Type only from its list: a learned API
 * answering `application/vnd.api+json` was read in the browser and its replayed pages dropped ("served Content-Type
 * application/vnd.api+json, but only … are allowed").
 */
export const JSON_MIME_TYPES = ['application/json', 'application/vnd.api+json', 'application/hal+json', 'application/ld+json', 'application/problem+json', 'text/json', 'application/x-json'];

/**
 * Anti-XSSI prefixes an API puts before its JSON so that a `<script src>` elsewhere cannot run it (`)]}'`, `)]}',`,
 * `while(1);`, `for(;;);`); the page's own script cuts them off before parsing, and so does nianbao.
 */
const XSSI_PREFIX = /^\s*(?:\)\]\}'?,?|while\s*\(\s*(?:1|true)\s*\)\s*;|for\s*\(\s*;\s*;\s*\)\s*;)\s*(?=[{[])/;

/** The answer without a leading byte-order mark and anti-XSSI prefix. */
function jsonText(text: string): string {
  // A data file a CMS publishes may open with its generator's comment (`/* generated … by wcm publish */` over
  // `nbCallback({…})`, round 97b): the comments before the data are no part of it.
  const t = text.replace(/^\uFEFF/, '').replace(LEADING_COMMENTS, '');
  const prefix = XSSI_PREFIX.exec(t);
  return prefix ? t.slice(prefix[0].length) : t;
}

/** Block and line comments (and the blanks between them) at the start of a script. */
const LEADING_COMMENTS = /^(?:\s*(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*(?:\n|$)))+\s*/;

/** Whether a body is JSON (or JSONP) by its first character, whatever its Content-Type says. */
export function looksLikeJson(text: string): boolean {
  const t = jsonText(text).trimStart();
  return t.startsWith('{') || t.startsWith('[') || JSONP.test(t.trim());
}

/**
 * Whether a script file is one call handing a JSON value to a callback the page defined (`nbCallback({…})`: a CMS's
 * published data file, named by no callback parameter, round 97b), its value well formed.
 */
export function isJsonpData(text: string): boolean {
  const m = JSONP.exec(jsonText(text.trim()).trim());
  if (!m || !/^[{[]/.test(m[1]!.trim())) return false;
  try {
    JSON.parse(m[1]!);
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a JSON or JSONP answer, a list keyed "0", "1"… read as the array it is (keyed-arrays.ts), a column-oriented
 * list (`{fields, rows:[[…]]}`) read as records, a SvelteKit
 * `__data.json` answer's devalue-flattened nodes read as their data; throws MalformedAnswerError when it looks like
 * JSON and is not.
 */
export function parseJsonAnswer(text: string, url: string): Json {
  let t = jsonText(text.trim()).trim();
  const jsonp = !t.startsWith('{') && !t.startsWith('[') ? JSONP.exec(t) : null;
  if (jsonp) t = jsonp[1]!.trim();
  try {
    return columnsAsRecords(kitDataAsJson(keyedAsArrays(JSON.parse(t) as Json)));
  } catch (err) {
    throw new MalformedAnswerError(url, (err as Error).message);
  }
}

const ANCHOR = /<a\s[^>]*href/i;

/** An XML answer of data records (not HTML in CDATA, which is list markup) as JSON; null otherwise. */
function xmlRecords(text: string): Json | null {
  return ANCHOR.test(text) ? null : xmlAnswerAsJson(text);
}

/**
 * A script file that only declares data (script-data.ts), or a DWR reply handing its callback a value (dwr-reply.ts),
 * as JSON, its rows without header read as records.
 */
function dataOfScript(text: string): Json | null {
  const data = scriptData(text) ?? dwrReplyData(text);
  return data === null ? null : columnsAsRecords(data);
}

/**
 * A non-JSON answer holding data records: a server-sent event stream, a page handing its data to the parent window
 * (an iframe transport's answer, parent-call.ts), an XML document, a data-only script, a CSV file (csv-answer.ts).
 */
function recordsOfOther(text: string): Json | null {
  return eventStreamAsJson(text) ?? parentCallData(text) ?? xmlRecords(text) ?? dataOfScript(text) ?? csvAnswerAsJson(text);
}

/**
 * An answer's JSON when it is JSON (or JSONP) and well formed, or an XML answer of data records; null otherwise (for
 * readers that only look).
 */
export function jsonAnswerOrNull(text: string, url: string): Json | null {
  if (!looksLikeJson(text)) return recordsOfOther(text);
  try {
    return parseJsonAnswer(text, url);
  } catch {
    return null;
  }
}

export function isRecord(v: Json | undefined): v is { [k: string]: Json } {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

const CJK = /[\u4e00-\u9fff]/;
const IMAGE = /\.(jpe?g|png|gif|webp|svg|bmp|ico)(\?|$)/i;
const PAGE_EXT = /\.(s?html?|jsp|aspx?|php|pdf|docx?|wps|xlsx?|ofd)(\?.*)?$/i;

export function urlLike(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const s = v.trim();
  if (!s || /\s/.test(s) || s.length > 500 || IMAGE.test(s) || s.startsWith('javascript:')) return false;
  if (/^(https?:)?\/\/[^/]+/i.test(s)) return true;
  if (/^\.{0,2}\/[^/]/.test(s)) return /[a-z0-9]/i.test(s) && (PAGE_EXT.test(s) || /\/[\w-]+\/?(\?.*)?$/.test(s));
  return PAGE_EXT.test(s) && /^[\w\-./%]+(\?.*)?$/.test(s);
}

/**
 * ASP.NET's JSON date (JavaScriptSerializer behind page methods and ASMX script services, WCF, Json.NET's
 * MicrosoftDateFormat): written `"\/Date(1737507600000)\/"`, the string `/Date(ms)/` once parsed; an offset after the
 * milliseconds (`+0800`) says where it was written, not another instant.
 */
const ASPNET_DATE = /^\/Date\((\d{12,13})(?:[+-]\d{4})?\)\/$/;

/** Digits alone that may be a Unix time in seconds or milliseconds (`"1737507600"`), as a date field writes one. */
const EPOCH_DIGITS = /^\d{10}$|^\d{13}$/;

function dateOf(v: Json | undefined): string | null {
  if (typeof v === 'number') {
    // Unix seconds or milliseconds between 2000 and 2039; dates are those of China (UTC+8).
    const ms = v >= 9.4e8 && v <= 2.2e9 ? v * 1000 : v >= 9.4e11 && v <= 2.2e12 ? v : null;
    return ms === null ? null : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  }
  if (typeof v === 'string') {
    if (EPOCH_DIGITS.test(v.trim())) return dateOf(Number(v));
    const aspnet = ASPNET_DATE.exec(v.trim());
    if (aspnet) return dateOf(Number(aspnet[1]));
    return v.length <= 40 ? findDate(v) : null;
  }
  return null;
}

/**
 * Inline marks a search service wraps its keyword in within a result's title (`…<em>年度报告</em>`, `<font
 * color="red">`, `<span class="highlight">`, `<mark>`, `<b>`): the page draws them as text. A title field holding only
 * such marks is still the title; read with them it was no title at all (`<` and `>` refused), and round 32c's site
 * search took each result's 来源栏目 (channel, channelUrl) for its title and link: page 1 gave 5 channels, the seed
 * `short`.
 */
const HIGHLIGHT_TAG = /<\/?(?:em|mark|b|strong|font|span|i|u)(?:\s[^<>]*)?>/gi;

/**
 * `\u9686` left in a string escaped twice (titles migrated from an old site stored as `"\\u9686…"`, round 63b): the
 * page's script decodes them (`unescape(s.replace(/\\u/g, '%u'))`), and so are they here.
 */
const LEFT_ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/** A title as the page shows it: escapes left in it decoded, its highlight marks dropped. */
function plainTitle(v: string): string {
  const t = v.includes('\\u') ? v.replace(LEFT_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : v;
  return t.includes('<') ? t.replace(HIGHLIGHT_TAG, '') : t;
}

/**
 * A title field's values that are report titles: among fields of as many items, the title (`bt`: the same
 * "2024年度政府信息公开工作年度报告" for four units) before the one more varied (`fbjg`: the four units' names, round 101b).
 */
function reportTitle(v: Json): boolean {
  return typeof v === 'string' && classifyTitle(squash(plainTitle(v))).isReport;
}

function titleLike(v: Json | undefined): v is string {
  if (typeof v !== 'string') return false;
  const s = squash(plainTitle(v));
  return s.length >= 4 && s.length <= 300 && !/[<>]/.test(s) && !urlLike(s) && dateOf(s) === null && (CJK.test(s) || /[a-z]{3,}\s/i.test(s));
}

/**
 * A row's cells held as an array under one of its keys (jqGrid's and Flexigrid's `{id, cell:["31", "标题", "/a.html",
 * …]}`, the grid's colModel giving each index its meaning): 2 to 30 plain values, text among them. Entered by index,
 * as a column-oriented row is (column-answer.ts); an array of objects is a nested list, never a row's cells.
 */
function cellRow(v: Json): v is (string | number | boolean | null)[] {
  if (!Array.isArray(v) || v.length < 2 || v.length > 30) return false;
  return v.every((c) => c === null || typeof c !== 'object') && v.some((c) => typeof c === 'string' && c.trim() !== '');
}

/** A list of one plain value (a string or a number). */
function oneValue(v: Json): v is [string | number] {
  return Array.isArray(v) && v.length === 1 && (typeof v[0] === 'string' || typeof v[0] === 'number');
}

/**
 * Leaf values of an item object, by path; nested objects and JSON-string fields are entered (3 levels deep), and so
 * is a row's cell array when the object holding it has no title of its own (its arrays are then files, tags…), and
 * a list of one plain value (a search engine's multi-valued field).
 */
function leaves(o: Json, path: string[] = [], depth = 0, out = new Map<string, { path: LeafPath; value: Json }>(), cells = false): Map<string, { path: LeafPath; value: Json }> {
  if (isRecord(o)) {
    if (depth > 3) return out;
    const untitled = !Object.values(o).some((v) => titleLike(v) || (oneValue(v) && titleLike(v[0])));
    for (const [k, v] of Object.entries(o)) leaves(v, [...path, k], depth + 1, out, untitled);
  } else if (cells && depth <= 3 && cellRow(o)) {
    o.forEach((c, i) => leaves(c, [...path, String(i)], depth + 1, out));
  } else if (oneValue(o) && depth <= 3) {
    // A search engine's multi-valued field holding one value (Solr's `"title": ["…"]`): that value.
    leaves(o[0]!, [...path, '0'], depth + 1, out);
  } else if (typeof o === 'string' && depth <= 3 && /^\s*[{[]/.test(o)) {
    try {
      const inner = JSON.parse(o) as Json;
      if (isRecord(inner)) return leaves(inner, [...path, JSON_STRING], depth + 1, out);
    } catch {
      // A string that merely starts with a brace: a plain value.
    }
    out.set(path.join('\u0000'), { path, value: o });
  } else if (!Array.isArray(o)) {
    out.set(path.join('\u0000'), { path, value: o });
    const link = linkIn(o);
    if (link) {
      out.set([...path, LINK_HREF].join('\u0000'), { path: [...path, LINK_HREF], value: link.href });
      out.set([...path, LINK_TEXT].join('\u0000'), { path: [...path, LINK_TEXT], value: link.text });
    }
  }
  return out;
}

export function valueAt(o: Json, path: LeafPath): Json | undefined {
  let cur: Json | undefined = o;
  for (const seg of path) {
    if (seg === LINK_HREF || seg === LINK_TEXT) {
      const link = linkIn(cur);
      if (!link) return undefined;
      cur = seg === LINK_HREF ? link.href : link.text;
    } else if (seg === JSON_STRING) {
      if (typeof cur !== 'string') return undefined;
      try {
        cur = JSON.parse(cur) as Json;
      } catch {
        return undefined;
      }
    } else if (seg === EVERY_YEAR) {
      const all = everyYear(cur);
      if (!all) return undefined;
      cur = all;
    } else if (seg.startsWith(EVERY_GROUP)) {
      const all = everyGroup(cur, seg.slice(EVERY_GROUP.length));
      if (!all) return undefined;
      cur = all;
    } else if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isRecord(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/**
 * A JSON document encoded again as a string (`"data": "{\"total\":11,\"list\":[…]}"`, a gateway wrapping its
 * service's answer): parsed, when it is an object or an array; null for any other string.
 */
export function jsonInString(v: Json | undefined): Json | null {
  if (typeof v !== 'string' || !/^\s*[{[]/.test(v)) return null;
  try {
    const inner = JSON.parse(v) as Json;
    return inner !== null && typeof inner === 'object' ? inner : null;
  } catch {
    return null;
  }
}

/** Arrays of objects anywhere in the answer (JSON-string fields entered), with their paths. */
function objectArrays(root: Json): { path: string[]; objs: { [k: string]: Json }[] }[] {
  const out: { path: string[]; objs: { [k: string]: Json }[] }[] = [];
  const walk = (node: Json, path: string[], depth: number) => {
    if (depth > 8) return;
    const inner = jsonInString(node);
    if (inner !== null) return walk(inner, [...path, JSON_STRING], depth + 1);
    if (Array.isArray(node)) {
      const objs = node.filter(isRecord);
      if (objs.length) out.push({ path, objs });
      const key = groupKey(node);
      const grouped = key === null ? null : everyGroup(node, key)?.filter(isRecord);
      if (grouped?.length) out.push({ path: [...path, `${EVERY_GROUP}${key}`], objs: grouped });
      node.forEach((x, i) => walk(x, [...path, String(i)], depth + 1));
    } else if (isRecord(node)) {
      const years = everyYear(node)?.filter(isRecord);
      if (years?.length) out.push({ path: [...path, EVERY_YEAR], objs: years });
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k], depth + 1);
    }
  };
  walk(root, [], 0);
  return out;
}

/**
 * The leaf path whose values pass `test` most often (ties: more passing `rank`, then more distinct values); null below
 * half the items.
 */
function bestPath(items: { [k: string]: Json }[], test: (v: Json) => boolean, exclude: string[] = [], rank?: (v: Json) => boolean): LeafPath | null {
  const stats = new Map<string, { path: LeafPath; hits: number; ranked: number; distinct: Set<string> }>();
  for (const o of items) {
    for (const [key, { path, value }] of leaves(o)) {
      if (exclude.includes(key) || !test(value)) continue;
      const s = stats.get(key) ?? { path, hits: 0, ranked: 0, distinct: new Set<string>() };
      s.hits += 1;
      if (rank?.(value)) s.ranked += 1;
      s.distinct.add(String(value));
      stats.set(key, s);
    }
  }
  let best: { path: LeafPath; hits: number; ranked: number; distinct: Set<string> } | null = null;
  for (const s of stats.values()) {
    const tie = !!best && s.hits === best.hits;
    if (!best || s.hits > best.hits || (tie && s.ranked > best.ranked) || (tie && s.ranked === best.ranked && s.distinct.size > best.distinct.size)) best = s;
  }
  if (!best || best.hits < Math.ceil(items.length / 2)) return null;
  // A value every item shares (a channel name, a site URL) is not what tells items apart.
  if (items.length >= 3 && best.distinct.size === 1) return null;
  return best.path;
}

function itemFrom(o: Json, shape: JsonItemShape, baseUrl: string): ListItem | null {
  const item = itemAt(o, shape, baseUrl);
  const publisher = item && shape.publisher ? valueAt(o, shape.publisher) : undefined;
  return item && typeof publisher === 'string' && isAgencyName(publisher.trim()) ? { ...item, publisher: publisher.trim() } : item;
}

function itemAt(o: Json, shape: JsonItemShape, baseUrl: string): ListItem | null {
  const title = valueAt(o, shape.title);
  const href = valueAt(o, shape.url);
  if (typeof title !== 'string') return null;
  if (shape.urlTemplate !== undefined) {
    const own = shape.urlOwn?.map((p) => valueAt(o, p)).find(pageUrlLike);
    const ownUrl = own ? resolveLink(own.trim(), ownBase(own.trim(), shape.urlTemplate, baseUrl)) : null;
    if (ownUrl) return { title: squash(plainTitle(title)), url: ownUrl, date: shape.date ? dateOf(valueAt(o, shape.date)) : null, isFile: isFileUrl(ownUrl) };
    const key = idLike(href) ? String(href).trim() : null;
    const mapped = key !== null && shape.urlById && Object.hasOwn(shape.urlById, key) ? shape.urlById[key] : undefined;
    const dated = mapped || !idLike(href) ? null : fillDate(shape.urlTemplate, o, shape.urlDate);
    const template = dated === null ? null : fillFields(dated, o, shape.urlFields)?.replace(PARAM_SLOT, (_, name: string) => encodeURIComponent(shape.urlParams?.[name] ?? '')) ?? null;
    if (!mapped && template === null) return null;
    const url = mapped ?? template!.replace(ID_SLOT, encodeURIComponent(String(href)));
    return { title: squash(plainTitle(title)), url, date: shape.date ? dateOf(valueAt(o, shape.date)) : null, isFile: isFileUrl(url) };
  }
  // An item whose page address is blank and whose file field holds a document (`docpuburl: ""` beside `fileurl:
  // "/…/P0….pdf"`: a report published as its PDF alone, round 54b) is that document.
  const link = urlLike(href) ? href : blank(href) ? fileAddress(o, shape) : null;
  if (!link) return null;
  const root = shape.urlBase === undefined ? null : fillFields(shape.urlBase, o, shape.urlFields);
  if (shape.urlBase !== undefined && root === null) return null;
  const url = root && !ABSOLUTE.test(link.trim()) && !underBase(link.trim(), root) ? resolveLink(link.trim().replace(/^\.?\//, ''), root) : resolveLink(link.trim(), baseUrl);
  if (!url) return null;
  return { title: squash(plainTitle(title)), url, date: shape.date ? dateOf(valueAt(o, shape.date)) : null, isFile: isFileUrl(url) };
}

/**
 * A root-relative address already under the root the page's script puts before relative ones (`/shmh/upload/…pdf`
 * beside `zfxxgknb/…html` drawn as `/shmh/zfxxgknb/…html`, round 57b): the script draws it as it is (prefixing it
 * again made `/shmh/shmh/upload/…`, a 404).
 */
function underBase(link: string, urlBase: string): boolean {
  if (!link.startsWith('/') || !URL.canParse(urlBase)) return false;
  const root = new URL(urlBase).pathname;
  return root !== '/' && link.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/** An item's document address in a field named for links (`fileurl`, `attachPath`), other than its page's field. */
function fileAddress(o: Json, shape: JsonItemShape): string | null {
  const own = shape.url.join('\u0000');
  for (const [key, { path, value }] of leaves(o)) {
    if (key === own || !LINK_KEY.test(String(path[path.length - 1])) || MEDIA_KEY.test(path.join('.'))) continue;
    if (urlLike(value) && DOCUMENT_PATH.test(value.trim())) return value;
  }
  return null;
}

/** A document's address, by its extension (a query after it allowed). */
const DOCUMENT_PATH = /\.(?:pdf|docx?|wps|xlsx?|et|ofd|odt|rtf)(?:[?#].*)?$/i;

/**
 * What an item's own address relative to no folder (`upload/2021/02/P….pdf`) is relative to: the folder of the link
 * template, when that folder is above the page's (the web application's context path: `ctx + '/detail.do?…'` beside
 * `ctx + '/' + row.fileUrl`, round 44b), else the page, as a link written in it would be.
 */
function ownBase(own: string, template: string, baseUrl: string): string {
  if (/^(?:[a-z][a-z\d+.-]*:|\/)/i.test(own)) return baseUrl;
  let root: URL;
  try {
    root = new URL(template.replace(ID_SLOT, '0'), baseUrl);
  } catch {
    return baseUrl;
  }
  const page = new URL(baseUrl);
  const folder = root.pathname.replace(/[^/]*$/, '');
  const pageFolder = page.pathname.replace(/[^/]*$/, '');
  // The site's root is above every page: a template there says nothing of a context path.
  return root.origin === page.origin && folder !== '/' && folder !== pageFolder && pageFolder.startsWith(folder) ? `${root.origin}${folder}` : baseUrl;
}

/** The items of a JSON answer read with a known shape; null when the shape no longer finds them. */
export function itemsByShape(json: Json, shape: JsonItemShape, baseUrl: string): ListItem[] | null {
  const arr = valueAt(json, shape.arrayPath);
  if (!Array.isArray(arr)) return null;
  const files = shape.urlTemplate === undefined ? [] : fileFields(arr, shape);
  return arr.flatMap((o) => itemFrom(o, files.length ? { ...shape, urlOwn: [...(shape.urlOwn ?? []), ...files] } : shape, baseUrl) ?? []);
}

/** A document's address (`/group1/M00/…/x.pdf`, `…/a.docx`): a file, not a page. */
const DOCUMENT_URL = /\.(?:pdf|docx?|wps|xlsx?|ofd|zip|rar)(?:[?#].*)?$/i;

/**
 * Of items whose links a template builds from their id, the fields holding a document's address on some items and
 * blank on others of the same answer, whatever their names (`e` of an answer whose keys are single letters, round
 * 45b): the page's script links such an item to its file (`row.e ? row.e : '/public/' + row.a + '.html'`), and the
 * learned page may have shown none of those, so the field was not learned as the items' own address then.
 */
function fileFields(arr: Json[], shape: JsonItemShape): LeafPath[] {
  const known = new Set([shape.title, shape.url, shape.date, ...(shape.urlOwn ?? []), ...(shape.urlNotOwn ?? [])].filter((p): p is LeafPath => !!p).map((p) => p.join('\u0000')));
  const filled = new Map<string, LeafPath>();
  for (const o of arr) {
    for (const [key, { path, value }] of leaves(o)) {
      if (!known.has(key) && typeof value === 'string' && pageUrlLike(value) && DOCUMENT_URL.test(value.trim())) filled.set(key, path);
    }
  }
  // Blank or absent on another item: a field filled on every item is an attachment its page links, not its address.
  return [...filled.values()].filter((path) => arr.some((o) => blank(valueAt(o, path))));
}

function score(items: ListItem[]): number {
  return items.filter((i) => classifyTitle(i.title).isReport).length * 1000 + items.length;
}

/**
 * An identifier a script could build a link from: a short token of letters, digits, '-' or '_' (not a date). Ten or
 * thirteen digits in a string are an id as the same number is: a Unix time to a date field, they are also where an
 * id counter stands (RuoYi's `"articleId": "1882730217"`), and a template only takes a value its item's drawn link
 * holds; a date written as a date (`2024-01-26`, `20240126`) is never one.
 */
function idLike(v: Json | undefined): v is string | number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0;
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return /^[\w-]{1,64}$/.test(s) && (EPOCH_DIGITS.test(s) || dateOf(s) === null);
}

/**
 * Ways a script writes an item's date into its link (`/art/{year}/{id}.html`, `/t20240126_…`), longest first: the
 * slot `{date:<format>}` of a link template is filled from the item's date field.
 */
const DATE_FORMATS: Record<string, (ymd: string) => string> = {
  yyyymmdd: (d) => d.replace(/-/g, ''),
  'yyyy-mm-dd': (d) => d,
  'yyyy/mm/dd': (d) => d.replace(/-/g, '/'),
  // Month and day without zero padding: Hanweb's article folders (`/art/2025/1/21/art_1229_3345.html`) and the links
  // scripts build like them from an item's id and date.
  'yyyy/m/d': (d) => d.split('-').map(Number).join('/'),
  yyyymm: (d) => d.slice(0, 7).replace('-', ''),
  'yyyy-mm': (d) => d.slice(0, 7),
  'yyyy/mm': (d) => d.slice(0, 7).replace('-', '/'),
  yyyy: (d) => d.slice(0, 4),
};
const DATE_SLOT = /\{date:([\w/-]+)\}/;

/** Every date slot of a link template, each written as the item's date is (`{date:yyyy}` → 2024); null when the
 * item has no date. A template may write the date more than once (TRS's `./{date:yyyymm}/t{date:yyyymmdd}_{id}.htm`). */
function fillDate(template: string, o: Json, datePath: LeafPath | undefined): string | null {
  if (!DATE_SLOT.test(template)) return template;
  const day = datePath ? dateOf(valueAt(o, datePath)) : null;
  if (!day) return null;
  let unknown = false;
  const filled = template.replace(new RegExp(DATE_SLOT.source, 'g'), (_, name: string) => {
    const format = DATE_FORMATS[name];
    if (!format) unknown = true;
    return format ? format(day) : '';
  });
  return unknown ? null : filled;
}

const FIELD_SLOT = /\{field:([\w.-]+)\}/g;
/** A slot the list's request fills (template-params.ts). */
const PARAM_SLOT = /\{param:([\w.-]+)\}/g;

/** Every field slot of a link template, written as the item's value there; null when the item has none. */
function fillFields(template: string, o: Json, fields: Record<string, LeafPath> | undefined): string | null {
  if (!fields) return template;
  let missing = false;
  const filled = template.replace(FIELD_SLOT, (_, name: string) => {
    const path = fields[name];
    const v = path ? valueAt(o, path) : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') missing = true;
    return missing ? '' : encodeURIComponent(String(v).trim());
  });
  return missing ? null : filled;
}

/**
 * The field (a leaf path not in `skip`, named `name` when given, case aside) holding `value` as text in every item;
 * null when none does.
 */
function fieldHolding(items: { [k: string]: Json }[], value: string, skip: ReadonlySet<string>, name?: string): LeafPath | null {
  if (!items.length) return null;
  for (const { path, value: first } of leaves(items[0]!).values()) {
    if (skip.has(path.join('\u0000')) || (typeof first !== 'string' && typeof first !== 'number')) continue;
    if (name !== undefined && String(path[path.length - 1]).toLowerCase() !== name.toLowerCase()) continue;
    if (items.every((o) => String(valueAt(o, path) ?? '').trim() === value)) return path;
  }
  return null;
}

/**
 * The query values of a link template that an item field of the same name gives (`&nf=2024` beside `nf: "2024"` in
 * every item that template linked), made slots. Evidence: the parameter and the field share their name, and the field
 * held that very value in every item. Without it a year's tab learned as the list leaves its year in every item's
 * address, and the other years' reports answer 参数错误.
 */
function queryFieldSlots(template: string, items: { [k: string]: Json }[], idPath: LeafPath): { template: string; fields: Record<string, LeafPath> } | null {
  const fields: Record<string, LeafPath> = {};
  const id = idPath.join('\u0000');
  const out = slotQueryValues(template, (name, written) => {
    let value: string;
    try {
      value = decodeURIComponent(written);
    } catch {
      return null;
    }
    const field = fieldHolding(items, value, new Set([id]), name);
    if (!field || fields[name]) return null;
    fields[name] = field;
    return `{field:${name}}`;
  });
  return Object.keys(fields).length ? { template: out, fields } : null;
}

/** The formats of a template's date slots, in order. */
const slotFormats = (template: string) => [...template.matchAll(new RegExp(DATE_SLOT.source, 'g'))].map((m) => m[1]!);

/** Whether the date is written at `at` as a whole: no digit just before or after it. */
const atBoundary = (s: string, at: number, length: number) => !/\d/.test(s[at - 1] ?? '') && !/\d/.test(s[at + length] ?? '');

/**
 * The template with EVERY writing of the day at a boundary made a slot, longest formats first, when it writes the
 * day more than once: TRS's article address holds the month as its folder and the day in its name
 * (`./202501/t20250122_8812345.htm`), and a slot for the name alone leaves the folder of the first page's month in
 * every later item's address (all of them 404 but January's).
 */
function everyDateSlot(template: string, day: string): string | null {
  let out = template;
  let slots = 0;
  for (const [name, format] of Object.entries(DATE_FORMATS)) {
    const written = format(day);
    for (let at = out.indexOf(written); at >= 0; at = out.indexOf(written, at + 1)) {
      if (!atBoundary(out, at, written.length)) continue;
      const slot = `{date:${name}}`;
      out = `${out.slice(0, at)}${slot}${out.slice(at + written.length)}`;
      slots += 1;
    }
  }
  return slots > 1 ? out : null;
}

/** The template with the item's date put back as a slot, once per date field and format found in it at a boundary. */
function dateSlots(template: string, o: { [k: string]: Json }): { template: string; date: LeafPath }[] {
  const out: { template: string; date: LeafPath }[] = [];
  for (const [, { path, value }] of leaves(o)) {
    const day = typeof value === 'string' || typeof value === 'number' ? dateOf(value) : null;
    if (!day) continue;
    // The longest writing found, and every other format writing the same there: a date whose month and day have two
    // digits reads the same padded or not, and the items of one list must meet on one template whatever their dates.
    let found: { at: number; written: string } | null = null;
    for (const [name, format] of Object.entries(DATE_FORMATS)) {
      const written = format(day);
      const at: number = found ? (found.written === written ? found.at : -1) : template.lastIndexOf(written);
      if (at < 0 || !atBoundary(template, at, written.length)) continue;
      out.push({ template: `${template.slice(0, at)}{date:${name}}${template.slice(at + written.length)}`, date: path });
      found = { at, written };
    }
    const every = found ? everyDateSlot(template, day) : null;
    if (every) out.push({ template: every, date: path });
  }
  return out;
}

/**
 * Where the rendered page linked each item: the addresses of the drawn links by their text (squashed), read for an
 * item by its title's value. Several readers below match an answer's fields against what the page drew.
 */
function drawnHrefs(links: DrawnLink[]): (item: { [k: string]: Json }, title: LeafPath) => string[] {
  const byText = new Map<string, string[]>();
  for (const l of links) {
    const key = squash(l.text);
    byText.set(key, [...(byText.get(key) ?? []), l.url]);
  }
  return (item, title) => {
    const t = valueAt(item, title);
    if (typeof t !== 'string') return [];
    const key = squash(plainTitle(t));
    const exact = byText.get(key);
    if (exact || key.length < 6) return exact ?? [];
    // A card drawing the title and its date (or source) in one link (`<a><p>标题</p><p>2025-01-21</p></a>`, a mobile
    // list's usual item): its text is the title and a short tail. Round 34c's H5 column matched no item by its text.
    return links.filter((l) => { const x = squash(l.text); return x.startsWith(key) && x.length - key.length <= CARD_TAIL; }).map((l) => l.url);
  };
}

/** The most a drawn link's text may hold after an item's title and still be that item's card (a date, a source). */
const CARD_TAIL = 24;

/**
 * The id field and link template of items that carry no URL: the field whose value sits in the href of the drawn
 * link bearing the item's title, for two items or more and at least half of the items the page drew (a list paged
 * in the page draws a part of its items), all through one template. Where the links also hold each item's date (its
 * year as a folder), the date is a slot of the template when that makes more items agree.
 */
function idTemplate(objs: { [k: string]: Json }[], title: LeafPath, links: DrawnLink[]): { url: LeafPath; urlTemplate: string; urlDate?: LeafPath; urlFields?: Record<string, LeafPath> } | null {
  if (!links.length) return null;
  const hrefsOf = drawnHrefs(links);
  const candidates = new Map<string, { path: LeafPath; date?: LeafPath; template: string; hits: Set<number> }>();
  let drawn = 0;
  objs.forEach((o, index) => {
    const hrefs = hrefsOf(o, title);
    if (!hrefs.length) return;
    drawn += 1;
    for (const [key, { path, value }] of leaves(o)) {
      if (!idLike(value) || String(value).length < 2) continue;
      for (const href of hrefs) {
        const at = href.lastIndexOf(encodeURIComponent(String(value)));
        if (at < 0) continue;
        const template = href.slice(0, at) + ID_SLOT + href.slice(at + encodeURIComponent(String(value)).length);
        for (const c of [{ template, date: undefined as LeafPath | undefined }, ...dateSlots(template, o)]) {
          const id = `${key}\u0000${c.template}\u0000${c.date?.join('\u0000') ?? ''}`;
          const entry = candidates.get(id) ?? { path, template: c.template, hits: new Set<number>(), ...(c.date ? { date: c.date } : {}) };
          entry.hits.add(index);
          candidates.set(id, entry);
        }
      }
    }
  });
  // The most items explained. On a tie, a year slot gives way to the template without it (a year every drawn item
  // shares may be the column's, not the item's); a slot holding the month or the day does not (a page of January
  // items drawn under `/2025/01/`: no column is named for a month, and the later pages' items are in their own).
  let best: { path: LeafPath; date?: LeafPath; template: string; hits: Set<number> } | null = null;
  // A template writing the date twice (a month folder and the day in the name) is finer still than one slotting the
  // day alone, for the same reason.
  const yearOnly = (c: { date?: LeafPath; template: string }) => !!c.date && slotFormats(c.template).every((f) => f === 'yyyy');
  const finer = (c: { date?: LeafPath; template: string }) => !!c.date && !yearOnly(c);
  const monthSlots = (c: { template: string }) => slotFormats(c.template).filter((f) => f !== 'yyyy').length;
  for (const c of candidates.values()) {
    const tieWins =
      best !== null &&
      c.hits.size === best.hits.size &&
      ((yearOnly(best) && !c.date) || (!best.date && finer(c)) || (finer(best) && monthSlots(c) > monthSlots(best)));
    if (!best || c.hits.size > best.hits.size || tieWins) best = c;
  }
  if (!best || best.hits.size < 2 || best.hits.size < Math.ceil(drawn / 2)) return null;
  const slots = queryFieldSlots(best.template, [...best.hits].map((i) => objs[i]!), best.path);
  return { url: best.path, urlTemplate: slots?.template ?? best.template, ...(best.date ? { urlDate: best.date } : {}), ...(slots ? { urlFields: slots.fields } : {}) };
}

const blank = (v: Json | undefined) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** A picture's address (a thumbnail, a cover): never the item's own page, whatever field holds it. */
const PICTURE_URL = /\.(?:jpe?g|png|gif|bmp|webp|svg|ico)(?:[?#].*)?$/i;
/** An address that may be an item's own page: no picture. */
function pageUrlLike(v: Json | undefined): v is string {
  return urlLike(v) && !PICTURE_URL.test(v.trim());
}
/** Fields holding pictures or media beside an item (`picUrl`, `thumbImg`, `coverPath`, `videoUrl`): no item's address. */
const MEDIA_KEY = /pic|img|image|thumb|icon|logo|cover|photo|video|audio|avatar/i;
/**
 * A field blank on every learned item is kept only when its name says it links (`outUrl`, `linkAddr`, `fileUrl`, or in
 * pinyin 网址 `wz` and 地址 `…dz`: 附件地址 `fjdz`, round 100b).
 */
const LINK_KEY = /url|link|href|file|path|addr|wz|dz$/i;

/**
 * Of items whose links a template builds from their id, the fields where some may give an address of their own
 * (`outUrl`, `fileUrl`, `linkUrl` beside a `linkType`), most often filled first: fields holding only addresses and
 * blanks on every item, none of whose items the page drew at another address. The page's script links such an item
 * there; a template is learned from half the items drawn, and the first page may show none of those (a blank field
 * is kept for the pages after it). A field holding anything else (a title, a number, a word) is no address.
 */
function ownUrlPaths(objs: { [k: string]: Json }[], title: LeafPath, exclude: string[], baseUrl: string, links: DrawnLink[]): LeafPath[] {
  const paths = new Map<string, LeafPath>();
  for (const o of objs) {
    for (const [key, { path, value }] of leaves(o)) {
      if (exclude.includes(key) || MEDIA_KEY.test(path.join('.'))) continue;
      if (blank(value) || pageUrlLike(value)) paths.set(key, path);
    }
  }
  const hrefsOf = drawnHrefs(links);
  const fit: { path: LeafPath; filled: number }[] = [];
  for (const path of paths.values()) {
    let filled = 0;
    const fits = objs.every((o) => {
      const v = valueAt(o, path);
      if (blank(v)) return true;
      if (!pageUrlLike(v)) return false;
      filled += 1;
      const hrefs = hrefsOf(o, title);
      return !hrefs.length || hrefs.includes(resolveLink(v.trim(), baseUrl) ?? '');
    });
    // Never filled on the learned page: trusted only by its name, since any blank field would fit.
    if (fits && (filled > 0 || LINK_KEY.test(String(path[path.length - 1])))) fit.push({ path, filled });
  }
  return fit.sort((a, b) => b.filled - a.filled).map((f) => f.path);
}

/**
 * Of the fields holding an address on most items, the one the rendered page linked each item's title to, when the
 * page drew links: an item may carry several addresses, and the first found need not be its page (a JSON:API resource
 * gives its own API address, `links.self.href`, before `attributes.path.alias`, the page the script links; an answer
 * may give a source's or a column's address beside the item's). Chosen by the most items whose drawn link is the
 * field's value resolved, or ends with it (a root the script puts before it), for two items or more and at least half
 * of the items drawn; null when the page drew none of them (the first-found field then, as before).
 */
function drawnUrlPath(objs: { [k: string]: Json }[], title: LeafPath, baseUrl: string, links: DrawnLink[]): LeafPath | null {
  if (!links.length) return null;
  const hrefsOf = drawnHrefs(links);
  const exclude = title.join('\u0000');
  const hits = new Map<string, { path: LeafPath; items: Set<number> }>();
  let drawn = 0;
  objs.forEach((o, index) => {
    const hrefs = hrefsOf(o, title);
    if (!hrefs.length) return;
    drawn += 1;
    for (const [key, { path, value }] of leaves(o)) {
      if (key === exclude || !pageUrlLike(value)) continue;
      const v = value.trim();
      const resolved = resolveLink(v, baseUrl) ?? '';
      const tail = v.replace(/^\.?\//, '');
      if (!hrefs.some((h) => h === resolved || (!ABSOLUTE.test(v) && h.endsWith(`/${tail}`)))) continue;
      const entry = hits.get(key) ?? { path, items: new Set<number>() };
      entry.items.add(index);
      hits.set(key, entry);
    }
  });
  const best = [...hits.values()].sort((a, b) => b.items.size - a.items.size)[0];
  return best && best.items.size >= 2 && best.items.size >= Math.ceil(drawn / 2) ? best.path : null;
}

/** Keys naming an item's publisher: 发布机构 by its English, pinyin or abbreviated names. */
const PUBLISHER_KEY = /^(?:pub(?:lish(?:er)?)?_?(?:org|dept|unit|agency|organ)(?:_?name)?|publisher|(?:dept|org|organ|unit|agency|source)_?name|fbjg|fbdw|fbjgmc|fwjg|source)$/i;

/** The field naming each item's publishing agency: named for it and holding agencies' names on half the items. */
function publisherPath(objs: { [k: string]: Json }[], taken: LeafPath[]): LeafPath | null {
  const exclude = new Set(taken.map((p) => p.join('\u0000')));
  const hits = new Map<string, { path: LeafPath; n: number }>();
  for (const o of objs) {
    for (const [key, { path, value }] of leaves(o)) {
      if (exclude.has(key) || !PUBLISHER_KEY.test(String(path[path.length - 1])) || typeof value !== 'string' || !isAgencyName(value.trim())) continue;
      const h = hits.get(key) ?? { path, n: 0 };
      h.n += 1;
      hits.set(key, h);
    }
  }
  const best = [...hits.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n >= Math.ceil(objs.length / 2) ? best.path : null;
}

/** A URL with its scheme or host (`http://…`, `//host/…`): no base applies to it. */
const ABSOLUTE = /^([a-z][a-z\d+.-]*:|\/\/)/i;

/**
 * The root the page's script puts before the items' relative URLs, when the links it drew are not where the URLs lead
 * from the page (`'/hbnyt/' + 'zfxxgk/…/t1.shtml'` where the page is `/hbnyt/zfxxgk/…/index.shtml`): for at least two
 * items and half of those drawn, the drawn link bearing the item's title ends with its URL and not with it resolved
 * against the page; null when the page's own resolution is what was drawn.
 */
function drawnUrlBase(objs: { [k: string]: Json }[], title: LeafPath, url: LeafPath, baseUrl: string, links: DrawnLink[]): string | null {
  if (!links.length) return null;
  const hrefsOf = drawnHrefs(links);
  const roots = new Map<string, number>();
  let matched = 0;
  for (const o of objs) {
    const v = valueAt(o, url);
    const hrefs = hrefsOf(o, title);
    if (!hrefs.length || typeof v !== 'string' || ABSOLUTE.test(v.trim())) continue;
    matched += 1;
    if (hrefs.includes(resolveLink(v.trim(), baseUrl) ?? '')) continue;
    const tail = v.trim().replace(/^\.?\//, '');
    const href = hrefs.find((h) => h.endsWith(tail) && h.slice(0, h.length - tail.length).endsWith('/'));
    if (href) roots.set(href.slice(0, href.length - tail.length), (roots.get(href.slice(0, href.length - tail.length)) ?? 0) + 1);
  }
  const [root, hits] = [...roots].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return hits >= 2 && hits >= Math.ceil(matched / 2) ? root : null;
}

/**
 * The folders of a learned root that an item field gives: a folder whose name (`c106417`, a channel's code) every
 * item holds in one field (`channelCode`), made a `{field:channelCode}` slot, so that another tab's items go under
 * their own channel. Ids and words of a single character or digit are no evidence (a page number, a year).
 */
function baseFieldSlots(root: string, objs: { [k: string]: Json }[], taken: LeafPath[]): { base: string; fields: Record<string, LeafPath> } | null {
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    return null;
  }
  const skip = new Set(taken.map((p) => p.join('\u0000')));
  const fields: Record<string, LeafPath> = {};
  const segments = url.pathname.split('/').map((seg) => {
    if (seg.length < 2 || /^\d{1,4}$/.test(seg)) return seg;
    const field = fieldHolding(objs, seg, skip);
    if (!field) return seg;
    const name = String(field[field.length - 1]).replace(/[^\w.-]/g, '_');
    if (fields[name]) return seg;
    fields[name] = field;
    return `{field:${name}}`;
  });
  return Object.keys(fields).length ? { base: `${url.origin}${segments.join('/')}`, fields } : null;
}

/**
 * The list in a JSON answer, by shape: the best-scoring array (report titles first, then size). `links` are the
 * links the rendered page drew, for answers whose items carry an id instead of a URL.
 */
export function findJsonList(json: Json, baseUrl: string, links: DrawnLink[] = []): FoundList | null {
  let best: FoundList | null = null;
  for (const { path, objs } of objectArrays(json)) {
    const title = bestPath(objs, titleLike, [], reportTitle);
    if (!title) continue;
    const direct = drawnUrlPath(objs, title, baseUrl, links) ?? bestPath(objs, urlLike, [title.join('\u0000')]);
    const built = direct ? null : idTemplate(objs, title, links);
    const url = direct ?? built?.url;
    if (!url) continue;
    const date = bestPath(objs, (v) => dateOf(v) !== null, [title.join('\u0000'), url.join('\u0000')]);
    const drawnRoot = direct ? drawnUrlBase(objs, title, direct, baseUrl, links) : null;
    const rootSlots = drawnRoot ? baseFieldSlots(drawnRoot, objs, [title, direct!]) : null;
    const root = rootSlots?.base ?? drawnRoot;
    const own = built ? ownUrlPaths(objs, title, [title, built.url, ...(built.urlDate ? [built.urlDate] : [])].map((p) => p.join('\u0000')), baseUrl, links) : [];
    // The fields holding files on the learned page that the page did not link its items by: never their addresses.
    const notOwn = built && links.length ? fileFields(objs, { kind: 'json', arrayPath: path, title, url: built.url, date: null, ...(own.length ? { urlOwn: own } : {}) }) : [];
    const template = built
      ? { urlTemplate: built.urlTemplate, ...(built.urlDate ? { urlDate: built.urlDate } : {}), ...(built.urlFields ? { urlFields: built.urlFields } : {}), ...(own.length ? { urlOwn: own } : {}), ...(notOwn.length ? { urlNotOwn: notOwn } : {}) }
      : {};
    const publisher = publisherPath(objs, [title, url, ...(date ? [date] : [])]);
    const shape: JsonItemShape = { kind: 'json', arrayPath: path, title, url, date, ...template, ...(root ? { urlBase: root } : {}), ...(rootSlots ? { urlFields: rootSlots.fields } : {}), ...(publisher ? { publisher } : {}) };
    const items = itemsByShape(json, shape, baseUrl) ?? [];
    if (items.length && (!best || score(items) > score(best.items))) best = { shape, items };
  }
  return best;
}

/**
 * Titles of the item arrays of a JSON answer that carry no URL (ids only): the page's script builds their links,
 * which the rendered page may draw without any href (items opened by a click handler). An array inside the items of
 * a titled array is a part of each item (Heilongjiang's `domainMetaList[].resultList[]` of {name: 发布机构, value}),
 * not a list.
 */
export function unlinkedTitles(text: string, answerUrl: string): string[] {
  const json = jsonAnswerOrNull(text, answerUrl);
  if (json === null) return [];
  const out: string[] = [];
  const titled: string[][] = [];
  const within = (path: string[], outer: string[]) => path.length > outer.length && outer.every((k, i) => path[i] === k);
  // objectArrays lists an outer array before the arrays inside its items.
  for (const { path, objs } of objectArrays(json)) {
    if (titled.some((outer) => within(path, outer))) continue;
    const title = bestPath(objs, titleLike, [], reportTitle);
    if (title) titled.push(path);
    if (!title || bestPath(objs, urlLike, [title.join('\u0000')])) continue;
    for (const o of objs) {
      const t = valueAt(o, title);
      if (typeof t === 'string') out.push(squash(plainTitle(t)));
    }
  }
  return out;
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** The list in an HTML fragment or an XML answer whose records are HTML in CDATA. */
export function findMarkupList(text: string, baseUrl: string): FoundList | null {
  const html = text.includes('<![CDATA[') ? [...text.matchAll(CDATA)].map((m) => m[1]).join('\n') : text;
  const $ = loadHtml(html);
  const items = listItemsFrom($, $.root(), baseUrl);
  return items.length ? { shape: { kind: 'markup' }, items } : null;
}

/** How deep below a JSON answer's root an HTML fragment is looked for (`data.html` is 2). */
const FRAGMENT_DEPTH = 3;

/**
 * The list in an HTML fragment a JSON answer wraps (`{"code":0,"html":"<li><a href=…>…</a></li>","pages":3}`): of
 * the string fields near the root holding links, the one giving the best list.
 */
export function findWrappedMarkupList(json: Json, baseUrl: string): FoundList | null {
  let best: FoundList | null = null;
  let level: Json[] = [json];
  for (let depth = 0; depth < FRAGMENT_DEPTH && level.length; depth++) {
    const next: Json[] = [];
    for (const node of level) {
      if (typeof node === 'string' && ANCHOR.test(node)) {
        const found = findMarkupList(node, baseUrl);
        if (found && (!best || score(found.items) > score(best.items))) best = found;
      } else if (node !== null && typeof node === 'object') next.push(...Object.values(node));
    }
    level = next;
  }
  return best;
}

/** The list an answer holds, whatever its format; throws MalformedAnswerError for broken JSON. */
export function findList(text: string, answerUrl: string, baseUrl: string, links: DrawnLink[] = []): FoundList | null {
  if (looksLikeJson(text)) {
    const json = parseJsonAnswer(text, answerUrl);
    return findJsonList(json, baseUrl, links) ?? findWrappedMarkupList(json, baseUrl);
  }
  const data = eventStreamAsJson(text) ?? dataOfScript(text);
  if (data !== null) return findJsonList(data, baseUrl, links);
  // A page of script handing the list to the parent window (an iframe transport's answer); a page whose script hands
  // the parent something else (a frame height) is read as markup.
  const handed = parentCallData(text);
  const fromParentCall = handed === null ? null : findJsonList(handed, baseUrl, links);
  if (fromParentCall) return fromParentCall;
  if (ANCHOR.test(text)) return findMarkupList(text, baseUrl);
  // An XML document of records, else a CSV file of rows (a list published as a spreadsheet the page parses).
  const records = xmlRecords(text) ?? csvAnswerAsJson(text);
  return records === null ? null : findJsonList(records, baseUrl, links);
}

/** Reads an answer with a learned shape, falling back to a fresh search when the shape no longer fits. */
export function readList(text: string, answerUrl: string, baseUrl: string, shape: ItemShape): ListItem[] {
  const json = shape.kind === 'json' ? (looksLikeJson(text) ? parseJsonAnswer(text, answerUrl) : recordsOfOther(text)) : null;
  if (shape.kind === 'json' && json !== null) {
    return itemsByShape(json, shape, baseUrl) ?? findJsonList(json, baseUrl)?.items ?? [];
  }
  return findList(text, answerUrl, baseUrl)?.items ?? [];
}
