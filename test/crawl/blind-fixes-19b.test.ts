/**
 * Round 19b of the blind portals, on hand-made answers: a grid answer whose rows hold their cells as an array under
 * a key (jqGrid's and Flexigrid's `{id, cell:[…]}`) is a list, and its page count (`total` beside `records`) is not
 * read as its item count; a list whose links are built from the id has the rows that carry an address of their own
 * (an external link, a file: `row.fileUrl || '/detail?id=' + row.id`) linked there, not at a built address.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { findJsonList, itemsByShape, type DrawnLink, type Json } from '../../src/crawl/learn/list-shape.ts';

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
  // A record with a title of its own keeps its arrays unread: a list of files or tags is no row of cells.
  const titled = grid.rows.map((r) => ({ title: r.cell[1], files: [`/sj/gkml/f/${r.id}a.pdf`, `/sj/gkml/f/${r.id}b.pdf`, r.cell[1]], url: r.cell[2] }));
  assert.deepEqual(
    findJsonList({ rows: titled } as unknown as Json, BASE)?.items.map((i) => i.url),
    grid.rows.map((r) => `http://gov.test${r.cell[2]}`),
  );
});

test("a grid answer's page count beside its record count is pages, not items (jqGrid's total and records)", () => {
  const totals = answerTotals(JSON.stringify(grid), 'http://gov.test/sj/gkml/grid.do');
  assert.deepEqual(totals, { announcedItems: 7, announcedPages: 2 });
  // Elsewhere `total` is the item count, as before.
  assert.deepEqual(answerTotals(JSON.stringify({ total: 7, rows: grid.rows }), 'http://gov.test/a'), { announcedItems: 7 });
  assert.deepEqual(answerTotals(JSON.stringify({ data: { total: 12, pages: 3, list: [] } }), 'http://gov.test/a'), { announcedItems: 12, announcedPages: 3 });
});

// A list answer naming its items by id (the page's script builds `/gk/show.jsp?infoId=` + id), save the rows that
// carry an address of their own: an external link, a report published as its file alone (`row.outUrl || …`).
const T = (y: number) => `某县农业农村局${y}年政府信息公开工作年度报告`;
const byId = {
  code: 0,
  data: {
    total: 6,
    list: [
      { infoId: 'a81', title: T(2024), pubTime: '2025-01-20', outUrl: '' },
      { infoId: 'a77', title: '某县农业农村局2024年工作要点', pubTime: '2024-03-01', outUrl: '' },
      { infoId: 'a70', title: T(2023), pubTime: '2024-01-22', outUrl: null },
      { infoId: 'a66', title: T(2022), pubTime: '2023-01-18', outUrl: '/uploadfile/2023/0118/nb2022.pdf' },
      { infoId: 'a61', title: '某县2022年统计公报', pubTime: '2022-04-02' },
      { infoId: 'a52', title: T(2021), pubTime: '2022-01-25', outUrl: 'http://www.other.test/xxgk/nb2021.html' },
    ],
  },
};
const SHOW = 'http://gov.test/gk/show.jsp?infoId=';

test('rows of an id-built list that carry an address of their own are linked there, not at a built address', () => {
  // The page drew the first three rows (a list paged in the page): their links through the template.
  const drawn: DrawnLink[] = byId.data.list.slice(0, 3).map((r) => ({ text: r.title, url: SHOW + r.infoId }));
  const found = findJsonList(byId as unknown as Json, BASE, drawn);
  assert.deepEqual(
    found?.items.map((i) => i.url),
    [`${SHOW}a81`, `${SHOW}a77`, `${SHOW}a70`, 'http://gov.test/uploadfile/2023/0118/nb2022.pdf', `${SHOW}a61`, 'http://www.other.test/xxgk/nb2021.html'],
  );
  assert.equal(found?.items[3]?.isFile, true);
  // Drawn with its own address: the same.
  const own = [...drawn, { text: T(2022), url: 'http://gov.test/uploadfile/2023/0118/nb2022.pdf' }];
  assert.equal(findJsonList(byId as unknown as Json, BASE, own)?.items[3]?.url, 'http://gov.test/uploadfile/2023/0118/nb2022.pdf');
});

test('a field the page does not link by (its drawn row goes to the built address) stays unread', () => {
  const drawn: DrawnLink[] = byId.data.list.map((r) => ({ text: r.title, url: SHOW + r.infoId }));
  const found = findJsonList(byId as unknown as Json, BASE, drawn);
  assert.deepEqual(found?.items.map((i) => i.url), byId.data.list.map((r) => SHOW + r.infoId));
  // A field filled with other things than addresses on some rows is no address of the row's own.
  const mixed = { list: byId.data.list.map((r, i) => ({ ...r, outUrl: i === 1 ? '外链' : r.outUrl })) };
  const drawn3 = drawn.slice(0, 3);
  assert.equal(findJsonList(mixed as unknown as Json, BASE, drawn3)?.items[3]?.url, `${SHOW}a66`);
});

test('a field blank on every row of the first page may give a later row its own address (read with the learned shape)', () => {
  const first = { data: { total: 6, list: byId.data.list.slice(0, 3) } };
  const drawn: DrawnLink[] = first.data.list.map((r) => ({ text: r.title, url: SHOW + r.infoId }));
  const found = findJsonList(first as unknown as Json, BASE, drawn);
  assert.ok(found && found.shape.kind === 'json');
  const later = { data: { total: 6, list: byId.data.list.slice(3) } };
  assert.deepEqual(
    itemsByShape(later as unknown as Json, found.shape, BASE)?.map((i) => i.url),
    ['http://gov.test/uploadfile/2023/0118/nb2022.pdf', `${SHOW}a61`, 'http://www.other.test/xxgk/nb2021.html'],
  );
});

test("a picture field or a blank field named for no link never gives a later row its address (thumbnails stay beside the item)", () => {
  // Page 1: every row's thumbnail and remark blank; later rows fill them with a picture and a page of a name no link has.
  const withMedia = (rows: typeof byId.data.list) => rows.map((r, i) => ({ ...r, outUrl: '', picUrl: i === 0 ? '' : '/upload/thumb/nb.jpg', remark: i === 0 ? '' : '/xxgk/about.html' }));
  const first = { data: { total: 6, list: withMedia(byId.data.list.slice(0, 3)).map((r) => ({ ...r, picUrl: '', remark: '' })) } };
  const drawn: DrawnLink[] = first.data.list.map((r) => ({ text: r.title, url: SHOW + r.infoId }));
  const found = findJsonList(first as unknown as Json, BASE, drawn);
  assert.ok(found && found.shape.kind === 'json');
  assert.deepEqual(found.shape.urlOwn?.map((p) => p.join('.')), ['outUrl']);
  const later = { data: { total: 6, list: withMedia(byId.data.list.slice(3)) } };
  assert.deepEqual(itemsByShape(later as unknown as Json, found.shape, BASE)?.map((i) => i.url), [`${SHOW}a66`, `${SHOW}a61`, `${SHOW}a52`]);
  // A picture in a link-named field is no page either.
  const pictured = { data: { total: 6, list: byId.data.list.slice(3).map((r) => ({ ...r, outUrl: '/upload/cover/nb.png' })) } };
  assert.deepEqual(itemsByShape(pictured as unknown as Json, found.shape, BASE)?.map((i) => i.url), [`${SHOW}a66`, `${SHOW}a61`, `${SHOW}a52`]);
});
