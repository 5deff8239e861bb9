/**
 * A list item's second link to its own file: "[PDF]", "附件下载", "下载" beside the article's link in the same row
 * (`<li><a href="…/art_1.html">某县2024年…年度报告</a> <a href="/picture/0/1.pdf">[PDF]</a></li>`). The file is the
 * report's (often its only formal copy, the article holding the text alone): it is stored with the report the article
 * is, as the article's own attachments are, and is no item of its own.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import { matching, squash, type Doc } from './html.ts';

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
 * The file links of rows holding page links and, beside each, links whose text marks a file; `isFile` says whether an
 * address is a file's, `items` the page items' addresses. A row of one article gives it every marked file; a row of
 * several (two articles in one `<li>`, bare links in one `<div>` parted by `<br>`) gives each marked file to the article
 * it follows, or, when the row opens with a marked file, to the one it precedes.
 */
export function twinFiles($: Doc, root: ReturnType<Doc>, base: string, items: Set<string>, isFile: (url: string) => boolean): TwinFiles {
  const files = new Map<string, string[]>();
  const twins = new Set<string>();
  const rows = new Set<Element>();
  root.find('a[href]').each((_, el) => {
    const a = $(el as Element);
    if (!FILE_MARKER.test(squash(a.text()))) return;
    const row = a.closest(matching(ROW)).get(0) as Element | undefined;
    if (row) rows.add(row);
  });
  const give = (page: string, file: string): void => {
    const own = files.get(page) ?? [];
    if (!own.includes(file)) own.push(file);
    files.set(page, own);
    twins.add(file);
  };
  for (const row of rows) giveRow($, row, base, items, isFile, give);
  return { files, twins };
}

/** A grid cell's link text: its cell's headers title it (查看, 详情, a year). */
const CELL_TEXT = /^[[【(（]?(?:查看|详情|详细|浏览|阅读|打开|点击查看|阅读全文|全文|(?:19|20)\d{2}\s*(?:年|年度)?)[\]】)）]?$/;

/**
 * One row's marked files given to its articles. A table row whose articles are links reading only 查看 / a year, in
 * cells of their own, is a grid's (years × kinds, round 42a: 查看 | 查看 | 下载 under 2023年度 | 2022年度 | 2021年度):
 * a file there is its neighbour's only in the same cell; alone in its cell it is an item of its own, its cell's
 * headers titling it (table-cell-title.ts).
 */
function giveRow($: Doc, row: Element, base: string, items: Set<string>, isFile: (url: string) => boolean, give: (page: string, file: string) => void): void {
  if (row.name === 'tr') {
    const cells = $(row).children('td, th').toArray();
    const pageLinks = cells.map((c) => $(c).find('a[href]').toArray().map((a) => squash($(a as Element).text())).filter((t) => !FILE_MARKER.test(t)));
    if (pageLinks.filter((texts) => texts.length).length > 1 && pageLinks.flat().every((t) => CELL_TEXT.test(t))) {
      for (const cell of cells) giveLinks($, $(cell).find('a[href]').toArray() as Element[], base, items, isFile, give);
      return;
    }
  }
  giveLinks($, $(row).find('a[href]').toArray() as Element[], base, items, isFile, give);
}

/** A row's (or a grid cell's) links: a marked file goes with the one article there, or with its neighbour of several. */
function giveLinks($: Doc, anchors: Element[], base: string, items: Set<string>, isFile: (url: string) => boolean, give: (page: string, file: string) => void): void {
  const links = anchors
    .map((el) => ({ text: squash($(el).text()), url: resolveLink($(el).attr('href'), base) }))
    .filter((l): l is { text: string; url: string } => l.url !== null)
    .map((l) => ({ ...l, marked: FILE_MARKER.test(l.text) && isFile(l.url) }));
  const pages = [...new Set(links.filter((l) => !l.marked).map((l) => l.url))];
  if (pages.length === 1) {
    if (items.has(pages[0]!)) for (const l of links) if (l.marked) give(pages[0]!, l.url);
    return;
  }
  // Several articles: each marked file goes with its neighbour, never across another article.
  const ordered = links[0]?.marked ? [...links].reverse() : links;
  let page: string | null = null;
  for (const l of ordered) {
    if (!l.marked) page = items.has(l.url) ? l.url : null;
    else if (page) give(page, l.url);
  }
}
