/**
 * Round 32b's fixes (docs/blind-portals.md, "Round 32b"), on hand-made input.
 * 1. A RuoYi list answer (`{total, rows:[{articleId:"1882730217", title, publishTime}], code:200}`) whose ids are
 *    ten digits in a string: read as a Unix time (2029) by the date reader, they were no id, so no link template was
 *    learned from the routes the clicked titles pushed (`/zjj/gk/detail/1882730217`) and the list was no list at all
 *    (the seed `empty`: "the browser saw no list answer"). The same ids as numbers were read.
 * 2. A list page the HTTP reading found stopping short (a pager announcing 3 pages whose controls only a script binds)
 *    kept that dead end after the browser turned the pager and read every page it drew: a complete seed flagged
 *    `short`. The browser's reading of the page now replaces the HTTP reading's dead end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import { notePagerDeadEnd, pagerDeadEnds, SeedTallies } from '../../src/crawl/seed-tally.ts';

const API = 'http://gov.test/prod-api/portal/article/list?pageNum=1&pageSize=5&categoryCode=ndbg';
const PAGE = 'http://gov.test/zjj/gk/ndbg';
const rows = [
  { articleId: '1882734011', title: '一图读懂某市住房和城乡建设局2024年政府信息公开工作年度报告', publishTime: '2025-01-23 09:30:00' },
  { articleId: '1882730217', title: '某市住房和城乡建设局2024年政府信息公开工作年度报告', publishTime: '2025-01-22 09:30:00' },
  { articleId: '1879120446', title: '某市住房和城乡建设局2024年度政府网站工作年度报表', publishTime: '2025-01-13 09:30:00' },
];

test('ten-digit string ids (RuoYi) are ids: the link template is learned from the routes the clicked titles pushed', () => {
  const body = JSON.stringify({ total: 14, rows, code: 200, msg: '查询成功' });
  const clicked = rows.slice(0, 2).map((r) => ({ text: r.title, url: `http://gov.test/zjj/gk/detail/${r.articleId}` }));
  const found = findList(body, API, PAGE, clicked);
  assert.ok(found, 'the answer is a list');
  assert.equal(found.shape.kind === 'json' && found.shape.urlTemplate, 'http://gov.test/zjj/gk/detail/{id}');
  assert.deepEqual(
    found.items.map((i) => [i.url, i.date]),
    rows.map((r) => [`http://gov.test/zjj/gk/detail/${r.articleId}`, r.publishTime.slice(0, 10)]),
  );
  // A Unix time in a string is still a date where it is one: an item's only date field written so is its date.
  const stamped = JSON.stringify({ rows: rows.map((r, i) => ({ id: 31 + i, title: r.title, ctime: String(1737507600 - i * 86400) })) });
  const dated = findList(stamped, API, PAGE, rows.map((r, i) => ({ text: r.title, url: `http://gov.test/zjj/gk/detail/${31 + i}` })));
  assert.equal(dated?.items[0]?.url, 'http://gov.test/zjj/gk/detail/31');
  assert.equal(dated?.items[0]?.date, '2025-01-22');
});

test("the browser's reading of a list page replaces the dead end its HTTP reading saw, both ways", () => {
  const t = new SeedTallies().of(1, 'http://gov.test/tjj/xxgk/ndbg.xhtml');
  const url = 'http://gov.test/tjj/xxgk/ndbg.xhtml';
  notePagerDeadEnd(t, url, 'its pager announces 3 pages and no way to page 2 could be read', false);
  assert.match(pagerDeadEnds(t) ?? '', /no way to page 2/);
  // Read over HTTP again with no dead end (another reading of the same markup cannot have turned anything): kept.
  notePagerDeadEnd(t, url, undefined, false);
  assert.match(pagerDeadEnds(t) ?? '', /no way to page 2/);
  // Rendered, its pager turned and the drawn pages read: no dead end any more.
  notePagerDeadEnd(t, url, undefined, true);
  assert.equal(pagerDeadEnds(t), null);
  // A rendered page that still stops short says so.
  notePagerDeadEnd(t, url, 'its pager announces 3 pages and no way to page 3 could be read', true);
  assert.match(pagerDeadEnds(t) ?? '', /no way to page 3/);
});
