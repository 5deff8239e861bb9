/**
 * What every portal family gives back for one list page: the items it lists and the further list requests (the
 * next page, or the API or POST request that holds the list). Keeping every family to "items + next" leaves one
 * place, the list handler, to decide whether to follow `next` (incremental crawls stop early there).
 */
import type { Family } from '../../registry/seeds-file.ts';
import type { ListItem } from '../list-page.ts';
import type { PageVisit } from '../page-visit.ts';
import type { ListCursor } from '../requests.ts';

export interface NextListRequest {
  url: string;
  method?: 'GET' | 'POST';
  payload?: string;
  headers?: Record<string, string>;
  /** Needed when the URL alone does not tell two requests apart (POST paging). */
  uniqueKey?: string;
  /** Family state the next page needs (e.g. the Hanweb form fields). */
  cursor?: ListCursor;
  /** The agency whose own 年报 column this list is, as the directory linking it named it (agency-links.ts). */
  columnAgency?: string;
  /** A disclosure page a seed page names (政府信息公开, 法定主动公开内容: report-column.ts), read for its 年报 column only. */
  hub?: true;
  /** The link leading here names the 年报 column itself (政府信息公开年报: report-column.ts), whatever the page says. */
  namedColumn?: true;
  /** The hub is the agency's own website, linked from a page about it on another site (report-column.ts ownSiteLinks). */
  ownSite?: true;
  /** The units' directory a disclosure page names by its link (部门信息公开: report-column.ts agencyPageLinks). */
  directory?: true;
  /** A year's column of a per-year 年报 menu: the report its year stands for ("政府信息公开年报（2023年）"), read as such
   * when the column's address answers the year's file itself. */
  reportTitle?: string;
}

export interface ListPageResult {
  items: ListItem[];
  next: NextListRequest[];
  /** Guesses the parser made where the page said too little (a page URL built from a name convention): recorded with the page's outcome, never silent. */
  notes?: string[];
  /** The page's pager announces more pages than this one, and no way to the next could be read (never silent). */
  deadEnd?: string;
  /** No pager could be read, and an empty pager box its script draws is on the page (drawn-pager.ts): which box. */
  drawnPager?: string;
  /** Agencies a drop-down of their 年报 columns names whose address its handler did not give (jump-menu.ts): the page
   * is read again with the site's own scripts, and said as a dead end if they still lead nowhere. */
  unreadMenus?: string[];
  /** Items titled as a report but for its year whose year cannot be told (bare-report-year.ts), "title (date)": listed
   * and not catalogued, which the seed's result says. */
  undatedReports?: string[];
  /**
   * The page a user sees this list on, when it is not the address read (a learned list's API answer: the page whose
   * script asked it): recorded as where its reports and files were listed.
   */
  shownAt?: string;
  /** A learned list whose paging could not be learned led on by its answer's own pager (learned.ts): its paging is read. */
  ownPager?: true;
}

export interface ListParser {
  family: Exclude<Family, 'auto'>;
  parse(visit: PageVisit, cursor: ListCursor | undefined): ListPageResult;
}
