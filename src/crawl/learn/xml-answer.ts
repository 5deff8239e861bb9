/**
 * XML list answers read as JSON: `<result><total>10</total><list><item><title><![CDATA[…]]></title><url>…</url>
 * </item>…</list></result>` becomes `{result: {total: "10", list: {item: [{title, url}, …]}}}`, so the list is found by
 * shape (list-shape.ts) and its total read (answer-total.ts) as for a JSON answer. Answers whose records are HTML
 * (Hanweb's `<record><![CDATA[<li><a href…>]]>`) are markup, not this.
 */
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { Json } from './list-shape.ts';

/** An XML document by its first characters: a declaration, or a root element that is not HTML. */
export function looksLikeXml(text: string): boolean {
  const t = text.trimStart().replace(/^\uFEFF/, '');
  return t.startsWith('<?xml') || (/^<[a-z][\w.-]*[\s>]/i.test(t) && !/^<(!doctype|html|head|body|div|ul|li|table|tr|p|span|a)[\s>]/i.test(t));
}

/** Elements below this depth are not looked at (a list is never that deep). */
const MAX_DEPTH = 10;

function childElements(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag');
}

function toJson(el: Element, depth: number): Json {
  const kids = childElements(el);
  if (!kids.length || depth >= MAX_DEPTH) return cheerio.load(el, { xml: true }).root().text().trim();
  const out: { [k: string]: Json } = {};
  const names = kids.map((k) => k.name);
  // A name repeated among siblings is a list; so is the only kind of child of a container (a list of one).
  const alike = new Set(names).size === 1 && childElements(kids[0]!).length > 0;
  for (const k of kids) {
    const value = toJson(k, depth + 1);
    if (alike || names.indexOf(k.name) !== names.lastIndexOf(k.name)) out[k.name] = [...((out[k.name] as Json[] | undefined) ?? []), value];
    else out[k.name] = value;
  }
  return out;
}

/** The answer's XML as JSON (element names as keys, text as strings); null when it is not XML or holds no elements. */
export function xmlAnswerAsJson(text: string): Json | null {
  if (!looksLikeXml(text)) return null;
  const $ = cheerio.load(text.replace(/^\uFEFF/, ''), { xml: true });
  const root = $.root().children().toArray().find((c): c is Element => c.type === 'tag');
  return root ? { [root.name]: toJson(root, 0) } : null;
}
