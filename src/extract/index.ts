/**
 * The extraction stage's public API: one document in, one ExtractionResult out. Reading never throws: every failure
 * becomes a status with a reason (`failed`, `unsupported`, `needs_ocr`), so one broken document never stops a run.
 * Figures are read by position from the shared line layout, checked by the template arithmetic, and flagged, never
 * corrected. CPU-heavy parsing belongs in the worker pool (pool.ts); this module is what each worker runs.
 */
import { readFile, stat } from 'node:fs/promises';
import { confirmTentative, failedRules, runChecks, withdrawContradictedRows } from './checks.ts';
import { readDoc, sofficeToDocx, UnsupportedDocError } from './formats/doc.ts';
import { hasHiddenText } from './formats/doc-hidden.ts';
import { readDocx } from './formats/docx.ts';
import { readHtml } from './formats/html.ts';
import { withPictureText } from './formats/docx-pictures.ts';
import { readImage } from './formats/image.ts';
import { readOfd } from './formats/ofd.ts';
import { PDF_LIMITS, PdfEncryptedError, readPdf } from './formats/pdf.ts';
import { assertOcrTools, readScannedPdf } from './formats/scan.ts';
import { readSheet } from './formats/xlsx.ts';
import { mapFigures } from './tables/index.ts';
import { detectTemplate } from './template/index.ts';
import { ToolMissingError, which } from './tools.ts';
import type { Extracted, ExtractionResult, MediaType } from './types.ts';
import { isEncryptedOoxml } from './encrypted.ts';
import { assertZipWithinBudget, ZipGuardError } from './zip.ts';
import { readPagePictures, type PagePicture } from './page-pictures.ts';

export type { CheckResult, ExtractionResult, ExtractionStatus, MediaType, TemplateId } from './types.ts';
export { crossYearCheck, runChecks, RULES } from './checks.ts';
export { sniffMediaType } from './sniff.ts';
export { detectTemplate, figureKeys, TEMPLATES } from './template/index.ts';
export { compareRenditions, pickBestRendition, type Disagreement } from './renditions.ts';

export interface ExtractOptions {
  /** Environment for external programs; its PATH decides whether tesseract, pdftoppm and soffice exist. Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Run OCR on scanned PDFs. Default true; false reports `needs_ocr` instead. */
  ocr?: boolean;
  /** Convert DOC/WPS/ODT with LibreOffice when needed. Default true. */
  soffice?: boolean;
  /** Charset from the HTTP Content-Type, for HTML. */
  charset?: string;
  /** Largest input file in bytes. Default 100 MB. */
  maxBytes?: number;
  /** PDF pages read (and OCR'd) at most. Default 200 (OCR: 30). */
  maxPages?: number;
  /** Timeout of each external program run, in ms. Default 120 000. */
  toolTimeoutMs?: number;
  /**
   * The year the catalog gives the report(s) linking this file (read from the report's title on its page), when they
   * agree: 四 with one row per year is read by it when the document's own lines name no year (see section4.ts).
   */
  reportYear?: number;
}

export interface ExtractInput {
  path: string;
  mediaType: MediaType;
  /**
   * An HTML report page's fetched content pictures (the crawl's files of the page, by their order on it): read by
   * OCR where they stand. Absent: none were fetched (an older catalog), and the reason says the page holds pictures.
   */
  pictures?: PagePicture[];
}

type Read = { extracted: Extracted; extractor: string; lowConfidence?: boolean; note?: string };

