/**
 * 表二 printed as a reporting system's form fields, one "label：figure" line each, no table (blind round 15, b112:
 * "规章　本年制发件数：0", "行政许可　本年处理决定数量：527", "行政事业性收费　本年收费金额（单位：万元）：0.35"). Read
 * as a table, every row's figure was glued to its label: 表二 unreadable. A block is read from such lines only when
 * each of its cells has exactly one: a line whose label, before its last colon, names the row and the column (by
 * their phrases) and whose value after the colon is a figure. A block short of one cell reads as before.
 */
import { SECTION3_COLUMNS, SECTION4_BLOCKS, SECTION4_COLUMNS } from '../template/common.ts';
import type { Section2Block, TemplateDef } from '../template/types.ts';
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

type S4Block = (typeof SECTION4_BLOCKS)[number];

/** The block a label names: 未经复议/直接起诉, 复议后, or 行政复议 alone (no 起诉). */
function s4BlockNamed(label: string): S4Block | undefined {
  const named: S4Block[] = [];
  if (label.includes('未经复议') || label.includes('直接起诉')) named.push('litigation_direct');
  if (label.includes('复议后')) named.push('litigation_after_review');
  if (label.includes('行政复议') && !label.includes('起诉')) named.push('review');
  return named.length === 1 ? named[0] : undefined;
}

/**
 * 表四 printed as field lines, no table (blind round 16, b122: "行政复议　结果维持：3", "未经复议直接起诉　总计：3"):
 * each of the fifteen cells read from exactly one line whose label names one column of the five and one block,
 * itself or through the last caption above it naming one block alone ("行政诉讼（复议后起诉）" over "结果维持：0").
 * Counts must be whole numbers. undefined unless all fifteen are there, each once.
 */
export function section4FieldLines(lines: Line[], from: number, to: number): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let caption: S4Block | undefined;
  for (let i = from; i < to; i++) {
    const [field] = fieldsIn(lines, i, i + 1);
    if (!field) {
      caption = s4BlockNamed(labelKey(lines[i]!.items.map((it) => it.text).join('')));
      continue;
    }
    const columns = SECTION4_COLUMNS.filter((c) => c.match.some((m) => field.label.includes(labelKey(m))));
    const block = s4BlockNamed(field.label) ?? caption;
    const value = parseCount(field.raw);
    if (columns.length !== 1 || !block || typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
    const key = `s4.${block}_${columns[0]!.key}`;
    if (key in out) return undefined;
    out[key] = value;
  }
  return Object.keys(out).length === SECTION4_BLOCKS.length * SECTION4_COLUMNS.length ? out : undefined;
}

/** The applicant column a field's name is: exactly (其他, 总计) or by a phrase (公益组织). */
const s3Column = (name: string) =>
  SECTION3_COLUMNS.filter((c) => (c.exact ? c.match.some((m) => labelKey(m) === name) : c.match.some((m) => name.includes(labelKey(m)))));

/**
 * The seven fields of a row line ("自然人12件,商业企业0件,…,总计12件" after its label's colon), by column key; undefined
 * unless each of the seven is named exactly once and holds a whole count. A line may leave out kinds with nothing
 * ("科研机构1件,其他2件,总计3件", "总计0件": blind round 18, b133) when it names 总计 and the kinds it names add up to
 * it: counts being whole and not negative, the kinds left out are then 0 by the sum, not by a guess. Short of that sum
 * the line is no row line (unreadable).
 */
function rowFields(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,;、]/)) {
    const m = /^(\D+?)([+-]?\d.*)$/.exec(part);
    const cols = m ? s3Column(m[1]!) : [];
    const value = m ? parseCount(m[2]!) : undefined;
    if (cols.length !== 1 || typeof value !== 'number' || !Number.isInteger(value) || value < 0 || cols[0]!.key in out) return undefined;
    out[cols[0]!.key] = value;
  }
  if (Object.keys(out).length === SECTION3_COLUMNS.length) return out;
  const total = out.total;
  if (total === undefined) return undefined;
  const kinds = SECTION3_COLUMNS.filter((c) => c.key !== 'total');
  if (kinds.reduce((sum, c) => sum + (out[c.key] ?? 0), 0) !== total) return undefined;
  for (const c of kinds) out[c.key] ??= 0;
  return out;
}

/**
 * 表三 printed as a reporting system's row lines, one line a row, no table (blind round 17, b126: "（一）予以公开：自然人
 * 12件，商业企业0件，…，总计12件"; the group titles （三）不予公开 … on lines of their own). Read as a table, each row's
 * figures were glued to its label: 三 unreadable. Each row of the template is the next row line, in template order,
 * whose label (before its first colon) holds one of the row's phrases, its seven fields each named once. undefined
 * unless every row is found so (a row missing or a field short reads as before: unreadable).
 */
export function section3RowLines(lines: Line[], from: number, to: number, t: TemplateDef): Record<string, number> | undefined {
  const rows: { label: string; fields: Record<string, number> }[] = [];
  for (let i = from; i < to; i++) {
    const text = labelKey(lines[i]!.items.map((it) => it.text).join(''));
    const colon = text.indexOf(':');
    const fields = colon > 0 ? rowFields(text.slice(colon + 1)) : undefined;
    if (fields) rows.push({ label: text.slice(0, colon), fields });
  }
  const out: Record<string, number> = {};
  let next = 0;
  for (const row of t.section3Rows) {
    const at = rows.findIndex((r, i) => i >= next && row.match.some((m) => r.label.includes(labelKey(m))));
    if (at < 0) return undefined;
    for (const c of SECTION3_COLUMNS) out[`s3.${row.key}.${c.key}`] = rows[at]!.fields[c.key]!;
    next = at + 1;
  }
  return out;
}
