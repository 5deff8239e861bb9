/**
 * DOC and WPS (Word 97 OLE; WPS Office writes the same WordDocument stream). word-extractor gives the text with
 * every table cell ended by a TAB and every row by one more, empty cells included, but rows are not newline-separated
 * (extraction.md §2.3). We cut the cell stream into rows at each label that follows figures and place figures by
 * their cell index in the row. When that does not validate, the orchestrator converts with LibreOffice and reads
 * the DOCX, which keeps the real grid.
 */
import CFB from 'cfb';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import WordExtractor from 'word-extractor';
import { linesToText, paragraphLine } from '../layout/lines.ts';
import { isFigureToken, isNoneMark, normalize } from '../text.ts';
import type { Extracted, Line, TextItem } from '../types.ts';
import { run } from '../tools.ts';
import { OfficeConversionError, officeServer } from './office-server.ts';

/** LibreOffice's export filter for DOCX. */
const DOCX_FILTER = 'MS Word 2007 XML';

export class UnsupportedDocError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDocError';
  }
}

/** Word 97 text through word-extractor; throws UnsupportedDocError when the OLE file has no WordDocument stream. */
export async function readDoc(bytes: Uint8Array): Promise<Extracted> {
  let streams: string[];
  try {
    streams = CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch {
    throw new UnsupportedDocError('not an OLE compound file (old Kingsoft WPS or damaged)');
  }
  if (!streams.some((p) => /(^|\/)WordDocument$/.test(p))) throw new UnsupportedDocError('OLE file without a WordDocument stream');
  const doc = await new WordExtractor().extract(Buffer.from(bytes));
  const lines = cellStreamLines(doc.getBody());
  return { text: linesToText(lines), lines };
}

/** Lines from word-extractor's body: paragraphs stay lines, TAB-separated cell runs become one line per table row. */
export function cellStreamLines(body: string): Line[] {
  const lines: Line[] = [];
  for (const raw of body.split(/\r?\n|\r/)) {
    if (!raw.includes('\t')) {
      if (raw.trim() !== '') lines.push(paragraphLine(raw, 1, lines.length)); // paragraphLine normalises
      continue;
    }
    let labels: string[] = [];
    let figures: string[] = [];
    const flush = () => {
      while (figures.length && figures[figures.length - 1]!.trim() === '') figures.pop(); // row marks and merged cells
      if (labels.length || figures.length) {
        const y = lines.length;
        // Figures are placed by cell index after the row label. A label-only row is a header: its first cell labels
        // the rows below (信息内容) and the others sit over the figure cells, at the same indices.
        const header = figures.length === 0;
        const items: TextItem[] = [
          ...labels.map((text, i) => {
            const x = header && i > 0 ? i - 1 : i - labels.length - 100;
            return { text, page: 1, x0: x, x1: x + 1, y, h: 1 };
          }),
          ...figures.map((text, i) => ({ text: text.trim(), page: 1, x0: i, x1: i + 1, y, h: 1 })),
        ];
        lines.push({ page: 1, y, h: 1, items });
      }
      labels = [];
      figures = [];
    };
    for (const cell of raw.split('\t')) {
      const t = normalize(cell).trim();
      // A bare 无 after the row's label is a zero cell (as in tables/tokens.ts), not a second label.
      const isLabel = t !== '' && !isFigureToken(t) && !(labels.length > 0 && isNoneMark(t));
      if (isLabel && figures.some((f) => f.trim() !== '')) flush();
      if (isLabel) {
        // A label after blank cells: those blanks were row marks or merged cells, not figures.
        if (figures.length) figures = [];
        labels.push(t);
      } else if (labels.length || t !== '') figures.push(t);
    }
    flush();
  }
  return lines;
}

export interface SofficeOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Converts a DOC/WPS/ODT file to DOCX with LibreOffice: through the process's running office when there is one
 * (office-server.ts, a fraction of a command's CPU), else, or when the office could not convert the file, with the
 * one-shot command: its own profile directory (concurrent runs sharing one collide), a timeout, and one retry when no
 * output appears (seen once in the evaluation). A conversion that ran out of time is not tried again.
 */
export async function sofficeToDocx(bytes: Uint8Array, ext: string, opts: SofficeOptions = {}): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-soffice-'));
  try {
    const input = path.join(dir, `in.${ext}`);
    writeFileSync(input, bytes);
    const output = path.join(dir, 'in.docx');
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const server = officeServer(opts.env);
    if (server) {
      try {
        await server.convert(input, output, DOCX_FILTER, timeoutMs);
      } catch (err) {
        if (!(err instanceof OfficeConversionError) || !err.retryable) throw err;
      }
    }
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    for (let attempt = 0; attempt < 2 && !existsSync(output); attempt++) {
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', `docx:${DOCX_FILTER}`, '--outdir', dir, input], {
        timeoutMs,
        env: opts.env,
      });
    }
    if (!existsSync(output)) throw new Error('soffice wrote no output');
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
