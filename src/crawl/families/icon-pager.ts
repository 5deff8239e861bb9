/**
 * Pagers drawn as images (older county and district sites: `<a href="…"><img src="/images/page/next.gif"></a>` for
 * 首页 / 上一页 / 下一页 / 尾页, often with no alt): what such a control does, when it says nothing in words, is read
 * from its image's file name (`next.gif`, `btn_next.png`, pinyin initials `xyy.gif` for 下一页); and when the images
 * say nothing either, from the addresses the icons link, numbered by the page count the pager announces.
 */
import type { Element } from 'domhandler';
import { resolveLink } from '../../download/scope.ts';
import { documentBase, isScriptHref, squash, type Doc } from '../html.ts';

/**
 * Image file names of pager buttons, as the word each stands for: English (next, prev, first, last / end) or pinyin
 * and its initials (xyy 下一页, syy 上一页, sy 首页, wy / my 尾页 / 末页). A name is split at `_`, `-`, `.` and digits,
 * so `btn_next.png`, `page-xyy2.gif`, `next.gif` and `nextn.gif` (a state suffix) say 下一页 and `pic03.gif` says
 * nothing.
 */
const IMAGE_WORDS: [RegExp, string][] = [
  [/^(?:next|nextpage|pagenext|xyy|xiayiye|xiaye|xyye)$/, '下一页'],
  [/^(?:prev|previous|pre|prevpage|pageprev|syy|shangyiye|shangye)$/, '上一页'],
  [/^(?:first|firstpage|sy|shouye)$/, '首页'],
  [/^(?:last|lastpage|end|wy|weiye|my|moye)$/, '尾页'],
];
/** A button image's state written onto its English name: `nextn.gif` (normal), `nexton.gif`, `nexthover.gif`. */
const IMAGE_STATE = /^(next|prev|first|last)(?:n|on|over|hover)$/;

/** The pager word an image's file name stands for ("下一页" for `/images/btn_next.gif`), or ''. */
export function imageWord(src: string | undefined): string {
  const file = (src ?? '').split(/[?#]/)[0]!.split('/').pop() ?? '';
  const stem = file.replace(/\.[a-z]{3,4}$/i, '').toLowerCase();
  for (const part of stem.split(/[_\-.\d]+/).filter(Boolean)) {
    const name = part.replace(IMAGE_STATE, '$1');
    for (const [re, word] of IMAGE_WORDS) if (re.test(name)) return word;
  }
  return '';
}

/** A link that says nothing at all: no text, no title, an image without alt, title or telling file name. */
function speechless($: Doc, el: Element): boolean {
  const a = $(el);
  const img = a.find('img');
  if (squash(a.text()) || squash(a.attr('title') ?? '') || img.length !== 1) return false;
  return !squash(img.attr('alt') ?? '') && !squash(img.attr('title') ?? '') && !imageWord(img.attr('src'));
}

/** The folder of a page's address (origin and path up to its last `/`): a list's own pages are files of it. */
function folderOf(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.origin}${u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1)}`;
}

/**
 * What an image control without words does, by its image's file name (imageWord), for a link to this list's own
 * folder only: a file name is weaker than words, and an arrow image into another column is not this list's pager.
 */
export function imageControlWord(src: string | undefined, href: string | null, pageUrl: string): string {
  return href?.startsWith(folderOf(pageUrl)) ? imageWord(src) : '';
}

/**
 * Where a page number can sit in an address's tail below the list's folder, as `shape` (the tail with the number
 * replaced by `#`) and the number: a query parameter's whole value (`?lm=12&Page=2`), a whole path segment (`2.html`,
 * `2/`), a file name's trailing number after `_` or `-` (`index_2.html`, `list-12-2.html`) or after letters alone
 * (`index1.html`). At most four digits: dates, record ids, GUIDs and hex names are no page numbers.
 */
function pageNumberSlots(tail: string): { shape: string; n: number }[] {
  const out: { shape: string; n: number }[] = [];
  const [path = '', query] = tail.split(/\?(.*)/s);
  if (query !== undefined) {
    const params = query.split('&');
    params.forEach((param, i) => {
      const m = /^([^=]+=)(\d{1,4})$/.exec(param);
      if (m) out.push({ shape: `${path}?${params.map((p, j) => (j === i ? `${m[1]}#` : p)).join('&')}`, n: Number(m[2]) });
    });
    return out;
  }
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    const m = /^(|.*[_-]|[A-Za-z]+)(\d{1,4})(\.\w{2,5})?$/.exec(segment);
    if (m) out.push({ shape: segments.map((s, j) => (j === i ? `${m[1]}#${m[3] ?? ''}` : s)).join('/'), n: Number(m[2]) });
  });
  return out;
}

/**
 * The next page of an icon pager whose images say nothing: among the speechless icon links into this page's own
 * folder (and, for a page number in the query, to this page's own file), those whose addresses differ only in one
 * page number (pageNumberSlots) are a pager when the highest of them is the announced page count (pages counted from
 * 1) or one less (counted from 0, the first page being the bare address); the next page is the one numbered after
 * `current`. Nothing is guessed: only an address the page links is returned.
 */
export function iconPagerNextPage($: Doc, pageUrl: string, pages: number | undefined, current: number): string | null {
  if (!pages || pages < 2 || current >= pages) return null;
  const page = new URL(pageUrl);
  const folder = folderOf(pageUrl);
  const base = documentBase($, pageUrl);
  const groups = new Map<string, { n: number; url: string }[]>();
  for (const el of $('a[href]').toArray()) {
    if (isScriptHref($(el).attr('href')) || !speechless($, el as Element)) continue;
    const url = resolveLink($(el).attr('href'), base);
    if (!url || url === pageUrl || !url.startsWith(folder)) continue;
    const u = new URL(url);
    u.hash = '';
    // A number in the query pages this very file; one in the path, a file of this folder.
    if (u.search && u.pathname !== page.pathname) continue;
    for (const { shape, n } of pageNumberSlots(u.href.slice(folder.length))) groups.set(shape, [...(groups.get(shape) ?? []), { n, url }]);
  }
  for (const links of groups.values()) {
    const top = Math.max(...links.map((l) => l.n));
    const offset = top - pages;
    if (offset !== 0 && offset !== -1) continue;
    const next = links.find((l) => l.n === current + 1 + offset);
    if (next) return next.url;
  }
  return null;
}
