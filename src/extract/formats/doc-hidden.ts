/**
 * Hidden text in a Word 97 file. word-extractor gives the text stream without character formatting, so text a
 * clerk formatted hidden (字体 → 隐藏: an old figure kept beside the new one) is read with it: "1090" hidden before
 * 948 read 1090948, silently in 表二 (blind round 7, b65; b59, whose hidden digits also broke checks of 三 and 四,
 * went to the LibreOffice conversion and came out right). The character properties (CHPX in the FKP pages that
 * PlcfBteChpx lists, [MS-DOC] 2.9.x) are scanned for sprmCFVanish turned on; a file with any is read through
 * LibreOffice, whose DOCX keeps the flag (formats/docx.ts leaves such runs out). Hidden text set through a
 * character style (the stylesheet's CHPX) is not looked for.
 */
import CFB from 'cfb';

const SPRM_C_F_VANISH = 0x083c;
const PAGE = 512;

/** Operand sizes by spra (the sprm's top three bits); 6 is variable (a length byte first). */
const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

export function hasHiddenText(bytes: Uint8Array): boolean {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(bytes, { type: 'array' });
  } catch {
    return false;
  }
  const stream = (name: string) => {
    const e = CFB.find(cfb, name);
    return e?.content ? Buffer.from(e.content as Uint8Array) : undefined;
  };
  const doc = stream('WordDocument');
  if (!doc || doc.length < 0x102) return false;
  // FibBase.fWhichTblStm (bit 9 of the flags at 0x0A) names the table stream; fcPlcfBteChpx/lcb at 0xFA/0xFE.
  const table = stream((doc.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table');
  if (!table) return false;
  const fc = doc.readUInt32LE(0xfa);
  const lcb = doc.readUInt32LE(0xfe);
  if (lcb < 12 || fc + lcb > table.length) return false;
  const n = (lcb - 4) / 8;
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * PAGE;
    if (page + PAGE > doc.length) continue;
    const crun = doc[page + PAGE - 1]!;
    for (let r = 0; r < crun; r++) {
      const at = doc[page + (crun + 1) * 4 + r]! * 2;
      if (at === 0 || page + at >= page + PAGE - 1) continue;
      const cb = doc[page + at]!;
      if (vanishIn(doc.subarray(page + at + 1, Math.min(page + at + 1 + cb, page + PAGE)))) return true;
    }
  }
  return false;
}

/** True when a grpprl turns sprmCFVanish on (operand 1, or 0x81: the opposite of the style's, i.e. on for text). */
function vanishIn(grpprl: Buffer): boolean {
  for (let i = 0; i + 2 <= grpprl.length; ) {
    const sprm = grpprl.readUInt16LE(i);
    i += 2;
    let size = OPERAND_SIZE[sprm >> 13]!;
    if (size < 0) size = (grpprl[i] ?? 0) + 1;
    if (sprm === SPRM_C_F_VANISH && (grpprl[i] === 0x01 || grpprl[i] === 0x81)) return true;
    i += size;
  }
  return false;
}
