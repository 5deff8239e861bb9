/**
 * CSV writing (RFC 4180, via csv-stringify) with spreadsheet formula-injection neutralised: a text cell that
 * starts with = + - @ (or a tab / carriage return) is prefixed with a single quote, as OWASP recommends.
 * Plain numbers are left alone, so negative figures stay numbers.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

const NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) return `'${s}`;
  return s;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  bom?: boolean;
}

/** Writes rows to a CSV file atomically (a temp file renamed into place); returns the number of data rows. */
export async function writeCsv(file: string, columns: string[], rows: Iterable<Record<string, unknown>>, opts: CsvOptions = {}): Promise<number> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  let count = 0;
  function* records(): Generator<string[]> {
    for (const row of rows) {
      count += 1;
      yield columns.map((c) => neutralise(row[c]));
    }
  }
  const stringifier = stringify({ header: true, columns, bom: opts.bom ?? false, record_delimiter: '\r\n', quoted_match: /[",\r\n]/ });
  try {
    await pipeline(Readable.from(records()), stringifier, createWriteStream(tmp));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return count;
}
