/**
 * Round 34a's fix (docs/blind-portals.md, "Round 34a"), on hand-made input. The three portals were read whole; a
 * variant of blind-pager-offset probed after the measurement (the jsptags Pager Tag Library's index alone, "共14条
 * 共3页 1 [2] 3", the current number unlinked text, later pages asked by ITEM OFFSET `pager.offset=6`) was read with a
 * false `short`: page 2 was taken for page 1 (no class, no bold, no 第N页, and an offset in its address), so its next
 * page was guessed from the one numbered link ("3" → offset 12, slope 1 assumed) as `pager.offset=11`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadHtml } from '../../src/crawl/html.ts';
import { currentPageNumber, nextPageUrl } from '../../src/crawl/families/pager.ts';

const LIST = 'http://x.test/xxgk/infoList.jsp?catid=31';
const at = (offset: number) => (offset ? `${LIST}&pager.offset=${offset}` : LIST);

/** A list page whose pager is numbers only, the current one unlinked (bracketed or bare), links by item offset. */
function offsetPage(current: number, pages: number, o: { brackets?: boolean; words?: boolean } = {}): string {
  const nums = Array.from({ length: pages }, (_, i) =>
    i + 1 === current ? (o.brackets === false ? `${i + 1}` : `[${i + 1}]`) : `<a href="/xxgk/infoList.jsp?catid=31${i ? `&pager.offset=${i * 6}` : ''}">${i + 1}</a>`,
  ).join('&nbsp;');
  const words = o.words ? `<a href="/xxgk/infoList.jsp?catid=31">[首页]</a> ` : '';
  return `<html><body><table><tr><td><a href="infoDetail.jsp?id=5231&catid=31">会宁县人民政府2024年政府信息公开工作年度报告</a></td><td>2025/1/24</td></tr></table>
<table><tr><td align="center">共14条 共${pages}页 ${words}${nums}</td></tr></table></body></html>`;
}

test('a current page written unlinked beside the numbered links is the page number, whatever the address counts', () => {
  assert.equal(currentPageNumber(loadHtml(offsetPage(2, 3)), at(6)), 2);
  assert.equal(currentPageNumber(loadHtml(offsetPage(3, 3)), at(12)), 3);
  assert.equal(currentPageNumber(loadHtml(offsetPage(1, 3)), at(0)), 1);
  assert.equal(currentPageNumber(loadHtml(offsetPage(4, 5, { brackets: false })), at(18)), 4);
  assert.equal(currentPageNumber(loadHtml(offsetPage(2, 3, { words: true })), at(6)), 2);
  // Figures that are no pager: a count beside a link, a number two away, a row of unlinked figures.
  const noPager = `<html><body><p>共 3 <a href="/a/4.html">4</a></p><p>2 <a href="/b/9.html">9</a></p><p>5 <a href="/c/6.html">6</a> 7</p></body></html>`;
  assert.equal(currentPageNumber(loadHtml(noPager), 'http://x.test/list.html'), 1);
});

test('the offset pager of numbers only is turned to the next offset it links, never to a guessed one', () => {
  assert.equal(nextPageUrl(offsetPage(1, 3), at(0)), at(6));
  assert.equal(nextPageUrl(offsetPage(2, 3), at(6)), at(12));
  assert.equal(nextPageUrl(offsetPage(3, 3), at(12)), null);
});
