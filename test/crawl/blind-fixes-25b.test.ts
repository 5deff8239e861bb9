/**
 * Round 25b's fix (docs/blind-portals.md, "Round 25b"), on hand-made input. blind-xslt's list answer carries no
 * address: the page (here an XSL stylesheet) builds each link from the item's id and date as TRS names its articles,
 * `./202501/t20250122_8812345.htm`, writing the date TWICE (the month as the folder, the day in the name). The link
 * template learned from the drawn links slotted the day alone, so the first page's month folder was kept for every
 * later item (`202501/t20240129_…`: 404, the reports of pages 2 and 3 "gone").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList, itemsByShape, type Json } from '../../src/crawl/learn/list-shape.ts';

const PAGE = 'http://gov.test/xxgk/zfxxgkndbg/index.htm';
const trsLink = (id: number, day: string) => `http://gov.test/xxgk/zfxxgkndbg/${day.slice(0, 7).replace('-', '')}/t${day.replaceAll('-', '')}_${id}.htm`;

const page1 = [
  { ID: 8812345, TITLE: '某县人民政府2024年政府信息公开工作年度报告', PUBDATE: '2025-01-22' },
  { ID: 8812290, TITLE: '某县农业农村局2024年政府信息公开工作年度报告', PUBDATE: '2025-01-20' },
  { ID: 8811873, TITLE: '某县2024年度政府网站工作年度报表', PUBDATE: '2025-01-16' },
  { ID: 8806412, TITLE: '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', PUBDATE: '2024-12-18' },
];
const page2 = [
  { ID: 8759918, TITLE: '某县人民政府2023年政府信息公开工作年度报告', PUBDATE: '2024-01-29' },
  { ID: 8706520, TITLE: '某县人民政府2022年政府信息公开工作年度报告', PUBDATE: '2023-01-30' },
];

const answer = (rows: typeof page1): Json => ({ ROOT: { PAGEINFO: { TOTAL: '6', PAGENO: '1' }, ROW: rows } });

test('a link writing the date twice (TRS: month folder, day in the name) is learned with both as slots', () => {
  const drawn = page1.map((r) => ({ text: r.TITLE, url: trsLink(r.ID, r.PUBDATE) }));
  const found = findJsonList(answer(page1), PAGE, drawn);
  assert.ok(found && found.shape.kind === 'json', 'the list is learned');
  assert.deepEqual(
    found.items.map((i) => i.url),
    page1.map((r) => trsLink(r.ID, r.PUBDATE)),
  );
  // Page 2's items, of other months and years, get their own folders.
  assert.deepEqual(
    itemsByShape(answer(page2), found.shape, PAGE)?.map((i) => i.url),
    page2.map((r) => trsLink(r.ID, r.PUBDATE)),
  );
});

test('a first page of one month only (reports come out in January) keeps the month folder as a slot too', () => {
  const january = page1.slice(0, 3);
  const found = findJsonList(answer(january), PAGE, january.map((r) => ({ text: r.TITLE, url: trsLink(r.ID, r.PUBDATE) })));
  assert.ok(found && found.shape.kind === 'json', 'the list is learned');
  assert.deepEqual(
    itemsByShape(answer(page2), found.shape, PAGE)?.map((i) => i.url),
    page2.map((r) => trsLink(r.ID, r.PUBDATE)),
  );
});

test('a year folder that is the column\'s (every item under it, whatever its date) stays fixed', () => {
  // `/gknb2024/t20240126_ID.htm`: items published in 2025 are still under the 2024 column.
  const rows = [
    { ID: 501, TITLE: '某局2024年政府信息公开工作年度报告', PUBDATE: '2025-01-20' },
    { ID: 488, TITLE: '某局2024年度政府网站工作年度报表', PUBDATE: '2025-01-15' },
    { ID: 420, TITLE: '某局2024年政务公开工作要点', PUBDATE: '2024-03-10' },
  ];
  const link = (r: (typeof rows)[number]) => `http://gov.test/xxgk/gknb2024/t${r.PUBDATE.replaceAll('-', '')}_${r.ID}.htm`;
  const found = findJsonList(answer(rows), PAGE, rows.map((r) => ({ text: r.TITLE, url: link(r) })));
  assert.ok(found, 'the list is learned');
  assert.deepEqual(
    found.items.map((i) => i.url),
    rows.map(link),
  );
});