export async function extractDocument(input: ExtractInput, opts: ExtractOptions = {}): Promise<ExtractionResult> {
  const fail = (status: ExtractionResult['status'], extractor: string, reason: string): ExtractionResult => ({
    status, reason, extractor, text: '', figures: {}, unreadable: [], checks: [],
  });
  let bytes: Uint8Array;
  try {
    const size = (await stat(input.path)).size;
    if (size > (opts.maxBytes ?? 100 * 1024 * 1024)) return fail('failed', 'none', `file too large (${size} bytes)`);
    bytes = await readFile(input.path);
  } catch (err) {
    return fail('failed', 'none', `cannot read file: ${(err as Error).message}`);
  }

  if (isEncryptedOoxml(bytes)) {
    return fail('encrypted', extractorName(input.mediaType), 'encrypted OOXML: a password-protected Office document (EncryptionInfo + EncryptedPackage)');
  }
  let read: Read | ExtractionResult;
  try {
    read = await readByType(bytes, input.mediaType, opts);
  } catch (err) {
    const e = err as Error;
    if (e instanceof PdfEncryptedError) return fail('encrypted', 'pdf-unpdf', 'encrypted PDF: no text without its password');
    if (e instanceof ZipGuardError) return fail('failed', extractorName(input.mediaType), `zip_bomb: ${e.message}`);
    if (e instanceof UnsupportedDocError) return fail('unsupported', 'doc-word-extractor', e.message);
    if (e instanceof ToolMissingError) return fail('needs_ocr', 'ocr-tesseract', `${e.tool} is not installed`);
    return fail('failed', extractorName(input.mediaType), `${e.name}: ${e.message}`.slice(0, 500));
  }
  if ('status' in read) return read;
  if (input.mediaType === 'html' && read.extracted.pagePictures?.length) return withPagePictures(read, input.pictures ?? [], opts);
  if (input.mediaType === 'docx' && read.extracted.bodyImages?.length) return withPictures(read, bytes, opts);
  if (input.mediaType !== 'doc') return finish(read, opts.reportYear);
  // Hidden text (doc-hidden.ts) is in word-extractor's text: only the conversion leaves it out.
  const hidden = hasHiddenText(bytes);
  const fallback = await docFallback(read, bytes, opts, hidden);
  if (!fallback) return finish(read, opts.reportYear);
  const [first, second] = [finish(read, opts.reportYear), finish(fallback, opts.reportYear)];
  if (hidden) {
    if (fallback.extractor === 'doc-soffice') return second;
    return { ...second, status: 'partial', reason: withNote(second.status === 'extracted' ? '' : (second.reason ?? ''), 'the file holds hidden text, read with the visible (figures may hold hidden digits)').replace(/^; /, '') };
  }
  // Keep the conversion unless it reads worse (more unreadable cells or failing rules) than word-extractor did.
  const badness = (r: ExtractionResult) => r.unreadable.length * 1000 + r.checks.filter((c) => c.ok === false).length;
  return badness(second) <= badness(first) ? second : { ...first, reason: withNote(first.reason ?? '', fallback.note ?? 'LibreOffice conversion read worse').replace(/^; /, '') };
}

function extractorName(t: MediaType): string {
  return ({ pdf: 'pdf-unpdf', docx: 'docx-xml', doc: 'doc-word-extractor', odt: 'odt-soffice', xlsx: 'sheet-sheetjs', ods: 'sheet-sheetjs', xls: 'sheet-sheetjs', ofd: 'ofd-xml', html: 'html-cheerio' } as Record<string, string>)[t] ?? t;
}

