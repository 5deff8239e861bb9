/**
 * The TRS WCM column pager, read from a page's scripts (styles a, b and c of trs.ts), without the list: shared by
 * the TRS parser and by every other family's fallback, since a seed detected as another family may lead to
 * TRS-paged columns (a per-year menu's year columns).
 */
import { withoutComments } from '../html.ts';

export interface TrsPager {
  pageCount: number;
  /** 0-based index of the current page. */
  current: number;
  name: string;
  ext: string;
  /** The suffix of the second page: 1 for index_1 (styles a, c; the default), 2 for prefix_2 (style b). */
  secondSuffix?: 2;
  /** A div-first call (style b) read as counting from 0: the pages after this one are told so (`TRS_FROM_ZERO`). */
  fromZero?: true;
}

/**
 * The cursor key a list page's next request carries when its div-first pager counts from 0: on the later pages the
 * call alone cannot tell (`zeroBased`), the first page could.
 */
export const TRS_FROM_ZERO = 'trsFromZero';

const ARG = String.raw`(?:["']([^"']*)["']|([\w.$]+))`;
/** createPageHTML with four or more arguments; the first may be a div id (style b). */
const CALL = new RegExp(String.raw`createPageHTML\(\s*${ARG}\s*,\s*${ARG}\s*,\s*${ARG}\s*,\s*${ARG}\s*(?:,\s*${ARG}\s*)?(?:,\s*${ARG}\s*)?\)`, 'g');
/**
 * The pager's variables: the legacy inline names (`var countPage = N`, `var currentPage = M`), or the names of the
 * createPageHTML parameters (`_nPageCount`, `_nCurrIndex`, `_sPageName`, `_sPageExt`) that some templates set as
 * globals for an external pager script to read, the page itself calling nothing.
 */
