/**
 * Links of a breadcrumb written with no telling class, as older table-layout sites write it (`<td class="wz">您现在的
 * 位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; 政府信息公开年报</td>`): chrome, not list
 * items. Read as items, a trail's 首页 link (too short to be a title) is titled by its cell, which names the column
 * ("…政府信息公开年报"), and counted as a report item whose page, the site's root, is no article.
 */
import type { Element } from 'domhandler';
import { CRUMB_LEAD, SEPARATOR, textUpTo } from './crumb-agency.ts';
import { findDate, squash } from './html.ts';

/** A breadcrumb is one short line: a block past this is a container holding more than the trail. */
const MAX_TRAIL = 200;

/**
 * Whether a link is one segment of a plain breadcrumb: its nearest ancestor whose text opens with 当前位置 (您现在的
 * 位置, 您的位置 …) is short, holds no date (a list row beside the trail would), and splits at the trail's separators
 * into segments one of which is the link's whole text (a list item that merely follows a trail in a small container
 * is no segment of it). `texts` caches block texts over one page's links (null: longer than a trail).
 */
export function isPlainCrumbLink(a: Element, linkText: string, texts: Map<Element, string | null>): boolean {
  const own = squash(linkText).replace(/\s+/g, '');
  if (!own) return false;
  for (let el = a.parent; el && el.type === 'tag' && el.name !== 'body'; el = el.parent) {
    const block = el as Element;
    let text = texts.get(block);
    if (text === undefined) {
      const raw = textUpTo(block, MAX_TRAIL * 2);
      text = raw === null ? null : squash(raw);
      texts.set(block, text);
    }
    if (text === null || text.length > MAX_TRAIL) return false;
    if (!CRUMB_LEAD.test(text)) continue;
    if (findDate(text) !== null) return false;
    const segments = text.replace(CRUMB_LEAD, '').split(SEPARATOR).map((s) => s.replace(/\s+/g, ''));
    return segments.includes(own);
  }
  return false;
}
