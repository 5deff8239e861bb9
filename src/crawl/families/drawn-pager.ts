/**
 * A pager its page's script draws into an empty box: the first page's rows are in the HTML, and below them an empty
 * `<div id="page">` that layui's laypage, a jQuery pagination plugin or a JSF paginator fills from numbers held in
 * the script (`laypage.render({elem: 'page', count: 23})`). Read over HTTP, such a page lists reports and shows no
 * pager at all: nothing says more pages exist, and a seed read so ended `ok` with its first page only (blind round
 * 32b's first JSF table: 1 of 5, silently). The box is the sign: the seed is read in the browser, where the drawn
 * pager is turned (seed-review.ts).
 */
import { squash, type Doc } from '../html.ts';

/** Names pager boxes go by, as id or class tokens: page, pager, pagination, paginator, laypage, fenye (分页), pagebar (zcPageBar, zc-pagebar)… */
const PAGER_NAME = /^(?:page|pages|pager|paging|pagebar|pagebox|pagenav|pagelist|pagediv|pagination|paginator|fenye|fy|kkpager|laypage)$|paginat|pager|laypage|fenye|page-?bar|^page[-_]|[-_]page$/i;

/**
 * The empty pager box of a page whose scripts may draw it, described (`#page`), or null. Empty: no text and no link
 * (whitespace or empty wrappers only), or only a script calling a function with numbers (the counts it draws from).
 * One that says nothing on a page with no script stays empty in any browser.
 */
export function drawnPagerBox($: Doc, html: string): string | null {
  if (!/<script\b/i.test(html)) return null;
  let found: string | null = null;
  $('div, span, ul, nav, p, td, section').each((_, el) => {
    const box = $(el);
    const id = box.attr('id') ?? '';
    const classes = (box.attr('class') ?? '').split(/\s+/).filter(Boolean);
    const named = [id, ...classes].find((n) => n && PAGER_NAME.test(n));
    if (!named) return;
    if (box.find('a, input, select, button').length) return;
    // Its own script may stand in it (`<div class="fy"><script>fenye(12, 2, 1, "list", "shtml")</script></div>`, a
    // site function no pager reader knows, round 86c): asked only when no pager was read, so none of them read it.
    const scripts = box.find('script');
    if (squash(box.text()) !== squash(scripts.text()) || (scripts.length && !/\w+\s*\(\s*\d/.test(scripts.text()))) return;
    found = named === id ? `#${id}` : `.${named}`;
    return false;
  });
  return found;
}
