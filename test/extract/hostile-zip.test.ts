/**
 * Hostile containers: a zip entry is held to its declared size and to a real byte budget WHILE it inflates (the old
 * reader truncated silently at the declared size, so a lying archive was read as partial content without a word);
 * XLSX is checked before SheetJS unzips it by itself; an encrypted OOXML package is `encrypted`, not an unknown type.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import { extractDocument } from '../../src/extract/index.ts';
import { sniffMediaType } from '../../src/extract/sniff.ts';
import { unzipSelected, ZIP_LIMITS, ZipGuardError } from '../../src/extract/zip.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Rewrites the uncompressed size in the local and central headers of one entry (or all): an archive that lies. */
function declareSize(zip: Uint8Array, size: number, only?: string): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const nameAt = (at: number, lenAt: number) => Buffer.from(out.subarray(at, at + view.getUint16(lenAt, true))).toString('utf8');
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && (!only || nameAt(i + 30, i + 26) === only)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && (!only || nameAt(i + 46, i + 28) === only)) view.setUint32(i + 24, size, true);
  }
  return out;
}

const RELS = '<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const docx = (body: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(body) });

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

test('a DOCX whose entries inflate past their declared size is failed with the reason, not read as partial', async () => {
  const body = `<w:document><w:body>${'<w:p><w:r><w:t>2023年政府信息公开工作年度报告</w:t></w:r></w:p>'.repeat(2000)}</w:body></w:document>`;
  const r = await extractDocument({ path: write('liar.docx', declareSize(docx(body), 4000, 'word/document.xml')), mediaType: 'docx' });
  assert.equal(r.status, 'failed');
  assert.match(r.reason!, /^zip_bomb: zip entry word\/document\.xml declares 4000 bytes but inflates to more/);
});

test('a bomb that lies about its size is stopped within one slice of its declaration, never inflated whole', () => {
  const zeros = new Uint8Array(64 * 1024 * 1024);
  const bomb = declareSize(zipSync({ 'word/document.xml': zeros }, { level: 1 }), 1000);
  const err = (() => {
    try {
      unzipSelected(bomb, () => true);
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof ZipGuardError, String(err));
  const stoppedAt = Number(/stopped at (\d+)/.exec(err.message)?.[1]);
  assert.ok(stoppedAt > 1000 && stoppedAt < 32 * 1024 * 1024, `stopped at ${stoppedAt}`);
});

test('the per-entry and total budgets hold while inflating, whatever the headers say', () => {
  const big = new Uint8Array(3 * 1024 * 1024).fill(65);
  const zip = zipSync({ 'a.xml': big, 'b.xml': big });
  const limits = { ...ZIP_LIMITS, entryBytes: 4 * 1024 * 1024, totalBytes: 5 * 1024 * 1024 };
  assert.throws(() => unzipSelected(zip, () => true, limits), /declares more than 5242880 bytes/);
  // Headers that claim little get past the declaration check; the inflating budget still stops them.
  assert.throws(() => unzipSelected(declareSize(zip, 100), () => true, limits), /declares 100 bytes but inflates to more/);
  assert.equal(unzipSelected(zip, (n) => n === 'a.xml', limits).get('a.xml')!.length, big.length);
});

test('an XLSX bomb is refused before SheetJS unzips it', async () => {
  const xlsx = declareSize(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': new Uint8Array(8 * 1024 * 1024) }), 50, 'xl/workbook.xml');
  const r = await extractDocument({ path: write('bomb.xlsx', xlsx), mediaType: 'xlsx' });
  assert.equal(r.status, 'failed');
  assert.match(r.reason!, /^zip_bomb: .*declares 50 bytes but inflates to more/);
});

test('an encrypted OOXML package (OLE with EncryptionInfo + EncryptedPackage) is sniffed by name and is `encrypted`', async () => {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(4096, 0x5a));
  const bytes = CFB.write(cfb, { type: 'buffer' }) as Buffer;
  assert.equal(sniffMediaType(bytes, { fileName: '2023年报.docx' }), 'docx');
  assert.equal(sniffMediaType(bytes, { fileName: '附件.xlsx' }), 'xlsx');
  for (const type of ['docx', 'xlsx'] as const) {
    const r = await extractDocument({ path: write(`locked.${type}`, bytes), mediaType: type });
    assert.equal(r.status, 'encrypted', `${type}: ${r.status} ${r.reason}`);
    assert.match(r.reason!, /encrypted OOXML/);
  }
});
