/**
 * Each host's cookie jar, kept across the crawler rounds of one run. A host's crawler keeps one session (one jar) for
 * the host, as one visitor would; but a host is crawled in more than one round when the frontier scouts it (its seed
 * page, then its slot given back: frontier.ts) or requests reach it after its crawler ended, and a new crawler's
 * session started bare: a site whose pages answer 403 without the cookie its seed page set lost every page after the
 * scouting (the blind portal `blind-session-cookie`). Jars holding no cookie are not kept (a national run's hosts are
 * mostly cookieless).
 */
import { CookieJar } from 'tough-cookie';

export class HostJars {
  private readonly jars = new Map<string, CookieJar>();

  /** The jar the host's next crawler session starts with: the one its last round left, else a new one. */
  jarFor(host: string): CookieJar {
    return this.jars.get(host) ?? new CookieJar();
  }

  /** Keeps the jar a round of the host's crawl ended with, when it holds a cookie. */
  keep(host: string, jar: CookieJar): void {
    if (jar.serializeSync()?.cookies.length) this.jars.set(host, jar);
    else this.jars.delete(host);
  }
}