const LEGACY_COUNT = /\b(?:var\s+countPage|_?nPageCount)\s*=\s*(\d+)/;
const LEGACY_CURRENT = /\b(?:var\s+currentPage|_?nCurrIndex)\s*=\s*(\d+)/;
const GLOBAL_NAME = /\b_?sPageName\s*=\s*["']([A-Za-z][\w-]*)["']/;
const GLOBAL_EXT = /\b_?sPageExt\s*=\s*["'](s?html?)["']/;
/** A TRS document id (t20190918_693227): the name of an article, not of a column page. */
const DOC_NAME = /^t\d{8}_\d+/;

function valueOf(token: string, script: string): string | null {
  const m = new RegExp(String.raw`(?:var|let|const)?\s*\b${token.replace(/[$.]/g, '\\$&')}\s*=\s*["']?([\w.-]+)`).exec(script);
  return m?.[1] ?? null;
}

function arg(m: RegExpMatchArray, i: number, script: string): string | null {
  const quoted = m[1 + 2 * i];
  if (quoted !== undefined) return quoted;
  const bare = m[2 + 2 * i];
  if (bare === undefined) return null;
  return /^\d+$/.test(bare) ? bare : valueOf(bare, script);
}

const int = (s: string | null): number | null => (s !== null && /^\d+$/.test(s) ? Number(s) : null);

/** Article paging: the call names a document, or the page declares itself an article. */
function isArticlePaging(name: string, html: string): boolean {
  if (DOC_NAME.test(name)) return true;
  const declared = /<meta\s+name=["']Url["']\s+content=["']([^"']*)["']/i.exec(html)?.[1];
  return declared !== undefined && declared.includes(name);
}

/**
 * Whether a div-first call counts its pages from 0, as TRS's own `${PAGE_INDEX}` does (page k+1 is name_k): some
 * platforms' six-argument calls print it as is (Guizhou's 集约化 sites: `createPageHTML('page_div', 2, 0, 'index',
 * 'html', 9)` on index.html), others 1-based (`…, 3, 1, 'xlist', …` on xlist.shtml, page k is xlist_k). The call
 * tells which only where the two differ: a current page of 0 is 0-based, and so is a page named name_1 (a 1-based
 * pager has no name_1: its second page is name_2). Elsewhere (name_k, k ≥ 2, current k) both name the pages alike
 * and only the last page differs: the page before says (`fromZero`, carried by the crawl in the request's cursor),
 * else the 1-based reading, as before, is kept.
 */
function zeroBased(current: number, name: string, ext: string, pageUrl?: string, fromZero = false): boolean {
  if (current === 0 || fromZero) return true;
  if (!pageUrl) return false;
  const own = new URL(pageUrl).pathname.split('/').pop() ?? '';
  return current === 1 && own === `${name}_1.${ext}`;
}

function fromCall(m: RegExpMatchArray, html: string, pageUrl?: string, fromZero = false): TrsPager | null {
  const first = m[1] !== undefined ? m[1] : null;
  // Style b: a quoted, non-numeric first argument (the pager div's id).
  if (first !== null && !/^\d+$/.test(first)) {
    const pageCount = int(arg(m, 1, html));
    const current = int(arg(m, 2, html));
    const name = arg(m, 3, html);
    const ext = arg(m, 4, html);
    if (pageCount === null || current === null || !name || !ext || isArticlePaging(name, html)) return null;
    if (zeroBased(current, name, ext, pageUrl, fromZero)) return { pageCount, current, name, ext, fromZero: true };
    return { pageCount, current: Math.max(0, current - 1), name, ext, secondSuffix: 2 };
  }
  const pageCount = int(arg(m, 0, html));
  const current = int(arg(m, 1, html));
  const name = arg(m, 2, html);
  const ext = arg(m, 3, html);
  if (pageCount === null || current === null || !name || !ext || isArticlePaging(name, html)) return null;
  return { pageCount, current, name, ext };
}

function legacyPager(html: string, pageUrl?: string): TrsPager | null {
  const count = LEGACY_COUNT.exec(html);
  const current = LEGACY_CURRENT.exec(html);
  if (!count?.[1] || !current?.[1]) return null;
  // document.write("<a href=\"index"+"_" + i + "."+"html\">…"), or "list_"+nextPage+".html" (round 88c): the page name
  // and extension it builds.
  const name = GLOBAL_NAME.exec(html)?.[1] ?? /([A-Za-z][\w-]*)\\?["']\s*\+\s*["']_["']/.exec(html)?.[1] ?? /["'/]([A-Za-z][\w-]*?)_["']\s*\+/.exec(html)?.[1] ?? 'index';
  if (isArticlePaging(name, html)) return null;
  const ext = GLOBAL_EXT.exec(html)?.[1] ?? /["']\.["']\s*\+\s*["'](s?html?)/.exec(html)?.[1] ?? /\.(s?html?)\\?["']/.exec(html)?.[1] ?? extOf(pageUrl) ?? 'html';
  return { pageCount: Number(count[1]), current: Number(current[1]), name, ext };
}

export function extOf(pageUrl: string | undefined): string | null {
  return pageUrl ? (/\.(s?html?)$/.exec(new URL(pageUrl).pathname)?.[1] ?? null) : null;
}

/**
 * The column pager of a TRS list page, whichever of the three styles it is written in; null when none. `fromZero`:
 * the list's earlier page showed its div-first pager counting from 0.
 */
export function parseTrsPager(html: string, pageUrl?: string, fromZero = false): TrsPager | null {
  const live = withoutComments(html);
  for (const m of live.matchAll(CALL)) {
    const pager = fromCall(m, live, pageUrl, fromZero);
    if (pager) return pager;
  }
  return legacyPager(live, pageUrl);
}

/** The URL of the page at 0-based index `index`. */
export function trsPageUrl(pager: TrsPager, index: number, pageUrl: string): string {
  const suffix = index + (pager.secondSuffix === 2 ? 1 : 0);
  const file = index === 0 ? `${pager.name}.${pager.ext}` : `${pager.name}_${suffix}.${pager.ext}`;
  return new URL(file, pageUrl).href;
}

/** The URL of the next list page, or null on the last page. */
export function trsNextPage(html: string, pageUrl: string): string | null {
  const pager = parseTrsPager(html, pageUrl);
  if (!pager || pager.current + 1 >= pager.pageCount) return null;
  return trsPageUrl(pager, pager.current + 1, pageUrl);
}

/** A TRS column pager in the page (comments aside): the strongest sign of the family. */
export function hasTrsPager(html: string): boolean {
  return parseTrsPager(html) !== null;
}

