/** `nianbao export`: one row per report file (pages and attachments), with the catalog's view of each. */
import type { Catalog } from '../catalog/catalog.ts';
import type { ExportFilter } from '../catalog/export-queries.ts';
import { csvRecord, writeCsvRecords, type CsvOptions } from './csv.ts';

/** Who published a report and where: the first columns of both exports. */
export const AGENCY_COLUMNS = ['agency', 'province', 'city', 'county', 'division', 'year'] as const;

/** The public column contract; extend at the end, never rename. */
export const REPORT_FILE_COLUMNS = [
  ...AGENCY_COLUMNS,
  'title',
  'report_url',
  'file_url',
  'file_name',
  'sha256',
  'size',
  'media_type',
  'stored_path',
  'extraction_status',
  'published_at',
  'first_seen_at',
  'role',
  'agency_discovered',
  // How the agency was decided: title | publisher | document | seed (a fallback to the seed's agency).
  'attribution',
  // A content picture of the report page (its tables pasted as images): its place among the page's pictures, 1, 2, …
  // in page order; empty for pages and attachments.
  'picture_order',
] as const;

/** The CSV records of `nianbao export`: one per row of the catalog's query, its cells already in column order. */
export function* reportFileRecords(catalog: Catalog, filter: ExportFilter): Generator<string> {
  for (const row of catalog.exports.reportFileRows(REPORT_FILE_COLUMNS, filter)) yield csvRecord(row);
}

export async function exportReportFiles(catalog: Catalog, out: string, filter: ExportFilter, opts: CsvOptions = {}): Promise<number> {
  return writeCsvRecords(out, REPORT_FILE_COLUMNS, reportFileRecords(catalog, filter), opts);
}
