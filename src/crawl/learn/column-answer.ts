/**
 * Column-oriented JSON answers read as records: `{"fields":["id","title","url"],"rows":[[1,"…","/a.html"],…]}`
 * (statistics platforms, DataTables' array mode, report servers) becomes `{"fields":[…],"rows":[{id,title,url},…]}`,
 * so the list is found by shape (list-shape.ts) as for an array of objects. The field names are an array of strings
 * (or of objects naming one: `{"name":"title"}`) beside an array of rows of the same length; rows of another length
 * leave the answer as it is.
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

/** The answer with every column-oriented list (near the root) turned into an array of records; others unchanged. */
export function columnsAsRecords(json: Json, depth = 0): Json {
  if (depth > MAX_DEPTH || json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json;
  const out: { [k: string]: Json } = {};
  const headers = Object.values(json).map(fieldNames).filter((n): n is string[] => n !== null);
  for (const [k, v] of Object.entries(json)) {
    const names = headers.find((h) => rowsOf(v, h.length) !== null && fieldNames(v) === null);
    out[k] = names ? rowsOf(v, names.length)!.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]!]))) : columnsAsRecords(v, depth + 1);
  }
  return out;
}
