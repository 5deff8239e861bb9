/**
 * The site scripts a list page's links need read (script-links.ts): when its report links call a function the page
 * does not define (`javascript:openArticle('1234')`), its same-host `<script src>` files are fetched, politely and
 * once per run each, for the functions they define. Libraries (jQuery, Vue…) are not fetched.
 */
import { resolveLink, Scope } from '../download/scope.ts';
import { recordFailure, type HarvestContext } from './harvest-context.ts';
import type { PageVisit } from './page-visit.ts';

/** Script files that are libraries, not the site's own functions. */
const LIBRARY = /jquery|bootstrap|vue|react|angular|layui|layer|echarts|swiper|axios|lodash|moment|polyfill|html5shiv|respond|sea\.js|require\.js|analytics|baidu|cnzz|share/i;
/** At most this many script files read for one page. */
const MAX_SCRIPTS = 4;

const fetched = new WeakMap<HarvestContext, Map<string, Promise<string>>>();

function srcs(html: string, pageUrl: string): string[] {
  const host = Scope.hostOf(pageUrl);
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    const url = resolveLink(m[1] ?? m[2] ?? m[3], pageUrl);
    if (!url || Scope.hostOf(url) !== host || LIBRARY.test(new URL(url).pathname) || out.includes(url)) continue;
    out.push(url);
  }
  return out.slice(0, MAX_SCRIPTS);
}

/**
 * The texts of the page's own script files (one per file; '' for one that failed). Asked only for a page whose report
 * links call functions the page does not define (list-parse.ts `unreadScriptReports`), or whose drop-down of the
 * agencies' columns does (`unreadMenus`), or for a page at a mobile address, whose device check may be in them
 * (families/device-redirect.ts): a pager's goPage(2) is the pager's to read.
 */
export async function linkScripts(h: HarvestContext, visit: PageVisit): Promise<string[]> {
  const cache = fetched.get(h) ?? new Map<string, Promise<string>>();
  fetched.set(h, cache);
  const texts = srcs(visit.body, visit.loadedUrl)
    .filter((url) => h.scope.allows(url))
    .map((url) => {
      let text = cache.get(url);
      if (!text) {
        text = h.http.fetchForBrowser({ url, method: 'GET', headers: { referer: visit.loadedUrl } }).then(
          (res) => (res.status < 400 ? res.body.toString('utf8') : ''),
          (err: unknown) => {
            // Its links stay unread; the failure is recorded, not hidden.
            recordFailure(h, url, err);
            return '';
          },
        );
        cache.set(url, text);
      }
      return text;
    });
  return Promise.all(texts);
}
