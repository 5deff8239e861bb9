// Patterns found by round 4 of the blind corpus (docs/blind-documents.md), each on hand-made input: tables pasted
// as text whose columns only spaces align, a figure lying between two columns, hidden spreadsheet rows and columns,
// tables in an appendix after the last chapter, table 三 turned (applicant kinds as rows), 表二 figures glued into
// their row's label, tables typed in Word with tabs, a 表二 row split in two by the agency, digits set apart and
// wrapped in their cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { readDocx } from '../../src/extract/formats/docx.ts';
import { readHtml } from '../../src/extract/formats/html.ts';
import { readSheet } from '../../src/extract/formats/xlsx.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import { assignRow } from '../../src/extract/tables/assign.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { SECTION3_COLUMNS, TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import type { TextItem } from '../../src/extract/types.ts';

/** Display width in a monospaced editor: CJK and “ ” two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
/** A row of cells as a CMS keeps pasted text: each cell starting at its column, the gaps as &nbsp;. */
function alignedRow(cells: [number, string][]): string {
  let line = '';
  for (const [col, text] of cells) line += ' '.repeat(line === '' ? col : Math.max(2, col - width(line))) + text;
  return `<p style="font-family:宋体">\n  ${line.replace(/ /g, '&nbsp;')}\n</p>`;
}

test('a table pasted as text, its columns aligned with &nbsp; runs, is read by position (CJK and “ ” two columns wide)', () => {
  const cols = [80, 90, 100, 110, 120, 130, 140];
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    // Zeros and numbers of one to three digits, left-aligned under their header: 1.危及“三安全一稳定” holds quotes.
    const values = SECTION3_COLUMNS.map((c, k) => ((i * 7 + k * 3) % 5 === 0 ? 0 : (i * 13 + k * 29) % (k === 0 ? 321 : 9)));
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = values[k]!));
    return alignedRow([[0, r.label], ...values.map((v, k): [number, string] => [cols[k]!, String(v)])]);
  });
  const html = `<html><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
<p>二、主动公开政府信息情况</p>
<p>第二十条第（五）项</p>
${alignedRow([[0, '信息内容'], [20, '本年处理决定数量']])}
${alignedRow([[0, '行政许可'], [20, '527']])}
<p>三、收到和处理政府信息公开申请情况</p>
${alignedRow([[0, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'], [80, '申请人情况']])}
${alignedRow([[80, '自然人'], [90, '法人或其他组织'], [140, '总计']])}
${alignedRow([[90, '商业企业'], [100, '科研机构'], [110, '社会公益组织'], [120, '法律服务机构'], [130, '其他']])}
${rows.join('\n')}
<p>四、政府信息公开行政复议、行政诉讼情况</p></div></body></html>`;
  const ex = readHtml(new TextEncoder().encode(html));
  const got = mapFigures(ex.lines, TEMPLATE_2021);
  assert.equal(got.figures['s2.licensing.decisions'], 527);
  const wrong = Object.entries(figures).filter(([k, v]) => got.figures[k] !== v).map(([k, v]) => `${k}: ${got.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, []);
  assert.deepEqual(got.unreadable.filter((k) => k.startsWith('s3.')), []);
  // Running text (one space between words, none at all in CJK prose) stays one item.
  assert.equal(ex.lines.find((l) => l.items[0]!.text.startsWith('本机关'))!.items.length, 1);
});

test('a figure lying between two columns, near neither, makes both unreadable instead of vanishing (a blank, i.e. 0)', () => {
  const tok = (text: string, x: number): TextItem => ({ text, page: 1, x0: x - 1, x1: x + 1, y: 0, h: 1 });
  const columns = { anchor: 'centre' as const, centres: [10, 20, 30, 40] };
  const cells = assignRow([tok('5', 10), tok('4', 25), tok('7', 40)], columns, 4);
  assert.deepEqual(cells.map((c) => [c.value, c.unreadable]), [[5, false], [null, true], [null, true], [7, false]]);
  // Outside the table's columns (a serial number before the first) a token is no cell of the row.
  const edge = assignRow([tok('1', 0), tok('5', 10), tok('6', 20), tok('2', 30), tok('7', 40)], columns, 4);
  assert.deepEqual(edge.map((c) => [c.value, c.unreadable]), [[5, false], [6, false], [2, false], [7, false]]);
});

test('hidden spreadsheet rows and columns are not part of the table (last year\'s figures kept beside this year\'s)', () => {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const ws = XLSX.utils.aoa_to_sheet([
    ['行政复议', '', '', '', '', '', '行政诉讼'],
    [...parts, '上年', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', '', ...parts, ...parts],
    [3, 0, 1, 2, 6, 99, 1, 0, 0, 2, 3, 0, 1, 0, 0, 1],
    [5, 5, 5, 5, 20, 98, 4, 4, 4, 4, 16, 2, 2, 2, 2, 8],
  ]);
  // 行政复议 merged over A1:F1, the hidden column F (上年) inside the merge; row 5 (last year) hidden.
  ws['!merges'] = [XLSX.utils.decode_range('A1:F1'), XLSX.utils.decode_range('G1:P1'), XLSX.utils.decode_range('G2:K2'), XLSX.utils.decode_range('L2:P2')];
  ws['!cols'] = [{}, {}, {}, {}, {}, { hidden: true }];
  ws['!rows'] = [{}, {}, {}, {}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['四、政府信息公开行政复议、行政诉讼情况']]), '标题');
  XLSX.utils.book_append_sheet(wb, ws, '复议诉讼');
  // SheetJS writes no hidden flags into BIFF8; b38 (a LibreOffice .xls) covers that reader.
  for (const bookType of ['xlsx'] as const) {
    const lines = readSheet(new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer)).lines;
    assert.equal(lines.length, 5, `${bookType}: the hidden row is gone`);
    assert.deepEqual(lines[4]!.items.map((i) => i.text), ['3', '0', '1', '2', '6', '1', '0', '0', '2', '3', '0', '1', '0', '0', '1'], `${bookType}: the hidden column is gone`);
    assert.equal(lines[1]!.items[0]!.x1 - lines[1]!.items[0]!.x0, 5, `${bookType}: the merge keeps its visible part`);
    const m = mapFigures(lines, TEMPLATE_2021);
    assert.equal(m.figures['s4.review_total'], 6);
    assert.equal(m.figures['s4.litigation_after_review_total'], 1);
    assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s4.')), []);
  }
});

test('tables in an appendix (chapters saying 详见附表N, the tables after the last chapter under 附表 captions) are read', () => {
  const tr = (cells: (string | number)[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const s3 = TEMPLATE_2021.section3Rows.map((r, i) => tr([r.label, ...SECTION3_COLUMNS.map((_, k) => (i % 3) * (k === 6 ? 6 : 1))]));
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const html = `<html><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
<p>二、主动公开政府信息情况</p><p>具体数据详见附表1。</p>
<p>三、收到和处理政府信息公开申请情况</p><p>具体数据详见附表2。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>具体数据详见附表3。</p>
<p>五、存在的主要问题及改进情况</p><p>下一步将加强培训。</p>
<p>六、其他需要报告的事项</p><p>无。</p><p>某某局</p><p>2025年1月20日</p>
<p>附表1　主动公开政府信息情况统计表</p>
<table>${tr(['第二十条第（五）项'])}${tr(['信息内容', '本年处理决定数量'])}${tr(['行政许可', 618])}</table>
<p>附表2　收到和处理政府信息公开申请情况统计表</p>
<table>${tr(['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])}${s3.join('')}</table>
<p>附表3　政府信息公开行政复议、行政诉讼情况统计表</p>
<table>${tr(['行政复议', '', '', '', '', '行政诉讼'])}${tr(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'])}${tr([...parts, ...parts, ...parts])}${tr([1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3])}</table>
</div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  assert.equal(m.figures['s2.licensing.decisions'], 618);
  assert.equal(m.figures['s3.carried_over.natural_person'], 1);
  assert.equal(m.figures['s3.granted.total'], 12);
  assert.equal(m.figures['s4.review_total'], 2);
  assert.equal(m.figures['s4.litigation_after_review_total'], 3);
  assert.deepEqual(m.found, { s2: true, s3: true, s4: true });
});

test('table 三 turned (applicant kinds as rows, the template rows as columns) is turned back in a grid source', () => {
  const rows = TEMPLATE_2021.section3Rows;
  const value = (r: number, c: number) => (r * 5 + c * 3) % 7 === 0 ? 0 : ((r + 1) * (c + 2)) % 11;
  const td = (c: string | number, span = '') => `<td${span}>${c}</td>`;
  const head = `<tr>${td('申请人情况', ' colspan="2"')}${rows.map((r) => td(r.label)).join('')}</tr>`;
  const kinds: [string, string][] = [['自然人', ''], ['法人或其他组织', '商业企业'], ['', '科研机构'], ['', '社会公益组织'], ['', '法律服务机构'], ['', '其他'], ['总计', '']];
  const body = kinds.map(([a, b], c) => {
    const label = c === 1 ? td(a, ' rowspan="5"') + td(b) : c > 1 && c < 6 ? td(b) : td(a, ' colspan="2"');
    // Zeros left blank in the 法人或其他组织 rows, as many agencies print them.
    return `<tr>${label}${rows.map((_, r) => td(value(r, c) === 0 && c > 0 && c < 6 ? '' : value(r, c))).join('')}</tr>`;
  });
  const html = `<html><body><div id="zoom"><p>三、收到和处理政府信息公开申请情况</p><table>${head}${body.join('')}</table><p>四、政府信息公开行政复议、行政诉讼情况</p></div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  const wrong = rows.flatMap((r, ri) => SECTION3_COLUMNS.map((c, ci) => [`s3.${r.key}.${c.key}`, value(ri, ci)] as const))
    .filter(([k, v]) => (m.figures[k] ?? 0) !== v).map(([k, v]) => `${k}: ${m.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, [], 'blank cells (null here) are zeros');
  assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s3.')), []);
});

test('a 表二 row whose figures are glued into its label ("行政许可527" as one text) is unreadable, not blank (0)', () => {
  // A PDF whose label and figure cells nearly touch, or text typed without a gap: one token, label and number.
  const html = `<html><body><div id="zoom"><p>二、主动公开政府信息情况</p>
<p>第二十条第（五）项</p><p>信息内容 本年处理决定数量</p><p>行政许可527</p>
<p>第二十条第（六）项</p><p>信息内容 本年处理决定数量</p><p>行政处罚184</p><p>行政强制</p>
<p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  for (const k of ['s2.licensing.decisions', 's2.penalty.decisions']) {
    assert.equal(m.figures[k], null, k);
    assert.ok(m.unreadable.includes(k), `${k} unreadable`);
  }
  // A row printed with no figure at all is still a blank row (0 once finished), not unreadable.
  assert.equal(m.unreadable.includes('s2.coercion.decisions'), false);
});

test('a table pasted as text whose spaces the editor collapsed (one space between cells) is read where a row holds a figure per column', () => {
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const values = SECTION3_COLUMNS.map((_, k) => (i * 3 + k) % 4 === 0 ? 0 : (i * 7 + k * 5) % 13);
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = values[k]!));
    // One row prints a zero as nothing: six numbers for seven columns, no telling which is missing.
    return `<p>${r.label} ${(r.key === 'granted' ? values.filter((_, k) => k !== 2) : values).join(' ')}</p>`;
  });
  const html = `<html><body><div id="zoom"><p>二、主动公开政府信息情况</p>
<p>第二十条第（一）项</p><p>信息内容 本年制发件数 本年废止件数 现行有效件数</p><p>规章 0 0 0</p><p>行政规范性文件 3 1 18</p>
<p>第二十条第（五）项</p><p>信息内容 本年处理决定数量</p><p>行政许可 527</p>
<p>三、收到和处理政府信息公开申请情况</p>
<p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况</p><p>自然人 法人或其他组织 总计</p>
<p>商业企业 科研机构 社会公益组织 法律服务机构 其他</p>
${rows.join('\n')}
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生行政复议、行政诉讼。</p></div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  assert.deepEqual([m.figures['s2.rules.issued'], m.figures['s2.normative_docs.issued'], m.figures['s2.normative_docs.in_force'], m.figures['s2.licensing.decisions']], [0, 3, 18, 527]);
  const wrong = Object.entries(figures).filter(([k, v]) => m.figures[k] !== null && m.figures[k] !== v).map(([k, v]) => `${k}: ${m.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, [], 'no figure read in the wrong column');
  assert.deepEqual(m.unreadable.filter((k) => k.startsWith('s3.')), SECTION3_COLUMNS.map((c) => `s3.granted.${c.key}`), 'only the row short of a figure is unreadable');
});

test('a table typed with tabs in Word: a row with one tab before each number is read by order; tabs for alignment or blanks leave it unreadable, never 0', () => {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // Cells apart by tabs; '' between two tabs is an empty cell (a blank, or a second tab to reach the next stop).
  const para = (cells: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${cells.map((c, i) => `${i ? '<w:r><w:tab/></w:r>' : ''}${c ? `<w:r><w:t xml:space="preserve">${esc(c)}</w:t></w:r>` : ''}`).join('')}</w:p>`;
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const values = SECTION3_COLUMNS.map((_, k) => ((i + k) % 3 === 0 ? 0 : (i * 5 + k * 7) % 12));
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = values[k]!));
    const label = r.label.split(' ');
    // Two rows aligned by an extra tab before the first number (a short label needs more to reach its stop).
    if (r.key === 'carried_over' || r.key === 'other_no_correction') return para([...label, '', ...values.map(String)]);
    // A blank cell among the numbers: which column is empty is unknown.
    if (r.key === 'other_no_fee') return para([...label, ...values.map((v, k) => (k === 3 ? '' : String(v)))]);
    return para([...label, ...values.map(String)]);
  });
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${para(['二、主动公开政府信息情况'])}${para(['第二十条第（五）项'])}${para(['信息内容', '本年处理决定数量'])}${para(['行政许可', '527'])}
${para(['三、收到和处理政府信息公开申请情况'])}${para(['申请人情况'])}${para(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'])}
${para(['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'])}${rows.join('')}
${para(['四、政府信息公开行政复议、行政诉讼情况'])}</w:body></w:document>`;
  const lines = readDocx(zipSync({ 'word/document.xml': strToU8(xml) })).lines;
  const m = mapFigures(lines, TEMPLATE_2021);
  assert.equal(m.figures['s2.licensing.decisions'], 527);
  const wrong = Object.entries(figures).filter(([k, v]) => m.figures[k] !== null && m.figures[k] !== v).map(([k, v]) => `${k}: ${m.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, [], 'no figure read wrong');
  const unread = [...new Set(m.unreadable.filter((k) => k.startsWith('s3.')).map((k) => k.split('.')[1]))];
  assert.deepEqual(unread, ['other_no_fee'], 'only the row with a blank among its numbers is unreadable');

  // Aligned by the default tab stops (every 4 columns): as many tabs as it takes to reach each column, so where a
  // cell lands depends on the widths of the text before it. Nothing may be read in the wrong column, nor as 0.
  const width = (t: string) => [...t].reduce((n, ch) => n + (/[\u0000-\u00ff]/.test(ch) ? 1 : 2), 0);
  const stops = (cells: string[], starts: number[]) => {
    const out: string[] = [];
    let pos = 0;
    cells.forEach((c, i) => {
      if (i > 0) {
        do {
          out.push('');
          pos = (Math.floor(pos / 4) + 1) * 4;
        } while (pos < starts[i]!);
        out.pop(); // the last tab stands between the two cells, not as an empty cell
      }
      out.push(c);
      pos += width(c);
    });
    return para(out);
  };
  const at = (n: number) => Array.from({ length: n }, (_, i) => (i < 2 ? i * 40 : 80 + (i - 2) * 8));
  const s3rows = TEMPLATE_2021.section3Rows.map((r) => {
    const label = r.label.split(' ').pop()!;
    return stops([label, ...SECTION3_COLUMNS.map((c) => String(figures[`s3.${r.key}.${c.key}`]))], at(8));
  });
  const typed = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${para(['二、主动公开政府信息情况'])}${para(['第二十条第（一）项'])}${stops(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], [0, 40, 60, 80])}
${stops(['规章', '0', '0', '0'], [0, 40, 60, 80])}${stops(['行政规范性文件', '3', '1', '18'], [0, 40, 60, 80])}
${para(['三、收到和处理政府信息公开申请情况'])}${stops(['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], at(8))}${s3rows.join('')}
${para(['四、政府信息公开行政复议、行政诉讼情况'])}</w:body></w:document>`;
  const t = mapFigures(readDocx(zipSync({ 'word/document.xml': strToU8(typed) })).lines, TEMPLATE_2021);
  const s2 = { 's2.rules.issued': 0, 's2.normative_docs.issued': 3, 's2.normative_docs.repealed': 1, 's2.normative_docs.in_force': 18 };
  const all = { ...figures, ...s2 };
  const wrongTyped = Object.entries(all).filter(([k, v]) => t.figures[k] !== null && t.figures[k] !== v).map(([k, v]) => `${k}: ${t.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrongTyped, [], 'tab-aligned: no figure read wrong (unread ones are listed unreadable)');
  for (const [k] of Object.entries(all)) if (t.figures[k] === null) assert.ok(t.unreadable.includes(k), `${k}: null must be unreadable`);
});

test('a 三 row whose figures are glued to its label ("2.重复申请1000001") is unreadable, not blank, and the next row keeps its start', () => {
  const figures: Record<string, number> = {};
  const rows = TEMPLATE_2021.section3Rows.map((r, i) => {
    const values = SECTION3_COLUMNS.map((_, k) => (k === 0 || k === 6 ? 1 + (i % 4) : 0));
    SECTION3_COLUMNS.forEach((c, k) => (figures[`s3.${r.key}.${c.key}`] = values[k]!));
    // A PDF or a paste that ran the row's cells together: the figures are part of the label text.
    if (r.key === 'not_processed_repeated') return `<p>${r.label}${values.join('')}</p>`;
    return `<p>${r.label} ${values.join(' ')}</p>`;
  });
  const html = `<html><body><div id="zoom"><p>三、收到和处理政府信息公开申请情况</p>
<p>申请人情况</p><p>自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计</p>${rows.join('')}
<p>四、政府信息公开行政复议、行政诉讼情况</p></div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  const wrong = Object.entries(figures).filter(([k, v]) => m.figures[k] !== null && m.figures[k] !== v).map(([k, v]) => `${k}: ${m.figures[k]} ≠ ${v}`);
  assert.deepEqual(wrong, []);
  const unread = [...new Set(m.unreadable.filter((k) => k.startsWith('s3.')).map((k) => k.split('.')[1]))];
  assert.deepEqual(unread, ['not_processed_repeated']);
});

test('a 表二 row the agency split in two rows named alike (行政规范性文件 by issuer) is unreadable, neither part taken for the whole', () => {
  const tr = (cells: (string | number)[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const html = `<html><body><div id="zoom"><p>二、主动公开政府信息情况</p><table>
${tr(['第二十条第（一）项'])}${tr(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'])}${tr(['规章', 0, 0, 2])}
${tr(['行政规范性文件（区政府）', 3, 0, 10])}${tr(['行政规范性文件（部门）', 2, 1, 8])}
${tr(['第二十条第（五）项'])}${tr(['信息内容', '本年处理决定数量'])}${tr(['行政许可', 618])}</table>
<p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;
  const m = mapFigures(readHtml(new TextEncoder().encode(html)).lines, TEMPLATE_2021);
  for (const k of ['s2.normative_docs.issued', 's2.normative_docs.repealed', 's2.normative_docs.in_force']) {
    assert.equal(m.figures[k], null, k);
    assert.ok(m.unreadable.includes(k), `${k} unreadable`);
  }
  assert.equal(m.figures['s2.rules.in_force'], 2);
  assert.equal(m.figures['s2.licensing.decisions'], 618);
});

test('a number whose digits are set apart and wrap in their cell ("1 4" over "9") is not joined from some of its pieces', () => {
  const item = (text: string, x0: number, y: number) => ({ text, page: 1, x0, x1: x0 + 7 * text.length, y, h: 10 });
  const lines = linesFromItems([
    item('3.其他', 90, 400), item('0', 320, 400), item('0', 500, 400),
    item('1', 320, 414), item('4', 333, 414), // the first line of the wrapped cell: digits 6 pt apart
    item('(七)总计', 90, 420), item('6', 500, 420),
    item('9', 320, 426),
  ]);
  const tokens = lines.flatMap((l) => l.items);
  assert.equal(tokens.some((t) => t.text === '19' || t.text === '49'), false, 'no number made of some of the pieces');
  assert.deepEqual(tokens.filter((t) => ['1', '4', '9'].includes(t.text)).map((t) => t.doubtful), [true, true, true], 'every piece doubtful');
  // A wrapped number without digits set apart is still joined (b21): "32" over "8" around the row's line.
  const plain = linesFromItems([item('32', 320, 414), item('(七)总计', 90, 420), item('6', 500, 420), item('8', 320, 426)]);
  assert.ok(plain.flatMap((l) => l.items).some((t) => t.text === '328' && !t.doubtful));
});
