/**
 * `nianbao export --figures`: one row per report, its figures from the best rendition as columns named
 * s3.<row>.<col>, s4.<key>, s2.<row>.<col> (both templates' keys; a report fills those of its own), and the check
 * results: per rule pass / fail / uncertain, the failing checks with their numbers, cross-year (soft) results and
 * the number of figures on which renditions disagree.
 */
import type { Catalog } from '../catalog/catalog.ts';
import type { CheckRecord } from '../catalog/extractions.ts';
import type { ExportFilter, ReportFigureRow } from '../catalog/export-queries.ts';
import { RULES } from '../extract/checks.ts';
import { figureKeys, TEMPLATES } from '../extract/template/index.ts';
import { writeCsv, type CsvOptions } from './csv.ts';
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

/** The `export --figures` record of each report row: its figures and check verdicts (shared with the web view). */
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

export async function exportFigures(catalog: Catalog, out: string, filter: ExportFilter, opts: CsvOptions = {}): Promise<number> {
  return writeCsv(out, figureExportColumns(), figureRecords(catalog, catalog.exports.reportFigures(filter)), opts);
}
