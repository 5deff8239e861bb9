/**
 * Round 29a's fix (docs/blind-portals.md, "Round 29a"), on hand-made input. Older CMSs (PowerEasy 动易 2006's ASP
 * article pages, many county sites still on it) give an article's date only as 更新时间 ("更新时间：2025-1-24
 * 9:24:17", unpadded, with the time) beside 文章作者 / 文章来源 / 点击数; the detail page did not read that label, so
 * every report of such a site was catalogued with no publication date.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';

const URL = 'http://pe.example/Article/ShowArticle.asp?ArticleID=3418';
const article = (info: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>新宁县2024年政府信息公开工作年度报告--新宁县人民政府</title></head><body>
<table width="100%" class="article"><tr><td align="center" class="title"><b>新宁县2024年政府信息公开工作年度报告</b></td></tr>
<tr><td align="center" class="info">${info}</td></tr>
<tr><td class="content"><p>根据《中华人民共和国政府信息公开条例》规定，现公布新宁县2024年度政府信息公开工作年度报告。</p></td></tr></table></body></html>`;

test('an article dated only by 更新时间 (PowerEasy: unpadded, with the time) gets that date; its 文章来源 stays the publisher', () => {
  const page = parseDetailPage(article('文章作者：佚名　文章来源：县政府办　点击数：<script src="/Article/GetHits.asp?ArticleID=3418"></script>　更新时间：2025-1-24 9:24:17'), URL);
  assert.equal(page.publishedAt, '2025-01-24');
  assert.equal(page.publisher, '县政府办');
  // The label in a cell of its own, the value in the next (a metadata table's shape).
  const table = parseDetailPage(article('<table><tr><td>更新时间：</td><td>2025-01-22</td></tr></table>'), URL);
  assert.equal(table.publishedAt, '2025-01-22');
});

test('更新时间 is a fallback only: a page giving 发布日期 or 成文日期 keeps that date', () => {
  assert.equal(parseDetailPage(article('发布日期：2025-01-22　更新时间：2025-03-02 10:11:12'), URL).publishedAt, '2025-01-22');
  assert.equal(parseDetailPage(article('更新时间：2025-03-02　成文日期：2025-01-20'), URL).publishedAt, '2025-01-20');
});
