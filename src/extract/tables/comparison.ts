/**
 * Last year's tables printed after this year's, for comparison: "附：2023年度同期数据（对照）" under a chapter's table,
 * then a table of the same layout with last year's figures (blind round 12, b96). Read as part of the chapter, its
 * rows were found after this year's (三 took 70 figures from last year's table; they add up, so only the balance
 * row showed it). The chapter's table ends at such a caption.
 */
import type { Line } from '../types.ts';
import { hasFigures, labelText } from './tokens.ts';

/** Another year named: 2023年(度), 上年(度), 上一年, 去年. */
const OTHER_YEAR = /(?:(?:19|20)\d{2}|上一?|去)年/;
/** A word saying the figures are there to compare with. */
export const COMPARE = /同期|对照|对比|比较/;
/** A caption is a short line of its own; a sentence of prose ends in or holds sentence punctuation. */
const MAX_CAPTION = 40;
const SENTENCE = /[。，；！？]/;
/** Shorter texts naming 上年同期 are column headers (三's 上年同期 column, b78), not captions. */
const MIN_CAPTION = 8;

/**
 * The first line in (from, to) after the section's first figure line that is a caption for another year's
 * figures (naming another year and a comparison, no figures, not a sentence); undefined when there is none.
 */
export function comparisonStart(lines: Line[], from: number, to: number): number | undefined {
  let seenFigures = false;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (hasFigures(line)) {
      seenFigures = true;
      continue;
    }
    if (!seenFigures) continue;
    const text = labelText(line);
    if (text.length < MIN_CAPTION || text.length > MAX_CAPTION || SENTENCE.test(text)) continue;
    if (OTHER_YEAR.test(text) && COMPARE.test(text)) return i;
  }
  return undefined;
}
