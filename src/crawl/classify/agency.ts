/**
 * The agency name as written in a report title: "宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告"
 * → "宜春市国防动员办公室". No expansion or normalisation beyond clean-up; see registry/normalize.ts for keys.
 */
import { chineseYearsToDigits, normalizeTitle, TRUNCATION } from './text.ts';
import { withoutPublicationDates } from './year.ts';

/** Where the report's subject starts: 政府信息公开工作年度报告, 政务公开年报, 信息公开工作情况报告 … */
const SUBJECT = /(?:政府信息公开|政务公开|信息公开)(?:和政务公开)?(?:工作)?(?:年度|年报|情况|报告)/;
/** Fallback for titles cut before the subject: the reported year ("…办公室2023年政府信…"). */
const YEAR = /\d{4}年/;

/** Bracketed notes that are not part of a name: dates, 全文 (full text), 修订 (revised), 附件 (attachment) … */
const BRACKETED_NOTE = /[([【]([^()[\]【】]*(?:\d|全文|修订|更正|正式|附件|版|pdf|doc)[^()[\]【】]*)[)\]】]/gi;
/**
 * An agency's second name in brackets right after its first (一个机构两块牌子: "北京市园林绿化局（首都绿化委员会办公室）
 * 2023年…"): the body reports under its first name, and the two names run together are nobody's.
 */
