/**
 * The attachments of a report page, wherever the page puts them: plain links; PDF viewers in `<iframe>` /
 * `<embed>` / `<object>` (the file itself, or `viewer.html?file=…` / `pdfjs/web/viewer.html?file=…`); script
 * downloads (`onclick="window.open('/…/x.pdf')"`, `downloadFile('…')`, `href="javascript:down('…')"`);
 * non-link tags (`<file href>` custom tags, `data-href`, `data-url`, `data-file`); and players naming their file in
 * an attribute of their own (WebPlus's `pdfsrc`). Site furniture is never an
 * attachment: anything in the header, footer or navigation, logos and badges (党政机关, 纠错, 无障碍, QR codes, a
 * top bar's 微信 linking its account's picture, a skin's images), and asset bundles (.js, .css, fonts, icons).
 */
import { hasChildren, isTag, type AnyNode, type Element } from 'domhandler';
import { resolveLink } from '../download/scope.ts';
import { addressFileName } from './address-name.ts';
import { formFile } from './download-forms.ts';
import { ATTACHMENT_EXT, documentBase, DOWNLOAD_PATH, findWithin, matching, squash, type Doc } from './html.ts';

export interface Attachment {
  url: string;
  /**
   * The name a person sees: the link text, else the title attribute; a text that names no file ("点击下载", "附件",
   * "[查看原文]") gives way to the title, else to the file's own name in its address.
   */
  name: string | null;
  /** The urlencoded fields a download form POSTs to `url` (download-forms.ts); absent for a plain address. */
  form?: string;
}

/** Link texts that say what to do, not what the file is. */
const ACTION_TEXT = /^[[【(（]?\s*(?:(?:点击|请点击)?(?:此处)?(?:下载|查看|浏览|预览|打开|阅读)(?:附件|文件|原文|全文|文档|PDF)?|附件|原文|全文|附件下载|原文下载|全文下载|文件下载|download|view|pdf|docx?)\s*[:：]?\s*[\]】)）]?$/i;

/** A name worth keeping: not empty, not an action. */
function naming(text: string | null | undefined): string | null {
  const t = squash(text ?? '');
  return t && !ACTION_TEXT.test(t) ? t : null;
}

/**
 * The name a file's row gives a link that says only what to do (a 附件名称 | 格式 | 大小 | 操作 table whose only link
 * reads "下载", round 45a): in a table row, the cell naming a file or, else, the longest cell in words; in a list row,
 * its text less the link's. Null when the row names nothing short enough to be a file's name.
 */
function rowName($: Doc, a: ReturnType<Doc>): string | null {
  const row = a.closest('tr, li');
  if (!row.length || findWithin($, row, 'a[href]').length > 1) return null;
  const own = squash(a.text());
  const texts = row.is('tr')
    ? row
        .children('td, th')
        .toArray()
        .filter((c) => !$(c).find('a[href]').length)
        .map((c) => squash($(c).text()))
    : [squash(row.text()).replace(own, '')];
  const named = texts.find((t) => ATTACHMENT_EXT.test(t)) ?? texts.filter((t) => /[\u4e00-\u9fff]{4}/.test(t)).sort((x, y) => y.length - x.length)[0];
  return named && named.length <= 120 ? naming(named) : null;
}

/**
 * A file about the report, not of it, named so on the report's page beside the report's own (《…年度报告》解读.pdf,
 * 图解：….png, 一图读懂…): not stored as the report's (round 45a). The classifier's interpretation words.
 */
const ABOUT_REPORT_FILE = /解读|图解|一图读懂|一图看懂|图说/;

/** The file name at the end of an address with a document's extension (`…/20250120153012.pdf`), decoded; else null. */
function addressName(url: string): string | null {
  return ATTACHMENT_EXT.test(new URL(url).pathname.split('/').pop() ?? '') ? addressFileName(url) : null;
}

