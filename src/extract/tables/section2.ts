/**
 * Section 二 (第二十条 tables): small blocks titled 第二十条第（X）项, each a header row and one or two data rows.
 * Columns come from the block's header cells; a row with exactly as many figures as columns is read in order when
 * the headers cannot be matched.
 */
import type { Section2Block, TemplateDef } from '../template/types.ts';
import { coord } from '../layout/columns.ts';
import { labelKey, parseCount } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { assignRow, type ColumnModel } from './assign.ts';
import type { SectionFigures } from './section3.ts';
import { figureTokens, hasFigures, headerCells, headerMatches, labelText } from './tokens.ts';
import { fieldLines } from './field-lines.ts';
import { transposedBlock } from './section2-transposed.ts';
import { amountUnit, isOtherUnit, toWan, unitNotes } from './yuan.ts';

/** How far above the table's first block title a unit note is looked for (a caption, the note, a blank line). */
const NOTE_LINES = 3;
/** Lines block titles set side by side over a transposed table may wrap over (第二十条 / 第（一） / 项). */
const TITLE_LINES = 3;

function lastFigureLine(lines: Line[], from: number, to: number): number | undefined {
  for (let i = to - 1; i >= from; i--) if (hasFigures(lines[i]!)) return i;
  return undefined;
}

