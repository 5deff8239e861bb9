/**
 * Footnote numbers in positioned text (PDF, OFD): a producer sets them as their own run after the figure, smaller
 * and raised above its baseline (Word's and WPS's superscript exported to PDF). Touching the figure, the run would be
 * joined into it as a digit ("143" + "1" read 1431; in 表二 no sum can see it), so it is written as a mark first.
 */
import { footnoteMark } from '../text.ts';
import type { TextItem } from '../types.ts';

/** A superscript is drawn at about 58–65 % of its text's size; a figure's own digits never below 80 %. */
const SMALLER = 0.8;
/** Raised by a tenth of the figure's height or more (superscripts by a third; a baseline jitter by far less). */
const RAISED = 0.1;
/** As close to the figure as a joined token's pieces are (lines.ts JOIN_GAP), or slightly over it (kerning). */
const TOUCHING = 0.3;

/** The items of one line with each raised footnote number after a figure written as superscript digits. */
export function markRaisedFootnotes(items: TextItem[]): TextItem[] {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  return sorted.map((it, i) => {
    const figure = sorted[i - 1];
    if (!figure || !/^\s*\d{1,2}\s*$/.test(it.text) || !/\d\s*$/.test(figure.text)) return it;
    const gap = it.x0 - figure.x1;
    const raised = figure.y - it.y >= RAISED * figure.h; // y grows downwards
    if (it.h > SMALLER * figure.h || !raised || gap > TOUCHING * figure.h || gap < -TOUCHING * figure.h) return it;
    return { ...it, text: footnoteMark(it.text) };
  });
}
