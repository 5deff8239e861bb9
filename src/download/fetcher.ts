/**
 * Polite fetching: every request of nianbao (pages for Crawlee, attachments, robots.txt) goes through here.
 * Scope and robots.txt are checked before any byte is sent; each host's gate spaces and limits requests;
 * 5xx, 429, timeouts, resets and truncated bodies are retried with exponential backoff (Retry-After wins);
 * consecutive failures open the host's circuit. Redirects are followed by hand so every hop is checked.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { PolitenessConfig } from '../config.ts';
import { FetchError, NianbaoError, sinkErrorOf } from '../errors.ts';
import { HostGates, type HostGate } from './host-gate.ts';
import { cookieCheckTarget } from './cookie-check.ts';
import { mergeCookieHeader, type HostCookies } from './host-cookies.ts';
import { SiteCookies } from './site-cookies.ts';
import { onOurClock } from './cookie-clock.ts';
import { browserSized } from './cookie-size.ts';
import { httpOnce } from './http-once.ts';
import { returnsTo } from './sign-on-bounce.ts';
import { locationFromBytes } from './location-bytes.ts';
import { parseRefresh } from './refresh-header.ts';
import { CHOICES_PEEK_BYTES, firstChoice } from './multiple-choices.ts';
import { RedirectCookies, type HopCookie } from './redirect-cookies.ts';
import { isScriptChallenge } from './challenge-answer.ts';
import { saysServerBusy } from './server-busy.ts';
import { cutByServerError, MAX_CUT_PAGE_BYTES } from './cut-page.ts';
import { unaskedNotModified } from './unasked-304.ts';
import { MAX_BLOCK_BYTES, mayBeBlockPage, saysTooFrequent } from './soft-rate-limit.ts';
import { peekBody } from './peek-body.ts';
import { isErrorPageRedirect } from './error-page.ts';
import { typedAsPage } from './whole-document.ts';
import { Scope, sameSiteMove } from './scope.ts';

export interface FetchRequest {
  url: string;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Pages and robots.txt use the page timeout, files the download timeout. */
  purpose: 'page' | 'file' | 'robots';
  /** A server error's page (5xx, HTML) is handed on with its status once the retries are spent, for the reader to
   * tell a page drawn whole before its template failed (an ASP include's error after the list) from an error page. */
  errorPage?: boolean;
  /** Validators of the last good fetch, sent as If-None-Match / If-Modified-Since. */
  conditional?: { etag?: string | null; lastModified?: string | null };
  referer?: string;
  /**
   * The request is a browser's (the browser lane's page asking through the fetcher): the Cookie header it sends is its
   * own jar's, the freshest, and wins over the cookies kept from a challenge it passed before (a challenge script's
   * cookie renewed by the page, round 81d: sent with the kept stale one, every reload met the challenge again).
   */
  browser?: boolean;
}

export interface FetchResponse {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentLength: number | null;
  body: Readable;
  /** See OnceResponse.allowUpTo. */
  allowUpTo?: (totalMs: number) => void;
  redirects: string[];
  /** Cookies the redirects on the way set (redirect-cookies.ts), for the consumer's session jar. */
  hopCookies?: HopCookie[];
  /** The body, when the fetcher read it whole to look at it (a short page: soft-rate-limit.ts mayBeBlockPage; an HTML
   * page of up to 512 KiB: cut-page.ts). */
  whole?: Buffer;
}

/** Told about every exchange; used for statistics and progress. */
export interface FetchObserver {
  onExchange?(e: { url: string; host: string; method: string; status: number | null; error?: string; purpose: FetchRequest['purpose'] }): void;
}

/** Decides whether robots.txt allows a URL; installed by the crawl (it fetches robots.txt through this fetcher). */
export interface RobotsPolicy {
  /** `why` says why a URL is refused when no rule of the file does (an unreadable robots.txt). */
  check(url: string): Promise<{ allowed: boolean; crawlDelayMs: number | null; why?: string }>;
}

const MAX_REDIRECTS = 10;
/** Times one address (with the same cookies) is asked in one redirect chain at most: once more is a way back. */
const ASKED_IN_A_CHAIN = 2;
/** How long a host that answered a "too frequent" page (a 429 with no Retry-After) is left alone: WAF windows are
 * seconds long, and the backoff alone (2 s by default, 50 ms in tests) may end inside the window. */
