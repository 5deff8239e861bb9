/**
 * A report's file gone where its link leads, when the link may have been written relative to the site's root without
 * its leading slash (`<file href="upload/jlxrmzf/202501/P0….pdf">` on a page at `/jlxrmzf/c1/2025/1/24/x.shtml`, which
 * the site's own script mends into `/upload/…`; RSSHub's 德阳 route prefixes the root for the same tags): the address
 * the same path names at the root, asked once. A guess, said when it answers (seed-tally.ts rootFiles).
 */

/**
 * The root address of `url` linked from `pageUrl`, when `url` lies in the page's own folder or below it (so its link
 * may have been `upload/…` resolved against the page) and that folder is not the root; null otherwise.
 */
export function rootAddress(url: string, pageUrl: string): string | null {
  let file: URL, page: URL;
  try {
    file = new URL(url);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (file.origin !== page.origin) return null;
  const folder = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
  if (folder === '/' || !file.pathname.startsWith(folder) || file.pathname.length === folder.length) return null;
  return `${file.origin}/${file.pathname.slice(folder.length)}${file.search}`;
}
