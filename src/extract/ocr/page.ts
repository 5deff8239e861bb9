/**
 * OCR of one page image into lines: table cells are located (grid.ts) and read one by one, never by whole-page OCR
 * (chi_sim reads lone digits as CJK and drops digits: 0–34 % of cells, extraction.md §2.7). All cells of a page are
 * stacked into one image per pass: a chi_sim pass tells labels from figures, a digits-only pass reads the figures.
 * A figure cell that stays unreadable is marked doubtful, and its figure is reported unreadable, never guessed.
 */
import { hasCjk, normalize } from '../text.ts';
import type { Line, TextItem } from '../types.ts';
import { detectGrid, type Cell } from './grid.ts';
import { blank, blit, ink, type Gray } from './image.ts';
import { ocrWords, type OcrWord } from './tesseract.ts';
import { decide, settled, type Reading } from './vote.ts';

export interface OcrPageOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

interface Crop {
  cell: Cell;
  x: number;
  y: number;
  w: number;
  h: number;
  ink: ReturnType<typeof ink>;
  label?: string;
  labelConf?: number;
  digits?: string;
  conf?: number;
  doubtful?: boolean;
}

/** Item height in pixels for the shared layout tolerances (a 9 pt glyph at 200 dpi is ~25 px). */
const ITEM_H = 20;
const INSET = 4;
const NOISE = 12;