const FURNITURE_PLACES = 'header, footer, nav, .nav, .header, .footer, #header, #footer, .logo, .breadcrumb, .position, .crumb, .share';
/** Latin words only at a word edge (a file named …/technology.pdf is not a logo), Chinese ones anywhere. */
const FURNITURE_WORDS = /((^|[^a-z])(logo|badge|icons?|conac|jiucuo|wza|qrcode|ewm|erweima|gongan|banner|skin|weixin|wechat|weibo)([^a-z]|$)|党政机关|纠错|无障碍|二维码|备案|微信|微博|公众号|客户端)/i;
const ASSET = /\.(js|css|map|woff2?|ttf|eot|svg|ico|gif)(\?|#|$)/i;
const IMAGE = /\.(jpe?g|png|tiff?)$/i;
/** A quoted URL-ish argument of a script call. */
const QUOTED = /["']([^"'\s]+)["']/g;
const VIEWER_FILE_PARAMS = ['file', 'url', 'src', 'path', 'fileUrl', 'filepath'];

function looksLikeFile(url: string): boolean {
  const path = new URL(url).pathname;
  if (ASSET.test(path)) return false;
  return ATTACHMENT_EXT.test(path) || DOWNLOAD_PATH.test(path);
}

/** A parameter's value in Base64, as an online previewer takes the file's address (kkFileView: `onlinePreview?url=`
 * + Base64 of the URL), decoded when it reads as an http(s) address; null otherwise. */
function base64Address(value: string): string | null {
  if (value.length < 16 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('utf8');
  return /^https?:\/\/[^\s]+$/i.test(text) ? text : null;
}

/** The document a viewer URL shows (`…/viewer.html?file=/x.pdf`, `onlinePreview?url=<Base64>`), or the URL itself
 * when it is a file. */
export function viewedFile(url: string): string | null {
  const u = new URL(url);
  for (const key of VIEWER_FILE_PARAMS) {
    const v = u.searchParams.get(key);
    if (v) {
      const inner = resolveLink(base64Address(v) ?? v, url);
      if (inner && looksLikeFile(inner)) return inner;
    }
  }
  return looksLikeFile(url) ? url : null;
}

function isFurniture($: Doc, el: Element, url: string, name: string): boolean {
  const node = $(el);
  // Compiled once: a selector string is compiled again for every ancestor closest() tries.
  if (node.closest(matching(FURNITURE_PLACES)).length) return true;
  const img = el.name === 'img' ? node : findWithin($, node, 'img').first();
  // A link with words of its own is named by them: the file-type icon before them (`<img src="/images/icon_pdf.gif">
  // 鄯善县…年度报告.pdf`, round 61d) is no badge.
  const pictured = el.name === 'img' || !squash(node.text());
  const words = [url, name, node.attr('class') ?? '', node.attr('id') ?? '', ...(pictured ? [img.attr('src') ?? '', img.attr('alt') ?? '', img.attr('class') ?? ''] : [])].join(' ');
  // A linked image is furniture when it names itself so; a scanned report page (…/P020240115.jpg) is not.
  if (FURNITURE_WORDS.test(words)) return true;
  return IMAGE.test(new URL(url).pathname) && !!img.length && !squash(node.text());
}

const DATA_ATTRS = ['data-href', 'data-url', 'data-file', 'data-download', 'data-fileurl', 'data-filepath', 'data-path', 'data-src'];
/**
 * A document player's own attribute for its file: WebPlus's `<div class="wp_pdf_player" pdfsrc="…pdf">` (no link to
 * the file; its script draws the player), and the like (`pdfurl`, `data-pdf`, `fileurl`, `file-src`, `docurl`).
 */
const PLAYER_ATTR = /^(?:data-)?(?:pdf|file|doc|attach(?:ment)?)(?:[-_]?(?:src|url|path|href))?$/i;
/** A file's name kept in a JSON-like attribute beside it (WebPlus: `sudyfile-attr="{'title':'….pdf'}"`). */
const ATTR_TITLE = /["']title["']\s*:\s*["']([^"']+)["']/;
const VIEWER_TAGS: Record<string, string> = { iframe: 'src', embed: 'src', object: 'data', frame: 'src' };
const NOT_HREF_CARRIERS = new Set(['a', 'link', 'base', 'area']);

/**
 * The elements each pass of findAttachments reads, in document order, found in one walk of the document: the
 * selectors they stand for (`a[href]`; `iframe[src], embed[src], object[data], frame[src]`; `[onclick]`; any data
 * attribute of DATA_ATTRS; `*[href]` but a, link, base, area) were each compiled and run over the whole page.
 */
function candidates($: Doc): { links: Element[]; viewers: Element[]; onclick: Element[]; data: Element[]; hrefs: Element[]; players: Element[]; forms: Element[] } {
  const out = { links: [] as Element[], viewers: [] as Element[], onclick: [] as Element[], data: [] as Element[], hrefs: [] as Element[], players: [] as Element[], forms: [] as Element[] };
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) {
      if (isTag(n)) {
        const a = n.attribs;
        if ('href' in a) (n.name === 'a' ? out.links : NOT_HREF_CARRIERS.has(n.name) ? null : out.hrefs)?.push(n);
        const viewerAttr = VIEWER_TAGS[n.name];
        if (viewerAttr && viewerAttr in a) out.viewers.push(n);
        if ('onclick' in a) out.onclick.push(n);
        if (DATA_ATTRS.some((d) => d in a)) out.data.push(n);
        if (Object.keys(a).some((k) => PLAYER_ATTR.test(k))) out.players.push(n);
        if (n.name === 'form') out.forms.push(n);
      }
      // Into every node with children, as the selectors went (a <template>'s content fragment too).
      if (hasChildren(n)) walk(n.children);
    }
  };
  walk($.root().toArray()[0]!.children);
  return out;
}

/** A query written raw (`DownLoad.asp?FileName=…年度报告.doc`) is sent in the page's encoding (scope.ts withPageEncoding). */
export function findAttachments($: Doc, pageUrl: string): Attachment[] {
  const base = documentBase($, pageUrl);
  const out: Attachment[] = [];
  const seen = new Set<string>();
  const add = (el: Element, raw: string | undefined, name: string | null, viaViewer = false) => {
    const url = raw ? resolveLink(raw, base) : null;
    if (!url) return;
    // A bare file name beside the page's link to that file (`<span data-file="2024012916453321.pdf">` under the
    // 附件 list linking `/uploadfiles/…/2024012916453321.pdf`, round 86b): the same file, not one in the page's folder.
    if (!/[/\\]/.test(raw!.trim())) {
      const fileName = `/${new URL(url).pathname.split('/').pop()}`;
      if (out.some((o) => new URL(o.url).pathname.endsWith(fileName))) return;
    }
    const file = viaViewer ? viewedFile(url) : looksLikeFile(url) ? url : null;
    if (!file || seen.has(file) || isFurniture($, el, file, name ?? '')) return;
    seen.add(file);
    out.push({ url: file, name: naming(name) ?? addressName(file) });
  };
  const nameOf = (el: Element) => {
    const n = $(el);
    return naming(n.text()) ?? naming(n.attr('title')) ?? naming(n.attr('alt'));
  };
  const found = candidates($);
  found.links.forEach((el) => {
    const a = $(el as Element);
    const href = a.attr('href') ?? '';
    const text = squash(a.text());
    if (/^\s*javascript:/i.test(href)) return scriptCalls(el as Element, href);
    const url = resolveLink(href, base);
    if (!url) return;
    // A link to a viewer showing a file (附件：xxx.pdf → viewer.html?file=…pdf) is the file it shows, however it is
    // named: its name is the file's, its address a page (round 37b).
    const viewer = url.includes('?') && !looksLikeFile(url) ? viewedFile(url) : null;
    if (viewer) add(el as Element, href, text || null, true);
    // A link named like a file (附件：xxx.pdf) to a download endpoint of any name.
    else if (looksLikeFile(url) || ATTACHMENT_EXT.test(text)) {
      if (seen.has(url) || isFurniture($, el as Element, url, text)) return;
      seen.add(url);
      const name = naming(text) ?? naming(a.attr('title')) ?? rowName($, a);
      if (name && ABOUT_REPORT_FILE.test(name)) return;
      out.push({ url, name: name ?? addressName(url) });
    }
  });
  found.viewers.forEach((el) => {
    const node = $(el as Element);
    add(el as Element, node.attr('src') ?? node.attr('data'), squash(node.attr('title') ?? '') || null, true);
  });
  function scriptCalls(el: Element, script: string) {
    for (const m of script.matchAll(QUOTED)) add(el, m[1], nameOf(el));
  }
  found.onclick.forEach((el) => scriptCalls(el as Element, $(el as Element).attr('onclick') ?? ''));
  // Custom tags and data attributes that carry a file address.
  // data-src / data-path too, on anything but images (where data-src is a lazy-loaded picture); add() keeps only
  // addresses that look like documents.
  found.data.forEach((el) => {
    const n = $(el as Element);
    if (n.is('img')) return;
    for (const a of DATA_ATTRS) if (n.attr(a)) add(el as Element, n.attr(a), nameOf(el as Element));
  });
  found.players.forEach((el) => {
    const n = $(el as Element);
    if (n.is('img')) return;
    const named = Object.values((el as Element).attribs).map((v) => ATTR_TITLE.exec(v)?.[1]).find(Boolean);
    for (const [k, v] of Object.entries((el as Element).attribs)) if (PLAYER_ATTR.test(k)) add(el as Element, v, nameOf(el as Element) ?? (named ? squash(named) : null));
  });
  found.hrefs.forEach((el) => add(el as Element, $(el as Element).attr('href'), nameOf(el as Element)));
  // A 下载 button submitting a form of hidden fields (download-forms.ts): the form is the file's address, named by its
  // row (a 附件下载 table's 文件名称 cell). Its address names no document, so it is taken on the button's word.
  found.forms.forEach((el) => {
    const file = formFile($, el, base);
    const key = file ? `${file.url}\n${file.form ?? ''}` : '';
    if (!file || seen.has(key) || isFurniture($, el, file.url, '')) return;
    seen.add(key);
    out.push({ url: file.url, name: rowName($, $(el)) ?? addressName(file.url), ...(file.form !== undefined ? { form: file.form } : {}) });
  });
  return out;
}
