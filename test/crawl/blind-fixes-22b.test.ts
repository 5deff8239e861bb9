/**
 * Round 22b of the blind portals, on hand-made answers and pages: two complete lists that were flagged `short`.
 * - PageHelper's `PageInfo` (the page of countless SSM back ends) asked one page past its end answers `isLastPage:
 *   false` (it is not the last page: it is past it) beside `hasNextPage: false`; the explicit "no next page" is what
 *   the answer says about the items after it.
 * - A list the browser turned and drew page after page (its answers no replay can read: a DWR script reply) keeps,
 *   in its rendered first page, the pager text "第1/3页" and controls no reader follows: the pages the browser drew
 *   are read, so they are no dead end; a pager announcing more pages than were drawn still is one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerSaysMore } from '../../src/crawl/learn/answer-total.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import type { ListData } from '../../src/crawl/requests.ts';

const API = 'http://gov.test/jsj/portal/article/list';

/** PageHelper's PageInfo as its `judgePageBoudary` fills it, for page n of `pages` (n may be past the end). */
function pageInfo(n: number, pages: number, list: { articleId: number; title: string }[]) {
  return {
    code: 200,
    msg: '查询成功',
    data: {
      pageNum: n, pageSize: 5, size: list.length, total: 12, pages, list,
      prePage: n > 1 ? n - 1 : 0, nextPage: n < pages ? n + 1 : 0,
      isFirstPage: n === 1, isLastPage: n === pages || pages === 0, hasPreviousPage: n > 1, hasNextPage: n < pages,
      navigatePages: 8, navigatepageNums: [1, 2, 3], navigateFirstPage: 1, navigateLastPage: pages,
    },
  };
}
const one = [{ articleId: 77, title: '某市教育局2021年政府信息公开工作年度报告' }];

test('a PageHelper page past the end (isLastPage false, hasNextPage false) says no more items follow', () => {
  assert.equal(answerSaysMore(JSON.stringify(pageInfo(4, 3, [])), API), false);
});

test('a PageHelper page says more follow before its last page, and none on it', () => {
  assert.equal(answerSaysMore(JSON.stringify(pageInfo(2, 3, one)), API), true);
  assert.equal(answerSaysMore(JSON.stringify(pageInfo(3, 3, one)), API), false);
  // An answer with only the inverted flag keeps reading it.
  assert.equal(answerSaysMore(JSON.stringify({ rows: one, isLastPage: false }), API), true);
});

const PAGE = 'http://gov.test/gov/xxgk/nb/index.jsp';
const data: ListData = { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'auto', pageIndex: 0 };
const rows = [
  ['a1', '某县人民政府2024年政府信息公开工作年度报告'],
  ['a2', '某县2024年度政府网站工作年度报表'],
  ['a3', '某县人民政府2023年政府信息公开工作年度报告'],
  ['a4', '某县2023年政务公开工作要点'],
];
/** The rendered first page of a list drawn by script, with the links of `drawn` later pages appended by the browser lane. */
function rendered(pages: number, drawn: number): string {
  const tr = rows.map(([id, t]) => `<tr><td><a href="view.jsp?infoId=${id}" target="_blank">${t}</a></td><td>2025-01-22</td></tr>`).join('');
  const bar = `共${pages * 4}条 第1/${pages}页 首页 上一页 <a href="javascript:showList(2)">下一页</a> <a href="javascript:showList(${pages})">尾页</a>`;
  const later = Array.from({ length: drawn * 2 }, (_, i) => `<li><a href="http://gov.test/gov/xxgk/nb/view.jsp?infoId=b${i}">某县人民政府${2022 - i}年政府信息公开工作年度报告</a></li>`).join('');
  return `<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><div class="lm">政府信息公开年报</div>
<table><tbody id="listBody">${tr}</tbody></table><div id="pageBar">${bar}</div>
<ul class="nianbao-opened">${later}</ul></body></html>`;
}
const visit = (pages: number, drawn: number) => ({ url: PAGE, loadedUrl: PAGE, status: 200, body: rendered(pages, drawn), rendered: true, ...(drawn ? { drawnPages: drawn } : {}) });

test('a pager the browser turned through every announced page is no dead end', () => {
  assert.equal(parseList(visit(3, 2), data).deadEnd, undefined);
});

test('a pager announcing more pages than the browser drew, or turned by nobody, is still a dead end', () => {
  assert.match(parseList(visit(3, 0), data).deadEnd ?? '', /announces 3 pages/);
  assert.match(parseList(visit(4, 2), data).deadEnd ?? '', /announces 4 pages and no way to page 4/);
});