export function mapSection2(lines: Line[], from: number, to: number, t: TemplateDef): SectionFigures {
  const figures: Record<string, number | null> = {};
  const unreadable: string[] = [];
  const tentative: Record<string, number> = {};
  const titles = t.section2.map((b) => findTitle(lines, from, to, b));
  let foundAny = false;
  // A unit note in the few lines right above the table (（金额单位：元）): the header may name no unit then.
  const top = Math.min(to, ...titles.filter((x): x is number => x !== undefined));
  // Or in the few lines right below its last figure line (注：本表金额单位为元。, blind round 13, b100).
  const bottom = lastFigureLine(lines, top, to);
  const notes = [
    ...unitNotes(lines, Math.max(from, top - NOTE_LINES), top),
    ...(bottom === undefined ? [] : unitNotes(lines, bottom + 1, Math.min(to, bottom + 1 + NOTE_LINES))),
  ];
  t.section2.forEach((block, bi) => {
    const keys = (row: string) => block.columns.map((c) => `s2.${row}.${c.key}`);
    const start = titles[bi];
    if (start === undefined) {
      for (const r of block.rows) for (const k of keys(r.key)) ((figures[k] = null), unreadable.push(k));
      return;
    }
    foundAny = true;
    const end = titles.slice(bi + 1).find((x) => x !== undefined && x > start) ?? to;
    // The block as "label：figure" lines, no table (field-lines.ts).
    const fields = fieldLines(lines, start + 1, end, block);
    if (fields) {
      for (const c of block.columns) {
        const decimal = block.decimalColumns?.includes(c.key) ?? false;
        const signed = block.signedColumns?.includes(c.key) ?? false;
        for (const r of block.rows) {
          const k = `s2.${r.key}.${c.key}`;
          const f = fields[k]!;
          const unit = decimal ? amountUnit(lines, 0, 0, [], [f.label, ...notes]) : 'wan';
          // A count must be a whole number (not negative unless the column is a change); an amount in a known unit.
          const count = decimal ? f.value : parseCount(f.raw);
          const fits = decimal ? unit !== 'doubt' : typeof count === 'number' && Number.isInteger(count) && (signed || count >= 0);
          figures[k] = !fits ? null : isOtherUnit(unit) ? toWan(f.value, unit) : decimal ? f.value : (count as number);
          if (!fits) unreadable.push(k);
        }
      }
      return;
    }
    // The block transposed: its rows as header cells, its columns as row labels (section2-transposed.ts).
    // One transposed table for all blocks (blind round 17, b129): the blocks' titles side by side over the kinds, so
    // a block's own range (to the next title's line) holds none of it; it is looked for down to the section's end.
    const besideAnother = titles.some((x, j) => j !== bi && x !== undefined && Math.abs(x - start) <= TITLE_LINES);
    const turned = transposedBlock(lines, start + 1, end, block) ?? (besideAnother ? transposedBlock(lines, start + 1, to, block) : undefined);
    if (turned) {
      const unit = block.decimalColumns ? amountUnit(lines, start, turned.last + 1, [], notes) : 'wan';
      for (const [k, v] of Object.entries(turned.cells)) {
        const decimal = block.decimalColumns?.includes(k.split('.')[2]!) ?? false;
        const doubt = decimal && unit === 'doubt' && v.value !== null;
        figures[k] = doubt ? null : decimal && isOtherUnit(unit) && v.value !== null ? toWan(v.value, unit) : v.value;
        if (v.unreadable || doubt) unreadable.push(k);
      }
      return;
    }
    // Row lines: the first line naming each row, in order.
    const rowLines: (number | undefined)[] = [];
    let pos = start + 1;
    for (const r of block.rows) {
      // Phrases in priority order over all lines: the fallback 收费 must not hit the header 本年收费金额.
      let hit: number | undefined;
      for (const m of r.match) {
        for (let i = pos; i < end && hit === undefined; i++) if (labelText(lines[i]!).includes(labelKey(m))) hit = i;
        if (hit !== undefined) break;
      }
      rowLines.push(hit);
      if (hit !== undefined) pos = hit + 1;
    }
    const firstRow = rowLines.find((x) => x !== undefined) ?? end;
    const header = headerColumns(lines, start + 1, firstRow, block);
    // The template's column at each place from the left (the header's order; the template's when no header was read).
    const place = (j: number) => header?.order[j] ?? j;
    block.rows.forEach((r, ri) => {
      const at = rowLines[ri];
      const ks = keys(r.key);
      if (at === undefined) return ks.forEach((k) => ((figures[k] = null), unreadable.push(k)));
      // Two rows of figures named alike ("行政规范性文件（区政府）" and "…（部门）": an agency split the row by
      // issuer): which one, or their sum, is the template's row is a guess.
      if (twin(lines, at, end, r.match)) return ks.forEach((k) => ((figures[k] = null), unreadable.push(k)));
      const next = rowLines.slice(ri + 1).find((x) => x !== undefined) ?? end;
      const tokens: TextItem[] = [];
      for (let i = at; i < next; i++) {
        if (i > at && labelText(lines[i]!) !== '' && !isWrappedLabel(lines[i]!)) break;
        tokens.push(...figureTokens(lines[i]!));
      }
      // No figure cell, yet digits in the row's label: its figures are glued into the label (a table pasted as text
      // with single spaces, "行政许可 527"; a label and a number too close in a PDF). Blank would read them as 0.
      if (!tokens.some((tk) => tk.text !== '') && /\d/.test(labelText(lines[at]!))) return ks.forEach((k) => ((figures[k] = null), unreadable.push(k)));
      // Figures under a last-year column the agency added (上年处理决定数量 before 本年…) are no figures of the template.
      const own = header?.model.centres ?? [];
      const foreign = header?.foreign ?? [];
      if (foreign.length > 0) {
        const near = (t: TextItem, xs: number[]) => Math.min(...xs.map((x) => Math.abs(coord(t, 'centre') - x)));
        for (let i = tokens.length - 1; i >= 0; i--) if (near(tokens[i]!, foreign) < near(tokens[i]!, own)) tokens.splice(i, 1);
      }
      const rules = (j: number) => ({
        decimal: block.decimalColumns?.includes(block.columns[place(j)]!.key),
        signed: block.signedColumns?.includes(block.columns[place(j)]!.key),
      });
      // 万元 columns (fees, procurement) printed in 元 (百元, 千元, 亿元) instead: the block's header or the cell names the unit.
      const unit = block.decimalColumns ? amountUnit(lines, start, firstRow, tokens, notes) : 'wan';
      assignRow(tokens, header?.model, block.columns.length, rules).forEach((v, j) => {
        const k = ks[place(j)]!;
        const decimal = block.decimalColumns?.includes(block.columns[place(j)]!.key) ?? false;
        if (decimal && unit === 'doubt' && v.value !== null) {
          figures[k] = null;
          unreadable.push(k);
          return;
        }
        figures[k] = decimal && isOtherUnit(unit) && v.value !== null ? toWan(v.value, unit) : v.value;
        if (v.unreadable) unreadable.push(k);
        if (v.tentative !== undefined) tentative[k] = v.tentative;
      });
    });
  });
  return { figures, unreadable, tentative, found: foundAny };
}

