import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterColumns, nearestColumn } from '../../src/extract/layout/columns.ts';
import { linesFromItems } from '../../src/extract/layout/lines.ts';
import type { TextItem } from '../../src/extract/types.ts';

const item = (text: string, x0: number, y: number, page = 1, h = 9): TextItem => ({ text, page, x0, x1: x0 + text.length * (/\d/.test(text) ? 5 : 9), y, h });

test('lines come from positions, not from drawing order; glyph runs join, fake bold does not double', () => {
  // Drawn column by column, one glyph per operator, with a doubled "7".
  const items = [item('合', 50, 100), item('计', 59, 100), item('1', 200, 100), item('2', 205, 100), item('7', 300, 100), item('7', 300.4, 100), item('总', 50, 120), item('5', 200, 120)].reverse();
  const lines = linesFromItems(items);
  assert.deepEqual(lines.map((l) => l.items.map((i) => i.text)), [['合计', '12', '7'], ['总', '5']]);
});

test('a lone page number at the bottom edge is page furniture', () => {
  const lines = linesFromItems([item('正文', 50, 100), item('- 3 -', 290, 820)], [{ page: 1, height: 842 }]);
  assert.deepEqual(lines.map((l) => l.items[0]!.text), ['正文']);
});

test('columns by x-centre clustering; tokens outside every column are refused', () => {
  const xs = [100, 140, 180].flatMap((c) => [c - 2, c + 1, c]);
  const tokens = xs.map((x) => ({ text: '1', page: 1, x0: x - 2, x1: x + 2, y: 0, h: 9 }));
  const c = clusterColumns(tokens, 3, 6.75)!;
  assert.equal(c.centres.length, 3);
  assert.equal(nearestColumn(141, c.centres), 1);
  assert.equal(nearestColumn(400, c.centres), -1);
  assert.equal(clusterColumns(tokens, 4, 6.75), undefined);
});
