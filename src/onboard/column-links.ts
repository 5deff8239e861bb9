/**
 * Which links of a portal page lead towards annual-report columns. Pure: text and URL in, a kind out.
 * - `column`: a menu entry naming the annual reports (政府信息公开年报, 年度报告, 信息公开年报, 政务公开年报, 年报,
 *   and collection titles such as "2024年度市直部门政府信息公开工作年度报告");
 * - `year`: a bare year ("2024", "2024年", "2024年度") under a report column: a per-year column;
 * - `department`: an agency's name under a report column: a per-department column;
 * - `nav`: a way towards them (政府信息公开, 政务公开, 信息公开目录, 法定主动公开内容 …, the agencies of a
 *   部门信息公开 menu, and a 关怀版 page's way back to the standard site: 返回标准版);
 * - `language`: the Chinese version of a page in another language (汉文 / 中文 on a Tibetan or Uyghur site's page),
 *   read as the page itself would be (chineseVersionLink; the explorer decides whether the page is in another language);
 * - null: anything else.
 */
import { agencyFromTitle, isAgencyName } from '../crawl/classify/agency.ts';
import { normalizeTitle } from '../crawl/classify/text.ts';
import { classifyTitle } from '../crawl/classify/title.ts';
import { parseReportYear } from '../crawl/classify/year.ts';
import { isFileUrl } from '../crawl/list-page.ts';

export type LinkKind = 'column' | 'year' | 'department' | 'nav' | 'language';

/** Menu labels of an annual-report column. */
const COLUMN_LABEL = /(?:政府信息公开|信息公开|政务公开)(?:工作)?(?:年度报告|年报)|^(?:部门|县区|区县|乡镇|镇街|市直)?(?:单位)?(?:年度报告|年报)(?:专栏)?$|^公开(?:工作)?(?:年度报告|年报)$/;
/** Reports of other kinds share the words 年报 / 年度报告. */
const OTHER_REPORTS = /统计|企业|决算|预算|网站|年鉴|信用|国有资产|社会责任|人大|政协/;
/** Menus that lead towards the disclosure columns. */
const NAV_LABEL = /政府信息公开|政务公开|信息公开|公开目录|主动公开|法定主动|部门信息|县区信息|乡镇信息|部门公开|^部门$|^县区$|^乡镇$/;
/** Disclosure pages that never hold the reports. */
const NAV_EXCLUDED = /指南|制度|规定|申请|意见箱|依申请|目录检索|检索|专题|解读|平台|系统/;
const BARE_YEAR = /^(?:19|20)\d{2}(?:年度?|年度报告|年报)?$/;

/**
 * The link from a site's other version (关怀版 / 长者版 / 无障碍 for the elderly, round 42c) back to the standard one:
 * 返回标准版, 标准版, 退出关怀版. The other version keeps a few big buttons, its own 年报 page often empty; the
 * standard site's menus lead on.
 */
const STANDARD_VERSION =
  /^(?:(?:返回|切换(?:到|至)?|进入|回到)?(?:标准版|普通版|常规版|电脑版|pc版|桌面版)(?:网站|首页|页面)?|退出(?:关怀版|长者版|适老版|长辈版|老年版|关怀模式|长者模式|适老模式|无障碍(?:模式|版|浏览)?))$/i;

/** A menu label's length at most ("某某县人民政府信息公开", "法定主动公开内容", "部门政府信息公开目录"). */
const MAX_NAV_LABEL = 16;

/** Menus that list agencies (部门信息公开, 县区政府信息公开): their agency links lead to those agencies' pages. */
export const AGENCY_DIRECTORY = /部门|县区|区县|乡镇|镇街|单位/;

export function linkKind(text: string, url: string, underReportColumn: boolean, underAgencyDirectory = false): LinkKind | null {
  const t = normalizeTitle(text);
  if (!t || t.length > 60 || isFileUrl(url)) return null;
  if (underReportColumn && BARE_YEAR.test(t)) return 'year';
  const verdict = classifyTitle(t);
  // A document of another kind titled with its year (图解：某区2024年政府信息公开工作年度报告, a notice on compiling the
  // reports, 某区2024年政务公开工作要点) is an item: its words name the column or the disclosure menus, but a menu
  // label carries no such year, and its page leads nowhere (round 39c).
  if (verdict.excluded && parseReportYear(t) !== null) return null;
  if (COLUMN_LABEL.test(t) && !OTHER_REPORTS.test(t)) {
    // A report's own title (it names an agency and a year) is a report, not a column; a collection's, or a
    // label without a year ("市教育局政府信息公开年报"), is a column.
    if (!verdict.isReport || parseReportYear(t) === null || agencyFromTitle(t) === null || /部门|县区|区县|乡镇|市直|汇总|专栏/.test(t)) return 'column';
    return null;
  }
  if (underReportColumn && isAgencyName(t)) return 'department';
  if (underAgencyDirectory && isAgencyName(t)) return 'nav';
  // A menu's label is short: a news item's title naming 政府信息公开 ("庆阳市2023年度政府信息公开工作新闻发布会",
  // round 48c) is an item, not a way towards the columns.
  if (NAV_LABEL.test(t) && !NAV_EXCLUDED.test(t) && t.length <= MAX_NAV_LABEL) return 'nav';
  if (STANDARD_VERSION.test(t)) return 'nav';
  return null;
}

/** A language bar's link to the Chinese version: 汉文, 中文, 中文版, 简体中文, 切换到汉文 (Chinese). */
const CHINESE_VERSION = /^(?:切换(?:到|至)?|进入)?(?:汉文|中文|汉语|简体中文|中文简体|简体)(?:版|网站|网|页面)?(?:chinese)?$/i;

/** Whether a link's text names the Chinese version of the site (meaningful on a page in another language only). */
export function chineseVersionLink(text: string): boolean {
  return CHINESE_VERSION.test(normalizeTitle(text));
}

/**
 * Whether a page's text is mostly in another script than Chinese (Tibetan, Uyghur's Arabic script, Mongolian, Latin…):
 * its letters of other scripts outnumber its Han characters. A Chinese page's few Latin letters (ICP, RSS) do not.
 */
export function inOtherScript(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const other = text.match(/[^\P{L}\p{Script=Han}]/gu)?.length ?? 0;
  return other > han;
}

/** A place's own word for itself before a body's kind, as its sites shorten their units ("县财政局" on 泰和县's). */
const RELATIVE_PLACE = /^(?:县|市|区|旗|州|盟|自治县|自治州|自治旗)/;

/**
 * Whether a link's text names the agency: its full name, or its short form on its own place's site (the text the
 * name's end, opening with the place's kind: "县财政局" for 泰和县财政局, "区教育局" for 南关区教育局).
 */
export function namesAgency(text: string, agency: string): boolean {
  const t = normalizeTitle(text).replace(/\s/g, '');
  const name = normalizeTitle(agency).replace(/\s/g, '');
  if (!t || !name) return false;
  if (t === name) return true;
  return t.length >= 4 && t.length < name.length && RELATIVE_PLACE.test(t) && name.endsWith(t);
}

/** A directory and its index page are one page: /zwgk/nb/ and /zwgk/nb/index.html. */
export function sameColumnKey(url: string): string {
  return url.replace(/\/(?:index|default)\.(?:s?html?|jsp|php|aspx?)$/i, '/');
}
