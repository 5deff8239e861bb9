/**
 * robots.txt, fetched once per origin and run through the same polite fetcher as everything else.
 * Rules follow RFC 9309: a 4xx robots.txt allows everything; an unreachable one (5xx, network) disallows
 * everything for this run. Crawl-delay is honoured (Crawlee 3.18 ignores it) by raising the host's spacing.
 */
import robotsParserModule from 'robots-parser';
import { FetchError } from '../errors.ts';
import { readBody, type Fetcher, type RobotsPolicy } from './fetcher.ts';

// robots-parser is CommonJS (module.exports = fn) but types itself as `export default`: under NodeNext the
// default import is the function at run time, which the types do not say.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

interface RobotsVerdict {
  isAllowed(url: string): boolean;
  crawlDelayMs: number | null;
  /** Why a URL is refused when that is not a rule of the file (the file could not be read). */
  why?: string;
}

const ALLOW_ALL: RobotsVerdict = { isAllowed: () => true, crawlDelayMs: null };

/** An unreadable robots.txt refuses the whole site; the user is told it was unreadable, not that a rule says so. */
function disallowAll(err: unknown): RobotsVerdict {
  const cause = err instanceof FetchError ? err.detail : err instanceof Error ? err.message : String(err);
  return { isAllowed: () => false, crawlDelayMs: null, why: `robots.txt unreachable (${cause}), so the site is refused for this run (RFC 9309)` };
}

export class Robots implements RobotsPolicy {
  private readonly cache = new Map<string, Promise<RobotsVerdict>>();
  /**
   * The product token matched against User-agent lines: the crawler's name after `compatible;` in a browser-shaped
   * User-Agent (`Mozilla/5.0 (X11; …; compatible; nianbao/0.1; …) …` → nianbao), else its first word.
   */
  private readonly agent: string;

  constructor(
    private readonly fetcher: Fetcher,
    userAgent: string,
  ) {
    this.agent = /compatible;\s*([\w.-]+)\//i.exec(userAgent)?.[1] ?? userAgent.split(/[\s/]/)[0] ?? userAgent;
  }

  async check(url: string): Promise<{ allowed: boolean; crawlDelayMs: number | null; why?: string }> {
    const u = new URL(url);
    if (u.pathname === '/robots.txt') return { allowed: true, crawlDelayMs: null };
    let verdict = this.cache.get(u.origin);
    if (!verdict) {
      verdict = this.load(u.origin);
      this.cache.set(u.origin, verdict);
    }
    const v = await verdict;
    const allowed = v.isAllowed(url);
    return { allowed, crawlDelayMs: v.crawlDelayMs, ...(allowed || !v.why ? {} : { why: v.why }) };
  }

  private async load(origin: string): Promise<RobotsVerdict> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      return await this.fetcher.request({ url: robotsUrl, purpose: 'robots' }, async (res) => {
        const body = await readBody(res.body, 512 * 1024, robotsUrl, res.contentLength);
        if (res.status >= 400) return ALLOW_ALL;
        if (res.status < 200 || res.status >= 300) return ALLOW_ALL;
        const parsed = robotsParser(robotsUrl, body.toString('utf8'));
        const delay = parsed.getCrawlDelay(this.agent);
        return {
          isAllowed: (target: string) => parsed.isAllowed(target, this.agent) !== false,
          crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
        };
      });
    } catch (err) {
      if (err instanceof FetchError && (err.kind === 'gone' || err.kind === 'client' || err.kind === 'redirect_loop')) return ALLOW_ALL;
      return disallowAll(err);
    }
  }
}
