// Footnote numbers set after figures in the formats that raise them without a <sup> (blind documents round 5's
// "Still open"): a Word run with w:vertAlign superscript, a smaller raised run in a PDF or OFD. Read as a digit of
// the figure ("143" + "1" → 1431), table 二's single figures come out wrong with no check to see it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { TextItem } from '../../src/extract/types.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const run = (t: string, raised = false) =>
  `<w:r>${raised ? '<w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="15"/></w:rPr>' : '<w:rPr><w:sz w:val="21"/></w:rPr>'}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
/** A cell: its text, then a raised footnote number when `note` is given. */
const cell = (t: string, note?: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${para(run(t), ...(note ? [run(note, true)] : []))}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const table = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;

test('a Word superscript run after a figure (a footnote number) is no digit of it; other raised text stays', () => {
  const figures: Record<string, number> = {};
  const s3rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const six = SECTION3_COLUMNS.slice(0, 6).map((_, k) => ((i * 3 + k) % 4 === 0 ? 0 : (i * 13 + k * 5) % 29));
    const all = [...six, six.reduce((a, b) => a + b, 0)];
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = all[k]!));
    return row(cell(r.label, undefined, 3), ...all.map((v, k) => cell(String(v), (i + k) % 4 === 1 ? String((i % 3) + 1) : undefined)));
  });
  const xml = `<w:document ${W}><w:body>
${para(run('一、总体情况'))}${para(run('本机关依法公开政府信息。'.repeat(40)))}
${para(run('二、主动公开政府信息情况'))}
${table(
  row(cell('第二十条第（一）项', undefined, 4)),
  row(cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')),
  row(cell('规章'), cell('0'), cell('0'), cell('0')),
  row(cell('行政规范性文件'), cell('3', '1'), cell('1'), cell('18', '2')),
  row(cell('第二十条第（五）项', undefined, 4)),
  row(cell('信息内容'), cell('本年处理决定数量', undefined, 3)),
  row(cell('行政许可'), cell('143', '1', 3)),
  row(cell('第二十条第（六）项', undefined, 4)),
  row(cell('信息内容'), cell('本年处理决定数量', undefined, 3)),
  row(cell('行政处罚'), cell('96', '12', 3)),
  row(cell('行政强制'), cell('7', undefined, 3)),
)}
${para(run('注：'), run('1', true), run('含上年度结转；'), run('2', true), run('含部门联合发文。'))}
${para(run('三、收到和处理政府信息公开申请情况'))}
${table(
  row(cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', undefined, 3), cell('申请人情况', undefined, 7)),
  row(cell(''), cell('自然人'), cell('法人或其他组织', undefined, 5), cell('总计')),
  row(cell('', undefined, 4), cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他'), cell('')),
  ...s3rows,
)}
${para(run('四、政府信息公开行政复议、行政诉讼情况'))}${para(run('五、存在的主要问题及改进情况'))}
</w:body></w:document>`;
  const lines = readDocx(zipSync({ 'word/document.xml': strToU8(xml) })).lines;
  const got = mapFigures(lines, TEMPLATE_2021).figures;
  assert.deepEqual(
    [got['s2.normative_docs.issued'], got['s2.normative_docs.in_force'], got['s2.licensing.decisions'], got['s2.penalty.decisions'], got['s2.coercion.decisions']],
    [3, 18, 143, 96, 7],
    '表二: the footnote numbers are marks, not digits',
  );
  const wrong = Object.entries(figures).filter(([k, v]) => got[k] !== v).map(([k, v]) => `${k}: ${got[k]} ≠ ${v}`);
  assert.deepEqual(wrong, [], '表三: every figure with its footnote read as itself');

  // Raised text that is no footnote number keeps its characters (m², an ordinal's letters, a raised word).
  const prose = readDocx(zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${para(run('面积120m'), run('2', true), run('，第1'), run('st', true), run('，号'), run('注', true))}</w:body></w:document>`) })).text;
  assert.match(prose, /面积120m²[，,]第1st[，,]号注/);
});

test('a smaller raised run after a figure in a PDF (a superscript exported by Word or WPS) is a mark, not a digit', () => {
  const H = 10.5;
  const items: TextItem[] = [];
  let y = 100;
  const width = (t: string, h = H) => [...t].reduce((n, ch) => n + (/[\x00-\xff]/.test(ch) ? 0.55 : 1) * h, 0);
  /** One table row: each cell's text at its x; then, for `notes`, a footnote number after the cell at that x. */
  const row = (cells: [string, number][], notes: { x: number; n: string; h?: number; raise?: number }[] = []) => {
    for (const [t, x] of cells) items.push({ text: t, page: 1, x0: x, x1: x + width(t), y, h: H });
    for (const { x, n, h = 6.1, raise = 1.3 } of notes) {
      const figure = cells.find(([, cx]) => cx === x)!;
      const x0 = x + width(figure[0]) + 0.3;
      items.push({ text: n, page: 1, x0, x1: x0 + width(n, h), y: y - raise, h });
    }
    y += 22;
  };
  row([['二、主动公开政府信息情况', 60]]);
  row([['第二十条第（一）项', 200]]);
  row([['信息内容', 70], ['本年制发件数', 200], ['本年废止件数', 300], ['现行有效件数', 400]]);
  row([['规章', 70], ['0', 230], ['0', 330], ['0', 430]]);
  row([['行政规范性文件', 70], ['3', 230], ['1', 330], ['18', 430]], [{ x: 430, n: '2' }]);
  row([['第二十条第（五）项', 200]]);
  row([['信息内容', 70], ['本年处理决定数量', 300]]);
  row([['行政许可', 70], ['143', 330]], [{ x: 330, n: '1' }]);
  row([['第二十条第（六）项', 200]]);
  row([['信息内容', 70], ['本年处理决定数量', 300]]);
  row([['行政处罚', 70], ['96', 330]], [{ x: 330, n: '12' }]);
  // Guards: a run as large as the figure is its digit (glyph-per-operator producers); a small run on the figure's
  // own baseline is no superscript.
  row([['行政强制', 70], ['2', 330]], [{ x: 330, n: '7', h: H, raise: 0 }]);
  row([['第二十条第（八）项', 200]]);
  row([['信息内容', 70], ['本年收费金额（单位：万元）', 300]]);
  row([['行政事业性收费', 70], ['1', 330]], [{ x: 330, n: '5', h: 7, raise: 0 }]);
  row([['三、收到和处理政府信息公开申请情况', 60]]);
  const m = mapFigures(linesFromItems(items, [{ page: 1, height: 842 }]), TEMPLATE_2021);
  assert.deepEqual(
    [m.figures['s2.normative_docs.in_force'], m.figures['s2.licensing.decisions'], m.figures['s2.penalty.decisions'], m.figures['s2.coercion.decisions'], m.figures['s2.fees.amount']],
    [18, 143, 96, 27, 15],
  );
});
