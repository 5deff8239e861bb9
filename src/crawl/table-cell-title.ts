/**
 * The title of a link in a grid table (a county's "历年政府信息公开工作年度报告汇总": rows = agencies, columns =
 * years, each cell a link reading only "查看" / "下载" / "2023"): the row's header cell names the agency, the column's
 * header the year. Under a table whose heading (caption, the text before it, the page's title) names the annual
 * reports, a year column's cell is that agency's report of that year, titled so and marked with where the title
 * came from; under a neutral heading it may be (marked `maybe`: its page decides); any other column (工作要点, 预算)
 * gives "agency + column header" as its title, which says what it is. A grid whose rows are kinds of material, not
 * agencies (年度报告 | 年度报告图解 | 工作要点 | 法治政府建设报告 over year columns, round 42a): the report row's cell
 * is the page's agency's report of the column's year; another kind's cell is titled by its kind and year, which says
 * what it is (an excluded kind), whatever the heading.
 */
import type { Element } from 'domhandler';
import { isAgencyName, isZoneName } from './classify/agency.ts';
import { normalizeTitle, yearOnly } from './classify/text.ts';
import { squash, type Doc } from './html.ts';
import { rowColumns as columns } from './row-cells.ts';

/** A region's name standing for its government in a row header: 城关区, 某某县. */
const REGION = /^[\u4e00-\u9fff]{1,8}(?:省|市|区|县|旗|州|盟)$/;
/** A row header naming the annual report itself (the row of a kinds × years grid holding the reports). */
const REPORT_ROW = /^(?:政府|本机关|本单位)?(?:信息公开|政务公开|政府信息公开)?(?:工作)?(?:年度报告|年报)(?:全文)?$/;
/** A row header naming a kind of document (图解, 工作要点, 统计公报, 法治政府建设年度报告…), not an agency. */
const DOCUMENT_ROW = /(?:报告|年报|公报|要点|图解|解读|预算|决算|报表|计划|规划|总结|方案|通知|指南|目录|制度|一图读懂)$/;
/** Words of a heading naming the annual reports. */
const REPORTS_HEADING = /政府信息公开.{0,6}(?:年度报告|年报)|信息公开年报|政务公开.{0,4}年度报告/;

type Node = ReturnType<Doc>;


/** A 序号 cell: a number alone. */
const INDEX_CELL = /^\d{1,4}[.、]?$/;
/** A column header naming a kind of a report's material: its text, its file, its interpretation. */
const KIND_COLUMN = /^(?:正文|全文|报告全文|报告正文|原文|附件|报告附件|PDF|PDF版|下载|文件|解读|政策解读|图解)$/i;
/** The kinds that are not the report (its companions), which its title then says. */
const COMPANION_COLUMN = /解读|图解/;

/** The one year a table's own heading (its caption, a box's title) names as the year of the reports it lists. */
function tableYear($: Doc, table: Node): number | null {
  return reportsYearOf(nearestHeading($, table) ?? squash(table.find('caption').first().text()));
}

