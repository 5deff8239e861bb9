/**
 * The later pages of an article cut over several: TRS and its kin publish a long report as `t20240120_123.html`,
 * `t20240120_123_1.html`, `t20240120_123_2.html`, with "上一页 1 2 3 下一页" inside the article. The report's later
 * chapters and its tables are on them, so they are stored with the report as its parts. A column's own pages
 * (`index.html`, `index_1.html`) are a list's pager, never an article's.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import type { Attachment } from './attachments.ts';
import { documentBase, type Doc } from './html.ts';

const PAGE_FILE = /^(.*\/)([^/]+)\.(html?|shtml)$/i;
const LIST_STEM = /^(?:index|list|default|more|page)$/i;
/** More later pages than this is no article. */
const MAX_PARTS = 30;

/** The article's later pages linked from its first page (in page order), each named "第N页". */
export function articlePages($: Doc, pageUrl: string): Attachment[] {
  const page = new URL(pageUrl);
  const m = PAGE_FILE.exec(page.pathname);
  if (!m || page.search || LIST_STEM.test(m[2]!)) return [];
  const [, dir, stem, ext] = m;
  const later = new RegExp(`^${escape(dir!)}${escape(stem!)}_(\\d{1,2})\\.${ext}$`);
  const base = documentBase($, pageUrl);
  const parts = new Map<number, string>();
  $('a[href]').each((_, el) => {
    const url = resolveLink($(el as Element).attr('href'), base);
    if (!url) return;
    const u = new URL(url);
    const n = u.origin === page.origin && !u.search ? later.exec(u.pathname)?.[1] : undefined;
    if (n && Number(n) >= 1) parts.set(Number(n), `${u.origin}${u.pathname}`);
  });
  if (parts.size > MAX_PARTS) return [];
  return [...parts].sort(([a], [b]) => a - b).map(([n, url]) => ({ url, name: `第${n + 1}页` }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
