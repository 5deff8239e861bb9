/**
 * A site's sitemap given as the seed (`/sitemap.xml`, the address a search console or robots.txt's `Sitemap:` line
 * names): the sitemaps.org protocol's `<urlset>` of `<loc>` addresses, or a `<sitemapindex>` of such files. It lists
 * addresses only, no titles, and is often generated months before the newest report: nothing in it can be told a
 * report, and read as a page it held no link (round 38c: the seed ended `empty`, its host explored "from its page",
 * the XML again). The protocol scopes a sitemap to its own folder (one at `/xxgk/sitemap.xml` may list only addresses
 * under `/xxgk/`), so that folder is the site it maps: read as the seed's page, as the folders above a seed that is a
 * report's file are (seed-file.ts), its 年报 column followed as from any page listing no report, the seed `moved`.
 */

/** The seed file's type a sitemap is recorded under (seed-tally.ts `seedFile`). */
export const SITEMAP = 'sitemap';

/** Whether the answer is a sitemap: a `<urlset>` or `<sitemapindex>` root, whatever its Content-Type says. */
export function looksLikeSitemap(body: string): boolean {
  const head = body.slice(0, 2000).replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<\?xml-stylesheet[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(?:\w+:)?(?:urlset|sitemapindex)[\s>]/i.test(head);
}

/** The folder a sitemap maps: the one it is in (`/sitemap.xml` → `/`, `/xxgk/sitemap.xml` → `/xxgk/`), query dropped. */
export function sitemapFolder(url: string): string {
  return new URL('./', url).href;
}
