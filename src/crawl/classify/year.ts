/**
 * The year a report is ABOUT (报告年度), from its title, and a confirming year from its body.
 * Publication dates in titles ("（2024-01-20）", "2024年1月9日") are ignored: a 2023 report is published in 2024.
 */
import { chineseYearsToDigits, normalizeTitle } from './text.ts';

/** Reports exist from 2008 on (the 2007 条例); 2007 is allowed for the odd early report. */
export const FIRST_REPORT_YEAR = 2007;

export interface YearOptions {
  /** The latest acceptable year; defaults to the current year (early reports appear in December). */
  maxYear?: number;
}

/** Dates that say when something was published, not which year is reported. */
const PUBLICATION_DATES: readonly RegExp[] = [
  /(?<!\d)\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?(?!\d)/g, // 2024-01-20, 2024.1.9, 2024-01
  /(?<!\d)\d{4}年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?/g, // 2024年1月9日
];

/** Year candidates, best first. Each captures the year in group 1. */
const YEAR_PATTERNS: readonly RegExp[] = [
  /(?<!\d)(\d{4})(?:年度?)?(?=(?:政府信息公开|政务公开|信息公开|政府信息))/, // the year right before the report's subject
  /(?<!\d)(\d{4})年度?/, // year-first "2023年度XX局…", or any other "YYYY年"
  /[([【](\d{4})[)\]】]/, // "…年度报告（2023）"
  /(?:报告|年报)[-—–_:：]?(\d{4})$/, // a bare year after the report: "政府信息公开工作年度报告2022"
];

/** The text without publication dates; expects a normalised title (see normalizeTitle). */
export function withoutPublicationDates(text: string): string {
  return PUBLICATION_DATES.reduce((t, date) => t.replace(date, ''), text);
}

/**
 * A year named as the publication's alone ("2025年发布", "2025年发布的政府信息公开工作年度报告": a menu of the years
 * the reports went up, round 73d): the reports are of the year before. Read only where the text names no other year.
 */
const PUBLISHED_IN = /(?<!\d)(\d{4})年度?(?:发布|公布)/;

export function parseReportYear(title: string, options: YearOptions = {}): number | null {
  const maxYear = options.maxYear ?? new Date().getFullYear();
  const text = withoutPublicationDates(normalizeTitle(title));
  const published = PUBLISHED_IN.exec(text);
  if (published && new Set(text.match(/(?<!\d)\d{4}(?!\d)/g)).size === 1) {
    const year = Number(published[1]) - 1;
    return year >= FIRST_REPORT_YEAR && year <= maxYear ? year : null;
  }
  for (const pattern of YEAR_PATTERNS) {
    const year = Number(pattern.exec(text)?.[1]);
    if (year >= FIRST_REPORT_YEAR && year <= maxYear) return year;
  }
  return null;
}

/**
 * The statistics period stated in a report body: "统计期限为2023年1月1日至2023年12月31日",
 * "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止". Both ends must fall in the same year.
 */
const BODY_PERIOD =
  /(?:统计(?:期限|时限|时间|区间|期间|周期)|所列数据)[^。；\n]{0,20}?(\d{4})年0?1月0?1日起?(?:至|到|[-—–~～])(\d{4})年12月\d{1,2}日/g;

export function yearFromBody(text: string, options: YearOptions = {}): number | null {
  const maxYear = options.maxYear ?? new Date().getFullYear();
  const flat = chineseYearsToDigits(text.normalize('NFKC')).replace(/\s+/g, '');
  for (const m of flat.matchAll(BODY_PERIOD)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (from === to && from >= FIRST_REPORT_YEAR && from <= maxYear) return from;
  }
  return null;
}

/**
 * The year of the report the body names itself ("现将本机关2023年政府信息公开工作年度报告公布如下"), when every such
 * mention agrees: the last resort for a report whose titles carry no year and whose body states no statistics period.
 */
const BODY_REPORT_NAME = /(?<!\d)(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告/g;

export function yearNamedInBody(text: string, options: YearOptions = {}): number | null {
  const maxYear = options.maxYear ?? new Date().getFullYear();
  const flat = withoutPublicationDates(chineseYearsToDigits(text.normalize('NFKC')).replace(/\s+/g, ''));
  const years = new Set([...flat.matchAll(BODY_REPORT_NAME)].map((m) => Number(m[1])));
  const [year] = years;
  return years.size === 1 && year! >= FIRST_REPORT_YEAR && year! <= maxYear ? year! : null;
}

/**
 * A year guessed from a publication date, written into a title that had none (families/bare-report-year.ts):
 * "政府信息公开工作年度报告（2022年度：据发布日期2023-01-18推定）" — the title says it is a guess.
 */
const GUESSED_YEAR = /[（(]((?:19|20)\d{2})年度[：:]据发布日期[\d-]+推定[）)]/;

export function withGuessedYear(title: string, year: number, date: string): string {
  return `${title}（${year}年度：据发布日期${date}推定）`;
}

/** A SQL LIKE pattern matching the titles withGuessedYear writes (the catalog counts them: runs.ts guessedReports). */
export const GUESSED_YEAR_LIKE = '%据发布日期%推定%';

/** The year a title carries only as a guess from its publication date; null when none. */
export function guessedYear(title: string): number | null {
  const m = GUESSED_YEAR.exec(title);
  return m?.[1] ? Number(m[1]) : null;
}

/** The guess a title carries ("（2022年度：据发布日期2023-01-18推定）"), or "" when none. */
export function guessOf(title: string): string {
  return GUESSED_YEAR.exec(title)?.[0] ?? '';
}

/** The title without its guessed year: what the title itself says. */
export function withoutGuessedYear(title: string): string {
  return title.replace(GUESSED_YEAR, '');
}
