/**
 * `nianbao export --figures`: one row per report, its figures from the best rendition as columns named
 * s3.<row>.<col>, s4.<key>, s2.<row>.<col> (both templates' keys; a report fills those of its own), and the check
 * results: per rule pass / fail / uncertain, the failing checks with their numbers, cross-year (soft) results and
 * the number of figures on which renditions disagree.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { CheckRecord } from '../catalog/extractions.ts';
import { FIGURE_EXPORT_ROW, FIGURE_NEEDS_NUMBER, FIGURE_RECORD, FIGURE_UNIT, type ExportFilter, type ReportFigureRow } from '../catalog/export-queries.ts';
import { RULES } from '../extract/checks.ts';
import { figureKeys, TEMPLATES } from '../extract/template/index.ts';
import { csvCell, writeCsvRecords, type CsvOptions } from './csv.ts';
import { AGENCY_COLUMNS } from './report-files.ts';

export const FIGURE_BASE_COLUMNS = [
  ...AGENCY_COLUMNS,
  'template',
  'status',
  'source_sha256',
  'title',
  'report_url',
  'reason',
] as const;

const HARD_RULES = [RULES.rowTotal, RULES.balance, RULES.outcomeSum, RULES.reviewTotal];
const SOFT_RULES = [RULES.carryOver, RULES.inForce];

export function figureColumns(): string[] {
  const keys = [...figureKeys(TEMPLATES['2021'])];
  for (const k of figureKeys(TEMPLATES['2019'])) if (!keys.includes(k)) keys.push(k);
  // s3 first (the requests table people come for), then s4, then s2.
  const order = (k: string) => (k.startsWith('s3.') ? 0 : k.startsWith('s4.') ? 1 : 2);
  return keys.sort((a, b) => order(a) - order(b));
}

export function checkColumns(): string[] {
  return [...HARD_RULES, ...SOFT_RULES].map((r) => `check.${r}`).concat(['checks_failed', 'disagreements', 'low_confidence', 'unreadable']);
}

function verdict(checks: CheckRecord[], rule: string): string {
  const mine = checks.filter((c) => c.rule === rule);
  if (!mine.length) return '';
  if (mine.some((c) => c.ok === false)) return 'fail';
  if (mine.some((c) => c.ok === null)) return 'uncertain';
  return 'pass';
}

/** Every column of `export --figures`, in order. */
export function figureExportColumns(): string[] {
  // attribution was added after the figure and check columns: appended, so no existing column moves.
  return [...FIGURE_BASE_COLUMNS, ...figureColumns(), ...checkColumns(), 'attribution'];
}

/**
 * The `export --figures` record of each report row as an object: its figures and check verdicts. The web view's
 * downloads use it; the command's export writes the same cells through figureExportRecords, and a test holds the two
 * to the same bytes.
 */
export function* figureRecords(catalog: Catalog, reports: Iterable<ReportFigureRow>): Generator<Record<string, unknown>> {
  const figures = figureColumns();
  for (const r of reports) {
    const x = r.source_sha256 ? catalog.extractions.get(r.source_sha256) : undefined;
    const checks = x?.checks ?? [];
    const soft = catalog.extractions.reportChecks(r.report_id);
    const row: Record<string, unknown> = { ...r };
    const unreadable = new Set(x?.unreadable ?? []);
    for (const k of figures) row[k] = unreadable.has(k) ? '?' : x?.figures[k];
    for (const rule of HARD_RULES) row[`check.${rule}`] = verdict(checks, rule);
    for (const rule of SOFT_RULES) row[`check.${rule}`] = verdict(soft, rule);
    row.checks_failed = checks
      .filter((c) => c.ok === false)
      .map((c) => `${c.rule} ${c.scope}: ${c.actual} ≠ ${c.expected}`)
      .join('; ');
    row.disagreements = (JSON.parse(r.disagreements) as unknown[]).length;
    row.low_confidence = x?.lowConfidence ? 'yes' : '';
    row.unreadable = [...unreadable].join(' ');
    yield row;
  }
}

