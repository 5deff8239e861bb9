/**
 * Media type from magic bytes. Portals often serve attachments as application/octet-stream under a misleading
 * name (domain.md §5.6), so the bytes decide; the file name only breaks ties the bytes cannot.
 */
import CFB from 'cfb';
import type { MediaType } from './types.ts';
import { zipEntryNames } from './zip.ts';

export type { MediaType } from './types.ts';

export function sniffMediaType(bytes: Uint8Array, hint: { fileName?: string } = {}): MediaType {
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  const ext = (hint.fileName ?? '').toLowerCase().replace(/^.*\./, '');

  if (findAscii(b, '%PDF-', 1024) >= 0) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return sniffZip(b, ext);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return sniffOle(b, ext);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (looksLikeHtml(b)) return 'html';
  return 'unknown';
}

function sniffZip(b: Uint8Array, ext: string): MediaType {
  let names: string[];
  try {
    names = zipEntryNames(b);
  } catch {
    return 'unknown';
  }
  const has = (n: string) => names.includes(n);
  if (has('word/document.xml') || names.some((n) => /^word\/document\d*\.xml$/.test(n))) return 'docx';
  if (has('xl/workbook.xml') || has('xl/workbook.bin')) return 'xlsx';
  if (has('OFD.xml')) return 'ofd';
  if (has('content.xml') && has('mimetype')) {
    const m = findAscii(b, 'application/vnd.oasis.opendocument.text', 200);
    if (m >= 0 || ext === 'odt') return 'odt';
    // Spreadsheets saved by LibreOffice-based suites (Kylin/UOS desktops); read by SheetJS like XLSX (blind b53).
    if (findAscii(b, 'application/vnd.oasis.opendocument.spreadsheet', 200) >= 0 || ext === 'ods') return 'ods';
  }
  // A DOCX whose main part is not at the usual path: [Content_Types].xml names it.
  if (has('[Content_Types].xml') && ext === 'docx') return 'docx';
  return 'zip';
}

function sniffOle(b: Uint8Array, ext: string): MediaType {
  try {
    const cfb = CFB.read(b, { type: 'array' });
    const streams = new Set(cfb.FullPaths.map((p) => p.replace(/^Root Entry\//, '').replace(/\/$/, '')));
    if (streams.has('WordDocument')) return 'doc'; // Word 97 and WPS Office .wps alike
    if (streams.has('Workbook') || streams.has('Book')) return 'xls';
    // A password-protected DOCX/XLSX is an OLE container (see encrypted.ts): which of the two, only its name says.
    if (streams.has('EncryptionInfo') && streams.has('EncryptedPackage')) return ext === 'xlsx' || ext === 'xls' || ext === 'et' ? 'xlsx' : 'docx';
  } catch {
    // fall through: a damaged container is judged by its name at most
  }
  if (ext === 'doc' || ext === 'wps') return 'doc';
  if (ext === 'xls' || ext === 'et') return 'xls';
  return 'unknown';
}

function looksLikeHtml(b: Uint8Array): boolean {
  const head = latin1Head(b, 2048).replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').trimStart().toLowerCase();
  // A page of one script or a centred message (an ASP.NET handler's `<script>alert('文件不存在！');history.back();
  // </script>` for a file lost in a migration, round 81d) is a web page too, though it has no <html>.
  return /^<(!doctype html|html|head|body|meta|title|table|div|p[ >]|!--|script[\s>]|style[\s>]|center>|h[1-6][\s>]|form[\s>]|font[\s>]|iframe[\s>]|\?xml[^>]*>\s*<(!doctype html|html))/.test(head) || /<html[\s>]/.test(head);
}

/**
 * Word's (or WPS's) "save as web page" document: HTML marked as Office's own (`xmlns:w="urn:schemas-microsoft-com:
 * office:word"`, `<meta name=ProgId content=Word.Document>`, `<meta name=Generator content="Microsoft Word 14">`), often
 * renamed .doc and served as application/msword by old sites (round 65d). It is the document itself, not a web page
 * answering for one: its text is the report's. Read from the first 4 KiB.
 */
export function isOfficeHtml(bytes: Uint8Array): boolean {
  const head = latin1Head(bytes, 4096);
  return /urn:schemas-microsoft-com:office:(?:word|excel)|<meta\s+name\s*=\s*["']?ProgId["']?\s+content\s*=\s*["']?(?:Word\.Document|Excel\.Sheet)|<meta\s+name\s*=\s*["']?Generator["']?\s+content\s*=\s*["']?(?:Microsoft (?:Word|Excel)|WPS)/i.test(head);
}

/** The first `n` bytes read one character a byte (markup's ASCII words stand as they are whatever the charset). */
function latin1Head(b: Uint8Array, n: number): string {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, n)).toString('latin1');
}

function findAscii(b: Uint8Array, s: string, within: number): number {
  const n = Math.min(b.length - s.length, within);
  outer: for (let i = 0; i <= n; i++) {
    for (let j = 0; j < s.length; j++) if (b[i + j] !== s.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
