/**
 * The site scripts a list page's links need read (script-links.ts): when its report links call a function the page
 * does not define (`javascript:openArticle('1234')`), its same-host `<script src>` files are fetched, politely and
 * once per run each, for the functions they define. Libraries (jQuery, Vue…) are not fetched.
 */
import { Scope } from '../download/scope.ts';
import { resolveLink } from '../download/scope.ts';
import { recordFailure, type HarvestContext } from './handlers.ts';
import type { PageVisit } from './page-visit.ts';
import { classifyTitle } from './classify/title.ts';
import { unreadScriptReportLinks } from './list-page.ts';
import { withScriptLinks } from './script-links.ts';

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

/** The texts of the page's own script files, when its links call functions the page does not define; [] otherwise. */
export async function linkScripts(h: HarvestContext, visit: PageVisit): Promise<string[]> {
  // Only for report links that nothing on the page itself can follow (a pager's goPage(2) is the pager's to read).
  const isReport = (title: string) => classifyTitle(title).isReport;
  if (!unreadScriptReportLinks(withScriptLinks(visit.body, visit.loadedUrl), visit.loadedUrl, isReport).length) return [];
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
