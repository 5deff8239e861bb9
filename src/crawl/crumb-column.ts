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

/** Paths of a site's tag and search pages: DedeCMS `/tags.php`, WordPress `/tag/年报/`, `/search/`, `/plus/search.php`. */
const WORD_PAGE_PATH = /\/(?:tags?|search|so|sousuo|jsearch|fulltextsearch)(?:\/|\.(?:php|jsp|aspx?|do|s?html?)(?:$|\/)|$)/i;
/** Queries choosing a tag or searching: `?tag=年报`, `?keyword=`, `?q=`, PHPCMS's `c=tag`, `a=search`. */
const WORD_PAGE_QUERY = /^(?:tag|tags|keyword|keywords|kw|q|query|searchword|searchkey|wd)$/i;

/**
 * Whether a list is a tag's or a search's results (a report's 标签 "年报" clicked: DedeCMS's `tags.php?/年报/`, round
 * 62c): pages of any column gathered by a word, no column of the reports. Its reports' own column, as their breadcrumb
 * names it, holds the years the word missed.
 */
export function gathersByWord(listUrl: string): boolean {
  try {
    const u = new URL(listUrl);
    if (WORD_PAGE_PATH.test(u.pathname)) return true;
    return [...u.searchParams].some(([name, value]) => WORD_PAGE_QUERY.test(name) || (/^[mca]$/.test(name) && /^(?:tag|tags|search)$/i.test(value)));
  } catch {
    return false;
  }
}
