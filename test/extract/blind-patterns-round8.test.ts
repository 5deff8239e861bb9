// Patterns found by round 8 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (body: string, head = '') => new TextEncoder().encode(`<html><head>${head}</head><body><div id="zoom">
<p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${body}
<p>五、存在的主要问题及改进情况</p></div></body></html>`);
const S2 = (cells: string[]) => `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>${cells[0]}</td><td>${cells[1]}</td><td>${cells[2]}</td></tr>
<tr><td>行政规范性文件</td><td>${cells[3]}</td><td>${cells[4]}</td><td>${cells[5]}</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">${cells[6]}</td></tr></table>`;
const S2_KEYS = ['s2.rules.issued', 's2.rules.repealed', 's2.rules.in_force', 's2.normative_docs.issued', 's2.normative_docs.repealed', 's2.normative_docs.in_force', 's2.licensing.decisions'];
const S4_KEYS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) => `s4.${b}_${p}`));

test('a figure 1–9 typed as one Chinese numeral (五, 一) is read as its value, not taken for a label hiding the figures left of it; longer numerals stay unreadable', () => {
  const got = mapFigures(readHtml(page(S2(['0', '0', '0', '五', '一', '17', '七']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => got.figures[k]), [0, 0, 0, 5, 1, 17, 7]);
  const longer = mapFigures(readHtml(page(S2(['0', '0', '0', '五', '十二', '17', '268']))).lines, TEMPLATE_2021);
  assert.deepEqual(S2_KEYS.map((k) => longer.figures[k]), [0, 0, 0, 5, null, 17, 268]);
  assert.ok(longer.unreadable.includes('s2.normative_docs.repealed'));
});
