/**
 * Struck-out text in a PDF: a document exported with its tracked changes shown (Word's or LibreOffice's "show
 * markup") draws deleted text with a line through it, beside the inserted text. The text layer carries no strike,
 * so "23" replacing a struck "32" reads "3223". The strikes are found among the page's drawn paths: short horizontal
 * lines (or hairline-thin rectangles) through the middle of a run's glyphs; the glyphs they cross are left out.
 * A table rule is no strike: it runs well past the text it crosses.
 */
import type { OrientedRun } from '../layout/upright.ts';

/** A horizontal line on the page, device space (x right, y down). */
export interface Stroke {
  x0: number;
  x1: number;
  y: number;
}

// pdf.js operator and path-command codes (OPS, DrawOPS).
const OP = { save: 10, restore: 11, transform: 12, constructPath: 91, endPath: 28 } as const;
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });

/** Horizontal strokes of a page's operator list, in device space (`viewport` maps user space to it). */
export function horizontalStrokes(ops: { fnArray: number[]; argsArray: unknown[] }, viewport: number[]): Stroke[] {
  const out: Stroke[] = [];
  let ctm = viewport as Matrix;
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OP.save) stack.push(ctm);
    else if (fn === OP.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OP.transform && args) ctm = mul(ctm, args as Matrix);
    else if (fn === OP.constructPath && args && args[0] !== OP.endPath) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) collect(data, ctm, out);
    }
  });
  return out;
}

/** Horizontal line segments of one path, and thin rectangles drawn as closed four-point paths. */
function collect(d: ArrayLike<number>, m: Matrix, out: Stroke[]): void {
  let k = 0;
  let poly: { x: number; y: number }[] = [];
  const flush = () => {
    if (poly.length >= 2) {
      const ys = poly.map((p) => p.y);
      const xs = poly.map((p) => p.x);
      const [y0, y1, x0, x1] = [Math.min(...ys), Math.max(...ys), Math.min(...xs), Math.max(...xs)];
      // A line, or a rectangle no thicker than a hairline (1.5 units) and longer than it is thick.
      if (y1 - y0 <= 1.5 && x1 - x0 > 2 * (y1 - y0)) out.push({ x0, x1, y: (y0 + y1) / 2 });
    }
    poly = [];
  };
  while (k < d.length) {
    const op = d[k++];
    if (op === DRAW.moveTo) {
      flush();
      poly.push(apply(m, d[k]!, d[k + 1]!));
      k += 2;
    } else if (op === DRAW.lineTo) {
      poly.push(apply(m, d[k]!, d[k + 1]!));
      k += 2;
    } else if (op === DRAW.curveTo) {
      poly = [];
      k += 6;
    } else if (op === DRAW.quadraticCurveTo) {
      poly = [];
      k += 4;
    } else if (op === DRAW.closePath) flush();
    else return;
  }
  flush();
}

/**
 * The run without the glyphs a stroke crosses through their middle (upright runs only; glyphs share the run's width
 * equally, as digits do). `undefined` when every glyph is struck.
 */
export function withoutStruck(run: OrientedRun, strokes: Stroke[]): OrientedRun | undefined {
  if (run.dir !== 0 || strokes.length === 0) return run;
  const chars = [...run.text];
  const cw = run.w / Math.max(1, chars.length);
  // The middle band of the glyphs: a strike sits at about 0.3 of the height above the baseline; an underline
  // below it, a cell rule above or below the text.
  const top = run.y - 0.55 * run.h;
  const bottom = run.y - 0.12 * run.h;
  const hits = strokes.filter((s) => s.y >= top && s.y <= bottom && s.x1 > run.x && s.x0 < run.x + run.w && s.x0 >= run.x - cw && s.x1 <= run.x + run.w + cw);
  if (hits.length === 0) return run;
  const keep = chars.map((_, i) => {
    const mid = run.x + (i + 0.5) * cw;
    return !hits.some((s) => s.x0 <= mid && mid <= s.x1);
  });
  if (keep.every(Boolean)) return run;
  const first = keep.indexOf(true);
  if (first < 0) return undefined;
  const last = keep.lastIndexOf(true);
  const text = chars.filter((_, i) => keep[i]).join('');
  // Kept glyphs either side of a struck middle close up: the run keeps its span from the first to the last kept.
  return { ...run, text, x: run.x + first * cw, w: (last - first + 1) * cw };
}
