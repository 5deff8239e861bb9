/**
 * Frames of a rendered page on hosts outside the registry. A column may show its list in an `<iframe>` served by
 * another host of the site (the government's disclosure platform framed in its www column); the crawl's scope is
 * the registry's hosts, so the browser never loads it and no parser sees the list. Whether such a host belongs to
 * the agency is the user's call (a spam clone frames pages too): the seed names the hosts, never silently.
 */
import { resolveLink, type Scope } from '../download/scope.ts';
import { NOT_A_LIST_FRAME } from './families/report-column.ts';
import { documentBase, loadHtml } from './html.ts';


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
