/**
 * The items of a list (column) page: every link with its full title and the date printed beside it.
 * Family modules add what their CMS hides (pagers, data islands); deciding which items are reports is the
 * classifier's job, so this stays generic.
 */
import type { Element } from 'domhandler';
import { ATTACHMENT_EXT, documentBase, DOWNLOAD_PATH, findDate, findWithin, loadHtml, matching, squash, type Doc } from './html.ts';
import { ownBoxes } from './own-box.ts';
import { resolveLink } from '../download/scope.ts';
import { agencyFromTitle, isAgencyName } from './classify/agency.ts';
import { parseReportYear } from './classify/year.ts';
import { TRUNCATION } from './classify/text.ts';
import { hasYearCell, registerRowTitle } from './register-row.ts';
import { boxCaption } from './box-caption.ts';
import { cardCaption } from './card-caption.ts';
import { isPlainCrumbLink } from './crumb-links.ts';
import { sectionTitle } from './section-files.ts';
import { rowCells } from './row-cells.ts';
import { rowPublisher } from './row-publisher.ts';
import { headingAgency } from './heading-agency.ts';
import { ORIGINAL_LINK, originalTitle } from './original-link.ts';
import { rowPublishedDate } from './row-date.ts';
import { tableCellTitle, tableNamesReports, tableReportYear } from './table-cell-title.ts';
import { twinFiles } from './twin-files.ts';

export interface ListItem {
  title: string;
  url: string;
  /** The date printed next to the link (usually the publication date). */
  date: string | null;
  /** The link points at a file rather than a page. */
  isFile: boolean;
  /** The list cannot say whether this is a report (a grid's cell under a neutral heading): its page's title decides. */
  maybe?: boolean;
  /** Titled by agency-links.ts as the report an agency-named link stands for: its page must show a report. */
  namedByAgency?: true;
  /** Files its row links beside it ("[PDF]", "附件下载": twin-files.ts), stored with its report. */
  files?: string[];
  /** The agency its row names as publisher (a table's 发布机构 cell, a learned answer's `pubOrg`): whose a file linked
   * alone is (round 57b). */
  publisher?: string;
  /**
   * The agency a heading over its block names (a collapsed box's `<summary>生态环境分局</summary>`, an `<h4>`), for a
   * file linked alone whose title and row name none: whose it may be, which its first page decides (round 65a).
   */
  unit?: string;
}

export const CHROME = 'script, style, noscript, header, footer, nav, .nav, .header, .footer, #header, #footer, .breadcrumb, .crumb, .position, .location';

/** A link text the template cut short: "…", "...", "。。。" at its end. */
const CUT = /(…|\.\.\.|。。。)$/;

/** A Chinese character: what a title in Chinese holds. */
const HAN = /\p{Script=Han}/u;
/** A title in another script and no Chinese (a bilingual site's Uyghur, Tibetan or Mongolian line). */
const OTHER_SCRIPT = (t: string) => !HAN.test(t) && /\p{L}{2}/u.test(t);

/** A template's fixed tooltip that names no document, made of action words only: 点击查看详情, 查看全文, 在新窗口中打开. */
const ACTION_TOOLTIP = /^(?:请|点击|单击|查看|阅读|浏览|打开|进入|详情|详细|全文|原文|更多|内容|正文|信息|此处|这里|在|新窗口|新页面|中|链接|文章|[>»\s])+$/;

