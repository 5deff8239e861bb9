/**
 * A server error answered as a page: an overloaded backend (its pool of database connections full, a JSP CMS's
 * error page, an IIS worker recycling) answers 200 with a short page saying "系统繁忙，请稍后再试" instead of a 503.
 * Taken for the page asked, it reads as a list page with no item and no pager (every later page left unasked,
 * nothing said: round 35c) or a report page with no report. A browser user reloads; the fetcher treats such a page as
 * the 503 it stands for (asked again, a failure the seed's health reports at the end), so nothing is read from it.
 * Not a rate limit (soft-rate-limit.ts): the words say the server is busy, not that the client asks too often.
 */
import { shortPageSays, type PageSaying } from './soft-rate-limit.ts';

/** A busy page is a sentence and a way home: a page quoting the words among its own text is longer, or has links
 * (a list whose notice names a busy hotline is a list). */
const MAX_BUSY_BYTES = 16 * 1024;
const MAX_BUSY_TEXT = 300;
const MAX_BUSY_LINKS = 3;
/** "系统繁忙", "服务器繁忙", "系统正忙", "网络繁忙", "服务器开小差了", "系统异常，请稍后再试", "服务暂时不可用". */
export const BUSY =
  /(?:系统|服务器?|网络|服务端|网站)(?:正忙|繁忙|忙碌|太忙)|(?:系统|服务器?|网站)开小差|(?:系统|服务器?|网站)(?:暂时)?(?:不可用|异常|出错|错误)[\s\S]{0,30}?稍后|服务(?:暂时|暂不)不?可用/;
/** Characters every BUSY match holds. */
const MAY_SAY_IT = /忙|小差|稍后|可用/;

const BUSY_PAGE: PageSaying = {
  maxBytes: MAX_BUSY_BYTES,
  maxText: MAX_BUSY_TEXT,
  maySay: MAY_SAY_IT,
  says: BUSY,
  refuse: (html) => (html.match(/<a\s/gi) ?? []).length > MAX_BUSY_LINKS,
};

/** Whether these bytes are a "server busy" page: short, its visible text saying the server cannot answer now. */
export function saysServerBusy(bytes: Buffer): boolean {
  return shortPageSays(bytes, BUSY_PAGE);
}
