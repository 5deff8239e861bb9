/** The Debian tesseract CLI, one thread (OpenMP threading made a page 7× slower on 2 cores: extraction.md §2.7). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../tools.ts';
import { writePgm, type Gray } from './image.ts';

export interface OcrWord {
  text: string;
  conf: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface TesseractOptions {
  lang: string;
  psm: number;
  /** e.g. `0123456789` */
  whitelist?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export async function ocrWords(img: Gray, opts: TesseractOptions): Promise<OcrWord[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-ocr-'));
  try {
    const file = path.join(dir, 'in.pgm');
    writeFileSync(file, writePgm(img));
    const args = [file, 'stdout', '-l', opts.lang, '--psm', String(opts.psm)];
    if (opts.whitelist) args.push('-c', `tessedit_char_whitelist=${opts.whitelist}`);
    args.push('-c', 'preserve_interword_spaces=1', 'tsv');
    const env = { ...(opts.env ?? process.env), OMP_THREAD_LIMIT: '1' };
    const { stdout } = await run('tesseract', args, { timeoutMs: opts.timeoutMs ?? 120_000, env });
    return parseTsv(stdout.toString('utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({ left: +f[6]!, top: +f[7]!, width: +f[8]!, height: +f[9]!, conf: +f[10]!, text });
  }
  return words;
}
