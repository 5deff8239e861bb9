// Patterns found by round 19 of the blind corpus (docs/blind-documents.md), each on hand-made input.
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
