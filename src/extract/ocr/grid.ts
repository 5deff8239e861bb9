/**
 * Table grid detection on a page image, in plain JS (extraction.md §2.7): long dark runs are table rules; the skew
 * is the angle that makes horizontal rules sharpest; rules are found in sheared coordinates, then row bands, then the
 * vertical separators crossing each band, then cells. Rules are erased so that cell crops hold only ink.
 */
import type { Gray } from './image.ts';

export interface Cell {
  /** Bounds in sheared page coordinates (x' = x + y·tanθ, y' = y − x·tanθ). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface Band {
  y0: number;
  y1: number;
  cells: Cell[];
}

export interface PageGrid {
  /** Skew in radians. */
  angle: number;
  bands: Band[];
  /** The page with table rules erased (white). */
  clean: Gray;
}

/** Rule detection threshold: thin grey rules after JPEG are lighter than text. */
const RULE_DARK = 210;

export function detectGrid(img: Gray): PageGrid {
  const { width: w, height: h, data } = img;
  const hMask = new Uint8Array(w * h);
  const vMask = new Uint8Array(w * h);
  const minH = Math.max(40, Math.floor(w / 40));
  const minV = Math.max(30, Math.floor(h / 80));
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && data[y * w + x]! < RULE_DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minH) hMask.fill(1, y * w + start, y * w + x);
        start = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const dark = y < h && data[y * w + x]! < RULE_DARK;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) {
        if (y - start >= minV) for (let k = start; k < y; k++) vMask[k * w + x] = 1;
        start = -1;
      }
    }
  }

  const hPix: number[] = [];
  for (let i = 0; i < hMask.length; i++) if (hMask[i]) hPix.push(i);
  const angle = estimateSkew(hPix, w, h);
  const t = Math.tan(angle);

  // Horizontal rules: peaks of the y' histogram holding at least a tenth of the page width.
  const hist = new Float64Array(h + 2 * Math.ceil(Math.abs(t) * w) + 2);
  const off = Math.ceil(Math.abs(t) * w) + 1;
  for (const i of hPix) {
    const x = i % w;
    const y = (i - x) / w;
    hist[Math.round(y - x * t) + off]! += 1;
  }
  const rules = peaks(hist, w / 10).map((y) => y - off);

  const bandSeps: { y0: number; y1: number; seps: number[] }[] = [];
  for (let k = 0; k + 1 < rules.length; k++) {
    const y0 = rules[k]!;
    const y1 = rules[k + 1]!;
    if (y1 - y0 < 15) continue;
    const inner = y1 - y0 - 8;
    const vh = new Float64Array(w + 2 * off);
    for (let yy = Math.max(0, Math.floor(y0 - off)); yy < Math.min(h, Math.ceil(y1 + off)); yy++) {
      for (let x = 0; x < w; x++) {
        if (!vMask[yy * w + x]) continue;
        const ys = yy - x * t;
        if (ys <= y0 + 4 || ys >= y1 - 4) continue;
        vh[Math.round(x + yy * t) + off]! += 1;
      }
    }
    const seps = peaks(vh, inner * 0.6).map((x) => x - off);
    if (seps.length >= 2) bandSeps.push({ y0, y1, seps });
  }
  restoreFaintSeparators(img, t, bandSeps);
  const bands: Band[] = bandSeps.map(({ y0, y1, seps }) => {
    const cells: Cell[] = [];
    for (let s = 0; s + 1 < seps.length; s++) if (seps[s + 1]! - seps[s]! >= 10) cells.push({ x0: seps[s]!, x1: seps[s + 1]!, y0, y1 });
    return { y0, y1, cells };
  });

  // A cell whose top rule is missing continues the cell above it (rowspan): extend that one, drop this one.
  const ruleCoverage = (y: number, x0: number, x1: number) => {
    let hit = 0;
    let n = 0;
    for (let xs = Math.ceil(x0 + 6); xs < x1 - 6; xs += 2) {
      n++;
      for (let dy = -3; dy <= 3; dy++) {
        const ys = y + dy;
        const x = Math.round((xs - ys * t) / (1 + t * t));
        const yy = Math.round((ys + xs * t) / (1 + t * t));
        if (x >= 0 && yy >= 0 && x < w && yy < h && hMask[yy * w + x]) {
          hit++;
          break;
        }
      }
    }
    return n === 0 ? 1 : hit / n;
  };
  for (let k = 1; k < bands.length; k++) {
    const band = bands[k]!;
    const above = bands[k - 1]!;
    if (Math.abs(above.y1 - band.y0) > 2) continue;
    band.cells = band.cells.filter((cell) => {
      const up = above.cells.find((c) => Math.abs(c.x0 - cell.x0) < 8 && Math.abs(c.x1 - cell.x1) < 8) ?? findSpanning(bands, k - 1, cell);
      if (!up || ruleCoverage(band.y0, cell.x0, cell.x1) >= 0.5) return true;
      up.y1 = cell.y1;
      return false;
    });
  }

  // Erase rule pixels (and one around them) for clean crops. Only mask pixels on a detected rule are erased: on noisy
  // scans a text line can hold long dark runs too.
  const clean = { width: w, height: h, data: new Uint8Array(data) };
  const seps = bands.flatMap((b) => b.cells.flatMap((c) => [c.x0, c.x1]));
  const near = (v: number, list: number[]) => list.some((r) => Math.abs(r - v) <= 4);
  for (let i = 0; i < hMask.length; i++) {
    if (!hMask[i] && !vMask[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    const onRule = (hMask[i] && near(y - x * t, rules)) || (vMask[i] && near(x + y * t, seps));
    if (!onRule) continue;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      const yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < w && yy < h) clean.data[yy * w + xx] = 255;
    }
  }
  return { angle, bands, clean };
}

