/**
 * Round 78's change (docs/blind-portals.md, round 78); the blind portals themselves are crawled whole by the blind
 * parts. An article publishing the units' reports together (…年度报告集中公开: a table of units, each row's 点击查看 the
 * unit's file) is their index, not a report of an agency made of its title's words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCollection, namesCompilation } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';

test('an article publishing the units’ reports together (…年度报告集中公开) is their index', () => {
  const title = '同德县二〇二四年度各部门、乡镇政府信息公开工作年度报告集中公开';
  assert.equal(namesCompilation(title), true);
  assert.equal(namesCompilation('同德县人民政府2024年政府信息公开工作年度报告'), false);
  assert.equal(namesCompilation('关于2024年度政府信息公开工作年度报告集中公开工作的通知'), false, 'a notice about it names more after');
  const url = 'http://gov.test/html/2765/329918.html';
  const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1><div id="zoom">
<p>现将我县各部门、各乡镇二〇二四年度政府信息公开工作年度报告予以集中公开。</p>
<table><caption>同德县二〇二四年度政府信息公开工作年度报告目录</caption><tr><th>序号</th><th>单位</th><th>年报</th></tr>
<tr><td>1</td><td>同德县教育局</td><td><a href="/uploadfile/2025/0214/1.pdf">点击查看</a></td></tr>
<tr><td>2</td><td>河阴镇人民政府</td><td><a href="/uploadfile/2025/0214/2.pdf">点击查看</a></td></tr></table></div></body></html>`;
  const verdict = classifyCollection(html, url, parseDetailPage(html, url), title);
  assert.equal(verdict.collection, true, verdict.reason);
});