const SOFT_LIMIT_PAUSE_MS = 3000;
/** The least spacing of a host that said we ask too fast (askedTooFast): doubled from there on each refusal. */
const TOO_FAST_MIN_DELAY_MS = 250;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export class Fetcher {
  readonly gates: HostGates;
  robots: RobotsPolicy | null = null;
  /** Cookies and User-Agent of hosts whose challenge a browser passed; installed by the crawl. */
  cookies: HostCookies | null = null;
  /** Every cookie the run's answers set, for the files their pages link to (site-cookies.ts). */
  readonly siteCookies = new SiteCookies();

  constructor(
    readonly cfg: PolitenessConfig,
    readonly scope: Scope,
    private readonly observer: FetchObserver = {},
  ) {
    this.gates = new HostGates({
      concurrency: cfg.hostConcurrency,
      delayMs: cfg.hostDelayMs,
      circuitBreakerThreshold: cfg.circuitBreakerThreshold,
    });
  }

  /**
   * Fetches req and hands the response to consume while holding the host's slot. The whole exchange, consume
   * included, is retried on retryable failures, so consume must be safe to run again (e.g. write to a fresh temp
   * file). Final failures throw FetchError. 4xx and 3xx-without-Location responses are handed to consume, and with
   * `errorPage` the last answer of an HTML page still failing with a 5xx.
   */
  async request<T>(req: FetchRequest, consume: (res: FetchResponse) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.follow(req, consume);
      } catch (err) {
        // A rate limit met at the end of a redirect (a WAF's 302 to its "too frequent" notice) refused the address
        // asked, not the notice's: that address is asked again once the host's pause is over, as a reader reloads it.
        if (!(err instanceof LimitedAfterRedirect)) throw err;
        if (attempt >= this.cfg.maxRetries) throw err.limit;
      }
    }
  }

  private async follow<T>(req: FetchRequest, consume: (res: FetchResponse) => Promise<T>): Promise<T> {
    let url = req.url;
    const redirects: string[] = [];
    let method = req.method ?? 'GET';
    let body = req.body;
    // Cookies the hops set are sent on the next hops, as a browser sends them; an address asked again is a loop only
    // when it is asked with the same cookies (a cookie check by redirects sends a client back where it started), and
    // asked a third time: a browser follows a chain that comes back once (a cluster's stale node stripping the slash
    // its siblings add, `/x/` → `/x` → `/x/`: round 56d), and only counts hops.
    const hopCookies = new RedirectCookies();
    const asked = new Map<string, number>();
    // Hops through a sign-on service the registry's page sent the visitor to, naming it as where to come back
    // (sign-on-bounce.ts): made though its host is not the registry's; nothing is taken from them but their redirects.
    const bounce = new Set<string>();
    for (let hop = 0; ; hop++) {
      await this.admit(url, req.purpose, bounce.has(url));
      const sent = hopCookies.headerFor(url);
      const key = `${url}\n${sent ?? ''}`;
      asked.set(key, (asked.get(key) ?? 0) + 1);
      const headers = sent ? withCookies(req.headers, sent) : req.headers;
      const outcome = await this.withRetries<{ redirect: string; keepsMethod?: boolean } | { value: T }>(url, { ...req, headers, method, body }, hop > 0, async (res) => {
        if (res.status >= 300 && res.status < 400 && res.headers.location && hop < MAX_REDIRECTS) {
          res.body.resume();
          hopCookies.take(url, res.headers['set-cookie']);
          // Raw UTF-8 (or GBK) bytes in the header are read as a browser reads them (location-bytes.ts).
          const target = new URL(locationFromBytes(res.headers.location), url).href;
          // A server's failure sent to its error page (error-page.ts) is the 500 it stands for: asked again.
          if (isErrorPageRedirect(url, target)) throw new FetchError(`HTTP ${res.status} to an error page (${target})`, url, 'server', 500);
          return { redirect: target, keepsMethod: res.status === 307 || res.status === 308 };
        }
        // A hop off the registry (a sign-on service, another name of the site) answering a page of its own: not read.
        if (bounce.has(url)) throw new FetchError(`off scope: sent to ${url} (a sign-on service, or another name of the site) outside the registry, which answered with a page of its own instead of sending back`, req.url, 'off_scope');
        // A WAF's cookie check answered as a page that sets its cookie and reloads (cookie-check.ts) is a redirect. Such
        // a page is short HTML, read whole already by exchange() to look for a block page: not read a second time.
        const check = res.status === 200 && res.headers['set-cookie'] && res.whole && hop < MAX_REDIRECTS ? cookieCheckTarget(res.whole, url) : null;
        if (check) {
          hopCookies.take(url, res.headers['set-cookie']);
          return { redirect: check };
        }
        return { value: await consume({ ...res, redirects, ...(hopCookies.taken.length ? { hopCookies: hopCookies.taken } : {}) }) };
      });
      if ('value' in outcome) return outcome.value;
      redirects.push(url);
      if ((asked.get(`${outcome.redirect}\n${hopCookies.headerFor(outcome.redirect) ?? ''}`) ?? 0) >= ASKED_IN_A_CHAIN) {
        throw new FetchError(`redirect loop: ${outcome.redirect} again after ${redirects.length} hops`, req.url, 'redirect_loop');
      }
      // A registry host moving itself (to https, another port, or with or without `www.`) names where the site now
      // is: that host joins the registry's for the run (scope.ts `sameSiteMove`), so the bookmark a user kept works.
      if (this.scope.allowsHost(Scope.hostOf(url)) && sameSiteMove(url, outcome.redirect)) this.scope.add(Scope.hostOf(outcome.redirect));
      // (Decided first: a site moving itself is no hop through another name, below.)
      if (!this.scope.allows(outcome.redirect) && ((this.scope.allows(url) && (returnsTo(outcome.redirect, url) || samePath(url, outcome.redirect))) || (bounce.has(url) && Scope.hostOf(outcome.redirect) === Scope.hostOf(url)))) {
        bounce.add(outcome.redirect);
      }
      // A registry host sending the same address to another name of its site (nginx building a redirect from its first
      // server_name, an old domain: round 83d), which sends it back: that name is the site's, joining the registry's for
      // the run (its own links, the site's older pages, are asked then, and answer with the site's redirects).
      if (bounce.has(url) && this.scope.allows(outcome.redirect) && samePath(url, outcome.redirect)) this.scope.add(Scope.hostOf(url));
      // A file's download address often answers with a redirect to the store holding it (an object store's
      // signed address): the file's own redirects are the file, wherever they lead.
      if (req.purpose === 'file' && this.scope.allows(url)) this.scope.vouch(outcome.redirect);
      url = outcome.redirect;
      if (hop + 1 >= MAX_REDIRECTS) throw new FetchError(`more than ${MAX_REDIRECTS} redirects`, req.url, 'redirect_loop');
      // 301/302/303 turn a POST into a GET, as browsers do; 307 and 308 send it again as it was (a POST pager or a
      // download form moved to https or behind a load balancer's new path).
      if (method === 'POST' && !outcome.keepsMethod) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  /** Scope, robots.txt and circuit checks; throws a non-retryable FetchError when the URL may not be fetched. */
  private async admit(url: string, purpose: FetchRequest['purpose'], signOnHop = false): Promise<void> {
    const allowed = signOnHop || (purpose === 'robots' ? this.scope.allowsRobotsOf(url) : this.scope.allows(url));
    if (!allowed) throw new FetchError('off scope: host not in the registry', url, 'off_scope');
    const gate = this.gates.for(Scope.hostOf(url));
    if (gate.circuitOpen) throw new FetchError(`host skipped: ${gate.circuitOpen}`, url, 'circuit_open');
    // A sign-on hop reads no page: the robots.txt of a host the registry does not hold is not asked for it.
    if (purpose !== 'robots' && !signOnHop && this.cfg.obeyRobots && this.robots) {
      const verdict = await this.robots.check(url);
      if (verdict.crawlDelayMs !== null) gate.raiseDelay(Math.min(verdict.crawlDelayMs, this.cfg.maxCrawlDelayMs));
      if (!verdict.allowed) throw new FetchError(verdict.why ?? 'disallowed by robots.txt', url, 'robots');
    }
  }

  private async withRetries<T>(
    url: string,
    req: FetchRequest & { method: string },
    redirected: boolean,
    handle: (res: FetchResponse) => Promise<T>,
  ): Promise<T> {
    const host = Scope.hostOf(url);
    const gate = this.gates.for(host);
    let lastError: FetchError | null = null;
    for (let attempt = 0; attempt <= this.cfg.maxRetries; attempt++) {
      if (gate.circuitOpen) throw new FetchError(`host skipped: ${gate.circuitOpen}`, url, 'circuit_open');
      try {
        return await gate.run(() => this.exchange(url, req, gate, handle, attempt === this.cfg.maxRetries));
      } catch (err) {
        // Our own storage failing (disk full, catalog full) is no fault of the host: never retried, never counted.
        const sink = sinkErrorOf(err, url);
        if (sink) throw sink;
        if (err instanceof NianbaoError && !(err instanceof FetchError)) throw err;
        const e =
          err instanceof FetchError ? err : new FetchError(`failed: ${(err as Error).message}`, url, 'network', undefined, { cause: err });
        if (!e.retryable) throw e;
        lastError = e;
        gate.recordFailure(e.message);
        if (attempt < this.cfg.maxRetries) {
          const backoff = this.cfg.backoffBaseMs * 2 ** attempt;
          gate.pauseUntil(Date.now() + backoff);
        }
        // Where a redirect led to a rate limit, the address to ask again is the first one (request()).
        if (redirected && e.status === 429) throw new LimitedAfterRedirect(e);
      }
    }
    throw lastError ?? new FetchError('failed', url, 'network');
  }

  /**
   * A host that said we ask too fast (a 429, a 503, a "too frequent" page) is asked slower for the rest of the run: its spacing
   * doubles (TOO_FAST_MIN_DELAY_MS at least, the Crawl-delay cap at most), as a rate limiter counting requests per
   * second or per address (Sentinel's 429 "Blocked by Sentinel", round 45d) refuses every burst the backoff alone lets
   * through. With no Retry-After, the host is also left alone for a WAF window (SOFT_LIMIT_PAUSE_MS).
   */
  private askedTooFast(gate: HostGate, unsaid: boolean): void {
    gate.raiseDelay(Math.min(Math.max(gate.currentDelayMs * 2, TOO_FAST_MIN_DELAY_MS), this.cfg.maxCrawlDelayMs));
    if (unsaid) gate.pauseUntil(Date.now() + Math.min(SOFT_LIMIT_PAUSE_MS, this.cfg.maxCrawlDelayMs * 5));
  }

  private async exchange<T>(
    url: string,
    req: FetchRequest & { method: string },
    gate: HostGate,
    handle: (res: FetchResponse) => Promise<T>,
    lastAttempt = true,
  ): Promise<T> {
    const headers: Record<string, string> = {
      'user-agent': this.cfg.userAgent,
      accept: req.purpose === 'file' ? '*/*' : 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
      'accept-encoding': req.purpose === 'file' ? 'identity' : 'gzip, deflate, br',
      ...(req.referer ? { referer: req.referer } : {}),
      ...(req.conditional?.etag ? { 'if-none-match': req.conditional.etag } : {}),
      ...(req.conditional?.lastModified ? { 'if-modified-since': req.conditional.lastModified } : {}),
      ...lowerKeys(req.headers ?? {}),
    };
    // A file is asked with the cookies a browser would send (its pages' session, a token set for the file server).
    const site = req.purpose === 'file' ? this.siteCookies.headerFor(url, req.referer) : null;
    // A host behind a challenge sees the browser that passed it: its cookies and its User-Agent, on every request.
    const kept = req.purpose === 'robots' ? null : (this.cookies?.headerFor(url) ?? null);
    const cookie = req.browser ? mergeCookieHeader(kept ?? undefined, headers.cookie ?? null) : mergeCookieHeader(mergeCookieHeader(headers.cookie, site), kept);
    if (cookie) headers.cookie = cookie;
    const browserAgent = req.purpose === 'robots' ? null : (this.cookies?.userAgentFor(gate.host) ?? null);
    if (browserAgent) headers['user-agent'] = browserAgent;
    if (req.body !== undefined && !headers['content-length']) headers['content-length'] = String(Buffer.byteLength(req.body));
    const timeoutMs = req.purpose === 'file' ? this.cfg.downloadTimeoutMs : this.cfg.pageTimeoutMs;
    let res;
    try {
      res = await httpOnce({ url, method: req.method, headers, body: req.body, timeoutMs, insecureTls: true });
    } catch (err) {
      this.observer.onExchange?.({ url, host: gate.host, method: req.method, status: null, error: (err as Error).message, purpose: req.purpose });
      throw err;
    }
    this.observer.onExchange?.({ url, host: gate.host, method: req.method, status: res.status, purpose: req.purpose });
    // Cookies' expiry read on the server's clock, as Chromium reads it (cookie-clock.ts), and cookies too large for a
    // browser left out (cookie-size.ts), for every jar below and after.
    const setCookie = browserSized(onOurClock(res.headers['set-cookie'], first(res.headers.date)));
    if (setCookie !== res.headers['set-cookie']) res.headers['set-cookie'] = setCookie;
    this.cookies?.update(url, res.headers['set-cookie']);
    if (req.purpose !== 'robots') this.siteCookies.take(url, res.headers['set-cookie']);
    // A file refused with 412 by a shield whose cookie wore out, answering with a fresh one (round 102d: a cookie
    // good for so many requests): asked again with it, as a reader's reload is. A challenge that needs its script to
    // earn the cookie (瑞数) sets again what was sent and fails as before.
    if (res.status === 412 && req.purpose === 'file' && !lastAttempt && setsNewCookie(res.headers['set-cookie'], headers.cookie)) {
      res.body.resume();
      throw new FetchError('HTTP 412 with a fresh cookie (a shield renewing its cookie): asked again with it', url, 'server', 412);
    }
    // 加速乐's 521 script challenge (challenge-answer.ts) is handed on as the page it is, never retried as a 5xx.
    if (res.status === 521) {
      const peeked = await peekBody(res.body, MAX_BLOCK_BYTES);
      if (peeked.whole && isScriptChallenge(res.status, peeked.whole)) return handle({ ...res, body: peeked.body, url, redirects: [] });
      res = { ...res, body: peeked.body };
    }
    // A 300 naming its choices only in its page (multiple-choices.ts): its first choice is where a reader goes.
    if (res.status === 300 && !res.headers.location) {
      const peeked = await peekBody(res.body, CHOICES_PEEK_BYTES);
      const choice = firstChoice(peeked.head, url);
      res = choice ? { ...res, body: peeked.body, headers: { ...res.headers, location: choice } } : { ...res, body: peeked.body };
    }
    // A 304 to a request that set no condition (unasked-304.ts) holds no page: a cache's failure, asked again.
    if (unaskedNotModified(res.status, headers)) {
      res.body.resume();
      throw new FetchError('HTTP 304 to a request with no condition (a cache answering without the page)', url, 'server', 304);
    }
    // The last answer of a page asked again and again with a server error, when HTML: handed on as the page it is (a
    // browser shows it). One that carries a page (site chrome, links: a list drawn whole before a footer's include
    // failed, round 50d) is the host serving; a bare error page counts against the host as the others did.
    if (res.status >= 500 && lastAttempt && req.errorPage && typedAsPage(res.headers['content-type'])) {
      const peeked = await peekBody(res.body, ERROR_PAGE_PEEK_BYTES);
      if (carriesPage(peeked.head)) gate.recordSuccess();
      else gate.recordFailure(`HTTP ${res.status}`);
      return handle({ ...res, body: peeked.body, url, redirects: [] });
    }
    // A 202 Accepted saying when to come back (`Retry-After`, `Refresh`: a file still being converted, "文件正在生成",
    // round 64d) holds no document yet: asked again after that pause, as a 503 is, never stored as the file.
    if (res.status === 202 && (res.headers['retry-after'] || res.headers.refresh)) {
      res.body.resume();
      const wait = parseRetryAfter(res.headers['retry-after']) ?? (parseRefresh(first(res.headers.refresh) ?? '')?.delay ?? 1) * 1000;
      gate.pauseUntil(Date.now() + Math.min(wait, this.cfg.maxCrawlDelayMs * 5));
      throw new FetchError('HTTP 202 (accepted, not ready yet: asked again)', url, 'server', 503);
    }
    if (res.status === 429 || res.status >= 500) {
      res.body.resume();
      const retryAfter = parseRetryAfter(res.headers['retry-after']);
      if (retryAfter !== null) gate.pauseUntil(Date.now() + Math.min(retryAfter, this.cfg.maxCrawlDelayMs * 5));
      if (res.status === 429) this.askedTooFast(gate, retryAfter === null);
      // A 503 is nginx's answer to a request over its rate (`limit_req`'s default status, no Retry-After: round 82d), and
      // an overloaded server's: either way the host is asked slower from then on (the backoff is the pause).
      else if (res.status === 503) this.askedTooFast(gate, false);
      throw new FetchError(`HTTP ${res.status}`, url, 'server', res.status);
    }
    // A WAF's rate limit answered as a 200 page (soft-rate-limit.ts) is the 429 it stands for, never the page asked.
    let body = res.body;
    let whole: Buffer | undefined;
    // An HTML page of a size a list page has is read whole first: a server may have cut it with its error (cut-page.ts).
    const htmlPage = res.status >= 200 && res.status < 300 && /html/i.test(first(res.headers['content-type']) ?? '') && (res.contentLength === null || res.contentLength <= MAX_CUT_PAGE_BYTES);
    if (htmlPage || mayBeBlockPage(res.status, first(res.headers['content-type']), res.contentLength)) {
      const peeked = await peekBody(res.body, htmlPage ? MAX_CUT_PAGE_BYTES : MAX_BLOCK_BYTES);
      if (htmlPage && peeked.whole && cutByServerError(peeked.whole)) throw new FetchError('HTTP 200 with a page its server cut with an error (an error page where the rest should be)', url, 'server', 503);
      if (peeked.whole && saysTooFrequent(peeked.whole)) {
        this.askedTooFast(gate, true);
        throw new FetchError('HTTP 200 with a "too frequent" page (a rate limit answered as a page)', url, 'server', 429);
      }
      // An overloaded backend's "系统繁忙" page (server-busy.ts) is the 503 it stands for: asked again, never read.
      if (peeked.whole && saysServerBusy(peeked.whole)) throw new FetchError('HTTP 200 with a "server busy" page (a server error answered as a page)', url, 'server', 503);
      body = peeked.body;
      whole = peeked.whole ?? undefined;
    }
    const value = await handle({ ...res, body, url, redirects: [], ...(whole ? { whole } : {}) });
    gate.recordSuccess();
    return value;
  }
}

/** Whether two addresses name the same path and query on other hosts (a trailing slash aside): one site's two names. */
function samePath(a: string, b: string): boolean {
  const x = new URL(a);
  const y = new URL(b);
  return x.host !== y.host && x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '') && x.search === y.search;
}

