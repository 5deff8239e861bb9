/**
 * Text clean-up shared by the title classifiers: NFKC (full-width digits and brackets to ASCII), Chinese-numeral
 * years to digits, and no whitespace (titles wrap lines and pad years: "2023 年", "宜春市…\n\n2023 年…").
 */

/** Digits as written in Chinese years; 〇, ○, 零 and a Latin O (after NFKC, Ｏ too) all mean zero. */
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  '〇': '0', '○': '0', '零': '0', O: '0', o: '0',
  一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** Exactly four Chinese numerals followed by 年 (year): 二〇二三年, 二O二三年. */
const CHINESE_YEAR = /(?<![〇○零Oo一二三四五六七八九])([〇○零Oo一二三四五六七八九]{4})(?=\s*年)/g;

export function chineseYearsToDigits(text: string): string {
  return text.replace(CHINESE_YEAR, (run) => [...run].map((ch) => CHINESE_DIGITS[ch] ?? ch).join(''));
}

/** A text that is a year and nothing else: 2024 / 2024年 / 2024年度 / ２０２４年 / 二〇二四年度. */
const YEAR_ONLY = /^((?:19|20)\d{2})\s*(?:年|年度)?$/;

/**
 * The year a cell, tab, heading or caption holds when it holds a year only (full-width digits and Chinese numerals
 * read as digits); null when it holds anything else.
 */
export function yearOnly(text: string): number | null {
  const m = YEAR_ONLY.exec(chineseYearsToDigits(text.normalize('NFKC')));
  return m ? Number(m[1]) : null;
}

/** Characters that show nothing (zero-width spaces and joiners, word joiner, BOM, soft hyphen): templates and editors
 * leave them inside titles ("2023\u200b年度"), where they would split the words the classifiers look for. */
export const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFKC, Chinese-numeral years as digits, all whitespace and invisible characters removed. */
export function normalizeTitle(title: string): string {
  return chineseYearsToDigits(title.normalize('NFKC')).replace(INVISIBLE, '').replace(/\s+/g, '');
}

/** Trailing marks of a title cut short by a list page: …, ⋯, ..., 。。。 */
export const TRUNCATION = /(?:…|⋯|\.{2,}|。{2,})+$/;
