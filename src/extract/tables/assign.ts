/** Putting the figure tokens of one table row into columns, by position. */
import { coord, nearestColumn, type Anchor } from '../layout/columns.ts';
import { parseCount, parseNumber } from '../text.ts';
import type { TextItem } from '../types.ts';

export interface ColumnModel {
  anchor: Anchor;
  centres: number[];
}

export interface CellValue {
  value: number | null;
  unreadable: boolean;
  /** For an unreadable cell that OCR did read, with low confidence: the reading, to be confirmed by the checks. */
  tentative?: number;
  /** Unreadable because two numbers fell into it: the row's extent took a line of another row. */
  crowded?: boolean;
}

export interface ValueRules {
  decimal?: boolean;
  signed?: boolean;
}

/**
 * Assigns tokens to columns. A column with no token is a blank cell (null). Two tokens in one column, a token that
 * is no number, a doubtful OCR token, or a value the template forbids (negative, fractional) make the cell unreadable;
 * so does a written token lying between two columns but near neither (both columns: which one holds it is a guess).
 * When no column model exists, a row with exactly as many written figures as columns is read in order (safe only
 * because nothing is blank); anything else is unreadable.
 */
export function assignRow(tokens: TextItem[], columns: ColumnModel | undefined, n: number, rules: (i: number) => ValueRules = () => ({})): CellValue[] {
  const written = tokens.filter((t) => t.text !== '');
  const slots: TextItem[][] = Array.from({ length: n }, () => []);
  /** Columns a written figure lies between without being near enough to either: it belongs to one of them. */
  const straddled = new Set<number>();
  if (columns && columns.centres.length === n) {
    for (const t of tokens) {
      const x = coord(t, columns.anchor);
      const i = nearestColumn(x, columns.centres);
      if (i >= 0) slots[i]!.push(t);
      else if (t.text !== '') {
        // Dropped, the figure would leave its cell blank, i.e. 0: a wrong figure. Outside the table's columns
        // (a serial number, a margin note) it is no cell of the row and stays dropped.
        const right = columns.centres.findIndex((c) => c > x);
        if (right > 0) straddled.add(right - 1).add(right);
      }
    }
  } else if (written.length === n) {
    [...written].sort((a, b) => a.x0 - b.x0).forEach((t, i) => slots[i]!.push(t));
  } else {
    return slots.map(() => ({ value: null, unreadable: true }));
  }
  return slots.map((slot, i) => (straddled.has(i) ? { value: null, unreadable: true } : readCell(slot, rules(i))));
}

function readCell(slot: TextItem[], rules: ValueRules): CellValue {
  const written = slot.filter((t) => t.text !== '');
  if (slot.some((t) => t.doubtful)) {
    const v = written.length === 1 ? read(written[0]!.text, rules) : undefined;
    const valid = typeof v === 'number' && (rules.signed || v >= 0) && (rules.decimal || Number.isInteger(v));
    return { value: null, unreadable: true, tentative: valid ? v : undefined };
  }
  if (written.length === 0) return { value: null, unreadable: false };
  if (written.length > 1) return { value: null, unreadable: true, crowded: true };
  const v = read(written[0]!.text, rules);
  if (v === undefined) return { value: null, unreadable: true };
  if (v === null) return { value: null, unreadable: false };
  if ((!rules.signed && v < 0) || (!rules.decimal && !Number.isInteger(v))) return { value: null, unreadable: true };
  return { value: v, unreadable: false };
}

/** A cell's number: in a count column 万 multiplies ("1.25万" is 12500); in an amount column (万元) it is the unit. */
const read = (text: string, rules: ValueRules) => (rules.decimal ? parseNumber(text) : parseCount(text));
