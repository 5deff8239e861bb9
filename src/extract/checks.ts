/**
 * The arithmetic rules of the template (domain.md §1.5) as pure functions. A report whose numbers fail is flagged,
 * never corrected.
 *
 * Null semantics: a `null` figure is a blank cell and counts as 0 (agencies leave zero cells empty), unless its key
 * is listed in `unreadable` or is absent from the record: then every rule that needs it is uncertain (`ok: null`).
 */
import { SECTION3_COLUMNS, SECTION4_BLOCKS, SECTION4_COLUMNS, TEMPLATES } from './template/index.ts';
import type { CheckResult, TemplateId } from './types.ts';

export type Figures = Record<string, number | null | undefined>;

export const RULES = {
  /** 总计 = 自然人 + the five 法人或其他组织 columns, for every row of section 三. */
  rowTotal: 's3.row_total',
  /** 一 + 二 = 三(七)总计 + 四, per column (printed in the table itself). */
  balance: 's3.balance',
  /** (七)总计 = (一) + (二) + Σ(三) + Σ(四) + Σ(五) + Σ(六), per column. */
  outcomeSum: 's3.outcome_sum',
  /** Section 四: each block's 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
  reviewTotal: 's4.block_total',
  /** Soft: this year's 结转下年度 = next year's 上年结转, per column, same agency. */
  carryOver: 'cross_year.carry_over',
  /** Soft (2021 format): 现行有效(N) = 现行有效(N−1) + 制发(N) − 废止(N). */
  inForce: 'cross_year.in_force',
} as const;

const EPS = 1e-9;

function reader(figures: Figures, unreadable?: Iterable<string>) {
  const bad = new Set(unreadable ?? []);
  return (key: string): number | undefined => {
    if (bad.has(key) || !(key in figures) || figures[key] === undefined) return undefined;
    return figures[key] ?? 0;
  };
}

function sum(values: (number | undefined)[]): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

function check(rule: string, scope: string, expected: number | undefined, actual: number | undefined): CheckResult {
  const ok = expected === undefined || actual === undefined ? null : Math.abs(expected - actual) < EPS;
  return { rule, scope, expected: expected ?? null, actual: actual ?? null, ok };
}

/** All hard rules for one report. `expected` is the sum of the parts, `actual` the printed total. */
export function runChecks(figures: Figures, template: TemplateId, opts: { unreadable?: Iterable<string> } = {}): CheckResult[] {
  const get = reader(figures, opts.unreadable);
  const t = TEMPLATES[template];
  const parts = SECTION3_COLUMNS.filter((c) => c.key !== 'total');
  const out: CheckResult[] = [];
  for (const row of t.section3Rows) {
    const p = `s3.${row.key}`;
    out.push(check(RULES.rowTotal, p, sum(parts.map((c) => get(`${p}.${c.key}`))), get(`${p}.total`)));
  }
  for (const col of SECTION3_COLUMNS) {
    const v = (row: string) => get(`s3.${row}.${col.key}`);
    out.push(check(RULES.balance, `s3.*.${col.key}`, sum([v('total'), v('carried_to_next_year')]), sum([v('new_received'), v('carried_over')])));
    out.push(check(RULES.outcomeSum, `s3.*.${col.key}`, sum(t.outcomeRows.map(v)), v('total')));
  }
  for (const block of SECTION4_BLOCKS) {
    const v = (c: string) => get(`s4.${block}_${c}`);
    const four = SECTION4_COLUMNS.filter((c) => c.key !== 'total').map((c) => v(c.key));
    out.push(check(RULES.reviewTotal, `s4.${block}`, sum(four), v('total')));
  }
  return out;
}

/**
 * Soft checks between two consecutive reports of the same agency (flag for review, never reject).
 * `expected` comes from the previous year, `actual` from this year.
 */
