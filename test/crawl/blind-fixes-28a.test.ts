/**
 * Round 28a's fixes (docs/blind-portals.md, "Round 28a"), each on hand-made input. Guizhou's 集约化 sites (TRS) page
 * their columns by the six-argument `createPageHTML('page_div', pageCount, currentPage, 'index', 'html', total)`
 * with the current page counted from 0, as TRS's own page index is (page 1 index.html says 0, page 2 index_1.html
 * says 1); the six-argument call was read as 1-based only, so the crawler asked index_2.html (404) from the first
 * page and never index_1.html.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrsList, parseTrsPager, trsNextPage } from '../../src/crawl/families/trs.ts';
import type { ListCursor } from '../../src/crawl/requests.ts';

const COL = 'http://gz.example/zwgk/zfxxgk/fdzdgknr/zfxxgknb/';
const list = (call: string, items: string) => `<html><head><title>政府信息公开年报</title><script src="/images/gzgov/js/page.js"></script></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<ul class="right-list">${items}</ul>
<div class="page" id="page_div"></div><script type="text/javascript">${call}</script></body></html>`;
const item = (path: string, title: string) => `<li><a href="${path}" title="${title}">${title}</a><span>2025-01-22</span></li>`;

test('a six-argument createPageHTML whose current page is 0 counts from 0: page 2 is index_1, as TRS names it', () => {
  const first = list("createPageHTML('page_div', 2, 0, 'index', 'html', 9);", item('./202501/t20250122_86709311.html', '六枝特区2024年政府信息公开工作年度报告'));
  assert.deepEqual(parseTrsPager(first, `${COL}index.html`), { pageCount: 2, current: 0, name: 'index', ext: 'html', fromZero: true });
  assert.equal(trsNextPage(first, `${COL}index.html`), `${COL}index_1.html`);
  // Its second page says 1 and is named index_1 (no 1-based pager has a name_1): the last of two pages.
  const second = list("createPageHTML('page_div', 2, 1, 'index', 'html', 9);", item('./202401/t20240123_83120598.html', '六枝特区2023年政府信息公开工作年度报告'));
  assert.equal(trsNextPage(second, `${COL}index_1.html`), null);
  // Of three pages, index_1 leads to index_2.
  const middle = list("createPageHTML('page_div', 3, 1, 'index', 'html', 14);", '');
  assert.equal(trsNextPage(middle, `${COL}index_1.html`), `${COL}index_2.html`);
  // The list page as the TRS parser reads it: the next request is index_1, and none after it.
  const read = (url: string, body: string, cursor?: ListCursor) => parseTrsList({ url, loadedUrl: url, status: 200, body }, cursor);
  assert.deepEqual(read(`${COL}index.html`, first).next.map((n) => n.url), [`${COL}index_1.html`]);
  assert.deepEqual(read(`${COL}index_1.html`, second).next, []);
});

test('pages after the first of a pager counting from 0 are told so by the page before: the last of three asks nothing past it', () => {
  // On index_2 the call (current 2 of 3) reads alike 1-based (page 2 of 3, a third to come) and 0-based (the last).
  const first = list("createPageHTML('page_div', 3, 0, 'index', 'html', 14);", '');
  const next = parseTrsList({ url: `${COL}index.html`, loadedUrl: `${COL}index.html`, status: 200, body: first }, undefined).next;
  assert.deepEqual(next.map((n) => n.url), [`${COL}index_1.html`]);
  const cursor = next[0]!.cursor;
  assert.ok(cursor, 'the next request carries what the first page showed');
  const middle = list("createPageHTML('page_div', 3, 1, 'index', 'html', 14);", '');
  const then = parseTrsList({ url: `${COL}index_1.html`, loadedUrl: `${COL}index_1.html`, status: 200, body: middle }, cursor).next;
  assert.deepEqual(then.map((n) => n.url), [`${COL}index_2.html`]);
  const last = list("createPageHTML('page_div', 3, 2, 'index', 'html', 14);", '');
  assert.deepEqual(parseTrsList({ url: `${COL}index_2.html`, loadedUrl: `${COL}index_2.html`, status: 200, body: last }, then[0]!.cursor).next, []);
  // Without that word from the page before, the 1-based reading stands (round 9's xlist_2 of 3 leads to xlist_3).
  assert.deepEqual(parseTrsList({ url: 'http://h/c/xlist_2.shtml', loadedUrl: 'http://h/c/xlist_2.shtml', status: 200, body: list("createPageHTML('page_div', 3, 2, 'xlist', 'shtml', 11);", '') }, undefined).next.map((n) => n.url), ['http://h/c/xlist_3.shtml']);
});

test('a six-argument createPageHTML counting from 1 is read as before: page 1 says 1, page k is name_k', () => {
  const first = list("createPageHTML('page_div', 3, 1, 'xlist', 'shtml', 11);", '');
  assert.equal(trsNextPage(first, 'http://h/c/xlist.shtml'), 'http://h/c/xlist_2.shtml');
  assert.equal(trsNextPage(list("createPageHTML('page_div', 3, 2, 'xlist', 'shtml', 11);", ''), 'http://h/c/xlist_2.shtml'), 'http://h/c/xlist_3.shtml');
  assert.equal(trsNextPage(list("createPageHTML('page_div', 3, 3, 'xlist', 'shtml', 11);", ''), 'http://h/c/xlist_3.shtml'), null);
  // Without the page's address a current page of 1 stays 1-based.
  assert.deepEqual(parseTrsPager(first), { pageCount: 3, current: 0, name: 'xlist', ext: 'shtml', secondSuffix: 2 });
});
