/**
 * Pictures in a DOCX's body read by OCR: an office that keeps its statistics in a reporting system prints the table,
 * has it signed, scans it and pastes the scanned page into the Word report (blind round 14, b111: 表三 as two JPEG
 * pages in chapter 三, 表二 and 四 Word tables). Read as text only, 三 was "not found" and the reason did not say
 * why. Each picture is decoded and OCR'd as a scanned page (the same cell pipeline as scanned PDFs and bare images),
 * and its lines are put where the picture stands, so the chapters still bound the tables.
 */
import { linesToText } from '../layout/lines.ts';
import { ocrPage } from '../ocr/page.ts';
import type { Extracted, Line } from '../types.ts';
import { unzipSelected } from '../zip.ts';
import { decodeImage } from './image.ts';

export interface PictureOcrOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Pictures OCR'd at most (a report's tables fill a few pages; logos and seals are small and few). */
const MAX_PICTURES = 12;

const kind = (b: Uint8Array): 'jpeg' | 'png' | undefined =>
  b[0] === 0xff && b[1] === 0xd8 ? 'jpeg' : b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 ? 'png' : undefined;

/**
 * The reading with each body picture's OCR lines inserted before the line the picture stands before, marked as
 * OCR (low confidence); undefined when no picture could be decoded or gave a line. OCR lines carry page numbers of
 * their own (2, 3, …): their positions are pixels of their picture, not the document's line numbers.
 */
export async function withPictureText(bytes: Uint8Array, ex: Extracted, opts: PictureOcrOptions = {}): Promise<Extracted | undefined> {
  const pictures = (ex.bodyImages ?? []).slice(0, MAX_PICTURES);
  const want = new Set(pictures.map((p) => p.part));
  const parts = unzipSelected(bytes, (n) => want.has(n));
  const inserts: { line: number; lines: Line[] }[] = [];
  let page = 2;
  for (const pic of pictures) {
    const data = parts.get(pic.part);
    const type = data && kind(data);
    if (!data || !type) continue;
    let img;
    try {
      img = decodeImage(data, type);
    } catch {
      continue; // a variant not decoded here (CMYK PNG, 16-bit): the picture stays unread
    }
    const lines = await ocrPage(img, page++, opts);
    if (lines.length > 0) inserts.push({ line: pic.line, lines });
  }
  if (inserts.length === 0) return undefined;
  const out = [...ex.lines];
  // From the last insert back, so earlier positions stay valid; pictures at one position keep their order.
  for (const ins of [...inserts].reverse()) out.splice(ins.line, 0, ...ins.lines);
  return { ...ex, lines: out, text: linesToText(out), ocr: true };
}
