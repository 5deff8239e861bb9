/**
 * A list table's rows are dated by the column its header names 发布日期 (not by a 成文日期 before it), whether the
 * header is written with <th> cells or, as older templates do, with a first row of <td> words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListItems } from '../../src/crawl/list-page.ts';

test('a table headed by a first row of <td> words is dated by its 发布日期 column', () => {
  const html = `<html><body><table class="list" width="100%">
<tr class="tit"><td width="8%">序号</td><td>文件名称</td><td width="14%">成文日期</td><td width="14%">发布日期</td></tr>
<tr><td>1</td><td><a href="/zwgk/2025/t20250121_88.html">某县人民政府2024年政府信息公开工作年度报告</a></td><td>2025-01-16</td><td>2025-01-21</td></tr>
<tr><td>2</td><td><a href="/zwgk/2024/t20240123_51.html">某县人民政府2023年政府信息公开工作年度报告</a></td><td>2024-01-19</td><td>2024-01-23</td></tr>
</table></body></html>`;
  const items = parseListItems(html, 'http://gov.example/zwgk/nb/');
  assert.deepEqual(
    items.map((i) => [i.url.replace('http://gov.example', ''), i.date]),
    [
      ['/zwgk/2025/t20250121_88.html', '2025-01-21'],
      ['/zwgk/2024/t20240123_51.html', '2024-01-23'],
    ],
  );
});

test('a table whose first row is a dated item, not a header, keeps each row\'s first date', () => {
  const html = `<html><body><table class="list">
<tr><td><a href="/a/1.html">某局2024年政府信息公开工作年度报告</a></td><td>2025-01-20</td><td>发布日期</td></tr>
<tr><td><a href="/a/2.html">某局2023年政府信息公开工作年度报告</a></td><td>2024-01-18</td><td>2024-02-01</td></tr>
</table></body></html>`;
  const items = parseListItems(html, 'http://gov.example/nb/');
  assert.deepEqual(items.map((i) => i.date), ['2025-01-20', '2024-01-18']);
});
