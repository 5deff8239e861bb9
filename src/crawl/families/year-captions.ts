/**
 * Year captions that are no headings: a list grouped by year under a styled block (`<div class="year-title">2024年度
 * </div><ul>…</ul>`) or a bold paragraph typed in the site's editor (`<p><strong>2022年</strong></p><p><a>…</a></p>`).
 * Such a caption holds a year and nothing else, no link, and the element right after it holds the group's links, or
 * the one after a short line of text of its own (`<p>2023年</p><p>（按发布时间排列）</p><ul>…</ul>`); a year inside a
 * row (a date split over spans: `<span>2024</span><span>01-20</span>`) is followed by no link and is no caption.
 */
import type { Element } from 'domhandler';
import { yearOnly } from '../classify/text.ts';
import { squash, type Doc } from '../html.ts';

/** Elements that may caption a group of links without being a heading. */
export const CAPTION_CANDIDATES = 'p, div, span, strong, b, font, em, label, li, section';
const NOT_CAPTION = 'a, option, select, button, script, style, head, header, footer, nav';
/** A line that may stand between a caption and its links: short, with no link, no year, no date. */
const ASIDE_MAX = 60;
const HAS_YEAR = /(?:19|20)\d{2}|[〇零一二]{4}/;

const yearText = (text: string) => yearOnly(squash(text)) !== null;

/**
 * The page's year captions that are no headings, each as the element the group walk meets (the outermost element
 * holding just the year, when it is one of CAPTION_CANDIDATES, else the year's own element).
 */
export function yearCaptions($: Doc): Set<Element> {
  const out = new Set<Element>();
  for (const el of $(CAPTION_CANDIDATES).toArray()) {
    const node = $(el);
    if (!yearText(node.text()) || node.find('a, img').length || node.closest(NOT_CAPTION).length) continue;
    // The caption's box: up while the parent says nothing more (`<p><strong>2022年</strong></p>`).
    let box = node;
    while (!box.parent().is('body, html') && box.parent().length && squash(box.parent().text()) === squash(node.text())) box = box.parent();
    const [first, second] = box.nextAll().filter((_, sib) => !$(sib).is('br') && squash($(sib).text()) !== '').toArray().map((sib) => $(sib));
    const links = (n: typeof first) => !!n && (n.is('a[href]') || n.find('a[href]').length > 0);
    const aside = (n: typeof first) => !!n && !links(n) && !n.find('img').length && squash(n.text()).length <= ASIDE_MAX && !HAS_YEAR.test(n.text());
    if (!links(first) && !(aside(first) && links(second))) continue;
    out.add((box.is(CAPTION_CANDIDATES) ? box.get(0) : el) as Element);
  }
  return out;
}
