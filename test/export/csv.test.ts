import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { csvCell, csvRecord, neutralise, writeCsv, writeCsvRecords } from '../../src/export/csv.ts';
import { tempDir } from '../helpers/tmp.ts';

test('cells starting with = + - @ tab or CR are neutralised; numbers, even negative, are not', () => {
  assert.equal(neutralise('=HYPERLINK("http://x","点我")'), `'=HYPERLINK("http://x","点我")`);
  assert.equal(neutralise('+1+cmd|'), `'+1+cmd|`);
  assert.equal(neutralise('-2+3'), `'-2+3`);
  assert.equal(neutralise('@SUM(A1)'), `'@SUM(A1)`);
  assert.equal(neutralise('\t=1'), `'\t=1`);
  assert.equal(neutralise('-3'), '-3');
  assert.equal(neutralise(-3.5), '-3.5');
  assert.equal(neutralise(null), '');
  assert.equal(neutralise('宜春市国防动员办公室'), '宜春市国防动员办公室');
});

test('a record joined whole (the common case) is cell for cell what writing each cell gives', () => {
  // csvRecord joins the cells and checks the line with one expression; any cell that needs quoting or neutralising
  // (or a comma hidden in a cell, which the comma count sees) must send it down the cell-by-cell path.
  const values: unknown[] = ['', null, undefined, 0, 7, -1, 1.5, '-1', '-x', '=a', '+1', '@x', '\tx', '\rx', 'a\rb', 'a,b', ',', 'a"b', 'a\nb', 'a\tb', '中文', 'x=y', 'http://h/a?b=1&c=-2'];
  let records = 0;
  for (const a of values) {
    for (const b of values) {
      for (const cells of [[a], [a, b], [b, 'plain', a], [a, b, a, b]]) {
        assert.equal(csvRecord(cells), `${cells.map(csvCell).join(',')}\r\n`, JSON.stringify(cells));
        records += 1;
      }
    }
  }
  assert.equal(records, values.length ** 2 * 4);
});

test('RFC 4180: quotes doubled, fields with comma, quote or newline quoted, CRLF records, header first', async () => {
  const file = path.join(tempDir(), 'out.csv');
  const n = await writeCsv(file, ['a', 'b'], [
    { a: 'say "hi"', b: 'x,y' },
    { a: 'line1\nline2', b: 7 },
  ]);
  assert.equal(n, 2);
  assert.equal(readFileSync(file, 'utf8'), 'a,b\r\n"say ""hi""","x,y"\r\n"line1\nline2",7\r\n');
});

test('--bom writes a UTF-8 byte-order mark for Excel', async () => {
  const file = path.join(tempDir(), 'bom.csv');
  await writeCsv(file, ['agency'], [{ agency: '山东省' }], { bom: true });
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.subarray(3).toString('utf8'), 'agency\r\n山东省\r\n');
});

test('records longer than the write buffer, and many records, are written whole and in order', async () => {
  const file = path.join(tempDir(), 'big.csv');
  const long = `${'年报,'.repeat(100_000)}end\r\n`;
  const records = ['a\r\n', long, ...Array.from({ length: 50_000 }, (_, i) => `${i},宜春\r\n`), long];
  const n = await writeCsvRecords(file, ['x'], records, { bom: true });
  assert.equal(n, records.length);
  assert.equal(readFileSync(file, 'utf8'), `\ufeffx\r\n${records.join('')}`);
});

test('a failure while writing leaves neither the file nor its temp file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'broken.csv');
  function* failing(): Generator<string> {
    yield 'one\r\n';
    throw new Error('catalog went away');
  }
  await assert.rejects(writeCsvRecords(file, ['x'], failing()), /catalog went away/);
  assert.deepEqual(readdirSync(dir), []);
});