/** Two characters in a row the texts share: a tooltip that goes with its cut text shares some (the agency, the year). */
function shareAPair(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/**
 * The title a link stands for: the title attribute wins when the text is cut (…) or shorter, or when the text is in
 * another script than the attribute's Chinese (a bilingual list shows its Uyghur title, round 50a). A template's fixed
 * tooltip (点击查看详情 on every row, round 66a) names nothing: the text stays, cut as it is, for its page to decide.
 */
export function linkTitle(text: string, titleAttr: string | undefined): string {
  const t = squash(text);
  const a = squash(titleAttr ?? '');
  if (!a) return t;
  if (!t) return a;
  if (ACTION_TOOLTIP.test(a)) return t;
  if (CUT.test(t)) return shareAPair(t.replace(CUT, ''), a) ? a : t;
  if (a.length > t.length || (OTHER_SCRIPT(t) && HAN.test(a))) return a;
  return t;
}

export function isFileUrl(url: string): boolean {
  const p = new URL(url).pathname;
  return ATTACHMENT_EXT.test(p) || DOWNLOAD_PATH.test(p);
}

/** A page or file address quoted in a script link (`javascript:openWin('/art/1.html')`, `onclick="window.open('…')"`). */
const SCRIPT_TARGET = /["']((?:https?:\/\/|\.{0,2}\/)[^"'\s]+|[^"'\s]+\.(?:s?html?|jsp|aspx?|php|pdf|docx?))["']/;
/** A page's address by its ending (`zfxxgknb/index.html`, `list.jsp?id=3`): what a site's own function may open. */
const PAGE_ADDRESS = /\.(?:s?html?|jsp|aspx?|php|do)(?:[?#]|$)/i;

function scriptTarget(script: string, pageUrl: string): string | null {
  const navigates = /javascript:|window\.open|location|open\w*\(/i.test(script);
  const m = SCRIPT_TARGET.exec(script);
  // A function of the site's own quoting a page's address opens it (a tab switcher loading its frame:
  // `gkTab(this,'zfxxgknb/index.html')`, round 46c); a quoted word with no page's ending is no address of one.
  if (!m?.[1] || (!navigates && !(/\(/.test(script) && PAGE_ADDRESS.test(m[1])))) return null;
  return resolveLink(m[1], pageUrl);
}

/**
 * Where a control leading nowhere itself (`<a href="javascript:void(0)">`, `href="#"`) goes when clicked: the address
 * its own script or data attribute names, else its tab's or row's (`<li onclick="gkTab(this,'zfxxgknb/index.html')">`,
 * two levels up at most). Null when none names one.
 */
export function clickTarget(a: ReturnType<Doc>, base: string): string | null {
  const own = scriptTarget(`${a.attr('href') ?? ''} ${a.attr('onclick') ?? ''}`, base) ?? dataTarget(a, base);
  if (own) return own;
  let node = a.parent();
  for (let depth = 0; depth < 2 && node.length && !node.is('body, ul, ol, table'); depth++, node = node.parent()) {
    const onclick = node.attr('onclick');
    if (onclick) return scriptTarget(onclick, base);
  }
  return null;
}

/** Data attributes a row keeps its page's address in, for a script to open on click (`<tr data-href="…">`). */
const ROW_LINK_ATTRS = ['data-href', 'data-url', 'data-link'];

/** The page a row's data attribute names: a path or same-scheme address, never a script or an anchor. */
function dataTarget(row: ReturnType<Doc>, base: string): string | null {
  for (const attr of ROW_LINK_ATTRS) {
    const url = resolveLink(row.attr(attr), base);
    if (url) return url;
  }
  return null;
}

/**
 * The address a link opens: its href, else the one its script link or onclick quotes (`onclick="window.open('…')"` on
 * `href="javascript:;"`), else its data attribute's (`data-url`, bound by a click handler). The item a link makes has
 * this address, so whatever keys links by address (a year pane's or group's links: column-year.ts) reads it so too.
 */
export function linkTarget(a: ReturnType<Doc>, base: string): string | null {
  return resolveLink(a.attr('href'), base) ?? scriptTarget(`${a.attr('href') ?? ''} ${a.attr('onclick') ?? ''}`, base) ?? dataTarget(a, base) ?? hiddenFieldTarget(a, base);
}

/** A hidden field's name saying it holds an address: url, href, link, path, docUrl… */
const ADDRESS_FIELD = /url|href|link|path|addr/i;

/**
 * The page a row keeps in a hidden field beside its link that leads nowhere (`<input type="hidden" name="url"
 * value="./202501/t20250124_912345.shtml">` and `<a href="#">title</a>`, the row's click handler opening it, round
 * 64a): its only such field, when it names a page.
 */
function hiddenFieldTarget(a: ReturnType<Doc>, base: string): string | null {
  const row = a.closest('li, tr, dd');
  if (!row.length) return null;
  const fields = row.find('input[type="hidden" i]').toArray().filter((el) => ADDRESS_FIELD.test(`${el.attribs.name ?? ''} ${el.attribs.id ?? ''} ${el.attribs.class ?? ''}`));
  return fields.length === 1 ? resolveLink(fields[0]!.attribs.value, base) : null;
}

/**
 * Whether an element with a data address is a list's row (`<tr>`, `<li>`, `<dd>`, or one of several siblings so
 * marked) and not a container naming its list's API (`<div id="list" data-url="/api/list">`).
 */
function isDataRow(row: ReturnType<Doc>): boolean {
  if (row.is('tr, li, dd')) return true;
  const attr = ROW_LINK_ATTRS.find((a) => row.attr(a) !== undefined);
  return attr !== undefined && row.siblings(`[${attr}]`).length > 0;
}

/** A link's text less the date elements inside it (`<a><span>title</span><span>2024-01-02</span></a>`). */
function textWithoutDates($: Doc, a: ReturnType<Doc>): string {
  const dated = findWithin($, a, '*').filter((_, el) => {
    const t = squash($(el).text());
    return t.length <= 24 && findDate(t) !== null && t.replace(/[\d\s\-/.年月日:：[\]()（）]/g, '') === '';
  });
  if (!dated.length) return a.text();
  const copy = a.clone();
  copy.find('*').filter((_, el) => dated.toArray().some((d) => squash($(d).text()) === squash($(el).text()))).remove();
  return copy.text();
}

/**
 * The full title a cut link keeps in an attribute: its own title, data-title or aria-label, else a title on an
 * element inside it (`<a><span title="…">…</span></a>`) or on its row (`<li title="…">`).
 */
function fullTitleAttr($: Doc, a: ReturnType<Doc>): string | undefined {
  const tip = a.attr('title') || a.attr('data-title') || a.attr('aria-label') || findWithin($, a, '[title]').first().attr('title') || a.closest(matching('li, tr, dd')).attr('title') || undefined;
  return tip === undefined ? undefined : labelledTip(tip);
}

/**
 * A tooltip of labelled lines (动易's "文章标题：…&#10;作    者：佚名&#10;更新时间：…&#10;点击次数：98", round 77d): the
 * title's line, its label dropped. Any other tooltip as it is.
 */
const TIP_TITLE = /^\s*(?:文章|信息|新闻)?(?:标题|名称|题目)\s*[:：]\s*(.+)$/m;
function labelledTip(tip: string): string {
  if (!/\n/.test(tip)) return tip;
  return TIP_TITLE.exec(tip)?.[1]?.trim() || tip;
}

/**
 * The full title an older template keeps beside a cut link, in an element of the same row hidden from view (`<span
 * style="display:none">`, `hidden`, class hide/hidden): taken when it begins with the cut text.
 */
function hiddenFullTitle($: Doc, a: ReturnType<Doc>, text: string): string | undefined {
  const stem = squash(text).replace(CUT, '');
  if (!stem || stem === squash(text)) return undefined;
  const row = a.closest(matching('li, tr, dd, p, div'));
  if (!row.length || findWithin($, row, 'a[href]').length > 1) return undefined;
  const hidden = row.find('[style*="display:none"], [style*="display: none"], [hidden], .hide, .hidden').toArray();
  return hidden.map((el) => squash($(el as Element).text())).find((t) => t.length > stem.length && t.startsWith(stem));
}

/** A table row's longest cell text (dates left out) among those `keep` accepts; '' when none. */
function longestCell($: Doc, row: ReturnType<Doc>, keep: (text: string) => boolean = () => true): string {
  return row
    .children('td, th')
    .toArray()
    .map((c) => squash(textWithoutDates($, $(c))))
    .filter(keep)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A cell that is a date and nothing else ("2024-01-02", "2024年1月2日"). */
const isDateOnly = (t: string) => findDate(t) !== null && t.replace(/[\d\s\-/.年月日:：]/g, '') === '';

/** Link texts that say what to do, not what the item is. */
/**
 * An 索引号 as a link's text (11210381001127934P/2025-00008, 000014349/2024-00123): a 公开目录 table's row linked by its
 * index number alone, its subject in a plain 名称 cell (round 44a); the row titles it, as for 查看. Its first part (an
 * organisation code) runs to eight characters or more, which no date (2024-01-02) does.
 */
const INDEX_NUMBER = /^(?=(?:[^\d]*\d){6})[0-9A-Za-z]{8,}(?:[-/_][0-9A-Za-z]+)+$/;
/** A link's text saying what to do or what format, not what it is: 查看, 全文, "PDF" (a year table's cell, round 47a). */
const GENERIC_LINK_TEXT = /^[[【(（]?(查看|详情|详细|下载|预览|在线预览|点击查看|点击下载|阅读全文|全文|原文|正文|查看详情|浏览|打开|view|more|download|preview|pdf|pdf版|word|word版|docx?|wps|ofd)[\]】)）]?\s*[>»›→]*$/i;

/** The report an interpretation's row names, for its [原文] link: from the row's other link's whole title. */
function originalOfRow($: Doc, row: ReturnType<Doc>, link: ReturnType<Doc>): string | null {
  if (!row.length) return null;
  for (const el of row.find('a[href]').toArray()) {
    if (el === link.get(0)) continue;
    const other = $(el);
    const title = originalTitle(squash(other.attr('title') ?? '') || squash(other.text()));
    if (title) return title;
  }
  return null;
}

/** The subject a row gives a link that names none: the row's text less dates and the link's own words. */
function rowTitle($: Doc, row: ReturnType<Doc>, linkText: string): string | null {
  if (!row.length || row.is('div') || row.find('a[href]').length > 2) return null;
  // A definition list's row (`<dt>` the title, `<dd>`s the office, the date, the 详情 button): its term is the subject.
  if (row.is('dl')) {
    const term = squash(textWithoutDates($, row.children('dt').first()));
    if (term.length >= 4 && term.length <= 80 && term !== linkText) return term;
  }
  // A table row (索引号 | 名称 | 日期 | 查看): its longest cell in words is the subject, not the index number or
  // the date beside it.
  if (row.is('tr')) {
    // The row's cells (dates left out; a year cell spanning its group from above included), read once: the link's
    // own and a date-only cell are no subject.
    const cells = rowCellTexts($, row).filter((t) => t !== linkText);
    // A register row writes no title: its year, agency and kind cells make one (register-row.ts).
    // A row naming no year is of the year its table's heading names, for a link only saying 查看 (a 图解 button's row
    // is its report's, which the button is not).
    const kind = tableKind($, row);
    const year = kind && GENERIC_LINK_TEXT.test(linkText) ? (tableReportYear($, row.closest('table')) ?? undefined) : undefined;
    const composed = registerRowTitle(cells, kind, year);
    if (composed && composed.length >= 4 && composed.length <= 80) return composed;
    const cell = cells.filter((t) => /[\u4e00-\u9fff]/.test(t)).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (cell.length >= 4 && cell.length <= 80) return cell;
  }
  const text = squash(row.text().replace(linkText, ' ')).replace(/((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)/g, '').trim();
  return text.length >= 4 && text.length <= 80 ? squash(text) : null;
}

/** A row's title in Chinese beside a link titled in another script: its text less the link's and dates, when Chinese. */
function chineseRowTitle($: Doc, row: ReturnType<Doc>, linkText: string): string | null {
  const title = rowTitle($, row, linkText);
  if (!title) return null;
  // Only the Chinese part of the row: a Uyghur line beside it (another link's words, a subtitle) left out.
  const han = squash(title.split(/\s+/).filter((w) => HAN.test(w)).join(' '));
  return han.length >= 4 ? han : null;
}

/** A link text that is a document's file name. */
const FILE_NAME = /\.(?:pdf|docx?|wps|ofd|xlsx?|et)$/i;

/**
 * The title a unit's row gives a link reading a file's name, in a table of the reports: the row's unit, the year the
 * file's name says (else the one the table's heading names) and the reports' kind; null off such a table, or for a
 * file whose name names its agency already.
 */
function fileRowTitle($: Doc, row: ReturnType<Doc>, linkText: string, title: string): string | null {
  const kind = tableKind($, row);
  if (!kind || agencyFromTitle(title)) return null;
  const cells = rowCellTexts($, row).filter((t) => t !== linkText);
  const year = parseReportYear(title.replace(FILE_NAME, '')) ?? tableReportYear($, row.closest('table')) ?? undefined;
  return registerRowTitle(cells, kind, year);
}

/** A link's text naming a companion of a document, not it: a 解读 / 图解 column's button (round 67a). */
const COMPANION_LINK_TEXT = /^[[【(（]?(?:图解|解读|政策解读|一图读懂|视频解读)[\]】)）]?$/;
/** A link's text that only says what to do, what format, or which companion: a button's. */
const isButtonText = (t: string) => GENERIC_LINK_TEXT.test(t) || COMPANION_LINK_TEXT.test(t);

/**
 * A table row's cell texts, dates and empty cells left out, a cell spanning into it from above included. A cell that
 * is another link's button (查看, PDF, 图解) is no subject of the row's: a 一览表 row (单位 | 正文 查看 | 解读 图解)
 * titled by its 图解 cell made the 正文 link "县人民政府图解".
 */
function rowCellTexts($: Doc, row: ReturnType<Doc>): string[] {
  return rowCells($, row)
    .filter((c) => !c.find('a[href]').toArray().some((a) => isButtonText(squash($(a).text()))))
    .map((c) => squash(textWithoutDates($, c)))
    .filter((t) => t && !isDateOnly(t));
}

/** The kind of document a table's heading names for all its rows: the annual report, or none. */
const tableKind = ($: Doc, row: ReturnType<Doc>) => (tableNamesReports($, row.closest('table')) ? '政府信息公开工作年度报告' : undefined);

/**
 * A link reading only an agency's name in a table row with a year cell (单位 | 年度, the year often spanning its
 * group's rows): titled by the row as a register row is ("某县教育局2023年度政府信息公开工作年度报告" under a table of
 * the reports); null when the row has no year cell.
 */
function agencyRowTitle($: Doc, row: ReturnType<Doc>): string | null {
  if (!row.is('tr')) return null;
  const cells = rowCellTexts($, row);
  return hasYearCell(cells) ? registerRowTitle(cells, tableKind($, row)) : null;
}

/** A heading's text or class: h2–h6, or a template's `title` / `tit` block. */
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const HEADING_CLASS = /(?:^|[\s_-])(?:title|tit|bt|hd)(?:$|[\s_-])/i;
/** A list's numbering before a heading's words: "7.", "12、", "（3）". */
const NUMBERING = /^(?:\d{1,3}|[（(]\d{1,3}[)）])\s*[.、．]?\s*/;

/**
 * The heading of the block a link saying only 阅读全文 / 查看详情 closes: the nearest ancestor (a few levels up) that links
 * nowhere else and has a heading child before the link's branch, its list numbering left out; null when there is none.
 */
function blockHeadingTitle($: Doc, a: ReturnType<Doc>): string | null {
  // The child of each box the link stands in: the headings before it are the block's.
  let branch = a;
  for (const node of ownBoxes(a, 4, 'body, html, ul, ol, table')) {
    for (const child of node.children().toArray()) {
      if (child === branch.get(0)) break;
      const el = child as Element;
      if (!HEADING_TAGS.has(el.name) && !HEADING_CLASS.test(el.attribs.class ?? '')) continue;
      const text = squash($(el).text()).replace(NUMBERING, '');
      if (text.length >= 4 && text.length <= 120) return text;
    }
    branch = node;
  }
  return null;
}

/** A year alone as a control's or link's words: "2024", "2024年度". */
const YEAR_ONLY = /^(?:19|20)\d{2}\s*(?:年|年度)?$/;

/**
 * The title of a button saying only what to do or a year: a grid's cell by its headers; else its row's subject (a
 * table's title cell beside 预览 / 下载 / 查看 buttons), or the term of the `<dl>` row it stands in (政府信息公开年报：),
 * which a year alone is of, prefixed by the agency a heading over the block names (an accordion of units: round 60a).
 */
function bareControlTitle($: Doc, el: ReturnType<Doc>, shown: string): string | null {
  const year = YEAR_ONLY.test(shown);
  if (!year && shown.length >= 4 && !GENERIC_LINK_TEXT.test(shown)) return null;
  const cell = tableCellTitle($, el);
  if (cell) return cell.title;
  const row = linkRow(el);
  const term = row.is('dd') ? squash(row.prevAll('dt').first().text()).replace(/[:：]$/, '') : '';
  const subject = term.length >= 2 ? term : rowTitle($, row, shown);
  if (!subject) return null;
  return year ? `${headingAgency($, row.is('dd') ? row.parent() : row) ?? ''}${shown}${subject}` : subject;
}

/**
 * The subject of a row that opens by script: a table row's longest cell (not its 序号 or date cells), else the
 * row's text less dates and a leading serial number ("3 某县…", "12、…"; a year such as "2023年" is not one).
 */
function scriptRowText($: Doc, row: ReturnType<Doc>): string {
  if (row.is('tr')) {
    const longest = longestCell($, row, (t) => /[\u4e00-\u9fff]/.test(t) && !isDateOnly(t)) || longestCell($, row);
    if (longest) return longest;
  }
  return squash(textWithoutDates($, row)).replace(/^\d{1,3}(?![\d年])[.、．\s]*/, '');
}

/**
 * The title a cover image gives a link that shows nothing else (`<a><img src="cover.jpg" alt="…年度报告"></a>`): its
 * alt text, when it is long enough to be a title (an icon's "pdf", "下载", "附件图标" is not; its row titles it).
 */
function coverAlt($: Doc, a: ReturnType<Doc>): string {
  const alt = squash(findWithin($, a, 'img[alt]').first().attr('alt') ?? '');
  return alt.length >= 8 ? alt : '';
}

/**
 * A file link's words that name no document of anyone's: what to do and what kind of file ("点击下载", "附件（PDF版）",
 * "年报全文.pdf"), or a bare file name (P020210126115830924671.pdf). "浚县教育局" names one: its row or group titles it.
 */
function namesNoDocument(title: string): boolean {
  const rest = title
    .replace(/\.(?:pdf|docx?|wps|xlsx?|ofd|zip|rar)$/i, '')
    .replace(/点击|下载|附件|全文|原文|正文|年报|报告|文件|文档|查看|阅读|浏览|PDF|版|[:：、,，.。()（）[\]【】\s\d]/gi, '');
  return !/[\u4e00-\u9fff]/.test(rest);
}

/** Words naming the annual reports. */
const NAMES_REPORTS = /年报|年度报告/;

/** Whether a page's title or main heading names the annual reports (a 年报 column's page). */
export function titleNamesReports($: Doc): boolean {
  return NAMES_REPORTS.test(`${$('title').text()} ${$('h1, h2').first().text()}`);
}

/** A box caption's link words (更多>>, more): not what the box is about. */
const MORE_WORDS = /(?:查看)?更多|more|[>»›+]+/gi;
/** A box of pictures about the reports, not of the reports: 图解, 一图读懂, 图说, 解读. */
const ABOUT_REPORTS = /图解|一图|图说|解读|读懂|视频/;
/** Image cards titled from their box at most per page: each is fetched for its page's own title. */
const MAX_IMAGE_CARDS = 12;

/**
 * The title an image card gets from where it stands, when it shows no words at all (an empty `<a class="card"
 * style="background-image:url(…)">`, an alt-less `<img>`, an alt too short to be a title): the caption of its box when
 * that names the annual reports (年度报告, 往年年报: its section title often an image's alt), with the caption printed
 * beside the link (`<li><a><img></a><p>2020年</p></li>`). Only maybe a report: its page's own title decides (round 44c:
 * a 专题's wall of report cards, the older years on the wall alone).
 */
function imageCardTitle($: Doc, a: ReturnType<Doc>): string | null {
  if (squash(a.text())) return null;
  const heading = squash(boxCaption($, a).replace(MORE_WORDS, ' '));
  if (!NAMES_REPORTS.test(heading) || ABOUT_REPORTS.test(heading) || heading.length > 30) return null;
  const parent = a.parent();
  const beside = parent.is('li, dd, td, div, p, span') && parent.find('a[href]').length === 1 ? squash(parent.text()) : '';
  const alt = squash(findWithin($, a, 'img[alt]').first().attr('alt') ?? '');
  const words = [heading, beside.length <= 30 ? beside : '', alt].filter((w, i, all) => w && !all.slice(0, i).some((v) => v.includes(w)));
  return squash(words.join(' '));
}

/**
 * A link's row: its closest li / tr / dd / dt / p / div. A link in a definition term (`<dl><dt><a>title</a></dt>
 * <dd>summary</dd><dd>2025-1-21</dd></dl>`, one `<dl>` per item as Discuz! portal lists and many CMS "图文" lists
 * print them) has its `<dl>` for row when that list holds this one term, else the term alone: the container above
 * would be the whole list, whose first date is another item's.
 */
function linkRow(a: ReturnType<Doc>): ReturnType<Doc> {
  const row = a.closest(matching('li, tr, dd, dt, p, div'));
  const term = row.get(0);
  // A term's link, or a description's (a 详情 button in its own `<dd>` beside the `<dt>` title: round 57a): the
  // definition list of one term is the row.
  if (!term || term.type !== 'tag' || (term.name !== 'dt' && term.name !== 'dd')) return row;
  const list = row.parent();
  const dl = list.get(0);
  // Tag names compared, not selectors: asked for every link of a page (see html.ts `matching`).
  return dl?.type === 'tag' && dl.name === 'dl' && dl.children.filter((c) => c.type === 'tag' && c.name === 'dt').length === 1 ? list : row;
}

/** Longest text of a link's row searched for a date: a "row" longer than this is a container of many links. */
const MAX_ROW_TEXT = 2000;

export function listItemsFrom($: Doc, root: ReturnType<Doc>, pageUrl: string): ListItem[] {
  const base = documentBase($, pageUrl);
  const items: ListItem[] = [];
  // The item each address gave: a later link to it completes it (see below), a row opening it by script is no other.
  const byUrl = new Map<string, ListItem>();
  // A row's text, computed once per row: links sharing one huge container (a page of 100 000 bare links) would
  // otherwise each read the whole container, which is quadratic.
  const rowText = new Map<Element, string>();
  const trailText = new Map<Element, string | null>();
  let imageCards = 0;
  let aboutReports: boolean | undefined;
  root.find('a[href]').each((_, el) => {
    const a = $(el as Element);
    if (a.closest(matching(CHROME)).length) return;
    // A breadcrumb with no telling class (a table layout's `<td>您现在的位置：<a>首页</a> >> …</td>`) is chrome too.
    if (isPlainCrumbLink(el as Element, a.text(), trailText)) return;
    // A link leading nowhere itself (`href="#"`, `javascript:void(0)`) whose address a page script reads from a data
    // attribute (`<a href="#" data-url="…">` bound by a click handler) stands for that address.
    const url = linkTarget(a, base);
    if (!url) return;
    // A link met again: a 热点 / 推荐 box of cut, undated titles ahead of the list links the list's own items, whose
    // rows hold the whole title and the date. The first item stands, completed from the later row: without its date
    // the list's dated rows were counted short of the page's "共N条" (a complete seed flagged `short`).
    const earlier = byUrl.get(url);
    if (earlier?.date && !TRUNCATION.test(earlier.title)) return;
    const row = linkRow(a);
    const shown = squash(textWithoutDates($, a)) || coverAlt($, a);
    let title = linkTitle(shown, fullTitleAttr($, a) ?? hiddenFullTitle($, a, shown));
    // A picture and nothing else, in a box captioned for the reports: titled by its box, its page decides.
    const card = !title && imageCards < MAX_IMAGE_CARDS ? imageCardTitle($, a) : null;
    if (card) (title = card), (imageCards += 1);
    // A card's link stretched over it, empty: the card's heading or caption (card-caption.ts).
    else if (!title) title = cardCaption($, a) ?? '';
    // A link that only says "查看" / "2023" in a grid's cell (agencies × years): its row and column headers title it.
    const cell = GENERIC_LINK_TEXT.test(title) || YEAR_ONLY.test(title) ? tableCellTitle($, a) : null;
    // A [原文] link beside an interpretation's title: the report the interpretation names (original-link.ts).
    const original = !cell && ORIGINAL_LINK.test(title) ? originalOfRow($, row, a) : null;
    if (cell) title = cell.title;
    else if (original) title = original;
    // A link that only says "查看" / "下载" in a row that names its subject (a table of departments): the row speaks for it;
    // out of a table, the heading of the item's own block (`<div class="item"><h3>7. …</h3><p>…</p><a>阅读全文>></a>`).
    // A unit's three-character name (区教委, 白马镇: a grid of units under a year, round 77a) is a name, not too short.
    else if ((title.length < 4 && !isAgencyName(title)) || GENERIC_LINK_TEXT.test(title) || INDEX_NUMBER.test(title)) title = (row.is('tr') ? null : blockHeadingTitle($, a)) ?? rowTitle($, row, title) ?? '';
    // A row linked by its date alone (名称 | 发布机构 | <a>2025-01-23</a>, round 67a): its row titles it, when it says more.
    else if (isDateOnly(title)) title = rowTitle($, row, title) ?? title;
    // A link reading only an agency's name in a table row that gives it a year: the row titles it.
    else if (isAgencyName(title)) title = agencyRowTitle($, row) ?? title;
    // A link in another script whose row gives its Chinese title on a line of its own (a bilingual list: the Uyghur
    // title linked, the Chinese one under it, round 50a): the row's Chinese titles it.
    else if (OTHER_SCRIPT(title)) title = chineseRowTitle($, row, title) ?? title;
    // A file's name for a link ("崖城镇年报.pdf", "2023年度政府信息公开工作年度报告.pdf") in a row naming its unit, in a
    // table of the reports (单位名称 | 年度报告 of a roll-up article, round 97a): the row titles it, in the file's year
    // when its name has one, else the year the table's heading names.
    else if (row.is('tr') && FILE_NAME.test(title)) title = fileRowTitle($, row, shown, title) ?? title;
    // A file saying only what to do ("点击下载", "年报全文.pdf") on a page of several years' reports: its section's heading.
    if (!card && isFileUrl(url) && namesNoDocument(title)) title = sectionTitle($, a, (aboutReports ??= titleNamesReports($)), (el) => isFileUrl(linkTarget($(el), base) ?? pageUrl)) ?? title;
    if (title.length < 4 && !isAgencyName(title)) return;
    const rowEl = row.get(0) as Element | undefined;
    let text = rowEl ? rowText.get(rowEl) : '';
    if (text === undefined) {
      text = squash(row.text());
      rowText.set(rowEl!, text);
    }
    // The row's 发布日期 column when its table heads one (a 成文日期 may come first), else the row's first date.
    const date = text.length <= MAX_ROW_TEXT ? (rowPublishedDate($, row) ?? findDate(text.replace(title, ''))) : null;
    if (earlier) {
      earlier.date ??= date;
      const stem = earlier.title.replace(TRUNCATION, '');
      if (stem !== earlier.title && title.length > stem.length && title.startsWith(stem)) earlier.title = title;
      return;
    }
    const isFile = isFileUrl(url);
    // A file the row links alone: whose it is, by the 发布机构 its table heads or its box says (row-publisher.ts).
    const publisher = isFile ? rowPublisher($, row, a) : null;
    const unit = isFile && !publisher ? headingAgency($, row) : null;
    const item: ListItem = { title, url, date, isFile, ...(cell?.maybe || card ? { maybe: true } : {}), ...(publisher ? { publisher } : {}), ...(unit ? { unit } : {}) };
    byUrl.set(url, item);
    items.push(item);
  });
  // Rows that open their page by script with no link inside (`<li onclick="window.open('/art/…')">`, `<tr
  // onclick="location.href='…'">`, Hanweb records and table lists alike), or whose address a page script reads from
  // a data attribute (`<tr data-href="…">` bound by a click handler): the row itself is the item.
  root.find(`[onclick], ${ROW_LINK_ATTRS.map((a) => `[${a}]`).join(', ')}`).each((_, el) => {
    const row = $(el as Element);
    // A row whose links lead nowhere themselves (`<a href="javascript:void(0)">`, `href="#"`) opens by its own onclick.
    const leading = row.find('a[href]').filter((_, a) => {
      const $a = $(a as Element);
      return resolveLink($a.attr('href'), base) !== null || scriptTarget(`${$a.attr('href') ?? ''} ${$a.attr('onclick') ?? ''}`, base) !== null;
    });
    if (row.is('a[href]') || leading.length || row.closest(matching(CHROME)).length) return;
    const url = scriptTarget(row.attr('onclick') ?? '', base) ?? (isDataRow(row) ? dataTarget(row, base) : null);
    if (!url || byUrl.has(url)) return;
    // A button (`<input type="button" value="预览" onclick="window.open(…)">`) says what to do, or only a year: its row,
    // its definition term and the heading over its block title it, as they do a link saying as little; its tooltip
    // only when it has words (a date there is no title).
    const control = row.is('input, button');
    const tip = row.attr('title');
    const shown = linkTitle(control ? squash(row.is('input') ? (row.attr('value') ?? '') : row.text()) : scriptRowText($, row), control && !HAN.test(tip ?? '') ? undefined : tip);
    const title = control ? (bareControlTitle($, row, shown) ?? shown) : shown;
    if (title.length < 4 || GENERIC_LINK_TEXT.test(title)) return;
    const text = squash(row.text());
    const date = text.length <= MAX_ROW_TEXT ? (rowPublishedDate($, row) ?? findDate(text.replace(title, ''))) : null;
    const item: ListItem = { title, url, date, isFile: isFileUrl(url) };
    byUrl.set(url, item);
    items.push(item);
  });
  // A row's "[PDF]" beside its article: the article's file, not an item of its own.
  const twin = twinFiles($, root, base, new Set(items.filter((i) => !i.isFile).map((i) => i.url)), isFileUrl);
  if (!twin.twins.size) return items;
  return items.filter((i) => !twin.twins.has(i.url)).map((i) => (twin.files.get(i.url)?.length ? { ...i, files: twin.files.get(i.url)! } : i));
}

/** A script that calls a function (not `void(0)`): `javascript:openDoc(7)`, an onclick `openDoc(7)`. */
const CALLS_FUNCTION = /^\s*(?:javascript:)?\s*(?!void\b|return\b)[A-Za-z_$][\w$.]*\s*\(/i;

/**
 * Links titled as reports that open by a script function no reader could follow (`javascript:openDoc(7)` whose
 * function builds its address in a way not read): their reports are listed but never fetched, which the seed's
 * result must say. A link whose call quotes its address, or whose row or data attribute names one, is not counted.
 */
export function unreadScriptReportLinks(html: string, pageUrl: string, isReport: (title: string) => boolean): string[] {
  if (!/javascript:\s*(?!void\b)[A-Za-z_$]|onclick/i.test(html)) return [];
  const $ = loadHtml(html);
  const base = documentBase($, pageUrl);
  const out: string[] = [];
  // A link with no href at all, only its onclick (新点's `<a class="ewb-infoname" onclick="linkToNew('…')">`, round 82b),
  // leads nowhere by itself too.
  $('a[href], a[onclick]').each((_, el) => {
    const a = $(el as Element);
    const href = a.attr('href') ?? '';
    const leadsNowhere = a.attr('href') === undefined || /^\s*(?:javascript:|#)/i.test(href);
    const calls = leadsNowhere && (/^\s*javascript:/i.test(href) ? CALLS_FUNCTION.test(href) || CALLS_FUNCTION.test(a.attr('onclick') ?? '') : CALLS_FUNCTION.test(a.attr('onclick') ?? ''));
    if (!calls || a.closest(matching(CHROME)).length) return;
    if (scriptTarget(`${href} ${a.attr('onclick') ?? ''}`, base) || dataTarget(a, base)) return;
    const row = a.closest('li, tr, dd');
    if (row.length && (scriptTarget(row.attr('onclick') ?? '', base) || dataTarget(row, base))) return;
    const title = linkTitle(textWithoutDates($, a), fullTitleAttr($, a));
    if (isReport(title)) out.push(title);
  });
  return out;
}

export function parseListItems(html: string, pageUrl: string): ListItem[] {
  const $ = loadHtml(html);
  return listItemsFrom($, $.root(), pageUrl);
}
