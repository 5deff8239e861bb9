// Patterns found by round 15 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);

/** 表二 (2021) with its fee block's header and figure. */
const s2Table = (feeHeader: string, fee: string) => `<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>16</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">244</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">49</td></tr>
<tr><td>行政强制</td><td colspan="3">3</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">${feeHeader}</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">${fee}</td></tr>
</table>`;
const S2_HEADING = '<p>二、主动公开政府信息情况</p>';
const S3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';
const read = (body: string) => mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
const fee = (feeHeader: string, cell: string, around = '') => {
  const got = read(`${S2_HEADING}\n${around}\n${s2Table(feeHeader, cell)}\n${S3_HEADING}`);
  return { value: got.figures['s2.fees.amount'], unreadable: got.unreadable.includes('s2.fees.amount') };
};

test('表二\'s fee in 百元 (header 单位：百元, a cell 35百元, a note 金额单位：百元) is read in 万元; 百元 against 万元 is unreadable (b117)', () => {
  assert.deepEqual(fee('本年收费金额（单位：百元）', '35.00'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '35百元'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额', '1234.56', '<p>（金额单位：百元）</p>'), { value: 12.3456, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：万元）', '35百元'), { value: null, unreadable: true });
  // 万元 and 元 as before.
  assert.deepEqual(fee('本年收费金额（单位：万元）', '0.35'), { value: 0.35, unreadable: false });
  assert.deepEqual(fee('本年收费金额（单位：元）', '3500.00'), { value: 0.35, unreadable: false });
});

