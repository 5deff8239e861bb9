/**
 * Round 26b's fix (docs/blind-portals.md, "Round 26b"), on hand-made input. blind-sse's column gets its list as
 * server-sent events: `new EventSource('/zwgk/sse/infolist?chnl=…&pageNo=N')` answering `text/event-stream` (a
 * `meta` event announcing the total, one unnamed event per item, an `end` event). The browser lane kept a page's own
 * XHR and fetch requests only, so the stream (Chromium's resource type `eventsource`) was never recorded, and no
 * answer reader knew the format: no list was learned, page 1 read from the drawn page, the seed flagged `short`.
 * Fixed: the stream is recorded as a data request, and read as JSON (`{meta: {...}, message: [items], end: {}}`), so
 * its list, its total and its later pages are found as for a JSON answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { findList, jsonAnswerOrNull, readList } from '../../src/crawl/learn/list-shape.ts';
import { exchangesOf, recordExchange } from '../../src/crawl/learn/traffic.ts';

const PAGE = 'http://county.test/zwgk/zfxxgknb/index.html';
const ANSWER = (n: number) => `http://county.test/zwgk/sse/infolist?chnl=zfxxgknb&pageNo=${n}`;

function stream(pageNo: number, items: { id: number; title: string; day: string }[]): string {
  const lines = ['retry: 10000', '', ': keep-alive', 'event: meta', `data: {"total":7,"pageNo":${pageNo},"pageSize":4,"pageCount":2}`, ''];
  items.forEach((it, i) => {
    const url = `./${it.day.slice(0, 7).replace('-', '')}/t${it.day.replaceAll('-', '')}_${it.id}.html`;
    lines.push(`id: ${i + 1}`, `data: ${JSON.stringify({ id: it.id, title: it.title, url, date: it.day })}`, '');
  });
  lines.push('event: end', 'data: {}', '', '');
  return lines.join('\r\n');
}

const page1 = stream(1, [
  { id: 901, title: '某区人民政府2024年政府信息公开工作年度报告', day: '2025-01-22' },
  { id: 877, title: '某区2025年政府工作报告', day: '2025-01-10' },
  { id: 850, title: '某区人民政府2024年度政府网站工作年度报表', day: '2025-01-08' },
  { id: 640, title: '某区人民政府2023年政府信息公开工作年度报告', day: '2024-01-25' },
]);
const page2 = stream(2, [
  { id: 318, title: '2022年政府信息公开工作年度报告', day: '2023-01-30' },
  { id: 205, title: '某区人民政府2021年度政府信息公开工作年度报告', day: '2022-01-28' },
  { id: 104, title: '某区人民政府2021年度部门决算', day: '2022-08-26' },
]);

test('an event-stream answer is a list: each item event a record, its address resolved against the page', () => {
  const found = findList(page1, ANSWER(1), PAGE);
  assert.ok(found, 'no list found in the event stream');
  assert.deepEqual(
    found.items.map((i) => [i.title, i.url]),
    [
      ['某区人民政府2024年政府信息公开工作年度报告', 'http://county.test/zwgk/zfxxgknb/202501/t20250122_901.html'],
      ['某区2025年政府工作报告', 'http://county.test/zwgk/zfxxgknb/202501/t20250110_877.html'],
      ['某区人民政府2024年度政府网站工作年度报表', 'http://county.test/zwgk/zfxxgknb/202501/t20250108_850.html'],
      ['某区人民政府2023年政府信息公开工作年度报告', 'http://county.test/zwgk/zfxxgknb/202401/t20240125_640.html'],
    ],
  );
  // The next page's stream read with the shape learned from the first.
  const later = readList(page2, ANSWER(2), PAGE, found.shape);
  assert.deepEqual(
    later.map((i) => i.url),
    ['202301/t20230130_318.html', '202201/t20220128_205.html', '202208/t20220826_104.html'].map((p) => `http://county.test/zwgk/zfxxgknb/${p}`),
  );
});

test("an event stream's meta event announces the list's total and page count", () => {
  assert.ok(jsonAnswerOrNull(page1, ANSWER(1)) !== null);
  assert.deepEqual(answerTotals(page1, ANSWER(1)), { announcedItems: 7, announcedPages: 2 });
});

test("a page's EventSource request is recorded with its XHR and fetch requests (the list is learned from them)", () => {
  const page = {} as Page;
  const body = Buffer.from(page1);
  recordExchange(page, { resourceType: 'eventsource', method: 'GET', url: ANSWER(1), body: null, contentType: null }, { status: 200, headers: { 'content-type': 'text/event-stream;charset=UTF-8' }, body });
  recordExchange(page, { resourceType: 'image', method: 'GET', url: 'http://county.test/logo.png', body: null, contentType: null }, { status: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from('x') });
  assert.deepEqual(exchangesOf(page).map((e) => e.url), [ANSWER(1)]);
});

test('text that is not an event stream is not read as one (HTML, plain text with a colon)', () => {
  assert.equal(findList('注意: 本栏目暂无信息\n', ANSWER(1), PAGE), null);
  assert.equal(jsonAnswerOrNull('<html><body><p>data: none</p></body></html>', ANSWER(1)), null);
});
