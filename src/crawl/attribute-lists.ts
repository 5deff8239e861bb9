/**
 * A list held whole in a data attribute of its box, drawn and paged by the page's own script with no request:
 *
 *   <ul id="gkList" data-size="5" data-list='[{"t":"…2023年…年度报告","u":"./202401/t20240125_1.html","d":"2024-01-25"}, …]'>
 *
 * A browser shows the first page of it only, and turning the page asks nothing (no traffic to learn from); over HTTP
 * the box is empty. The JSON array (its records' title and address found by shape, as in a list answer) is read
 * from the attribute and its items placed as links inside the box, so every family's parser reads them all, rendered
 * or not. Only attributes whose value is a JSON array or object holding such records are read.
 */
import { findJsonList, type Json } from './learn/list-shape.ts';
import { attributesOf, escapeAttr } from './script-links.ts';

/** A start tag with its attributes (quoted values may hold `>`). */
const START_TAG = /<([a-z][\w-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/gi;
/** Larger attributes are not a column's list. */
const MAX_CHARS = 1024 * 1024;

/** The JSON of a data attribute's value when it is an array or object; null otherwise. */
function jsonValue(value: string): Json | null {
  const v = value.trim();
  if (v.length > MAX_CHARS || !/^[[{]/.test(v)) return null;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return null;
  }
}

/** The page with the items of every list a data attribute holds placed as links inside the attribute's element. */
export function withAttributeLists(html: string, pageUrl: string): string {
  if (!/\sdata-[\w-]+\s*=\s*["']?\s*[[{]/i.test(html)) return html;
  return html.replace(START_TAG, (tag: string, _name: string, attrs: string) => {
    if (!/\sdata-/i.test(attrs)) return tag;
    const links: string[] = [];
    for (const [key, value] of Object.entries(attributesOf(attrs))) {
      if (!key.startsWith('data-')) continue;
      const json = jsonValue(value);
      const found = json === null ? null : findJsonList(json, pageUrl);
      for (const item of found?.items ?? []) {
        links.push(`<li><a href="${escapeAttr(item.url)}">${escapeAttr(item.title)}</a>${item.date ? `<span>${item.date}</span>` : ''}</li>`);
      }
    }
    return links.length ? `${tag}${links.join('')}` : tag;
  });
}
