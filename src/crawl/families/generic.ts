/**
 * Plain server-rendered lists: the items are the page's links, and the next page is the pager's 下一页 (next
 * page) link or, failing that, the numbered link for the following page (?page=N, index_N.html, N.html).
 * Pager links written as javascript: are skipped (never fetched).
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { loadHtml, squash } from '../html.ts';
import { listItemsFrom } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListParser, ListPageResult } from './family.ts';

/** Link texts of a "next page" control: 下一页 / 下页 / 后页 / > / › / » / next. */
const NEXT_TEXT = /^(下一页|下页|后一页|后页|下一頁|[>›»]|&gt;|next|next\s*page)$/i;

export function genericNextPage(html: string, pageUrl: string): string | null {
  const $ = loadHtml(html);
  let next: string | null = null;
  $('a[href]').each((_, el) => {
    if (next) return;
    const a = $(el as Element);
    const text = squash(a.text()) || squash(a.attr('title') ?? '');
    if (!NEXT_TEXT.test(text)) return;
    const url = resolveLink(a.attr('href'), pageUrl);
    if (url && url !== pageUrl) next = url;
  });
  if (next) return next;
  // Numbered pager only: the link whose number follows the current page's.
  const current = currentPageNumber($, pageUrl);
  $('a[href]').each((_, el) => {
    if (next) return;
    const a = $(el as Element);
    if (squash(a.text()) !== String(current + 1)) return;
    const url = resolveLink(a.attr('href'), pageUrl);
    if (url && url !== pageUrl) next = url;
  });
  return next;
}

/** The 1-based number of this page: the pager's highlighted entry, else 1. */
function currentPageNumber($: ReturnType<typeof loadHtml>, pageUrl: string): number {
  const marked = squash($('.page .current, .pager .current, .pagination .active, .page .on, .pages .cur, span.current').first().text());
  if (/^\d+$/.test(marked)) return Number(marked);
  const u = new URL(pageUrl);
  for (const key of ['page', 'pageNo', 'pageNum', 'p', 'pn']) {
    const v = u.searchParams.get(key);
    if (v && /^\d+$/.test(v)) return Number(v);
  }
  const m = /(?:index_|\/)(\d+)\.s?html?$/.exec(u.pathname);
  // index_N is 0-based on some CMSs and 1-based on others; N.html is 1-based. Only a bare N.html is trusted.
  if (m?.[1] && !u.pathname.includes('index_')) return Number(m[1]);
  return 1;
}

export function parseGenericList(visit: PageVisit): ListPageResult {
  const $ = loadHtml(visit.body);
  const items = listItemsFrom($, $.root(), visit.loadedUrl);
  const next = genericNextPage(visit.body, visit.loadedUrl);
  return { items, next: next ? [{ url: next }] : [] };
}

export const generic: ListParser = { family: 'generic', parse: (visit) => parseGenericList(visit) };
