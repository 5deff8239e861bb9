/**
 * Whole pages of the site a list page's script fetched to cut its list out of (a tab bar whose tabs name their
 * sub-columns in `data-url`, each tab's sub-column page asked by XHR and its `<ul>` pasted into the panel: round 87b's
 * 柘城). Each is a list page of its own, with its own pager (drawn by script there too, its later pages only on it):
 * read as a list page, it is paged as any; read as the answer of a learned endpoint, only its first page was.
 */
import { classifyTitle } from '../classify/title.ts';
import type { Exchange } from './learn.ts';
import { findMarkupList } from './list-shape.ts';

/** A web page, not a fragment: a document with its head and body. */
const WHOLE_PAGE = /^\s*(?:<!doctype html|<html\b)[\s\S]*<title\b[\s\S]*<body\b[\s\S]*<a\b[^>]*\bhref=/i;

/**
 * The addresses of the GET answers among `exchanges` that are whole web pages of `pageUrl`'s host, other than it,
 * linking a report by an address a page read could follow (a list of `<a onclick="linkToNew(…)">` rows made for a
 * frame is read where the browser clicks them: round 82b's Epoint list, read over HTTP, said its titles were unlinked).
 */
export function fetchedPages(exchanges: Exchange[], pageUrl: string): string[] {
  const page = new URL(pageUrl);
  const out = new Set<string>();
  for (const x of exchanges) {
    if (x.method.toUpperCase() !== 'GET' || x.status < 200 || x.status >= 300) continue;
    if (x.responseType && !/html/i.test(x.responseType)) continue;
    const url = new URL(x.url);
    url.hash = '';
    if (url.host !== page.host || url.pathname === page.pathname || out.has(url.href) || !WHOLE_PAGE.test(x.responseBody.slice(0, 200_000))) continue;
    if (findMarkupList(x.responseBody, url.href)?.items.some((i) => /^https?:/i.test(i.url) && classifyTitle(i.title).isReport)) out.add(url.href);
  }
  return [...out];
}
