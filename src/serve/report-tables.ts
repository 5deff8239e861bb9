/**
 * A report's figures laid out as the three standard tables of its own format (2019 or 2021: src/extract/template/),
 * with the cells of failing checks marked where they stand and the check's numbers in their tooltip.
 */
import type { CheckRecord } from '../catalog/extractions.ts';
import { RULES } from '../extract/checks.ts';
import { SECTION3_COLUMNS, SECTION4_BLOCKS, SECTION4_COLUMNS, TEMPLATES, type TemplateDef } from '../extract/template/index.ts';
import { formatNumber, html, type SafeHtml } from './html.ts';

export interface FigureData {
  figures: Record<string, number | null>;
  unreadable: string[];
  checks: CheckRecord[];
}

/** The printed total a check compares against its parts: the cell to mark when the check fails. */
export function markedCell(c: Pick<CheckRecord, 'rule' | 'scope'>): string | undefined {
  if (c.rule === RULES.rowTotal) return `${c.scope}.total`; // scope s3.<row>
  if (c.rule === RULES.balance || c.rule === RULES.outcomeSum) return `s3.total.${c.scope.split('.').pop()}`; // scope s3.*.<col>
  if (c.rule === RULES.reviewTotal) return `${c.scope}_total`; // scope s4.<block>
  return undefined;
}

export function describeCheck(c: CheckRecord): string {
  const rule = {
    [RULES.rowTotal]: '总计 = 自然人 + 法人或其他组织',
    [RULES.balance]: '一 + 二 = 三(七)总计 + 四',
    [RULES.outcomeSum]: '(七)总计 = (一)…(六)',
    [RULES.reviewTotal]: '总计 = 维持 + 纠正 + 其他 + 尚未审结',
    [RULES.carryOver]: 'last year’s 结转下年度 = this year’s 上年结转',
    [RULES.inForce]: '现行有效 = last year’s 现行有效 + 制发 − 废止',
  }[c.rule];
  return rule ?? c.rule;
}

/** What a failing check found, in the report's own terms. `actual` and `expected` are as src/extract/checks.ts stores them. */
export function checkMessage(c: CheckRecord): string {
  const a = formatNumber(c.actual);
  const e = formatNumber(c.expected);
  switch (c.rule) {
    case RULES.rowTotal:
      return `总计 printed ${a}, 自然人 + 法人或其他组织 add up to ${e}`;
    case RULES.balance:
      return `一 + 二 = ${a}, but (七)总计 + 四 = ${e}`;
    case RULES.outcomeSum:
      return `(七)总计 printed ${a}, (一)…(六) add up to ${e}`;
    case RULES.reviewTotal:
      return `总计 printed ${a}, 维持 + 纠正 + 其他 + 尚未审结 add up to ${e}`;
    default:
      return `expected ${e}, found ${a}`;
  }
}

function failures(checks: CheckRecord[]): Map<string, CheckRecord[]> {
  const out = new Map<string, CheckRecord[]>();
  for (const c of checks) {
    if (c.ok !== false) continue;
    const key = markedCell(c);
    if (key) out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

function cell(d: FigureData, fails: Map<string, CheckRecord[]>, key: string): SafeHtml {
  const failed = fails.get(key);
  if (failed) {
    const why = failed.map((c) => `${c.rule} ${c.scope}: ${checkMessage(c)}`).join('; ');
    return html`<td class="num fail" data-key="${key}" title="${why}">${formatNumber(d.figures[key])}</td>`;
  }
  if (d.unreadable.includes(key)) return html`<td class="num unknown" data-key="${key}" title="could not be read">?</td>`;
  return html`<td class="num" data-key="${key}">${formatNumber(d.figures[key])}</td>`;
}

function section2(t: TemplateDef, d: FigureData, fails: Map<string, CheckRecord[]>): SafeHtml {
  return html`${t.section2.map(
    (b) => html`<table class="figures s2"><caption class="muted">第二十条第（${b.item}）项</caption>
<tr><th>信息内容</th>${b.columns.map((c) => html`<th>${c.label}</th>`)}</tr>
${b.rows.map((r) => html`<tr><th class="row">${r.label}</th>${b.columns.map((c) => cell(d, fails, `s2.${r.key}.${c.key}`))}</tr>`)}
</table>`,
  )}`;
}

const SECTION3_GROUPS: Record<string, string> = { granted: '三、本年度办理结果', carried_to_next_year: '' };

function section3(t: TemplateDef, d: FigureData, fails: Map<string, CheckRecord[]>): SafeHtml {
  const orgs = SECTION3_COLUMNS.slice(1, 6);
  return html`<table class="figures s3">
<tr><th rowspan="3"></th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr>${orgs.map((c) => html`<th>${c.label}</th>`)}</tr>
${t.section3Rows.map((r) => {
    const group = SECTION3_GROUPS[r.key];
    return html`${group ? html`<tr class="group"><th colspan="8">${group}</th></tr>` : ''}<tr><th class="row">${r.label}</th>${SECTION3_COLUMNS.map((c) => cell(d, fails, `s3.${r.key}.${c.key}`))}</tr>`;
  })}
</table>`;
}

function section4(d: FigureData, fails: Map<string, CheckRecord[]>): SafeHtml {
  const labels = SECTION4_COLUMNS.map((c) => html`<th>${c.label}</th>`);
  return html`<table class="figures s4">
<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${SECTION4_COLUMNS.map((c) => html`<th rowspan="2">${c.label}</th>`)}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${labels}${labels}</tr>
<tr>${SECTION4_BLOCKS.map((b) => SECTION4_COLUMNS.map((c) => cell(d, fails, `s4.${b}_${c.key}`)))}</tr>
</table>`;
}

/** The three tables in the order of the report: 二 (第二十条), 三 (applications), 四 (reconsideration, litigation). */
export function figureTables(template: '2019' | '2021', d: FigureData): SafeHtml {
  const t = TEMPLATES[template];
  const fails = failures(d.checks);
  return html`<h3>二、主动公开政府信息情况</h3>
<div class="wide s2-blocks">${section2(t, d, fails)}</div>
<h3>三、收到和处理政府信息公开申请情况</h3>
<div class="wide">${section3(t, d, fails)}</div>
<h3>四、政府信息公开行政复议、行政诉讼情况</h3>
<div class="wide">${section4(d, fails)}</div>`;
}
