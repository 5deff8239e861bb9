/**
 * The crawler of a host's pages: Crawlee's HttpCrawler, told that nianbao goes through no proxy.
 *
 * Crawlee reads any error whose message holds ECONNREFUSED or ECONNRESET as a proxy's fault (its
 * ROTATE_PROXY_ERRORS) and turns it into a SessionError: the request is given back with a new session instead of
 * failing, up to ten times, whatever the retry count. nianbao asks hosts directly, and its fetcher has already
 * retried such a fault with backoff and counted it against the host (download/fetcher.ts): its error is final, as
 * for any other fault. A host refusing connections made a seed's request go round for ever (its robots.txt verdict
 * cached, each round instant: one core busy, the run never ending).
 */
import { HttpCrawler, type HttpCrawlingContext } from '@crawlee/cheerio';

export class PageCrawler extends HttpCrawler<HttpCrawlingContext> {
  protected override isProxyError(): boolean {
    return false;
  }
}
