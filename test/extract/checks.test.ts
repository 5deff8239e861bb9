// The arithmetic rules: a consistent report passes every rule; each deliberately broken one fails exactly the rule
// it breaks; missing cells make rules uncertain, never pass or fail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmTentative, crossYearCheck, failedRules, RULES, runChecks } from '../../src/extract/checks.ts';
import { SECTION3_COLUMNS, SECTION4_BLOCKS, TEMPLATE_2019, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { TemplateDef } from '../../src/extract/template/types.ts';

/** A consistent report: deterministic outcome figures, totals derived from them. */
function consistent(t: TemplateDef): Record<string, number> {
  const f: Record<string, number> = {};
  const parts = SECTION3_COLUMNS.filter((c) => c.key !== 'total');
  let seed = 7;
  const next = () => (seed = (seed * 31 + 11) % 97);
  const setRow = (row: string, values: number[]) => {
    parts.forEach((c, i) => (f[`s3.${row}.${c.key}`] = values[i]!));
    f[`s3.${row}.total`] = values.reduce((a, b) => a + b, 0);
  };
  for (const row of t.outcomeRows) setRow(row, parts.map(() => next()));
  setRow('total', parts.map((c) => t.outcomeRows.reduce((s, r) => s + f[`s3.${r}.${c.key}`]!, 0)));
  setRow('carried_to_next_year', parts.map(() => next() % 5));
  setRow('carried_over', parts.map(() => next() % 4));
  setRow('new_received', parts.map((c) => f[`s3.total.${c.key}`]! + f[`s3.carried_to_next_year.${c.key}`]! - f[`s3.carried_over.${c.key}`]!));
  for (const b of SECTION4_BLOCKS) {
    Object.assign(f, { [`s4.${b}_upheld`]: 3, [`s4.${b}_corrected`]: 1, [`s4.${b}_other`]: 0, [`s4.${b}_pending`]: 2, [`s4.${b}_total`]: 6 });
  }
  return f;
}

for (const t of [TEMPLATE_2021, TEMPLATE_2019]) {
  test(`${t.id}: a consistent report passes every rule`, () => {
    const results = runChecks(consistent(t), t.id);
    assert.deepEqual(failedRules(results), []);
    assert.ok(results.every((r) => r.ok === true));
    assert.equal(results.length, t.section3Rows.length + 2 * 7 + 3);
  });
}

const broken: [name: string, rule: string, mutate: (f: Record<string, number>) => void][] = [
  ['a row whose total is not the sum of its six columns', RULES.rowTotal, (f) => {
    f['s3.granted.natural_person']! += 1;
    f['s3.partially_granted.natural_person']! -= 1;
  }],
  ['一 + 二 ≠ (七) + 四 in two columns', RULES.balance, (f) => {
    f['s3.new_received.natural_person']! += 1;
    f['s3.new_received.commercial_enterprise']! -= 1;
  }],
  ['(七)总计 ≠ the sum of (一)…(六)', RULES.outcomeSum, (f) => {
    f['s3.total.natural_person']! += 1;
    f['s3.total.commercial_enterprise']! -= 1;
    f['s3.carried_to_next_year.natural_person']! -= 1;
    f['s3.carried_to_next_year.commercial_enterprise']! += 1;
  }],
  ['a section-四 block whose total is not its four parts', RULES.reviewTotal, (f) => {
    f['s4.litigation_direct_total']! += 1;
  }],
];

for (const [name, rule, mutate] of broken) {
  test(`flagged by exactly ${rule}: ${name}`, () => {
    const f = consistent(TEMPLATE_2021);
    mutate(f);
    const results = runChecks(f, '2021');
    assert.deepEqual(failedRules(results), [rule]);
    const failing = results.find((r) => r.ok === false)!;
    assert.notEqual(failing.expected, failing.actual); // stored with its numbers
  });
}

test('missing or unreadable cells make the rules that need them uncertain; blanks count as 0', () => {
  const f: Record<string, number | null> = consistent(TEMPLATE_2021);
  delete f['s3.granted.total'];
  let results = runChecks(f, '2021');
  assert.equal(results.find((r) => r.scope === 's3.granted')!.ok, null);
  assert.equal(results.find((r) => r.rule === RULES.outcomeSum && r.scope === 's3.*.total')!.ok, null);
  assert.deepEqual(failedRules(results), []);

  const g: Record<string, number | null> = consistent(TEMPLATE_2021);
  results = runChecks(g, '2021', { unreadable: ['s4.review_upheld'] });
  assert.equal(results.find((r) => r.scope === 's4.review')!.ok, null);

  // A blank cell (null, not unreadable) is a zero.
  const h: Record<string, number | null> = consistent(TEMPLATE_2021);
  h['s4.review_other'] = null;
  assert.equal(runChecks(h, '2021').find((r) => r.scope === 's4.review')!.ok, true);
});

test('cross-year: carried_to_next_year of one year against carried_over of the next (soft)', () => {
  const prev = consistent(TEMPLATE_2021);
  const cur: Record<string, number> = {};
  for (const c of SECTION3_COLUMNS) cur[`s3.carried_over.${c.key}`] = prev[`s3.carried_to_next_year.${c.key}`]!;
  Object.assign(prev, { 's2.rules.in_force': 10 });
  Object.assign(cur, { 's2.rules.issued': 2, 's2.rules.repealed': 1, 's2.rules.in_force': 11 });
  let results = crossYearCheck(prev, cur);
  assert.ok(results.every((r) => r.soft));
  assert.ok(results.filter((r) => r.rule === RULES.carryOver).every((r) => r.ok === true));
  assert.equal(results.find((r) => r.scope === 's2.rules.in_force')!.ok, true);

  cur['s3.carried_over.natural_person']! += 2;
  results = crossYearCheck(prev, cur);
  const bad = results.filter((r) => r.ok === false);
  assert.deepEqual(bad.map((r) => r.scope), ['s3.carried_to_next_year→carried_over.natural_person']);
  assert.equal(results.find((r) => r.scope.endsWith('.total'))!.ok, true); // total column fixed separately
  assert.deepEqual(failedRules(crossYearCheck(prev, cur)), [RULES.carryOver]);
});

test('a low-confidence reading is accepted only when the arithmetic confirms it', () => {
  const f: Record<string, number | null> = consistent(TEMPLATE_2021);
  const right = f['s3.denied_state_secret.research_institution']!;
  f['s3.denied_state_secret.research_institution'] = null;
  f['s3.granted.legal_service_org'] = null;
  const unreadable = ['s3.denied_state_secret.research_institution', 's3.granted.legal_service_org'];
  const accepted = confirmTentative(f, unreadable, { 's3.denied_state_secret.research_institution': right, 's3.granted.legal_service_org': 999 }, '2021');
  assert.deepEqual(accepted, ['s3.denied_state_secret.research_institution']);
  assert.equal(f['s3.denied_state_secret.research_institution'], right);
  assert.deepEqual(unreadable, ['s3.granted.legal_service_org']);
  assert.equal(f['s3.granted.legal_service_org'], null);
});
