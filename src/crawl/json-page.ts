/**
 * A page whose answer is a JSON document: an API's answer copied as the seed (a search hit on a CMS proxy's
 * `getManuscriptById`, served as text/plain, its article in a `content` string and its page in `staticUrl`, round
 * 98c). An HTML reader takes such a body for text with markup in it: the markup inside the strings is escaped
 * (`href=\"/…\"`, `<\/p>`), so its links read as addresses wrapped in quotes and backslashes, and the addresses held
 * by fields are no links at all. It is read as what a person reading it takes from it, drawn as plain HTML: every
 * field holding a web address or a path from the site's root as a link titled by its object's title, and every string
 * holding markup as that markup. An answer holding a list (an array of titled items with addresses, list-shape.ts: a
 * widget's API copied from the network panel, round 40c) is a list API's, paged through by what the browser learns of
 * it, as a learned list's answers (families/learned.ts) are read by their shape: not drawn.
 */
import { findJsonList, parseJsonAnswer, type Json } from './learn/list-shape.ts';
import { escapeAttr } from './script-links.ts';

/** An address a field holds: a web address, or a path from the site's root (never a bare name, resolved nowhere). */
const ADDRESS = /^(?:https?:\/\/[^\s"'<>]+|\/(?!\/)[^\s"'<>]*)$/i;
/** A string holding markup: an element's start tag. */
const MARKUP = /<[a-z][a-z0-9]*(?:\s[^>]*)?>/i;
/** Fields naming their object: a title first, a name else. */
const TITLE_KEYS = [/^(?:doc)?title$/i, /title/i, /^name$/i, /name/i];
const MAX_DEPTH = 12;

function titleOf(obj: { [key: string]: Json }): string {
  const keys = Object.keys(obj).filter((k) => typeof obj[k] === 'string' && (obj[k] as string).trim() && !MARKUP.test(obj[k] as string) && !ADDRESS.test((obj[k] as string).trim()));
  for (const re of TITLE_KEYS) {
    const key = keys.find((k) => re.test(k));
    if (key) return (obj[key] as string).replace(/\s+/g, ' ').trim();
  }
  return '';
}

/**
 * The JSON value of a body that is one (an object or an array, parsed once as the list reader parses an answer), else
 * null. A JSONP call is a script, no page.
 */
function jsonValue(body: string, url: string): Json | null {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!/^[[{]/.test(text) || !/[\]}]$/.test(text)) return null;
  try {
    const v = parseJsonAnswer(text, url);
    return typeof v === 'object' && v !== null ? v : null;
  } catch {
    return null;
  }
}

/** The answer drawn as an HTML page, or null when the body is no JSON object or array, or holds a list. */
export function jsonAsPage(body: string, url: string): string | null {
  const value = jsonValue(body, url);
  // Items in an array of records; markup wrapped in a field (an article's `content`) is no list of this kind.
  if (value === null || findJsonList(value, url)) return null;
  const links: string[] = [];
  const fragments: string[] = [];
  let pageTitle = '';
  const walk = (v: Json, depth: number): void => {
    if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const title = titleOf(v);
    if (!pageTitle && title) pageTitle = title;
    for (const x of Object.values(v)) {
      if (typeof x !== 'string') {
        walk(x, depth + 1);
        continue;
      }
      const s = x.trim();
      if (ADDRESS.test(s) && s.length < 2000) links.push(`<li><a href="${escapeAttr(s)}">${escapeAttr(title || s)}</a></li>`);
      else if (MARKUP.test(s)) fragments.push(`<div class="json-field">${s}</div>`);
    }
  };
  walk(value, 0);
  if (links.length === 0 && fragments.length === 0) return null;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeAttr(pageTitle)}</title></head><body><ul class="json-links">\n${links.join('\n')}\n</ul>\n${fragments.join('\n')}</body></html>`;
}
