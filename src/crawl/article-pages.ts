/**
 * The later pages of an article cut over several: TRS and its kin publish a long report as `t20240120_123.html`,
 * `t20240120_123_1.html`, `t20240120_123_2.html`, with "上一页 1 2 3 下一页" inside the article. The report's later
 * chapters and its tables are on them, so they are stored with the report as its parts. Dynamic pages number theirs
 * in the query instead (`show.jsp?id=88&page=2`, `art.aspx?id=88&pageNo=3`), and a site whose article address ends
 * in its page number counts from 1 (PHPCMS' `show-12-345-1.html`, `show-12-345-2.html`). A column's own pages
 * (`index.html`, `index_1.html`, `list.jsp?page=2`) are a list's pager, never an article's.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import type { Attachment } from './attachments.ts';
import { documentBase, selectIn, type Doc } from './html.ts';

const PAGE_FILE = /^(.*\/)([^/]+)\.(html?|shtml)$/i;
const LIST_STEM = /^(?:index|list|default|more|page)$/i;
/** More later pages than this is no article. */
const MAX_PARTS = 30;

/**
 * The article's later pages linked from its first page (in page order), each named "第N页": `t…_1.html` beside
 * `t….html` (its second page), or, for a dynamic article, its own address with a page parameter (`?id=88&page=2`).
 */
export function articlePages($: Doc, pageUrl: string): Attachment[] {
  const page = new URL(pageUrl);
  const pageOf = page.search ? queryPageOf(page) : filePageOf(page);
  if (!pageOf) return [];
  const base = documentBase($, pageUrl);
  const numbered = page.search ? null : numberedPageOf(page);
  const parts = new Map<number, string>();
  selectIn($, 'a[href]').each((_, el) => {
    const url = resolveLink($(el as Element).attr('href'), base);
    if (!url) return;
    const u = new URL(url);
    // A page numbered in its address like its neighbours' ids: only a pager's link (a number, 下一页) says it is a page.
    const numberedPage = numbered && PAGER_TEXT.test($(el as Element).text().trim()) ? numbered(u) : null;
    const n = u.origin !== page.origin ? null : (pageOf(u) ?? numberedPage);
    if (n !== null && !parts.has(n)) parts.set(n, page.search ? u.href : `${u.origin}${u.pathname}`);
  });
  if (parts.size > MAX_PARTS) return [];
  return [...parts].sort(([a], [b]) => a - b).map(([n, url]) => ({ url, name: `第${n}页` }));
}

/** Page numbers of a static article's later pages: `t…_1.html` is page 2 (none for a column's own pages). */
function filePageOf(page: URL): ((u: URL) => number | null) | null {
  const m = PAGE_FILE.exec(page.pathname);
  if (!m || LIST_STEM.test(m[2]!)) return null;
  const [, dir, stem, ext] = m;
  const later = new RegExp(`^${escape(dir!)}${escape(stem!)}_(\\d{1,2})\\.${ext}$`);
  return (u) => {
    const n = u.search ? undefined : later.exec(u.pathname)?.[1];
    return n && Number(n) >= 1 ? Number(n) + 1 : null;
  };
}

/** What a pager's link reads: a page number, or a next/previous/last word. */
const PAGER_TEXT = /^(?:\[?\d{1,2}\]?|下一?页|上一?页|尾页|末页|后页|前页|>|»|›)$/;

/**
 * Page numbers of an article whose address ends in its own page number, 1 (`show-12-345-1.html`): the same address
 * ending in 2, 3… are its later pages.
 */
function numberedPageOf(page: URL): ((u: URL) => number | null) | null {
  const m = /^(.*\/[^/]*?[-_])1\.(html?|shtml)$/i.exec(page.pathname);
  if (!m) return null;
  const later = new RegExp(`^${escape(m[1]!)}(\\d{1,2})\\.${m[2]}$`);
  return (u) => {
    const n = u.search ? undefined : later.exec(u.pathname)?.[1];
    return n && Number(n) >= 2 ? Number(n) : null;
  };
}

/** A query parameter numbering an article's pages. */
const PAGE_PARAM = /^(?:page|pageno|pageindex|pagenum|curpage|currentpage|p|pn|pg)$/i;
/** The page of a dynamic address that lists (a column, a search), whose own pages are a list's pager. */
const LIST_PAGE = /(?:^|\/)(?:index|list|lists|default|more|search|column|channel)[^/]*$/i;

/**
 * Page numbers of a dynamic article's later pages (`show.jsp?id=88`): its address with the same query and one page
 * parameter more or changed, numbered from 2 (page 1 is the article itself).
 */
function queryPageOf(page: URL): ((u: URL) => number | null) | null {
  if (LIST_PAGE.test(page.pathname)) return null;
  const own = new URLSearchParams(page.search);
  const rest = (q: URLSearchParams, skip: string) => [...q].filter(([k]) => k !== skip).map(([k, v]) => `${k}=${v}`).sort().join('&');
  return (u) => {
    if (u.pathname !== page.pathname || !u.search) return null;
    const q = new URLSearchParams(u.search);
    const name = [...q.keys()].find((k) => PAGE_PARAM.test(k) && q.get(k) !== own.get(k));
    const n = name ? Number(q.get(name)) : NaN;
    return name && Number.isInteger(n) && n >= 2 && rest(q, name) === rest(own, name) ? n : null;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
