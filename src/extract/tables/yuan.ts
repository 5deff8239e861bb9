/**
 * The unit of 表二's amount columns (行政事业性收费, 2019's 采购总金额). The template's figure is in 万元, but some
 * agencies count in 元 and say so in the header (本年收费金额（单位：元）) or in the cell (13000元): read as 万元 the
 * figure would be ten thousand times too large, and no check covers 表二 (blind round 11, b88, silently).
 */
import { labelKey } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { labelText } from './tokens.ts';

export type AmountUnit = 'wan' | 'yuan' | 'doubt';

/** 元 not preceded by 万 (nor part of 元旦 etc.: only a unit after 单位, a bracket, or a number). */
const YUAN = /(?:单位[:：]?|[（(]|\d)元(?![旦])/;
const WAN = /万元|单位[:：]?万|[（(]万/;

/**
 * 'yuan' when the block's header lines (title to first data row) or the row's own figure cells name 元 and nothing
 * names 万元; 'wan' when only 万元 (or nothing) is named; 'doubt' when both are (which unit the figure is in is a
 * guess: the cell is left unreadable).
 */
export function amountUnit(lines: Line[], from: number, to: number, tokens: TextItem[]): AmountUnit {
  const texts = [...lines.slice(from, to).map((l) => labelText(l)), ...tokens.map((t) => labelKey(t.text))];
  const yuan = texts.some((t) => YUAN.test(t.replace(/万元/g, '')));
  const wan = texts.some((t) => WAN.test(t));
  if (yuan && wan) return 'doubt';
  return yuan ? 'yuan' : 'wan';
}

/** 元 to 万元, to the 分 (computed on whole 分, so 13000.00 gives 1.3 and not 1.2999999999999998). */
export function yuanToWan(v: number): number {
  return Math.round(v * 100) / 1_000_000;
}
