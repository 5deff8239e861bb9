/**
 * A report (detail) page: title, publisher (发布机构), publication date, index number (索引号), the article body
 * and the attachment links. Reads the government-site metadata convention (ArticleTitle, PubDate, ContentSource
 * meta tags) first, then the metadata table most 信息公开 pages open with.
 */
import type { AnyNode, Element } from 'domhandler';
import type { Cheerio } from 'cheerio';
import { articlePages } from './article-pages.ts';
import { findAttachments, type Attachment } from './attachments.ts';
import { crumbAgency, crumbBox } from './crumb-agency.ts';
import { crumbLinks, type CrumbLink } from './crumb-column.ts';
import { isShellDocument } from './families/detect.ts';
import { headingTitle } from './heading-title.ts';
import { withWrittenLinks } from './script-writes.ts';
import { resolveLink } from '../download/scope.ts';
import { contentPictures } from '../html/content-pictures.ts';
import { compact, documentBase, findDate, loadHtmlToEdit, selectFirst, selectIn, squash, type Doc } from './html.ts';

export type { Attachment };

export interface DetailPage {
  title: string | null;
  publisher: string | null;
  /** The agency the page's breadcrumb names (当前位置：… > 柯城区教育局 > 正文), if any. */
  crumbAgency: string | null;
  /** The links of the page's breadcrumb on its host, last first (crumb-column.ts: which names a 年报 column). */
  crumbLinks: CrumbLink[];
  publishedAt: string | null;
  indexNo: string | null;
  bodyText: string;
  attachments: Attachment[];
  /**
   * The article body's pictures (html/content-pictures.ts), in document order: the tables an agency pastes as images
   * are in them. A picture's index here is its order, by which the extraction finds where it stands on the page.
   */
  pictures: Attachment[];
  /** The later pages of an article cut over several (`…_123_1.html`), stored with the report as its parts. */
  parts: Attachment[];
  /** A 200 page that says the item does not exist. */
  softNotFound: boolean;
  /**
   * The page is an empty shell (families/detect.ts isShell: hardly any text or links in its body), read from this
   * page's own parse; asked only of a page that links no attachment (false when it links one).
   */
  shell: boolean;
}

const BODY_SELECTORS = [
  '.TRS_Editor',
  '.trs_editor_view',
  '#zoom',
  '#UCAP-CONTENT',
  '.article-content',
  '.article_con',
  '.bt-content',
  // Blog builders' post bodies (Z-Blog `div.post-body`, WordPress `div.entry-content`): their pages' `.content`,
  // when there is one, wraps the sidebar's 最近发表 and archives too.
  '.post-body',
  '.entry-content',
  '.content',
  '#content',
  'article',
  '.main',
];

/** Metadata labels (whitespace removed) → field. */
type Field = 'publisher' | 'publishedAt' | 'writtenAt' | 'updatedAt' | 'indexNo' | 'title';
const LABELS: [RegExp, Field][] = [
  // 来源 / 信息来源 / 文章来源 (source) also name the publishing agency on many CMSs; attribution rejects 本网-like values.
  [/^(发布机构|发文机关|公开主体|信息来源单位|发布单位|发布部门|信息来源|文章来源|来源)/, 'publisher'],
  [/^(发布日期|发文日期|公开日期|生成日期|发布时间)/, 'publishedAt'],
  // 成文日期, the day the document was written, comes before 发布日期 in the 公开 metadata blocks (gov.cn's, the
  // provinces' platforms): a page's date only when it gives no other.
  [/^(成文日期)/, 'writtenAt'],
  // 更新时间 / 更新日期: older CMSs (PowerEasy's ASP article pages) date an article by nothing else; a last resort, as
  // an edit may postdate the publication.
  [/^(更新时间|更新日期)/, 'updatedAt'],
  [/^(索引号)/, 'indexNo'],
  [/^(名称|标题|信息名称|文件名称)/, 'title'],
];

/** A page that says it holds nothing: a soft 404, or an item taken offline at its address (已归档下线, 不再提供网上查阅,
 * 已超过公开期限: round 42a's 2019 report, titled as the report), or a dynamic page asked with parameters it knows no
 * record for (参数错误，未找到相关年报信息: round 93b's detail page asked for the wrong year). */
const SOFT_404 =
  /(参数(?:错误|有误|不正确)[，,。]?\s*(?:未找到|找不到|查无)|未找到(?:相关|该|此|对应)?\S{0,6}?(?:信息|记录|数据)[。！!]|该信息不存在|信息不存在或已(?:被)?(?:删除|撤销|撤回)|信息已(?:被)?撤销|页面不存在|您访问的页面不存在|文章不存在|信息已删除|找不到该页面|404\s*Not\s*Found|已归档下线|已(?:作)?下线处理|不再提供(?:网上|在线)?(?:查阅|浏览|访问)|已超过公开期限|信息已过期|已撤稿)/i;

