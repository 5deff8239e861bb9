/**
 * Round 23a's fixes (docs/blind-portals.md, "Round 23a"), each on hand-made input. Every report of round 23a's
 * portals was found; what was wrong was in the details: the reports of a Shandong 政府信息公开 platform were dated
 * by their 成文日期 (the date the document was written), which its metadata table shows before the 发布日期, as the
 * national 公开 metadata block does (索引号 / 主题分类 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期); and its
 * 目录 table's rows (序号 / 标题 / 发布机构 / 成文日期 / 发布日期) gave the list's date from the first of their two dates.
 * And a bureau's blog (Z-BlogPHP's default theme) had each post's page titled by the blog's name, the `<h1>` every
 * page of the theme prints, and its text read from the whole page, the sidebar's 最近发表 (traps' titles) included.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const PAGE = 'http://gov.example/gongkai/doc_6790a1f2e4b0c3d4e5f60718.html';

test('a page dated twice is dated by its 发布日期, not by the 成文日期 shown first', () => {
  const table = `<html><body><table class="xxgk-info">
<tr><th>索引号</th><td>11371302004312345X/2025-00003</td><th>发布机构</th><td>某区人民政府办公室</td></tr>
<tr><th>主题分类</th><td>其他</td><th>成文日期</th><td>2025-01-17</td></tr>
<tr><th>发布日期</th><td>2025-01-20</td><th>文号</th><td>无</td></tr></table>
<div class="wenzhang-content"><p>某区人民政府2024年政府信息公开工作年度报告全文。</p></div></body></html>`;
  assert.equal(parseDetailPage(table, PAGE).publishedAt, '2025-01-20');
  // On one line of metadata, and in the gov.cn block's order (成文日期 in the first rows, 发布日期 further down).
  const line = `<html><body><div class="info">成文日期：2024年12月30日　发布日期：2025年01月06日　来源：某县人民政府办公室</div><div id="zoom">正文内容正文内容正文内容正文内容正文内容</div></body></html>`;
  assert.equal(parseDetailPage(line, PAGE).publishedAt, '2025-01-06');
  const govcn = `<html><body><table><tr><td><b>索　引　号：</b></td><td>000014349/2025-00012</td><td><b>主题分类：</b></td><td>综合政务</td></tr>
<tr><td><b>发文机关：</b></td><td>某部办公厅</td><td><b>成文日期：</b></td><td>2025年01月10日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">某部2024年政府信息公开工作年度报告</td></tr>
<tr><td><b>发文字号：</b></td><td></td><td><b>发布日期：</b></td><td>2025年01月24日</td></tr></table><div id="UCAP-CONTENT"><p>正文内容正文内容正文内容正文内容正文内容</p></div></body></html>`;
  assert.equal(parseDetailPage(govcn, PAGE).publishedAt, '2025-01-24');
  // A page that gives only the written date is still dated by it.
  const only = `<html><body><table><tr><th>成文日期</th><td>2024-01-16</td></tr></table><div id="zoom">正文内容正文内容正文内容正文内容正文内容</div></body></html>`;
  assert.equal(parseDetailPage(only, PAGE).publishedAt, '2024-01-16');
});

test('a 目录 row with a 成文日期 and a 发布日期 column is dated by the 发布日期 column; other rows by their date as before', () => {
  const html = `<html><body><table class="gk-list">
<thead><tr><th>序号</th><th>标题</th><th>发布机构</th><th>成文日期</th><th>发布日期</th></tr></thead>
<tbody><tr><td>1</td><td><a href="../doc_6790a1f2e4b0c3d4e5f60718.html" title="某区人民政府2024年政府信息公开工作年度报告">某区人民政府2024年政府信息公开工作...</a></td><td>某区人民政府办公室</td><td>2025-01-17</td><td>2025-01-20</td></tr>
<tr><td>2</td><td><a href="../doc_65ab8f01e4b0a9b8c7d6e3f4.html">某区人民政府2023年政府信息公开工作年度报告</a></td><td>某区人民政府办公室</td><td>2024-01-16</td><td></td></tr></tbody></table>
<table><tr><th>标题</th><th>日期</th></tr><tr><td><a href="/a/1.html">某局2022年政府信息公开工作年度报告</a></td><td>2023-01-18</td></tr></table>
<ul><li><a href="/a/2.html">某局2021年政府信息公开工作年度报告</a><span>[2022-01-14]</span></li></ul></body></html>`;
  const items = parseListItems(html, 'http://gov.example/gongkai/channel_63f1c2a8e4b0a1d2c3f40517/');
  assert.deepEqual(
    items.map((i) => [i.url.replace('http://gov.example', ''), i.date]),
    [
      ['/gongkai/doc_6790a1f2e4b0c3d4e5f60718.html', '2025-01-20'],
      // No date in its 发布日期 cell: the row's date, as before.
      ['/gongkai/doc_65ab8f01e4b0a9b8c7d6e3f4.html', '2024-01-16'],
      ['/a/1.html', '2023-01-18'],
      ['/a/2.html', '2022-01-14'],
    ],
  );
});

test("a blog post's page is titled by its post title, not by the blog's name in every page's <h1>, and its text is the post's", () => {
  const zblog = `<html><head><title>2024年度政府信息公开工作年度报告-某县市场监督管理局</title></head><body>
<div id="divTop"><h1 id="BlogTitle"><a href="http://gov.example/">某县市场监督管理局</a></h1><h3 id="BlogSubTitle">依法行政</h3></div>
<div id="divMain"><div class="post single cate3 auth1"><h4 class="post-date">2025年1月20日</h4><h2 class="post-title">2024年度政府信息公开工作年度报告</h2>
<div class="post-body"><p>一、总体情况</p><p>本年度，我局坚持以公开为常态、不公开为例外。</p></div><h6 class="post-footer">发布:admin | 评论:0</h6></div></div>
<div id="divSidebar"><dl class="function"><dt class="function_t">最近发表</dt><dd><ul><li><a href="http://gov.example/?id=58">一图读懂：2024年度政府信息公开工作年度报告</a></li></ul></dd></dl></div></body></html>`;
  const page = parseDetailPage(zblog, 'http://gov.example/?id=57');
  assert.equal(page.title, '2024年度政府信息公开工作年度报告');
  assert.ok(page.bodyText.startsWith('一、总体情况') && !page.bodyText.includes('一图读懂'), page.bodyText);
  // A WordPress theme: the site title a home link in an <h1>, the post's in h1.entry-title further down.
  const wp = `<html><body><header><h1 class="site-title"><a href="/" rel="home">某镇人民政府</a></h1></header>
<article><h1 class="entry-title">某镇人民政府2023年政府信息公开工作年度报告</h1><div class="entry-content"><p>一、总体情况……本镇坚持以公开为常态。</p></div></article></body></html>`;
  assert.equal(parseDetailPage(wp, 'http://gov.example/2024/01/18/nb2023/').title, '某镇人民政府2023年政府信息公开工作年度报告');
  // An article's own <h1> holding a link (to itself, or to the column) is still its title.
  const own = `<html><body><h1><a href="/xxgk/nb/128.html">某局2024年政府信息公开工作年度报告</a></h1><div id="zoom">正文内容正文内容正文内容正文内容正文内容</div></body></html>`;
  assert.equal(parseDetailPage(own, 'http://gov.example/xxgk/nb/128.html').title, '某局2024年政府信息公开工作年度报告');
});
