/**
 * The addresses a document names: a seed that is a document (a 政府信息公开指南 PDF whose chapter on the annual reports
 * names the 年报 column and links it, round 60c) says where its agency's reports are; the folders above the file hold
 * the guides of every unit and lead to another agency's column. Read: a PDF's link annotations and the addresses its
 * text writes out whole; a DOCX's hyperlinks. Loaded when first needed, as file-title.ts's readers are.
 */
import { sniffMediaType } from '../extract/sniff.ts';
import { unzipSelected, utf8 } from '../extract/zip.ts';

/** Pages of a PDF read for links at most: a guide names its columns in its first chapters. */
const MAX_PAGES = 12;
/** Addresses kept at most: a document linking hundreds is a directory, not a guide to one column. */
const MAX_LINKS = 50;
/** An address written out in text, up to the first character no address holds unescaped. */
const WRITTEN_ADDRESS = /https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s"'<>()（）【】，。；：、]*)?/g;

/** The absolute http(s) addresses a PDF or DOCX names, in document order, distinct; none for any other format. */
export async function documentLinks(bytes: Buffer, fileName: string | null): Promise<string[]> {
  const type = sniffMediaType(bytes, fileName ? { fileName } : {});
  try {
    if (type === 'pdf') return distinct(await pdfLinks(bytes));
    if (type === 'docx') return distinct(docxLinks(bytes));
  } catch {
    // A broken or encrypted document names nothing: its seed is read as before (the folders above it).
  }
  return [];
}

async function pdfLinks(bytes: Buffer): Promise<string[]> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const out: string[] = [];
  try {
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES) && out.length < MAX_LINKS; p++) {
      const page = await doc.getPage(p);
      for (const a of (await page.getAnnotations()) as { subtype?: string; url?: string; unsafeUrl?: string }[]) {
        const url = a.url ?? a.unsafeUrl;
        if (a.subtype === 'Link' && url) out.push(url);
      }
      // Each line's text as written: an address wrapped over two lines is cut there (its annotation, if any, is whole).
      const content = await page.getTextContent();
      let line = '';
      for (const it of content.items) {
        if (!('str' in it)) continue;
        line += it.str;
        if (it.hasEOL) (out.push(...written(line)), (line = ''));
      }
      out.push(...written(line));
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** A DOCX's external hyperlinks (its document part's relationships of TargetMode External). */
function docxLinks(bytes: Buffer): string[] {
  const rels = unzipSelected(bytes, (name) => name === 'word/_rels/document.xml.rels').get('word/_rels/document.xml.rels');
  if (!rels) return [];
  return [...utf8(rels).matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bTargetMode="External"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

function written(text: string): string[] {
  return [...text.matchAll(WRITTEN_ADDRESS)].map((m) => m[0].replace(/[.,;]+$/, ''));
}

function distinct(urls: string[]): string[] {
  const out: string[] = [];
  for (const u of urls) {
    try {
      const href = new URL(u).href;
      if (/^https?:/.test(href) && !out.includes(href)) out.push(href);
    } catch {
      // Not an address.
    }
  }
  return out.slice(0, MAX_LINKS);
}
