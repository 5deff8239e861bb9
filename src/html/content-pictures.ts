/**
 * The pictures of a report page's article body, in document order: what an agency pastes its 表二–表四 (or the whole
 * signed report) as, one `<img>` per table or per scanned page. The crawl fetches them as the page's files and the
 * extraction reads them where they stand; both take them from here, so the same page bytes give the same list and a
 * picture's position in it (its order) names it in both stages.
 *
 * Never the page's chrome: pictures outside the article body, in its header/footer/share/print bars, named as
 * furniture (logo, QR code, share, print, close, icons), GIFs (spacers, animated badges), inline `data:` images, and
 * pictures declared too small to hold a table (width or height under MIN_SIDE pixels).
 */
import type { CheerioAPI, Cheerio } from 'cheerio';
import { compile, selectOne } from 'css-select';
import { hasChildren, isTag, type AnyNode, type Element } from 'domhandler';

export interface ContentPicture {
  element: Element;
  /** The picture's address as the page writes it (a lazy-load attribute's, srcset's largest, else src), unresolved. */
  src: string;
  /** Its alt or title text, if any. */
  alt: string | null;
}

/** The article containers of the common CMSs (the crawl's and the extraction's lists), most specific first. */
const ROOTS = ['.TRS_Editor', '.trs_editor_view', '#zoom', '.zoom', '#UCAP-CONTENT', '.article-content', '.article_con', '.bt-content', '.post-body', '.entry-content', '#fontzoom', '#content', '.content', 'article', '.main']
  // Compiled once: cheerio compiles a selector string at every call, and every report page asks them all.
  .map((s) => compile<AnyNode, Element>(s));

/** Bars and boxes inside or around an article that hold buttons and badges, not content. */
const CHROME_TAGS = new Set(['header', 'footer', 'nav', 'aside', 'button', 'noscript', 'script', 'template']);
const CHROME_CLASS = /(^|[\s_-])(header|footer|nav|share|bdshare|print|logo|qrcode|ewm|erweima|toolbar|tools|fxbox|bshare|jiathis|crumb|breadcrumb|position|sidebar)([\s_-]|$)/i;
/** Latin words at a word edge (…/technology.png is no logo), Chinese anywhere; a footer's hit counter too (round 65d). */
// A template's own folders and banners too (/Skin/blue/top.jpg, /images/top.jpg, head_bg.png): the table-layout sites
// put the site's banner in a table above the article, inside the page's body and no header element.
const CHROME_WORDS = /((^|[^a-z])(logo|badge|icons?|ico|qrcode|qr|ewm|erweima|share|weixin|wechat|weibo|print|close|banner|btn|button|jiucuo|conac|wza|gongan|blank|spacer|loading|arrow|bullet|dot|top|head|skin|skins|bg|nav|menu|counter|hits)([^a-z]|$)|二维码|分享|打印|关闭|党政机关|纠错|无障碍|备案|微信|微博|计数|访问量|访问者)/i;
/** Lazy-loading scripts keep the real address in one of these; `src` then holds a placeholder. */
const LAZY_ATTRS = ['data-original', 'data-src', 'data-lazy-src', 'data-url', 'data-echo', 'original', 'file'];
/** A table is at least this many pixels wide and high; a declared size below it is an icon or a button. */
const MIN_SIDE = 100;

/** The element holding the article: the first container with text or a picture in it, else the body. */
export function pictureRoot($: CheerioAPI): Cheerio<AnyNode> {
  const top = $.root()[0]!;
  for (const query of ROOTS) {
    const found = selectOne<AnyNode, Element>(query, top);
    if (!found) continue;
    const el = $(found);
    if (el.text().replace(/\s/g, '').length > 20 || el.find('img').length > 0) return el;
  }
  const body = $('body');
  return body.length ? body : $.root();
}

/** The content pictures of a page, in document order, each address once. */
export function contentPictures($: CheerioAPI): ContentPicture[] {
  const out: ContentPicture[] = [];
  const seen = new Set<string>();
  const walk = (nodes: AnyNode[], chrome: boolean) => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      const inChrome = chrome || CHROME_TAGS.has(n.name) || CHROME_CLASS.test(`${n.attribs.class ?? ''} ${n.attribs.id ?? ''}`);
      if (n.name === 'img' && !inChrome) {
        const pic = picture(n);
        if (pic && !seen.has(pic.src)) {
          seen.add(pic.src);
          out.push(pic);
        }
      }
      if (hasChildren(n)) walk(n.children, inChrome);
    }
  };
  walk(pictureRoot($).toArray(), false);
  return out;
}

function picture(img: Element): ContentPicture | null {
  const a = img.attribs;
  const src = LAZY_ATTRS.map((k) => a[k]?.trim()).find((v) => v && !/^data:/i.test(v)) ?? largestOfSrcset(a.srcset ?? a['data-srcset']) ?? a.src?.trim();
  if (!src || /^(data|javascript|about):/i.test(src)) return null;
  const path = src.split(/[?#]/)[0]!;
  if (/\.(gif|svg|ico)$/i.test(path)) return null;
  const alt = (a.alt ?? a.title ?? '').trim() || null;
  const parent = img.parent && isTag(img.parent) && img.parent.name === 'a' ? img.parent : null;
  const words = [path, alt ?? '', a.class ?? '', a.id ?? '', parent?.attribs.class ?? '', parent?.attribs.title ?? ''].join(' ');
  if (CHROME_WORDS.test(words)) return null;
  if (tooSmall(declaredSize(a.width, a.style, 'width')) || tooSmall(declaredSize(a.height, a.style, 'height'))) return null;
  return { element: img, src, alt };
}

/** The address of srcset's largest candidate (by its `w` or `x` descriptor). */
function largestOfSrcset(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined;
  let best: { url: string; size: number } | undefined;
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    const size = Number.parseFloat(descriptor ?? '1') || 1;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url;
}

/** A pixel size declared by an attribute or the inline style; percentages and other units say nothing. */
function declaredSize(attr: string | undefined, style: string | undefined, prop: 'width' | 'height'): number | undefined {
  const fromStyle = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*(\\d+(?:\\.\\d+)?)\\s*px`, 'i').exec(style ?? '')?.[1];
  const raw = fromStyle ?? (/^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(attr ?? '') ? attr : undefined);
  return raw === undefined ? undefined : Number.parseFloat(raw);
}

function tooSmall(size: number | undefined): boolean {
  return size !== undefined && size < MIN_SIDE;
}
