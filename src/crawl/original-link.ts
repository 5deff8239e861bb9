/**
 * A row of an interpretation (政策解读：…年度报告, 一图读懂《…年度报告》) whose second link, a small [原文], is the report
 * itself (a Tianjin district's column, round 71a: the district's 2024 report and a bureau's 2023 one were linked only
 * so). Titled by its row, the 原文 link took the interpretation's title and was passed over as one; it is the report
 * the interpretation names.
 */
import { classifyTitle } from './classify/title.ts';
import { squash } from './html.ts';

/** A link saying only that it opens the original: [原文], 原文链接, 查看原文, 报告原文. */
export const ORIGINAL_LINK = /^[[【(（]?(?:原文|查看原文|原文链接|报告原文)[\]】)）]?$/;

/** Words that make a title an interpretation of the report it names. */
const INTERPRETATION = /^(?:政策)?(?:解读|图解|一图读懂|一图看懂|图说)[：:｜|·\s]*|[：:｜|·\s]*(?:的)?(?:政策)?(?:解读|图解)$/g;

/** The report an interpretation's title names: the title in its 《》, else the title less its interpretation words; null
 * when that is no report's title. */
export function originalTitle(interpretation: string): string | null {
  const quoted = /《([^》]{6,80})》/.exec(interpretation)?.[1];
  const named = squash(quoted ?? interpretation.replace(INTERPRETATION, ''));
  return named !== interpretation && classifyTitle(named).isReport ? named : null;
}
