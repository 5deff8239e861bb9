/**
 * Whether a page is its site's home by its own links: a link reading 首页 (网站首页, 返回首页, 主页) that leads to the
 * page itself. A sub-site's home (a 苏木's pages under its banner's portal, `/smz/smtsm/`, round 99c) is no host root,
 * yet its menu's and breadcrumb's 首页 is its own address; a column's 首页 leads elsewhere, to the site's home.
 */
import { documentBase, type Doc } from './html.ts';

const HOME_LABEL = /^(?:网站|返回|回到)?(?:首页|主页)$/;

/** The address as a page: no fragment, no directory index file, no trailing slash. */
function pageKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href.replace(/\/(?:index|default)\.\w+$/i, '/').replace(/\/$/, '');
}

export function linksItselfAsHome($: Doc, pageUrl: string): boolean {
  const own = pageKey(pageUrl);
  // Its links as the browser resolves them: against the page's `<base href>` when it has one.
  const base = documentBase($, pageUrl);
  return $('a[href]')
    .toArray()
    .some((a) => {
      if (!HOME_LABEL.test($(a).text().replace(/\s+/g, ''))) return false;
      try {
        return pageKey(new URL($(a).attr('href')!, base).href) === own;
      } catch {
        return false;
      }
    });
}

/**
 * Whether an address is a site's root or a folder one level down, its index file as the folder (`/`, `/index.html`,
 * `/wap/`, `/afxzf/index.html`): where a site's home sits (seed-explore.ts homeNamingFew, handlers.ts readUnitColumn).
 */
export function atRoot(url: string): boolean {
  return new URL(url).pathname.replace(/\/(?:index|default)\.\w+$/i, '/').split('/').filter(Boolean).length <= 1;
}
