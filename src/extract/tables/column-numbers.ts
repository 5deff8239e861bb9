/**
 * Column numbers under a table's header: statistical forms exported by reporting systems number their columns
 * ("栏次 | 1 2 … 7" under 三's header, "1 … 15" under 四's; blind round 14, b108), typed as numbers. Taken for the
 * data row, 四's numbers came before its figures and the two rows read as one of 30 cells (四 unreadable).
 * Such a row can be no data row: a row of 1, 2, 3, … fails every sum the tables have (四's 1 + 2 + 3 + 4 ≠ 5).
 */
import { parseNumber } from '../text.ts';
import type { Line } from '../types.ts';
import { figureTokens, labelText } from './tokens.ts';

/** The words forms print before their column numbers (栏次, or the label columns' letters 甲 乙). */
const NUMBERING_LABEL = /^(?:栏次|栏号|列次|序号|[甲乙丙])*$/;

/** A line of at least four figures reading 1, 2, 3, … in order, labelled at most by a numbering word. */
export function isColumnNumberRow(line: Line): boolean {
  const written = figureTokens(line).filter((t) => t.text !== '');
  if (written.length < 4 || !NUMBERING_LABEL.test(labelText(line))) return false;
  return written.every((t, i) => parseNumber(t.text) === i + 1);
}