/** A rate limit (429, or a "too frequent" page) answered at an address a redirect led to. */
class LimitedAfterRedirect extends Error {
  constructor(readonly limit: FetchError) {
    super(limit.message);
  }
}

/** Whether an answer sets a cookie (name and value) the request did not send. */
function setsNewCookie(setCookie: string | string[] | undefined, sent: string | undefined): boolean {
  const had = new Set((sent ?? '').split(';').map((c) => c.trim()));
  return [setCookie ?? []].flat().some((c) => {
    const pair = c.split(';')[0]?.trim() ?? '';
    return pair.includes('=') && !had.has(pair);
  });
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The request's headers with `cookies` merged into its Cookie header (they win on a name clash: they are newer). */
function withCookies(h: Record<string, string> | undefined, cookies: string): Record<string, string> {
  const own = Object.entries(h ?? {}).find(([k]) => k.toLowerCase() === 'cookie');
  const rest = Object.fromEntries(Object.entries(h ?? {}).filter(([k]) => k.toLowerCase() !== 'cookie'));
  return { ...rest, cookie: mergeCookieHeader(own?.[1], cookies)! };
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Reads a body into memory, refusing more than maxBytes; a body whose Content-Length (`announced`) is over the cap
 * is refused before a byte of it is read.
 */
export async function readBody(body: Readable, maxBytes: number, url: string, announced: number | null = null): Promise<Buffer> {
  if (announced !== null && announced > maxBytes) {
    body.destroy();
    throw new FetchError(`announced ${announced} bytes, over the ${maxBytes}-byte cap`, url, 'too_large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw new FetchError(`larger than the ${maxBytes}-byte cap`, url, 'too_large');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export { sleep };

/** How much of a server error's page is looked at to tell a page from an error page. */
const ERROR_PAGE_PEEK_BYTES = 64 * 1024;

/** A page's body, not an error page's: 4 KiB or more with ten links or more (a site's chrome and its content). */
function carriesPage(head: Buffer): boolean {
  if (head.length < 4096) return false;
  const links = head.toString('latin1').match(/<a\s[^>]*href/gi);
  return (links?.length ?? 0) >= 10;
}
