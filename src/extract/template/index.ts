/**
 * The two report formats as data, the figure keys they define, and format detection by labels.
 * The year never decides the format: a 2023 report can still use the 2019 tables (domain.md §0).
 */
import { labelKey } from '../text.ts';
import { SECTION3_COLUMNS, SECTION4_BLOCKS, SECTION4_COLUMNS } from './common.ts';
import { TEMPLATE_2019 } from './t2019.ts';
import { TEMPLATE_2021 } from './t2021.ts';
import type { TemplateDef } from './types.ts';

export * from './common.ts';
export type * from './types.ts';
export { TEMPLATE_2019, TEMPLATE_2021 };

export const TEMPLATES: Record<'2019' | '2021', TemplateDef> = { '2019': TEMPLATE_2019, '2021': TEMPLATE_2021 };

/** Every figure key of a template, in table order: s2…, s3.<row>.<col>, s4.<block>_<col>. */
export function figureKeys(t: TemplateDef): string[] {
  const keys: string[] = [];
  for (const block of t.section2) for (const r of block.rows) for (const c of block.columns) keys.push(`s2.${r.key}.${c.key}`);
  for (const r of t.section3Rows) for (const c of SECTION3_COLUMNS) keys.push(`s3.${r.key}.${c.key}`);
  for (const b of SECTION4_BLOCKS) for (const c of SECTION4_COLUMNS) keys.push(`s4.${b}_${c.key}`);
  return keys;
}

export interface TemplateDetection {
  template: TemplateDef | undefined;
  /** Marker labels found for each format. */
  evidence: Record<'2019' | '2021', string[]>;
}

/**
 * Picks the format whose marker labels occur in the text. Ties (no markers: a report without the 第二十条 table and
 * without （六） sub-rows) fall back to 2021 only when section 三's table is present at all; otherwise undefined.
 */
export function detectTemplate(text: string): TemplateDetection {
  const t = labelKey(text);
  const evidence = {
    '2019': TEMPLATE_2019.markers.filter((m) => t.includes(labelKey(m))),
    '2021': TEMPLATE_2021.markers.filter((m) => t.includes(labelKey(m))),
  };
  const a = evidence['2019'].length;
  const b = evidence['2021'].length;
  if (a > b) return { template: TEMPLATE_2019, evidence };
  if (b > a) return { template: TEMPLATE_2021, evidence };
  if (t.includes('本年新收') || t.includes('申请人情况')) return { template: TEMPLATE_2021, evidence };
  return { template: undefined, evidence };
}
