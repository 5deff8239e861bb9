// Patterns found by round 2 of the blind corpus (docs/blind-documents.md), each on hand-made input: counts written
// with their unit (962次), tables laid out with display:table divs, table 四 printed on its side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linesFromGrid, paragraphLine } from '../../src/extract/layout/lines.ts';
import { mapFigures } from '../../src/extract/tables/index.ts';
import { TEMPLATE_2019 } from '../../src/extract/template/index.ts';
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