/** Another line of the block after `at` whose label holds the phrase that named the row, with figures of its own. */
function twin(lines: Line[], at: number, end: number, match: string[]): boolean {
  const phrase = match.map(labelKey).find((m) => labelText(lines[at]!).includes(m));
  if (!phrase) return false;
  for (let i = at + 1; i < end; i++) if (labelText(lines[i]!).includes(phrase) && figureTokens(lines[i]!).some((t) => t.text !== '')) return true;
  return false;
}

/** A label-only continuation line of a wrapped row label (no figures on it) does not end the row. */
function isWrappedLabel(line: Line): boolean {
  return figureTokens(line).length === 0 && labelText(line).length <= 8 && !/第.*项|信息内容/.test(labelText(line));
}

function findTitle(lines: Line[], from: number, to: number, block: Section2Block): number | undefined {
  // OCR and damaged text lose the brackets or 第: accept （X）项 and 第（X） as well.
  const needles = [`第（${block.item}）项`, `（${block.item}）项`, `第（${block.item}）`].map(labelKey);
  for (const needle of needles) for (let i = from; i < to; i++) if (labelText(lines[i]!).includes(needle)) return i;
  return undefined;
}

/**
 * The block's columns from its header cells, left to right, and the template's column at each place. A header
 * printing the columns in another order (现行有效件数 before 本年制发件数) is read in its own order when each column
 * matches exactly one header cell: read in the template's order, every figure of the row lands in another column,
 * and no check covers 二. Otherwise cells out of order are taken for an accidental match (no model: a row as
 * long as the columns is read in order).
 */
function headerColumns(lines: Line[], from: number, to: number, block: Section2Block): { model: ColumnModel; order: number[]; foreign: number[] } | undefined {
  const all = headerCells(lines, from, to, ['信息内容']);
  // A column the agency added for last year's figure (上年处理决定数量 beside 本年处理决定数量: blind round 8, b72)
  // names the template's column too; it is set aside (its figures are dropped from the rows), unless the template's
  // own column is last year's (2019's 上一年项目数量).
  const foreign = all.filter((c) => PRIOR_YEAR.test(c.text) && block.columns.some((col) => headerMatches(c, col) && !PRIOR_YEAR.test(labelKey(col.label))));
  const cells = all.filter((c) => !foreign.includes(c));
  const centres: number[] = [];
  for (const col of block.columns) {
    const cell = cells.find((c) => headerMatches(c, col));
    if (!cell) return undefined;
    centres.push(cell.x);
  }
  const aside = foreign.map((c) => c.x);
  const inOrder = block.columns.map((_, i) => i);
  if (centres.every((c, i) => i === 0 || c > centres[i - 1]!)) return { model: { anchor: 'centre', centres }, order: inOrder, foreign: aside };
  const unique = block.columns.every((col) => cells.filter((c) => headerMatches(c, col)).length === 1);
  if (!unique || new Set(centres).size !== centres.length) return undefined;
  const order = [...inOrder].sort((a, b) => centres[a]! - centres[b]!);
  return { model: { anchor: 'centre', centres: order.map((i) => centres[i]!) }, order, foreign: aside };
}

/** A header naming last year's figures: 上年, 上一年, 去年, 上年度, or a year (2023年). */
const PRIOR_YEAR = /上一?年|去年|(?:19|20)\d{2}年/;
