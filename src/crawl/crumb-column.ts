/**
 * The annual-report column a report page's breadcrumb names (当前位置：首页 > 政务公开 > 政府信息公开年报). A county's
 * column often links its departments' and towns' latest reports where they live, each in its unit's own 年报 column
 * (`/bmjz/bm/xjw/zwgk_2841/zfxxgknb/…`), which holds the unit's earlier years too (round 49c): a reader clicks the
 * crumb and finds them. The crawl reads that column as one of the seed's lists, its reports named by the unit.
 */
import type { Element } from 'domhandler';
import { linkKind } from '../onboard/column-links.ts';
import { resolveLink } from '../download/scope.ts';
import { squash, type Doc } from './html.ts';

/** The last link of the breadcrumb box that names an annual-report column, on the page's host; else null. */
export function crumbColumn($: Doc, box: Element | null, base: string): string | null {
  if (!box) return null;
  const host = new URL(base).host;
  const links = $(box).find('a[href]').toArray().reverse();
  for (const a of links) {
    const url = resolveLink($(a).attr('href'), base);
    if (!url || new URL(url).host !== host) continue;
    if (linkKind(squash($(a).text()), url, false) === 'column') return url;
  }
  return null;
}
