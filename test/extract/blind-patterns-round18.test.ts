// Patterns found by round 18 of the blind corpus (docs/blind-documents.md), each on hand-made input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2021 } from '../../src/extract/template/index.ts';
import { isFigureToken, parseCount, parseNumber } from '../../src/extract/text.ts';

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
