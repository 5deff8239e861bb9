/**
 * Column-oriented JSON answers read as records: `{"fields":["id","title","url"],"rows":[[1,"…","/a.html"],…]}`
 * (statistics platforms, DataTables' array mode, report servers) becomes `{"fields":[…],"rows":[{id,title,url},…]}`,
 * so the list is found by shape (list-shape.ts) as for an array of objects. The field names are an array of strings
 * (or of objects naming one: `{"name":"title"}`) beside an array of rows of the same length; rows of another length
 * leave the answer as it is. Rows with no header at all are read as records keyed by column index.
 */
import type { Json } from './list-shape.ts';

/** How deep below the root a column-oriented list is looked for (`data.table.rows` is 3). */
const MAX_DEPTH = 4;
const FIELD_NAME = /^[\p{L}_$][\p{L}\p{N}_$.-]{0,40}$/u;

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The field names an array gives (strings, or objects with a name/field/key), or null when it is no header. */
function fieldNames(v: Json): string[] | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const names = v.map((f) => (typeof f === 'string' ? f : isObject(f) ? [f.name, f.field, f.key].find((x) => typeof x === 'string') : undefined));
  if (names.some((n) => typeof n !== 'string' || !FIELD_NAME.test(n))) return null;
  return new Set(names).size === names.length ? (names as string[]) : null;
}

/** Rows of `width` cells each (at least one row), else null. */
function rowsOf(v: Json, width: number): Json[][] | null {
  if (!Array.isArray(v) || !v.length) return null;
  return v.every((r) => Array.isArray(r) && r.length === width) ? (v as Json[][]) : null;
}

/**
 * Rows with no header (DataTables' server-side answer `{draw, recordsTotal, data:[["1","标题","2024-01-20","<a …>"]]}`):
 * one row or more of the same width (2 to 30 cells), every cell a string, number or null, text in each row. Read as
 * records keyed by column index ("0", "1", …).
 */
function headerlessRows(v: Json): Json[][] | null {
  if (!Array.isArray(v) || !Array.isArray(v[0])) return null;
  const width = v[0].length;
  if (width < 2 || width > 30) return null;
  const rows = rowsOf(v, width);
  if (!rows) return null;
  const scalar = (c: Json) => c === null || typeof c === 'string' || typeof c === 'number';
  return rows.every((r) => r.every(scalar) && r.some((c) => typeof c === 'string' && c.trim() !== '')) ? rows : null;
}

const indexed = (row: Json[]): { [k: string]: Json } => Object.fromEntries(row.map((c, i) => [String(i), c]));

/** The answer with every column-oriented list (near the root) turned into an array of records; others unchanged. */
export function columnsAsRecords(json: Json, depth = 0): Json {
  if (depth > MAX_DEPTH || json === null || typeof json !== 'object') return json;
  // An answer that is rows itself (`[["1","标题",…],…]`); rows deeper are met as a field's value below.
  if (Array.isArray(json)) return (depth === 0 ? headerlessRows(json)?.map(indexed) : null) ?? json;
  const out: { [k: string]: Json } = {};
  const headers = Object.values(json).map(fieldNames).filter((n): n is string[] => n !== null);
  for (const [k, v] of Object.entries(json)) {
    const names = headers.find((h) => rowsOf(v, h.length) !== null && fieldNames(v) === null);
    // Rows beside a header of another width are misread columns, not rows without one: left alone.
    const bare = names || headers.length ? null : headerlessRows(v);
    out[k] = names ? rowsOf(v, names.length)!.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]!]))) : bare ? bare.map(indexed) : columnsAsRecords(v, depth + 1);
  }
  return out;
}
