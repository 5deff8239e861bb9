/**
 * A report reposted on a social platform: a WeChat official account's article (`mp.weixin.qq.com/s?__biz=…`) copies a
 * government's page and links the original only by its 阅读原文 button, whose address the page keeps in a script
 * variable (`var msg_source_url = '…'`, the button itself `href="##"`). A user shares such a post as the seed (round
 * 67c): the original is where the agency's reports are, the post a copy of one.
 */
import { resolveLink } from '../download/scope.ts';
import { documentBase, type Doc } from './html.ts';

/** The markup of a WeChat article page: its content box and its own link variables. */
const WECHAT_ARTICLE = /id=["']js_content["']|class=["'][^"']*rich_media|var\s+msg_link\s*=/;
/** The original's address the 阅读原文 button opens. */
const SOURCE_URL = /var\s+msg_source_url\s*=\s*(['"])(.*?)\1/;

/** The address of the original a reposted article points to (its 阅读原文), or null when the page is no such repost. */
export function repostSource(html: string, pageUrl: string): string | null {
  if (!WECHAT_ARTICLE.test(html)) return null;
  const raw = SOURCE_URL.exec(html)?.[2];
  if (!raw) return null;
  // Written for a script string: `\x26amp;` and `&amp;` for "&", `\/` for "/".
  const url = raw.replace(/\\x26/g, '&').replace(/&amp;/g, '&').replace(/\\\//g, '/').trim();
  if (!/^https?:\/\//i.test(url)) return null;
  return resolveLink(url, pageUrl);
}

/** A link saying it opens the original article: 查看原文, 阅读原文, 原文链接, 原文地址. */
const ORIGINAL_ARTICLE = /^[[【(（]?(?:(?:查看|阅读|访问|打开)原文|原文(?:链接|地址))[\]】)）]?$/;

/**
 * The original a shared copy of a report links by its 查看原文 (an app's share page, `/html/app/article.html?id=…`,
 * drawn from the platform's API with the original's address written into that link, round 113c): the address, when
 * it is a page other than this one; null when the page links none.
 */
export function sharedOriginal($: Doc, pageUrl: string): string | null {
  for (const el of $('a[href]').toArray()) {
    const a = $(el);
    if (!ORIGINAL_ARTICLE.test(a.text().replace(/\s/g, ''))) continue;
    const url = resolveLink(a.attr('href'), documentBase($, pageUrl));
    if (url && url.replace(/#.*$/, '') !== pageUrl.replace(/#.*$/, '')) return url;
  }
  return null;
}