async function readByType(bytes: Uint8Array, type: MediaType, opts: ExtractOptions): Promise<Read | ExtractionResult> {
  const base = { text: '', figures: {}, unreadable: [], checks: [] };
  switch (type) {
    case 'html':
      return { extracted: readHtml(bytes, { charset: opts.charset }), extractor: 'html-cheerio' };
    case 'docx':
      return { extracted: readDocx(bytes), extractor: 'docx-xml' };
    case 'doc':
      return { extracted: await readDoc(bytes), extractor: 'doc-word-extractor' };
    case 'odt':
      if (opts.soffice === false || !which('soffice', opts.env)) return { ...base, status: 'unsupported', reason: 'ODT needs LibreOffice (soffice), which is not available', extractor: 'odt-soffice' };
      assertZipWithinBudget(bytes); // LibreOffice unzips by itself, without our budget
      return { extracted: readDocx(await sofficeToDocx(bytes, 'odt', { env: opts.env, timeoutMs: opts.toolTimeoutMs })), extractor: 'odt-soffice' };
    case 'xlsx':
    case 'ods':
      assertZipWithinBudget(bytes); // SheetJS unzips by itself, without our budget
      return { extracted: readSheet(bytes), extractor: 'sheet-sheetjs' };
    case 'xls':
      return { extracted: readSheet(bytes), extractor: 'sheet-sheetjs' };
    case 'ofd': {
      const ofd = readOfd(bytes);
      if (ofd.needsOcr) return { ...base, text: ofd.text, status: 'needs_ocr', reason: 'image-only OFD: OCR of OFD page images is not implemented', extractor: 'ofd-xml' };
      return { extracted: ofd, extractor: 'ofd-xml' };
    }
    case 'pdf': {
      const pdf = await readPdf(bytes, { ...PDF_LIMITS, maxPages: opts.maxPages ?? PDF_LIMITS.maxPages });
      if (!pdf.needsOcr) return { extracted: pdf, extractor: 'pdf-unpdf' };
      if (opts.ocr === false) return { ...base, text: pdf.text, status: 'needs_ocr', reason: 'no usable text layer; OCR disabled', extractor: 'pdf-unpdf' };
      try {
        assertOcrTools(opts.env);
      } catch (err) {
        if (err instanceof ToolMissingError) return { ...base, text: pdf.text, status: 'needs_ocr', reason: `no usable text layer and ${err.tool} is not installed`, extractor: 'pdf-unpdf' };
        throw err;
      }
      const scan = await readScannedPdf(bytes, { env: opts.env, maxPages: Math.min(opts.maxPages ?? 30, 30), timeoutMs: opts.toolTimeoutMs });
      return { extracted: scan, extractor: 'ocr-tesseract', lowConfidence: true };
    }
    case 'jpeg':
    case 'png':
      if (opts.ocr === false) return { ...base, status: 'needs_ocr', reason: 'image; OCR disabled', extractor: 'ocr-tesseract' };
      if (!which('tesseract', opts.env)) return { ...base, status: 'needs_ocr', reason: 'image and tesseract is not installed', extractor: 'ocr-tesseract' };
      return { extracted: await readImage(bytes, type, { env: opts.env, timeoutMs: opts.toolTimeoutMs }), extractor: 'ocr-tesseract', lowConfidence: true };
    case 'tiff':
      return { ...base, status: 'needs_ocr', reason: 'TIFF images are not decoded yet', extractor: 'ocr-tesseract' };
    default:
      return { ...base, status: 'unsupported', reason: `media type ${type}`, extractor: 'none' };
  }
}

/**
 * A DOCX with pictures in its body (docx-pictures.ts): when the text alone leaves figures unread, the pictures are
 * OCR'd where they stand and the reading kept if it reads better (fewer unreadable cells, then fewer failing rules);
 * its figures are then low-confidence, as any OCR reading. Without tesseract, or with OCR disabled, the text reading
 * stands (its reason names the pictures).
 */
async function withPictures(read: Read, bytes: Uint8Array, opts: ExtractOptions): Promise<ExtractionResult> {
  const first = finish(read, opts.reportYear);
  if (first.status === 'extracted' || opts.ocr === false || !which('tesseract', opts.env)) return first;
  let ocr: Extracted | undefined;
  try {
    ocr = await withPictureText(bytes, read.extracted, { env: opts.env, timeoutMs: opts.toolTimeoutMs });
  } catch (err) {
    return { ...first, reason: withNote(first.reason ?? '', `OCR of the pictures failed: ${(err as Error).message.slice(0, 200)}`) };
  }
  if (!ocr) return first;
  const second = finish({ extracted: ocr, extractor: 'docx-xml+ocr-tesseract', lowConfidence: true }, opts.reportYear);
  const badness = (r: ExtractionResult) => r.unreadable.length * 1000 + r.checks.filter((c) => c.ok === false).length;
  return badness(second) < badness(first) ? second : first;
}

