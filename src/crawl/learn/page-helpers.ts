/**
 * Helpers of the scripts nianbao runs in a rendered page as source text (see rendered-html.ts: no function is passed
 * to the page, so what they share is shared as source), written once here and put at the head of each script body:
 * MARK_CHOICES (list-choices.ts), markTreeNodes (tree-nodes.ts), MARK_NUMBERED_NEXT (traffic.ts).
 * - `text(el)`: the element's text, whitespace squashed.
 * - `followable(a)`: a link leading somewhere a reader could follow (an href, not `javascript:` nor `#`).
 * - `setApart(els, look)`: the one element whose look (`look(el)`, a string) differs from the others', all the
 *   others alike; null when there is none, or more than one (two elements apart tell nothing).
 */
export const PAGE_HELPERS = `
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const followable = (a) => { const h = (a.getAttribute('href') || '').trim(); return h !== '' && !/^(javascript:|#)/i.test(h); };
  // Whether an entry holds a control a reader clicks (a link, a button, an onclick), or sits in one.
  const CONTROL = 'a[href], button, [onclick]';
  const holdsControl = (el) => el.matches(CONTROL) || !!el.closest(CONTROL) || !!el.querySelector(CONTROL);
  const setApart = (els, look) => {
    const looks = els.map(look);
    const odd = els.filter((_, i) => looks.filter((l) => l === looks[i]).length === 1);
    return odd.length === 1 && new Set(looks.filter((l) => l !== looks[els.indexOf(odd[0])])).size === 1 ? odd[0] : null;
  };
`;
