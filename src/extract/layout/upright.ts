/**
 * Pages whose text is turned by 90° (a landscape table laid on portrait paper, content rotated with no /Rotate,
 * or an OFD writing each glyph with a turning CTM): the runs are turned back so that their lines read left to
 * right, as on the landscape page they were laid out on. Each page is read in its dominant direction; runs in
 * another direction on that page (a page number, a stamp) are left out and counted.
 */
import type { PageInfo } from './lines.ts';
import type { TextItem } from '../types.ts';

/** Baseline direction in device space (x right, y down): 0 left to right, 270 bottom to top, 90 top to bottom. */
export type Direction = 0 | 90 | 180 | 270;

export interface OrientedRun {
  text: string;
  page: number;
  /** Start of the baseline, device space. */
  x: number;
  y: number;
  dir: Direction;
  /** Advance along the baseline. */
  w: number;
  /** Glyph height (font size). */
  h: number;
}

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

/** The direction of a baseline vector (dx, dy) in device space, to the nearest quarter turn. */
export function directionOf(dx: number, dy: number): Direction {
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 0 : 180;
  return dy < 0 ? 270 : 90;
}

export interface Upright {
  items: TextItem[];
  pages: PageInfo[];
  /** Pages read turned back, and the runs left out for running another way than their page. */
  turnedPages: number[];
  dropped: number;
}

export function uprightItems(runs: OrientedRun[], sizes: PageSize[]): Upright {
  const count = new Map<number, Map<Direction, number>>();
  for (const r of runs) {
    const m = count.get(r.page) ?? new Map<Direction, number>();
    // Weighted by length: a table page holds many short runs, a turned page number one.
    m.set(r.dir, (m.get(r.dir) ?? 0) + [...r.text].length);
    count.set(r.page, m);
  }
  const dominant = new Map<number, Direction>();
  for (const [page, m] of count) dominant.set(page, [...m.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  const size = new Map(sizes.map((s) => [s.page, s]));
  const items: TextItem[] = [];
  let dropped = 0;
  for (const r of runs) {
    const dir = dominant.get(r.page) ?? 0;
    const s = size.get(r.page);
    // Upside-down text is no table we can read; a run against its page's direction is furniture.
    if (r.dir !== dir || dir === 180 || (dir !== 0 && !s)) {
      dropped++;
      continue;
    }
    // Turned back: bottom-to-top text (270) by a quarter turn clockwise, top-to-bottom (90) counter-clockwise.
    const x0 = dir === 0 ? r.x : dir === 270 ? s!.height - r.y : r.y;
    const base = dir === 0 ? r.y : dir === 270 ? r.x : s!.width - r.x;
    items.push({ text: r.text, page: r.page, x0, x1: x0 + r.w, y: base - r.h * 0.35, h: r.h });
  }
  const pages = sizes.map((s) => ({ page: s.page, height: dominant.get(s.page) === 90 || dominant.get(s.page) === 270 ? s.width : s.height }));
  const turnedPages = [...dominant.entries()].filter(([, d]) => d === 90 || d === 270).map(([p]) => p).sort((a, b) => a - b);
  return { items, pages, turnedPages, dropped };
}
