// Patterns found by round 2 of the blind corpus (docs/blind-documents.md), each on hand-made input: counts written
// with their unit (962次), tables laid out with display:table divs, table 四 printed on its side, OCR misreads that
// only the arithmetic can see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks, withdrawContradictedRows } from '../../src/extract/checks.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { detectGrid } from '../../src/extract/ocr/grid.ts';
import { linesFromGrid, paragraphLine } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { labelStart } from '../../src/extract/tables/tokens.ts';
import { labelKey } from '../../src/extract/text.ts';
import { SECTION3_COLUMNS, TEMPLATE_2019, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { GridCell, Line } from '../../src/extract/types.ts';

const cell = (text: string, colSpan = 1): GridCell => ({ text, colSpan, rowSpan: 1 });
const grid = (rows: GridCell[][]) => ({ rows: rows.map((r) => r.flatMap((c) => [c, ...Array.from({ length: c.colSpan - 1 }, () => null)])) });

function s2Lines2019(rows: GridCell[][]): Line[] {
  return [paragraphLine('二、主动公开政府信息情况', 1, 0), ...linesFromGrid(grid(rows), 1, 1), paragraphLine('三、收到和处理政府信息公开申请情况', 1, 99)];
}

test('table 二 counts written with their unit (962次, 4件, 12人次) are read; an unknown unit (3户) is unreadable, never a label', () => {
  const head = [cell('信息内容'), cell('上一年项目数量'), cell('本年增/减'), cell('处理决定数量')];
  const lines = s2Lines2019([
    [cell('第二十条第（五）项', 4)],
    head,
    [cell('行政许可'), cell('42件'), cell('5件'), cell('962次')],
    [cell('其他对外管理服务事项'), cell('9项'), cell('-2'), cell('3户')],
    [cell('第二十条第（六）项', 4)],
    head,
    [cell('行政处罚'), cell('61'), cell('0'), cell('12人次')],
  ]);
  const m = mapFigures(lines, TEMPLATE_2019);
  assert.deepEqual([m.figures['s2.licensing.prev_year'], m.figures['s2.licensing.change'], m.figures['s2.licensing.decisions']], [42, 5, 962]);
  assert.deepEqual([m.figures['s2.other_services.prev_year'], m.figures['s2.other_services.change']], [9, -2]);
  assert.equal(m.figures['s2.other_services.decisions'], null);
  assert.ok(m.unreadable.includes('s2.other_services.decisions'), '3户 is flagged');
  assert.equal(m.figures['s2.penalty.decisions'], 12);
});

const PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const PARTS_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const S4_VALUES = [3, 0, 1, 0, 4, 0, 0, 2, 1, 3, 1, 0, 0, 0, 1];
const s4Figures = (m: ReturnType<typeof mapFigures>) =>
  ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => m.figures[`s4.${b}_${c}`]));

