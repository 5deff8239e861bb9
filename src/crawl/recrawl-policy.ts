/**
 * When a known URL is fetched again. Reports get corrected after publication, so report pages first seen recently
 * are revisited; stored files are revalidated with conditional requests only once due. Everything else known is
 * left alone: a nightly run must cost fragile hosts almost nothing.
 */
export interface RecrawlPolicy {
  /** Report pages first seen within this many days are revisited. Default 45. */
  revisitWindowDays: number;
  /** …but not more often than this. Default 20 hours (once a night). */
  revisitMinIntervalHours: number;
  /** A stored file is revalidated (If-None-Match / If-Modified-Since) after this many days. Default 30. */
  revalidateAfterDays: number;
  /** List pages read on every run before paging may stop: paging stops at the first page after these whose report
   * links are all known already (lists are newest first). A page without report links does not stop it. Default 1.
   * Backfills read every page. */
  minListPages: number;
}

export const DEFAULT_RECRAWL: RecrawlPolicy = { revisitWindowDays: 45, revisitMinIntervalHours: 20, revalidateAfterDays: 30, minListPages: 1 };

/** Whether to read the list page after page `pageIndex` (0-based), given the report links this one held. */
export function keepPaging(p: RecrawlPolicy, pageIndex: number, links: { reports: number; unknown: number }, fullDepth: boolean): boolean {
  return fullDepth || pageIndex + 1 < p.minListPages || links.reports === 0 || links.unknown > 0;
}

const HOUR = 3600_000;

export function pageDue(p: RecrawlPolicy, known: { firstSeenAt: string; fetchedAt: string | null } | null, now = Date.now()): boolean {
  if (!known || !known.fetchedAt) return true;
  const firstSeen = Date.parse(known.firstSeenAt);
  const fetched = Date.parse(known.fetchedAt);
  return now - firstSeen <= p.revisitWindowDays * 24 * HOUR && now - fetched >= p.revisitMinIntervalHours * HOUR;
}

export function fileDue(p: RecrawlPolicy, known: { fetchedAt: string; stored: boolean } | null, now = Date.now()): 'fetch' | 'revalidate' | 'skip' {
  if (!known || !known.stored) return 'fetch';
  return now - Date.parse(known.fetchedAt) >= p.revalidateAfterDays * 24 * HOUR ? 'revalidate' : 'skip';
}
