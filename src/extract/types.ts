/**
 * Shared types of the extraction stage. Every format reader produces one of two intermediates:
 * grids (HTML, DOCX, DOC via DOCX, XLS/XLSX, ODT, the OCR cell grid) or positioned text items (PDF, OFD).
 * Both are turned into the same `Line[]` by `layout/`, and one mapper (`tables/`) reads figures from lines.
 */

/** What a file is, from its bytes (see sniff.ts). Stored as `files.media_type`; do not rename members. */
export type MediaType =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'ofd'
  | 'odt'
  | 'ods' // OpenDocument spreadsheet (LibreOffice, and the office suites of Kylin/UOS desktops)
  | 'zip'
  | 'doc' // Word 97 OLE, including WPS Office .wps (same WordDocument stream)
  | 'xls'
  | 'html'
  | 'jpeg'
  | 'png'
  | 'tiff'
  | 'unknown';

export type TemplateId = '2019' | '2021';

export type ExtractionStatus = 'extracted' | 'partial' | 'failed' | 'unsupported' | 'needs_ocr' | 'encrypted';

/** One table cell after span expansion. Covered cells of a span are not repeated: `span` says how far a cell reaches. */
export interface GridCell {
  text: string;
  /** Number of grid columns and rows this cell covers (1 when not merged). */
  colSpan: number;
  rowSpan: number;
  /** The cell's content could not be read (a formula of a form not computed): its figure is unreadable, never blank. */
  doubtful?: boolean;
}

/** A table as rows of origin cells placed at their grid column. `null` marks a position covered by a span. */
export interface Grid {
  rows: (GridCell | null)[][];
}

/** A run of text at a position on a page. Units are the source's (PDF points, OFD mm, pixels); y grows downward. */
export interface TextItem {
  text: string;
  page: number;
  x0: number;
  x1: number;
  /** Vertical centre of the glyphs. */
  y: number;
  /** Glyph height (font size); the layout tolerances scale with it. */
  h: number;
  /** OCR could not read this cell with confidence: the figure it lands in is reported unreadable, never guessed. */
  doubtful?: boolean;
}

/** A visual line: items on one page at (about) one height, sorted by x. Lines come in reading order. */
export interface Line {
  page: number;
  y: number;
  h: number;
  items: TextItem[];
}

/** The common output of every format reader. */
export interface Extracted {
  /** Body text, normalised, for search and for template detection. */
  text: string;
  /** The document's content as lines (grids are converted with one grid row per line). */
  lines: Line[];
  /** True when the text came from OCR. */
  ocr?: boolean;
  /** Images in the body (HTML, DOCX): tables published as pictures leave nothing to read, and the reason must say so. */
  images?: number;
  /**
   * An HTML page's content pictures (html/content-pictures.ts): each one's order among them and the line it stands
   * before. The crawl fetches them as the page's files; extraction reads the fetched ones where they stand.
   */
  pagePictures?: { line: number; order: number }[];
  /** Of pagePictures, how many were not read because they were not fetched (none supplied: all of them). */
  unreadPictures?: number;
  /** A DOCX's body pictures: the package part of each and the line it stands before (OCR'd when a table is missing). */
  bodyImages?: { line: number; part: string }[];
  /**
   * The page's own title (HTML <title>), which a CMS may print outside the article it keeps the report in, so that
   * the lines never name the report's year (blind round 8, b70: 四 by year then had no row to choose); for a DOCX,
   * the metadata title (docProps/core.xml), the only place some reused files name the year (round 10, b84).
   */
  title?: string;
}

export interface CheckResult {
  /** Rule id, e.g. `s3.row_total`, `s3.balance`, `s3.outcome_sum`, `s4.block_total`, `cross_year.carry_over`. */
  rule: string;
  /** What the rule was applied to, e.g. `s3.granted` (a row) or `s3.*.natural_person` (a column). */
  scope: string;
  expected: number | null;
  actual: number | null;
  /** `null` = uncertain: a cell the rule needs is unreadable or missing. */
  ok: boolean | null;
  /** Soft rules (across years) flag for review; they never mean the report is wrong. */
  soft?: boolean;
}

export interface ExtractionResult {
  status: ExtractionStatus;
  reason?: string;
  /** Which reader produced the figures, e.g. `pdf-unpdf`, `docx-xml`, `doc-soffice`, `ocr-tesseract`. */
  extractor: string;
  template?: TemplateId;
  text: string;
  /** Every template key → its number; null only when the cell could not be read (then it is in `unreadable`). */
  figures: Record<string, number | null>;
  /** Keys whose cell could not be located or read. A key listed here is never guessed. */
  unreadable: string[];
  /**
   * Keys whose cell the document leaves empty; their figure is 0 (agencies write blanks for zeros). Set whenever a
   * template was detected; absent on results without figures.
   */
  blank?: string[];
  checks: CheckResult[];
  /** Set when the figures came from OCR: review even when the checks pass. */
  lowConfidence?: boolean;
  /** An HTML page's fetched pictures, each as its reading went (read by OCR, or why not): recorded on their files. */
  pictures?: PictureReading[];
}

export interface PictureReading {
  /** Its place among the page's content pictures (report_files.picture_order). */
  order: number;
  status: 'extracted' | 'failed' | 'needs_ocr';
  reason: string;
}
