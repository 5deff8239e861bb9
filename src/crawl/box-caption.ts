/**
 * The caption of the box (a page section, a card group, a tab pane) a link sits in: what a reader sees above the box's
 * links. Read by the report-column finder (a 更多 link of the 年报 box) and by the list reader (an image card's box).
 */
import { squash, type Doc } from './html.ts';

/** Where a box keeps its caption: a heading, or an element classed as one (box-tit, hd, title…). */
export const CAPTION = 'h1, h2, h3, h4, h5, h6, dt, caption, legend, [class*=tit], [class*=hd], [class*=head]';

/**
 * What a caption says: its text, and the alt of the images it shows (a 专题's section titles drawn as images:
 * `<div class="sec-hd"><img alt="年度报告"><a>更多>></a></div>`, round 44c).
 */
function captionText(node: ReturnType<Doc>): string {
  const alts = node
    .find('img[alt]')
    .toArray()
    .map((img) => img.attribs['alt'] ?? '');
  return squash([node.text(), ...alts].join(' '));
}

/** What may hold a box's caption beside its list but never is one: the list's own entries and cells. */
const ENTRY = 'li, tr, td, th, dd, a';

/**
 * The element captioning the box a link sits in: the nearest enclosing heading-like element, the heading-like first
 * child of the nearest enclosing element that has one, or the heading-like element standing right before the list
 * (`<div class="gk-right-tit">最新公开</div><ul>…</ul>` in a column holding other sections first, round 86c), a few
 * levels up at most; null when none.
 */
export function captionElement($: Doc, a: ReturnType<Doc>): ReturnType<Doc> | null {
  let node = a.parent();
  for (let depth = 0; depth < 4 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    if (node.is(CAPTION)) return node;
    const first = node.children().first();
    if (first.length && first.get(0) !== a.get(0) && first.is(CAPTION) && !first.find('ul, ol, table').length) return first;
    const before = node.prev();
    if (!node.is(ENTRY) && before.length && before.is(CAPTION) && !before.is(ENTRY) && !before.find('ul, ol, table').length) return before;
  }
  return null;
}

/** The caption of the box a link sits in: its captionElement's text, less the link's own. */
export function boxCaption($: Doc, a: ReturnType<Doc>): string {
  const caption = captionElement($, a);
  return caption ? captionText(caption).replace(squash(a.text()), '') : '';
}