/**
 * A report page with content pictures (page-pictures.ts): the fetched ones are OCR'd where they stand unless the
 * page's own text holds every table, and the reading kept if it reads more figures (then fewer unreadable cells and
 * failing rules) than the text alone; its figures are then low-confidence, as any OCR reading. Each fetched
 * picture's outcome goes with the result (`pictures`), to be recorded on its file.
 */
async function withPagePictures(read: Read, pictures: PagePicture[], opts: ExtractOptions): Promise<ExtractionResult> {
  const placed = new Set((read.extracted.pagePictures ?? []).map((p) => p.order));
  const fetched = pictures.filter((p) => placed.has(p.order));
  const textOnly: Read = { ...read, extracted: { ...read.extracted, unreadPictures: placed.size - fetched.length } };
  const first = finish(textOnly, opts.reportYear);
  if (!fetched.length) return first;
  const skip = (status: 'extracted' | 'needs_ocr', reason: string): ExtractionResult => ({ ...first, pictures: fetched.map((p) => ({ order: p.order, status, reason })) });
  if (first.status === 'extracted') return skip('extracted', "not read: the page's own text holds every table");
  if (opts.ocr === false || !which('tesseract', opts.env)) {
    const why = opts.ocr === false ? 'OCR disabled' : 'tesseract is not installed';
    return { ...skip('needs_ocr', `not read: ${why}`), reason: withNote(first.reason ?? '', `the page's ${fetched.length} fetched picture${fetched.length > 1 ? 's are' : ' is'} not read: ${why}`) };
  }
  const { extracted, readings } = await readPagePictures(textOnly.extracted, fetched, { env: opts.env, timeoutMs: opts.toolTimeoutMs });
  const read_ = readings.filter((r) => r.status === 'extracted').length;
  const failed = readings.filter((r) => r.status !== 'extracted').map((r) => r.reason);
  const note = [`${read_} of the page's ${fetched.length} fetched picture${fetched.length > 1 ? 's' : ''} read by OCR`, ...failed].join('; ');
  const second = extracted?.ocr ? finish({ extracted, extractor: 'html-cheerio+ocr-tesseract', lowConfidence: true, note }, opts.reportYear) : undefined;
  const figuresRead = (r: ExtractionResult) => Object.values(r.figures).filter((v) => v !== null).length;
  const badness = (r: ExtractionResult) => r.unreadable.length * 1000 + r.checks.filter((c) => c.ok === false).length;
  const better = second && (figuresRead(second) > figuresRead(first) || (figuresRead(second) === figuresRead(first) && badness(second) <= badness(first)));
  if (better) return { ...second, pictures: readings };
  return { ...first, reason: withNote(first.reason ?? '', second ? `${note}, which read no more than the text` : note).replace(/^; /, ''), pictures: readings };
}

/**
 * word-extractor keeps empty cells, which is enough for well-formed tables; anything that does not validate
 * (a cell unreadable, a rule failing) is converted with LibreOffice and read as DOCX, whose grid is exact.
 */
async function docFallback(read: Read, bytes: Uint8Array, opts: ExtractOptions, hidden: boolean): Promise<Read | undefined> {
  const first = finish(read, opts.reportYear);
  const valid = !hidden && first.status === 'extracted' && failedRules(first.checks).length === 0;
  if (valid) return undefined;
  if (opts.soffice === false || !which('soffice', opts.env)) return { ...read, note: 'LibreOffice (soffice) is not installed: no fallback for a table that did not validate' };
  try {
    return { extracted: readDocx(await sofficeToDocx(bytes, 'doc', { env: opts.env, timeoutMs: opts.toolTimeoutMs })), extractor: 'doc-soffice' };
  } catch (err) {
    return { ...read, note: `LibreOffice conversion failed: ${(err as Error).message}` };
  }
}

