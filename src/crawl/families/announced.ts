/**
 * What a list page announces about its own size: "共 N 页" (pages) and "共N条" / "共有N条记录" (items), as printed
 * or as the page's pager script and data island carry them (TRS createPageHTML / countPage, Hanweb totalRecord /
 * <totalrecord> / <totalpage>). The caller compares them with what was found, so a list that yields less than it
 * announces is noticed instead of ending "ok".
 */
import { loadHtml, matching, squash, textOutside, withoutComments, type Doc } from '../html.ts';
import { parseTrsPager } from './trs.ts';

export interface AnnouncedTotals {
  /** The number of list pages the page says the column has. */
  announcedPages?: number;
  /** The number of items (records) the page says the column has. */
  announcedItems?: number;
}

/** 共7页, 总共有7页, and the page count after the item count ("共9条 2页", round 80c). */
const PAGES_TEXT = /(?:共|总共|总计)\s*(?:计|有)?\s*(\d{1,5})\s*页|(?:共|总共)\s*\d{1,7}\s*(?:条|篇|项)(?:记录)?[\s,，、/]*(\d{1,5})\s*页/;
/**
 * A count of what a navigation page lists instead of documents: "共32个部门" over a 部门信息公开 grid, "共12个乡镇",
 * "共5个栏目". It counts agencies, columns or sites (each holding its own list), never the seed's items: compared
 * with the items read, it flagged a grid read whole `short` (round 33c).
 */
const NOT_ITEMS = '(?!\\s*(?:部门|单位|机构|乡镇|街道|镇街|区县|县区|县（市、区）|县市区|栏目|子栏目|专题|站点|子站|网站|家))';
const ITEMS_TEXT = new RegExp(`(?:共|总共|总计)\\s*(?:计|有)?\\s*(\\d{1,7})\\s*(?:条|篇|项|个)(?:记录|信息|数据)?${NOT_ITEMS}`);
/** 第1/7页, 页次：1/7, 1/7页, 当前页 1/7, 第1页/共7页 (the last is caught by PAGES_TEXT). */
const PAGE_OF = /(?:第\s*\d{1,5}\s*\/\s*(\d{1,5})\s*页|页次\s*[:：]?\s*\d{1,5}\s*\/\s*(\d{1,5})|\b\d{1,5}\s*\/\s*(\d{1,5})\s*页|当前页\s*[:：]?\s*\d{1,5}\s*\/\s*(\d{1,5}))/;

