/**
 * The unit of 表二's amount columns (行政事业性收费, 2019's 采购总金额). The template's figure is in 万元, but some
 * agencies count in 元 or 千元 and say so in the header (本年收费金额（单位：元）), in the cell (13000元) or in a
 * note above or below the table (（金额单位：元）, 注：本表金额单位为元。): read as 万元 the figure would be ten thousand
 * (or ten) times too large, and no check covers 表二 (blind round 11, b88; round 12, b93 and b94; round 13, b100: all
 * silently). A provincial department collecting large fees counts in 亿元 (本年收费金额（单位：亿元）12.56): read as
 * 万元, ten thousand times too small (round 14, b110, silently). A small office counts in 百元 (本年收费金额（单位：百元）
 * 35.00 for 0.35万元): read as 万元, a hundred times too large (round 15, b117, silently).
 */
import { labelKey } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { labelText } from './tokens.ts';

export type AmountUnit = 'wan' | 'yuan' | 'hundred' | 'thousand' | 'yi' | 'doubt';
/** The units read as a multiple of 元 and turned into 万元 by `toWan`. */
export type OtherUnit = 'yuan' | 'hundred' | 'thousand' | 'yi';
export const isOtherUnit = (u: AmountUnit): u is OtherUnit => u !== 'wan' && u !== 'doubt';

/** 元 not preceded by 万 or 千 (nor part of 元旦 etc.: only a unit after 单位, a bracket, or a number). Notes write
 * the unit after 单位, 单位： or 单位为/是 (注：金额单位为元). */
const YUAN = /(?:单位(?:[:：]|为|是)?|[（(]|\d)元(?![旦])/;
const WAN = /万元|单位(?:[:：]|为|是)?万|[（(]万/;
const HUNDRED = /百元|单位(?:[:：]|为|是)?百元|[（(]百元/;
const THOUSAND = /千元|单位(?:[:：]|为|是)?千|[（(]千/;
const YI = /亿元|单位(?:[:：]|为|是)?亿|[（(]亿/;
/** A note line naming the amounts' unit ("（金额单位：元）", "单位：千元", "注：本表金额单位为元。"): a unit after 单位. */
const UNIT_NOTE = /单位(?:[:：]|为|是)?[百千万亿]?元/;

/**
 * 'yuan' (or 'hundred', 'thousand', 'yi') when the block's header lines (title to first data row), the row's own figure cells or a
 *  unit note above the table name 元 (千元, 亿元) and nothing names another unit; 'wan' when only 万元 (or nothing) is
 * named; 'doubt' when two units are (which one the figure is in is a guess: the cell is left unreadable).
 */
export function amountUnit(lines: Line[], from: number, to: number, tokens: TextItem[], notes: string[] = []): AmountUnit {
  const texts = [...lines.slice(from, to).map((l) => labelText(l)), ...tokens.map((t) => labelKey(t.text)), ...notes];
  const named = new Set<AmountUnit>();
  for (const t of texts) {
    if (WAN.test(t)) named.add('wan');
    if (HUNDRED.test(t)) named.add('hundred');
    if (THOUSAND.test(t)) named.add('thousand');
    if (YI.test(t)) named.add('yi');
    if (YUAN.test(t.replace(/[百千万亿]元/g, ''))) named.add('yuan');
  }
  if (named.size > 1) return 'doubt';
  return [...named][0] ?? 'wan';
}

/**
 * Lines between `from` and `to` (right above or right below a table) that are a unit note: the unit of a table
 * given in a line of its own, as statistical tables often do. Prose is not read for units, only such notes.
 */
export function unitNotes(lines: Line[], from: number, to: number): string[] {
  return lines.slice(from, to).map((l) => labelText(l)).filter((t) => UNIT_NOTE.test(t));
}

/** An amount in `unit` to 万元, to the 分 (computed on whole 分, so 13000.00 gives 1.3 and not 1.2999999999999998;
 * 亿元 on its written hundredths, so 12.56 gives 125600 and not 125600.00000000001). */
export function toWan(v: number, unit: OtherUnit): number {
  if (unit === 'yi') return (Math.round(v * 1_000_000) * 10_000) / 1_000_000;
  if (unit === 'hundred') return Math.round(v * 10_000) / 1_000_000;
  return Math.round(v * 100) / (unit === 'yuan' ? 1_000_000 : 1_000);
}
