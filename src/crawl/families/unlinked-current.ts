/**
 * The current page a pager shows as plain text between its numbered links: "[首页] <a>1</a> [2] <a>3</a>", "1 2 3"
 * whose current number is no link, as older JSP and ASP pagers write it (the jsptags Pager Tag Library's index, many
 * small vendors' own). No class nor bold marks it, and an address counting items (`pager.offset=6`, `start=12`) says
 * nothing of the page number: the number written right beside a numbered link, one more or one less than it, is.
 * Without it such a page is taken for page 1, its next page for page 2 (round 34a: a guessed `pager.offset=11`).
 */
import { isText, type AnyNode, type Element } from 'domhandler';
import { squash, type Doc } from '../html.ts';

/** A page number alone, possibly bracketed: "2", "[2]", "【2】", "(2)". */
const NUMBER = String.raw`[[【(（]?\s*(\d{1,4})\s*[\]】)）]?`;
/** Text ending with such a number (what stands right before a link)... */
const ENDS_WITH = new RegExp(String.raw`(?:^|[\s|])${NUMBER}[\s|]*$`);
/** ...or starting with one (what stands right after it). */
const STARTS_WITH = new RegExp(String.raw`^[\s|]*${NUMBER}(?:[\s|]|$)`);

/** The plain text between this node and the nearest element on one side (nbsp and full-width spaces squashed). */
function textBeside(node: AnyNode, side: 'prev' | 'next'): string {
  let text = '';
  for (let n = node[side]; n && isText(n); n = n[side]) text = side === 'prev' ? n.data + text : text + n.data;
  return text.replace(/[\u00a0\u3000]/g, ' ');
}

/** The page number written unlinked beside the pager's numbered links, or null where none is. */
export function unlinkedCurrentPage($: Doc): number | null {
  const found = new Set<number>();
  for (const el of $('a[href]').toArray() as Element[]) {
    const k = squash($(el).text());
    if (!/^\d{1,4}$/.test(k)) continue;
    const before = ENDS_WITH.exec(textBeside(el, 'prev'));
    if (before && Number(before[1]) === Number(k) - 1) found.add(Number(before[1]));
    const after = STARTS_WITH.exec(textBeside(el, 'next'));
    if (after && Number(after[1]) === Number(k) + 1) found.add(Number(after[1]));
    // Or an element of its own beside the link's box (博达 VSB: `<span class="p_no"><a>1</a></span><span
    // class="p_no_d">2</span>`, round 65a), holding the number and no link.
    const box = boxOf($, el);
    for (const side of ['prev', 'next'] as const) {
      const n = unlinkedNumber(side === 'prev' ? box.prev() : box.next());
      if (n !== null && n === Number(k) + (side === 'prev' ? -1 : 1)) found.add(n);
    }
  }
  // One number only: two would be a row of figures, not a pager's current page.
  return found.size === 1 ? [...found][0]! : null;
}

/** A numbered link's box: the link, or the element wrapping it alone (`<span class="p_no"><a>1</a></span>`, `<li>`). */
function boxOf($: Doc, el: Element): ReturnType<Doc> {
  const a = $(el);
  const parent = a.parent();
  return parent.length && parent.children().length === 1 && squash(parent.text()) === squash(a.text()) && !parent.is('body, p, div, td') ? parent : a;
}

/** The page number an element shows alone, linking nowhere (the current page's `<span>2</span>`), or null. */
function unlinkedNumber(node: ReturnType<Doc>): number | null {
  if (!node.length || node.is('a[href]') || node.find('a[href]').length) return null;
  const t = squash(node.text());
  return /^\d{1,4}$/.test(t) && t !== '0' ? Number(t) : null;
}