/** Template, figures, checks and status from a reading; `reportYear` as in ExtractOptions. */
function finish(r: Read, reportYear?: number): ExtractionResult {
  const { extracted, extractor } = r;
  const detection = detectTemplate(extracted.text);
  const template = detection.template;
  const result: ExtractionResult = { status: 'extracted', extractor, text: extracted.text, figures: {}, unreadable: [], checks: [] };
  if (r.lowConfidence || extracted.ocr) result.lowConfidence = true;
  const pictures = unreadPicturesNote(extracted);
  if (!template) {
    return { ...result, status: extracted.text.trim() === '' ? 'failed' : 'partial', reason: withNote(['no report tables found (template not detected)', pictures].filter(Boolean).join('; '), r.note) };
  }
  result.template = template.id;
  const mapped = mapFigures(extracted.lines, template, { title: extracted.title, reportYear });
  const unreadable = [...mapped.unreadable];
  const figures = mapped.figures;
  const withdrawn: string[] = [];
  if (extracted.ocr) {
    confirmTentative(figures, unreadable, mapped.tentative, template.id);
    withdrawn.push(...withdrawContradictedRows(figures, unreadable, template.id));
  }
  result.blank = blankToZero(figures, unreadable);
  result.figures = figures;
  result.unreadable = unreadable;
  result.checks = runChecks(figures, template.id, { unreadable });
  const missing = (['s2', 's3', 's4'] as const).filter((s) => !mapped.found[s]);
  if (!mapped.found.s3) {
    result.status = 'partial';
    result.reason = withNote([`section 三 table not found${missing.length > 1 ? ` (missing: ${missing.join(', ')})` : ''}`, pictures].filter(Boolean).join('; '), r.note);
  } else if (unreadable.length > 0 || missing.length > 0) {
    result.status = 'partial';
    const notes = [
      unreadable.length ? `${unreadable.length} cells unreadable` : '',
      withdrawn.length ? `OCR rows withdrawn, their figures did not add up: ${withdrawn.join(', ')}` : '',
      missing.length ? `tables not found: ${missing.join(', ')}` : '',
      missing.length ? pictures : '',
      ...mapped.notes,
    ];
    result.reason = withNote(notes.filter(Boolean).join('; '), r.note);
  } else if (r.note) result.reason = r.note;
  return result;
}

/**
 * Tables that may be published as pictures nobody read: an HTML page's pictures not fetched with it (an older crawl,
 * or a picture the crawl refused: too large, gone), or a DOCX's pictures when OCR did not read them.
 */
function unreadPicturesNote(ex: Extracted): string {
  if (ex.pagePictures) {
    const n = ex.pagePictures.length;
    const k = ex.unreadPictures ?? n;
    if (!k) return '';
    const which = k === n ? `the page holds ${n} picture${n > 1 ? 's' : ''}, not fetched` : `${k} of the page's ${n} pictures not fetched`;
    return `${which} (an older crawl, or refused by the crawl: see its failures): the tables may be published as images, which are not read`;
  }
  return ex.images ? `the page holds ${ex.images} image${ex.images > 1 ? 's' : ''}: the tables may be published as images, which are not read` : '';
}

/**
 * Cells the document leaves empty are reported as 0 and listed in `blank`. Agencies write blanks for zeros, the
 * template arithmetic counts them as 0, and one report's renditions must export the same number whether a producer
 * printed "0" or nothing; `blank` keeps what the page showed. After this, null means unknown (listed in `unreadable`).
 */
function blankToZero(figures: Record<string, number | null>, unreadable: string[]): string[] {
  const unknown = new Set(unreadable);
  const blank: string[] = [];
  for (const [key, value] of Object.entries(figures)) {
    if (value !== null || unknown.has(key)) continue;
    figures[key] = 0;
    blank.push(key);
  }
  return blank;
}

function withNote(reason: string, note?: string): string {
  return note ? `${reason}; ${note}` : reason;
}
