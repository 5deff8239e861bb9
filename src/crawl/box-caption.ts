/**
 * The caption of the box (a page section, a card group, a tab pane) a link sits in: what a reader sees above the box's
 * links. Read by the report-column finder (a 更多 link of the 年报 box) and by the list reader (an image card's box).
 */
import { squash, type Doc } from './html.ts';

/** Where a box keeps its caption: a heading, or an element classed as one (box-tit, hd, title…). */
const CAPTION = 'h1, h2, h3, h4, h5, h6, dt, caption, legend, [class*=tit], [class*=hd], [class*=head]';

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

/**
 * The caption of the box a link sits in: the nearest enclosing heading-like element (less the link's own text), or
 * the heading-like first child of the nearest enclosing element that has one (a few levels up at most).
 */
export function boxCaption($: Doc, a: ReturnType<Doc>): string {
  const own = squash(a.text());
  let node = a.parent();
  for (let depth = 0; depth < 4 && node.length && !node.is('body, html'); depth++, node = node.parent()) {
    if (node.is(CAPTION)) return captionText(node).replace(own, '');
    const first = node.children().first();
    if (first.length && first.get(0) !== a.get(0) && first.is(CAPTION) && !first.find('ul, ol, table').length) return captionText(first).replace(own, '');
  }
  return '';
}
