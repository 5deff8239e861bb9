// Text a page hides inside a table cell is no part of its figure: Word's hidden font saved as HTML (`mso-hide:all`),
// an editor's `display:none` span keeping last year's number, a `hidden` attribute. Read, it joined the figure shown
// ("1032" + "987" → 1032987), silently in 表二 (blind documents round 6 noted it for HTML after fixing it in DOCX).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';

const page = (tables: string) =>
  new TextEncoder().encode(`<html><body><div id="zoom"><p>一、总体情况</p><p>${'本机关依法公开政府信息。'.repeat(50)}</p>
${tables}<p>三、收到和处理政府信息公开申请情况</p><p>五、存在的主要问题及改进情况</p></div></body></html>`);

test('hidden text in a table cell (mso-hide:all, display:none, visibility:hidden, the hidden attribute) is left out of its figure', () => {
  const html = `<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td><span style="mso-hide:all">12</span>3</td><td><span style="DISPLAY: none">4</span>1</td><td>18<span hidden>17</span></td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3"><p><span style="font-size:10pt;visibility:hidden">1032</span><span>987</span></p></td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3"><span style="display:inline">96</span></td></tr>
<tr><td>行政强制</td><td colspan="3"><span style="display:none !important">5</span>7</td></tr></table>`;
  const got = mapFigures(readHtml(page(html)).lines, TEMPLATE_2021).figures;
  assert.deepEqual(
    [got['s2.normative_docs.issued'], got['s2.normative_docs.repealed'], got['s2.normative_docs.in_force'], got['s2.licensing.decisions'], got['s2.penalty.decisions'], got['s2.coercion.decisions']],
    [3, 1, 18, 987, 96, 7],
  );
});
