// Patterns found by round 16 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { parseCount } from '../../src/extract/text.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const read = (body: string) => mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
const S2_HEADING = '<p>二、主动公开政府信息情况</p>';
const S3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';
const S4_HEADING = '<p>四、政府信息公开行政复议、行政诉讼情况</p>';
const COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];

// ---- b119: 三's items in another order inside their groups ----------------------------------------------------------------

const GROUPS: Record<string, string> = { denied_: '（三）不予公开', unable_: '（四）无法提供', not_processed_: '（五）不予处理', other_: '（六）其他处理' };
/** A row's seven figures, different for every row (row i: i, 0, 0, 0, 0, 1, i + 1), so a row read in another's place shows. */
const rowFig = (k: string) => {
  const i = TEMPLATE_2021.section3Rows.findIndex((r) => r.key === k) + 1;
  return [i, 0, 0, 0, 0, 1, i + 1];
};
/** 表三 (2021) printing its rows in `order`: each group's name in a tall cell on its first printed row, each item's own label. */
function s3Html(order: string[]): string {
  const head = `<tr><td colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
  const groupOf = (k: string) => Object.keys(GROUPS).find((g) => k.startsWith(g));
  const itemLabel = (k: string) => TEMPLATE_2021.section3Rows.find((r) => r.key === k)!.label.replace(/^（[三四五六]）\S+ /, '');
  const rows = order.map((k, i) => {
    const g = groupOf(k);
    const first = g !== undefined && groupOf(order[i - 1] ?? '') !== g;
    const span = order.filter((x) => groupOf(x) === g).length;
    const label = g === undefined ? `<td colspan="2">${itemLabel(k)}</td>` : `${first ? `<td rowspan="${span}">${GROUPS[g]}</td>` : ''}<td>${itemLabel(k)}</td>`;
    return `<tr>${label}${rowFig(k).map((v) => `<td>${v}</td>`).join('')}</tr>`;
  });
  return `${S3_HEADING}\n<table border="1">${head}${rows.join('')}</table>\n${S4_HEADING}`;
}
const s3Wrong = (got: ReturnType<typeof read>) =>
  Object.keys(got.figures).filter((k) => k.startsWith('s3.')).filter((k) => {
    const [, row, col] = k.split('.');
    return got.figures[k] !== rowFig(row!)[COLS.indexOf(col!)];
  });

test('表三 whose items are listed in another order inside their groups (by count: 4. above 1.) reads every row in its place (b119)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const shuffle: Record<string, string[]> = {
    denied_: ['denied_internal_affairs', 'denied_state_secret', 'denied_process_info', 'denied_admin_query', 'denied_third_party_rights', 'denied_prohibited_by_law', 'denied_enforcement_file', 'denied_three_safety_one_stability'],
    unable_: ['unable_unclear_after_correction', 'unable_not_held', 'unable_need_creation'],
    not_processed_: ['not_processed_repeated', 'not_processed_confirmation', 'not_processed_massive', 'not_processed_petition', 'not_processed_publication'],
  };
  const order = keys.filter((k) => !Object.keys(shuffle).some((g) => k.startsWith(g)));
  const at = order.indexOf('partially_granted') + 1;
  order.splice(at, 0, ...shuffle.denied_!, ...shuffle.unable_!, ...shuffle.not_processed_!);
  const got = read(s3Html(order));
  assert.deepEqual(s3Wrong(got), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // The template's order reads as before.
  const plain = read(s3Html(keys));
  assert.deepEqual(s3Wrong(plain), []);
});

test('an item whose phrase the stream holds twice is not looked for out of order: its row stays unread, not guessed (b119 guard)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  // 4.第三方 printed above 1.国家秘密, and a note above the table naming 第三方合法权益 too.
  const order = keys.filter((k) => k !== 'denied_third_party_rights');
  order.splice(order.indexOf('denied_state_secret'), 0, 'denied_third_party_rights');
  const html = s3Html(order).replace(S3_HEADING, `${S3_HEADING}\n<p>注：不予公开的申请中，保护第三方合法权益的已征求第三方意见。</p>`);
  const got = read(html);
  assert.ok(got.unreadable.includes('s3.denied_third_party_rights.total'));
  assert.equal(got.figures['s3.denied_third_party_rights.total'], null);
});

// ---- b121: 四 as three tables, one per block ---------------------------------------------------------------------------------

const PARTS5 = '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>';
const cells = (xs: number[]) => xs.map((v) => `<td>${v}</td>`).join('');
const REVIEW = [4, 1, 0, 2, 7];
const DIRECT = [1, 0, 2, 1, 4];
const AFTER = [0, 2, 1, 0, 3];
const table5 = (caption: string, xs: number[]) => `<p>${caption}</p><table border="1"><tr>${PARTS5}</tr><tr>${cells(xs)}</tr></table>`;
const s4Of = (body: string) => {
  const got = read(`${S4_HEADING}\n${body}\n`);
  const block = (b: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => got.figures[`s4.${b}_${c}`]);
  return { review: block('review'), direct: block('litigation_direct'), after: block('litigation_after_review'), unreadable: got.unreadable.filter((k) => k.startsWith('s4.')).length };
};
const WANT = { review: REVIEW, direct: DIRECT, after: AFTER, unreadable: 0 };

test('表四 as three five-column tables, each under a caption naming its block, in any order, reads all fifteen (b121)', () => {
  const review = table5('（一）行政复议情况', REVIEW);
  const direct = table5('（二）行政诉讼情况（未经复议直接起诉）', DIRECT);
  const after = table5('（三）行政诉讼情况（复议后起诉）', AFTER);
  assert.deepEqual(s4Of(`${review}\n${direct}\n${after}`), WANT);
  assert.deepEqual(s4Of(`${review}\n${after}\n${direct}`), WANT);
  // "经行政复议后起诉" names a lawsuit (起诉), not the review.
  assert.deepEqual(s4Of(`${review}\n${table5('（二）未经复议直接起诉的行政诉讼', DIRECT)}\n${table5('（三）经行政复议后起诉的行政诉讼', AFTER)}`), WANT);
  // A litigation caption naming no block leaves 四 unread (flagged), not guessed.
  assert.equal(s4Of(`${review}\n${table5('（二）行政诉讼情况', DIRECT)}\n${after}`).unreadable, 15);
});

// ---- b122: 四 as field lines ----------------------------------------------------------------------------------------------------

const NAMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const fieldsOf = (row: string, xs: number[]) => xs.map((v, i) => `<p>${row}　${NAMES[i]}：${v}</p>`).join('\n');

test('表四 as "label：figure" lines, the block named in the line or in the caption above, reads all fifteen; one field missing leaves 四 unread (b122)', () => {
  const named = `<p>行政复议</p>\n${fieldsOf('行政复议', REVIEW)}\n<p>行政诉讼（未经复议直接起诉）</p>\n${fieldsOf('未经复议直接起诉', DIRECT)}\n<p>行政诉讼（复议后起诉）</p>\n${fieldsOf('复议后起诉', AFTER)}`;
  assert.deepEqual(s4Of(named), WANT);
  // The lines naming the column only, under a caption naming the block.
  const under = `<p>（一）行政复议</p>\n${fieldsOf('', REVIEW)}\n<p>（二）行政诉讼（未经复议直接起诉）</p>\n${fieldsOf('', DIRECT)}\n<p>（三）行政诉讼（复议后起诉）</p>\n${fieldsOf('', AFTER)}`;
  assert.deepEqual(s4Of(under), WANT);
  const short = named.replace(/<p>复议后起诉　总计：3<\/p>/, '');
  assert.equal(s4Of(short).unreadable, 15);
});

// ---- b123: counts written with 万 --------------------------------------------------------------------------------------------

test('a count written with 万 is read as the count it stands for; a count in 万 that is no whole number is no figure (b123)', () => {
  assert.equal(parseCount('1.25万'), 12500);
  assert.equal(parseCount('3万'), 30000);
  assert.equal(parseCount('3.6万'), 36000);
  assert.equal(parseCount('1.23456万'), undefined);
  assert.equal(parseCount('527'), 527);
  assert.equal(parseCount('—'), null);
  // 万元 is a unit, not a multiplier.
  assert.equal(parseCount('12.56万元'), 12.56);
});

test('表二 with 行政许可 "1.25万" and 行政处罚 "3万" reads 12500 and 30000; the fee "12.56万" under 万元 stays 12.56 (b123)', () => {
  const s2 = `${S2_HEADING}\n<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>6</td><td>2</td><td>41</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1.25万</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">3万</td></tr>
<tr><td>行政强制</td><td colspan="3">1870</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">12.56万</td></tr>
</table>\n${S3_HEADING}`;
  const got = read(s2);
  assert.deepEqual([got.figures['s2.licensing.decisions'], got.figures['s2.penalty.decisions'], got.figures['s2.coercion.decisions'], got.figures['s2.fees.amount']], [12500, 30000, 1870, 12.56]);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b125: 表二 transposed ---------------------------------------------------------------------------------------------------

test('表二 transposed (the kinds as header cells, the measures as row labels) reads all ten; the usual layout reads as before (b125)', () => {
  const turned = `${S2_HEADING}\n<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>规章</td><td colspan="2">行政规范性文件</td></tr>
<tr><td>本年制发件数</td><td>2</td><td colspan="2">5</td></tr>
<tr><td>本年废止件数</td><td>1</td><td colspan="2">0</td></tr>
<tr><td>现行有效件数</td><td>31</td><td colspan="2">48</td></tr>
<tr><td colspan="4">第二十条第（五）项、第（六）项</td></tr>
<tr><td>信息内容</td><td>行政许可</td><td>行政处罚</td><td>行政强制</td></tr>
<tr><td>本年处理决定数量</td><td>936</td><td>214</td><td>17</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">行政事业性收费</td></tr>
<tr><td>本年收费金额（单位：元）</td><td colspan="3">18500.00</td></tr>
</table>\n${S3_HEADING}`;
  const got = read(turned);
  const s2 = Object.fromEntries(Object.entries(got.figures).filter(([k]) => k.startsWith('s2.')));
  assert.deepEqual(s2, {
    's2.rules.issued': 2, 's2.rules.repealed': 1, 's2.rules.in_force': 31,
    's2.normative_docs.issued': 5, 's2.normative_docs.repealed': 0, 's2.normative_docs.in_force': 48,
    's2.licensing.decisions': 936, 's2.penalty.decisions': 214, 's2.coercion.decisions': 17, 's2.fees.amount': 1.85,
  });
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b118 (the lead's decision): a 2021 report keeping the 2019 表三 ------------------------------------------------------

test('a 2021 表三 with one （六）其他处理 row: its three sub-rows unknown (null, unreadable), its printed figures in a note; every other row read (b118)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key).filter((k) => !k.startsWith('other_'));
  const html = s3Html(keys).replace('<tr><td colspan="2">（七）总计</td>', '<tr><td colspan="2">（六）其他处理</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>6</td></tr><tr><td colspan="2">（七）总计</td>');
  const got = read(html);
  const sub = ['other_no_correction', 'other_no_fee', 'other_other'].flatMap((r) => COLS.map((c) => `s3.${r}.${c}`));
  for (const k of sub) assert.equal(got.figures[k], null, k);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')).sort(), [...sub].sort());
  assert.deepEqual(got.notes.length, 1);
  assert.match(got.notes[0]!, /（六）其他处理 printed as one row.*自然人 5, 商业企业 0, 科研机构 0, 社会公益组织 0, 法律服务机构 0, 其他 1, 总计 6/);
  // Every printed row read as before.
  const rest = Object.keys(got.figures).filter((k) => k.startsWith('s3.') && !sub.includes(k));
  assert.deepEqual(rest.filter((k) => { const [, row, col] = k.split('.'); return got.figures[k] !== rowFig(row!)[COLS.indexOf(col!)]; }), []);
});
