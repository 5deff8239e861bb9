/**
 * The real type of a file, from its bytes (never from Content-Type or the URL).
 * Provisional: the extraction engine refines the container types (OLE, ZIP) by their inner streams.
 */
export type MediaType =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'ofd'
  | 'odt'
  | 'zip'
  | 'doc'
  | 'xls'
  | 'wps'
  | 'ole'
  | 'html'
  | 'xml'
  | 'json'
  | 'jpeg'
  | 'png'
  | 'tiff'
  | 'gif'
  | 'rar'
  | '7z'
  | 'text'
  | 'unknown';

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  return sig.every((b, i) => bytes[offset + i] === b);
}

export function sniffMediaType(bytes: Uint8Array, hint: { fileName?: string } = {}): MediaType {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  // Some generators put junk before %PDF; readers accept it within the first KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    if (names.includes('OFD.xml')) return 'ofd';
    if (names.includes('application/vnd.oasis.opendocument.text')) return 'odt';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const name = hint.fileName?.toLowerCase() ?? '';
    if (name.endsWith('.wps')) return 'wps';
    if (name.endsWith('.xls') || name.endsWith('.et')) return 'xls';
    return 'doc';
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) return '7z';
  const text = head.replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[\s>]|<!--)/.test(text)) return 'html';
  if (text.startsWith('<?xml')) return /<html/.test(text) ? 'html' : 'xml';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (bytes.length > 0 && !bytes.subarray(0, 512).includes(0)) return 'text';
  return 'unknown';
}

/** The file extension the store gives a media type. */
export function extensionFor(type: MediaType): string {
  switch (type) {
    case 'jpeg':
      return 'jpg';
    case 'unknown':
    case 'ole':
      return 'bin';
    case 'text':
      return 'txt';
    default:
      return type;
  }
}
