/**
 * The words of a link that shows none: a card or tile whose link is stretched over it by CSS (`<li><a class="card-link"
 * href="…"></a><div class="date">…</div><h4>title</h4><p>summary</p></li>`, a menu tile `<li><a href="…"></a><img
 * alt=""><span>政府信息公开年报</span></li>`: round 53a, a redesigned county site drawing every list and menu so). A
 * reader clicks the card and reads its words; the link itself says nothing, nor does its picture's empty alt.
 *
 * The card is the link's parent, or the one above (two levels at most), holding this link alone: its heading
 * (h1–h6, a `…title…` class) when it has one, as a summary beside it is no title; else its text less dates and
 * numbers, when short enough to be a caption. Null when the link shows words of its own or stands among others.
 */
import type { Element } from 'domhandler';
import { squash, type Doc } from './html.ts';

/** A caption's length at most (a tile's name, a card's title); a longer text is a box of things. */
const MAX_CAPTION = 80;

export function cardCaption($: Doc, a: ReturnType<Doc>): string | null {
  if (squash(a.text()) || a.find('img[alt]').toArray().some((img) => squash(img.attribs['alt'] ?? ''))) return null;
  let node = a.parent();
  for (let depth = 0; depth < 2 && node.length && !node.is('body, html, ul, ol, table, tbody'); depth++, node = node.parent()) {
    if (node.find('a[href]').length !== 1) return null;
    const heading = node.find('h1, h2, h3, h4, h5, h6, [class*="title"], [class*="tit"]').filter((_, el) => !!squash($(el as Element).text())).first();
    const text = heading.length ? squash(heading.text()) : words(squash(node.text()));
    if (text && text.length <= MAX_CAPTION) return text;
    if (text) return null;
  }
  return null;
}

/** A card's text less the dates and day numbers printed apart (`<strong>20</strong><em>2025.03</em>`). */
function words(text: string): string {
  return squash(text.replace(/(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?/g, ' ').replace(/(?:^|\s)\d{1,2}(?=\s|$)/g, ' '));
}
