/**
 * The title a document shows on its first page, for a list that links the file under a title cut short
 * ("房县农业农村局2024年度政府信息公开工…" over 点击下载, round 55a): the cut words cannot tell the report's PDF from a
 * 工作要点's, the file's own first page can, as a report page's own title decides a cut list title.
 *
 * Read with extraction's own readers (PDF: the first page only; DOCX), loaded when first needed: a crawl that meets
 * no such file never loads pdf.js.
 */
import { sniffMediaType } from '../extract/sniff.ts';
import { labelKey } from '../extract/text.ts';
import { normalizeTitle, TRUNCATION } from './classify/text.ts';

/** Text items read of a first page at most (a title page holds dozens; a pathological page is not read whole). */
const FIRST_PAGE_ITEMS = 20_000;
/** Characters of a title after the cut words, at most (a title wrapped over two or three lines). */
const TITLE_TAIL = 40;
/** Words a document's name ends with: a title line holding none has wrapped onto the next. */
const TITLE_END = /(?:报告|年报|报表|要点|方案|通知|公告|说明|清单|统计表|分解表|计划|意见|办法|决定|通报|公报|目录|指南|总结)/;
/** Characters of a cut title at least to look for (fewer could be found anywhere). */
const MIN_CUT = 6;

/** The first page's text of a PDF or DOCX, or null when it holds none a crawl can read (a scan, another format). */
export async function firstPageText(bytes: Buffer, fileName: string | null): Promise<string | null> {
  const type = sniffMediaType(bytes, fileName ? { fileName } : {});
  try {
    if (type === 'pdf') {
      const { readPdf } = await import('../extract/formats/pdf.ts');
      // Any text at all: a cover holds only the title and a date, too little for extraction's text-layer test; a
      // broken font's text does not hold the cut words, and names nothing.
      const { text } = await readPdf(bytes, { maxPages: 1, maxItems: FIRST_PAGE_ITEMS });
      return text.trim() ? text : null;
    }
    if (type === 'docx') {
      const { readDocx } = await import('../extract/formats/docx.ts');
      return readDocx(bytes).text;
    }
  } catch {
    // A broken or encrypted file shows no title: the cut title stays undecided (and said).
    return null;
  }
  return null;
}

/**
 * The whole title a cut list title was cut from, as the document's first page writes it: the cut words found in the
 * page's text (spaces and line breaks aside), carried on to the end of the line they end on, and over the next line
 * when the title wraps (the line they end on names no document yet). Null when the page does not hold the cut words
 * (another document, or a title page in other words).
 */
export function titleOnPage(cutTitle: string, pageText: string): string | null {
  const cut = labelKey(normalizeTitle(cutTitle).replace(TRUNCATION, ''));
  if (cut.length < MIN_CUT) return null;
  const lines = pageText.split('\n').map((l) => labelKey(l)).filter(Boolean);
  const flat = lines.join('');
  const at = flat.indexOf(cut);
  if (at < 0) return null;
  // The line the cut words end on, and how much of it they take.
  const end = at + cut.length;
  let line = 0;
  let lineStart = 0;
  while (line < lines.length - 1 && lineStart + lines[line]!.length < end) lineStart += lines[line++]!.length;
  let tail = lines[line]!.slice(end - lineStart);
  if (!TITLE_END.test(tail) && line + 1 < lines.length) tail += lines[line + 1]!;
  return cut + tail.slice(0, TITLE_TAIL);
}
