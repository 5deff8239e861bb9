/**
 * `family: auto`: which family a seed's list page belongs to, read from the page itself. Also tells when the HTTP
 * path cannot see the list at all (an anti-bot challenge, or an empty application shell with no API it names),
 * so the page goes to the browser lane.
 */
import type { Family } from '../../registry/seeds-file.ts';
import { loadHtml, selectIn, squash, textOutside, type Doc } from '../html.ts';
import type { PageVisit } from '../page-visit.ts';
import { aggregator, looksLikeAggregator } from './aggregator.ts';
import type { ListParser } from './family.ts';
import { generic } from './generic.ts';
import { hanweb, looksLikeHanweb } from './hanweb.ts';
import { declaredApi, jsapi } from './jsapi.ts';
import { hasTrsPager, looksLikeTrs, trs } from './trs.ts';

export type ConcreteFamily = Exclude<Family, 'auto'>;

export const PARSERS: Record<ConcreteFamily, ListParser> = { trs, hanweb, jsapi, generic, aggregator };

export interface Detection {
  family: ConcreteFamily;
  /** The sign on the page that decided it: recorded with every list request's outcome. */
  signal: string;
}

export function detectFamilyWithSignal(html: string, pageUrl: string): Detection {
  if (looksLikeHanweb(html)) return { family: 'hanweb', signal: 'hanweb: <datastore> island with jpage/nextgroup' };
  if (hasTrsPager(html)) return { family: 'trs', signal: 'trs: createPageHTML pager' };
  if (declaredApi(html, pageUrl) && isShell(html)) return { family: 'jsapi', signal: 'jsapi: an empty shell naming its API' };
  // Before TRS-style links: an aggregator often links TRS sites' report pages.
  if (looksLikeAggregator(html)) return { family: 'aggregator', signal: 'aggregator: a year heading over agency-name links' };
  if (looksLikeTrs(html)) return { family: 'trs', signal: 'trs: tYYYYMMDD_N article links' };
  return { family: 'generic', signal: 'generic: no family sign' };
}

export function detectFamily(html: string, pageUrl: string): ConcreteFamily {
  return detectFamilyWithSignal(html, pageUrl).family;
}

/**
 * Whether the page runs scripts that may draw its list (any script, inline or external, or a client-side template):
 * such a page goes to the browser when the HTTP parsers find no report on it, full site chrome or not.
 */
export function hasScripts(html: string): boolean {
  return /<script\b/i.test(html);
}

const WRITES_MARKUP = /document\.write(?:ln)?\s*\(|\.innerHTML\s*[+]?=|insertAdjacentHTML|\.(?:html|append|prepend)\(\s*['"`]?\s*</;

/**
 * Whether an inline script of the page writes markup itself (document.write, innerHTML, insertAdjacentHTML, a
 * jQuery .html/.append of a tag): a page of a known family whose list the HTTP parsers found empty may still have
 * its items drawn that way, by code no static reader follows.
 */
export function writesMarkup(html: string): boolean {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]!) && WRITES_MARKUP.test(m[2]!)) return true;
  }
  return false;
}

/**
 * A data address written in a script: a dynamic page's (`.jsp`, `.do`, `.action`, `.aspx`, `.php`), a JSON file, an
 * API's path, or a path whose query the script completes (`'/eportal/ui?pageId=' + pageId + …`: EasySite's portlets,
 * round 112b).
 */