type MetaName = 'ArticleTitle' | 'PubDate' | 'ContentSource';
const META_NAMES: readonly MetaName[] = ['ArticleTitle', 'PubDate', 'ContentSource'];

/**
 * The government-site meta tags, each the content of the first `meta[name="X"], meta[name="x"], meta[property="X"]`
 * in document order: one pass over the <meta> tags rather than a selector per name (compiled again on every call).
 */
function metas($: Doc): Record<MetaName, string | null> {
  const found: Partial<Record<MetaName, string | null>> = {};
  selectIn($, 'meta').each((_, el) => {
    const { name, property, content } = (el as Element).attribs;
    for (const key of META_NAMES) {
      if (key in found || (name !== key && name !== key.toLowerCase() && property !== key)) continue;
      found[key] = content ? squash(content) || null : null;
    }
  });
  return { ArticleTitle: found.ArticleTitle ?? null, PubDate: found.PubDate ?? null, ContentSource: found.ContentSource ?? null };
}

/**
 * Any "label：" that can follow a value on the same line (发布机构：X 发布日期：Y 浏览次数：Z): a value ends where
 * the next label starts, so one line of metadata gives each field its own value.
 */
const NEXT_LABEL = /\s*(?:发布机构|发文机关|公开主体|信息来源|文章来源|来源|发布单位|发布部门|发布日期|发布时间|发文日期|公开日期|生成日期|成文日期|更新时间|索引号|报告年度|主题分类|分类|文号|发文字号|浏览次数|点击数|点击率|访问量|阅读次数|作者|编辑|责任编辑|字号|时效|有效性|关键词)\s*[:：]/;

function untilNextLabel(value: string): string {
  const m = NEXT_LABEL.exec(value);
  return m ? squash(value.slice(0, m.index)) : value;
}

/** Each label of LABELS anywhere on a line (after a space), followed by its colon; compiled once, not per cell. */
const INLINE_LABELS: [RegExp, Field][] = LABELS.map(([re, field]) => [new RegExp(`(?:^|\\s)${re.source.slice(1)}\\s*[:：]`), field]);

/** Every "label：value" on one line of metadata, the labels this page knows only. */
function inlineFields(text: string): [Field, string][] {
  const out: [Field, string][] = [];
  for (const [inner, field] of INLINE_LABELS) {
    const m = inner.exec(text);
    if (m) out.push([field, untilNextLabel(squash(text.slice(m.index + m[0].length)))]);
  }
  return out;
}

/** Tags whose presence among an element's children makes it a container, not a metadata cell. */
const BLOCK_CHILDREN = new Set(['td', 'th', 'li', 'div', 'p', 'table']);

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && BLOCK_CHILDREN.has((c as Element).name));
}

/**
 * Whether the text of nodes holds more than `limit` characters other than whitespace, reading no more of it than
 * needed: the squashed text is then longer than `limit` too. Cells are checked for length before their text is
 * built, so a page-wide <div> or <span> costs a few nodes, not a copy of the whole page per ancestor.
 */
function textBeyond(nodes: AnyNode[], limit: number): boolean {
  let n = 0;
  const walk = (list: AnyNode[]): boolean => {
    for (const c of list) {
      if (c.type === 'text') {
        n += compact((c as { data: string }).data).length;
        if (n > limit) return true;
      } else if (c.type !== 'comment' && 'children' in c && walk(c.children)) return true;
    }
    return false;
  };
  return walk(nodes);
}

function labelled($: Doc): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  // <small>/<em>/<font> too: DedeCMS's article template labels its line "<small>来源:</small>某局 <small>作者:</small>…".
  selectIn($, 'td, th, li, span, p, dt, dd, div, label, b, strong, small, em, font').each((_, el) => {
    if (hasBlockChild(el as Element)) return; // leaf-ish cells only
    if (textBeyond((el as Element).children, 120)) return;
    const node = $(el as Element);
    const text = squash(node.text());
    if (!text || text.length > 120) return;
    const key = compact(text);
    for (const [re, field] of LABELS) {
      const m = re.exec(key);
      if (!m || out[field]) continue;
      const hasColon = /[:：]/.test(text);
      let value = hasColon ? untilNextLabel(squash(text.replace(/^[^:：]*[:：]/, ''))) : '';
      // "<small>来源:</small>某局 <small>作者:</small>…": a label element whose value is the text right after it, up to the
      // next label; else "发布机构：" (or a bare label) in one cell, the value in the next.
      const after = (el as Element).next;
      const trailing = hasColon && after?.type === 'text' ? squash((after as { data: string }).data) : '';
      if (!value && trailing) value = untilNextLabel(trailing);
      if (!value && (hasColon || key.length <= 6)) value = squash(node.next().text());
      if (value && value.length <= 100) out[field] = value;
    }
    // Labels later on the same line ("… 发布日期：2024-01-30" after the publisher).
    for (const [field, value] of inlineFields(text)) {
      if (!out[field] && value && value.length <= 100) out[field] = value;
    }
  });
  return out;
}

