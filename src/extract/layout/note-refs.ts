/**
 * Full-size note references in positioned text (PDF, OFD): a clerk types "（注1）" in a figure's cell, set an
 * ideographic space after the figure ("615　（注1）") or before it on a line of its own (Shift+Enter), and in a narrow
 * cell the reference itself wraps ("（注" over "3）"). Taken apart from its figure, "(注1)" was a label that hid the
 * figure (read 0, silently in 表二), and a figure pushed off its row's line by the reference read on no row (blind
 * round 18, b136). Each reference goes with its figure as a bracketed note (text.ts reads "615(注1)" as 615), on the
 * row's line. Smaller raised marks are raised-marks.ts's.
 */
import { parseNumber } from '../text.ts';
import type { TextItem } from '../types.ts';

interface RawLine {
  y: number;
  h: number;
  items: TextItem[];
}

/** A whole note reference, "(注1)", "(注)", "(注12)" (NFKC has made the brackets ASCII). */
const NOTE_REF = /^\(注\d{0,2}\)$/;
/** A reference's opening piece, wrapped: "(注", "(注1". */
const OPENS = /^\(注\d{0,2}$/;
const NUMBER = /^[\d,.]*\d[\d,.]*$/;
/** A reference set apart from its figure on one line: within three glyph heights (a neighbour cell is further). */
const APART = 3;
/** Successive lines of one wrapped cell lie within this many glyph heights. */
const NEAR = 1.6;

export function joinNoteRefs(lines: RawLine[]): void {
  for (const line of lines) joinOnLine(line);
  joinStacked(lines);
}

/** "615" "(注1)" (or "(注1)" "615") on one line, close together: one token "615(注1)". */
function joinOnLine(line: RawLine): void {
  const items = [...line.items].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i < items.length; i++) {
    const ref = items[i]!;
    if (!NOTE_REF.test(ref.text.trim())) continue;
    const close = (fig: TextItem | undefined) => fig !== undefined && NUMBER.test(fig.text.trim()) && Math.max(fig.x0 - ref.x1, ref.x0 - fig.x1) <= APART * ref.h;
    const before = items[i - 1];
    const after = items[i + 1];
    const fig = close(before) ? before! : close(after) ? after! : undefined;
    if (!fig) continue;
    const joined: TextItem = { ...fig, text: `${fig.text.trim()}${ref.text.trim()}`, x0: Math.min(fig.x0, ref.x0), x1: Math.max(fig.x1, ref.x1) };
    items.splice(Math.min(i, items.indexOf(fig)), 2, joined);
    i--;
  }
  line.items = items;
}

/**
 * A reference wrapped in its narrow cell ("(注" / "3)"), with its figure on the line right above or right below it in
 * that column, each piece alone there: the pieces and the figure make one token on the line among them that holds
 * other tokens (the row's), nearest their middle. A figure both above and below is a doubt: both are marked doubtful.
 */
function joinStacked(lines: RawLine[]): void {
  for (let a = 0; a < lines.length; a++) {
    for (const opener of [...lines[a]!.items]) {
      if (!OPENS.test(opener.text.trim())) continue;
      const inColumn = (i: number) => lines[i]!.items.filter((it) => Math.max(it.x0, opener.x0) < Math.min(it.x1, opener.x1));
      const alone = (i: number) => {
        const hits = inColumn(i);
        return hits.length === 1 ? hits[0]! : undefined;
      };
      const near = (i: number, j: number) => i >= 0 && j < lines.length && Math.abs(lines[j]!.y - lines[i]!.y) <= NEAR * opener.h;
      const stack: { line: number; item: TextItem }[] = [{ line: a, item: opener }];
      let text = opener.text.trim();
      for (let i = a + 1; i < lines.length && near(i - 1, i) && !text.endsWith(')') && stack.length < 3; i++) {
        const it = alone(i);
        if (!it || !/^\d{0,2}\)$/.test(it.text.trim())) break;
        stack.push({ line: i, item: it });
        text += it.text.trim();
      }
      if (!NOTE_REF.test(text) || alone(a) !== opener) continue;
      const first = stack[0]!.line;
      const last = stack[stack.length - 1]!.line;
      // The figure: a number alone in the column on a line holding nothing else, right above or right below.
      const figureAt = (i: number) => {
        const it = i >= 0 && i < lines.length ? alone(i) : undefined;
        return it && lines[i]!.items.length === 1 && NUMBER.test(it.text.trim()) && typeof parseNumber(it.text) === 'number' ? it : undefined;
      };
      const above = near(first - 1, first) ? figureAt(first - 1) : undefined;
      const below = near(last, last + 1) ? figureAt(last + 1) : undefined;
      if (above && below) {
        above.doubtful = true;
        below.doubtful = true;
        continue;
      }
      const fig = above ?? below;
      if (!fig) continue;
      const figLine = above ? first - 1 : last + 1;
      const all = [...stack, { line: figLine, item: fig }];
      const top = Math.min(...all.map((f) => f.line));
      const bottom = Math.max(...all.map((f) => f.line));
      const mid = (lines[top]!.y + lines[bottom]!.y) / 2;
      const rowLines = all.map((f) => f.line).filter((i) => lines[i]!.items.length > 1);
      const target = rowLines.sort((p, q) => Math.abs(lines[p]!.y - mid) - Math.abs(lines[q]!.y - mid))[0] ?? figLine;
      const joined: TextItem = { ...fig, text: `${fig.text.trim()}${text}`, x0: Math.min(...all.map((f) => f.item.x0)), x1: Math.max(...all.map((f) => f.item.x1)), y: lines[target]!.y };
      for (const f of all) lines[f.line]!.items = lines[f.line]!.items.filter((it) => it !== f.item);
      lines[target]!.items = [...lines[target]!.items, joined].sort((p, q) => p.x0 - q.x0);
    }
  }
}