test('a table laid out with display:table divs is read as a table (no spans: covered slots are empty divs)', () => {
  const td = (t: string) => `<div style="display:table-cell;border:1px solid #333">${t}</div>`;
  const tr = (cells: string[]) => `<div style="display: table-row">${cells.map(td).join('')}</div>`;
  const rows = TEMPLATE_2021.section3Rows;
  const value = (i: number, k: number) => (k === 6 ? [0, 1, 2, 3, 4, 5].reduce((a, j) => a + ((i + j) % 4), 0) : (i + k) % 4);
  const html = `<html><body><div class="content">
<p>三、收到和处理政府信息公开申请情况</p>
<div class="gk-table" style="width:100%;display:table">
${tr(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''])}
${tr(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'])}
${tr(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''])}
${rows.map((r, i) => tr([r.label, '', '', ...Array.from({ length: 7 }, (_, k) => String(value(i, k)))])).join('\n')}
</div>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<div style="display:table">
${tr(['行政复议', '', '', '', '', '行政诉讼', ...Array(9).fill('')])}
${tr([...PARTS, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''])}
${tr(['', '', '', '', '', ...PARTS, ...PARTS])}
${tr(S4_VALUES.map(String))}
</div>
<p>五、存在的主要问题及改进情况</p>
</div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  const wrong = rows.flatMap((r, i) => SECTION3_COLUMNS.map((c, k) => [`s3.${r.key}.${c.key}`, value(i, k)] as const)).filter(([key, v]) => m.figures[key] !== v);
  assert.deepEqual(wrong, []);
  assert.deepEqual(s4Figures(m), S4_VALUES);
  assert.deepEqual(m.unreadable.filter((k) => !k.startsWith('s2.')), []);
});

test('table 四 printed on its side (a row per case kind, the five results as columns) is read; blanks stay blanks', () => {
  const span = (text: string, rowSpan: number): GridCell => ({ text, colSpan: 1, rowSpan });
  const v = (n: number) => cell(n === 0 ? '' : String(n));
  const row = (b: number) => S4_VALUES.slice(b * 5, b * 5 + 5).map(v);
  const g = {
    rows: [
      [cell('类别', 2), null, ...PARTS.map((p) => cell(p))],
      [cell('行政复议', 2), null, ...row(0)],
      [span('行政诉讼', 2), cell('未经复议直接起诉'), ...row(1)],
      [null, cell('复议后起诉'), ...row(2)],
    ],
  };
  const lines = [paragraphLine('四、政府信息公开行政复议、行政诉讼情况', 1, 0), ...linesFromGrid(g, 1, 1), paragraphLine('五、存在的主要问题及改进情况', 1, 99)];
  const m = mapFigures(lines, TEMPLATE_2021);
  assert.deepEqual(s4Figures(m), S4_VALUES.map((n) => (n === 0 ? null : n)));
  assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s4.')), []);
});

test('OCR: a row whose total contradicts its parts is withdrawn (unreadable), not reported wrong; so is an unverifiable row when a column fails', () => {
  // Consistent figures: every row, column and block adds up.
  const figures: Record<string, number | null> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r) => r.key);
  const parts = SECTION3_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
  for (const r of rows) for (const c of SECTION3_COLUMNS) figures[`s3.${r}.${c.key}`] = 0;
  for (const b of ['review', 'litigation_direct', 'litigation_after_review']) for (const c of PARTS_KEYS) figures[`s4.${b}_${c}`] = 0;
  const set = (row: string, col: string, v: number) => {
    figures[`s3.${row}.${col}`] = v;
    figures[`s3.${row}.total`] = parts.reduce((a, c) => a + (figures[`s3.${row}.${c}`] ?? 0), 0);
  };
  for (const [row, v] of [['new_received', 5], ['granted', 2], ['denied_process_info', 1], ['carried_to_next_year', 2], ['total', 3]] as const) set(row, 'commercial_enterprise', v);
  figures['s4.review_upheld'] = 2;
  figures['s4.review_total'] = 2;
  assert.deepEqual(runChecks(figures, '2021').filter((r) => r.ok === false), []);

  // "0 │ 1" read as "10 │ 0" in one row; in another, the total unreadable and the same misread.
  const read: Record<string, number | null> = { ...figures, 's3.denied_process_info.commercial_enterprise': 0, 's3.denied_process_info.research_institution': 10 };
  read['s3.carried_to_next_year.commercial_enterprise'] = 0;
  read['s3.carried_to_next_year.research_institution'] = 20;
  read['s3.carried_to_next_year.total'] = null;
  read['s4.review_upheld'] = 7;
  const unreadable = ['s3.carried_to_next_year.total'];
  const withdrawn = withdrawContradictedRows(read, unreadable, '2021');
  assert.deepEqual(withdrawn.sort(), ['s3.carried_to_next_year', 's3.denied_process_info', 's4.review']);
  for (const scope of ['s3.denied_process_info', 's3.carried_to_next_year']) for (const c of SECTION3_COLUMNS) {
    assert.equal(read[`${scope}.${c.key}`], null);
    assert.ok(unreadable.includes(`${scope}.${c.key}`));
  }
  assert.equal(read['s4.review_upheld'], null);
  assert.equal(read['s3.granted.commercial_enterprise'], 2, 'rows that add up stand');
  assert.deepEqual(runChecks(read, '2021', { unreadable }).filter((r) => r.ok === false), [], 'nothing left contradicts');
});

test('a group label centred beside a wrapped item label (3.要求提供公开 / （五）不予处理 出版物) is not where the item starts', () => {
  // The label stream is labelKey text: full-width brackets are ASCII there.
  const stream = labelKey('2.重复申请3.要求提供公开（五）不予处理出版物4.无正当理由大量反复申请');
  assert.equal(labelStart(stream, stream.indexOf('出版物'), 0), stream.indexOf('3.'));
  // A group name that is the phrase itself is a row of its own (2019: （六）其他处理).
  const s2019 = labelKey('5.要求行政机关确认或重新出具已获取信息（六）其他处理（七）总计');
  assert.equal(labelStart(s2019, s2019.indexOf('其他处理'), 0), s2019.indexOf('(六)'));
});

test('OCR grid: a vertical rule that the scan greyed out in one band is restored from the other bands; a merged, grey-shaded header cell stays merged', () => {
  const w = 620;
  const h = 260;
  const data = new Uint8Array(w * h).fill(255);
  const hline = (y: number) => data.fill(0, y * w + 50, y * w + 560);
  const vline = (x: number, y0: number, y1: number, v: number) => {
    for (let y = y0; y <= y1; y++) data[y * w + x] = v;
  };
  // Band 1 is a grey-shaded header row (228: darker than the faint-rule threshold, but even).
  for (let y = 51; y < 100; y++) data.fill(228, y * w + 51, y * w + 559);
  for (const y of [50, 100, 150, 200]) hline(y);
  for (const x of [50, 150, 250, 350, 450, 559]) {
    // Band 1 (50–100) is a header whose middle cell spans 150–450: no rules inside it.
    vline(x, 50, 100, x === 250 || x === 350 ? 255 : 0);
    // Band 2 (100–150): the rule at 250 greyed (lighter than a rule, darker than paper).
    vline(x, 100, 150, x === 250 ? 225 : 0);
    vline(x, 150, 200, 0);
  }
  const grid = detectGrid({ width: w, height: h, data });
  const edges = grid.bands.map((b) => b.cells.map((c) => Math.round(c.x0)));
  assert.deepEqual(edges, [[50, 150, 450], [50, 150, 250, 350, 450], [50, 150, 250, 350, 450]]);
});
