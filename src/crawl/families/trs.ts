/**
 * TRS WCM (拓尔思) list pages: the pager is written by JavaScript, `createPageHTML(count, current, "index", "html")`,
 * with a 0-based current page; page 0 is index.html and page i is index_i.html. Some templates pass the numbers
 * through variables (countPage / currentPage) or add arguments. Only the page *after* the current one is returned,
 * so incremental crawls can stop early.
 */
import { parseListItems } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListPageResult, ListParser } from './family.ts';

export interface TrsPager {
  pageCount: number;
  current: number;
  name: string;
  ext: string;
}

const CALL = /createPageHTML\(\s*(\w+)\s*,\s*(\w+)\s*,\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']/;

function numberOf(token: string, script: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const m = new RegExp(`(?:var|let|const)?\\s*${token}\\s*=\\s*(\\d+)`).exec(script);
  return m?.[1] ? Number(m[1]) : null;
}

export function parseTrsPager(html: string): TrsPager | null {
  const m = CALL.exec(html);
  if (!m) return null;
  const [, countTok, currentTok, name, ext] = m;
  const pageCount = numberOf(countTok!, html);
  const current = numberOf(currentTok!, html);
  if (pageCount === null || current === null) return null;
  return { pageCount, current, name: name!, ext: ext! };
}

export function trsPageUrl(pager: TrsPager, index: number, pageUrl: string): string {
  const file = index === 0 ? `${pager.name}.${pager.ext}` : `${pager.name}_${index}.${pager.ext}`;
  return new URL(file, pageUrl).href;
}

/** The URL of the next list page, or null on the last page. */
export function trsNextPage(html: string, pageUrl: string): string | null {
  const pager = parseTrsPager(html);
  if (!pager || pager.current + 1 >= pager.pageCount) return null;
  return trsPageUrl(pager, pager.current + 1, pageUrl);
}

/** The TRS pager script itself: the strongest sign of the family. */
export function hasTrsPager(html: string): boolean {
  return CALL.test(html);
}

export function looksLikeTrs(html: string): boolean {
  return CALL.test(html) || /\/\d{6}\/t\d{8}_\d+(_wap)?\.s?html?/.test(html);
}

export const trs: ListParser = {
  family: 'trs',
  parse(visit: PageVisit): ListPageResult {
    const next = trsNextPage(visit.body, visit.loadedUrl);
    return { items: parseListItems(visit.body, visit.loadedUrl), next: next ? [{ url: next }] : [] };
  },
};
