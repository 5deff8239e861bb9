/**
 * The page a column's link leads to, as the readers of a page's menus and bars take it (report-column.ts, the letter
 * bar): a page of this host other than this column, no script, no file.
 */
import { resolveLink } from '../../download/scope.ts';
import { ATTACHMENT_EXT } from '../html.ts';

/** The page a link's href leads to, or null: a script, this column, a file, or (unless `anyHost`) another host. */
export function pageLink(href: string | undefined, base: string, pageUrl: string, anyHost = false): string | null {
  if (/^\s*javascript:/i.test(href ?? '')) return null;
  const url = resolveLink(href ?? '', base);
  if (!url || sameColumn(url, pageUrl) || (!anyHost && new URL(url).host !== new URL(pageUrl).host) || ATTACHMENT_EXT.test(new URL(url).pathname)) return null;
  return url;
}

/** The column's directory index and its index file are one page: `/a/nb/` and `/a/nb/index.html` (query aside). */
function sameColumn(a: string, b: string): boolean {
  const norm = (u: string) => {
    const x = new URL(u);
    return `${x.host}${x.pathname.replace(/\/(?:index|default)\.\w+$/i, '/')}${x.search}`;
  };
  return norm(a) === norm(b);
}
