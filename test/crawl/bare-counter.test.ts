/**
 * A pager that prints its place only as "1/50" (no 页, no 第: image pagers of 首页/上页/下页/尾页 pictures, older ASP
 * and ThinkPHP pagers): the count is the list's announced pages, so a list read to page 1 alone is said `short`
 * rather than taken for whole; and an icon pager whose pictures say nothing is numbered from it. Dates printed as
 * month/day, slider counters and a lone fraction away from any control are no count. "当前页 3/3" is read as the
 * page's place and count too (round 19a's note: its 当前 reading wanted a closing 页).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announcedTotals } from '../../src/crawl/families/announced.ts';
import { nextPageUrl, statedCurrentPage } from '../../src/crawl/families/pager.ts';

const page = (body: string) => `<html><head><title>年报</title></head><body>${body}</body></html>`;
const item = (n: number, date = '2025-01-20') => `<li><a href="/art/${n}.html">某县2024年政府信息公开工作年度报告${n}</a><span>${date}</span></li>`;
const icon = (href: string, src: string) => `<a href="${href}"><img src="${src}" border="0"></a>`;

test('a bare "1/50" beside the pager\'s controls is the number of pages', () => {
  // An image pager: pictures with names that say nothing, the counter in a span of the pager's div.
  const images = page(`<ul>${item(1)}${item(2)}</ul><div class="pager"><span>1/3</span>${icon('list_1.html', '/img/p1.gif')}${icon('list_2.html', '/img/p3.gif')}${icon('list_2.html', '/img/p4.gif')}</div>`);
  assert.deepEqual(announcedTotals(images), { announcedPages: 3 });
  // In an old table pager: the counter's row names the other controls.
  const table = page(`<ul>${item(1)}</ul><table><tr><td>首页</td><td>上一页</td><td><a href="?page=2">下一页</a></td><td>尾页</td><td>2 / 12</td></tr></table>`);
  assert.deepEqual(announcedTotals(table), { announcedPages: 12 });
  // Printed with words, the words win (as before).
  assert.deepEqual(announcedTotals(page(`<ul>${item(1)}</ul><div>第 1/7 页 <a href="2.html">下一页</a></div>`)), { announcedPages: 7 });
});

test('month/day dates, slider counters and fractions away from any control are no count', () => {
  // A list whose dates are month/day: many such "counters", none a pager's (and "01/18" has a leading zero).
  const dated = page(`<ul>${item(1, '12/25')}${item(2, '11/30')}${item(3, '1/18')}</ul><div class="page"><a href="2.html">下一页</a></div>`);
  assert.deepEqual(announcedTotals(dated), {});
  const oneDate = page(`<ul><li><a href="/art/1.html">某县2024年政府信息公开工作年度报告</a><span class="date">1/20</span></li></ul>`);
  assert.deepEqual(announcedTotals(oneDate), {});
  assert.deepEqual(announcedTotals(page(`<ul><li><a href="/art/1.html">某县2024年报</a><span>01/18</span></li></ul>`)), {});
  // A banner's picture counter.
  const slider = page(`<div class="swiper-container"><div class="swiper-slide"><a href="/x.html"><img src="/b.jpg"></a></div><div><span>1/5</span></div></div><ul>${item(1)}</ul>`);
  assert.deepEqual(announcedTotals(slider), {});
  // A table cell "3/4" in a row with no pager word; a current page past the count; a lone fraction with no control near.
  assert.deepEqual(announcedTotals(page(`<table><tr><td>完成率</td><td>3/4</td></tr></table><ul>${item(1)}</ul>`)), {});
  assert.deepEqual(announcedTotals(page(`<ul>${item(1)}</ul><div class="pager"><span>5/3</span><a href="2.html">&gt;</a></div>`)), {});
  assert.deepEqual(announcedTotals(page(`<div><div><p>1/2</p></div></div>`)), {});
});

test('an icon pager whose pictures say nothing is numbered from the bare count', () => {
  // Paged by a parameter no address-alone naming knows (`pi`), so only the count numbers the icons.
  const pager = `<div class="pager"><span>1/3</span>${icon('list.aspx?cid=5&pi=1', '/img/p1.gif')}${icon('list.aspx?cid=5&pi=1', '/img/p2.gif')}${icon('list.aspx?cid=5&pi=2', '/img/p3.gif')}${icon('list.aspx?cid=5&pi=3', '/img/p4.gif')}</div>`;
  assert.equal(nextPageUrl(page(`<ul>${item(1)}</ul>${pager}`), 'http://gov.example/zwgk/list.aspx?cid=5&pi=1'), 'http://gov.example/zwgk/list.aspx?cid=5&pi=2');
});

test('"当前页 3/3" (当前页 and the fraction, no closing 页) is the page\'s place and its count', () => {
  assert.equal(statedCurrentPage('共 11 条 当前页 3/3 首页 上一页'), 3);
  assert.equal(statedCurrentPage('当前页：2/5'), 2);
  assert.equal(statedCurrentPage('当前页 6/5'), null);
  assert.deepEqual(announcedTotals(page(`<ul>${item(1)}</ul><div class="pg">当前页 1/3 <a href="2.html">下一页</a></div>`)), { announcedPages: 3 });
});
