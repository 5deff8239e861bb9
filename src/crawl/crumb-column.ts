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

export interface CrumbLink {
  text: string;
  url: string;
}

/**
 * The links of the breadcrumb box on the page's host, last first. Taken with every report page's parse (a few
 * links, no classifying): which one names a column is asked only of a report that needs it (crumbColumn).
 */
export function crumbLinks($: Doc, box: Element | null, base: string): CrumbLink[] {
  if (!box) return [];
  const host = new URL(base).host;
  const out: CrumbLink[] = [];
  for (const a of $(box).find('a[href]').toArray().reverse()) {
    const url = resolveLink($(a).attr('href'), base);
    if (url && new URL(url).host === host) out.push({ text: squash($(a).text()), url });
  }
  return out;
}

/** The last breadcrumb link that names an annual-report column; else null. */
export function crumbColumn(links: CrumbLink[]): string | null {
  return links.find((l) => linkKind(l.text, l.url, false) === 'column')?.url ?? null;
}
