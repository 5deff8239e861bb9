import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeTrs, parseTrsPager, trsNextPage, trsPageUrl } from '../../src/crawl/families/trs.ts';

test('the TRS pager call gives count, 0-based current page, name and extension', () => {
  const html = '<div class="page"><script>createPageHTML(12, 0, "index", "html");</script></div>';
  assert.deepEqual(parseTrsPager(html), { pageCount: 12, current: 0, name: 'index', ext: 'html' });
});

test('page i of a TRS column is index_i (0-based suffix: page 2 is index_1)', () => {
  const pager = { pageCount: 3, current: 0, name: 'index', ext: 'shtml' };
  assert.equal(trsPageUrl(pager, 0, 'http://a.gov.cn/col/index.shtml'), 'http://a.gov.cn/col/index.shtml');
  assert.equal(trsPageUrl(pager, 1, 'http://a.gov.cn/col/index.shtml'), 'http://a.gov.cn/col/index_1.shtml');
  assert.equal(trsPageUrl(pager, 2, 'http://a.gov.cn/col/'), 'http://a.gov.cn/col/index_2.shtml');
});

test('next page follows the current one and stops on the last', () => {
  const page = (cur: number) => `<script>createPageHTML(3, ${cur}, "index", "html")</script>`;
  assert.equal(trsNextPage(page(0), 'http://h/c/index.html'), 'http://h/c/index_1.html');
  assert.equal(trsNextPage(page(1), 'http://h/c/index_1.html'), 'http://h/c/index_2.html');
  assert.equal(trsNextPage(page(2), 'http://h/c/index_2.html'), null);
});

test('pager numbers passed through variables and extra arguments are read', () => {
  const html = `<script>var countPage = 7;//共多少页
var currentPage = 2;
createPageHTML(countPage, currentPage, "index", "shtml", "black2", 435);</script>`;
  assert.deepEqual(parseTrsPager(html), { pageCount: 7, current: 2, name: 'index', ext: 'shtml' });
  assert.equal(trsNextPage(html, 'http://h/c/index_2.shtml'), 'http://h/c/index_3.shtml');
});

test('a single-page column and a page without a pager have no next page', () => {
  assert.equal(trsNextPage('<script>createPageHTML(1, 0, "index", "html")</script>', 'http://h/c/'), null);
  assert.equal(trsNextPage('<ul><li>nothing</li></ul>', 'http://h/c/'), null);
});

test('TRS pages are recognised by the pager call or the tYYYYMMDD_id detail links', () => {
  assert.ok(looksLikeTrs('<script>createPageHTML(2,0,"index","html")</script>'));
  assert.ok(looksLikeTrs('<a href="./202401/t20240115_3271106.html">x</a>'));
  assert.ok(!looksLikeTrs('<a href="/art/2024/1/15/art_1_2.html">x</a>'));
});
