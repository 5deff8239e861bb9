/**
 * The first page of a list read from one of its later pages. Lists are read forward (a pager's next page only), which
 * reads a whole list from its first page; but a user who clicked 下一页 before copying the column's address gives
 * its second page as the seed (`index_1.html`, `?page=2`), and its first page, the newest reports, was never asked
 * (round 31c). A seed page whose pager says it is page k > 1 names its first page: the TRS pager script's page 0,
 * else the pager's own link to page 1 ("1", 首页, 第一页), else, on page 2, its 上一页. Only links in the page's own
 * directory count (a site's 首页 in the nav leads to its home, not to the column's first page); a script control
 * (`goPage(1)`) is left to the other readers of the pager.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, isScriptHref, loadHtml, squash } from '../html.ts';
import { currentPageNumber } from './pager.ts';
import { parseTrsPager, trsPageUrl } from './trs-pager.ts';
import { queryTemplate } from './page-template.ts';

const FIRST_WORDS = /^[[【(（]?\s*(?:1|首\s*页|第一页|第1页)\s*[\]】)）]?$/;
/** Arrows only: on some pagers the first page (|«), on others the page before; asked only when nothing says 1. */
const FIRST_ARROWS = /^[[【(（]?\s*(?:[|]?[«‹]{1,2}|&lt;&lt;)\s*[\]】)）]?$/;
const PREVIOUS_WORDS = /^[[【(（]?\s*(?:上一页|上页|前一页|前页)\s*[\]】)）]?$/;

/** The path's folder: `/a/b/index_1.html` → `/a/b/`. */
const folderOf = (u: URL) => u.pathname.replace(/[^/]*$/, '');

/** Whether `url` is a page of the same list as `pageUrl`: same origin and folder (another file or query). */
function sameList(url: string, pageUrl: string): boolean {
  const a = new URL(url);
  const b = new URL(pageUrl);
  return a.origin === b.origin && folderOf(a) === folderOf(b) && a.href.replace(/#.*$/, '') !== b.href.replace(/#.*$/, '');
}

/** The first page of the list this page is a later page of, or null when it is the first page (or none is named). */
export function firstListPage(html: string, pageUrl: string): string | null {
  const trs = parseTrsPager(html, pageUrl);
  if (trs) return trs.current > 0 ? trsPageUrl(trs, 0, pageUrl) : null;
  const $ = loadHtml(html);
  const current = currentPageNumber($, pageUrl);
  if (current <= 1) return null;
  const base = documentBase($, pageUrl);
  const links = $('a[href]')
    .toArray()
    .flatMap((el) => {
      const a = $(el as Element);
      const raw = a.attr('href');
      if (isScriptHref(raw)) return [];
      const url = resolveLink(raw, base);
      if (!url || !sameList(url, pageUrl)) return [];
      return [{ text: squash(a.text()) || squash(a.attr('title') ?? ''), url }];
    });
  const first = links.find((l) => FIRST_WORDS.test(l.text)) ?? (current === 2 ? links.find((l) => FIRST_ARROWS.test(l.text)) : undefined);
  if (first) return first.url;
  if (current === 2) {
    const previous = links.find((l) => PREVIOUS_WORDS.test(l.text));
    if (previous) return previous.url;
  }
  // `?page=3` with no link to page 1 (a pager of script controls): the same address asking page 1.
  return queryTemplate(pageUrl)?.(1) ?? null;
}

/**
 * A list page asked by its folder (`/xxgk/zfxxgknb/`) whose pager names its first page by the folder's index file
 * (`<a href="index.shtml">首页</a>`): that address, which a CDN may answer fresher than the folder's own (round 84d: a
 * folder's copy ten months stale, the index file current). Null for any other page.
 */
export function folderIndexPage(html: string, pageUrl: string): string | null {
  const page = new URL(pageUrl);
  if (!page.pathname.endsWith('/') || page.search) return null;
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  for (const el of $('a[href]').toArray()) {
    const a = $(el as Element);
    if (!FIRST_WORDS.test(squash(a.text()) || squash(a.attr('title') ?? ''))) continue;
    const url = resolveLink(a.attr('href'), base);
    if (!url) continue;
    const u = new URL(url);
    if (u.origin === page.origin && !u.search && /^(?:index|default)\.s?html?$/i.test(u.pathname.slice(page.pathname.length)) && u.pathname.startsWith(page.pathname)) return u.href;
  }
  return null;
}