// Where the catalog's columns sit in its figures-export row (FIGURE_EXPORT_ROW), looked up once.
const COL = Object.fromEntries(FIGURE_EXPORT_ROW.map((c, i) => [c, i])) as Record<(typeof FIGURE_EXPORT_ROW)[number], number>;
const FIRST_CELLS = FIGURE_BASE_COLUMNS.length;
for (let i = 0; i < FIRST_CELLS; i++) {
  if (FIGURE_EXPORT_ROW[i] !== FIGURE_BASE_COLUMNS[i]) throw new Error(`figures export row: column ${i} is ${FIGURE_EXPORT_ROW[i]}, not ${FIGURE_BASE_COLUMNS[i]}`);
}

/** A check row as the catalog gives it: rule, scope, expected, actual, ok (1 pass, 0 fail, NULL uncertain). */
type CheckTuple = unknown[];

/** As verdict(), on check rows as arrays: any failing check fails the rule, else any uncertain one leaves it uncertain. */
function verdictOf(checks: readonly CheckTuple[], rule: string): string {
  let seen = false;
  let uncertain = false;
  for (const c of checks) {
    if (c[0] !== rule) continue;
    seen = true;
    if (c[4] === null) uncertain = true;
    else if (c[4] !== 1) return 'fail';
  }
  return !seen ? '' : uncertain ? 'uncertain' : 'pass';
}

const okValue = (ok: boolean | null) => (ok === null ? null : ok ? 1 : 0);
const NONE: readonly CheckTuple[] = [];
const NO_KEYS: readonly string[] = [];
// The verdict cells and checks_failed of a report without any check: all empty.
const NO_CHECK_CELLS = ','.repeat(HARD_RULES.length + SOFT_RULES.length + 1);

/**
 * The verdict cells (hard rules, then soft) and checks_failed, each after its comma. The hard verdicts come from the
 * rendition's check rows when they were read (a check failed: its numbers are shown), else from the verdicts the
 * catalog keeps per rule (rule US verdict RS …).
 */
function checkCells(hard: readonly CheckTuple[], verdicts: string | null, soft: readonly CheckTuple[]): string {
  if (!hard.length && verdicts === null && !soft.length) return NO_CHECK_CELLS;
  let out = '';
  if (hard.length) for (const rule of HARD_RULES) out += `,${verdictOf(hard, rule)}`;
  else if (verdicts !== null) for (const rule of HARD_RULES) out += `,${keptVerdict(verdicts, rule)}`;
  else out += ','.repeat(HARD_RULES.length);
  for (const rule of SOFT_RULES) out += `,${verdictOf(soft, rule)}`;
  const failed = hard.filter((c) => c[4] !== null && c[4] !== 1).map((c) => `${c[0]} ${c[1]}: ${c[3]} ≠ ${c[2]}`);
  return `${out},${csvCell(failed.join('; '))}`;
}

/** A rule's verdict in the kept form (rule US verdict RS …), or '' when the rendition has no check of it. */
function keptVerdict(verdicts: string, rule: string): string {
  const at = verdicts.startsWith(rule + FIGURE_UNIT) ? 0 : verdicts.indexOf(FIGURE_RECORD + rule + FIGURE_UNIT);
  if (at < 0) return '';
  const from = verdicts.indexOf(FIGURE_UNIT, at + (at === 0 ? 0 : 1)) + 1;
  const to = verdicts.indexOf(FIGURE_RECORD, from);
  return verdicts.slice(from, to < 0 ? undefined : to);
}

/**
 * The CSV records of `export --figures`, cell for cell those of figureRecords written by writeCsv, built without an
 * object, Map or extra statement per report: the catalog's row carries the rendition's figures packed in one string
 * and its checks' verdicts per rule. The figure cells sit in one array reused for every report (a table from key to
 * position, built once); only a failing check, or a figure that is not an integer, costs a statement.
 */
