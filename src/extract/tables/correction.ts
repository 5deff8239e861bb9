/**
 * A correction appended to a published report (blind round 14, b106): after the last chapter and the signature,
 * "附：更正说明", a sentence saying what was wrong, and the corrected table ("更正后的统计表如下："), while the chapter
 * still prints the table as first published. Read from its chapter, 三 came out as first published (two rows in
 * each other's places: both tables add up, so no check saw it). The document itself says which table stands: the
 * corrected one.
 */
import type { Line } from '../types.ts';
import { hasFigures, labelText } from './tokens.ts';

/** Words that introduce a correction of the report (更正说明, 更正声明, 更正后的…, 更正如下), not the verb in prose
 * ("发现错误及时更正"). */
const CORRECTION = /更正(?:说明|声明|公告|启事|情况|如下)|更正后/;

/** The first line at or after `from` that introduces a correction: a line without figures naming one. */
export function correctionStart(lines: Line[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!hasFigures(line) && CORRECTION.test(labelText(line))) return i;
  }
  return undefined;
}
