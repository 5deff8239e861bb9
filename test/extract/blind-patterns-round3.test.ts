// Patterns found by round 3 of the blind corpus (docs/blind-documents.md), each on hand-made input: text turned by
// 90° on the page (PDF and OFD), ...
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { readOfd } from '../../src/extract/formats/ofd.ts';
import { readPdf } from '../../src/extract/formats/pdf.ts';

const ROWS = [['alpha', '12', '345'], ['beta', '6', '78'], ['gamma', '0', '9']];
const lineTexts = (lines: { items: { text: string }[] }[]) => lines.map((l) => l.items.map((i) => i.text).join(' '));

test('a PDF page whose text is turned by 90° (either way, no /Rotate) is read as the landscape table it was laid out as', async () => {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const turn of [90, -90]) {
    // A landscape table (rows down, cells across) drawn on a portrait page turned by `turn`.
    const page = pdf.addPage([400, 600]);
    ROWS.forEach((row, r) => row.forEach((t, c) => {
      const [x, y] = [60 + c * 90, 340 - r * 30]; // landscape coordinates, y up, page 600 × 400
      const at = turn === 90 ? { x: 400 - y, y: x } : { x: y, y: 600 - x };
      page.drawText(t, { ...at, size: 11, font, rotate: degrees(turn) });
    }));
    page.drawText('7', { x: 200, y: 20, size: 9, font }); // an upright page number: left out
  }
  const r = await readPdf(await pdf.save());
  const text = lineTexts(r.lines);
  assert.deepEqual(text, [...ROWS.map((row) => row.join(' ')), ...ROWS.map((row) => row.join(' '))]);
});

test('an OFD whose glyphs a CTM turns by 90° is read turned back; upright pages are read as before', () => {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  let id = 10;
  // Landscape page 297 × 210 mm laid on portrait 210 × 297: (x, y) → (y, 297 − x), glyph CTM [0 −1 1 0 0 w].
  const glyphs = (turned: boolean) => ROWS.flatMap((row, r) => row.flatMap((t, c) => [...t].map((ch, k) => {
    const [x, y, w, h] = [40 + c * 30 + k * 2.5, 30 + r * 10, 2.5, 4];
    const box = turned ? `${y} ${297 - x - w} ${h} ${w}` : `${x} ${y} ${w} ${h}`;
    return `<ofd:TextObject ID="${id++}" Boundary="${box}"${turned ? ` CTM="0 -1 1 0 0 ${w}"` : ''} Font="1" Size="3.5"><ofd:TextCode X="0" Y="3.4">${ch}</ofd:TextCode></ofd:TextObject>`;
  })));
  const page = (turned: boolean) => strToU8(`<ofd:Page ${ns}><ofd:Area><ofd:PhysicalBox>0 0 ${turned ? '210 297' : '297 210'}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${id++}">${glyphs(turned).join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
  const ofd = zipSync({
    'OFD.xml': strToU8(`<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(`<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>`),
    'Doc_0/Pages/Page_0/Content.xml': page(true),
    'Doc_0/Pages/Page_1/Content.xml': page(false),
  });
  const text = lineTexts(readOfd(ofd).lines);
  assert.deepEqual(text, [...ROWS.map((row) => row.join(' ')), ...ROWS.map((row) => row.join(' '))]);
});
