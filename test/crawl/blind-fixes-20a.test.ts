/**
 * Round 20a's fixes (docs/blind-portals.md, "Round 20a"), each on hand-made input. Round 20a's three portals were read
 * whole before any fix; reading why, one of them (a pager of image links with neither text nor alt) was read only
 * because its pages happened to be named `index_2.html`, a naming the address-alone reader knows. The same pager over
 * any other naming was a dead end (the seed `short`, the later pages never asked):
 *  - an image control says what it does by its image's file name when it has no words (`xyy.gif`, `btn_next.png`,
 *    `page_last.gif`): the next one is followed whatever its address;
 *  - an icon pager whose images say nothing at all: the next page is the icon link whose address differs from the
 *    pager's other icon links only in the page number, numbered from the count the page announces.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextPageUrl, withGenericPaging } from '../../src/crawl/families/pager.ts';

/** A list page of one report and a pager of image links beside "共N条记录 第k页/共N页" (3 pages unless told). */
function listPage(k: number, pager: string, pages = 3): string {
  return `<html><head><title>政府信息公开年报</title></head><body><div class="header"><a href="/"><img src="/images/logo.png"></a></div>
<table class="list"><tr><td class="tit"><a href="/info/20250124/ab12.html">某区2024年政府信息公开工作年度报告</a></td><td>[2025-01-24]</td></tr></table>
<table class="page"><tr><td>共${pages * 5 - 2}条记录&nbsp;第${k}页/共${pages}页&nbsp;${pager}</td></tr></table></body></html>`;
}
const icon = (href: string | null, src: string) => (href ? `<a href="${href}"><img src="${src}" border="0"></a>` : `<img src="${src}" border="0">`);

test('an image control without words says what it does by its file name (xyy.gif, btn_next.png): followed whatever its address', () => {
  // An ASP.NET list paged by `pi`, a parameter no naming knows; the images named in pinyin initials (下一页 → xyy).
  const aspx = listPage(1, `${icon(null, '/img/sy_off.gif')}${icon(null, '/img/syy_off.gif')}${icon('list.aspx?cid=5&pi=2', '/img/xyy.gif')}${icon('list.aspx?cid=5&pi=3', '/img/wy.gif')}`);
  assert.equal(nextPageUrl(aspx, 'http://gov.example/list.aspx?cid=5'), 'http://gov.example/list.aspx?cid=5&pi=2');
  // Paged by record offset (`start=10`), the images named in English.
  const offset = listPage(2, `${icon('list.jsp?id=3', '/images/btn_first.png')}${icon('list.jsp?id=3', '/images/btn_prev.png')}${icon('list.jsp?id=3&start=20', '/images/btn_next.png')}${icon('list.jsp?id=3&start=20', '/images/btn_last.png')}`);
  assert.equal(nextPageUrl(offset, 'http://gov.example/list.jsp?id=3&start=10'), 'http://gov.example/list.jsp?id=3&start=20');
  // The last-page, previous and first images are never "next"; a logo is no control.
  const lastOnly = listPage(2, `${icon('list.jsp?id=7', '/images/page_first.gif')}${icon('list.jsp?id=7&start=20', '/images/page_last.gif')}`);
  assert.equal(nextPageUrl(lastOnly, 'http://gov.example/list.jsp?id=7&start=10'), null);
  // A state suffix on the image's name (`nextn.gif`, the normal state beside `nexton.gif`), a `Paging` parameter.
  // Its pager prints only "1/50" (no 页, no count read), so the name alone says where the next page is.
  const state = `<html><body><ul><li><a href="/a/1.html">某县2024年政府信息公开工作年度报告</a></li></ul><table><tr><td class="huifont">1/50</td><td>${icon(null, '/WebUI/images/page/firstn.gif')}${icon('?CategoryNum=004002&Paging=2', '/WebUI/images/page/nextn.gif')}${icon('?CategoryNum=004002&Paging=50', '/WebUI/images/page/lastn.gif')}</td></tr></table></body></html>`;
  assert.equal(nextPageUrl(state, 'http://gov.example/ShowInfo/MoreInfo.aspx?CategoryNum=004002'), 'http://gov.example/ShowInfo/MoreInfo.aspx?CategoryNum=004002&Paging=2');
  // The image itself as the control (`<img onclick>`, `<input type="image">`), going where its script says.
  const clicked = listPage(1, `<img src="/img/syy_off.gif"><img src="/img/xyy.gif" style="cursor:pointer" onclick="location.href='list.aspx?cid=5&pi=2'">`);
  assert.equal(nextPageUrl(clicked, 'http://gov.example/list.aspx?cid=5'), 'http://gov.example/list.aspx?cid=5&pi=2');
  const input = listPage(1, `<input type="image" src="/images/page_next.gif" onclick="window.location='list.aspx?cid=5&pi=2';return false;">`);
  assert.equal(nextPageUrl(input, 'http://gov.example/list.aspx?cid=5'), 'http://gov.example/list.aspx?cid=5&pi=2');
  // An arrow image into another column is not this list's pager (a file name is weaker than words).
  assert.equal(nextPageUrl(listPage(1, icon('/zt/list.aspx?cid=9&pi=2', '/img/xyy.gif')), 'http://gov.example/gk/list.aspx?cid=5'), null);
  // An alt still says it first (an alt 尾页 on an image named next.gif is the last page).
  assert.equal(nextPageUrl(listPage(1, '<a href="list.jsp?id=3&start=20"><img src="/i/next.gif" alt="尾页"></a>'), 'http://gov.example/list.jsp?id=3'), null);
});

