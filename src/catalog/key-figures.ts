/**
 * The key figures charted per agency and summed per province: each the sum of one or more figure keys of the
 * standard tables in the report's best rendition, unknown (NULL) when any of those keys is missing or unreadable. Each has its column in report_key_figures (migration 007, whose view report_key_figures_source
 * spells these keys out in SQL; test/catalog/key-figures.test.ts holds the two together).
 */
export interface KeyFigure {
  id: 'new_received' | 'granted' | 'review' | 'litigation';
  label: string;
  keys: string[];
}

export const KEY_FIGURES: KeyFigure[] = [
  { id: 'new_received', label: 'New applications 本年新收', keys: ['s3.new_received.total'] },
  { id: 'granted', label: 'Granted 予以公开', keys: ['s3.granted.total'] },
  { id: 'review', label: 'Reconsideration 行政复议', keys: ['s4.review_total'] },
  { id: 'litigation', label: 'Litigation 行政诉讼', keys: ['s4.litigation_direct_total', 's4.litigation_after_review_total'] },
];

/** The figure's column in report_key_figures, checked against the fixed list (it is put into SQL text). */
export function keyFigureColumn(f: KeyFigure): KeyFigure['id'] {
  if (!KEY_FIGURES.some((k) => k.id === f.id)) throw new Error(`not a key figure: ${String(f.id)}`);
  return f.id;
}
