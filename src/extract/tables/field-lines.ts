/**
 * 表二 printed as a reporting system's form fields, one "label：figure" line each, no table (blind round 15, b112:
 * "规章　本年制发件数：0", "行政许可　本年处理决定数量：527", "行政事业性收费　本年收费金额（单位：万元）：0.35"). Read
 * as a table, every row's figure was glued to its label: 表二 unreadable. A block is read from such lines only when
 * each of its cells has exactly one: a line whose label, before its last colon, names the row and the column (by
 * their phrases) and whose value after the colon is a figure. A block short of one cell reads as before.
 */
import type { Section2Block } from '../template/types.ts';
import { labelKey, parseCount, parseNumber } from '../text.ts';
import type { Line } from '../types.ts';

export interface FieldValue {
  /** The field's label (its unit, 单位：元, is read from it). */
  label: string;
  value: number;
  /** The value as written (a count in 万, "1.25万", is read from it: parseCount). */
  raw: string;
}

/** The "label：figure" lines in [from, to): the label before the last colon, a figure after it. */
function fieldsIn(lines: Line[], from: number, to: number): FieldValue[] {
  const fields: FieldValue[] = [];
  for (let i = from; i < to; i++) {
    const text = labelKey(lines[i]!.items.map((it) => it.text).join(''));
    const colon = text.lastIndexOf(':');
    if (colon <= 0) continue;
    const raw = text.slice(colon + 1);
    const value = parseNumber(raw);
    if (typeof value === 'number') fields.push({ label: text.slice(0, colon), value, raw });
  }
  return fields;
}

/** The block's cells (`s2.<row>.<column>`) from field lines in [from, to), or undefined when any is not one line. */
export function fieldLines(lines: Line[], from: number, to: number, block: Section2Block): Record<string, FieldValue> | undefined {
  const fields = fieldsIn(lines, from, to);
  const names = (label: string, match: string[]) => match.some((m) => label.includes(labelKey(m)));
  const out: Record<string, FieldValue> = {};
  for (const r of block.rows) {
    for (const c of block.columns) {
      // The row's phrases in priority order (the fallback 收费 must not take the column's 收费金额 alone).
      const phrase = r.match.find((m) => fields.some((f) => f.label.includes(labelKey(m)) && names(f.label, c.match)));
      const hits = phrase === undefined ? [] : fields.filter((f) => f.label.includes(labelKey(phrase)) && names(f.label, c.match));
      if (hits.length !== 1) return undefined;
      out[`s2.${r.key}.${c.key}`] = hits[0]!;
    }
  }
  // Each line one cell: a line naming two rows' phrases would stand for both.
  if (new Set(Object.values(out)).size !== Object.keys(out).length) return undefined;
  return out;
}
