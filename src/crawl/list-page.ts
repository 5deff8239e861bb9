/**
 * The items of a list (column) page: every link with its full title and the date printed beside it.
 * Family modules add what their CMS hides (pagers, data islands); deciding which items are reports is the
 * classifier's job, so this stays generic.
 */
import type { Element } from 'domhandler';
import { ATTACHMENT_EXT, DOWNLOAD_PATH, findDate, loadHtml, squash, type Doc } from './html.ts';
import { resolveLink } from '../download/scope.ts';

export interface ListItem {
  title: string;
  url: string;
  /** The date printed next to the link (usually the publication date). */
  date: string | null;
  /** The link points at a file rather than a page. */
  isFile: boolean;
}

const CHROME = 'script, style, noscript, header, footer, nav, .nav, .header, .footer, #header, #footer, .breadcrumb, .crumb, .position, .location';

/** The title a link stands for: the title attribute wins when the text is cut (…) or shorter. */
export function linkTitle(text: string, titleAttr: string | undefined): string {
  const t = squash(text);
  const a = squash(titleAttr ?? '');
  if (!a) return t;
  if (!t || /(…|\.\.\.|。。。)$/.test(t) || a.length > t.length) return a;
  return t;
}

export function isFileUrl(url: string): boolean {
  const p = new URL(url).pathname;
  return ATTACHMENT_EXT.test(p) || DOWNLOAD_PATH.test(p);
}

/** Longest text of a link's row searched for a date: a "row" longer than this is a container of many links. */
const MAX_ROW_TEXT = 2000;

export function listItemsFrom($: Doc, root: ReturnType<Doc>, pageUrl: string): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  // A row's text, computed once per row: links sharing one huge container (a page of 100 000 bare links) would
  // otherwise each read the whole container, which is quadratic.
  const rowText = new Map<Element, string>();
  root.find('a[href]').each((_, el) => {
    const a = $(el as Element);
    if (a.closest(CHROME).length) return;
    const url = resolveLink(a.attr('href'), pageUrl);
    if (!url || seen.has(url)) return;
    const title = linkTitle(a.text(), a.attr('title'));
    if (title.length < 4) return;
    seen.add(url);
    const row = a.closest('li, tr, dd, p, div');
    const rowEl = row.get(0) as Element | undefined;
    let text = rowEl ? rowText.get(rowEl) : '';
    if (text === undefined) {
      text = squash(row.text());
      rowText.set(rowEl!, text);
    }
    const date = text.length <= MAX_ROW_TEXT ? findDate(text.replace(title, '')) : null;
    items.push({ title, url, date, isFile: isFileUrl(url) });
  });
  return items;
}

export function parseListItems(html: string, pageUrl: string): ListItem[] {
  const $ = loadHtml(html);
  return listItemsFrom($, $.root(), pageUrl);
}
