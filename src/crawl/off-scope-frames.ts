/**
 * Frames of a rendered page on hosts outside the registry. A column may show its list in an `<iframe>` served by
 * another host of the site (the government's disclosure platform framed in its www column); the crawl's scope is
 * the registry's hosts, so the browser never loads it and no parser sees the list. Whether such a host belongs to
 * the agency is the user's call (a spam clone frames pages too): the seed names the hosts, never silently.
 */
import { resolveLink, type Scope } from '../download/scope.ts';
import { NOT_A_LIST_FRAME } from './families/report-column.ts';
import { documentBase, loadHtml } from './html.ts';
import { redirectTargets } from './redirect-stub.ts';


/** The addresses of the page's frames (`<iframe src>`, `<frame src>`) that the scope does not allow. */
export function offScopeFrames(html: string, pageUrl: string, scope: Pick<Scope, 'allows'>): string[] {
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const out = new Set<string>();
  $('iframe[src], frame[src]').each((_, el) => {
    const url = resolveLink($(el).attr('src'), base);
    if (!url || !/^https?:/i.test(url) || scope.allows(url) || NOT_A_LIST_FRAME.test(url)) return;
    out.add(url);
  });
  return [...out];
}

/**
 * Where a page that only sends its reader on sends it (a meta refresh, a `location.replace` shell: redirect-stub.ts),
 * when that is a host the scope does not allow: a county's 信息公开 handed to a platform on another host (round 79d).
 */
export function offScopeRedirects(html: string, pageUrl: string, scope: Pick<Scope, 'allows'>): string[] {
  return redirectTargets(loadHtml(html), pageUrl, true).filter((url) => /^https?:/i.test(url) && !scope.allows(url));
}
