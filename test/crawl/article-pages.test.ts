/**
 * An article cut over pages numbered in its address from 1 (PHPCMS' pseudo-static `show-12-345-1.html`,
 * `show-12-345-2.html`): its later pages are the report's parts; neighbouring articles numbered alike are not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';

test('an article numbered from 1 in its address (show-12-345-1.html) has show-12-345-2.html… as its later pages', () => {
  const url = 'http://www.gov.test/html/xxgk/show-12-345-1.html';
  const html = `<html><head><title>某县2024年政府信息公开工作年度报告</title></head><body><h1>某县2024年政府信息公开工作年度报告</h1>
<div id="Article"><p>一、总体情况</p><p>二、主动公开政府信息情况</p>
<div id="pages" class="text-c"><a class="a1" href="show-12-345-1.html">上一页</a> <span>1</span> <a href="show-12-345-2.html">2</a> <a href="show-12-345-3.html">3</a> <a class="a1" href="show-12-345-2.html">下一页</a></div></div>
<div class="prev-next">上一篇：<a href="show-12-344-1.html">某县2023年政府信息公开工作年度报告</a> 下一篇：<a href="show-12-346-1.html">某县2025年政务公开工作要点</a></div></body></html>`;
  assert.deepEqual(
    parseDetailPage(html, url).parts.map((p) => [p.url, p.name]),
    [
      ['http://www.gov.test/html/xxgk/show-12-345-2.html', '第2页'],
      ['http://www.gov.test/html/xxgk/show-12-345-3.html', '第3页'],
    ],
  );
});

test('articles whose ids end an address like page numbers (12-1.html, 12-2.html) are not pages of each other', () => {
  const url = 'http://www.gov.test/xxgk/12-1.html';
  const html = `<h1>某局2024年政府信息公开工作年度报告</h1><div class="content"><p>一、总体情况</p></div>
<p>下一篇：<a href="12-2.html">某局2024年政务公开工作要点</a></p><ul class="related"><li><a href="12-3.html">某局2023年政府信息公开工作年度报告</a></li></ul>`;
  assert.deepEqual(parseDetailPage(html, url).parts, []);
});
