/**
 * Footnote marks in positioned text (PDF, OFD): a producer sets them as their own run after the figure, smaller
 * and raised above its baseline (Word's and WPS's superscript exported to PDF). Touching the figure, a number run
 * would be joined into it as a digit ("143" + "1" read 1431; in 表二 no sum can see it), so it is written as a mark
 * first. Set a few spaces apart, the run is a token of its own ("615 ①"): taken for a label, it hid the figure
 * (blind round 17, b131: 行政许可 615 and the fee 1.26 read 0), so it is put after the figure's text as its mark.
 */
import { footnoteMark } from '../text.ts';
import type { TextItem } from '../types.ts';

/** A superscript is drawn at about 58–65 % of its text's size; a figure's own digits never below 80 %. */
export const SMALLER = 0.8;
/** Raised by a tenth of the figure's height or more (superscripts by a third; a baseline jitter by far less). */
const RAISED = 0.1;
/** As close to the figure as a joined token's pieces are (lines.ts JOIN_GAP), or slightly over it (kerning). */
const TOUCHING = 0.3;
/** A mark set apart by a few spaces: within three figure heights (a neighbouring cell's figure is further). */
const APART = 3;

/** Text a footnote mark is made of: a footnote number (1–2 digits) or a sign (①, *, ※ …; text.ts NUMBER's marks). */
const MARK = /^\s*(?:\d{1,2}|[*※△▲†‡\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2460-\u2473\u2488-\u249b\u2776-\u2793\u3251-\u325f\u32b1-\u32bf])\s*$/;

/** True when `it` is drawn as a footnote mark of `figure`: mark text, smaller than the figure's digits. */
export function isSmallMark(it: TextItem, figure: TextItem): boolean {
  return MARK.test(it.text) && it.h <= SMALLER * figure.h && /\d\s*$/.test(figure.text);
}

/** The mark's text as it is put after a figure (a footnote number as superscript digits). */
export const markText = (it: TextItem): string => footnoteMark(it.text.trim());

/** The items of one line with each raised footnote mark after a figure written as a mark of that figure. */
export function markRaisedFootnotes(items: TextItem[]): TextItem[] {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  const out: TextItem[] = [];
  for (const it of sorted) {
    const figure = out[out.length - 1];
    if (!figure || !isSmallMark(it, figure) || figure.y - it.y < RAISED * figure.h) {
      out.push(it);
      continue;
    }
    const gap = it.x0 - figure.x1;
    if (gap < -TOUCHING * figure.h || gap > APART * figure.h) out.push(it);
    // Touching: joined by joinTokens as a token's pieces are.
    else if (gap <= TOUCHING * figure.h) out.push(/^\s*\d{1,2}\s*$/.test(it.text) ? { ...it, text: footnoteMark(it.text) } : it);
    // Set apart: the mark goes with its figure (the figure keeps its place: columns are found from figures).
    else out[out.length - 1] = { ...figure, text: `${figure.text.trimEnd()}${markText(it)}` };
  }
  return out;
}
