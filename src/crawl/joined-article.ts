/**
 * A report cut over article pages (article-pages.ts: `t…_1.html`, `show.jsp?id=88&page=2`) has its tables spread
 * over them: the statistics of 表二 on page 1, 表三 on page 2, 表四 on page 3. Each page is stored as the report's
 * file, but a page alone holds part of the tables, and extraction reads one file at a time. Once the article's
 * page and all its later pages are stored, their bodies are joined, in page order, into one HTML document stored as
 * one more rendition of the report ("全文（第1–3页）"): read like any page, it holds every table.
 */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Catalog } from '../catalog/catalog.ts';
import type { ContentStore } from '../download/content-store.ts';
import type { StoredFile } from '../download/store.ts';
import { decodeHtml } from '../encoding/decode-html.ts';
import { articleRoot } from '../extract/formats/html.ts';
import { CHROME } from './list-page.ts';
import { loadHtmlToEdit } from './html.ts';

/** The article a stored page belongs to: its first page's address and all its later pages', in page order. */
export interface ArticleParts {
  pageUrl: string;
  parts: string[];
}

/** Where a joined article is linked: the first page's address marked as the whole (no request is ever made to it). */
export function joinedUrl(pageUrl: string): string {
  return `${pageUrl.replace(/#.*$/, '')}#nianbao-joined`;
}

/** The stored bytes of one page, or null when the store does not hold them. */
async function storedBytes(store: ContentStore, storedPath: string): Promise<Buffer | null> {
  const stream = await store.read(storedPath);
  return stream ? buffer(stream) : null;
}

/**
 * The pages' articles (each page's article container as extraction finds it, the site's chrome left out; a pager
 * inside the container stays, as harmless text) one after the other in one container, under the first page's title:
 * read by extraction as one article.
 */
export function joinPages(pages: Uint8Array[]): string {
  const pieces = pages.map((bytes, i) => {
    const $ = loadHtmlToEdit(decodeHtml(bytes).text);
    const title = i === 0 ? $('title').first().text() : '';
    $(CHROME).remove();
    // A later page holds a piece of the article, often shorter than a whole article's text.
    return { title, html: articleRoot($, i === 0 ? 500 : 20).html() ?? '' };
  });
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sections = pieces.map((p, i) => `<section data-nianbao-page="${i + 1}">\n${p.html}\n</section>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(pieces[0]?.title ?? '')}</title></head><body><div class="TRS_Editor">\n${sections}\n</div></body></html>`;
}

/**
 * Joins the article's pages when all are stored (the last of them to arrive does it); returns the stored joined
 * file, or null when a page is missing still (or for good: a later page that failed leaves the pages apart).
 */
export async function joinArticle(catalog: Catalog, store: ContentStore, article: ArticleParts): Promise<StoredFile | null> {
  const paths: string[] = [];
  for (const url of [article.pageUrl, ...article.parts]) {
    const sha = catalog.urls.get(url)?.sha256;
    const file = sha ? catalog.files.get(sha) : undefined;
    if (!file || file.media_type !== 'html') return null;
    paths.push(file.stored_path);
  }
  const pages: Buffer[] = [];
  for (const p of paths) {
    const bytes = await storedBytes(store, p);
    if (!bytes) return null;
    pages.push(bytes);
  }
  const html = Buffer.from(joinPages(pages), 'utf8');
  return store.put(Readable.from([html]), { maxBytes: Number.MAX_SAFE_INTEGER, url: joinedUrl(article.pageUrl), fileName: 'joined.html' });
}

/** The name the joined rendition is listed under. */
export function joinedName(parts: number): string {
  return `全文（第1–${parts + 1}页）`;
}
