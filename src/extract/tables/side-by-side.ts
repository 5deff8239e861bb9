/**
 * A table cut in two halves set side by side in ONE table to fit a page (表三's rows 1–13 on the left, 14–26 on the
 * right, its header printed twice side by side: blind round 19, b146). Read as it stands, each line held two rows'
 * labels and figures: only the figures after the last label counted, the left half's rows read 0 or unreadable and
 * the right half's rows took the left's lines. The halves are put one below the other again: the right half's items
 * (shifted onto the left half's columns) follow the left half's lines, its repeated header left out.
 *
 * The halves are told by a header mark printed twice on one line (申请人情况, or 自然人 where that is the top cell):
 * the distance between the two is the half's width, and an item whose centre lies past the table's left edge plus
 * that width is the right half's. Works on positioned text and on grids (x the grid column) alike.
 */
import { rejoinWrappedNumbers } from '../layout/lines.ts';
import { labelKey } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { hasFigures } from './tokens.ts';

export function unfoldSideBySide(lines: Line[], from: number, to: number, marks: string[], headerText: string): Line[] | undefined {
  const keys = marks.map(labelKey);
  let head = -1;
  let width = 0;
  for (let i = from; i < to && head < 0; i++) {
    for (const key of keys) {
      const at = lines[i]!.items.filter((it) => labelKey(it.text) === key);
      if (at.length !== 2) continue;
      head = i;
      width = at[1]!.x0 - at[0]!.x0;
      break;
    }
  }
  if (head < 0 || width <= 0) return undefined;
  const page = lines[head]!.page;
  // The table: from the doubled header line down its page while lines hold items past the split.
  let end = head + 1;
  let lastRight = head;
  const left = Math.min(...lines.slice(head, to).filter((l) => l.page === page).flatMap((l) => l.items.map((it) => it.x0)));
  const split = left + width;
  const isRight = (it: TextItem) => (it.x0 + it.x1) / 2 >= split;
  for (; end < to && lines[end]!.page === page; end++) if (lines[end]!.items.some(isRight)) lastRight = end;
  end = lastRight + 1;
  const region = lines.slice(head, end);
  if (!region.some((l) => hasFigures({ ...l, items: l.items.filter(isRight) }))) return undefined;
  const leftLines = region.map((l) => ({ ...l, items: l.items.filter((it) => !isRight(it)) })).filter((l) => l.items.length > 0);
  // The right half's header lines (every word a piece of the header, no figure) at its top are the header again.
  const vocabulary = labelKey(headerText);
  let rightLines = region.map((l) => ({ ...l, items: l.items.filter(isRight) })).filter((l) => l.items.length > 0);
  while (rightLines.length > 0 && !hasFigures(rightLines[0]!) && rightLines[0]!.items.every((it) => vocabulary.includes(labelKey(it.text)))) rightLines = rightLines.slice(1);
  if (rightLines.length === 0) return undefined;
  // Below the left half in reading order: y moved past its last line, x onto the left half's columns.
  const bottom = Math.max(...leftLines.map((l) => l.y + l.h));
  const dy = bottom + (rightLines[0]!.h || 1) - rightLines[0]!.y;
  const moved = rightLines.map((l) => ({ ...l, y: l.y + dy, items: l.items.map((it) => ({ ...it, y: it.y + dy, x0: it.x0 - width, x1: it.x1 - width })) }));
  // A number wrapped in its narrow cell ("24" over "9") straddles its row's line as it does in a table of its own
  // once the other half's labels are off the lines (positioned text only: a grid's cells hold whole numbers).
  const positioned = !region.every((l) => l.items.every((it) => it.h === 1 && Number.isInteger(it.x0) && Number.isInteger(it.x1)));
  const halves = positioned ? [...rejoinWrappedNumbers(leftLines), ...rejoinWrappedNumbers(moved)] : [...leftLines, ...moved];
  return [...lines.slice(0, head), ...halves, ...lines.slice(end)];
}
