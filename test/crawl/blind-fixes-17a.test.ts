/**
 * Round 17a of the blind portals, on hand-made input: an article whose `<h1>` holds, after a `<br />`, the template's
 * metadata line (date, 来源, 评论, 点击 in a `<span>`, as PHPCMS v9's default show template writes it) is catalogued
 * under its title alone, never with that line appended.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';

const page = (h1: string) =>
  `<html><head><title>某某 - 某县人民政府</title></head><body><div id="Article"><h1>${h1}</h1><div class="content"><p>根据《中华人民共和国政府信息公开条例》规定，现公布本年度报告。</p></div></div></body></html>`;

test("a heading's inner metadata line (a <span> after <br />, or text after <br />) is not part of the title", () => {
  const title = '平乡县民政局2023年政府信息公开工作年度报告';
  const phpcms = `${title}<br /><span>2024-01-25 10:02:11&nbsp;&nbsp;&nbsp;来源：平乡县民政局&nbsp;&nbsp;&nbsp;评论：<a href="#comment_iframe" id="comment">0</a> 点击：<span id="hits"></span></span>`;
  assert.equal(parseDetailPage(page(phpcms), 'http://x.test/index.php?m=content&c=index&a=show&catid=3&id=9').title, title);
  // The same line as bare text after the break, and beside the title as a sibling element.
  assert.equal(parseDetailPage(page(`${title}<br/>发布时间：2024-01-25　浏览次数：37`), 'http://x.test/a.html').title, title);
  assert.equal(parseDetailPage(page(`<span class="t">${title}</span><em>2024年01月25日</em>`), 'http://x.test/a.html').title, title);
});

test('a title wrapped in one element, or naming a date itself, is kept whole', () => {
  assert.equal(parseDetailPage(page('<span>关于2024年1月20日起施行新规定的政策解读</span>'), 'http://x.test/a.html').title, '关于2024年1月20日起施行新规定的政策解读');
  assert.equal(parseDetailPage(page('<a href="#">某县2023年政府信息公开工作年度报告<br /><small>来源：某县人民政府</small></a>'), 'http://x.test/a.html').title, '某县2023年政府信息公开工作年度报告');
  assert.equal(parseDetailPage(page('某县人民政府<br />2023年政府信息公开工作年度报告'), 'http://x.test/a.html').title, '某县人民政府 2023年政府信息公开工作年度报告');
});
