/**
 * Round 19b of the blind portals, on hand-made answers: a grid answer whose rows hold their cells as an array under
 * a key (jqGrid's and Flexigrid's `{id, cell:[…]}`) is a list, and its page count (`total` beside `records`) is not
 * read as its item count; a list whose links are built from the id has the rows that carry an address of their own
 * (an external link, a file: `row.fileUrl || '/detail?id=' + row.id`) linked there, not at a built address.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { findJsonList, type DrawnLink, type Json } from '../../src/crawl/learn/list-shape.ts';

const BASE = 'http://gov.test/sj/gkml/nb.html';

// A jqGrid answer: the page, the number of PAGES, the number of records (counts as strings, as many servers write
// them), each row `{id, cell}` with the cells in colModel order: id, title, address (a hidden column), unit, date.
const grid = {
  page: '1',
  total: 2,
  records: '7',
  rows: [
    { id: '31', cell: ['31', '某市水务局2024年政府信息公开工作年度报告', '/sj/gkml/2025/31.html', '某市水务局', '2025-01-21'] },
    { id: '29', cell: ['29', '某市水务局2024年政务公开工作要点', '/sj/gkml/2024/29.html', '某市水务局', '2024-03-02'] },
    { id: '27', cell: ['27', '某市水务局2023年政府信息公开工作年度报告', '/sj/gkml/2024/27.html', '某市水务局', '2024-01-19'] },
    { id: '22', cell: ['22', '某市水务局2023年部门预算', '/sj/gkml/2023/22.html', '某市水务局', '2023-02-10'] },
  ],
};

test('a grid answer whose rows hold their cells in an array (jqGrid, Flexigrid) is a list, read from the cells', () => {
  const found = findJsonList(grid as unknown as Json, BASE);
  assert.ok(found, 'the rows are found');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url, i.date]),
    grid.rows.map((r) => [r.cell[1], `http://gov.test${r.cell[2]}`, r.cell[4]]),
  );
  // Flexigrid writes the same rows with an object of cells: read as before.
  const flexi = { page: 1, total: 4, rows: grid.rows.map((r) => ({ id: r.id, cell: { title: r.cell[1], url: r.cell[2], date: r.cell[4] } })) };
  assert.equal(findJsonList(flexi as unknown as Json, BASE)?.items.length, 4);
});

test("a grid answer's page count beside its record count is pages, not items (jqGrid's total and records)", () => {
  const totals = answerTotals(JSON.stringify(grid), 'http://gov.test/sj/gkml/grid.do');
  assert.deepEqual(totals, { announcedItems: 7, announcedPages: 2 });
  // Elsewhere `total` is the item count, as before.
  assert.deepEqual(answerTotals(JSON.stringify({ total: 7, rows: grid.rows }), 'http://gov.test/a'), { announcedItems: 7 });
  assert.deepEqual(answerTotals(JSON.stringify({ data: { total: 12, pages: 3, list: [] } }), 'http://gov.test/a'), { announcedItems: 12, announcedPages: 3 });
});
