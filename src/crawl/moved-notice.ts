/**
 * A page saying its column has moved: an old column's address answering 200 with "该栏目已迁移…原栏目地址不再更新…请及时
 * 更新您的收藏夹" and a link or countdown to the new place (round 68c). Read through, such a seed still finds its
 * reports, but its address is a bookmark the site no longer keeps: the seed is said `moved` so the user points it at
 * the column its reports were listed on. Only the notice's own phrases count: "迁移" alone is in every service menu
 * (户口迁移), "停止更新" on a frozen column that still lists the older years.
 */
import { loadHtml, squash, textOutside } from './html.ts';

const MOVED =
  /(?:栏目|专栏|频道|页面|网站|网页|平台)(?:已|现已)(?:整体)?(?:迁移|迁至|搬迁|转移|整合)|已(?:迁移|迁至|搬迁)(?:至|到)|(?:栏目|页面|网站)?地址已(?:变更|更改|更换|调整)|请(?:您)?(?:及时)?(?:更新|修改)(?:您的)?(?:收藏夹|书签|收藏)|原(?:栏目|网站|页面)(?:地址)?(?:已)?不再(?:更新|使用|维护)/;
/** The cheap test first: one of the notice's characters pairs in the markup at all. */
const HINT = /迁|搬|地址已|收藏夹|书签|不再/;

/** Elements that hold a notice's sentence. */
const TEXT_BOXES = 'h1, h2, h3, h4, h5, h6, p, li, td, span, div, b, strong, font';
/** A notice's sentence is short; a box holding more is a column of other things mentioning such words. */
const MAX_NOTICE = 200;

/** The notice's words (the smallest box saying the column moved) when the page says so, else null. */
export function movedNotice(html: string): string | null {
  if (!HINT.test(html)) return null;
  const $ = loadHtml(html);
  let best: string | null = null;
  for (const el of $(TEXT_BOXES).toArray()) {
    const text = squash(textOutside($(el), ['script', 'style', 'noscript', 'template']));
    if (text.length > MAX_NOTICE || (best !== null && text.length >= best.length) || !MOVED.test(text)) continue;
    best = text;
  }
  return best;
}
