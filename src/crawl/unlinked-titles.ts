/**
 * Report titles a list page shows with no link that could be followed: a row drawn as `<li onclick="show(this)">`
 * whose function reads the page, a `<div class="item">` a script binds a click to, a row whose link the template left
 * out. Their reports are listed but never fetched, which the seed's result must say; the browser, which can click
 * them, is asked to (learn/item-clicks.ts).
 *
 * Only text outside any link counts, in a row (li, tr, a dl's dd and dt) holding no link, outside the page's chrome and
 * headings, reading as a report's title with its year, and not as a sentence. A title an item already carries or the
 * page's own title (or one containing it, or contained in it: a row's cut text) is not counted.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import { Attributor } from './attribution.ts';
import { CAPTION } from './box-caption.ts';
import { loadHtml, sameShape, squash } from './html.ts';
import { CHROME } from './list-page.ts';

/** Page text read for titles: a report title is short, a paragraph of prose is not one. */
const MIN_TITLE = 8;
const MAX_TITLE = 80;
/** Where a title is not an item's: the page's headings, forms and templates. */
const NOT_ITEMS = `${CHROME}, a, h1, h2, h3, title, option, select, textarea, template, button`;
/** A report's title word with a year near it, in the page's source outside links and scripts: the cheap test first. */
const REPORT_NEAR_YEAR = /(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}|[０-９]{4})[^<]{0,40}(?:年度报告|年报|工作报告)|(?:年度报告|年报)[^<]{0,12}(?:19|20)\d{2}/;

function withoutLinksAndScripts(html: string): string {
  return html.replace(/<(script|style|a|title|option|textarea)\b[\s\S]*?<\/\1\s*>/gi, ' ');
}

/** A sentence, not a title ("根据《条例》规定，现公布…年度报告。"), or a trail ("当前位置：首页 > … > 2025年"). */
const PROSE = /[。；！？>›»＞]|，|^(?:根据|按照|依据|依照|现将|现公布|特此)|位置\s*[:：]/;

/** A title naming a table of reports, not one (a sheet's caption "…年度报告汇总表" over its linked rows: round 57a). */
const COLLECTION = /(?:汇总|一览|目录|清单|索引)表?$/;

function sameTitle(a: string, b: string): boolean {
  const x = a.replace(/[\s…．.。]+$/g, '');
  const y = b.replace(/[\s…．.。]+$/g, '');
  return x === y || (x.length >= MIN_TITLE && y.includes(x)) || (y.length >= MIN_TITLE && x.includes(y));
}

/** Whether an element has a sibling of its own tag and class: one of a run of like blocks, as a list's rows are. */
function amongItsLike(el: ReturnType<ReturnType<typeof loadHtml>>): boolean {
  const node = el.get(0) as Element | undefined;
  return !!node && node.type === 'tag' && el.siblings().toArray().some((x) => sameShape(x, node));
}

/** The report titles the page shows outside any followable link and that no item carries, distinct, in page order. */
export function unlinkedReportTitles(html: string, itemTitles: string[], isReport: (title: string) => boolean): string[] {
  // An answer (JSON, JSONP, XML) is no page: its titles are its family's to read.
  if (!/^\s*</.test(html) || /^\s*<\?xml/i.test(html) || !REPORT_NEAR_YEAR.test(withoutLinksAndScripts(html))) return [];
  const $ = loadHtml(html);
  // The page's own title (its <title>, its <h1>, its ArticleTitle) is no item's: a report's article followed as a
  // unit's column (a link reading only 县医保局) repeats it in its metadata table's 标题 row (round 59a).
  const own = [$('title').first().text(), $('h1').first().text(), $('meta[name="ArticleTitle"]').attr('content') ?? ''];
  const known = [...itemTitles, ...own].map(squash).filter((t) => t.length > 0);
  const out: string[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      const text = node as Text;
      if (!/年报|报告/.test(text.data)) return;
      const parent = text.parent as Element | null;
      if (!parent || parent.type !== 'tag') return;
      const el = $(parent);
      if (el.closest(NOT_ITEMS).length) return;
      // A definition list's term and descriptions are one row (the title in `<dt>`, its 详情 link in a `<dd>`).
      const cell = el.closest('li, tr, dd, dt');
      // A box's caption outside any row is the column's name, not an item (`<div class="right-tit"><span>政府信息公开
      // 年报 · 2022年度</span></div>` over a year column's list, round 86c).
      if (!cell.length && el.closest(CAPTION).length) return;
      // Outside any row, a title stands for an item only among its like (`<div class="item">` rows a script binds a
      // click to): one alone is a heading (`<div class="box-h">2023年度政府信息公开工作年度报告</div>` over a year's
      // page, a class no caption selector knows: round 94c).
      if (!cell.length && !amongItsLike(el.closest('div, span, p'))) return;
      const row = cell.is('dt, dd') && cell.parent().is('dl') ? cell.parent() : cell;
      if (row.length && row.find('a[href]').length) return;
      // The element's whole text (a title split over <span>s), else the text node's own.
      const block = el.closest('li, tr, dd, dt, td, p, div, span');
      // Text cut by a link inside a sentence ("2020年及以前年度的年度报告请至<a>历史网站</a>查阅。") is part of that
      // sentence, not a title: the element around it, short enough to be one sentence, reads as prose.
      const around = squash(el.text());
      if (around.length <= 2 * MAX_TITLE && PROSE.test(around) && el.find('a[href]').length) return;
      const candidates = [squash(block.text()), around, squash(text.data)];
      const title = candidates.find((t) => t.length >= MIN_TITLE && t.length <= MAX_TITLE && !PROSE.test(t) && !COLLECTION.test(t) && isReport(t) && Attributor.year(t) !== null);
      if (title && !out.includes(title) && !known.some((k) => sameTitle(k, title))) out.push(title);
      return;
    }
    for (const child of (node as Element).children ?? []) visit(child);
  };
  visit($('body')[0] ?? $.root()[0]!);
  return out;
}