/** 表三 (2021) as an HTML table; `order` lists the row keys in printed order, `fig` gives each row's seven figures. */
const s3Html = (order: string[], fig: (key: string) => number[]) => {
  const label = (k: string) => TEMPLATE_2021.section3Rows.find((r) => r.key === k)!.label;
  const head = `<tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
  const rows = order.map((k) => `<tr><td>${label(k)}</td>${fig(k).map((v) => `<td>${v}</td>`).join('')}</tr>`);
  return `<table border="1">${head}${rows.join('')}</table>`;
};
const S3_FIG: Record<string, number[]> = {
  new_received: [4, 1, 0, 0, 0, 0, 5], carried_over: [1, 0, 0, 0, 0, 0, 1], granted: [2, 1, 0, 0, 0, 0, 3],
  partially_granted: [1, 0, 0, 0, 0, 0, 1], total: [3, 1, 0, 0, 0, 0, 4], carried_to_next_year: [2, 0, 0, 0, 0, 0, 2],
};
const s3Fig = (k: string) => S3_FIG[k] ?? [0, 0, 0, 0, 0, 0, 0];

test('表三 with （七）总计 first among the results (above （一）予以公开): every row read in its place (b116)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const order = ['new_received', 'carried_over', 'total', ...keys.filter((k) => !['new_received', 'carried_over', 'total'].includes(k))];
  const got = read(`${S3_HEADING}\n${s3Html(order, s3Fig)}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`);
  const s3 = Object.keys(got.figures).filter((k) => k.startsWith('s3.'));
  const wrong = s3.filter((k) => { const [, row, col] = k.split('.'); return got.figures[k] !== s3Fig(row!)[['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'].indexOf(col!)]; });
  assert.deepEqual(wrong, []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // The template's order reads as before.
  const plainOrder = read(`${S3_HEADING}\n${s3Html(keys, s3Fig)}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`);
  assert.equal(plainOrder.figures['s3.total.total'], 4);
  assert.equal(plainOrder.figures['s3.carried_over.total'], 1);
});

const S4_HEADING = '<p>四、政府信息公开行政复议、行政诉讼情况</p>';
const PARTS5 = '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>';
const cells = (xs: number[]) => xs.map((v) => `<td>${v}</td>`).join('');
const REVIEW = [3, 1, 1, 0, 5];
const DIRECT = [1, 2, 0, 1, 4];
const AFTER = [2, 0, 1, 0, 3];
const reviewTable = `<p>（一）行政复议情况</p><table border="1"><tr>${PARTS5}</tr><tr>${cells(REVIEW)}</tr></table>`;
const litigationTable = (afterFirst = false) => `<p>（二）行政诉讼情况</p><table border="1">
<tr><td colspan="5">${afterFirst ? '复议后起诉' : '未经复议直接起诉'}</td><td colspan="5">${afterFirst ? '未经复议直接起诉' : '复议后起诉'}</td></tr>
<tr>${PARTS5}${PARTS5}</tr><tr>${cells(afterFirst ? [...AFTER, ...DIRECT] : [...DIRECT, ...AFTER])}</tr></table>`;
const s4Of = (body: string) => {
  const got = read(`${S4_HEADING}\n${body}\n`);
  const block = (b: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => got.figures[`s4.${b}_${c}`]);
  return { review: block('review'), direct: block('litigation_direct'), after: block('litigation_after_review'), unreadable: got.unreadable.filter((k) => k.startsWith('s4.')).length };
};

test('表四 as two tables under （一）行政复议情况 / （二）行政诉讼情况, in either order, the litigation blocks placed by their headers (b114)', () => {
  const want = { review: REVIEW, direct: DIRECT, after: AFTER, unreadable: 0 };
  assert.deepEqual(s4Of(`${reviewTable}\n${litigationTable()}`), want);
  assert.deepEqual(s4Of(`${litigationTable()}\n${reviewTable}`), want);
  assert.deepEqual(s4Of(`${reviewTable}\n${litigationTable(true)}`), want);
  // One table of fifteen columns reads as before.
  const one = `<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td colspan="5"></td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${PARTS5}${PARTS5}${PARTS5}</tr><tr>${cells([...REVIEW, ...DIRECT, ...AFTER])}</tr></table>`;
  assert.deepEqual(s4Of(one), want);
});

const FIELDS: [string, string][] = [
  ['第二十条第（一）项', ''], ['规章　本年制发件数', '0'], ['规章　本年废止件数', '0'], ['规章　现行有效件数', '2'],
  ['行政规范性文件　本年制发件数', '4'], ['行政规范性文件　本年废止件数', '1'], ['行政规范性文件　现行有效件数', '19'],
  ['第二十条第（五）项', ''], ['行政许可　本年处理决定数量', '527'],
  ['第二十条第（六）项', ''], ['行政处罚　本年处理决定数量', '143'], ['行政强制　本年处理决定数量', '5'],
  ['第二十条第（八）项', ''], ['行政事业性收费　本年收费金额（单位：万元）', '0.35'],
];
const fieldPage = (fields: [string, string][]) => read(`${S2_HEADING}\n${fields.map(([l, v]) => `<p>${v === '' ? l : `${l}：${v}`}</p>`).join('\n')}\n${S3_HEADING}`);
const s2Of = (got: ReturnType<typeof read>) => Object.fromEntries(Object.entries(got.figures).filter(([k]) => k.startsWith('s2.')));

test('表二 as "label：figure" lines, no table, is read field by field; a unit in the field\'s label converts; a block short of a field reads as before (b112)', () => {
  assert.deepEqual(s2Of(fieldPage(FIELDS)), {
    's2.rules.issued': 0, 's2.rules.repealed': 0, 's2.rules.in_force': 2,
    's2.normative_docs.issued': 4, 's2.normative_docs.repealed': 1, 's2.normative_docs.in_force': 19,
    's2.licensing.decisions': 527, 's2.penalty.decisions': 143, 's2.coercion.decisions': 5, 's2.fees.amount': 0.35,
  });
  const yuan = fieldPage(FIELDS.map(([l, v]) => (l.includes('收费金额') ? ['行政事业性收费　本年收费金额（单位：元）', '3500.00'] : [l, v])));
  assert.equal(yuan.figures['s2.fees.amount'], 0.35);
  // 行政强制's field missing: the （六） block is not a field list, and is not guessed.
  const short = fieldPage(FIELDS.filter(([l]) => !l.startsWith('行政强制')));
  assert.equal(short.figures['s2.coercion.decisions'], null);
  assert.ok(short.unreadable.includes('s2.coercion.decisions'));
  assert.equal(short.figures['s2.licensing.decisions'], 527);
});
