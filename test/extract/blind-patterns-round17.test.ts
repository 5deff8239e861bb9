// Patterns found by round 17 of the blind corpus (docs/blind-documents.md), each on hand-made input.
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
