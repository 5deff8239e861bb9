// Patterns found by round 18 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { isFigureToken, parseCount, parseNumber } from '../../src/extract/text.ts';
import type { TextItem } from '../../src/extract/types.ts';

const page = (body: string) => new TextEncoder().encode(`<html><head></head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const read = (body: string) => mapFigures(readHtml(page(body)).lines, TEMPLATE_2021);
const S2_HEADING = '<p>二、主动公开政府信息情况</p>';
const S3_HEADING = '<p>三、收到和处理政府信息公开申请情况</p>';

// ---- b134: counts written in 亿 ---------------------------------------------------------------------------------------------------

test('a count written in 亿 ("1.05亿次", "2亿") is read as the count it stands for, and is a figure cell (b134)', () => {
  assert.equal(parseCount('1.05亿次'), 105_000_000);
  assert.equal(parseCount('2.3亿次'), 230_000_000);
  assert.equal(parseCount('2亿'), 200_000_000);
  assert.equal(parseCount('1.123456789亿'), undefined);
  assert.equal(isFigureToken('1.05亿次'), true);
  // Not as an amount: "1.05亿" in a 万元 column stays unread (亿元 is yuan.ts's), and 万 as before.
  assert.equal(parseNumber('1.05亿'), undefined);
  assert.equal(parseCount('12.56亿元'), 12.56);
  assert.equal(parseCount('3.6万次'), 36000);
});

test('表二 with 行政许可 "1.05亿次", 行政处罚 "2.3亿次", 行政强制 "3.6万次" reads 105000000, 230000000, 36000 (b134)', () => {
  const s2 = `${S2_HEADING}\n<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>2件</td><td>1件</td><td>48件</td></tr>
<tr><td>行政规范性文件</td><td>11件</td><td>4件</td><td>132件</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1.05亿次</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">2.3亿次</td></tr>
<tr><td>行政强制</td><td colspan="3">3.6万次</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr>
</table>\n${S3_HEADING}`;
  const got = read(s2);
  assert.deepEqual(['licensing', 'penalty', 'coercion'].map((k) => got.figures[`s2.${k}.decisions`]), [105_000_000, 230_000_000, 36000]);
  assert.equal(got.figures['s2.normative_docs.in_force'], 132);
  assert.equal(got.figures['s2.fees.amount'], 12.5);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b135: an item printed out of order, and a remark row between two rows of figures naming its phrase -----------------

const COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
const GROUPS: Record<string, string> = { denied_: '（三）不予公开', unable_: '（四）无法提供', not_processed_: '（五）不予处理', other_: '（六）其他处理' };
/** A row's seven figures, different for every row (row i: i, 0, 0, 0, 0, 1, i + 1), so a row read in another's place shows. */
const rowFig = (k: string) => {
  const i = TEMPLATE_2021.section3Rows.findIndex((r) => r.key === k) + 1;
  return [i, 0, 0, 0, 0, 1, i + 1];
};
/** 表三 (2021) printing its rows in `order`, a full-width `remark` row before the row `before`. */
function s3Html(order: string[], remark: string, before: string): string {
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
    return `${k === before ? `<tr><td colspan="9">${remark}</td></tr>` : ''}<tr>${label}${rowFig(k).map((v) => `<td>${v}</td>`).join('')}</tr>`;
  });
  return `${S3_HEADING}\n<table border="1">${head}${rows.join('')}</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`;
}
const s3Wrong = (got: ReturnType<typeof read>) =>
  Object.keys(got.figures).filter((k) => k.startsWith('s3.')).filter((k) => {
    const [, row, col] = k.split('.');
    return got.figures[k] !== rowFig(row!)[COLS.indexOf(col!)];
  });
const REMARK = '其中：不予公开的申请多涉及保护第三方合法权益，均已书面征求第三方意见。';

test('an item printed above its group\'s first item, with a remark row naming its phrase between two rows of figures, reads in its place (b135)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const order = keys.filter((k) => k !== 'denied_third_party_rights');
  order.splice(order.indexOf('denied_state_secret'), 0, 'denied_third_party_rights');
  const got = read(s3Html(order, REMARK, 'carried_to_next_year'));
  assert.deepEqual(s3Wrong(got), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // The template's order with the same remark reads as before.
  const plain = read(s3Html(keys, REMARK, 'carried_to_next_year'));
  assert.deepEqual(s3Wrong(plain), []);
  assert.deepEqual(plain.unreadable.filter((k) => k.startsWith('s3.')), []);
});

test('a remark naming a row the table does not print is not that row: the row is unreadable, not read blank (b135)', () => {
  const keys = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const got = read(s3Html(keys.filter((k) => k !== 'denied_third_party_rights'), REMARK, 'carried_to_next_year'));
  assert.equal(got.figures['s3.denied_third_party_rights.total'], null);
  assert.ok(got.unreadable.includes('s3.denied_third_party_rights.total'));
});

// ---- b133: 表三 as row lines leaving out the kinds with nothing -------------------------------------------------------------

const COL_NAMES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
/** 三 as row lines naming only the kinds with a figure ("label：自然人N件，其他1件，总计N件"); `total` changes a row's 总计. */
function s3SparseLines(total: (key: string, v: number) => number = (_k, v) => v): string {
  const groups: Record<string, string> = { denied_state_secret: '（三）不予公开', unable_not_held: '（四）无法提供', not_processed_petition: '（五）不予处理', other_no_correction: '（六）其他处理' };
  const lines = TEMPLATE_2021.section3Rows.flatMap((r) => {
    const label = r.label.replace(/^（[三四五六]）\S+ /, '');
    const figs = rowFig(r.key).flatMap((v, i) => (i === 6 ? [`总计${total(r.key, v)}件`] : v === 0 ? [] : [`${COL_NAMES[i]}${v}件`])).join('，');
    return [...(r.key === 'granted' ? ['<p>三、本年度办理结果</p>'] : []), ...(groups[r.key] ? [`<p>${groups[r.key]}</p>`] : []), `<p>${label}：${figs}</p>`];
  });
  return `${S3_HEADING}\n<p>（单位：件；未列出的申请人类型为0）</p>\n${lines.join('\n')}\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`;
}

test('表三 as row lines naming only the kinds with a figure ("自然人3件，其他1件，总计4件") reads the kinds left out as 0, their sum being 总计 (b133)', () => {
  const got = read(s3SparseLines());
  assert.deepEqual(s3Wrong(got), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
});

test('a sparse row line whose named kinds fall short of its 总计 is no row line: 三 unread, not the missing kinds guessed (b133)', () => {
  const got = read(s3SparseLines((k, v) => (k === 'denied_internal_affairs' ? v + 2 : v)));
  assert.equal(got.figures['s3.denied_internal_affairs.natural_person'], null);
  assert.ok(got.unreadable.includes('s3.denied_internal_affairs.total'));
});

// ---- b136: full-size note references （注N） beside their figures, or wrapped above or below them (PDF) ----------------------

/** A positioned run as a PDF gives it: x from x0 to x1, y the glyphs' vertical centre, h the font size. */
const run = (text: string, x0: number, x1: number, y: number, h = 10.5): TextItem => ({ text, page: 1, x0, x1, y, h });
/** Each line's tokens as read: a number's value, other text as it is. */
const tokensOf = (items: TextItem[]) => linesFromItems(items).map((l) => l.items.map((it) => parseNumber(it.text) ?? it.text));

test('a full-size reference set an ideographic space after its figure goes with it: 615 （注1） reads 615, 1.84 （注2） reads 1.84 (b136)', () => {
  assert.deepEqual(tokensOf([run('行政许可', 141, 183, 710), run('615', 348, 368, 710), run('（注1）', 379, 419, 710)]), [['行政许可', 615]]);
  assert.deepEqual(tokensOf([run('行政事业性收费', 126, 199, 214), run('1.84', 346, 370, 214), run('（注2）', 380, 421, 214)]), [['行政事业性收费', 1.84]]);
});

test('a reference wrapped in a narrow cell, above its figure or below it, goes with the figure onto its row\'s line (b136)', () => {
  // "（注" / "3）" (on the row's line) / "227": 227 read on the row's line.
  const above = tokensOf([
    run('（注', 279, 300, 376.8),
    run('一、本年新收政府信息公开申请数量', 92, 260, 389.1), run('3）', 281, 298, 389.1), run('6', 322, 329, 389.1), run('274', 494, 514, 389.1),
    run('227', 280, 300, 401.3),
  ]);
  assert.deepEqual(above, [['一、本年新收政府信息公开申请数量', 227, 6, 274]]);
  // "230" / "（注" (on the row's line) / "5）": 230 read on the row's line.
  const below = tokensOf([
    run('230', 280, 300, 649.1),
    run('（七）总计', 182, 234, 661.4), run('（注', 279, 300, 661.4), run('7', 322, 329, 661.4), run('280', 494, 514, 661.4),
    run('5）', 281, 298, 673.6),
  ]);
  assert.deepEqual(below, [['(七)总计', 230, 7, 280]]);
  // A number alone right above AND right below the reference: which is its figure is a doubt, neither is joined.
  const both = linesFromItems([
    run('41', 280, 300, 376.8), run('（注', 279, 300, 389.1), run('3）', 281, 298, 401.3), run('227', 280, 300, 413.5),
  ]);
  assert.ok(both.flatMap((l) => l.items).filter((it) => /^\d+$/.test(it.text)).every((it) => it.doubtful), JSON.stringify(both));
});