/** A pixel this light or darker may be part of a faint rule (a thin line turned and JPEG-compressed greys out). */
const FAINT_DARK = 235;
/** How much darker than the paper beside it a faint rule is (a grey-shaded header row has no such edge). */
const LINE_CONTRAST = 12;

/**
 * A thin vertical rule turned by the scan is anti-aliased into grey pixels shared by two columns, so in some bands
 * its dark runs are too short for the rule mask and the separator is missed: two cells become one and their figures
 * ("0 │ 1") are read as one ("10"). A separator found in other bands is restored in a band lacking it when a faint
 * line runs down (almost) the whole band there: text crossing that x never covers 85 % of a band's height, a
 * real merged cell (a header over five columns) has no line at all, and a grey-shaded row is no darker at that x
 * than beside it.
 */
function restoreFaintSeparators(img: Gray, t: number, bands: { y0: number; y1: number; seps: number[] }[]): void {
  const known: number[] = [];
  for (const b of bands) for (const x of b.seps) if (!known.some((k) => Math.abs(k - x) <= 5)) known.push(x);
  const { width: w, height: h, data } = img;
  const px = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? data[y * w + x]! : 255);
  // A line, not a shaded band: darker than the paper a few pixels to either side.
  const dark = (xs: number, ys: number) => {
    const x = Math.round((xs - ys * t) / (1 + t * t));
    const y = Math.round((ys + xs * t) / (1 + t * t));
    const line = Math.min(px(x - 1, y), px(x, y), px(x + 1, y));
    const side = Math.min(px(x - 4, y), px(x + 4, y));
    return line < FAINT_DARK && line < side - LINE_CONTRAST;
  };
  for (const b of bands) {
    const first = b.seps[0]!;
    const last = b.seps[b.seps.length - 1]!;
    for (const x of known) {
      if (x <= first + 5 || x >= last - 5 || b.seps.some((s) => Math.abs(s - x) <= 5)) continue;
      let hit = 0;
      let n = 0;
      for (let ys = Math.ceil(b.y0 + 5); ys < b.y1 - 5; ys++, n++) if (dark(x, ys)) hit++;
      if (n > 0 && hit / n >= 0.85) b.seps = [...b.seps, x].sort((p, q) => p - q);
    }
  }
}

/** The angle within ±2° maximising the variance (sum of squares) of the horizontal-rule projection. */
function estimateSkew(pix: number[], w: number, h: number): number {
  if (pix.length === 0) return 0;
  const sample = pix.length > 200_000 ? pix.filter((_, i) => i % Math.ceil(pix.length / 200_000) === 0) : pix;
  let best = 0;
  let bestScore = -1;
  const off = Math.ceil(Math.tan((2 * Math.PI) / 180) * w) + 1;
  for (let deg = -2; deg <= 2.0001; deg += 0.05) {
    const t = Math.tan((deg * Math.PI) / 180);
    const hist = new Float64Array(h + 2 * off);
    for (const i of sample) {
      const x = i % w;
      hist[Math.round((i - x) / w - x * t) + off]! += 1;
    }
    let score = 0;
    for (const v of hist) score += v * v;
    if (score > bestScore) {
      bestScore = score;
      best = (deg * Math.PI) / 180;
    }
  }
  return best;
}

/** Positions where the histogram reaches `min`, adjacent bins merged, weighted centre of each run. */
function peaks(hist: Float64Array, min: number): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < hist.length) {
    if (hist[i]! < min) {
      i++;
      continue;
    }
    let sum = 0;
    let wsum = 0;
    let j = i;
    // Runs separated by up to 3 bins are one (thick or jagged) rule.
    while (j < hist.length && (hist[j]! >= min || (j + 3 < hist.length && [1, 2, 3].some((d) => hist[j + d]! >= min)))) {
      sum += hist[j]!;
      wsum += hist[j]! * j;
      j++;
    }
    out.push(wsum / sum);
    i = j;
  }
  return out;
}

/** The cell of an earlier band that was already extended down to this band (a rowspan over three or more rows). */
function findSpanning(bands: Band[], from: number, cell: Cell): Cell | undefined {
  for (let k = from; k >= 0; k--) {
    const c = bands[k]!.cells.find((c) => Math.abs(c.x0 - cell.x0) < 8 && Math.abs(c.x1 - cell.x1) < 8 && Math.abs(c.y1 - cell.y0) <= 2);
    if (c) return c;
  }
  return undefined;
}
