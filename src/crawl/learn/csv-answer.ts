/**
 * CSV list answers read as JSON. A column may publish its whole list as one spreadsheet file (`nblist.csv`, saved as
 * "CSV UTF-8": a byte-order mark, CRLF, fields quoted only where they hold a comma, a quote or a line break) that the
 * page's script parses (Papa Parse's `download: true, header: true`) and pages on the client. Read as `{rows: [{…}]}`,
 * each row an object keyed by the header line (序号, 标题, 发布日期, 链接 — whatever its language), the list is found
 * by shape (list-shape.ts) as for a JSON answer: by a title-like and a URL-like value, not by key names.
 *
 * Only text that is plainly a table is taken: a header of at least two short names without markup or code
 * punctuation, at least one row, and every row as wide as the header. JSON, XML, HTML, event streams and scripts are
 * read before this (list-shape.ts asks it last).
 */
import { parse } from 'csv-parse/sync';
import type { Json } from './list-shape.ts';

/**
 * Content-Types a CSV list answer comes under (a web server's `.csv` and `.tsv` types): the HTTP lane must let them
 * through when it asks the learned file again on a later run.
 */
export const CSV_MIME_TYPES = ['text/csv', 'application/csv', 'text/comma-separated-values', 'text/tab-separated-values'];

/** Delimiters a spreadsheet writes: comma (CSV), tab (TSV), semicolon (CSV in locales whose decimal mark is a comma). */
const DELIMITERS = [',', '\t', ';'];
/** A header cell: a short name, no markup nor code (`<`, `{`, `(`, `[`, `=`). */
const HEADER_CELL = /^[^<>{}()[\]=]{1,40}$/;
/** Files larger than this are no list answer of one column. */
const MAX_CHARS = 2_000_000;

/** RFC 4180 records of `text` split by `sep` (csv-parse); null when it is not such a text (a quote never closed…). */
function records(text: string, sep: string): string[][] | null {
  try {
    const rows = parse(text, { delimiter: sep, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    // Blank records (a spreadsheet's empty rows) are no records.
    return rows.filter((r) => !r.every((f) => f.trim() === ''));
  } catch {
    return null;
  }
}

/** The rows of a CSV (or TSV) answer as objects keyed by its header; null when the text is not such a table. */
export function csvAnswerAsJson(text: string): Json | null {
  if (text.length > MAX_CHARS) return null;
  const t = text.replace(/^\uFEFF/, '');
  const first = t.trimStart()[0];
  if (!first || '<{['.includes(first)) return null;
  for (const sep of DELIMITERS) {
    if (!t.split(/\r?\n/, 1)[0]!.includes(sep)) continue;
    const rows = records(t, sep);
    if (!rows || rows.length < 2) continue;
    const header = rows[0]!.map((h) => h.trim());
    if (header.length < 2 || !header.every((h) => HEADER_CELL.test(h)) || new Set(header).size !== header.length) continue;
    const body = rows.slice(1);
    if (!body.every((r) => r.length === header.length)) continue;
    return { rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!.trim()]))) };
  }
  return null;
}
