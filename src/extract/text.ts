/**
 * Text normalisation shared by every reader. Rules from extraction.md: NFKC (pdftotext and some producers emit
 * full-width digits), whitespace removed inside CJK labels (per-glyph PDFs give `勾稽 关 系`), and a fixed set of
 * tokens that mean "empty cell".
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Footnote marks a clerk puts after a figure ("143②", "3①", "12³"): NFKC would make them digits of the figure
 * ("1432", blind round 5, b44), so they are kept as they are (see NUMBER's trailing marks).
 */
const FOOTNOTE_DIGITS = '\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2460-\u2473\u2488-\u249b\u2776-\u2793\u3251-\u325f\u32b1-\u32bf';
const KEEP_FOOTNOTES = new RegExp(`[^${FOOTNOTE_DIGITS}]+`, 'g');

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A footnote number the source raises after a figure (HTML <sup>, a Word superscript run, a small raised PDF run):
 * joined as written it would become a digit of the figure ("143" + "1" read 1431, silently in 表二, whose single
 * figures no sum checks). Written as superscript digits it stays a mark (NUMBER's trailing marks). Only one or two
 * digits are a footnote number; other raised text is returned as it is.
 */
export function footnoteMark(raised: string): string {
  const t = raised.trim();
  return /^\d{1,2}$/.test(t) ? [...t].map((d) => SUPERSCRIPT[Number(d)]).join('') : raised;
}

/** NFKC plus unified whitespace (NBSP, ideographic space and zero-width characters become spaces or vanish). */
export function normalize(s: string): string {
  return s
    .replace(KEEP_FOOTNOTES, (run) => run.normalize('NFKC'))
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u3000\t\r\f\v]/g, ' ')
    .replace(/ +/g, ' ');
}

