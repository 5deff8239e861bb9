import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { fileNameFromContentDisposition } from '../../src/download/content-disposition.ts';

const NAME = '山东省国防动员办公室2023年政府信息公开工作年度报告.pdf';
/** What Node hands over for raw header bytes: one latin1 char per byte. */
const raw = (bytes: Buffer) => bytes.toString('latin1');

test('RFC 5987 filename* wins', () => {
  assert.equal(fileNameFromContentDisposition(`attachment; filename="x.pdf"; filename*=UTF-8''${encodeURIComponent(NAME)}`), NAME);
});

test('raw GBK bytes in filename="…" (legacy Java servers)', () => {
  const bytes = Buffer.concat([Buffer.from('attachment; filename="', 'latin1'), iconv.encode(NAME, 'gbk'), Buffer.from('"', 'latin1')]);
  assert.equal(fileNameFromContentDisposition(raw(bytes)), NAME);
});

test('raw UTF-8 bytes and %-escapes in filename="…"', () => {
  assert.equal(fileNameFromContentDisposition(raw(Buffer.from(`attachment; filename="${NAME}"`, 'utf8'))), NAME);
  assert.equal(fileNameFromContentDisposition(`attachment; filename="${encodeURIComponent(NAME)}"`), NAME);
});

test('no filename, or no header', () => {
  assert.equal(fileNameFromContentDisposition('inline'), null);
  assert.equal(fileNameFromContentDisposition(undefined), null);
});

