/**
 * The label of the tab that shows a pane: a tab bar (`<ul class="nb-tabs"><li>县政府年报</li><li>部门年报</li>…`)
 * followed by as many panes of one shape (`<div class="nb-pane">`, the later ones `display:none` until their tab is
 * clicked), the i-th pane shown by the i-th tab (round 93c). A link inside a pane is captioned by its tab, which no
 * heading of the pane's own says.
 */
import type { Element } from 'domhandler';
import { sameShape, squash, type Doc } from './html.ts';

/** How far up from a link its pane is looked for. */
const PANE_DEPTH = 5;
/** A tab's label at most this long. */
const MAX_LABEL = 16;

export function paneTabLabel($: Doc, link: ReturnType<Doc>): string {
  let pane = link.parent();
  for (let depth = 0; depth < PANE_DEPTH && pane.length && !pane.is('body'); depth++, pane = pane.parent()) {
    const el = pane.get(0) as Element;
    const parent = pane.parent();
    const siblings = parent.children().toArray() as Element[];
    const panes = siblings.filter((c) => sameShape(c, el));
    if (panes.length < 2) continue;
    // The bar: the element right before the first pane, with one child per pane, each a short label.
    const bar = siblings[siblings.indexOf(panes[0]!) - 1];
    if (!bar) continue;
    const tabs = $(bar).children().toArray();
    const labels = tabs.map((t) => squash($(t).text()));
    if (tabs.length !== panes.length || labels.some((l) => !l || l.length > MAX_LABEL)) continue;
    return labels[panes.indexOf(el)]!;
  }
  return '';
}
