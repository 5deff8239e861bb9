/** The figures charted per agency and per province: each the sum of one or more figure keys of the standard tables. */
export interface KeyFigure {
  id: string;
  label: string;
  keys: string[];
}

export const KEY_FIGURES: KeyFigure[] = [
  { id: 'new_received', label: 'New applications 本年新收', keys: ['s3.new_received.total'] },
  { id: 'granted', label: 'Granted 予以公开', keys: ['s3.granted.total'] },
  { id: 'review', label: 'Reconsideration 行政复议', keys: ['s4.review_total'] },
  { id: 'litigation', label: 'Litigation 行政诉讼', keys: ['s4.litigation_direct_total', 's4.litigation_after_review_total'] },
];

export const KEY_FIGURE_KEYS = KEY_FIGURES.flatMap((f) => f.keys);

/** A key figure from a report's figures: the sum of its keys, or null when any of them is unknown. */
export function keyFigureValue(f: KeyFigure, figures: Map<string, number | null>): number | null {
  let sum = 0;
  for (const k of f.keys) {
    const v = figures.get(k);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}
