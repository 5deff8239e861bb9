/**
 * A web server's generated folder listing (nginx's or Apache's `autoindex`: "Index of /gknb/2024/", a `<pre>` of links
 * with dates and sizes) where a site keeps its older reports as files after a move (round 70a: a pinned notice's
 * "年报归档目录" leading to `/gknb/`, one folder per upload year, `县直部门/` and `乡镇/` below). Its links are the
 * files and the folders below; their texts are cut by the server (nginx without a charset cuts a name over 50 bytes
 * at byte 47, mid-character, and writes "..>"), so a file is titled by its name in its address, which is whole. Each
 * folder below is a list page of the same listing; the parent (`../`) is not.
 */
import { resolveLink } from '../../download/scope.ts';
import { addressFileName } from '../address-name.ts';
import { findDate, squash, type Doc } from '../html.ts';
import { isFileUrl, type ListItem } from '../list-page.ts';

const LISTING_TITLE = /^(?:Index of|Directory listing for) \//i;

/** Whether the page is a server's folder listing, by its title or first heading. */
export function isFolderListing($: Doc): boolean {
  return LISTING_TITLE.test(squash($('title').text()) || squash($('h1').first().text()));
}

/** The listing's files (titled by their names, dated by their lines) and the folders right below it. */
export function folderListing($: Doc, pageUrl: string): { files: ListItem[]; folders: string[] } {
  const here = new URL(pageUrl);
  const folder = here.pathname.replace(/[^/]*$/, '');
  const files: ListItem[] = [];
  const folders: string[] = [];
  for (const el of $('a[href]').toArray()) {
    const a = $(el);
    const url = resolveLink(a.attr('href') ?? '', pageUrl);
    if (!url) continue;
    const u = new URL(url);
    if (u.host !== here.host || u.search || !u.pathname.startsWith(folder) || u.pathname === folder) continue;
    const rest = u.pathname.slice(folder.length);
    // A folder right below (`2024/`), or a file in this one; sort links (`?C=M;O=D`) were passed over above.
    if (/^[^/]+\/$/.test(rest)) folders.push(url);
    else if (!rest.includes('/')) {
      const name = addressFileName(url).replace(/\.[a-z0-9]{1,5}$/i, '');
      // The listing's line after the link: its date (`25-Mar-2025 10:12`, or ISO).
      const line = squash(String((el.nextSibling as { data?: string } | null)?.data ?? ''));
      files.push({ title: name, url, date: findDate(line) ?? listingDate(line), isFile: isFileUrl(url) });
    }
  }
  return { files, folders };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** nginx's and Apache's date in a listing's line: `26-Mar-2025 10:12` as `2025-03-26`. */
function listingDate(line: string): string | null {
  const m = /\b(\d{1,2})-([A-Za-z]{3})-(\d{4})\b/.exec(line);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  return m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}
