/**
 * Round 27b's fix (docs/blind-portals.md, "Round 27b"), on hand-made input. blind-iframe-post's column posts a form
 * into a hidden iframe (`<form target="listFrame" method="post" action="/xxgk/infoList.do">`), and the answer is a
 * page of script handing the list to the parent: `<script>parent.showList({total, pageNo, pageCount, rows:[{title,
 * url, date}]})</script>`. The browser lane kept a page's XHR, fetch, EventSource and data-script requests only, so the
 * frame's document request was never an exchange, and no answer reader knew the format: no list was learned, page 1
 * was read from the drawn page, the `goPage(n)` pager not followed, the seed flagged `short`. Fixed: a frame's
 * document whose answer hands data to the parent is recorded as an exchange, and read as the call's argument, so its
 * list, its total and its later pages are found as for a JSON answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findList, readList } from '../../src/crawl/learn/list-shape.ts';
import { exchangesOf, recordExchange } from '../../src/crawl/learn/traffic.ts';

const PAGE = 'http://county.test/xxgk/zfxxgknb/index.jsp';
const ANSWER = 'http://county.test/xxgk/infoList.do';
const body = (n: number) => `chnlId=2671&pageNo=${n}&pageSize=3&callback=showList`;

function handed(pageNo: number, rows: { id: number; title: string; day: string }[]): string {
  const data = { total: 6, pageNo, pageSize: 3, pageCount: 2, rows: rows.map((r) => ({ title: r.title, url: `${r.day.slice(0, 7).replace('-', '')}/t${r.day.replaceAll('-', '')}_${r.id}.html`, date: r.day })) };
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<script type="text/javascript">
try { window.parent.showList(${JSON.stringify(data)}); } catch (e) {}
</script>
</body></html>`;
}

const page1 = handed(1, [
  { id: 920, title: '某县人民政府2024年政府信息公开工作年度报告', day: '2025-01-23' },
  { id: 877, title: '某县2025年政府工作报告', day: '2025-01-09' },
  { id: 735, title: '某县人民政府2023年政府信息公开工作年度报告', day: '2024-01-24' },
]);
const page2 = handed(2, [
  { id: 412, title: '某县人民政府2022年政府信息公开工作年度报告', day: '2023-01-30' },
  { id: 230, title: '某县人民政府2021年度政府信息公开工作年度报告', day: '2022-01-28' },
  { id: 170, title: '某县2021年县级部门预算', day: '2021-03-02' },
]);

const exchange = (n: number, text: string): Exchange => ({
  method: 'POST',
  url: ANSWER,
  body: body(n),
  contentType: 'application/x-www-form-urlencoded',
  status: 200,
  responseType: 'text/html; charset=utf-8',
  responseBody: text,
});

test("an answer handing its list to the parent window is a list: the call's records, addresses resolved against the page", () => {
  const found = findList(page1, ANSWER, PAGE);
  assert.ok(found, 'no list found in the parent.showList(…) page');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url]),
    [
      ['某县人民政府2024年政府信息公开工作年度报告', 'http://county.test/xxgk/zfxxgknb/202501/t20250123_920.html'],
      ['某县2025年政府工作报告', 'http://county.test/xxgk/zfxxgknb/202501/t20250109_877.html'],
      ['某县人民政府2023年政府信息公开工作年度报告', 'http://county.test/xxgk/zfxxgknb/202401/t20240124_735.html'],
    ],
  );
  assert.deepEqual(
    readList(page2, ANSWER, PAGE, found.shape).map((i) => i.url),
    ['202301/t20230130_412.html', '202201/t20220128_230.html', '202103/t20210302_170.html'].map((p) => `http://county.test/xxgk/zfxxgknb/${p}`),
  );
  // Its total and page count are announced, as a JSON answer's are.
  assert.deepEqual(answerTotals(page1, ANSWER), { announcedItems: 6, announcedPages: 2 });
  // A JavaScript literal (unquoted keys, single quotes) and several arguments are read too.
  const literal = `<script>parent.showList(6, 1, [{title: '某县人民政府2024年政府信息公开工作年度报告', url: '/a/920.html'}]);</script>`;
  assert.deepEqual(findList(literal, ANSWER, PAGE)?.items.map((i) => i.url), ['http://county.test/a/920.html']);
});

test('the form posted into the frame is learned as the list request, paged by its pageNo field', () => {
  const learned = learnListEndpoint([exchange(1, page1)], PAGE, [exchange(2, page2)]);
  assert.ok(learned, 'no list learned from the frame answers');
  assert.equal(learned.endpoint.request.method, 'POST');
  assert.equal(learned.items.length, 3);
  assert.ok(learned.endpoint.page, 'no page parameter learned');
});

test("a frame's document is recorded when it hands data to the parent, not otherwise (nor the page's own document)", () => {
  const page = {} as Page;
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const framed = { resourceType: 'document', method: 'POST', url: ANSWER, body: Buffer.from(body(1)), contentType: 'application/x-www-form-urlencoded', subframe: true };
  recordExchange(page, framed, { status: 200, headers: html, body: Buffer.from(page1) });
  // A framed page of links (a list in an iframe is read as a page), and the page's own document.
  recordExchange(page, { ...framed, method: 'GET', url: 'http://county.test/frame/list.html', body: null }, { status: 200, headers: html, body: Buffer.from('<ul><li><a href="/a/1.html">某县人民政府2024年政府信息公开工作年度报告</a></li></ul>') });
  const sized = '<ul><li><a href="/a/2.html">某县人民政府2023年政府信息公开工作年度报告</a></li></ul><script>parent.setFrame({height: 420, rows: [{title: "某县人民政府2023年政府信息公开工作年度报告", url: "/a/2.html"}]});</script>';
  recordExchange(page, { ...framed, method: 'GET', url: 'http://county.test/frame/list2.html', body: null }, { status: 200, headers: html, body: Buffer.from(sized) });
  recordExchange(page, { ...framed, subframe: false }, { status: 200, headers: html, body: Buffer.from(page1) });
  assert.deepEqual(exchangesOf(page).map((e) => e.body), [body(1)]);
});

test("a page whose script hands the parent something else (a frame's height) is still read as markup", () => {
  const text = `<ul><li><a href="/a/1.html">某县人民政府2024年政府信息公开工作年度报告</a></li></ul>
<script>parent.resizeFrame({height: document.body.scrollHeight}); top.setTitle({text: '年报'});</script>`;
  assert.deepEqual(findList(text, ANSWER, PAGE)?.items.map((i) => i.url), ['http://county.test/a/1.html']);
});
