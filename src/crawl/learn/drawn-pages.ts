/**
 * A list no replay can read, turned in the browser: its answers are encoded by the page's own script (base64 of
 * XOR-ed JSON, a cipher whose key is in the script), or its items open in place (a modal drawn from the item's id)
 * so their addresses are known only by clicking. No endpoint is learned; the page's pager is turned instead, page
 * after page, and what each turn drew is read: the links it shows that no earlier page showed, and where its
 * unlinked items lead when clicked (the files they open in place, the pages they open). The turns stop when a turn asks nothing (no next control, a disabled one), or
 * draws nothing new. A list whose pager redraws it from data in the page (a gzip'd JSON island, round 54b) asks nothing
 * at any turn: it is turned while each turn draws something new.
 */
import type { Page } from 'playwright';
import { answerTotals } from './answer-total.ts';
import { headerTotals } from './answer-headers.ts';
import { renderedDocument } from '../rendered-html.ts';
import { clickedLinks } from './item-clicks.ts';
import { drawnLinks, titlesToClick, type Exchange } from './learn.ts';
import { unlinkedTitles, type DrawnLink } from './list-shape.ts';
import { turnPage } from './traffic.ts';

/** Pages turned at most (a signed list's limit too). */
const MAX_DRAWN_PAGES = 30;

/**
 * The later pages of the list, as the links each drew. `shown`: the addresses the first page showed (its drawn
 * links and the files its items opened); `turn`: the exchanges of the turn already made (the page shows page 2).
 */
export async function drawnPages(page: Page, pageUrl: string, shown: Iterable<string>, turn: Exchange[], inPlace = false): Promise<DrawnLink[][]> {
  const known = new Set(shown);
  const pages: DrawnLink[][] = [];
  // `inPlace`: the pager redraws from data the page already holds (a turn asks nothing): the turns go on while each
  // draws something new.
  for (let batch = turn; (inPlace || batch.length) && pages.length < MAX_DRAWN_PAGES; batch = await turnPage(page)) {
    const html = await renderedDocument(page);
    // Where its unlinked items lead when clicked: the files they open in place, the pages they open.
    const opened = await clickedLinks(page, titlesToClick(batch, html, pageUrl));
    const fresh: DrawnLink[] = [];
    for (const l of [...drawnLinks(html, pageUrl), ...opened]) {
      if (known.has(l.url)) continue;
      known.add(l.url);
      fresh.push(l);
    }
    if (!fresh.length) break;
    pages.push(fresh);
  }
  return pages;
}

/**
 * What the answers of a list of unlinked items (opening in place) say of its length: the total the first of them
 * announces, and the distinct titles they gave as the page was turned. Null when none announces a total (or none
 * lists such items): a list read as drawn is then compared with its page's own text only.
 */
export function answeredTitles(exchanges: Exchange[]): { announced: number; read: number } | null {
  let announced: number | undefined;
  const titles = new Set<string>();
  for (const x of exchanges) {
    if (x.status < 200 || x.status >= 300) continue;
    const listed = unlinkedTitles(x.responseBody, x.url);
    if (!listed.length) continue;
    announced ??= answerTotals(x.responseBody, x.url).announcedItems ?? headerTotals(x.responseHeaders).announcedItems;
    for (const t of listed) titles.add(t);
  }
  return announced === undefined ? null : { announced, read: titles.size };
}
