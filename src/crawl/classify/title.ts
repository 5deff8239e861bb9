/**
 * Is a list item or page title an information-disclosure annual report (政府信息公开工作年度报告)?
 *
 * The rules are data: exclusions first (they win), then the report shapes. Titles are compared after
 * NFKC and with all whitespace removed, so "2023 年" and line-wrapped titles match.
 */
import { parseReportYear } from './year.ts';
import { normalizeTitle, TRUNCATION } from './text.ts';

export interface TitleVerdict {
  isReport: boolean;
  /**
   * A title cut before its suffix is unambiguous ("…2023年政府信息公开工作…") that may be a report: only its page's own
   * title can tell, so the page is fetched to decide (never catalogued on the cut title alone).
   */
  maybe?: boolean;
  /** A short English explanation, for logs and for reviewing misclassifications. */
  reason: string;
  /** An exclusion decided it: a document of another kind (a notice, a 图解, a plan, statistics), not a bare label. */
  excluded?: boolean;
  /**
   * The report's words alone, no agency, no year ("政府信息公开工作年度报告"): a column's label in a menu, but a list
   * row titled so (with a date, round 41a) may be one report whose page says the rest.
   */
  bareLabel?: boolean;
}

interface TitleRule {
  pattern: RegExp;
  reason: string;
  /** The shape is only a report when the title names a year (old-era "…政府信息公开工作报告"). */
  needsYear?: boolean;
}

/** Titles that mention reports (or look like them) but are something else. Checked first. */
/** A notice telling where and how the reports are consulted, or their archive (…年报查阅方式的说明, …年报归档目录). */
export const WHERE_REPORTS_ARE = /(?:年度报告|年报)[^，。；]{0,8}?(?:查阅|查询|获取|下载)(?:方式|途径|渠道|地址|入口|说明|指引)|(?:年度报告|年报)(?:归档|存档)(?:目录|文件夹|说明)?$/;