/**
 * A heading naming the site, not the page: the blog title a theme prints in every page's `<h1>` (Z-Blog's
 * `h1#BlogTitle`, a WordPress theme's `h1.site-title`), all its text one link to the site's home page.
 */
function isSiteHeading($: Doc, el: Element, pageUrl: string): boolean {
  const h = $(el);
  const links = h.find('a[href]');
  if (links.length !== 1 || squash(links.text()) !== squash(h.text())) return false;
  const url = resolveLink(links.attr('href'), pageUrl);
  if (!url) return false;
  const home = new URL(url);
  return /^\/(?:index\.\w+)?$/.test(home.pathname) && !home.search;
}

export function parseDetailPage(html: string, pageUrl: string): DetailPage {
  // The links its inline scripts write are the page's as a reader sees it (a TRS template's 附件 list written from a
  // string, round 109a); the scripts themselves are dropped below.
  const $ = loadHtmlToEdit(withWrittenLinks(html, pageUrl));
  selectIn($, 'script, style, noscript').remove();
  const fields = labelled($);
  const meta = metas($);
  const title =
    meta.ArticleTitle ??
    fields.title ??
    (headingTitle(selectIn($, 'h1').filter((_, el) => !isSiteHeading($, el, pageUrl)).first()) ||
      headingTitle(selectFirst($, '.title, .article-title, .tit, .post-title, .entry-title')) ||
      null) ??
    (squash(selectIn($, 'title').text()).split(/[_|-]/)[0]?.trim() || null);
  const publishedRaw = meta.PubDate ?? fields.publishedAt ?? fields.writtenAt ?? fields.updatedAt ?? null;
  // The first selector whose element holds enough text; the later ones are not looked for. An article written as
  // several blocks of that selector side by side (each unit's report in its own `.article-content`, their headings
  // between them: round 43a's shape) is their container, not its first block.
  let body: Cheerio<AnyNode> = selectIn($, 'body');
  for (const s of BODY_SELECTORS) {
    const n = selectFirst($, s);
    if (n.length && squash(n.text()).length > 20) {
      const parent = n[0]!.parent;
      const twins = parent ? selectIn($, s).filter((_, el) => el !== n[0] && el.parent === parent) : null;
      body = parent && twins?.length && squash(twins.text()).length > 20 ? n.parent() : n;
      break;
    }
  }
  const bodyText = squash(body.text());
  const attachments = findAttachments($, pageUrl);
  const crumb = crumbBox($);
  return {
    pictures: pagePictures($, pageUrl, attachments),
    title: title ? squash(title) : null,
    publisher: meta.ContentSource && !fields.publisher ? meta.ContentSource : (fields.publisher ?? null),
    crumbAgency: crumbAgency(crumb),
    crumbLinks: crumbLinks($, crumb, documentBase($, pageUrl)),
    publishedAt: publishedRaw ? findDate(publishedRaw) : null,
    indexNo: fields.indexNo ?? null,
    bodyText,
    attachments,
    parts: articlePages($, pageUrl),
    softNotFound: SOFT_404.test(bodyText.slice(0, 2000)) && bodyText.length < 2000,
    shell: !attachments.length && isShellDocument($),
  };
}

/**
 * The content pictures' addresses, resolved; a picture the page also links as an attachment is that attachment. A
 * picture whose address does not resolve keeps its place (an empty address), so the order still names the rest.
 */
function pagePictures($: Doc, pageUrl: string, attachments: Attachment[]): Attachment[] {
  const base = documentBase($, pageUrl);
  const linked = new Set(attachments.map((a) => a.url));
  return contentPictures($).map((p) => {
    const url = resolveLink(p.src, base);
    return { url: url && !linked.has(url) ? url : '', name: p.alt };
  });
}

/**
 * A list page that says it does not exist (a soft 404: HTTP 200, "页面不存在"): by its `<title>`, or by a short body
 * that says so. Asked only of list pages without any report item, so a list naming such a notice is not one.
 */
export function listPageSaysNotFound($: Doc): boolean {
  if (SOFT_404.test(squash($('title').text()))) return true;
  const body = $('body').clone();
  body.find('script, style, noscript').remove();
  const text = squash(body.text());
  return text.length < 2000 && SOFT_404.test(text);
}
