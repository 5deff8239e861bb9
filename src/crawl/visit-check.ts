/**
 * An old site's anti-leech check on its articles: a page asked without the visit cookie answers 200 with only
 * `<script>alert('对不起，请从本站栏目页面访问！');history.back();</script>` (round 65d: an ASP.NET county site whose
 * visit cookie is set by the footer's hit-counter image, `/Tools/Counter.ashx`, which every browser loads with the
 * column page). A browser shown such a page goes back to the column at once: read as the report, it is an empty page
 * (an about:blank catalogued as six reports, before this).
 *
 * The check is passed as a visitor passes it: the column page that listed the article is asked again with its
 * same-host dynamic images (a counter, a statistics beacon: an address with a query or a script's extension, at most
 * four), once per host and run, their cookies kept with the host's (HostCookies, as a passed challenge's are: the
 * fetcher sends them with the host's later requests), and the article asked again with the column as its referer;
 * the host's other articles are then let in at once. An article still refused is a failure of the seed's ("blocked": the visit check not passed), never a
 * report.
 */
import type { PoliteHttpClient } from '../download/crawlee-http-client.ts';
import type { HostCookies } from '../download/host-cookies.ts';
import { resolveLink } from '../download/scope.ts';
import { decodeHtml } from '../encoding/decode-html.ts';
import { documentBase, loadHtml, squash, textOutside } from './html.ts';
import { inlineScripts } from './script-links.ts';

/** The alert a refusal shows, and the way it leaves: back, closed, or sent to the home page. */
const ALERT = /\balert\s*\(\s*(["'])([\s\S]{1,200}?)\1\s*\)/;
const LEAVES = /history\s*\.\s*(?:back\s*\(|go\s*\(\s*-\s*1)|window\s*\.\s*close\s*\(|(?:window\.|top\.|self\.)?location(?:\.href)?\s*=/;
/** A refusal is a stub: a script and hardly anything else. */
const STUB_BYTES = 1024;

/** The message of a page that only alerts and leaves (a visit check's refusal), or null. */
export function refusalOf(html: string): string | null {
  if (html.length > STUB_BYTES || !/<script/i.test(html)) return null;
  const scripts = inlineScripts(html).join('\n');
  const alert = ALERT.exec(scripts);
  if (!alert || !LEAVES.test(scripts)) return null;
  const rest = squash(textOutside(loadHtml(html)('body'), ['script', 'style', 'noscript']));
  return rest.length <= 40 ? alert[2]! : null;
}

/** A beacon's address: a script's extension (`.ashx`, `.asp`, `.php`…) or a query; a static picture is none. */
const DYNAMIC = /\.(?:ashx|aspx?|php|jsp|do|cgi|action)$/i;
const BEACONS_ASKED = 4;

/** Per run (its client) and host: whether its column's page and images set a cookie, asked once. */
const asked = new WeakMap<PoliteHttpClient, Map<string, Promise<boolean>>>();

/**
 * Asks the column page and its images once per host and run, as a visitor's browser does, keeping every cookie they
 * set in `cookies` (the fetcher then sends them with the host's requests, the beacons after the page and the refused
 * article again included); whether any was set.
 */
export function earnVisitCookies(http: PoliteHttpClient, cookies: HostCookies, columnUrl: string): Promise<boolean> {
  const host = new URL(columnUrl).host;
  let cache = asked.get(http);
  if (!cache) asked.set(http, (cache = new Map()));
  let pending = cache.get(host);
  if (!pending) cache.set(host, (pending = askBeacons(http, cookies, columnUrl).catch(() => false)));
  return pending;
}

async function askBeacons(http: PoliteHttpClient, cookies: HostCookies, columnUrl: string): Promise<boolean> {
  let set = false;
  // fetchForBrowser gives an answer's Set-Cookie lines joined by newlines.
  const keep = (url: string, setCookie: string | undefined) => {
    const lines = (setCookie ?? '').split('\n').filter(Boolean);
    if (lines.length) (set = true), cookies.add(url, lines);
  };
  const column = await http.fetchForBrowser({ url: columnUrl, method: 'GET', headers: {} });
  keep(column.url, column.headers['set-cookie']);
  const $ = loadHtml(decodeHtml(column.body, column.headers['content-type'] ?? null).text);
  const base = documentBase($, column.url);
  const host = new URL(columnUrl).host;
  const beacons = [
    ...new Set(
      $('img[src]')
        .toArray()
        .map((img) => resolveLink($(img).attr('src'), base))
        .filter((url): url is string => !!url && new URL(url).host === host && (DYNAMIC.test(new URL(url).pathname) || new URL(url).search.length > 1)),
    ),
  ].slice(0, BEACONS_ASKED);
  for (const url of beacons) {
    const res = await http.fetchForBrowser({ url, method: 'GET', headers: { referer: column.url } }).catch(() => null);
    if (res) keep(res.url, res.headers['set-cookie']);
  }
  return set;
}
