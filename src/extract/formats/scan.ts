/**
 * Scanned PDFs: pages rendered with poppler's pdftoppm (200 dpi, grey) and read by ocr/page.ts. Both tools are
 * external: when either is missing the caller reports `needs_ocr` instead of failing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { linesToText } from '../layout/lines.ts';
import { readPgm } from '../ocr/image.ts';
import { ocrPage } from '../ocr/page.ts';
import { run, ToolMissingError, which } from '../tools.ts';
import type { Extracted, Line } from '../types.ts';

export interface ScanOptions {
  env?: NodeJS.ProcessEnv;
  /** Render resolution. Default 200 dpi (300 for small print). */
  dpi?: number;
  /** Pages OCR'd at most. Default 30. */
  maxPages?: number;
  timeoutMs?: number;
}

/** Throws ToolMissingError naming the first missing program. */
export function assertOcrTools(env: NodeJS.ProcessEnv = process.env): void {
  for (const tool of ['pdftoppm', 'tesseract']) if (!which(tool, env)) throw new ToolMissingError(tool);
}

export async function readScannedPdf(bytes: Uint8Array, opts: ScanOptions = {}): Promise<Extracted> {
  assertOcrTools(opts.env);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-scan-'));
  try {
    const input = path.join(dir, 'in.pdf');
    writeFileSync(input, bytes);
    const args = ['-r', String(opts.dpi ?? 200), '-gray', '-l', String(opts.maxPages ?? 30), input, path.join(dir, 'p')];
    await run('pdftoppm', args, { timeoutMs: opts.timeoutMs ?? 120_000, env: opts.env });
    const pages = readdirSync(dir)
      .filter((f) => /^p-\d+\.pgm$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const lines: Line[] = [];
    for (const [i, f] of pages.entries()) {
      lines.push(...(await ocrPage(readPgm(readFileSync(path.join(dir, f))), i + 1, { env: opts.env, timeoutMs: opts.timeoutMs })));
    }
    return { text: linesToText(lines), lines, ocr: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
