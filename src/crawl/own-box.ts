/**
 * A link's own box: the ancestors of a list item's link that hold no link elsewhere (a script control or the same
 * address again aside), so what they say is this item's and not the list's. The card whose footer names the
 * publisher of the file its title links (row-publisher.ts), the block whose heading titles its 阅读全文>> link
 * (list-page.ts).
 */
import type { Element } from 'domhandler';
import { isScriptHref, type Doc } from './html.ts';

type Node = ReturnType<Doc>;

/**
 * The link's ancestors, nearest first, `maxDepth` at most and none matching `stop`, up to the first linking elsewhere;
 * yielded one at a time, so a reader stopping at the first that answers looks no higher.
 */
export function* ownBoxes(link: Node, maxDepth: number, stop: string): Generator<Node> {
  const own = link.attr('href');
  let box = link.parent();
  for (let depth = 0; depth < maxDepth && box.length && !box.is(stop); depth += 1, box = box.parent()) {
    const elsewhere = box.find('a[href]').filter((_, a) => {
      const href = (a as Element).attribs.href;
      return href !== own && !isScriptHref(href);
    });
    if (elsewhere.length) return;
    yield box;
  }
}