export function crossYearCheck(
  prev: Figures,
  current: Figures,
  opts: { prevUnreadable?: Iterable<string>; unreadable?: Iterable<string> } = {},
): CheckResult[] {
  const a = reader(prev, opts.prevUnreadable);
  const b = reader(current, opts.unreadable);
  const out = SECTION3_COLUMNS.map((c) =>
    check(RULES.carryOver, `s3.carried_to_next_year→carried_over.${c.key}`, a(`s3.carried_to_next_year.${c.key}`), b(`s3.carried_over.${c.key}`)),
  );
  for (const row of ['rules', 'normative_docs']) {
    if (!(`s2.${row}.in_force` in current)) continue; // 2019-format reports have no 现行有效 column
    const issued = b(`s2.${row}.issued`);
    const repealed = b(`s2.${row}.repealed`);
    const before = a(`s2.${row}.in_force`);
    const expected = before === undefined || issued === undefined || repealed === undefined ? undefined : before + issued - repealed;
    out.push(check(RULES.inForce, `s2.${row}.in_force`, expected, b(`s2.${row}.in_force`)));
  }
  return out.map((r) => ({ ...r, soft: true }));
}

/** Rules that failed (ok === false), for flagging. */
export function failedRules(results: CheckResult[]): string[] {
  return [...new Set(results.filter((r) => r.ok === false).map((r) => r.rule))];
}

/**
 * Low-confidence OCR readings are accepted only when the arithmetic confirms them: with the reading filled in, at
 * least one rule that was uncertain passes and none fails. Resolving one cell can enable the next, so it repeats.
 * Returns the keys accepted; `figures` and `unreadable` are updated in place.
 */
export function confirmTentative(
  figures: Record<string, number | null>,
  unreadable: string[],
  tentative: Record<string, number>,
  template: TemplateId,
): string[] {
  const accepted: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const [key, value] of Object.entries(tentative)) {
      if (accepted.includes(key) || !unreadable.includes(key)) continue;
      const before = runChecks(figures, template, { unreadable });
      const trialUnreadable = unreadable.filter((k) => k !== key);
      const after = runChecks({ ...figures, [key]: value }, template, { unreadable: trialUnreadable });
      const confirmed = after.some((r, i) => r.ok === true && before[i]!.ok === null);
      const broken = after.some((r, i) => r.ok === false && before[i]!.ok !== false);
      if (confirmed && !broken) {
        figures[key] = value;
        unreadable.splice(unreadable.indexOf(key), 1);
        accepted.push(key);
        changed = true;
      }
    }
  }
  return accepted;
}

/**
 * OCR figures stand only where the arithmetic does not contradict them. A section-三 row whose 总计 is not the sum
 * of its parts, or a section-四 block whose 总计 is not the sum of its four results, holds a misread cell that
 * cannot be told from its neighbours (two narrow cells "0 │ 1" read as "10" and ""), so the whole row is withdrawn:
 * its figures become unreadable (null) instead of being reported wrong. When a column rule of 三 still fails, the
 * misread hides in a row that could not check itself (a cell of it already unreadable): those rows go too. Returns
 * the scopes withdrawn; `figures` and `unreadable` are updated in place.
 */
export function withdrawContradictedRows(figures: Record<string, number | null>, unreadable: string[], template: TemplateId): string[] {
  const withdraw = (scope: string) => {
    const keys = scope.startsWith('s3.') ? SECTION3_COLUMNS.map((c) => `${scope}.${c.key}`) : SECTION4_COLUMNS.map((c) => `${scope}_${c.key}`);
    for (const k of keys) {
      figures[k] = null;
      if (!unreadable.includes(k)) unreadable.push(k);
    }
  };
  const rowRules: string[] = [RULES.rowTotal, RULES.reviewTotal];
  const failed = runChecks(figures, template, { unreadable }).filter((r) => r.ok === false && rowRules.includes(r.rule)).map((r) => r.scope);
  failed.forEach(withdraw);
  const after = runChecks(figures, template, { unreadable });
  if (!after.some((r) => r.ok === false && (r.rule === RULES.balance || r.rule === RULES.outcomeSum))) return failed;
  const unchecked = after.filter((r) => r.rule === RULES.rowTotal && r.ok === null && !failed.includes(r.scope)).map((r) => r.scope);
  unchecked.forEach(withdraw);
  return [...failed, ...unchecked];
}
