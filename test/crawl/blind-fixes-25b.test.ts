/**
 * Round 25b's fix (docs/blind-portals.md, "Round 25b"), on hand-made input. blind-xslt's list answer carries no
 * address: the page (here an XSL stylesheet) builds each link from the item's id and date as TRS names its articles,
 * `./202501/t20250122_8812345.htm`, writing the date TWICE (the month as the folder, the day in the name). The link
 * template learned from the drawn links slotted the day alone, so the first page's month folder was kept for every
 * later item (`202501/t20240129_…`: 404, the reports of pages 2 and 3 "gone").
 *
 * Beside the measurement (docs, "Round 25b"): blind-sveltekit's `__data.json` answer, devalue-flattened, was no list to
 * the shape search (read in the browser by its pager's anchors); once it was read, its list was learned with NO page
 * parameter, since SvelteKit's first request carries none (`?x-sveltekit-invalidated=11`, page 1 by default, then
 * `?page=2&x-sveltekit-invalidated=01`), and its `total`, inside the `nodes` array, was not seen: 5 items of 13 read,
 * the seed `ok`: silent. Fixed together: the answer read as the page's data, and a page number the first request
 * leaves out learned from the next.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { findJsonList, findList, itemsByShape, type Json } from '../../src/crawl/learn/list-shape.ts';
import { learnPageParam, requestForPage, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';

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

/** devalue's flattened form, as SvelteKit writes a node's data (plain data only). */
function flatten(root: unknown): unknown[] {
  const out: unknown[] = [];
  const seen = new Map<unknown, number>();
  const walk = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) {
      if (seen.has(v)) return seen.get(v)!;
      seen.set(v, out.length);
      out.push(v);
      return out.length - 1;
    }
    const i = out.length;
    out.push(null);
    out[i] = Array.isArray(v) ? v.map(walk) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return i;
  };
  walk(root);
  return out;
}

const KIT_PAGE = 'http://gov.test/xxgk/ndbg';
const kitItems = [
  { id: 2911, title: '解读：某市交通运输局2024年政府信息公开工作年度报告', date: '2025-01-23' },
  { id: 2905, title: '某市交通运输局2024年政府信息公开工作年度报告', date: '2025-01-20' },
  { id: 2893, title: '某市交通运输局2024年度政府网站工作年度报表', date: '2025-01-14' },
];

test('a SvelteKit __data.json answer (devalue-flattened nodes) is read as its page\'s data: the list, and the total it announces', () => {
  const answer = JSON.stringify({
    type: 'data',
    nodes: [
      { type: 'data', data: flatten({ siteName: '某市交通运输局', nav: [{ name: '首页', href: '/' }] }), uses: {} },
      { type: 'data', data: flatten({ page: 1, pageSize: 3, total: 13, list: kitItems }), uses: { search_params: ['page'] } },
    ],
  });
  const url = `${KIT_PAGE}/__data.json?x-sveltekit-invalidated=11`;
  const drawn = kitItems.map((it) => ({ text: it.title, url: `${KIT_PAGE}/${it.id}` }));
  const found = findList(answer, url, KIT_PAGE, drawn);
  assert.ok(found, 'the list is found');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url, i.date]),
    kitItems.map((it) => [it.title, `${KIT_PAGE}/${it.id}`, it.date]),
  );
  // The count the answer announces, so a list read short is flagged.
  assert.equal(answerTotals(answer, url).announcedItems, 13);
  // A later page's answer, the layout's node skipped, is read the same way.
  const later = JSON.stringify({ type: 'data', nodes: [{ type: 'skip' }, { type: 'data', data: flatten({ page: 2, pageSize: 3, total: 13, list: kitItems.slice(0, 1) }), uses: {} }] });
  assert.equal(answerTotals(later, url).announcedItems, 13);
  // Ordinary answers that merely say "type":"data" are left as they are.
  const plain = JSON.stringify({ type: 'data', nodes: [{ type: 'data', data: [{ title: kitItems[1]!.title, url: '/a.html' }] }] });
  assert.deepEqual(findList(plain, url, KIT_PAGE)?.items.map((i) => i.url), ['http://gov.test/a.html']);
});

test('a page number the first request leaves out (page 1 by default) is learned from the next request', () => {
  const req = (query: string): CapturedRequest => ({ method: 'GET', url: `${KIT_PAGE}/__data.json?${query}`, body: null, contentType: null });
  const first = req('x-sveltekit-invalidated=11');
  const param = learnPageParam(first, req('page=2&x-sveltekit-invalidated=01'), 5);
  assert.deepEqual(param, { in: 'query', name: 'page', first: 1, step: 1 });
  assert.equal(requestForPage(first, param!, 3).url, `${KIT_PAGE}/__data.json?x-sveltekit-invalidated=11&page=3`);
  // Form bodies too (`pageNo` posted from page 2 on only).
  const post = (body: string): CapturedRequest => ({ method: 'POST', url: 'http://gov.test/api/list', body, contentType: 'application/x-www-form-urlencoded' });
  assert.deepEqual(learnPageParam(post('col=12'), post('col=12&pageNo=2'), 10), { in: 'form', name: 'pageNo', first: 1, step: 1 });
  // A number that is no page, added later, is not taken for one.
  assert.equal(learnPageParam(req('col=12'), req('col=12&t=1764620000000'), 10), null);
});
