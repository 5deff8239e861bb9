import type { ArticleParts } from './joined-article.ts';
import type { AnnouncedBefore } from './stale-pages.ts';
/** The kinds of request a crawl queues, and what each carries. */
import type { Family } from '../registry/seeds-file.ts';

/** Family state carried from one list request to the next (e.g. the Hanweb jpage form fields). */
export type ListCursor = Record<string, string | number>;

export interface ListData {
  kind: 'list';
  seedEntryId: number;
  /** The agency whose site this is (the seed's). */
  siteAgencyId: number;
  /** The seed's family; 'auto' until the seed page has been looked at, then the detected one; 'learned' for the
   * pages of an endpoint the browser lane learned (never configured in a seeds file). */
  family: Family | 'learned';
  /** 0 for the seed's own page, then 1, 2, … along the pager. */
  pageIndex: number;
  cursor?: ListCursor;
  /** The agency a directory's link named this list by ("容城镇"): its reports' agency when nothing else names one. */
  columnAgency?: string;
  /** Rendered by the browser to learn the list from the page's own traffic (escalation). */
  learn?: boolean;
  /** Rendered again for a fresh token: the learned pages refused with a stale one are asked again (token-refresh.ts). */
  freshToken?: boolean;
  /** A column an earlier run found by exploring the seed's host (seed-explore.ts), read beside the seed. */
  remembered?: boolean;
  /** A column found by exploring the seed's host (this run or remembered): drawn in the browser when its HTTP reading
   * lists no report and the page runs scripts (its list drawn by script, round 42c). */
  explored?: boolean;
  /** A unit's 年报 column a report page's breadcrumb names (crumb-column.ts): one that is gone is no failure of the seed. */
  crumb?: true;
  /** A disclosure page the seed's page names (政府信息公开, 法定主动公开内容: report-column.ts), read for its 年报 column. */
  hub?: boolean;
  /** A 年报 column the link leading here named (NextListRequest.namedColumn): drawn in the browser when its script
   * loads its list, though the page's own words (filled by that script) name nothing (round 76b). */
  namedColumn?: true;
  /** A page its list titled a report that is an index of reports (collection.ts), and why: its URL's state says so. */
  index?: string;
  /** A year's column (NextListRequest.reportTitle): the report it stands for and the page linking it, read as that
   * report when the column's address answers a document. */
  yearReport?: { title: string; listUrl: string };
  /** A later page asked once more after it answered an empty list its first page contradicts (handlers.ts). */
  askedAgain?: true;
  /** A list page drawn in the browser for the pager its script draws, its items read over HTTP already (handlers.ts):
   * what its titles say unlinked (rows a site function opens, resolved over HTTP from the site's scripts) is not
   * asked again. */
  pagerOnly?: true;
  /**
   * A 年报 column whose list its script loads (drawn-column.ts): drawn and learned from as an escalated seed is, its
   * endpoint read on over HTTP but not kept as the seed's (the seed's own page lists its reports).
   */
  drawnColumn?: true;
  /** The units' directory a disclosure page names by its link (部门信息公开: report-column.ts agencyPageLinks). */
  directory?: true;
  /** What the page leading here announced of its list's size, and its address (stale-pages.ts freshFirstPage). */
  announcedBefore?: AnnouncedBefore;
}

export interface DetailData {
  kind: 'detail';
  seedEntryId: number;
  siteAgencyId: number;
  listUrl: string;
  /** The full title given on the list page. */
  listTitle: string;
  listDate: string | null;
  /** The list title was cut before it could say "report": the page's own title must (see classifyTitle's maybe). */
  verify?: boolean;
  /**
   * The list title was made from an agency-named link under a year (agency-links.ts): a page showing no report (no
   * report title, text nor file: a unit's empty folder, 暂无信息) is none, whatever that title says (round 77a).
   */
  confirm?: boolean;
  /** A file the list links under a cut title (verify): a report only when its first page's title is one (file-title.ts). */
  cutFile?: boolean;
  /**
   * A file the list links as a report under a title naming no agency ("2024年政府信息公开工作年度报告" in a unit's box):
   * whose it is, its first page says (documentAsReport), before the seed's agency is taken for it.
   */
  bareFile?: boolean;
  /** The list's column agency (ListData.columnAgency). */
  columnAgency?: string;
  /** Files the list item's row links beside it ("[PDF]"): the report's, stored with it as its page's attachments are. */
  files?: string[];
}

export interface FileData {
  kind: 'file';
  reportId: number;
  /** The name a person sees on the linking page. */
  fileName: string | null;
  /** The page that linked the file. */
  sourceUrl: string;
  /** The seed entry that led here (seed health counts its failures). */
  seedEntryId?: number;
  /** A later page of an article cut over pages: the article, joined once all its pages are stored (joined-article.ts). */
  article?: ArticleParts;
  /** Found on the page a file link answered (download-page.ts): a page answered again is not read for links. */
  viaPage?: string;
  /** A content picture of the page `sourceUrl`: its place among the page's pictures (1, 2, …; detail-page.ts). */
  pictureOrder?: number;
  /** The urlencoded fields of the download form the file is asked by: a POST, as the page's 下载 button sends it. */
  form?: string;
  /** The link, gone where it led, whose path this address asks at the site's root (root-file.ts): a guess. */
  rootOf?: string;
}

export type RequestData = ListData | DetailData | FileData;

/** Which crawler fetches a request: plain HTTP (Cheerio), or the browser for JavaScript-rendered or challenged hosts. */
export type Lane = 'http' | 'browser';

export interface QueuedRequest {
  url: string;
  /** Default 'http'. Files always go over HTTP (the downloader): a browser never navigates to them. */
  lane?: Lane;
  uniqueKey?: string;
  method?: 'GET' | 'POST';
  payload?: string;
  headers?: Record<string, string>;
  skipNavigation?: boolean;
  /** Goes to the front of its host's queue (a page whose fresh token would go stale behind the others). */
  forefront?: boolean;
  userData: RequestData;
}