export async function ocrPage(img: Gray, page: number, opts: OcrPageOptions = {}): Promise<Line[]> {
  const grid = detectGrid(img);
  const t = Math.tan(grid.angle);
  const toPage = (xs: number, ys: number) => ({ x: (xs - ys * t) / (1 + t * t), y: (ys + xs * t) / (1 + t * t) });
  const crops: Crop[] = [];
  for (const band of grid.bands) {
    for (const cell of band.cells) {
      const xm = (cell.x0 + cell.x1) / 2;
      const ym = (cell.y0 + cell.y1) / 2;
      const x = Math.round(toPage(cell.x0, ym).x) + INSET;
      const x1 = Math.round(toPage(cell.x1, ym).x) - INSET;
      const y = Math.round(toPage(xm, cell.y0).y) + INSET;
      const y1 = Math.round(toPage(xm, cell.y1).y) - INSET;
      if (x1 - x < 4 || y1 - y < 4) continue;
      crops.push({ cell, x, y, w: x1 - x, h: y1 - y, ink: ink(grid.clean, x, y, x1 - x, y1 - y) });
    }
  }
  const inked = crops.filter((c) => c.ink.count > NOISE);
  const tess = { env: opts.env, timeoutMs: opts.timeoutMs };

  // Pass 1: every inked cell in chi_sim. Two or more CJK characters make it a label or header.
  const labels = await readStack(grid.clean, inked, 1, { lang: 'chi_sim', psm: 6, ...tess });
  inked.forEach((c, i) => ((c.label = labels[i]!.text), (c.labelConf = labels[i]!.conf)));
  // Figures are one short line: a cell whose ink is much taller than the typical cell's is a wrapped label.
  const inkHeights = inked.map((c) => c.ink.y1 - c.ink.y0 + 1).sort((a, b) => a - b);
  const typical = inkHeights[Math.floor(inkHeights.length / 2)] ?? 0;
  const figures = inked.filter((c) => {
    const label = c.label ?? '';
    const cjk = [...label].filter((ch) => hasCjk(ch)).length;
    return cjk < 2 && label.length <= 8 && c.ink.y1 - c.ink.y0 + 1 <= typical * 1.6;
  });

  // Label cells the stacked pass could not read (wrapped, tall cells suffer most) get a pass of their own.
  for (const c of inked) {
    if (figures.includes(c) || [...(c.label ?? '')].filter((ch) => hasCjk(ch)).length >= 2) continue;
    const [again] = await readStack(grid.clean, [c], 1, { lang: 'chi_sim', psm: 6, ...tess });
    if (again && [...again.text].filter((ch) => hasCjk(ch)).length >= 2) c.label = again.text;
  }

  // Pass 2: figure candidates, ×3, digits only; then single-line retries for the cells not yet decided (vote.ts).
  const digits = await readStack(grid.clean, figures, 3, { lang: 'eng', psm: 6, whitelist: '0123456789.', ...tess });
  for (const [i, c] of figures.entries()) {
    const readings: Reading[] = [{ text: digits[i]!.text.replace(/[^\d.]/g, ''), conf: digits[i]!.conf }];
    // The chi_sim pass read the same cell: a second model, counted when it read nothing but digits.
    const label = normalize(c.label ?? '').replace(/\s/g, '');
    if (/^\d+(\.\d+)?$/.test(label)) readings.push({ text: label, conf: c.labelConf ?? 0, model: 'chi_sim' });
    // Retries one cell at a time: single-line mode, then on a binarised crop (blurred grey strokes defeat the
    // digit model: a clean-looking 7 read as nothing until thresholded).
    for (const binarize of [undefined, 170]) {
      if (settled(readings)) break;
      const [again] = await readStack(grid.clean, [c], 3, { lang: 'eng', psm: 7, whitelist: '0123456789.', ...tess }, binarize);
      readings.push({ text: again!.text.replace(/[^\d.]/g, ''), conf: again!.conf });
    }
    // The digit model rejects a tall, thin single stroke; it is a 1.
    if (readings.every((r) => r.text === '' || r.text === '1') && isLoneStroke(c, grid.clean)) readings.push({ text: '1', conf: 50, model: 'shape' });
    const d = decide(readings);
    c.digits = d.text;
    c.conf = d.conf;
    c.doubtful = d.doubtful;
  }

  const lines: Line[] = [];
  for (const band of grid.bands) {
    const y = (band.y0 + band.y1) / 2;
    const items: TextItem[] = band.cells.map((cell) => {
      const c = crops.find((k) => k.cell === cell);
      const base = { page, x0: cell.x0, x1: cell.x1, y, h: ITEM_H };
      if (!c || c.ink.count <= NOISE) return { ...base, text: '' };
      if (c.digits !== undefined) return { ...base, ...figureText(c.digits, c.doubtful) };
      return { ...base, text: normalize(c.label ?? '') };
    });
    lines.push({ page, y, h: ITEM_H, items });
  }

  // Running text outside the tables: whole-page chi_sim with the table areas whitened.
  const text = { ...img, data: new Uint8Array(img.data) };
  for (const band of grid.bands) {
    const y0 = Math.max(0, Math.floor(toPage(0, band.y0).y) - 6);
    const y1 = Math.min(img.height, Math.ceil(toPage(img.width, band.y1).y) + 6);
    const ya = Math.min(y0, Math.max(0, Math.floor(toPage(img.width, band.y0).y) - 6));
    const yb = Math.max(y1, Math.min(img.height, Math.ceil(toPage(0, band.y1).y) + 6));
    text.data.fill(255, ya * img.width, yb * img.width);
  }
  const words = await ocrWords(text, { lang: 'chi_sim', psm: 3, ...tess });
  for (const l of groupLines(words)) lines.push({ page, y: l.y, h: ITEM_H, items: [{ text: l.text, page, x0: l.x0, x1: l.x1, y: l.y, h: ITEM_H }] });
  return lines.sort((a, b) => a.y - b.y);
}

/**
 * The digit 1 that the whitelist model often drops: a tall blob whose middle is one narrow vertical stem (a serif 1's
 * flag and foot make its box too wide for a plain aspect-ratio test; a 7's diagonal wanders and fails the stem test).
 */
function isLoneStroke(c: Crop, img: Gray): boolean {
  const { x0, x1, y0, y1, count } = c.ink;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  if (count <= NOISE || h < 12 || h >= c.h || h / w < 1.8) return false;
  const stem = Math.max(3, Math.round(0.2 * h));
  let left = -Infinity;
  let right = Infinity;
  for (let y = y0 + Math.round(0.3 * h); y <= y0 + Math.round(0.8 * h); y++) {
    let a = Infinity;
    let b = -Infinity;
    for (let x = x0; x <= x1; x++) if (img.data[y * img.width + x]! < 160) (a = Math.min(a, x)), (b = Math.max(b, x));
    if (b < a || b - a + 1 > stem) return false;
    left = Math.max(left, a);
    right = Math.min(right, b);
  }
  return right >= left; // one column is inked on every middle row: a vertical stem
}

