/**
 * A list item's second link to its own file: "[PDF]", "附件下载", "下载" beside the article's link in the same row
 * (`<li><a href="…/art_1.html">某县2024年…年度报告</a> <a href="/picture/0/1.pdf">[PDF]</a></li>`). The file is the
 * report's (often its only formal copy, the article holding the text alone): it is stored with the report the article
 * is, as the article's own attachments are, and is no item of its own.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import { squash, type Doc } from './html.ts';

/** Link texts naming a file's format or its download, not a subject: [PDF], PDF版, 附件下载, 下载附件, 【附件】. */
const FILE_MARKER = /^[[【(（]?(?:pdf|docx?|wps|ofd|xlsx?|pdf版|pdf下载|下载pdf|附件|附件下载|下载附件|下载|原文下载|全文下载|文件下载|点击下载)[\]】)）]?$/i;

/** The rows a list's items stand in, as list-page.ts reads them. */
const ROW = 'li, tr, dd, p, div';

export interface TwinFiles {
  /** Per page item's URL, the file links of its row. */
  files: Map<string, string[]>;
  /** The file links given to a page item (no items of their own). */
  twins: Set<string>;
}

/**
 * The file links of rows holding one page link and, besides it, only links whose text marks a file; `isFile` says
 * whether an address is a file's, `items` the page items' addresses.
 */
export function twinFiles($: Doc, root: ReturnType<Doc>, base: string, items: Set<string>, isFile: (url: string) => boolean): TwinFiles {
  const files = new Map<string, string[]>();
  const twins = new Set<string>();
  const rows = new Set<Element>();
  root.find('a[href]').each((_, el) => {
    const a = $(el as Element);
    if (!FILE_MARKER.test(squash(a.text()))) return;
    const row = a.closest(ROW).get(0) as Element | undefined;
    if (row) rows.add(row);
  });
  for (const row of rows) {
    const links = $(row)
      .find('a[href]')
      .toArray()
      .map((el) => ({ text: squash($(el as Element).text()), url: resolveLink($(el as Element).attr('href'), base) }))
      .filter((l): l is { text: string; url: string } => l.url !== null);
    const marked = links.filter((l) => FILE_MARKER.test(l.text) && isFile(l.url));
    const pages = [...new Set(links.filter((l) => !marked.includes(l) && !isFile(l.url)).map((l) => l.url))];
    // One article and its files, no other link: a row of several articles is no item's.
    if (pages.length !== 1 || !items.has(pages[0]!) || links.length !== marked.length + links.filter((l) => l.url === pages[0]).length) continue;
    const own = files.get(pages[0]!) ?? [];
    for (const m of marked) if (!own.includes(m.url)) (own.push(m.url), twins.add(m.url));
    files.set(pages[0]!, own);
  }
  return { files, twins };
}
