/**
 * Round 22b of the blind portals, on hand-made answers and pages: two complete lists that were flagged `short`.
 * - PageHelper's `PageInfo` (the page of countless SSM back ends) asked one page past its end answers `isLastPage:
 *   false` (it is not the last page: it is past it) beside `hasNextPage: false`; the explicit "no next page" is what
 *   the answer says about the items after it.
 * - A list the browser turned and drew page after page (its answers no replay can read: a DWR script reply) keeps,
 *   in its rendered first page, the pager text "第1/3页" and controls no reader follows: the pages the browser drew
 *   are read, so they are no dead end; a pager announcing more pages than were drawn still is one.
 * - That list's requests are DWR calls (a `text/plain` batch of typed lines, `c0-param1=number:2`) answered by a
 *   script (`r.handleCallback("0","0",{rows:[s1,…]})`, strings `\uXXXX`, dates `new Date(ms)`): read as a form and
 *   as the value the reply hands its callback, the list is learned, its page the call's argument, and replayed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerSaysMore, answerTotals } from '../../src/crawl/learn/answer-total.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { jsonAnswerOrNull } from '../../src/crawl/learn/list-shape.ts';
import { requestForPage } from '../../src/crawl/learn/page-param.ts';
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

// A DWR 3 call and its reply, written the way the engine and the servlet write them.
const DWR_PAGE = 'http://gov.test/gk/nb/list.jsp';
const DWR_CALL = 'http://gov.test/gk/dwr/call/plaincall/GkService.pageInfos.dwr';
const COL = '8a8a8a8a5f3c9a2b015f3ca1b2e30012';
const dwrBatch = (page: number, batch: number) =>
  [
    'callCount=1', 'nextReverseAjaxIndex=0', 'c0-scriptName=GkService', 'c0-methodName=pageInfos', 'c0-id=0',
    `c0-param0=string:${COL}`, `c0-param1=number:${page}`, 'c0-param2=number:3', `c0-param3=string:${encodeURIComponent('年报')}`,
    `batchId=${batch}`, 'instanceId=0', `page=${encodeURIComponent('/gk/nb/list.jsp')}`, 'httpSessionId=', 'scriptSessionId=ABCDEF0123/xyz98765', '',
  ].join('\n');
const u = (t: string) => [...t].map((c) => (c.charCodeAt(0) > 0x7e ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
const dwrRows = [
  [['a01', '某区人民政府2024年政府信息公开工作年度报告', 1737507600000], ['a02', '某区2024年度政府网站工作年度报表', 1736902800000], ['a03', '某区人民政府2023年政府信息公开工作年度报告', 1706058000000]],
  [['a04', '某区2023年政务公开工作要点', 1682038800000], ['a05', '某区人民政府2022年政府信息公开工作年度报告', 1674867600000], ['a06', '某区2022年度部门决算', 1661475600000]],
] as const;
function dwrReply(page: number, batch: number): string {
  const rows = dwrRows[page - 1]!;
  const decl = rows.map((_, i) => `var s${i}={};`).join('');
  const sets = rows.map(([id, title, ms], i) => `s${i}.id="${id}";s${i}.pubDate=new Date(${ms});s${i}.title="${u(title)}";`).join('\n');
  return `throw 'allowScriptTagRemoting is false.';\n(function(){\nvar r=window.dwr._[${batch}];\n//#DWR-INSERT\n//#DWR-REPLY\n${decl}\n${sets}\nr.handleCallback("${batch}","0",{pageNo:${page},rows:[${rows.map((_, i) => `s${i}`).join(',')}],totalCount:7,totalPage:3});\n})();\n`;
}
const dwrExchange = (page: number, batch: number): Exchange => ({
  method: 'POST', url: DWR_CALL, body: dwrBatch(page, batch), contentType: 'text/plain', status: 200, responseType: 'text/javascript;charset=utf-8', responseBody: dwrReply(page, batch),
});
const drawnDwr = `<html><body><table>${dwrRows[0].map(([id, title]) => `<tr><td><a href="view.jsp?id=${id}">${title}</a></td></tr>`).join('')}</table></body></html>`;

test('a DWR reply is read as the value it hands its callback: records, titles decoded, dates, totals', () => {
  const json = jsonAnswerOrNull(dwrReply(1, 0), DWR_CALL) as { rows: { id: string; title: string; pubDate: number }[] } | null;
  assert.ok(json, 'the reply is read');
  assert.deepEqual(json.rows.map((r) => r.title), dwrRows[0].map((r) => r[1]));
  assert.equal(json.rows[0]!.pubDate, 1737507600000);
  assert.deepEqual(answerTotals(dwrReply(1, 0), DWR_CALL), { announcedItems: 7, announcedPages: 3 });
  assert.equal(jsonAnswerOrNull('var x = 1; alert(x);', DWR_CALL), null, 'a script that is no DWR reply is not read');
});

test('a DWR list is learned from two calls: its page is the call argument that moved, replayed with its type kept', () => {
  const learned = learnListEndpoint([dwrExchange(1, 0)], DWR_PAGE, [dwrExchange(2, 1)], drawnDwr);
  assert.ok(learned, 'the DWR call is learned as the list');
  assert.deepEqual(learned.items.map((i) => i.url), dwrRows[0].map(([id]) => `http://gov.test/gk/nb/view.jsp?id=${id}`));
  assert.deepEqual(learned.endpoint.page && { in: learned.endpoint.page.in, name: learned.endpoint.page.name, first: learned.endpoint.page.first, step: learned.endpoint.page.step }, { in: 'form', name: 'c0-param1', first: 1, step: 1 });
  const third = requestForPage(learned.endpoint.request, learned.endpoint.page!, 3).body!;
  assert.match(third, /^callCount=1\n/);
  assert.match(third, /\nc0-param1=number:3\n/);
  assert.ok(third.includes(`\nc0-param0=string:${COL}\n`) && third.includes(`c0-param3=string:${encodeURIComponent('年报')}`), third);
  assert.match(third, /\nbatchId=0\n/);
});
