/**
 * Round 13a of the blind portals, on hand-made input: a register table whose rows write no title (the agency, the
 * year and the kind in cells of their own, the row's link "下载"); a tab pane of the newest reports, captioned by
 * its tab only, whose "更多" leads to the full column; a report cut over article pages (`…_123_1.html`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

test("a register row's link reading 下载 is titled by the row's agency, year and kind cells", () => {
  const html = `<table><tr><th>序号</th><th>单位</th><th>年度</th><th>类别</th><th>发布日期</th><th>操作</th></tr>
<tr><td>1</td><td>某县教育局</td><td>2024</td><td>政府信息公开工作年度报告</td><td>2025-01-20</td><td><a href="/getFile.jsp?fileId=7">下载</a></td></tr>
<tr><td>2</td><td>某县教育局</td><td>2024年度</td><td>部门决算</td><td>2024-09-01</td><td><a href="/getFile.jsp?fileId=8">下载</a></td></tr>
<tr><td>3</td><td>某县人民政府</td><td>2023</td><td>某县2023年政府信息公开工作年度报告</td><td>2024-01-19</td><td><a href="/a/3.html">详情</a></td></tr></table>`;
  const items = parseListItems(html, 'http://www.gov.test/xxgk/nb/index.jsp');
  assert.deepEqual(
    items.map((i) => i.title),
    // A cell naming its year and agency itself is kept as written.
    ['某县教育局2024年度政府信息公开工作年度报告', '某县教育局2024年度部门决算', '某县2023年政府信息公开工作年度报告'],
  );
});

test("a hidden tab pane listing reports leads to its full column by its 更多, a pane of other notices does not", () => {
  const pane = (id: number, items: string[], more: string, hidden: boolean) =>
    `<div id="con_gk_${id}"${hidden ? ' style="display:none"' : ''}><ul>${items.map((t, i) => `<li><a href="/x/${id}/${i}.html">${t}</a></li>`).join('')}</ul><a class="more" href="${more}">更多&gt;&gt;</a></div>`;
  const html = `<html><head><title>信息公开_某市文化和旅游局</title></head><body><ul><li onmouseover="setTab('gk',1,2)">通知公告</li><li onmouseover="setTab('gk',2,2)">年度报告</li></ul>
${pane(1, ['关于开展文化市场检查的公告', '某市文化和旅游局2025年度部门预算公开'], '/xxgk/tzgg/', false)}
${pane(2, ['某市文化和旅游局2024年政府信息公开工作年度报告', '某市文化和旅游局2023年政府信息公开工作年度报告'], '/xxgk/ndbg/', true)}</body></html>`;
  assert.deepEqual(subColumnLinks(html, 'http://www.gov.test/xxgk/index.html'), ['http://www.gov.test/xxgk/ndbg/']);
});

test("a report cut over article pages has its later pages as parts; a column's pager and other articles' pages are not", () => {
  const url = 'http://www.gov.test/nb/202501/t20250121_5521.html';
  const html = `<html><head><title>某局2024年政府信息公开工作年度报告</title></head><body><h1>某局2024年政府信息公开工作年度报告</h1>
<div class="content"><p>一、总体情况</p><p>二、主动公开政府信息情况</p>
<div class="page">共3页 上一页 <span>1</span> <a href="t20250121_5521_1.html">2</a> <a href="t20250121_5521_2.html">3</a> <a href="t20250121_5521_1.html">下一页</a></div></div>
<div class="related"><a href="t20240123_4977.html">2023年报告</a> <a href="t20240123_4977_1.html">续</a> <a href="../index_1.html">更多</a></div></body></html>`;
  assert.deepEqual(
    parseDetailPage(html, url).parts.map((p) => [p.url, p.name]),
    [
      ['http://www.gov.test/nb/202501/t20250121_5521_1.html', '第2页'],
      ['http://www.gov.test/nb/202501/t20250121_5521_2.html', '第3页'],
    ],
  );
  // A column page's pager (index.html → index_1.html) is no article's.
  assert.deepEqual(parseDetailPage('<a href="index_1.html">下一页</a>', 'http://www.gov.test/nb/index.html').parts, []);
});

test('a dynamic article numbering its pages in the query (show.jsp?id=88&page=2) has its later pages as parts; a list\'s and another article\'s are not', () => {
  const url = 'http://www.gov.test/cms/show.jsp?id=88&cat=7';
  const html = `<h1>某局2024年政府信息公开工作年度报告</h1><div class="content"><p>一、总体情况</p>
<div class="pages"><b>1</b> <a href="show.jsp?cat=7&id=88&page=2">2</a> <a href="show.jsp?id=88&cat=7&page=3">3</a> <a href="?id=88&cat=7&page=2">下一页</a></div></div>
<div class="related"><a href="show.jsp?id=87&cat=7&page=2">2023年报告（续）</a> <a href="list.jsp?cat=7&page=2">更多</a></div>`;
  assert.deepEqual(
    parseDetailPage(html, url).parts.map((p) => [new URL(p.url).search, p.name]),
    [
      ['?cat=7&id=88&page=2', '第2页'],
      ['?id=88&cat=7&page=3', '第3页'],
    ],
  );
  assert.deepEqual(parseDetailPage('<a href="list.jsp?cat=7&page=2">下一页</a>', 'http://www.gov.test/cms/list.jsp?cat=7').parts, []);
  // Links resolved against the page's <base>, as the static form's are.
  const based = parseDetailPage('<head><base href="/cms/"></head><h1>某局2024年政府信息公开工作年度报告</h1><a href="info/show.jsp?id=88&page=2">2</a>', 'http://www.gov.test/cms/info/show.jsp?id=88');
  assert.deepEqual(based.parts.map((p) => p.url), ['http://www.gov.test/cms/info/show.jsp?id=88&page=2']);
});
