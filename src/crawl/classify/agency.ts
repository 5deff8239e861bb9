/**
 * The agency name as written in a report title: "宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告"
 * → "宜春市国防动员办公室". No expansion or normalisation beyond clean-up; see registry/normalize.ts for keys.
 */
import { normalizeTitle, TRUNCATION } from './text.ts';
import { withoutPublicationDates } from './year.ts';

/** Where the report's subject starts: 政府信息公开工作年度报告, 政务公开年报, 信息公开工作情况报告 … */
const SUBJECT = /(?:政府信息公开|政务公开|信息公开)(?:和政务公开)?(?:工作)?(?:年度|年报|情况|报告)/;
/** Fallback for titles cut before the subject: the reported year ("…办公室2023年政府信…"). */
const YEAR = /\d{4}年/;

/** Bracketed notes that are not part of a name: dates, 全文 (full text), 修订 (revised), 附件 (attachment) … */
const BRACKETED_NOTE = /[([【]([^()[\]【】]*(?:\d|全文|修订|更正|正式|附件|版|pdf|doc)[^()[\]【】]*)[)\]】]/gi;
/** Quote and bracket marks left after the notes are gone: 《…》, “…”, 【…】. */
const WRAPPERS = /[()[\]【】《》“”"'‘’「」『』]/g;

/** What may sit between the agency and the subject: a year, 年度, 关于 (about), 的, a separator. */
const TRAILING = /(?:\d{4}年?度?|年度|关于|的|[:：\-—–_|·,，、/])$/;
/** What may sit before the agency: a year-first title "2023年度XX局…", 关于, a separator. */
const LEADING = /^(?:\d{4}年?度?|关于|[:：\-—–_|·,，、/])/;

/** Words that stand for the agency without naming it. */
const NOT_A_NAME = /^(?:本机关|本单位|我局|我办|我委|我厅|本局|本办|政府)$/;

export function agencyFromTitle(title: string): string | null {
  let text = withoutPublicationDates(normalizeTitle(title)).replace(TRUNCATION, '');
  text = text.replace(BRACKETED_NOTE, '').replace(WRAPPERS, '');
  const cut = SUBJECT.exec(text) ?? YEAR.exec(text);
  if (!cut) return null;
  let name = text.slice(0, cut.index);
  for (let prev = ''; prev !== name; ) {
    prev = name;
    name = name.replace(TRAILING, '').replace(LEADING, '');
  }
  if (name.length < 2 || !/\p{Script=Han}/u.test(name) || NOT_A_NAME.test(name)) return null;
  return name;
}

/** An organisation's name ends in one of these (局, 委员会, 办公室, 人民政府, 街道办事处 …). */
const AGENCY_SUFFIX = /(局|委员会|委|办公室|办公厅|办|厅|署|院|中心|人民政府|政府|街道办事处|街道|镇|乡|苏木|管委会|管理委员会|队|所|站|会|部)$/;

/** Whether a short text reads as an organisation's name (a discovered agency, an aggregator's link text). */
export function isAgencyName(name: string): boolean {
  return name.length >= 3 && name.length <= 40 && AGENCY_SUFFIX.test(name.normalize('NFKC').replace(/\s+/g, ''));
}
