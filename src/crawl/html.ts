/** Small helpers shared by the page parsers. */
import * as cheerio from 'cheerio';
import { compile, selectAll, selectOne } from 'css-select';
import { hasChildren, isTag, isText, type AnyNode, type Element } from 'domhandler';
import { INVISIBLE } from './classify/text.ts';

export type Doc = cheerio.CheerioAPI;

/**
 * Selectors compiled once. Cheerio compiles a selector string at every call, and `closest(selector)` once per
 * ancestor it tries (css-select keeps no cache): the parsers' per-link lookups (is this link in the page's chrome,
 * which row holds it) cost 7 s of CPU on a page of 100 000 links and a sixth of an ordinary list page's parse.
 */
const compiledSelectors = new Map<string, (el: Element) => boolean>();

function compiled(selector: string): (el: Element) => boolean {
  let query = compiledSelectors.get(selector);
  if (!query) {
    query = compile<AnyNode, Element>(selector);
    compiledSelectors.set(selector, query);
  }
  return query;
}

/** A selector as a filter for cheerio's `closest`, `is`, `filter` and `not`, compiled once: `a.closest(matching(CHROME))`. */
export function matching(selector: string): (this: unknown, i: number, el: AnyNode) => boolean {
  const query = compiled(selector);
  return (_i, el) => isTag(el) && query(el);
}

/** The elements below `node` (not itself) matching a selector compiled once: `node.find(selector)` in a loop. */
export function findWithin($: Doc, node: cheerio.Cheerio<AnyNode>, selector: string): cheerio.Cheerio<Element> {
  const query = compiled(selector);
  return $(node.toArray().flatMap((el) => selectAll<AnyNode, Element>(query, el)));
}

/**
 * `$(selector)` over the whole document, the selector compiled once: `$('a[href]')` compiled it again on every page
 * (a fifth of a report page's reading went to compiling the same few selectors).
 */
export function selectIn($: Doc, selector: string): cheerio.Cheerio<Element> {
  return $(selectAll<AnyNode, Element>(compiled(selector), $.root()[0]!));
}

/** `$(selector).first()` over the whole document, compiled once; the walk stops at the first match. */
export function selectFirst($: Doc, selector: string): cheerio.Cheerio<Element> {
  const el = selectOne<AnyNode, Element>(compiled(selector), $.root()[0]!);
  return $(el ? [el] : []);
}

/**
 * The last few pages parsed, by their text. A list page is read by a dozen parsers (its family's, the pager's, the
 * announced counts, the column's year…), each of which took the page's markup and parsed it again: 80 % of a list
 * page's parse time. Kept few, so memory stays that of the pages being handled.
 */
const parsed = new Map<string, Doc>();
const PARSED_KEPT = 4;

/**
 * A page's document, shared by every parser reading the same markup: read it, never change it (`remove()`,
 * `attr(name, value)`, …); a parser that edits its document takes its own from loadHtmlToEdit.
 */
export function loadHtml(html: string): Doc {
  let $ = parsed.get(html);
  if ($) {
    parsed.delete(html); // most recently used last
  } else {
    $ = cheerio.load(html);
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(html, $);
  return $;
}

/**
 * The text of nodes less what elements of the given tags hold (`script`, `style`): `.text()` of a copy with those
 * removed, read from a shared document without changing it. Walked with a stack: pages nest deep.
 */
export function textOutside(nodes: cheerio.Cheerio<AnyNode>, tags: readonly string[]): string {
  const skip = new Set(tags);
  const parts: string[] = [];
  const stack: AnyNode[] = nodes.toArray().reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (hasChildren(n) && !(isTag(n) && skip.has(n.name))) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

/** A document of its own, for a parser that removes parts of it before reading (scripts, the site's chrome). */
export function loadHtmlToEdit(html: string): Doc {
  return cheerio.load(html);
}

/** Collapses whitespace (including full-width spaces and &nbsp;) to single spaces. */
export function squash(s: string): string {
  // Zero-width spaces, BOM and soft hyphens show nothing: dropped, not turned into spaces.
  return s.replace(INVISIBLE, '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** A link that goes nowhere by itself: no href, `javascript:…` or a bare fragment (a script control). */
export function isScriptHref(href: string | undefined): boolean {
  return !href || /^\s*(javascript:|#)/i.test(href);
}

/** Removes all whitespace: labels such as "索  引 号" are matched without it. */
export function compact(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

/** A YYYY-MM-DD date in text such as 2024-01-20, 2024/1/20, 2024年1月20日, or null. */
export function findDate(text: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text.normalize('NFKC'));
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Document extensions that are report attachments. */
export const ATTACHMENT_EXT = /\.(pdf|docx?|wps|xlsx?|et|ofd|odt|ods|rtf|zip|rar|7z|jpe?g|png|tiff?)$/i;

/**
 * URLs that serve files whatever their extension (Hanweb downfile.jsp and similar download endpoints; a script named
 * down / dl / xiazai, `down.php?file=…pdf`, which is the file, not a viewer of the address it carries: round 40d).
 */
export const DOWNLOAD_PATH = /(downfile|download|filedown|getfile|attachment|fujian)[^/]*$|\/(?:down|dl|xiazai)\.[a-z]+$/i;

/**
 * The HTML with its comments removed, scripts kept whole: a list or a pager call commented out by the template
 * (`<!-- <li>…</li> createPageHTML(…) -->`) is not on the page. Cheerio already ignores comments; this is for the
 * pattern scans that read the raw text. A `<!--` inside a script (the old way of hiding script from browsers) is
 * script, not a comment, so scripts are matched first.
 */
export function withoutComments(html: string): string {
  return html.replace(/(<script\b[^>]*>[\s\S]*?<\/script\s*>)|<!--[\s\S]*?(?:-->|$)/gi, (_, script: string | undefined) => script ?? '');
}

/** The URL relative links of a page resolve against: its `<base href>` (resolved against the page), else the page. */
/** The <base href> of each loaded document ('' when it has none). */
const baseHrefs = new WeakMap<Doc, string>();

export function documentBase($: Doc, pageUrl: string): string {
  // Asked once per link by the parsers: the <base> lookup walks the whole document, so it is kept per document.
  let href = baseHrefs.get($);
  if (href === undefined) {
    href = selectFirst($, 'base[href]').attr('href')?.trim() ?? '';
    baseHrefs.set($, href);
  }
  if (!href) return pageUrl;
  try {
    const u = new URL(href, pageUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : pageUrl;
  } catch {
    return pageUrl;
  }
}

/** Two elements of one shape: the same tag and the same class attribute (a run of rows, a set of panes). */
export function sameShape(a: Element, b: Element): boolean {
  return a.name === b.name && (a.attribs['class'] ?? '') === (b.attribs['class'] ?? '');
}