const DATA_ADDRESS = /['"`][^'"`\s]*(?:\.(?:jsp|do|action|aspx?|php|json)(?:\?[^'"`\s]*)?|\/api\/[^'"`\s]*)['"`]|['"`]\/[^'"`\s?]*\?[^'"`\s]*=['"`]\s*\+/i;
/**
 * A request made or handed to a loader: XHR, fetch, jQuery's helpers, a pager plugin's proxy address, a site function
 * named for loading given the address first (大汉's `loadDynamic('/module/xxgk/search.jsp?…', 'div1871', …)`, its
 * XHR in a script file, round 109b).
 */
const LOADS = /XMLHttpRequest|\bfetch\s*\(|\$\.(?:ajax|get|post|getJSON)\s*\(|\.load\s*\(|\bload[A-Z_]\w*\s*\(\s*['"`]|\b(?:proxyUrl|dataUrl|url)\s*:/;
/** A site script's file named for loading a list. */
const LOADER_NAME = /(?:list|search|load|data|pager|nb|gk)[\w-]*\.js$/i;
/** Libraries' files (a pager plugin's name says nothing of a list of this page). */
export const LIBRARY_NAME = /jquery|bootstrap|layui|layer|swiper|vue|react|angular|polyfill|lodash|echarts|pdf|common|base|util/i;
/**
 * A request opened on an address written in the script, whatever its path (`xhr.open('GET', '/common/search/' + cid
 * + …)`, `fetch('/gkpt/list?' + q)`: 甘肃's 集约化 columns, their server copy of the list kept in a comment, round 87c).
 */
const OPENS_ADDRESS = /\.open\(\s*['"](?:GET|POST)['"]\s*,\s*['"`](?:https?:\/\/|\/|\.\.?\/)|\bfetch\(\s*['"`](?:https?:\/\/|\/|\.\.?\/)/i;
/** A loader's configuration naming its service (`api: 'https://data.…/common/search/'`, `listUrl: '/…'`). */
const CONFIG_ADDRESS = /\b\w*(?:url|api|proxy)\s*:\s*['"`](?:https?:\/\/|\/)[^'"`\s]+['"`]/i;

/**
 * Whether an inline script of the page loads data from an address it names (a pager plugin mounted with its proxy's
 * address, `$.post('/…/list.do')`): a column whose HTTP read lists nothing may have its list drawn from that answer
 * (round 72b: a Hanweb year column of an older template, no data island, its list POSTed on load).
 */
export function scriptLoadsData(html: string): boolean {
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const code = m[2]!;
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[1]!)?.[1];
    // A site script named for loading a list (`nbList.js`, `xxgkSearch.js`, `loadData.js`), no library's: round 73b's
    // year columns, their loader reading the channel from a <meta> and naming no address in the page.
    if (src) {
      const name = src.replace(/[?#].*$/, '').replace(/^.*\//, '');
      if (LOADER_NAME.test(name) && !LIBRARY_NAME.test(name)) return true;
      continue;
    }
    if ((DATA_ADDRESS.test(code) && LOADS.test(code)) || CONFIG_ADDRESS.test(code) || OPENS_ADDRESS.test(code)) return true;
  }
  // Asked last: it parses the page, the checks above read its scripts' text only.
  return scriptWritesInPlace(html);
}

/**
 * Whether the page loads a script file of its own site, no library's (`/gkmlpt/js/app.js`, `/js/main.js`): what draws
 * a page whose markup holds no list of its own, when something else says a list belongs there.
 */
export function loadsSiteScript(html: string, pageUrl: string): boolean {
  return siteScripts(html, pageUrl).length > 0;
}

/** The script files of its own site a page loads (no library's, no minified bundle), by their path. */
export function siteScripts(html: string, pageUrl: string): string[] {
  const host = new URL(pageUrl).host;
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (!URL.canParse(m[1]!, pageUrl)) continue;
    const url = new URL(m[1]!, pageUrl);
    const name = url.pathname.replace(/^.*\//, '');
    if (url.host === host && /\.js$/i.test(name) && !LIBRARY_NAME.test(name) && !/\.min\.js$/i.test(name)) out.add(url.pathname);
  }
  return [...out];
}

/**
 * Whether a site script (no library's) stands in the page's content where a list would be: in an element of the body
 * holding no link, outside the page's head and footer (上海's old node CMS: `<div class="right"><div class="rt">区政府部门
 * 年报</div><script src="…/n1216/index.js"></script></div>`, the script writing the list, round 83b).
 */
function scriptWritesInPlace(html: string): boolean {
  if (!/<body[\s\S]*<script\b[^>]*\bsrc\s*=/i.test(html)) return false;
  const $ = loadHtml(html);
  return $('body script[src]')
    .toArray()
    .some((el) => {
      const script = $(el);
      const name = (script.attr('src') ?? '').replace(/[?#].*$/, '').replace(/^.*\//, '');
      if (!/\.js$/i.test(name) || LIBRARY_NAME.test(name) || script.closest('head, footer, .footer, #footer, .foot, #foot').length) return false;
      const box = script.parent();
      return !box.is('body, html') && box.find('a[href]').length === 0;
    });
}

/**
 * An anti-bot challenge (瑞数 / 加速乐 style): status 412 or 521, or a tiny page that only runs a script which sets
 * a cookie and reloads, showing nothing else. A real browser passes these; the HTTP path never will. A small page
 * of the site's own (chrome, links, text) whose script reads a cookie (an XSRF token for its list request) and may
 * send phones elsewhere is no challenge.
 */
export function isChallenge(visit: PageVisit): boolean {
  if (visit.status === 412 || visit.status === 521) return true;
  const body = visit.body;
  return (
    body.length < 4096 &&
    /<script/i.test(body) &&
    /(\$_ts|__jsl|document\.cookie)/.test(body) &&
    // Reloading by any spelling: location.reload(), .replace(), .assign(), .href=, or `self.location = …` (round 42d).
    /location\s*(?:\.\s*(?:reload|replace|assign|href)|=(?!=))/.test(body) &&
    isShell(body)
  );
}

/** A page whose visible content is empty: scripts and a mount point, hardly any text or links in its body. */
export function isShell(html: string): boolean {
  // The page's shared document, read without editing.
  return isShellDocument(loadHtml(html));
}

/**
 * isShell of a parsed document: the shared one, or one whose scripts, styles and noscripts a reader removed already
 * (parseDetailPage's, so a report page is not parsed a second time for it): a template's content and a script's or
 * noscript's text hold no element a selector finds, so only the text needs them left out, and either document gives
 * the same answer. The links are counted first: a page of five or more is no shell whatever its text.
 */
export function isShellDocument($: Doc): boolean {
  const body = selectIn($, 'body');
  if (body.find('a[href]').length >= 5) return false;
  return squash(textOutside(body, ['script', 'style', 'noscript', 'template'])).length < 200;
}