export function* figureExportRecords(catalog: Catalog, filter: ExportFilter): Generator<string> {
  const keys = figureColumns();
  const position = new Map(keys.map((k, i) => [k, i]));
  const cells: string[] = keys.map(() => '');
  const commas = Array.from({ length: keys.length + 1 }, (_, n) => ','.repeat(n));
  const touched: number[] = [];
  const set = (key: string, cell: string) => {
    const p = position.get(key);
    if (p === undefined) return; // a key of neither template: not a column
    cells[p] = cell;
    touched.push(p);
  };
  // The figure cells, each after its comma, and emptied for the next report. A report fills few of the ~250 columns
  // (one template's, often fewer): runs of empty cells are written as a string of commas, not joined cell by cell.
  const figureCells = (): string => {
    let out: string;
    if (touched.length * 8 > keys.length) out = `,${cells.join(',')}`;
    else {
      touched.sort((a, b) => a - b);
      out = '';
      let next = 0;
      for (const p of touched) {
        if (p < next) continue; // set twice (a value, then '?')
        out += `${commas[p - next]},${cells[p]}`;
        next = p + 1;
      }
      out += commas[keys.length - next];
    }
    for (const p of touched) cells[p] = '';
    touched.length = 0;
    return out;
  };
  for (const row of catalog.exports.figureExportRows(filter)) {
    let line = csvCell(row[0]);
    for (let i = 1; i < FIRST_CELLS; i++) line += `,${csvCell(row[i])}`;

    const sha = row[COL.source_sha256] as string;
    const extracted = row[COL.has_extraction] === 1;
    let unreadable: readonly string[] = NO_KEYS;
    let hard: readonly CheckTuple[] = NONE;
    let verdicts: string | null = null;
    if (extracted) {
      const listed = row[COL.unreadable] as string;
      if (listed !== '[]') unreadable = [...new Set(JSON.parse(listed) as string[])];
      const packed = row[COL.figures] as string | null;
      if (packed !== null && packed.includes(FIGURE_UNIT + FIGURE_NEEDS_NUMBER)) {
        // A figure SQLite cannot write as JS would (a fraction, a huge or a non-numeric value): read them as numbers.
        const figures = catalog.extractions.get(sha)?.figures ?? {};
        for (const [k, v] of Object.entries(figures)) set(k, csvCell(v));
      } else if (packed !== null) {
        for (const entry of packed.split(FIGURE_RECORD)) {
          const at = entry.indexOf(FIGURE_UNIT);
          // An integer's text never needs quoting; a negative one is a plain number, which is not neutralised.
          set(entry.slice(0, at), entry.slice(at + 1));
        }
      }
      for (const k of unreadable) set(k, '?');
      // Only a failing check needs its rows (the numbers in checks_failed); the verdicts are kept per rule.
      if (row[COL.failing] === 1) hard = catalog.exports.fileChecks(sha);
      else verdicts = row[COL.verdicts] as string | null;
    }
    line += figureCells();

    const soft: readonly CheckTuple[] =
      row[COL.has_report_checks] === 1
        ? catalog.extractions.reportChecks(row[COL.report_id] as number).map((c) => [c.rule, c.scope, c.expected, c.actual, okValue(c.ok)])
        : NONE;
    line += checkCells(hard, verdicts, soft);
    const disagreements = row[COL.disagreements] as string;
    line += `,${csvCell(disagreements === '[]' ? 0 : (JSON.parse(disagreements) as unknown[]).length)}`;
    line += `,${extracted && row[COL.low_confidence] === 1 ? 'yes' : ''}`;
    line += unreadable.length ? `,${csvCell(unreadable.join(' '))}` : ',';
    line += `,${csvCell(row[COL.attribution])}\r\n`;
    yield line;
  }
}

export async function exportFigures(catalog: Catalog, out: string, filter: ExportFilter, opts: CsvOptions = {}): Promise<number> {
  return writeCsvRecords(out, figureExportColumns(), figureExportRecords(catalog, filter), opts);
}
