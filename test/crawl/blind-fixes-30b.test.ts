/**
 * Round 30b's fixes (docs/blind-portals.md, "Round 30b"), on hand-made input. A React + Redux Toolkit Query page asks
 * a decoupled Drupal's JSON:API collection: `page[offset]=0&page[limit]=5` in bracket notation, an answer served as
 * `application/vnd.api+json` whose resources carry their API address (`links.self.href`) before the page the script
 * links (`attributes.path.alias`). The offset was read as a zero-based page number (its bracketed name matched no
 * page, offset or size name), each item's link as its API address, and the replayed pages were dropped by the HTTP
 * lane for their Content-Type.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnPageParam, type CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { mayBeCursor } from '../../src/crawl/learn/cursor.ts';
import { findJsonList, JSON_MIME_TYPES } from '../../src/crawl/learn/list-shape.ts';

const API = 'http://wj.example/wjq/jsonapi/node/article';
const get = (query: string): CapturedRequest => ({ method: 'GET', url: `${API}?${query}`, body: null, contentType: null });

test('a bracketed offset (JSON:API page[offset] with page[limit]) grows by the page size, not by one', () => {
  const first = get('filter%5Bchannel%5D=ndbg&sort=-created&page%5Boffset%5D=0&page%5Blimit%5D=5');
  const page = learnPageParam(first, null, 5);
  assert.deepEqual(page && { name: page.name, first: page.first, step: page.step }, { name: 'page[offset]', first: 0, step: 5 });
  // Learned from two captured pages as well: the offset named as one, beside a counter that also grew.
  const two = learnPageParam(get('page%5Boffset%5D=0&page%5Blimit%5D=5&_n=1'), get('page%5Boffset%5D=5&page%5Blimit%5D=5&_n=2'), 5);
  assert.deepEqual(two && { name: two.name, step: two.step }, { name: 'page[offset]', step: 5 });
});

test('a bracketed page number (page[number] with page[size]) is the page, whatever other number is 0 or 1', () => {
  const page = learnPageParam(get('page%5Bnumber%5D=1&page%5Bsize%5D=5&include=0'), null, 5);
  assert.deepEqual(page && { name: page.name, first: page.first, step: page.step }, { name: 'page[number]', first: 1, step: 1 });
  // Numbered paging is never a cursor; a bracketed cursor still may be one.
  assert.equal(mayBeCursor('page[offset]'), false);
  assert.equal(mayBeCursor('page[cursor]'), true);
});

const resource = (nid: number, title: string) => ({
  type: 'node--article',
  id: `0000${nid}-5a1e-4c3b-9d2f-00000000000${nid}`,
  links: { self: { href: `${API}/0000${nid}-5a1e-4c3b-9d2f-00000000000${nid}` } },
  attributes: { drupal_internal__nid: nid, title, created: '2025-01-22T09:30:00+08:00', path: { alias: `/wjq/node/${nid}`, langcode: 'zh-hans' } },
});
const ANSWER = {
  jsonapi: { version: '1.0' },
  data: [resource(1, '示例区人民政府2024年政府信息公开工作年度报告'), resource(2, '示例区人民政府2024年政务公开工作要点'), resource(3, '示例区人民政府2023年政府信息公开工作年度报告')],
  links: { self: { href: `${API}?page%5Boffset%5D=0` }, next: { href: `${API}?page%5Boffset%5D=3` } },
  meta: { count: 7 },
};
const PAGE = 'http://wj.example/wjq/xxgk/ndbg';

test("an item's link is the address field the page drew for its title, not the resource's API address found first", () => {
  const drawn = ANSWER.data.map((r) => ({ text: r.attributes.title, url: `http://wj.example${r.attributes.path.alias}` }));
  const found = findJsonList(ANSWER, PAGE, drawn);
  assert.deepEqual(found?.items.map((i) => i.url), ['http://wj.example/wjq/node/1', 'http://wj.example/wjq/node/2', 'http://wj.example/wjq/node/3']);
  // With no drawn link to go by, the first address field still serves (unchanged).
  assert.equal(findJsonList(ANSWER, PAGE)?.items.length, 3);
});

test('the JSON content types of REST list APIs (JSON:API, HAL, JSON-LD) are let through to the learned lists', () => {
  for (const type of ['application/json', 'application/vnd.api+json', 'application/hal+json', 'application/ld+json']) assert.ok(JSON_MIME_TYPES.includes(type), type);
});
