/**
 * Column positions. Figures are placed by position, never by counting tokens (extraction.md rule 4): blank cells
 * make every token counter shift numbers into the wrong column.
 */
import type { TextItem } from '../types.ts';

export type Anchor = 'centre' | 'left' | 'right';

export function coord(it: TextItem, anchor: Anchor): number {
  return anchor === 'left' ? it.x0 : anchor === 'right' ? it.x1 : (it.x0 + it.x1) / 2;
}

export interface Clustering {
  anchor: Anchor;
  /** Cluster centres, left to right. */
  centres: number[];
  /** Widest spread inside one cluster. */
  spread: number;
}

/**
 * 1-D clustering of figure positions: sorted coordinates split where the gap exceeds `gap`. Tries centre, left and
 * right alignment and keeps the alignment whose clusters are tightest among those that give `expected` clusters.
 */
export function clusterColumns(tokens: TextItem[], expected: number, gap: number): Clustering | undefined {
  let best: Clustering | undefined;
  for (const anchor of ['centre', 'right', 'left'] as Anchor[]) {
    const xs = tokens.map((t) => coord(t, anchor)).sort((a, b) => a - b);
    const groups: number[][] = [];
    for (const x of xs) {
      const g = groups[groups.length - 1];
      if (g && x - g[g.length - 1]! <= gap) g.push(x);
      else groups.push([x]);
    }
    if (groups.length !== expected) continue;
    const spread = Math.max(...groups.map((g) => g[g.length - 1]! - g[0]!));
    const centres = groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
    if (!best || spread < best.spread) best = { anchor, centres, spread };
  }
  return best;
}

/** Index of the nearest centre, or -1 when the token is farther than half the distance to the neighbouring column. */
export function nearestColumn(x: number, centres: number[]): number {
  let best = -1;
  let dist = Infinity;
  centres.forEach((c, i) => {
    const d = Math.abs(x - c);
    if (d < dist) {
      dist = d;
      best = i;
    }
  });
  if (best < 0) return -1;
  const left = centres[best - 1];
  const right = centres[best + 1];
  const half = Math.min(
    left === undefined ? Infinity : (centres[best]! - left) / 2,
    right === undefined ? Infinity : (right - centres[best]!) / 2,
  );
  const limit = Number.isFinite(half) ? half : Infinity;
  return dist < limit ? best : -1;
}