test('an icon pager whose images say nothing: the icon link numbered as the next page by the announced count, one- or zero-based', () => {
  const pic = (n: number) => `/images/page/pic0${n}.gif`;
  // One-based `Page=N` on an ASP column (the parameter's capital P no naming knows): page 1, then page 2 of 3.
  const first = listPage(1, `${icon(null, pic(1))}${icon(null, pic(2))}${icon('more.asp?lm=12&Page=2', pic(3))}${icon('more.asp?lm=12&Page=3', pic(4))}`);
  assert.equal(nextPageUrl(first, 'http://gov.example/news/more.asp?lm=12'), 'http://gov.example/news/more.asp?lm=12&Page=2');
  const second = listPage(2, `${icon('more.asp?lm=12&Page=1', pic(1))}${icon('more.asp?lm=12&Page=1', pic(2))}${icon('more.asp?lm=12&Page=3', pic(3))}${icon('more.asp?lm=12&Page=3', pic(4))}`);
  assert.equal(nextPageUrl(second, 'http://gov.example/news/more.asp?lm=12&Page=2'), 'http://gov.example/news/more.asp?lm=12&Page=3');
  // The last page: nothing after it, and no dead end said.
  const third = listPage(3, `${icon('more.asp?lm=12&Page=1', pic(1))}${icon('more.asp?lm=12&Page=2', pic(2))}${icon(null, pic(3))}${icon(null, pic(4))}`);
  assert.equal(nextPageUrl(third, 'http://gov.example/news/more.asp?lm=12&Page=3'), null);
  assert.equal(withGenericPaging({ items: [], next: [] }, third, 'http://gov.example/news/more.asp?lm=12&Page=3').deadEnd, undefined);
  // Zero-based files without a separator (`index1.html` is page 2, `index2.html` the last of 3).
  const zero = listPage(1, `${icon(null, pic(1))}${icon(null, pic(2))}${icon('index1.html', pic(3))}${icon('index2.html', pic(4))}`);
  assert.equal(nextPageUrl(zero, 'http://gov.example/nw41823/index.html'), 'http://gov.example/nw41823/index1.html');
  const zeroSecond = listPage(2, `${icon('index.html', pic(1))}${icon('index.html', pic(2))}${icon('index2.html', pic(3))}${icon('index2.html', pic(4))}`);
  assert.equal(nextPageUrl(zeroSecond, 'http://gov.example/nw41823/index1.html'), 'http://gov.example/nw41823/index2.html');
  // Epoint-like `moreinfo.html` then `2.html`, `3.html`.
  const bare = listPage(1, `${icon('2.html', pic(3))}${icon('3.html', pic(4))}`);
  assert.equal(nextPageUrl(bare, 'http://gov.example/zwgk/003005/moreinfo.html'), 'http://gov.example/zwgk/003005/2.html');
  // Before: a dead end said on page 1 (`short`), page 2 never asked.
  const read = withGenericPaging({ items: [], next: [] }, first, 'http://gov.example/news/more.asp?lm=12');
  assert.deepEqual(read.next.map((n) => n.url), ['http://gov.example/news/more.asp?lm=12&Page=2']);
  assert.equal(read.deadEnd, undefined);
});

test('icon links that are no pager are not taken for one: other folders, numbers past the count, no announced count', () => {
  // Banner images into another folder, and article thumbnails numbered past the count.
  const banners = listPage(1, `${icon('/zt/2/index.html', '/img/a.jpg')}${icon('/zt/3/index.html', '/img/b.jpg')}`);
  assert.equal(nextPageUrl(banners, 'http://gov.example/nw41823/index.html'), null);
  const thumbs = listPage(1, `${icon('show.asp?id=2', '/img/t1.jpg')}${icon('show.asp?id=3', '/img/t2.jpg')}${icon('show.asp?id=1877', '/img/t3.jpg')}`);
  assert.equal(nextPageUrl(thumbs, 'http://gov.example/news/more.asp?lm=12'), null);
  // Thumbnails into the column's own folder, named by GUIDs and hex ids whose digits could read as small numbers.
  const guids = listPage(1, `${icon('20250121/7c3e5f0a-2b1d-4e8a-9f61-0d2c3b4a5e6f.html', '/img/t1.jpg')}${icon('20250120/4f0c9a2e7d5b4c61a8e3f1d2b7c6a5e2.html', '/img/t2.jpg')}${icon('./202501/t20250121_3.html', '/img/t3.jpg')}`, 2);
  assert.equal(nextPageUrl(guids, 'http://gov.example/zwgk/003005/moreinfo.html'), null);
  // No count announced: nothing to number the icons by.
  const silent = `<html><body><ul><li><a href="/a/1.html">某区2024年政府信息公开工作年度报告</a></li></ul><p>${icon('more.asp?lm=12&Page=2', '/p/3.gif')}${icon('more.asp?lm=12&Page=3', '/p/4.gif')}</p></body></html>`;
  assert.equal(nextPageUrl(silent, 'http://gov.example/news/more.asp?lm=12'), null);
});
