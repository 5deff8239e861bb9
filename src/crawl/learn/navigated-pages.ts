/**
 * A pager drawn by script that leaves for another document: laypage's `jump` setting `location.href` to the next
 * static page (`index_1.html`), a jQuery pager building `list_3.html`. No request of the page names the list, and
 * the pager's controls carry no address (`href="javascript:;"`), so neither the learned endpoints nor the HTTP pager
 * readers see the later pages. The browser turns the pager and each turn's destination is a list page: the pages
 * are walked here, their addresses read over HTTP as the seed's later list pages (their rows are in their HTML).
 */
import type { Page } from 'playwright';
import { turnPageTo } from './traffic.ts';

/** Pages walked at most (as many as a drawn list is turned through). */
const MAX_WALKED_PAGES = 30;

/** A destination that is a further page of this list: http(s), on the list's origin, not a file, not seen. */
function isListPage(url: string, pageUrl: string, seen: Set<string>): boolean {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) && u.origin === new URL(pageUrl).origin && !seen.has(u.href.replace(/#.*$/, ''));
  } catch {
    return false;
  }
}

/**
 * The addresses the pager's turns lead to, from `first` (where the first turn went; the page is there now) until a
 * turn leaves for nowhere new (the last page's next control does nothing, or leads back).
 */
export async function walkNavigatedPages(page: Page, pageUrl: string, first: string): Promise<string[]> {
  const seen = new Set([pageUrl.replace(/#.*$/, '')]);
  if (!isListPage(first, pageUrl, seen)) return [];
  const out = [first];
  seen.add(first.replace(/#.*$/, ''));
  while (out.length < MAX_WALKED_PAGES) {
    await page.waitForLoadState('domcontentloaded', { timeout: 15_000 }).catch(() => undefined);
    const turn = await turnPageTo(page);
    if (!turn.navigatedTo || !isListPage(turn.navigatedTo, pageUrl, seen)) break;
    out.push(turn.navigatedTo);
    seen.add(turn.navigatedTo.replace(/#.*$/, ''));
  }
  return out;
}