/** A label for matching: normalised, every whitespace removed, curly quotes made plain. */
export function labelKey(s: string): string {
  return normalize(s)
    .replace(/\s+/g, '')
    .replace(/[〈《［【〔]/g, '(') // OCR and some fonts give other brackets for （ ）
    .replace(/[〉》］】〕]/g, ')')
    .replace(/[“”"＂]/g, '"')
    .replace(/[‘’']/g, "'");
}

/** A bare 无 ("none"): a word in running text, a zero cell in a table row (tables/tokens.ts, formats/doc.ts). */
export const isNoneMark = (s: string): boolean => labelKey(s) === '无';

/** True when the string holds a CJK character (used to tell labels from numbers). */
export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/** Cell texts that mean "nothing was entered". */
const EMPTY_TOKENS = new Set(['', '-', '--', '—', '——', '–', '/', '／', 'n/a', 'na', '无', '\\']);

export function isEmptyToken(s: string): boolean {
  return EMPTY_TOKENS.has(labelKey(s).toLowerCase());
}

/**
 * A note reference typed full size after a figure without brackets: "615 注1", "1.84[2]", "12见注3" (blind round 19,
 * b144). Taken for a label it hid its figure (read as no figure, or 0). The notes say what they qualify; the figure
 * stands as printed. Round 18's "（注1）" is a bracketed note already.
 */
const NOTE_REFERENCE = String.raw`\[\d{1,2}\]|见?注\d{1,2}`;

/**
 * A figure as written in a cell: `12`, `1,234`, `299.025万`, `800.05万元`, `35百元`, `13千元`, `12.56亿元` (tables/yuan.ts converts), `+3`, `-2`, `−2`, or a count with the
 * unit agencies type after it (`962次`, `3件`, `12人次`, `4条`, `2宗`, `1起`, or in 万: `1.25万次`, parseCount), perhaps with a note in brackets
 * after it that qualifies the figure (`3（含跨年度1件）`, `2(其中依申请转主动公开2件)`: the figure is 3, 2), and
 * perhaps with a note reference (`615注1`, `1.84[2]`: NOTE_REFERENCE), perhaps with a footnote mark or two at the end (`527*`, `143②`, `5※`, `12³`: the notes say what they qualify).
 */
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:万元|百元|千元|亿元|元|万?(?:件|个|项|次|人次|条|宗|起)|万)?(\\([^()]*\\)|${NOTE_REFERENCE})?(?:[*※△▲†‡]|[${FOOTNOTE_DIGITS}]){0,2}$`);

/** A note that corrects its figure (`3（更正为5）`) leaves the cell unreadable: which of the two stands is a guess. */
const CORRECTION = /更正|应为|改为|修正|订正|调整为|有误/;

/** A number with a bracketed note after it: a figure cell whatever the note says. */
const NUMBER_WITH_NOTE = /^[+-]?\d[\d,]*(?:\.\d+)?[\u4e00-\u9fff]{0,2}\(.*\)$/;

/**
 * A zero typed through the Chinese IME: the ideographic zero 〇 (U+3007), its look-alike ○ (U+25CB, common in
 * typed years "二○二四"), or the word 零. Taken for a label, a 〇 hid every figure left of it in its row, read 0
 * (blind round 7, b62: 表二 "3 〇 14" read 本年制发 0, silently). NFKC leaves all three as they are.
 */
const CJK_ZERO = /^[〇○零]$/;

/**
 * A figure 1–9 typed as its one Chinese numeral (五, 七), as the prose around the tables writes small counts. One
 * character has one value, so it is read. Taken for a label, it hid every figure left of it in its row, read 0
 * (blind round 8, b71: 表二 "五 一 17" read 0 0 17, 四 "三 一 0 一 五" all 0, which still adds up: silently).
 * 十 and 两 alone are left out: 十 also heads longer numerals, and neither was seen alone in a cell.
 */
const CJK_DIGIT = '一二三四五六七八九';

/**
 * Figures written in Chinese numerals of two or more characters (一十二, 三十五, 二〇): a figure cell, never a
 * label, but not read (a clerk who writes some figures so may write others in ways not foreseen); the cell is
 * reported unreadable.
 */
const CJK_NUMERAL = /^[〇○零一二三四五六七八九十百千两]{2,}$/;

/** A number followed by a short CJK word: a figure with a unit we do not know (`3户`), never a row label. */
const NUMBER_WITH_WORD = /^[+-]?\d[\d,]*(?:\.\d+)?[\u4e00-\u9fff]{1,2}$/;

/**
 * Parses a cell as a number. Returns `null` for an empty cell and `undefined` when the text is not a number
 * (a label, or damaged text), so callers can tell "blank" from "unreadable".
 */
export function parseNumber(raw: string): number | null | undefined {
  const s = labelKey(raw).replace(/[−－]/g, '-').replace(/[＋]/g, '+');
  if (isEmptyToken(s)) return null;
  if (CJK_ZERO.test(s)) return 0;
  if (s.length === 1 && CJK_DIGIT.includes(s)) return CJK_DIGIT.indexOf(s) + 1;
  const m = NUMBER.exec(s);
  if (!m || (m[4] && CORRECTION.test(m[4]))) return undefined;
  const n = Number(`${m[1] ?? ''}${(m[2] ?? '').replace(/,/g, '')}${m[3] ?? ''}`);
  return Number.isFinite(n) ? n : undefined;
}

/** A figure followed by 万 alone or 万 and a count's unit (not 万元): "1.25万", "3万", "3.6万次", "2万件", perhaps with a note or marks after it. */
const WAN_COUNT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?万(?!元)/;

/**
 * A count as written in a cell (parseNumber), where 万 is a multiplier: large bureaus write their biggest counts as
 * their prose does, "1.25万" for 12500 (blind round 16, b123), or with the unit, "3.6万次" (round 17, b127). Read by parseNumber alone, "1.25万" is 1.25 (no count,
 * unreadable) and "3万" is 3, silently. A count in 万 that is no whole number (more than four decimals) is no figure
 * (undefined). In a 万元 column 万 is the unit instead: callers use parseNumber there.
 */
export function parseCount(raw: string): number | null | undefined {
  const key = countKey(raw);
  const multiplied = multipliedCount(key);
  if (multiplied !== undefined) return multiplied;
  const v = parseNumber(raw);
  if (typeof v !== 'number') return v;
  const m = WAN_COUNT.exec(key);
  if (!m) return v;
  const frac = m[3] ?? '';
  if (frac.length > 4) return undefined;
  const n = Number(m[2]!.replace(/,/g, '')) * 10_000 + Number(frac.padEnd(4, '0'));
  return m[1] === '-' ? -n : n;
}

/** A cell's text as the multiplied-count patterns read it: labelKey's, with full-width and minus signs as ASCII. */
function countKey(raw: string): string {
  return labelKey(raw).replace(/[−－]/g, '-').replace(/[＋]/g, '+');
}

/** A figure followed by 亿 or 千 alone or with a count's unit (not 亿元 / 千元): "1.05亿次", "2亿", "2.4千件". */
const MULTIPLIED_COUNT = /^([+-]?)(\d+)(?:\.(\d+))?(亿|千)(?!元)/;
/** Each multiplier's value and the most decimals a whole count written with it can have. */
const MULTIPLIERS: Record<string, { factor: number; decimals: number }> = { 亿: { factor: 100_000_000, decimals: 8 }, 千: { factor: 1000, decimals: 3 } };

/**
 * A count written in 亿 (a province's largest counts, "1.05亿次" for 105000000: blind round 18, b134) or in 千 (a
 * county bureau's, "2.4千次" for 2400: round 19, b145), or undefined when the cell is no such count. Only as a count:
 * parseNumber leaves a bare 亿 or 千 unread, since in a 万元 column "1.05亿" read as 1.05 would be wrong silently
 * (千元 and 亿元 stay yuan.ts's). More decimals than the multiplier allows is no whole count. `s` is countKey's text.
 */
function multipliedCount(s: string): number | undefined {
  const m = MULTIPLIED_COUNT.exec(s);
  if (!m) return undefined;
  // What follows the multiplier must be what may follow a plain count (a unit, a note, marks).
  if (typeof parseNumber(`${m[1]}${m[2]}${s.slice(m[0].length)}`) !== 'number') return undefined;
  const { factor, decimals } = MULTIPLIERS[m[4]!]!;
  const frac = m[3] ?? '';
  if (frac.length > decimals) return undefined;
  const n = Number(m[2]) * factor + Number(frac.padEnd(decimals, '0'));
  return m[1] === '-' ? -n : n;
}

/**
 * True when the token reads as a figure cell, though perhaps not as a number: a number with an unknown unit sits in
 * a figure cell (to be reported unreadable there), where taken for a label it would hide every figure before it.
 */
export function looksLikeFigureCell(raw: string): boolean {
  const s = labelKey(raw);
  return isFigureToken(raw) || NUMBER_WITH_WORD.test(s) || NUMBER_WITH_NOTE.test(s) || CJK_NUMERAL.test(s);
}

/** True when the token is a number or an empty marker: something that sits in a figure cell. */
export function isFigureToken(raw: string): boolean {
  const s = labelKey(raw);
  if (s === '' || s === '无') return false; // a bare 无 in running text is a word, not a cell
  return parseNumber(s) !== undefined || multipliedCount(countKey(s)) !== undefined;
}
