/**
 * Round 24a's fixes (docs/blind-portals.md, "Round 24a"), each on hand-made input. Every report of round 24a's
 * portals was found; what was wrong was a flag: an older county site in a table layout writes its breadcrumb in a
 * plain cell (`<td class="wz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; 政府信息公开年报</td>`,
 * no telling class), whose 首页 link, too short to be a title, was titled by the cell ("…政府信息公开年报") and
 * counted as a report item; the site's root, not an article, then counted as a report page gone, and the complete
 * seed was flagged `short`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListItems } from '../../src/crawl/list-page.ts';

const PAGE = 'http://gov.example/zwgk/nb/index.htm';

test('links in a breadcrumb with no telling class are no list items, whatever holds it; the list beside it is read as before', () => {
  const list = `<ul class="nblist"><li><a href="../info/2025/0120/3821.htm" title="某县人民政府2024年政府信息公开工作年度报告">某县人民政府2024年政府...</a><span>[2025-01-20]</span></li>
<li><a href="../info/2024/0119/3102.htm">某县人民政府2023年政府信息公开工作年度报告</a><span>[2024-01-19]</span></li></ul>`;
  const crumbs = [
    // A table layout's cell (the row holds nothing else).
    `<table><tr><td class="wz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; 政府信息公开年报</td></tr></table>`,
    // A cell beside another (a date cell), and a bare div with a link to the column itself.
    `<table><tr><td>当前位置：<a href="/">首页</a> &gt; 政府信息公开年报</td><td>2025年1月20日</td></tr></table>`,
    `<div class="dqwz_l">当前位置: <a href="/">网站首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/index.htm">政府信息公开年报</a></div>`,
    `<p>您的位置：<a href="/index.htm">首页</a>&gt;&gt;<a href="/zwgk/nb/">2024年政府信息公开工作年度报告专栏</a></p>`,
  ];
  for (const crumb of crumbs) {
    const items = parseListItems(`<html><body>${crumb}${list}</body></html>`, PAGE);
    assert.deepEqual(
      items.map((i) => [i.title, new URL(i.url).pathname, i.date]),
      [
        ['某县人民政府2024年政府信息公开工作年度报告', '/zwgk/info/2025/0120/3821.htm', '2025-01-20'],
        ['某县人民政府2023年政府信息公开工作年度报告', '/zwgk/info/2024/0119/3102.htm', '2024-01-19'],
      ],
      crumb,
    );
  }
  // A row that merely mentions a position is still an item (the lead opens a breadcrumb only at its start).
  const row = `<ul><li><a href="/a/1.htm">关于调整工作岗位的通知</a> 当前位置调整</li></ul>`;
  assert.equal(parseListItems(row, PAGE).length, 1);
  // A bare link that follows a trail in one small container is no segment of the trail: still an item.
  const bare = `<div class="main">当前位置：首页 &gt; 年报<br><a href="/a/2.htm">某县人民政府2022年政府信息公开工作年度报告</a></div>`;
  assert.deepEqual(parseListItems(bare, PAGE).map((i) => new URL(i.url).pathname), ['/a/2.htm']);
});
