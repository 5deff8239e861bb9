// Patterns found by round 19 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
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
const s2Table = (cells: Record<string, string>) => `${S2_HEADING}\n<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>——</td><td>——</td><td>——</td></tr>
<tr><td>行政规范性文件</td><td>3件</td><td>——</td><td>18件</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${cells.licensing ?? '12'}</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">${cells.penalty ?? '5'}</td></tr>
<tr><td>行政强制</td><td colspan="3">${cells.coercion ?? '3'}</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">${cells.fees ?? '0'}</td></tr>
</table>\n${S3_HEADING}`;

// ---- b145: counts written in 千 ----------------------------------------------------------------------------------------------------

test('a count written in 千 ("2.4千次", "3千件") is read as the count it stands for, and is a figure cell (b145)', () => {
  assert.equal(parseCount('2.4千次'), 2400);
  assert.equal(parseCount('1.2千件'), 1200);
  assert.equal(parseCount('3千'), 3000);
  assert.equal(parseCount('2.4567千次'), undefined, 'no whole count');
  assert.equal(isFigureToken('2.4千次'), true);
  // Not as an amount: a bare 千 in a 万元 column stays unread; 千元 stays yuan.ts's, 亿 and 万 as before.
  assert.equal(parseNumber('2.4千'), undefined);
  assert.equal(parseCount('13千元'), 13);
  assert.equal(parseCount('1.05亿次'), 105_000_000);
  assert.equal(parseCount('3.6万次'), 36000);
});

test('表二 with 行政许可 "2.4千次", 行政处罚 "1.2千次" and zero counts "——" reads 2400, 1200 and 0 (b145)', () => {
  const got = read(s2Table({ licensing: '2.4千次', penalty: '1.2千次', coercion: '56次' }));
  assert.deepEqual(['licensing', 'penalty', 'coercion'].map((k) => got.figures[`s2.${k}.decisions`]), [2400, 1200, 56]);
  assert.equal(got.figures['s2.normative_docs.in_force'], 18);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b144: note references typed full size beside figures, no brackets --------------------------------------------------------

test('a figure with a note reference typed after it ("615 注1", "1.84[2]", "12见注3") reads as the figure (b144)', () => {
  assert.equal(parseNumber('615 注1'), 615);
  assert.equal(parseNumber('1.84[2]'), 1.84);
  assert.equal(parseNumber('357［5］'), 357);
  assert.equal(parseNumber('12见注3'), 12);
  assert.equal(parseCount('132件注2'), 132);
  // The reference alone, or a note's own text, is no figure.
  assert.equal(parseNumber('注1'), undefined);
  assert.equal(parseNumber('[2]'), undefined);
  assert.equal(parseNumber('615注1：含告知承诺'), undefined);
});

test('表二 with 行政许可 "615 注1" and the fee "1.84[2]" reads 615 and 1.84, not unreadable (b144)', () => {
  const got = read(s2Table({ licensing: '615 注1', penalty: '133', fees: '1.84[2]' }));
  assert.equal(got.figures['s2.licensing.decisions'], 615);
  assert.equal(got.figures['s2.fees.amount'], 1.84);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s2.')), []);
});

// ---- b146: 表三 cut in two halves set side by side in one table ------------------------------------------------------------

const COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
const ROWS = TEMPLATE_2021.section3Rows;
/** A row's seven figures, different for every row (row i: i + 10, 0, 1, 0, 0, 1, i + 12), so a row read in another's place shows. */
const rowFig = (i: number) => [i + 10, 0, 1, 0, 0, 1, i + 12];
const s3Wrong = (figures: Record<string, number | null>) =>
  ROWS.flatMap((r, i) => COLS.filter((c, j) => figures[`s3.${r.key}.${c}`] !== rowFig(i)[j]).map((c) => `${r.key}.${c}: ${figures[`s3.${r.key}.${c}`]}`));
const HALF = Math.ceil(ROWS.length / 2);

test('表三 cut in two halves side by side in one table (header twice on one row) reads every row of both halves (b146)', () => {
  const head = `<tr><td rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td>`.repeat(1);
  const headRow1 = `${head.replace('<tr>', '')}`;
  const header = `<tr>${headRow1}${headRow1}</tr>
<tr>${'<td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td>'.repeat(2)}</tr>
<tr>${'<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>'.repeat(2)}</tr>`;
  const cells = (i: number) => (i < ROWS.length ? `<td>${ROWS[i]!.label}</td>${rowFig(i).map((v) => `<td>${v}</td>`).join('')}` : `<td></td>${'<td></td>'.repeat(7)}`);
  const body = Array.from({ length: HALF }, (_, i) => `<tr>${cells(i)}${cells(i + HALF)}</tr>`).join('\n');
  const got = read(`${S3_HEADING}\n<table border="1">${header}${body}</table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>`);
  assert.deepEqual(s3Wrong(got.figures), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
});

/** A positioned run as a PDF gives it: x from x0 to x1, y the glyphs' vertical centre, h the font size. */
const run = (text: string, x0: number, x1: number, y: number, h = 10): TextItem => ({ text, page: 1, x0, x1, y, h });

test('the halves side by side in positioned text, a number of the right half wrapped in its narrow cell ("3" over "1"), read every row (b146)', () => {
  const W = 330; // the left half's width: the right half starts there
  const items: TextItem[] = [run('三、收到和处理政府信息公开申请情况', 20, 200, 100)];
  for (const dx of [0, W]) {
    items.push(run('（本列数据的勾稽关系为：第一项加第二项', 20 + dx, 150 + dx, 130), run('申请人情况', 200 + dx, 260 + dx, 130));
    items.push(run('自然人', 158 + dx, 178 + dx, 145), run('法人或其他组织', 200 + dx, 260 + dx, 145), run('总计', 308 + dx, 322 + dx, 145));
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].forEach((w, c) => items.push(run(w, 183 + c * 25 + dx, 203 + c * 25 + dx, 160)));
  }
  const wrapped = HALF + 6; // a row of the right half whose 总计 wraps: "2" above its row's line, "2" below
  for (let i = 0; i < ROWS.length; i++) {
    const dx = i < HALF ? 0 : W;
    const y = 190 + (i % HALF) * 36;
    // The left row beside the wrapped one has its label wrapped over two lines around its figures: the wrapped
    // number's lines hold that label's pieces, so the wrap shows only once the halves are apart.
    if (i === wrapped - HALF) items.push(run(ROWS[i]!.label.slice(0, 6), 20, 150, y - 7), run(ROWS[i]!.label.slice(6), 20, 150, y + 7));
    else items.push(run(ROWS[i]!.label, 20 + dx, 150 + dx, y));
    rowFig(i).forEach((v, c) => {
      const x = 160 + c * 25 + dx;
      if (i === wrapped && c === 6) items.push(run(String(v).slice(0, 1), x, x + 6, y - 7), run(String(v).slice(1), x, x + 6, y + 7));
      else items.push(run(String(v), x, x + 12, y));
    });
  }
  items.push(run('四、政府信息公开行政复议、行政诉讼情况', 20, 200, 190 + HALF * 36 + 20));
  const got = mapFigures(linesFromItems(items), TEMPLATE_2021);
  assert.deepEqual(s3Wrong(got.figures), []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
});
