// Patterns found by round 17 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { parseCount, parseNumber } from '../../src/extract/text.ts';
import type { TextItem } from '../../src/extract/types.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const read = (body: string) => mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
const S2_HEADING = '<p>二、主动公开政府信息情况</p>';
const S3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';

// ---- b127: counts written 万次 / 万件 ------------------------------------------------------------------------------------------

test('a count written with 万 and its unit ("3.6万次", "2万件") is read as the count it stands for (b127)', () => {
  assert.equal(parseCount('1.25万次'), 12500);
  assert.equal(parseCount('2万件'), 20000);
  assert.equal(parseCount('3.6万人次'), 36000);
  assert.equal(parseCount('1870次'), 1870);
  assert.equal(parseCount('1.23456万次'), undefined);
});

test('表二 with 行政许可 "1.25万次", 行政处罚 "3.6万次", 行政强制 "2万次" reads 12500, 36000, 20000 (b127)', () => {
  const s2 = `${S2_HEADING}\n<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0件</td><td>0件</td><td>0件</td></tr>
<tr><td>行政规范性文件</td><td>5件</td><td>2件</td><td>37件</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1.25万次</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">3.6万次</td></tr>
<tr><td>行政强制</td><td colspan="3">2万次</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">8.4</td></tr>
</table>\n${S3_HEADING}`;
  const got = read(s2);
  assert.deepEqual(['licensing', 'penalty', 'coercion'].map((k) => got.figures[`s2.${k}.decisions`]), [12500, 36000, 20000]);
  assert.equal(got.figures['s2.normative_docs.in_force'], 37);
  assert.equal(got.figures['s2.fees.amount'], 8.4);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b130: an item printed out of order, and a note after the table naming its phrase -----------------------------------

const COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
const GROUPS: Record<string, string> = { denied_: '（三）不予公开', unable_: '（四）无法提供', not_processed_: '（五）不予处理', other_: '（六）其他处理' };
/** A row's seven figures, different for every row (row i: i, 0, 0, 0, 0, 1, i + 1), so a row read in another's place shows. */
const rowFig = (k: string) => {
  const i = TEMPLATE_2021.section3Rows.findIndex((r) => r.key === k) + 1;
  return [i, 0, 0, 0, 0, 1, i + 1];
};
/** 表三 (2021) printing its rows in `order`, then `after` (a note under the table). */
function s3Html(order: string[], after = ''): string {
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
  return `${S3_HEADING}\n<table border="1">${head}${rows.join('')}</table>\n${after}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`;
}
const s3Wrong = (got: ReturnType<typeof read>) =>
  Object.keys(got.figures).filter((k) => k.startsWith('s3.')).filter((k) => {
    const [, row, col] = k.split('.');
    return got.figures[k] !== rowFig(row!)[COLS.indexOf(col!)];
  });
const NOTE = '<p>注：本年度不予公开的申请主要涉及保护第三方合法权益的信息，均已书面告知申请人。</p>';

test('an item printed above its group\'s first item, with a note after the table naming its phrase, reads in its place (b130)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const order = keys.filter((k) => k !== 'denied_third_party_rights');
  order.splice(order.indexOf('denied_state_secret'), 0, 'denied_third_party_rights');
  const got = read(s3Html(order, NOTE));
  assert.deepEqual(s3Wrong(got), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // The template's order with the same note reads as before.
  const plain = read(s3Html(keys, NOTE));
  assert.deepEqual(s3Wrong(plain), []);
  assert.deepEqual(plain.unreadable.filter((k) => k.startsWith('s3.')), []);
});

// ---- b131: footnote marks set apart from their figures (PDF) ---------------------------------------------------------------

/** A positioned run as a PDF gives it: x from x0 to x1, y the glyphs' vertical centre, h the font size. */
const run = (text: string, x0: number, x1: number, y: number, h = 10.5): TextItem => ({ text, page: 1, x0, x1, y, h });
/** Each line's tokens as read: a number's value, other text as it is. */
const tokensOf = (items: TextItem[]) => linesFromItems(items).map((l) => l.items.map((it) => parseNumber(it.text) ?? it.text));

test('a superscript mark set a few spaces after its figure goes with the figure: 615 ① reads 615, 1.26 * reads 1.26, 96 ¹ reads 96 (b131)', () => {
  assert.deepEqual(tokensOf([run('行政许可', 141, 183, 710), run('615', 362, 382, 710), run('①', 399, 405, 707.7, 6.1)]), [['行政许可', 615]]);
  assert.deepEqual(tokensOf([run('行政事业性收费', 126, 199, 214), run('1.26', 362, 385, 214), run('*', 402, 405, 211.6, 6.1)]), [['行政事业性收费', 1.26]]);
  assert.deepEqual(tokensOf([run('行政处罚', 141, 183, 300), run('96', 362, 375, 300), run('1', 392, 396, 297.6, 6.1)]), [['行政处罚', 96]]);
  // A figure of the next cell, full size, is no mark.
  assert.deepEqual(tokensOf([run('规章', 141, 163, 400), run('3', 300, 306, 400), run('1', 330, 336, 400)]), [['规章', 3, 1]]);
});

test('a figure whose mark wrapped below it in a narrow cell is read on its row\'s line, the mark not joined as a digit (b131)', () => {
  // "220" above the row's line, its mark "1" (superscript) below at its right end: read 220, not 2201.
  const wrapped = tokensOf([
    run('220', 274.8, 294.8, 377.3), run('1', 291.3, 295.2, 387, 6.1),
    run('一、本年新收政府信息公开申请数量', 91.8, 259.8, 383.5), run('15', 318.8, 332.2, 383.5), run('284', 493.7, 513.7, 383.5),
  ]);
  assert.ok(wrapped.some((l) => l.includes('一、本年新收政府信息公开申请数量') && l.includes(220) && l.includes(15)), JSON.stringify(wrapped));
  assert.ok(!wrapped.flat().includes(2201));
  // "28" on the line above the row's, "②" on the line below: 28 goes to the row's line between them.
  const around = tokensOf([
    run('三、本年度', 85.4, 137.9, 422.3), run('28', 488.7, 502.1, 422.3),
    run('（一）予以公开', 171, 245, 428.4), run('22', 283.2, 296.6, 428.4), run('2', 322.1, 328.8, 428.4),
    run('办理结果', 90.6, 132.6, 434.5), run('②', 501, 506.5, 431.8, 6.1),
  ]);
  assert.ok(around.some((l) => l.includes('(一)予以公开') && l.includes(28)), JSON.stringify(around));
});

// ---- b128: 四's litigation part as a two-row table under a caption naming no block --------------------------------------------

const S4_HEADING = '<p>四、政府信息公开行政复议、行政诉讼情况</p>';
const PARTS5 = '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>';
const cells = (xs: number[]) => xs.map((v) => `<td>${v}</td>`).join('');
const REVIEW = [3, 1, 0, 1, 5];
const DIRECT = [2, 0, 1, 0, 3];
const AFTER = [1, 1, 0, 2, 4];
const s4Of = (body: string) => {
  const got = read(`${S4_HEADING}\n${body}\n`);
  const block = (b: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => got.figures[`s4.${b}_${c}`]);
  return { review: block('review'), direct: block('litigation_direct'), after: block('litigation_after_review'), unreadable: got.unreadable.filter((k) => k.startsWith('s4.')).length };
};

test('四 as a 行政复议 table, then "（二）行政诉讼情况" over one table whose rows are labelled 未经复议直接起诉 / 复议后起诉, reads all fifteen in either row order (b128)', () => {
  const review = `<p>（一）行政复议情况</p><table border="1"><tr>${PARTS5}</tr><tr>${cells(REVIEW)}</tr></table>`;
  const suits = (rows: [string, number[]][]) => `<p>（二）行政诉讼情况</p><table border="1"><tr><td>起诉方式</td>${PARTS5}</tr>${rows.map(([l, xs]) => `<tr><td>${l}</td>${cells(xs)}</tr>`).join('')}</table>`;
  const want = { review: REVIEW, direct: DIRECT, after: AFTER, unreadable: 0 };
  assert.deepEqual(s4Of(`${review}\n${suits([['未经复议直接起诉', DIRECT], ['复议后起诉', AFTER]])}`), want);
  assert.deepEqual(s4Of(`${review}\n${suits([['复议后起诉', AFTER], ['未经复议直接起诉', DIRECT]])}`), want);
  // Rows naming no block (or the same block twice) leave 四 unread, not guessed.
  assert.equal(s4Of(`${review}\n${suits([['第一类', DIRECT], ['第二类', AFTER]])}`).unreadable, 15);
  assert.equal(s4Of(`${review}\n${suits([['复议后起诉', DIRECT], ['复议后起诉', AFTER]])}`).unreadable, 15);
});

// ---- b126: 表三 as row lines, one line a row ----------------------------------------------------------------------------------

const COL_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** 三 as a reporting system prints it: group titles on lines of their own, each row "label：自然人N件，…，总计N件". */
function s3RowLines(skip?: string): string {
  const groups: Record<string, string> = { denied_state_secret: '（三）不予公开', unable_not_held: '（四）无法提供', not_processed_petition: '（五）不予处理', other_no_correction: '（六）其他处理' };
  const lines = TEMPLATE_2021.section3Rows.flatMap((r) => {
    const label = r.label.replace(/^（[三四五六]）\S+ /, '');
    const figs = rowFig(r.key).map((v, i) => `${COL_NAMES[i]}${v}件`).join('，');
    return [...(r.key === 'granted' ? ['<p>三、本年度办理结果</p>'] : []), ...(groups[r.key] ? [`<p>${groups[r.key]}</p>`] : []), ...(r.key === skip ? [] : [`<p>${label}：${figs}</p>`])];
  });
  return `${S3_HEADING}\n<p>（单位：件）</p>\n${lines.join('\n')}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`;
}

test('表三 as row lines ("（一）予以公开：自然人1件，…，总计2件") reads all 25 rows; a row missing leaves 三 unread, not guessed (b126)', () => {
  const got = read(s3RowLines());
  assert.deepEqual(s3Wrong(got), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  const short = read(s3RowLines('denied_internal_affairs'));
  assert.equal(short.figures['s3.granted.total'], null);
  assert.ok(short.unreadable.includes('s3.denied_internal_affairs.total'));
});

// ---- b129: 表二 transposed in one table, the titles side by side and the kinds wrapped ----------------------------------------

test('表二 transposed in ONE table, block titles side by side and kinds wrapped over two header lines, reads all ten (b129)', () => {
  const at = (y: number, ...cells: [string, number, number][]) => cells.map(([t, x0, x1]) => run(t, x0, x1, y));
  const na = (y: number, xs: number[]) => xs.map((x) => run('/', x - 3, x + 3, y));
  const items = [
    ...at(60, ['一、总体情况', 100, 180]),
    ...at(80, ['二、主动公开政府信息情况', 100, 250]),
    ...at(120, ['第二十条', 351, 399], ['第二十条', 504, 549]),
    ...at(132, ['第二十条第（一）', 252, 345], ['第二十条第（六）', 405, 495]),
    ...at(144, ['第（五）', 351, 399], ['第（八）', 504, 549]),
    ...at(156, ['项', 291, 306], ['项', 444, 456]),
    ...at(168, ['项目', 153, 177], ['项', 369, 381], ['项', 522, 534]),
    ...at(184, ['行政规范', 300, 348], ['行政事业', 504, 549]),
    ...at(196, ['规章', 261, 285], ['行政许可', 355, 395], ['行政处罚', 406, 446], ['行政强制', 457, 497]),
    ...at(208, ['性文件', 306, 342], ['性收费', 510, 546]),
    ...at(230, ['本年制发件数', 132, 201], ['1', 270, 276], ['6', 321, 327]), ...na(230, [375, 426, 477, 528]),
    ...at(250, ['本年废止件数', 132, 201], ['0', 270, 276], ['2', 321, 327]), ...na(250, [375, 426, 477, 528]),
    ...at(270, ['现行有效件数', 132, 201], ['14', 267, 279], ['53', 318, 330]), ...na(270, [375, 426, 477, 528]),
    ...at(290, ['本年处理决定数量', 120, 213], ['847', 365, 385], ['192', 416, 436], ['12', 468, 480]), ...na(290, [273, 324, 528]),
    ...at(310, ['本年收费金额（单位：万元）', 93, 240], ['2.35', 516, 540]), ...na(310, [273, 324, 375, 426, 477]),
    ...at(340, ['三、收到和处理政府信息公开申请情况', 100, 330]),
  ];
  const got = mapFigures(linesFromItems(items), TEMPLATE_2021);
  const s2 = Object.fromEntries(Object.entries(got.figures).filter(([k]) => k.startsWith('s2.')));
  assert.deepEqual(s2, {
    's2.rules.issued': 1, 's2.rules.repealed': 0, 's2.rules.in_force': 14,
    's2.normative_docs.issued': 6, 's2.normative_docs.repealed': 2, 's2.normative_docs.in_force': 53,
    's2.licensing.decisions': 847, 's2.penalty.decisions': 192, 's2.coercion.decisions': 12, 's2.fees.amount': 2.35,
  });
});
