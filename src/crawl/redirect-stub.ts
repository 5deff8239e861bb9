/**
 * Where a page that only sends its reader elsewhere sends it: a meta refresh of a few seconds at most, or, on a page
 * that offers nothing else, a script setting the location as it loads. Column addresses that only redirect, and
 * click-counting pages between a list and its articles ("页面跳转中…如果您的浏览器没有自动跳转，请点击这里"), and
 * pages warning that a link leaves the site with a 继续访问 link on to it, are such pages: a browser (or its reader)
 * reads their target, and so does the crawl.
 */
import { parseRefresh } from '../download/refresh-header.ts';
import { resolveLink } from '../download/scope.ts';
import { documentBase, loadHtml, type Doc } from './html.ts';

/** A script that goes elsewhere as soon as it runs: `window.location.href = '…'`, `location.replace('…')`. */
const SCRIPT_REDIRECT = /(?:^|[;{}\s])(?:(?:window|self|top|document)\.)?location(?:\.href)?\s*=\s*(["'])([^"'\s]+)\1|\blocation\.(?:replace|assign)\s*\(\s*(["'])([^"'\s]+)\3/;

/** What a page's markup holds when it may redirect: the word refresh (a meta), or a script setting the location. */
const MAY_REDIRECT = /refresh|location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\(/i;

/**
 * The same-host addresses a page redirects to (any host's with `anyHost`). A meta refresh counts on any page (browsers follow it); a script
 * only on a page with no link of its own but the one it goes to ("请点击这里"): a real page's scripts go places on
 * clicks, not on load.
 */
export function redirectTargets($: Doc, pageUrl: string, anyHost = false): string[] {
  const base = documentBase($, pageUrl);
  const host = new URL(pageUrl).host;
  const resolved = (t: string | undefined) => {
    const url = t ? resolveLink(t, base) : null;
    return url && url !== pageUrl && (anyHost || new URL(url).host === host) ? url : null;
  };
  const out = new Set<string>();
  $('meta[http-equiv]').each((_, el) => {
    if (($(el).attr('http-equiv') ?? '').toLowerCase() !== 'refresh') return;
    // `<meta http-equiv="refresh" content="0;url=…">`, a delay of a few seconds at most.
    const r = parseRefresh($(el).attr('content') ?? '');
    const url = r && r.delay <= 5 ? resolved(r.target) : null;
    if (url) out.add(url);
  });
  if (out.size) return [...out];
  const links = new Set($('a[href]').toArray().map((el) => resolved($(el).attr('href')) ?? $(el).attr('href') ?? ''));
  for (const el of $('script:not([src])').toArray()) {
    const m = SCRIPT_REDIRECT.exec($(el).text());
    const url = m ? resolved(m[2] ?? m[4]) : null;
    if (url && [...links].every((l) => l === url)) out.add(url);
  }
  return [...out];
}

/** A page warning its reader that a link leaves the site ("您即将离开本站", "即将跳转到…"), in its words. */
const LEAVING = /(?:即将|将要|正在)(?:离开|跳转|访问|前往)|离开本(?:站|网)/;
/** The link such a page offers to go on: its words alone. */
const GO_ON = /^(?:继续访问|继续前往|继续浏览|继续|确定访问|确认访问|确定|确认|前往|立即访问|立即前往)$/;

/**
 * The one same-host address a 您即将离开本站 page offers to go on to (a CMS's link-type document shown through
 * `leave.jsp?url=…` though its target is on the same host, round 58a): no refresh, no script, a 继续访问 link and a
 * 返回 one. A browser's reader clicks on; read as the report's page, it catalogued the warning (its list title's
 * agency guessed, a department's report filed as the government's).
 */
function leavingTarget($: Doc, pageUrl: string): string | null {
  if (!LEAVING.test($('body').text())) return null;
  const base = documentBase($, pageUrl);
  const host = new URL(pageUrl).host;
  const targets = new Set<string>();
  for (const el of $('a[href]').toArray()) {
    if (!GO_ON.test($(el).text().replace(/\s+/g, ''))) continue;
    const url = resolveLink($(el).attr('href') ?? '', base);
    if (url && url !== pageUrl && new URL(url).host === host) targets.add(url);
  }
  return targets.size === 1 ? [...targets][0]! : null;
}

/** Where a page sends its reader when it is a redirect stub: its one same-host target, else null. */
export function redirectStubTarget(html: string, pageUrl: string): string | null {
  // Every report page comes here: one that names no refresh, sets no location and warns of no leaving is not parsed
  // a second time (the script, the meta and the words read below are verbatim in the markup; a third of a report
  // page's parsing was this).
  const leaving = LEAVING.test(html);
  if (!leaving && !MAY_REDIRECT.test(html)) return null;
  const $ = loadHtml(html);
  const targets = redirectTargets($, pageUrl);
  if (targets.length === 1) return targets[0]!;
  return leaving && !targets.length ? leavingTarget($, pageUrl) : null;
}

/**
 * Where a page sends its reader at once, whatever else it holds: a refresh of no delay (`<meta http-equiv="refresh"
 * content="0;url=…">`, or the `Refresh: 0;url=…` header written in as that meta: download/refresh-header.ts) to
 * another same-host address. A browser leaves such a page before drawing it: a column that moved answered at its old
 * address with its stale static list and the header (nginx's `add_header Refresh` over the old file) shows its reader
 * the new column. Read as a list, the stale page ended the seed with the old column's reports, silently.
 */
export function immediateRefreshTarget(html: string, pageUrl: string): string | null {
  // Every list page comes here: a page with no refresh at all is not parsed a second time.
  if (!/http-equiv\s*=\s*["']?\s*refresh/i.test(html)) return null;
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const host = new URL(pageUrl).host;
  for (const el of $('meta[http-equiv]').toArray()) {
    if (($(el).attr('http-equiv') ?? '').toLowerCase() !== 'refresh') continue;
    const r = parseRefresh($(el).attr('content') ?? '');
    if (!r || r.delay !== 0) continue;
    const url = resolveLink(r.target, base);
    if (url && url !== pageUrl && new URL(url).host === host) return url;
  }
  return null;
}
