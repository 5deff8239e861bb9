/**
 * A report (detail) page: title, publisher (发布机构), publication date, index number (索引号), the article body
 * and the attachment links. Reads the government-site metadata convention (ArticleTitle, PubDate, ContentSource
 * meta tags) first, then the metadata table most 信息公开 pages open with.
 */
import type { Element } from 'domhandler';
import { findAttachments, type Attachment } from './attachments.ts';
import { compact, findDate, loadHtml, squash, type Doc } from './html.ts';

export type { Attachment };

export interface DetailPage {
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  indexNo: string | null;
  bodyText: string;
  attachments: Attachment[];
  /** A 200 page that says the item does not exist. */
  softNotFound: boolean;
}

const BODY_SELECTORS = [
  '.TRS_Editor',
  '.trs_editor_view',
  '#zoom',
  '#UCAP-CONTENT',
  '.article-content',
  '.article_con',
  '.bt-content',
  '.content',
  '#content',
  'article',
  '.main',
];

/** Metadata labels (whitespace removed) → field. */
const LABELS: [RegExp, 'publisher' | 'publishedAt' | 'indexNo' | 'title'][] = [
  // 来源 / 信息来源 / 文章来源 (source) also name the publishing agency on many CMSs; attribution rejects 本网-like values.
  [/^(发布机构|发文机关|公开主体|信息来源单位|发布单位|发布部门|信息来源|文章来源|来源)/, 'publisher'],
  [/^(发布日期|发文日期|公开日期|生成日期|成文日期|发布时间)/, 'publishedAt'],
  [/^(索引号)/, 'indexNo'],
  [/^(名称|标题|信息名称|文件名称)/, 'title'],
];

const SOFT_404 = /(该信息不存在|信息不存在或已删除|页面不存在|您访问的页面不存在|文章不存在|信息已删除|找不到该页面|404\s*Not\s*Found)/i;

function meta($: Doc, name: string): string | null {
  const v = $(`meta[name="${name}"], meta[name="${name.toLowerCase()}"], meta[property="${name}"]`).attr('content');
  return v ? squash(v) || null : null;
}

/**
 * Any "label：" that can follow a value on the same line (发布机构：X 发布日期：Y 浏览次数：Z): a value ends where
 * the next label starts, so one line of metadata gives each field its own value.
 */
const NEXT_LABEL = /\s*(?:发布机构|发文机关|公开主体|信息来源|文章来源|来源|发布单位|发布部门|发布日期|发布时间|发文日期|公开日期|生成日期|成文日期|更新时间|索引号|主题分类|分类|文号|发文字号|浏览次数|点击数|点击率|访问量|阅读次数|作者|编辑|责任编辑|字号|时效|有效性|关键词)\s*[:：]/;

function untilNextLabel(value: string): string {
  const m = NEXT_LABEL.exec(value);
  return m ? squash(value.slice(0, m.index)) : value;
}

/** Every "label：value" on one line of metadata, the labels this page knows only. */
function inlineFields(text: string): [RegExp, string][] {
  const out: [RegExp, string][] = [];
  for (const [re] of LABELS) {
    const inner = new RegExp(`(?:^|\\s)${re.source.slice(1)}\\s*[:：]`);
    const m = inner.exec(text);
    if (m) out.push([re, untilNextLabel(squash(text.slice(m.index + m[0].length)))]);
  }
  return out;
}

function labelled($: Doc): Partial<Record<'publisher' | 'publishedAt' | 'indexNo' | 'title', string>> {
  const out: Partial<Record<'publisher' | 'publishedAt' | 'indexNo' | 'title', string>> = {};
  $('td, th, li, span, p, dt, dd, div, label, b, strong').each((_, el) => {
    const node = $(el as Element);
    if (node.children('td, th, li, div, p, table').length) return; // leaf-ish cells only
    const text = squash(node.text());
    if (!text || text.length > 120) return;
    const key = compact(text);
    for (const [re, field] of LABELS) {
      const m = re.exec(key);
      if (!m || out[field]) continue;
      const hasColon = /[:：]/.test(text);
      let value = hasColon ? untilNextLabel(squash(text.replace(/^[^:：]*[:：]/, ''))) : '';
      // "发布机构：" (or a bare label) in one cell, the value in the next.
      if (!value && (hasColon || key.length <= 6)) value = squash(node.next().text());
      if (value && value.length <= 100) out[field] = value;
    }
    // Labels later on the same line ("… 发布日期：2024-01-30" after the publisher).
    for (const [re, value] of inlineFields(text)) {
      const field = LABELS.find(([r]) => r === re)![1];
      if (!out[field] && value && value.length <= 100) out[field] = value;
    }
  });
  return out;
}

export function parseDetailPage(html: string, pageUrl: string): DetailPage {
  const $ = loadHtml(html);
  $('script, style, noscript').remove();
  const fields = labelled($);
  const title =
    meta($, 'ArticleTitle') ??
    fields.title ??
    (squash($('h1').first().text()) || squash($('.title, .article-title, .tit').first().text()) || null) ??
    (squash($('title').text()).split(/[_|-]/)[0]?.trim() || null);
  const publishedRaw = meta($, 'PubDate') ?? fields.publishedAt ?? null;
  const body = BODY_SELECTORS.map((s) => $(s).first()).find((n) => n.length && squash(n.text()).length > 20) ?? $('body');
  const bodyText = squash(body.text());
  const attachments = findAttachments($, pageUrl);
  return {
    title: title ? squash(title) : null,
    publisher: meta($, 'ContentSource') && !fields.publisher ? meta($, 'ContentSource') : (fields.publisher ?? null),
    publishedAt: publishedRaw ? findDate(publishedRaw) : null,
    indexNo: fields.indexNo ?? null,
    bodyText,
    attachments,
    softNotFound: SOFT_404.test(bodyText.slice(0, 2000)) && bodyText.length < 2000,
  };
}
