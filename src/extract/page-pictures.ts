/**
 * A report page's pictures read where they stand: an agency that pastes 表二–表四 into its article as images (one
 * PNG a table, or the signed paper scanned to one tall JPEG) publishes every figure in them. The crawl fetches the
 * article's pictures as the page's files (html/content-pictures.ts gives both stages the same list, in page order);
 * here each is decoded and OCR'd as a scanned page (the cell pipeline of scanned PDFs) and its lines are put where
 * the picture stands among the page's text and tables, so the chapters still bound the tables.
 */
import { readFile } from 'node:fs/promises';
import { linesToText } from './layout/lines.ts';
import { ocrPage } from './ocr/page.ts';
import { decodeImage } from './formats/image.ts';
import type { Extracted, Line, MediaType, PictureReading } from './types.ts';

/** A fetched picture of the page: its order among the page's pictures, where its bytes are, what they are. */
export interface PagePicture {
  order: number;
  path: string;
  mediaType: MediaType;
  /** Its address, named in reasons. */
  url: string;
}

export interface PagePicturesOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Pictures OCR'd at most on one page (a report's tables fill a few pages; a photo gallery is not a report). */
export const MAX_PAGE_PICTURES = 16;

/**
 * The page's reading with each fetched picture's OCR lines inserted where the picture stands, marked OCR; and each
 * picture's outcome. `lines` undefined when no picture gave a line (photos without text, pictures not decoded).
 */
export async function readPagePictures(ex: Extracted, pictures: PagePicture[], opts: PagePicturesOptions = {}): Promise<{ extracted?: Extracted; readings: PictureReading[] }> {
  const byOrder = new Map(pictures.map((p) => [p.order, p]));
  const readings: PictureReading[] = [];
  const inserts: { line: number; lines: Line[] }[] = [];
  let page = 2; // OCR lines carry page numbers of their own: their positions are pixels of their picture
  for (const place of ex.pagePictures ?? []) {
    const pic = byOrder.get(place.order);
    if (!pic) continue;
    if (readings.length >= MAX_PAGE_PICTURES) {
      readings.push({ order: pic.order, status: 'needs_ocr', reason: `not read: more than ${MAX_PAGE_PICTURES} pictures on the page` });
      continue;
    }
    if (pic.mediaType !== 'jpeg' && pic.mediaType !== 'png') {
      readings.push({ order: pic.order, status: 'failed', reason: `picture ${pic.url} is ${pic.mediaType}, not a JPEG or PNG: not read` });
      continue;
    }
    let lines: Line[];
    try {
      lines = await ocrPage(decodeImage(await readFile(pic.path), pic.mediaType), page++, opts);
    } catch (err) {
      readings.push({ order: pic.order, status: 'failed', reason: `picture ${pic.url} unreadable: ${(err as Error).message.slice(0, 200)}` });
      continue;
    }
    readings.push({ order: pic.order, status: 'extracted', reason: `read by OCR with its page: ${lines.length} line${lines.length === 1 ? '' : 's'}` });
    if (lines.length > 0) inserts.push({ line: place.line, lines });
  }
  const unreadPictures = (ex.pagePictures ?? []).filter((p) => !byOrder.has(p.order)).length;
  if (inserts.length === 0) return { readings, extracted: { ...ex, unreadPictures } };
  const out = [...ex.lines];
  // From the last insert back, so earlier positions stay valid; pictures at one position keep their order.
  for (const ins of [...inserts].reverse()) out.splice(ins.line, 0, ...ins.lines);
  return { readings, extracted: { ...ex, lines: out, text: linesToText(out), ocr: true, unreadPictures } };
}