interface StackReading {
  text: string;
  conf: number;
}

/** Stacks the crops vertically on white, OCRs once, and hands each word back to the crop whose slot holds its centre. */
/**
 * A figure cell's item from its digits. Digits with a stray point ("3." for a 5 half read: blind round 14, b111) are
 * no number: as text the cell was taken for a label, every figure left of it dropped and the row read as blanks
 * (zeros, wrong). They stay a figure cell, doubtful (unreadable, never guessed).
 */
export function figureText(digits: string, doubtful?: boolean): { text: string; doubtful?: boolean } {
  if (/\d/.test(digits) && !/^\d+(?:\.\d+)?$/.test(digits)) return { text: digits.replace(/\./g, ''), doubtful: true };
  return { text: digits, doubtful };
}

/**
 * Tesseract refuses an image taller than 32767 pixels ("Image too large"): a dense page's figure cells, stacked ×3
 * for the digit pass, reach that (blind round 14, b111: 150 cells of a scanned 表三, 34047 px). Stacks are cut
 * into parts below this height, each read on its own.
 */
const MAX_STACK_HEIGHT = 30_000;

/** Where a stack of crops of these heights must be cut to stay below MAX_STACK_HEIGHT; undefined when it fits. */
export function stackCut(heights: number[], scale: number, gap: number): number | undefined {
  let height = gap;
  for (const [i, h] of heights.entries()) {
    height += h * scale + gap;
    if (height > MAX_STACK_HEIGHT && i > 0) return i;
  }
  return undefined;
}

async function readStack(img: Gray, crops: Crop[], scale: number, opts: Parameters<typeof ocrWords>[1], binarize?: number): Promise<StackReading[]> {
  if (crops.length === 0) return [];
  const gap = 48;
  const pad = 24;
  const cut = stackCut(crops.map((c) => c.h), scale, gap);
  if (cut !== undefined) return [...(await readStack(img, crops.slice(0, cut), scale, opts, binarize)), ...(await readStack(img, crops.slice(cut), scale, opts, binarize))];
  const width = Math.max(...crops.map((c) => c.w)) * scale + 2 * pad;
  const slots: { top: number; bottom: number }[] = [];
  let y = gap;
  for (const c of crops) {
    slots.push({ top: y, bottom: y + c.h * scale });
    y += c.h * scale + gap;
  }
  const stack = blank(width, y);
  crops.forEach((c, i) => blit(img, c.x, c.y, c.w, c.h, stack, pad, slots[i]!.top, scale));
  if (binarize !== undefined) for (let i = 0; i < stack.data.length; i++) stack.data[i] = stack.data[i]! < binarize ? 0 : 255;
  const words = await ocrWords(stack, opts);
  const per: OcrWord[][] = crops.map(() => []);
  for (const w of words) {
    const cy = w.top + w.height / 2;
    const i = slots.findIndex((s) => cy >= s.top - gap / 2 && cy < s.bottom + gap / 2);
    if (i >= 0) per[i]!.push(w);
  }
  // Words of one slot: lines by vertical overlap (chi_sim words of one line have uneven tops), each left to right.
  return per.map((ws) => ({
    text: groupLines(ws).map((l) => l.text).join(''),
    conf: ws.length ? Math.min(...ws.map((w) => w.conf)) : 0,
  }));
}

/** Whole-page words grouped into text lines by vertical overlap. */
function groupLines(words: OcrWord[]): { text: string; y: number; x0: number; x1: number }[] {
  const lines: { words: OcrWord[]; y: number; h: number }[] = [];
  for (const w of [...words].sort((a, b) => a.top - b.top)) {
    const cy = w.top + w.height / 2;
    const line = lines.find((l) => Math.abs(l.y - cy) < Math.max(l.h, w.height) * 0.5);
    if (line) line.words.push(w);
    else lines.push({ words: [w], y: cy, h: w.height });
  }
  return lines.sort((a, b) => a.y - b.y).map((l) => {
    const ws = l.words.sort((a, b) => a.left - b.left);
    return { text: ws.map((w) => w.text).join(''), y: l.y, x0: ws[0]!.left, x1: Math.max(...ws.map((w) => w.left + w.width)) };
  });
}
