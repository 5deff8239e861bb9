// Hostile and broken inputs end as a status with a reason, never as a crash.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { extractDocument } from '../../src/extract/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import { diffFigures, groundTruth, repoRoot, sample } from './helpers.ts';

/** Rewrites the uncompressed-size fields of every local and central header: a bomb that declares its size. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

const docx = (body: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    '_rels/.rels': strToU8('<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(body),
  });

test('a zip bomb (declared size over the cap) fails with reason zip_bomb', async () => {
  const file = path.join(tempDir(), 'bomb.docx');
  writeFileSync(file, declareSize(docx('<w:document/>'), 3_000_000_000));
  const r = await extractDocument({ path: file, mediaType: 'docx' });
  assert.equal(r.status, 'failed');
  assert.match(r.reason!, /^zip_bomb/);
});

test('a zip entry that inflates to more than it declares is refused', async () => {
  const file = path.join(tempDir(), 'liar.docx');
  writeFileSync(file, declareSize(docx(`<w:document>${'<w:p/>'.repeat(50_000)}</w:document>`), 100));
  const r = await extractDocument({ path: file, mediaType: 'docx' });
  assert.equal(r.status, 'failed');
});

test('an encrypted PDF is `encrypted`, with the reason', async () => {
  const r = await extractDocument({ path: path.join(repoRoot, 'test/extract/fixtures/encrypted.pdf'), mediaType: 'pdf' });
  assert.equal(r.status, 'encrypted');
  assert.match(r.reason!, /^encrypted PDF/);
});

test('malformed files fail with a reason', async () => {
  const dir = tempDir();
  const cases: [string, string, Uint8Array][] = [
    ['bad.pdf', 'pdf', strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ntrailer << /Root 1 0 R >>\n%%EOF')],
    ['trunc.pdf', 'pdf', strToU8('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<')],
    ['bad.docx', 'docx', strToU8('PK\u0003\u0004 not really a zip')],
    ['bad.xlsx', 'xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])],
    ['bad.ofd', 'ofd', zipSync({ 'OFD.xml': strToU8('<ofd:OFD><ofd:DocBody/></ofd:OFD>') })],
    ['bad.doc', 'doc', new Uint8Array(600).fill(7)],
  ];
  for (const [name, type, bytes] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = await extractDocument({ path: file, mediaType: type as 'pdf' });
    assert.ok(['failed', 'unsupported', 'needs_ocr'].includes(r.status), `${name}: ${r.status}`);
    assert.ok(r.reason, name);
  }
});

test('a missing file and an unknown type are reported', async () => {
  assert.equal((await extractDocument({ path: '/nonexistent/x.pdf', mediaType: 'pdf' })).status, 'failed');
  const file = path.join(tempDir(), 'x.bin');
  writeFileSync(file, 'hello');
  assert.equal((await extractDocument({ path: file, mediaType: 'unknown' })).status, 'unsupported');
});

test('without LibreOffice: ODT is unsupported with the reason, DOC keeps the word-extractor reading', async () => {
  const env = { ...process.env, PATH: '/nonexistent' };
  const odt = await extractDocument({ path: sample('s002.odt'), mediaType: 'odt' }, { env });
  assert.equal(odt.status, 'unsupported');
  assert.match(odt.reason!, /soffice/);
  // synth's random figures fail the balance rules, which would send it to LibreOffice; without it the note says so.
  const doc = await extractDocument({ path: sample('synth.doc'), mediaType: 'doc' }, { env });
  assert.equal(doc.extractor, 'doc-word-extractor');
  assert.equal(doc.status, 'extracted');
  assert.match(doc.reason!, /soffice/);
  assert.deepEqual(diffFigures(doc.figures, groundTruth('synth').figures), []);
});