const EXCLUSIONS: readonly TitleRule[] = [
  { pattern: /决算|预算/, reason: 'budget or final accounts (预算/决算)' },
  { pattern: /关于(?:做好|印发|开展|报送|编制|发布|转发|抓好|认真做好|进一步做好|加强|规范)/, reason: 'a notice or instruction (关于做好/印发…)' },
  { pattern: /通知|通报|批复|复函|的函|函$/, reason: 'a notice, circular or reply (通知/通报/批复/函)' },
  { pattern: /解读|图解|一图读懂|一图看懂|图说|政策问答|答记者问|H5|长图/i, reason: 'interpretation material (解读/图解/一图读懂)' },
  { pattern: /工作要点|工作计划|工作方案|实施方案|工作安排/, reason: 'a plan, not a report (工作要点/计划/方案)' },
  { pattern: /工作总结/, reason: 'a general work summary (工作总结)' },
  { pattern: /统计(?:年报|公报|年鉴|快报|月报|季报|报表|表)|国民经济和社会发展/, reason: 'statistics (统计年报/公报/表)' },
  { pattern: /公开目录|公开指南|公开制度|公开规定|公开办法|实施细则/, reason: 'a disclosure guide, catalogue or rule (指南/目录/制度)' },
  // The rule about the reports ("…政府信息公开工作年度报告制度（2019年修订）", round 42c), not one of them.
  { pattern: /(?:年度报告|年报)(?:工作|发布|编制|报送)?(?:制度|办法|规定|规范|细则|规程)/, reason: 'a rule about the reports (年度报告制度/办法)' },
  { pattern: /社会责任报告/, reason: 'a corporate social-responsibility report' },
  { pattern: /(?:企业|市场主体|个体工商户|农民专业合作社|社会组织|事业单位|民办非企业)[^政]{0,6}(?:年度报告|年报)|年报公示/, reason: 'a registration annual filing (企业/事业单位年报)' },
  { pattern: /信用[^政公]{0,6}(?:年度报告|年报)|国有资产[^政公]{0,10}(?:报告|年报)|国资[^政公]{0,4}年报/, reason: 'a credit or state-assets report (信用/国有资产)' },
  { pattern: /人大代表|政协委员|代表建议|委员提案|建议办理|提案办理|建议的答复|提案的答复/, reason: 'replies to deputies or CPPCC proposals (建议/提案)' },
  { pattern: /征求意见|意见稿|草案|送审稿/, reason: 'a draft for comment (征求意见稿)' },
  // A call for the public's comments on a report, or a questionnaire about it ("关于征集2019年度…年度报告意见建议的公告",
  // round 54b: catalogued as a 2019 report where there was none).
  { pattern: /征集|意见(?:和|与|及)?建议|问卷|调查表/, reason: 'a call for comments or a questionnaire (征集意见建议/问卷)' },
  { pattern: /网站(?:工作)?年度报表|网站(?:工作)?年报|网站年度报告/, reason: 'a government-website annual statement (政府网站年度报表)' },
  // "…年度报告参考模板（2025年版）" too (round 52a: its body the six chapters with empty tables).
  { pattern: /(?:年度报告|年报)(?:的)?[(（【]?(?:参考|通用|标准)?(?:编制说明|编写说明|模板|样本|范本|范例|参考格式|格式)/, reason: 'a template or drafting guide for the reports (模板/编制说明)' },
  // An editor's test record left in a list ("【测试勿删】…年度报告（模板）", round 46b): no one's report.
  { pattern: /测试勿删|勿删|测试稿|测试数据|测试信息|^[[【(（]?测试[\]】)）]/, reason: "an editor's test record (测试勿删)" },
  { pattern: /评估(?:报告|结果|情况|表)|第三方评估|考核(?:结果|情况|办法|细则)|绩效考核|测评|督查|检查(?:情况|结果)|透明度指数|排名|抽查/, reason: 'an assessment or inspection (评估/考核/检查)' },
  // A superior office's review of the reports names them and goes on with what it did to them: "…年度报告评议结果",
  // "…年报发布情况核查结果", "…年度报告质量评查结果", "…年度报告点评", "…年度报告问题整改情况" (round 32a's probes).
  {
    pattern: /(?:年度报告|年报)的?(?:质量|发布|公开|编制|报送)?(?:情况)?的?(?:社会|问题)?(?:评议|评查|核查|审查|点评|整改)|(?:年度报告|年报)的?(?:发布|报送|编制)情况/,
    reason: 'a review of the reports (评议/评查/核查/点评/发布情况)',
  },
  // A notice correcting a published report ("关于2021年…年度报告的更正说明", "…年度报告勘误"): not the report, whose
  // year it would count as published (blind round 40a); the corrected report itself ("…年度报告（更正版/更正后）") is one.
  // A note on a revision ("关于《…年度报告》的修订说明", round 48a) is one too; the revised report ("…（修订版）") is one.
  { pattern: /更正(?:说明|声明|公告|启事|的说明)|勘误|关于更正|修(?:订|改|正)(?:的)?(?:情况)?(?:说明|声明|公告|启事)/, reason: 'a correction or revision notice of a report (更正说明/修订说明/勘误)' },
  // A report on part of a year ("…关于2025年第一季度政府信息公开工作情况的报告", "…上半年…", 月度): the annual report
  // covers the whole year (blind round 42b).
  { pattern: /(?:第?[一二三四1-4]|首)季度|[上下]半年|半年度|月度/, reason: 'a report on part of a year (季度/上半年/月度)' },
  { pattern: /召开|举办|举行|培训会|培训班|座谈|部署会|推进会/, reason: 'a news item about a meeting or training' },
  // A news post announcing a report ("“数”说2024｜河西区2024年…年度报告发布", a 政务新媒体 post mirrored on the site,
  // round 61c): the report is published elsewhere, the post tells of it.
  { pattern: /(?:年度报告|年报)(?:正式|已|今日|近日)?(?:发布|出炉|亮相|上线)(?:了|啦)?[!！。]?$|^[“"]?数[”"]?说/, reason: 'a news post announcing a report (…年度报告发布, 数说)' },
  // A study across several years' reports ("…年度报告（2020—2023年）数据对比分析", round 45a): a report covers one year.
  { pattern: /(?:19|20)\d{2}年?度?[—–\-~～至到](?:19|20)\d{2}年|(?:对比|比较|数据|统计)分析|分析报告|综述/, reason: 'a study across years of reports (2020—2023年, 对比分析)' },
  { pattern: /申请表|申请书|登记表|答复书|告知书/, reason: 'a form or reply document (申请表/告知书)' },
  // A citizen's letter or question about a report, and its reply ("对开原市2022年…年度报告中有关数据的疑问",
  // "关于…年度报告的咨询", "…年度报告的回复": a mayor's mailbox, round 47c): the report named, and asked about.
  { pattern: /(?:年度报告|年报)》?[^，。；]{0,12}?(?:疑问|咨询|提问|投诉|举报|反映|留言|回复|答复)(?!情况)/, reason: "a letter or question about a report, or its reply (疑问/咨询/回复)" },
  // A notice telling where and how the reports are consulted, or their archive ("关于…政府信息公开年报查阅方式的说明",
  // "…年报归档目录", round 70a): a page pointing to them (read as one of the column's lists: collection.ts), no report.
  { pattern: WHERE_REPORTS_ARE, reason: 'a notice on where the reports are (查阅方式/归档目录)' },
  // A letter asking where the reports are ("咨询在哪里能看到政府信息公开年度报告"): a page about them, no report.
  { pattern: /^(?:咨询|请问|询问|求助|反映)|在哪里|哪里(?:能|可以)|如何(?:查|看|找|获取)|怎么(?:查|看|找)/, reason: 'a letter asking about the reports (咨询/在哪里)' },
];

/** Shapes of the report's own title. */
const REPORT_SHAPES: readonly TitleRule[] = [
  { pattern: /政府信息公开(?:和政务公开)?(?:工作)?的?年度(?:工作)?报告/, reason: '…政府信息公开工作年度报告 / 政府信息公开年度报告 / 关于…工作的年度报告' },
  { pattern: /年度(?:政府)?信息公开工作报告/, reason: '…年度政府信息公开工作报告' },
  { pattern: /(?:政府)?信息公开(?:工作)?年报/, reason: '…政府信息公开年报' },
  { pattern: /政务公开(?:工作)?的?(?:年度报告|年报)/, reason: '…政务公开工作年度报告' },
  { pattern: /信息公开工作的?年度报告|信息公开年度报告/, reason: '…信息公开工作年度报告 (agency without 政府)' },
  // The year between the words and the report: "…政府信息公开工作2023年度报告".
  { pattern: /(?:信息|政务)公开(?:工作)?(?:19|20)\d{2}年度(?:工作)?报告/, reason: '…政府信息公开工作YYYY年度报告' },
  { pattern: /(?:政府信息|政务)公开工作(?:情况)?(?:的)?报告/, reason: 'YYYY年…政府信息公开工作(情况)报告 (2008–2018 era)', needsYear: true },
  // "…2024年政务信息公开工作开展年度报告" (round 79a): 政务信息公开, the work's 开展 before the report.
  { pattern: /(?:政府|政务)信息公开工作开展(?:情况)?的?(?:年度)?报告|政务信息公开(?:工作)?的?年度报告/, reason: 'YYYY年…政务信息公开工作开展年度报告', needsYear: true },
];

/**
 * Title cut short by the list page ("宜春市国防动员办公室2023年政府信息公开工作年度…"): it counts when what is left
 * ends with at least `minimal` of a report suffix. Shorter cuts are ambiguous: "…政府信息公开工作…" may be 工作要点.
 */
const TRUNCATED_SUFFIXES: ReadonlyArray<{ suffix: string; minimal: string }> = [
  { suffix: '政府信息公开工作年度报告', minimal: '政府信息公开工作年度' },
  { suffix: '年度政府信息公开工作报告', minimal: '年度政府信息公开工作报' },
  { suffix: '政府信息公开年度报告', minimal: '政府信息公开年度报' },
  { suffix: '政务公开工作年度报告', minimal: '政务公开工作年度' },
];

/**
 * A part of a report published as an item of its own: the report's title followed by 附件 / 附表 / 统计表
 * ("…2023年政府信息公开工作年度报告附件：统计表", "…年度报告（附表）"). It belongs to that report (its tables), so it
 * is the report's as much as the text is; a statistics table with no report title before it stays excluded.
 */
const PART_SPLIT = /^(.*(?:年度报告|年报|工作报告))(.+)$/;
const PART_TAIL = /^[的之]?[([【]?(?:(?:附件|附表)[一二三四五六七八九\d]*[:、.\-—_]?)?(?:\p{Script=Han}{0,12}?(?:统计表|附表|表格|数据表|情况表|统计数据|一览表))?[)\]】]?$/u;
const PART_WORD = /附件|附表|统计表|表格|数据表|情况表|统计数据|一览表/;

function reportPart(text: string): string | null {
  const m = PART_SPLIT.exec(text);
  if (!m?.[1] || !m[2] || !PART_WORD.test(m[2]) || !PART_TAIL.test(m[2])) return null;
  return classifyTitle(m[1]).isReport ? m[1] : null;
}

/** The title of the report a part belongs to ("…年度报告附件：统计表" → "…年度报告"), or null when the title is no part. */
export function reportOfPart(title: string): string | null {
  return reportPart(normalizeTitle(title));
}

/** The words a report's title goes on with after its year, before the report suffix. */
const DISCLOSURE_WORDS = ['政府信息公开', '政务公开', '信息公开'];

/**
 * A cut title whose last characters, after "YYYY年" or "YYYY年度", begin one of the disclosure words ("…2024年政府",
 * "…2024年度政务"): the cut fell inside them. A bare year at the end ("…2024年") is not enough (any notice may go on so).
 */
function cutInsideDisclosureWords(kept: string): boolean {
  const tail = /(?:19|20)\d{2}年度?([^\d]{1,5})$/.exec(kept)?.[1];
  return tail !== undefined && DISCLOSURE_WORDS.some((w) => w.length > tail.length && w.startsWith(tail));
}

/** What may stand before a column's name in a link back to it: nothing, or a navigation word (返回栏目：, 所属栏目：, 进入). */
export const NAV_BEFORE_LABEL = /^(?:(?:返回|回到|进入|前往|所属|当前)?(?:栏目|列表|频道|专栏)?(?:首页)?[：:\s>»›|\-—]*)?$/;

/** A level's or a kind of unit's word and nothing more: 区, 市政府, 县直部门, 区政府部门, 本级, 部门, 乡镇, 街道. */
const LEVEL_ONLY = /^(?:(?:省|市|县|区|旗|州|盟)(?:级|直|属|本级)?(?:人民)?(?:政府)?(?:直属|组成|工作)?(?:部门|单位|机关)?|本级|各?部门|各?单位|乡镇|街道|镇街)$/;

export function classifyTitle(title: string): TitleVerdict {
  const text = normalizeTitle(title);
  if (!text) return { isReport: false, reason: 'empty title' };
  if (reportPart(text) !== null) return { isReport: true, reason: "a part of a report published apart (its 附件 / 统计表): the report's" };
  for (const rule of EXCLUSIONS) {
    if (rule.pattern.test(text)) return { isReport: false, excluded: true, reason: `not a report: ${rule.reason}` };
  }
  const hasYear = parseReportYear(text) !== null;
  const kept = text.replace(TRUNCATION, '');
  for (const rule of REPORT_SHAPES) {
    const m = rule.pattern.exec(kept);
    if (!m) continue;
    if (rule.needsYear && !hasYear) return { isReport: false, reason: `not a report: ${rule.reason} without a year` };
    // A bare "政府信息公开年报" is a column (menu) label, not a report; so is one after a navigation word (a mobile
    // article's "返回栏目：政府信息公开年报 >", a "所属栏目：年报" line): no agency before it, no year (round 34c).
    // So is one after a level's word alone ("区政府信息公开年报", "部门信息公开年报": a portal's link to the district
    // government's column, round 45c), which names no agency.
    const before = kept.slice(0, m.index);
    if (!hasYear && (NAV_BEFORE_LABEL.test(before) || LEVEL_ONLY.test(before))) return { isReport: false, bareLabel: true, reason: 'not a report: a bare column label' };
    return { isReport: true, reason: rule.reason };
  }
  if (kept !== text) {
    for (const { suffix, minimal } of TRUNCATED_SUFFIXES) {
      for (let n = suffix.length - 1; n >= minimal.length; n--) {
        if (kept.endsWith(suffix.slice(0, n))) return { isReport: true, reason: `truncated ${suffix}` };
      }
    }
    // What is left names the disclosure work of a year: the page decides.
    if (hasYear && /(?:政府信息|政务|信息)公开/.test(kept)) return { isReport: false, maybe: true, reason: 'maybe: cut before the report suffix; the page title decides' };
    // Cut inside those words, right after the year ("林周县农业农村局2024年政府.."): as likely the report as the
    // 工作要点, and only the page can tell (an old template cutting every title at a fixed length, with no title=).
    if (hasYear && cutInsideDisclosureWords(kept)) return { isReport: false, maybe: true, reason: 'maybe: cut inside 政府信息公开 after the year; the page title decides' };
    return { isReport: false, reason: 'not a report: truncated before the report suffix is unambiguous' };
  }
  return { isReport: false, reason: 'not a report: no report suffix' };
}