const SCRIPT_PAGES = /\b(?:pageCount|countPage|totalPage|totalPages|pageTotal|page_count|totalpage|pagecount)["']?\s*[:=]\s*["']?(\d{1,4})\b/;

/** A pager's counter printed bare, the whole text of its element: "1/50", "1 / 50" (no 页, no 第). */
const BARE_COUNTER = /^([1-9]\d{0,3})\s*\/\s*([1-9]\d{0,3})$/;
/** Sliders and banners count their pictures the same way ("1/5"): never a pager. */
const SLIDER = '[class*="swiper" i], [class*="slide" i], [class*="banner" i], [class*="carousel" i], [class*="focus" i], [id*="focus" i], [id*="banner" i], [id*="slide" i]';
/** Items' dates printed as month/day ("12/25") sit in such elements; a list has many, a pager one counter. */
const DATED = '[class*="date" i], [class*="time" i], [class*="day" i]';
/** Words of a pager's other controls. */
const PAGER_WORDS = /首页|上一?页|下一?页|尾页|末页|跳转|转到|GO/i;

/**
 * The page count of a pager that prints only "1/50" (an image pager of 首页/上页/下页/尾页 pictures, a ThinkPHP or
 * older ASP pager): an element whose whole text is the counter (no leading zero: "01/18" is a date), the current
 * page at most the count, beside the pager's other controls (links or script controls in its parent or grandparent;
 * in a table, its row names one), not in a slider nor a date's element; and the only such counter on the page (a
 * list of month/day dates prints many). Without it such a list read to page 1 alone would look whole.
 */
function bareCounterPages($: Doc): number | undefined {
  return bareCounter($)?.total;
}

/** The page's one bare pager counter ("3/3": bareCounterPages' rules), its element with it, or undefined. */
export function bareCounter($: Doc): { current: number; total: number; el: ReturnType<Doc> } | undefined {
  const counters: { current: number; total: number; el: ReturnType<Doc> }[] = [];
  for (const el of $('span, em, b, strong, font, label, i, td, div, li, p').toArray()) {
    if (el.children.some((c) => c.type === 'tag')) continue;
    const m = BARE_COUNTER.exec(squash($(el).text()));
    if (!m) continue;
    const current = Number(m[1]);
    const total = Number(m[2]);
    if (current < 1 || total < 2 || current > total) continue;
    const node = $(el);
    if (node.closest(matching(SLIDER)).length || node.closest(matching(DATED)).length) continue;
    const row = node.closest(matching('tr'));
    if (row.length ? !PAGER_WORDS.test(squash(row.text())) : !node.parent().parent().find('a[href], [onclick]').length) continue;
    counters.push({ current, total, el: node });
  }
  return counters.length === 1 ? counters[0] : undefined;
}

export function announcedTotals(html: string): AnnouncedTotals {
  const live = withoutComments(html);
  const out: AnnouncedTotals = {};
  // The page's own document (comments are no text in it), shared with the other parsers of the page.
  const $ = loadHtml(html);
  const body = $('body');
  const text = squash(textOutside(body, ['script', 'style']) || textOutside($.root(), ['script', 'style']));
  const of = PAGE_OF.exec(text);
  const pagesText = PAGES_TEXT.exec(text);
  const pages = pagesText?.[1] ?? pagesText?.[2] ?? of?.[1] ?? of?.[2] ?? of?.[3] ?? of?.[4];
  const items = ITEMS_TEXT.exec(text)?.[1];
  if (pages) out.announcedPages = Number(pages);
  if (items) out.announcedItems = Number(items);
  // What the family's own script and island say, when the text does not.
  const trs = parseTrsPager(live);
  if (trs && out.announcedPages === undefined) out.announcedPages = trs.pageCount;
  // A pager plugin's options or variables (`pageCount: 3`, `var totalPage = 3;`), when nothing above names the count.
  const scripted = SCRIPT_PAGES.exec(live)?.[1];
  if (scripted && out.announcedPages === undefined && !/<datastore>/i.test(live)) out.announcedPages = Number(scripted);
  const sixArgTotal = /createPageHTML\(\s*["'][^"']*["']\s*,\s*\d+\s*,\s*\d+\s*,\s*["'][^"']*["']\s*,\s*["'][^"']*["']\s*,\s*(\d+)\s*\)/.exec(live)?.[1];
  const hanwebTotal = /\btotalRecord\s*:\s*["']?(\d+)/i.exec(live)?.[1] ?? /<totalrecord>\s*(\d+)/i.exec(live)?.[1] ?? sixArgTotal;
  if (hanwebTotal && out.announcedItems === undefined) out.announcedItems = Number(hanwebTotal);
  const islandPages = /<totalpage>\s*(\d+)/i.exec(live)?.[1];
  const perPage = /\bperPage\s*:\s*["']?(\d+)/.exec(live)?.[1];
  if (islandPages && perPage && out.announcedItems === undefined && out.announcedPages === undefined) {
    // One dataproxy answer holds a group of pages, so pages read say nothing: the page count gives at least
    // (pages - 1) · perPage + 1 records, which is what the column must yield.
    out.announcedItems = (Number(islandPages) - 1) * Number(perPage) + 1;
  } else if (islandPages && out.announcedPages === undefined) out.announcedPages = Number(islandPages);
  if (out.announcedPages === undefined) {
    const bare = bareCounterPages($);
    if (bare !== undefined) out.announcedPages = bare;
  }
  return out;
}

/**
 * Whether a list's pager stops before its count: fewer pages of `perPage` items than its items announced ("共18条记录
 * 共2页" at 8 a page: a TRS page cap, round 91b). The rest of such a list is reached through its filters only.
 */
export function cappedPager(html: string, perPage: number): boolean {
  const { announcedItems, announcedPages } = announcedTotals(html);
  return perPage > 0 && announcedItems !== undefined && announcedPages !== undefined && announcedPages * perPage < announcedItems;
}
