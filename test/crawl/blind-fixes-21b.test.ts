/**
 * Round 21b of the blind portals, on hand-made answers: a list answer carrying no address, whose page builds each link
 * from the item's id and its date written without zero padding (`/art/2025/1/21/art_1229_3345.html`, the Hanweb
 * article address), is learned as one link template with a date slot, so that later pages and later runs are read
 * over HTTP; a list whose links pad the date keeps its padding.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList, type DrawnLink, type Json } from '../../src/crawl/learn/list-shape.ts';

const PAGE = 'http://gov.test/xxgk/zfxxgknb/index.html';

interface Row {
  id: number;
  columnId: number;
  title: string;
  deptName: string;
  publishTime: string;
}

// A MyBatis-Plus page of a Vue front end: no address in a record, dates with a time.
const rows: Row[] = [
  { id: 4410, columnId: 77, title: '某县人民政府2024年政府信息公开工作年度报告', deptName: '某县人民政府办公室', publishTime: '2025-01-21 16:05:31' },
  { id: 4402, columnId: 77, title: '某县2024年度政府网站工作年度报表', deptName: '某县人民政府办公室', publishTime: '2025-01-09 10:00:00' },
  { id: 4188, columnId: 77, title: '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', deptName: '某县人民政府办公室', publishTime: '2024-12-20 09:12:00' },
  { id: 3907, columnId: 77, title: '某县人民政府2023年政府信息公开工作年度报告', deptName: '某县人民政府办公室', publishTime: '2024-01-24 15:40:02' },
  { id: 3655, columnId: 77, title: '某县人民政府2022年政府信息公开工作年度报告', deptName: '某县人民政府办公室', publishTime: '2023-10-05 08:30:00' },
];
const answer = { code: 200, msg: '操作成功', data: { records: rows, total: 11, size: 5, current: 1, pages: 3 } } as unknown as Json;

const unpadded = (r: Row) => {
  const [y, m, d] = r.publishTime.slice(0, 10).split('-').map(Number);
  return `http://gov.test/art/${y}/${m}/${d}/art_${r.columnId}_${r.id}.html`;
};
const padded = (r: Row) => `http://gov.test/art/${r.publishTime.slice(0, 10).replaceAll('-', '/')}/art_${r.columnId}_${r.id}.html`;

test('links built from the id and an unpadded date (/art/2025/1/21/art_77_4410.html) are one template: every item, drawn or not, gets its own', () => {
  // The page drew four of the five (the last one's link not captured).
  const drawn: DrawnLink[] = rows.slice(0, 4).map((r) => ({ text: r.title, url: unpadded(r) }));
  const found = findJsonList(answer, PAGE, drawn);
  assert.ok(found, 'the answer is read as the list');
  assert.equal(found.shape.kind, 'json');
  assert.deepEqual(
    found.items.map((i) => i.url),
    rows.map(unpadded),
  );
});

test('links padding the date (/art/2025/01/21/…) keep the padding for every item', () => {
  const drawn: DrawnLink[] = rows.slice(0, 4).map((r) => ({ text: r.title, url: padded(r) }));
  assert.deepEqual(
    findJsonList(answer, PAGE, drawn)?.items.map((i) => i.url),
    rows.map(padded),
  );
});
