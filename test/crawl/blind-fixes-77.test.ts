/**
 * Round 77's changes (docs/blind-portals.md, round 77); the blind portals themselves are crawled whole by the blind
 * parts. A year's page of a 年报 tree named so by its breadcrumb alone, its grid of units' three-character names; a
 * unit's tab clicked while the year select stayed set; 动易's labelled tooltip as a title; a Hanweb dataproxy answer's
 * page count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossedChoices } from '../../src/crawl/learn/crossed-choices.ts';
import type { CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import type { ListData } from '../../src/crawl/requests.ts';

const data: ListData = { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'auto', pageIndex: 1 };
const read = (url: string, body: string) => parseList({ url, loadedUrl: url, status: 200, body }, data);

test("a year's page of a 年报 tree, named so by its breadcrumb alone: its units' names (three characters too) stand for their reports", () => {
  const url = 'http://gov.test/zwgk/zfxxgknb/2024n_781205/';
  const page = `<html><head><title>2024年_某区人民政府</title><meta name="ColumnName" content="2024年"></head><body>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgknb/">政府信息公开年报</a> &gt; <a href="./">2024年</a></div>
<div class="box"><h4>2024年</h4><table class="nb-grid">
<tr><th>区政府</th><td><a href="./qzf/">某区人民政府</a><a href="./bgs/">区政府办公室</a></td></tr>
<tr><th>区政府部门</th><td><a href="./qjw/">区教委</a><a href="./tjj/">区统计局</a></td></tr>
<tr><th>镇街</th><td><a href="./bmz/">白马镇</a></td></tr></table></div></body></html>`;
  const items = read(url, page).items.filter((i) => i.namedByAgency);
  assert.deepEqual(
    items.map((i) => i.title),
    ['某区人民政府2024年政府信息公开工作年度报告', '区政府办公室2024年政府信息公开工作年度报告', '区教委2024年政府信息公开工作年度报告', '区统计局2024年政府信息公开工作年度报告', '白马镇2024年政府信息公开工作年度报告'],
  );
  // Named for nothing (no breadcrumb, title nor heading naming the reports): the names are no reports.
  const plain = page.replace('<a href="/zwgk/zfxxgknb/">政府信息公开年报</a> &gt; ', '');
  assert.deepEqual(read(url, plain).items.filter((i) => i.namedByAgency), []);
});

test("a tab clicked while another group's choice stayed set sets only its own field: its list alone is asked, and crossed", () => {
  const API = 'http://gov.test/cms-api/open/article/page';
  const body = (column: string, year: string) => JSON.stringify({ siteCode: 'S', columnCode: column, pageNo: 1, pageSize: 6, year });
  const base: CapturedRequest = { method: 'POST', url: API, body: body('xzf', ''), contentType: 'application/json' };
  const req = (column: string, year: string) => ({ url: API, body: body(column, year) });
  const made = [
    { group: 2, request: req('xzf', '2024'), before: req('xzf', '') },
    { group: 2, request: req('xzf', '2023'), before: req('xzf', '2024') },
    // The unit tabs, clicked with the select left on 2023.
    { group: 1, request: req('jyj', '2023'), before: req('xzf', '2023') },
    { group: 1, request: req('zlkz', '2023'), before: req('jyj', '2023') },
  ];
  const asked = crossedChoices(base, null, made).requests.map((r) => JSON.parse(r.body!) as { columnCode: string; year: string }).map((b) => `${b.columnCode} ${b.year || 'all'}`);
  // Each unit's whole list, then each unit crossed with each year chosen.
  for (const want of ['jyj all', 'zlkz all', 'jyj 2024', 'zlkz 2024']) assert.ok(asked.includes(want), `${want} in ${asked.join(', ')}`);
  // Compared with the page's first request only (as before), the tabs seemed to set the year too: nothing was crossed.
  assert.deepEqual(crossedChoices(base, null, made.map(({ group, request }) => ({ group, request }))).requests, []);
});

test("a tooltip of labelled lines (动易's 文章标题 / 作者 / 更新时间) gives the title's line, its label dropped", () => {
  const url = 'http://gov.test/Article/ShowClass.asp?ClassID=41';
  const tip = '文章标题：克东县教育局2024年政府信息公开工作年度报告&#10;作    者：佚名&#10;更新时间：2025-1-24 10:05:18&#10;点击次数：98';
  const page = `<html><body><table class="list"><tr><td><a href="ShowArticle.asp?ArticleID=2377" title="${tip}">克东县教育局2024年政府信息公开...</a></td><td>01-24</td></tr>
<tr><td><a href="ShowArticle.asp?ArticleID=2301" title="克东县2024年政务公开工作要点">克东县2024年政务公开工作要点</a></td><td>01-11</td></tr></table></body></html>`;
  const titles = read(url, page).items.map((i) => i.title);
  assert.ok(titles.includes('克东县教育局2024年政府信息公开工作年度报告'), titles.join(' | '));
  assert.ok(titles.includes('克东县2024年政务公开工作要点'));
});

test("a Hanweb dataproxy answer's page count (its window's size) is no dead end of the column", () => {
  const url = 'http://gov.test/module/jpage/dataproxy.jsp?startrecord=13&endrecord=14&perpage=12';
  const answer = `<?xml version="1.0" encoding="UTF-8"?>
<datastore><totalrecord>14</totalrecord><totalpage>2</totalpage>
<recordset><record><![CDATA[<tr><td><a href="/art/2021/3/1/art_1_9.html" title="某县2020年政府信息公开工作年度报告">某县2020年政府信息公开工作年度报告</a></td></tr>]]></record></recordset>
</datastore>`;
  assert.equal(read(url, answer).deadEnd, undefined);
});