const SECOND_NAME = /[([【]([^()[\]【】]{2,40})[)\]】]/g;
/** A bracketed tag opening a title: 【政务公开】, [转载], 【图文】. */
const LEADING_TAG = /^[([【]([^()[\]【】]{1,12})[)\]】]/;
/** Quote and bracket marks left after the notes are gone: 《…》, “…”, 【…】. */
const WRAPPERS = /[()[\]【】《》“”"'‘’「」『』]/g;

/** What may sit between the agency and the subject: a year, 年度, 关于 (about), 的, a separator. */
const TRAILING = /(?:\d{4}年?度?|年度|关于|的|[:：\-—–_|·,，、/])$/;
/** What may sit before the agency: a year-first title "2023年度XX局…", 关于, the verb of a notice that publishes the
 * report ("关于公布XX局2023年…年度报告的公告"), a separator. */
const LEADING = /^(?:\d{4}年?度?|关于|(?:公布|发布|印发|转发|公开|刊发|刊登|公示)(?=\p{Script=Han}{2})|[:：\-—–_|·,，、/])/u;
/** An item's number in an attachment list or a numbered list, before the name: "1.", "2、", "附件3：", "附件：". Four
 * digits are a year (LEADING), so at most three here, and the mark after them is required. */
const ITEM_NUMBER = /^(?:附件\s*\d{0,3}\s*[:：.．、]?|\d{1,3}\s*[.．、])\s*/u;

/** Words that stand for the agency without naming it (我局 "our bureau", 本机关 "this organ" …). */
const NOT_A_NAME = /^(?:本机关|本单位|本部门|本级政府|我局|我办|我委|我厅|我院|我部|我区|我县|我市|我镇|我乡|我街道|本局|本办|本委|本院|本区|本县|本市|政府|全区|全县|全市)$/;

/** Names of many agencies at once, a summary's subject, not one agency: 县直各部门, 各乡镇, 市直部门, 直属单位, 各区,
 * 各部门、各街道（镇） (its brackets dropped: 各街道镇), 县直部门及乡镇. */
const COLLECTIVE = /(?:各(?:级|有关)?(?:部门|单位|乡镇|乡|镇|街道(?:镇|乡镇)?|镇街|街镇|委办局|机关|区|县)|[省市县区旗]直(?:各)?(?:部门|单位|机关)|(?:直属|所属|下属)(?:部门|单位))$|[省市县区旗]直各?(?:部门|单位|机关)(?:及|和|与|、)/;

/** Whether a name only points at the agency ("我局") instead of naming it. */
export function isPlaceholderName(name: string): boolean {
  return NOT_A_NAME.test(name.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * Words in the scripts of the autonomous regions' own languages (藏文, 蒙古文, 维吾尔文 / 哈萨克文, 彝文): their sites
 * title a report in both languages ("ཉིང་ཁྲི་གྲོང་ཁྱེར།… 林芝市教育局2024年…"), and the Chinese part alone names the agency
 * as the registry spells it.
 */
const OTHER_SCRIPTS = /[\p{Script=Tibetan}\p{Script=Mongolian}\p{Script=Arabic}\p{Script=Yi}]+/gu;

export function agencyFromTitle(title: string): string | null {
  let text = withoutPublicationDates(normalizeTitle(title).replace(OTHER_SCRIPTS, '')).replace(TRUNCATION, '');
  text = text.replace(BRACKETED_NOTE, '');
  // A column's or a repost's tag before the title ("【政务公开】…", "[转载]…": a WeChat post, round 67c) names no one;
  // a bracketed agency there ("【县卫健局】2024年度…") does.
  text = text.replace(LEADING_TAG, (whole, inner: string) => (isAgencyName(inner) ? whole : ''));
  text = text.replace(SECOND_NAME, (whole, inner: string, at: number) => (isAgencyName(inner) && AGENCY_SUFFIX.test(text.slice(0, at)) ? '' : whole));
  const bracketed = bracketSignature(text);
  text = text.replace(WRAPPERS, '');
  const cut = SUBJECT.exec(text) ?? YEAR.exec(text);
  if (!cut) return null;
  let name = text.slice(0, cut.index).replace(ITEM_NUMBER, '');
  for (let prev = ''; prev !== name; ) {
    prev = name;
    name = name.replace(TRAILING, '').replace(LEADING, '');
  }
  if (name.length < 2 || !/\p{Script=Han}/u.test(name) || NOT_A_NAME.test(name) || COLLECTIVE.test(name)) return signedAgency(text, cut) ?? bracketed;
  return name;
}

/** The title's last bracketed words, closing it: "2024年度政府信息公开工作年度报告（八宿县教育局）" (NFKC: ASCII brackets). */
const LAST_BRACKETS = /[([【]([^()[\]【】]{3,40})[)\]】]$/;

/**
 * An agency signing the title in brackets after its subject, as a dash signs it (signedAgency): templates that put
 * the year first and the publisher last write "…年度报告（某县教育局）". Only a name read as an agency's counts, and
 * only after the subject: brackets before it hold a second name or a note, handled above.
 */
function bracketSignature(text: string): string | null {
  const m = LAST_BRACKETS.exec(text);
  if (!m) return null;
  const subject = SUBJECT.exec(text);
  if (!subject || subject.index > m.index) return null;
  const name = m[1]!;
  return isAgencyName(name) && !NOT_A_NAME.test(name) && !COLLECTIVE.test(name) && !SUBJECT.test(name) ? name : null;
}

/** An agency signing the title after its subject: "2024年度政府信息公开工作年度报告—县自然资源和规划局". */
const SIGNATURE = /^[^—–\-－_|]*[—–\-－_|]+\s*([^—–\-－_|]{3,40})$/;

/**
 * Older county sites title a department's report year first and sign it at the end, after a dash, often by the
 * county's short form (县自然资源和规划局): when nothing names an agency before the subject, the signature after it does.
 */
function signedAgency(text: string, cut: RegExpExecArray): string | null {
  const m = SIGNATURE.exec(text.slice(cut.index));
  const name = m?.[1]?.trim();
  return name && isAgencyName(name) && !NOT_A_NAME.test(name) && !COLLECTIVE.test(name) ? name : null;
}

/** An organisation's name ends in one of these (局, 委员会, 办公室, 人民政府, 街道办事处 …). */
const AGENCY_SUFFIX = /(局|委员会|委|办公室|办公厅|办|厅|署|院|中心|人民政府|政府|街道办事处|街道|镇|乡|苏木|管委会|管理委员会|队|所|站|会|部)$/;

/** Whether a short text reads as an organisation's name (a discovered agency, an aggregator's link text). */
export function isAgencyName(name: string): boolean {
  return name.length >= 3 && name.length <= 40 && AGENCY_SUFFIX.test(name.normalize('NFKC').replace(/\s+/g, ''));
}

/** Zones run by an administration that publishes its own reports (鄂尔多斯市恩格贝生态示范区, 经济技术开发区 …). */
const ZONE_SUFFIX = /(示范区|开发区|高新区|高新技术产业开发区|新区|园区|管理区|保税区|试验区|合作区|风景区|度假区)$/;

/** A discovered agency's name may also be a zone's (a zone's administration reports under the zone's name). */
export function isZoneName(name: string): boolean {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  return n.length >= 4 && n.length <= 40 && ZONE_SUFFIX.test(n);
}

/** A region's name standing for its government in a heading: 鄂尔多斯市, 内蒙古自治区, 洪泽区. */
const REGION_SUFFIX = /(省|市|自治区|自治州|州|盟|区|县|自治县|旗|自治旗)$/;

/** Words of a sentence, not of a heading: "现将我局…", "现公布…", "根据…". */
const NARRATIVE = /我|现将|现予|公布|发布|根据|按照|依据|为了|特此|如下/;

/** How far into a document its heading may start: past a line or two of page furniture, not into the narrative. */
const HEADING_WINDOW = 120;

/**
 * The agency named by a document's own heading: the first lines of its text, "洪泽区人民政府 / 2023 年政府信息公开工作
 * 年度报告" (often on two lines). Only a heading counts: the subject must come within the first lines, and the words
 * before it must be a name on their own, so a narrative ("我局2023年…", "本报告由…编制") names nothing.
 */
export function agencyFromHeading(text: string): string | null {
  // Whitespace is kept here (unlike titles): it separates the heading from what precedes it on the page.
  const head = chineseYearsToDigits(text.slice(0, HEADING_WINDOW * 2).normalize('NFKC'));
  const cut = SUBJECT.exec(head);
  if (!cut || cut.index > HEADING_WINDOW) return null;
  const before = head.slice(0, cut.index).replace(/\s*\d{4}\s*年?\s*度?\s*$/, '').trim();
  // The heading is the last run before the subject; breadcrumbs or a site name may precede it on earlier lines.
  const run = before.split(/\s+|[>›»|，。、；：,;:！？!?]/).pop() ?? '';
  const name = agencyFromTitle(`${run}${cut[0]}`);
  if (!name || isPlaceholderName(name) || NARRATIVE.test(name) || name.length > 30) return null;
  return isAgencyName(name) || isZoneName(name) || REGION_SUFFIX.test(name) ? name : null;
}

/**
 * An agency's own internal unit named without its owner: 办公室, 局办公室, 综合科, 政策法规科, 信息中心 … (来源：办公室 on a
 * bureau's article). It is the page's agency speaking, not another agency: it names nobody the crawl can place.
 */
const INTERNAL_UNIT =
  /^(?:本|我)?(?:局|委|厅|办|院|部|署|机关)?(?:办公室|办公厅|综合(?:科|处|股|室|部|办)|秘书(?:科|处|股)|(?:政策)?法(?:规|制)(?:科|处|股)|(?:政策|政务|信息|宣传|新闻)?(?:公开)?(?:科|处|股)|(?:政务)?公开办|(?:信息|数据|网络|宣传)中心|网站(?:管理员|编辑部|管理办公室))$/;

export function isInternalUnit(name: string): boolean {
  return INTERNAL_UNIT.test(name.normalize('NFKC').replace(/\s+/g, ''));
}

/**
 * Labels that may follow the publisher's name in the same cell: 发布时间, 浏览次数, 字号 …, a page's controls in
 * brackets (【打印】【关闭】, round 85c), and a bare date: "<span>来源：某局</span><span>2024-01-19</span>" reads as one
 * cell's text with the date glued to the name (round 100c's mobile pages), and no agency's name holds a date.
 */
const AFTER_PUBLISHER =
  /(?:(发布时间|发布日期|日期|时间|浏览|点击|阅读|字号|来源|作者|责任编辑)[:：]?|[【[](?:打印|关闭|收藏|分享|字体|大|中|小)|(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}).*$/;

/** The agency named by a page's publisher field (发布机构 / 来源 / ContentSource), or null when it names none. */
export function publisherName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.normalize('NFKC').replace(AFTER_PUBLISHER, '').trim();
  const first = text.split(/\s{2,}|[|｜/、,，;；]/)[0]?.replace(/\s+/g, '') ?? '';
  if (first.length < 2 || !/\p{Script=Han}/u.test(first) || isPlaceholderName(first)) return null;
  // 本网, 本站, 原创, 人民网: where the text came from, not who published the report.
  if (/^(本网|本站|原创|转载|网站|门户网站)$/.test(first) || /(网|报|社|台)$/.test(first)) return null;
  if (isInternalUnit(first)) return null;
  return first;
}
