/**
 * The subject of a register row: a table kept as a register (序号 | 单位名称 | 年度 | 信息类别 | 发布日期 | 下载) writes
 * no title anywhere, the agency, the year and the kind of document each in a cell of its own. The kind (the longest
 * cell that is neither a year nor an agency, "政府信息公开工作年度报告") is completed by the row's year cell ("2024",
 * "2024年度") when it names no year, and by its agency cell ("某县教育体育局") when it names no agency:
 * "某县教育体育局2024年度政府信息公开工作年度报告". A row with no kind cell at all (单位 | 年度 | 查看, the year
 * often a cell spanning its group's rows: row-cells.ts) is of the kind its table's heading names, when it names one.
 */
import { agencyFromTitle, isAgencyName, isZoneName } from './classify/agency.ts';
import { chineseYearsToDigits, yearOnly } from './classify/text.ts';

const NAMES_YEAR = /(?:19|20)\d{2}/;
/** A 类别 cell naming a kind of unit (区政府部门, 街道（镇）, 乡镇, 县直单位), the row's group: no subject. */
const UNIT_KIND = /^(?:[省市县区旗]?(?:政府)?(?:直属|所属)?(?:部门|单位|机关)|[省市县区旗]直(?:部门|单位|机关)?|(?:乡镇|街道|街镇|镇街|镇|乡|苏木)(?:[（(](?:乡镇|镇|乡)[)）])?|区县|县区)$/;

const digits = (t: string) => chineseYearsToDigits(t.normalize('NFKC'));
const yearOf = (cell: string) => yearOnly(cell) ?? undefined;
const isAgencyCell = (cell: string) => isAgencyName(cell) || isZoneName(cell);

/** Whether one of a row's cells is a year and nothing else. */
export const hasYearCell = (cells: string[]) => cells.some((c) => yearOf(c) !== undefined);

/**
 * The title a register row gives its link, from its cells' texts (the link's own and the dates left out); null when
 * the row has no year cell nor agency cell, or no cell besides them (a list's row: its longest cell titles it) unless
 * `tableKind` (what the table's heading names: "政府信息公开工作年度报告") stands for the kind of a row naming both.
 */
export function registerRowTitle(cells: string[], tableKind?: string, tableYear?: number): string | null {
  // A row naming no year is of the year its table's heading names, when that heading names the reports.
  const year = cells.map(yearOf).find(Boolean) ?? (tableKind ? tableYear : undefined);
  const agency = cells.find(isAgencyCell);
  if (!year && !agency) return null;
  const subject = cells
    .filter((c) => /[\u4e00-\u9fff]/.test(c) && !yearOf(c) && !isAgencyCell(c) && !UNIT_KIND.test(c.replace(/\s+/g, '')))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  if (subject.length < 2) return year && agency && tableKind ? `${agency}${year}年度${tableKind}` : null;
  const withYear = !NAMES_YEAR.test(digits(subject)) && year ? `${year}年度` : '';
  const withAgency = !agencyFromTitle(subject) && agency ? agency : '';
  return `${withAgency}${withYear}${subject}`;
}
