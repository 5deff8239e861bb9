/** Shared helpers for the extraction tests: where the samples live and their ground truth in figure keys. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTION3_COLUMNS, SECTION4_BLOCKS, SECTION4_COLUMNS, TEMPLATES } from '../../src/extract/template/index.ts';
import { labelKey, parseNumber } from '../../src/extract/text.ts';
import type { TemplateId } from '../../src/extract/types.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The sample documents live in the repository (provenance: test/fixtures/samples/README.md). */
export const samplesDir = path.join(repoRoot, 'test/fixtures/samples');
export const sample = (name: string) => path.join(samplesDir, name);

const ROWS: Record<string, string> = {
  new: 'new_received', carried: 'carried_over', r1: 'granted', r2: 'partially_granted',
  r3_1: 'denied_state_secret', r3_2: 'denied_prohibited_by_law', r3_3: 'denied_three_safety_one_stability',
  r3_4: 'denied_third_party_rights', r3_5: 'denied_internal_affairs', r3_6: 'denied_process_info',
  r3_7: 'denied_enforcement_file', r3_8: 'denied_admin_query', r4_1: 'unable_not_held', r4_2: 'unable_need_creation',
  r4_3: 'unable_unclear_after_correction', r5_1: 'not_processed_petition', r5_2: 'not_processed_repeated',
  r5_3: 'not_processed_publication', r5_4: 'not_processed_massive', r5_5: 'not_processed_confirmation',
  r6_1: 'other_no_correction', r6_2: 'other_no_fee', r6_3: 'other_other', r6: 'other', r7: 'total', next: 'carried_to_next_year',
};

interface GroundTruth {
  template: string;
  t2: Record<string, number[]>;
  t3: number[];
  t1: { title: string; header: string[]; rows: string[][] }[];
}

/** The sample's gt.json expressed in the figure keys of docs/FIGURES.md. */
export function groundTruth(id: string): { template: TemplateId; figures: Record<string, number> } {
  const gt = JSON.parse(readFileSync(sample(`${id}.gt.json`), 'utf8')) as GroundTruth;
  const template: TemplateId = gt.template === '2021' ? '2021' : '2019';
  const figures: Record<string, number> = {};
  for (const [row, values] of Object.entries(gt.t2)) {
    values.forEach((v, i) => (figures[`s3.${ROWS[row]}.${SECTION3_COLUMNS[i]!.key}`] = v));
  }
  gt.t3.forEach((v, i) => (figures[`s4.${SECTION4_BLOCKS[Math.floor(i / 5)]}_${SECTION4_COLUMNS[i % 5]!.key}`] = v));
  for (const block of gt.t1) {
    const def = TEMPLATES[template].section2.find((b) => labelKey(block.title).includes(labelKey(`第（${b.item}）项`)))!;
    for (const [label, ...values] of block.rows) {
      const row = def.rows.find((r) => r.match.some((m) => labelKey(label!).includes(labelKey(m))))!;
      values.forEach((v, i) => (figures[`s2.${row.key}.${def.columns[i]!.key}`] = parseNumber(v) ?? 0));
    }
  }
  return { template, figures };
}

/** Cells that differ from the truth (a cell the document leaves blank is reported 0). */
export function diffFigures(got: Record<string, number | null>, truth: Record<string, number | null>): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(truth)) {
    const g = got[k];
    if (g === v) continue;
    bad.push(`${k}: got ${g} want ${v}`);
  }
  for (const k of Object.keys(got)) if (!(k in truth)) bad.push(`${k}: unexpected key`);
  return bad;
}
