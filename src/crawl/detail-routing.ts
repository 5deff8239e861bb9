/**
 * What a request reached as a report (detail) page really answered, decided before it is read as a report:
 *  - a document (PDF, DOC, DOCX, … by its magic bytes, whatever the Content-Type said): it goes through the
 *    downloader and is stored byte for byte, attached to the report its list link named;
 *  - an index of reports (collection.ts): it is read again as a list page;
 *  - otherwise a report page.
 */
import { sniffMediaType, type MediaType } from '../extract/sniff.ts';
import { classifyCollection, type CollectionVerdict } from './collection.ts';
import type { DetailPage } from './detail-page.ts';
import type { PageVisit } from './page-visit.ts';

/** Content-Types under which servers send documents (Crawlee must let them through to the detail handler). */
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-works',
  'application/zip',
  'application/x-download',
  'application/force-download',
  'application/ofd',
];

const DOCUMENT_TYPES = new Set<MediaType>(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ofd', 'odt', 'ods', 'zip', 'jpeg', 'png', 'tiff']);

/**
 * The document type a page visit answered, or null for markup. The visit's text is what Crawlee decoded, so
 * signatures that survive decoding (%PDF-, PK) are sniffed from it, and a non-markup Content-Type whose body is not
 * markup counts as a document even when its binary signature was lost in decoding.
 */
export function answeredDocument(visit: PageVisit): MediaType | 'binary' | null {
  const bytes = Buffer.from(visit.body.slice(0, 64 * 1024), 'utf8');
  const sniffed = sniffMediaType(bytes);
  if (DOCUMENT_TYPES.has(sniffed)) return sniffed;
  if (sniffed === 'html') return null;
  const type = (visit.contentType ?? '').toLowerCase();
  if (DOCUMENT_MIME_TYPES.some((t) => type.startsWith(t)) || type.startsWith('application/octet-stream')) return 'binary';
  // Decoded binary: replacement characters or NULs where text would be.
  const head = visit.body.slice(0, 2048);
  const odd = (head.match(/[\ufffd\u0000]/g) ?? []).length;
  return head.length && odd / head.length > 0.1 ? 'binary' : null;
}

export function collectionVerdict(visit: PageVisit, page: DetailPage, listTitle?: string): CollectionVerdict {
  return classifyCollection(visit.body, visit.loadedUrl, page, listTitle);
}
