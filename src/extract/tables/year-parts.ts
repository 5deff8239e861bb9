/**
 * A chapter printing last year's table BEFORE this year's (blind round 13): under captions ("2023年度同期数据（对照）",
 * then "2024年度数据", b99) or with each table topped by a row naming only its year ("2023年度" / "2024年度", b104).
 * Read from the chapter's start, 二, 三 and 四 all came from last year's table (110 and 116 figures), and last year's
 * figures add up, so no check saw it. comparison.ts handles a caption AFTER this year's table. Round 14 (b105): the
 * titles may name the table too ("2023年度政府信息公开申请情况表" over last year's, "2024年度…" over this year's): seen
 * only as bare year titles, 119 figures came from last year's tables.
 */
import { labelKey } from '../text.ts';
import type { Line } from '../types.ts';
import { COMPARE } from './comparison.ts';
import { hasFigures } from './tokens.ts';

/**
 * A line that is only a year's title: the year, 年 or 年度, and at most the words of a caption (同期, 数据, 情况,
 * 统计, a comparison word), optionally after 附： or a list number. Prose, dates and rows with figures do not match.
 */
const YEAR_TITLE = /^(?:附[:：]?)?(?:\(?[一二三四五六七八九十]{1,2}\)?[、.]?)?((?:19|20)\d{2})年度?(?:同期)?(?:统计)?(?:数据|情况)?(?:\((?:对照|对比|比较)\)|对照|对比|比较)?[:：]?$/;
/** Caption lines are short; the longest the pattern allows is about this. */
const MAX_TITLE = 24;
/**
 * A year's title naming its table: the year first, then words only (no figure, no sentence punctuation; 、 and
 * quotes as in table names), ending as a table's name does (…表, …情况, …数据), optionally a comparison in brackets:
 * "2023年度政府信息公开申请情况表", "2024年主动公开政府信息情况统计表". Prose ("2024年度，本机关…", "…情况如下") does not.
 */
const NAMED_YEAR_TITLE = /^(?:附[:：]?)?(?:\(?[一二三四五六七八九十]{1,2}\)?[、.]?)?((?:19|20)\d{2})年度?[\u4e00-\u9fff、"]{2,30}(?:表|情况|数据)(?:\((?:对照|对比|比较)\))?[:：]?$/;
const MAX_NAMED_TITLE = 40;

interface YearTitle {
  line: number;
  year: number;
  compare: boolean;
}

function yearTitles(lines: Line[], from: number, to: number): YearTitle[] {
  const out: YearTitle[] = [];
  for (let i = from; i < to; i++) {
    // The whole line's text: "2023年度" alone is taken for a figure with a unit by the cell reader.
    const text = labelKey(lines[i]!.items.map((it) => it.text).join(''));
    const m = (text.length <= MAX_TITLE ? YEAR_TITLE.exec(text) : null) ?? (text.length <= MAX_NAMED_TITLE ? NAMED_YEAR_TITLE.exec(text) : null);
    if (m) out.push({ line: i, year: Number(m[1]), compare: COMPARE.test(text) });
  }
  return out;
}

/**
 * The part of a section [from, to) holding this year's table when the section holds tables titled by year: from the
 * title of the latest year named to the next title of another year. A report never prints a later year than its
 * own, so the latest year is this year's. A single comparison caption before the section's first figure line
 * (last year's table first, this year's not titled) leaves no part: which table is this year's is a guess, and the
 * section is left unreadable. Undefined when the section has no such titles (read it whole).
 */
export function thisYearPart(lines: Line[], from: number, to: number): { from: number; to: number } | undefined {
  const titles = yearTitles(lines, from, to);
  const years = new Set(titles.map((t) => t.year));
  if (years.size >= 2) {
    const latest = Math.max(...years);
    const first = titles.find((t) => t.year === latest)!;
    const next = titles.find((t) => t.line > first.line && t.year !== latest);
    return { from: first.line, to: next?.line ?? to };
  }
  const caption = titles.find((t) => t.compare);
  if (caption && titles.length === 1 && !hasFiguresIn(lines, from, caption.line)) return { from: caption.line, to: caption.line };
  return undefined;
}

function hasFiguresIn(lines: Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (hasFigures(lines[i]!)) return true;
  return false;
}
