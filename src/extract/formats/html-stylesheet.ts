/**
 * The declarations a page's own `<style>` sheets give its elements, for the few properties that decide how a table
 * is laid out (display, grid-template-columns, grid placement). Themes set `display:table` / `table-row` /
 * `table-cell` on classes in a stylesheet rather than inline (blind round 8, b69): read from inline styles only,
 * such divs were paragraphs, and 四's two litigation blocks came out swapped (both add up: silently).
 *
 * Only what the page carries is read: linked sheets (<link rel=stylesheet>) are not fetched, rules inside at-rules
 * (`@media` for small screens, `@supports`) are left out, as are selectors with pseudo-classes or -elements. Where
 * two rules set a property, the more specific wins, then the later (CSS's cascade without !important and
 * inheritance, neither of which these properties use).
 */
import type * as cheerio from 'cheerio';
import type { Element } from 'domhandler';

/**
 * Properties kept: the ones the HTML reader asks about (visibility: text a class hides in a cell, round 9's b73;
 * font-size, color and the background: text set invisible, round 10's b82).
 */
const KEPT = /^(display|visibility|grid-[a-z-]+|order|font-size|color|background(?:-color)?)$/;

type Decls = Map<string, { value: string; spec: number }>;

/** Selector specificity as one number (ids, classes/attributes, types), enough to order rules of a theme. */
function specificity(sel: string): number {
  const ids = (sel.match(/#[\w-]+/g) ?? []).length;
  const classes = (sel.match(/\.[\w-]+|\[[^\]]*\]/g) ?? []).length;
  const types = (sel.replace(/[#.][\w-]+|\[[^\]]*\]/g, ' ').match(/(^|[\s>+~])[a-z][\w-]*/gi) ?? []).length;
  return ids * 10000 + classes * 100 + types;
}

/** Top-level rules of a sheet: `selectors { declarations }`, at-rule blocks skipped whole. */
function rules(css: string): { selectors: string; body: string }[] {
  const out: { selectors: string; body: string }[] = [];
  const s = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i);
    if (open < 0) break;
    const head = s.slice(i, open).trim();
    // The block's end, nested braces counted (an @media block holds rules).
    let depth = 1;
    let j = open + 1;
    while (j < s.length && depth > 0) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
      j++;
    }
    const body = s.slice(open + 1, j - 1);
    const at = head.lastIndexOf(';');
    const selectors = head.slice(at + 1).trim(); // a statement at-rule (@import …;) before the selector
    if (!selectors.startsWith('@') && !body.includes('{')) out.push({ selectors, body });
    i = j;
  }
  return out;
}

/** The sheets' declarations of the kept properties for each element they select. */
export function sheetDeclarations($: cheerio.CheerioAPI): WeakMap<Element, Decls> {
  const map = new WeakMap<Element, Decls>();
  $('style').each((_, st) => {
    for (const r of rules($(st).text())) {
      const decls = r.body.split(';').map((d) => d.split(':')).filter((d) => d.length >= 2)
        .map(([p, ...v]) => [p!.trim().toLowerCase(), v.join(':').replace(/!important/i, '').trim().toLowerCase()] as const)
        .filter(([p]) => KEPT.test(p));
      if (decls.length === 0) continue;
      for (const sel of r.selectors.split(',').map((x) => x.trim())) {
        if (sel === '' || sel.includes(':')) continue;
        let els: Element[];
        try {
          els = $(sel).toArray() as Element[];
        } catch {
          continue; // a selector the selector engine does not know: no element is taken to match it
        }
        const spec = specificity(sel);
        for (const el of els) {
          const m = map.get(el) ?? new Map();
          for (const [p, value] of decls) {
            const old = m.get(p);
            // Rules are met in document order: a later one of equal specificity wins, as in CSS.
            if (!old || spec >= old.spec) m.set(p, { value, spec });
          }
          map.set(el, m);
        }
      }
    }
  });
  return map;
}
