/** The kinds of request a crawl queues, and what each carries. */
import type { Family } from '../registry/seeds-file.ts';

export interface ListData {
  kind: 'list';
  seedEntryId: number;
  /** The agency whose site this is (the seed's). */
  siteAgencyId: number;
  family: Family;
  /** 0 for the seed's own page, then 1, 2, … along the pager. */
  pageIndex: number;
}

export interface DetailData {
  kind: 'detail';
  seedEntryId: number;
  siteAgencyId: number;
  listUrl: string;
  /** The full title given on the list page. */
  listTitle: string;
  listDate: string | null;
}

export interface FileData {
  kind: 'file';
  reportId: number;
  /** The name a person sees on the linking page. */
  fileName: string | null;
  /** The page that linked the file. */
  sourceUrl: string;
}

export type RequestData = ListData | DetailData | FileData;

export interface QueuedRequest {
  url: string;
  uniqueKey?: string;
  method?: 'GET' | 'POST';
  payload?: string;
  headers?: Record<string, string>;
  skipNavigation?: boolean;
  userData: RequestData;
}