/** The one year a heading naming the annual reports names (several years, or none: null). */
function reportsYearOf(heading: string): number | null {
  if (!heading || !REPORTS_HEADING.test(heading)) return null;
  const years = [...normalizeTitle(heading).matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  return years.length && years.every((y) => y === years[0]) ? years[0]! : null;
}

/** The heading a table sits under: its caption, the short texts just before it, the page's title and main heading. */
function tableHeading($: Doc, table: Node): string {
  const before: string[] = [];
  let node = table.prev();
  for (let i = 0; i < 3 && node.length; i++, node = node.prev()) before.push(squash(node.text()).slice(0, 200));
  return [squash(table.find('caption').first().text()), ...before, squash($('title').text()), squash($('h1, h2').first().text())].join(' ');
}

/** A table's own heading: its caption, else the nearest short text before it (a box's title), if any. */
function nearestHeading($: Doc, table: Node): string | null {
  const caption = squash(table.find('caption').first().text());
  if (caption) return caption.length <= MAX_HEADING ? caption : null;
  let node = table.prev();
  for (let i = 0; i < 3 && node.length; i++, node = node.prev()) {
    const text = squash(node.text());
    if (text && text.length <= MAX_HEADING) return text;
  }
  return null;
}

/** A table's heading at most this long: a box's title, not the paragraph introducing it. */
const MAX_HEADING = 30;

/** Whether the heading a table sits under (caption, the texts before it, the page's title) names the annual reports. */
export function tableNamesReports($: Doc, table: Node): boolean {
  return REPORTS_HEADING.test(tableHeading($, table));
}

/**
 * The one year the heading a table sits under names, when it names the annual reports (a page "2024年静安区各部门、
 * 各街道（镇）政府信息公开工作年度报告" over a table 单位 | 年度报告 of 点击查看 links, round 91a); null for none or several.
 */
export function tableReportYear($: Doc, table: Node): number | null {
  return reportsYearOf(tableHeading($, table));
}

const grids = new WeakMap<Element, boolean>();

/**
 * A grid: some row holds links in two or more cells (a table with one link per row is a list, which the row's text
 * titles), or its header names two kinds of document or more (单位 | 政府信息公开工作年度报告 | 政府网站工作年度报表 | 图解:
 * a year's grid whose one unit published only its report, round 89a). Kept per table, as every link of the table asks.
 */
function isGrid($: Doc, table: Node): boolean {
  const el = table.get(0) as Element;
  let grid = grids.get(el);
  if (grid === undefined) {
    grid =
      table
        .find('tr')
        .toArray()
        .some((r) => $(r as Element).children('td').filter((_, c) => $(c as Element).find('a[href]').length > 0).length >= 2) ||
      headerRows($, table).some((r) => columns($, r).filter((c) => DOCUMENT_ROW.test(squash(c.text()))).length >= 2);
    grids.set(el, grid);
  }
  return grid;
}

/**
 * Whether a row's cells other than its first and the link's own say nothing of their own: links, dates, dashes,
 * blanks (2025年度 | 全文 | 解读 PDF | 2026-01-23). A row naming a unit besides its year (2024年 | 某县教育局 | 查看) is
 * titled by its row's text instead.
 */
function namesNothingElse($: Doc, cells: Node[], at: number): boolean {
  return cells.every((c, i) => {
    if (i === 0 || i === at || c.find('a[href]').length) return true;
    const text = squash(c.text()).replace(/(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?/g, '');
    return !/[\u4e00-\u9fff]{2}/.test(text);
  });
}

const headers = new WeakMap<Element, Node[]>();

/** A table's rows holding no link (its header rows), kept per table: every link of the table asks. */
function headerRows($: Doc, table: Node): Node[] {
  const el = table.get(0) as Element;
  let rows = headers.get(el);
  if (!rows) {
    rows = table
      .find('tr')
      .toArray()
      .map((r) => $(r as Element))
      .filter((r) => r.find('a[href]').length === 0);
    headers.set(el, rows);
  }
  return rows;
}

export interface CellTitle {
  title: string;
  /** A year column's cell under a heading that names no report ("信息公开"): only the page it opens can tell. */
  maybe?: boolean;
}

/** The title of a link in a grid table's cell, or null when the link is not in such a cell. */
export function tableCellTitle($: Doc, a: Node): CellTitle | null {
  const cell = a.closest('td');
  const row = cell.closest('tr');
  const table = row.closest('table');
  if (!cell.length || !table.length) return null;
  const cells = columns($, row);
  const at = cells.findIndex((c) => c.get(0) === cell.get(0));
  if (at <= 0) return null;
  // The header rows (no link): of a header of two rows (单位 | 年度报告 over the years, then 2024年 | 2023年), the one
  // naming this column's year.
  const heads = headerRows($, table)
    .filter((r) => r.get(0) !== row.get(0))
    .map((r) => squash(columns($, r)[at]?.text() ?? ''));
  if (!heads.length) return null;
  // The row's head: its first cell, or the first after a 序号 cell of a number alone.
  const headAt = INDEX_CELL.test(squash(cells[0]!.text())) && at > 1 ? 1 : 0;
  const rowHead = squash(cells[headAt]!.text());
  const colHead = heads.find((h) => yearOnly(h) !== null) ?? heads[0]!;
  if (!(/[\u4e00-\u9fff]{2}/.test(rowHead) || yearOnly(rowHead)) || !colHead || rowHead.length > 40 || colHead.length > 40) return null;
  const year = yearOnly(colHead);
  const source = `（汇总表“${rowHead}”行“${colHead}”列）`;
  // Rows of years, columns of kinds (年度 | 报告全文 | 报告解读, each cell "全文" / "PDF" / "解读", round 47a): the cell is
  // its column's kind of the row's year of what the table's own heading names (政府信息公开年报; a table of 政府网站工作
  // 年度报表 beside it names those), titled so: the words say which is a report.
  const rowYear = yearOnly(rowHead);
  if (rowYear && !year && namesNothingElse($, cells, at)) {
    const subject = nearestHeading($, table);
    if (subject) return { title: `${rowYear}年度${subject}（${colHead}）${source}` };
    if (tableNamesReports($, table)) return { title: `${rowYear}年度政府信息公开工作年度报告（${colHead}）${source}`, maybe: true };
    return { title: `${rowHead}${colHead}` };
  }
  // Rows of units, columns of kinds (单位 | 正文 | 附件 | 解读), under a heading naming the reports of one year (a
  // county's "2024年度政府信息公开工作年度报告发布情况一览表", round 67a): the unit's report of that year, its file, or
  // its 解读, titled so, on every page of the table (a later page may hold one link a row).
  const kind = KIND_COLUMN.exec(colHead)?.[0];
  const headingYear = kind && !year ? tableYear($, table) : null;
  if (kind && headingYear) {
    const report = `${rowHead}${headingYear}年度政府信息公开工作年度报告`;
    return { title: COMPANION_COLUMN.test(kind) ? `${report}${kind}` : `${report}（${colHead}）${source}` };
  }
  // Any other table with one link a row is a list, which the row's text titles.
  if (!isGrid($, table)) return null;
  if (year && REPORT_ROW.test(rowHead)) return { title: `${year}年度政府信息公开工作年度报告${source}` };
  if (year && DOCUMENT_ROW.test(rowHead)) return { title: `${year}年度${rowHead}${source}` };
  if (year && tableNamesReports($, table)) return { title: `${rowHead}${year}年度政府信息公开工作年度报告${source}` };
  // The same grid under a neutral heading ("信息公开", beside other documents): an agency's cell of a year may be its
  // report, or any other yearly document; its page is read to decide, never the cell alone.
  const agencyRow = isAgencyName(rowHead) || isZoneName(rowHead) || REGION.test(rowHead);
  return year && agencyRow ? { title: `${rowHead}${colHead}`, maybe: true } : { title: `${rowHead}${colHead}` };
}
