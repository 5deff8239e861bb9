/**
 * Two gaps round 12a left open, closed for their pattern: a blog archive's older-posts link worded "旧文章" or
 * "« Previous Entries" is its next page, and a year caption with a short line of text between it and its links still
 * heads them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupYears } from '../../src/crawl/families/column-year.ts';
import { nextPageUrl } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';

const ARCHIVE = 'http://blog.gov.test/category/gknb/';
const archive = (nav: string) =>
  `<html><body><main><article><h2><a href="/2024/01/nb.html">政府信息公开工作年度报告</a></h2></article></main><div class="navigation">${nav}</div></body></html>`;

test("a blog archive's link to its older posts is its next page however the theme words it; the newer posts are not", () => {
  for (const words of ['旧文章', '« 更旧的文章', '陈旧日志', '« Previous Entries', 'Older Entries »']) {
    // An address of no common naming (next-address.ts would follow …/page/2/ whatever the link shows): the words decide.
    assert.equal(nextPageUrl(archive(`<div class="alignleft"><a href="/category/gknb/?before=20231201">${words}</a></div>`), ARCHIVE), 'http://blog.gov.test/category/gknb/?before=20231201', words);
  }
  for (const words of ['Newer Entries »', 'Next Entries »', '« Previous Page', '较新文章', '上一页']) {
    assert.equal(nextPageUrl(archive(`<div class="alignright"><a href="/category/gknb/?after=20240301">${words}</a></div>`), ARCHIVE), null, words);
  }
});

const LIST = 'http://gov.test/zwgk/gknb/';
const years = (html: string) => [...groupYears(loadHtml(html), LIST)].map(([url, y]) => `${new URL(url).pathname} ${y}`);

test('a year caption with a short line of its own before the links heads them; a line holding a date does not join them', () => {
  const grouped = `<html><body><div class="con">
<p><strong>2024年</strong></p><p>（按发布时间排列）</p><p><a href="a1.html">政府信息公开工作年度报告</a></p>
<div class="year">2023年度</div><span class="tip">点击标题查看全文</span><ul><li><a href="a2.html">政府信息公开工作年度报告</a></li></ul>
</div></body></html>`;
  assert.deepEqual(years(grouped), ['/zwgk/gknb/a1.html 2024', '/zwgk/gknb/a2.html 2023']);
  // A year followed by a line with a date is a date split over elements, not a caption: no group.
  const dated = `<html><body><div class="con"><div class="item"><span>2024</span><span>发布于2024-01-20</span><a href="b1.html">政府信息公开工作年度报告</a></div></div></body></html>`;
  assert.deepEqual(years(dated), []);
  // A long paragraph between a year and the links is the page's text, not the caption's aside.
  const prose = `<html><body><p>2022年</p><p>${'本机关认真贯彻落实《中华人民共和国政府信息公开条例》，'.repeat(4)}</p><p><a href="c1.html">政府信息公开工作年度报告</a></p></body></html>`;
  assert.deepEqual(years(prose), []);
});
