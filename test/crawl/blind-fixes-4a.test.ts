/**
 * The discovery fixes the fourth round (a) of blind portals called for (docs/blind-portals.md), each on its own
 * small page so a regression names its cause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextPageUrl, withGenericPaging } from '../../src/crawl/families/pager.ts';
import { listElsewhereLinks } from '../../src/crawl/families/report-column.ts';
import { yearNamedInBody } from '../../src/crawl/classify/year.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const page = (body: string, head = '') => `<html><head><title>列表</title>${head}</head><body>${body}</body></html>`;

test('a 下一页 button that goes by script (location.href, window.open) is the next page, resolved against <base>', () => {
  const list = (next: string) => page(`<ul><li><a href="a/1.html">某局2024年政府信息公开工作年度报告</a></li></ul><div class="btns">${next}</div>`, '<base href="/xx/">');
  assert.equal(nextPageUrl(list(`<button type="button" onclick="location.href='nb/index_2.shtml'">下一页</button>`), 'http://a.gov.cn/xx/nb/index.shtml'), 'http://a.gov.cn/xx/nb/index_2.shtml');
  assert.equal(nextPageUrl(list(`<input type="button" value="下一页" onclick="window.location = '/xx/nb/index_3.shtml';">`), 'http://a.gov.cn/xx/nb/index_2.shtml'), 'http://a.gov.cn/xx/nb/index_3.shtml');
  assert.equal(nextPageUrl(list(`<button onclick="window.open('/xx/nb/index_2.shtml','_self')">›</button>`), 'http://a.gov.cn/xx/nb/index.shtml'), 'http://a.gov.cn/xx/nb/index_2.shtml');
  // A 上一页 button is not the next page.
  assert.equal(nextPageUrl(list(`<button onclick="location.href='/xx/nb/index.shtml'">上一页</button>`), 'http://a.gov.cn/xx/nb/index_2.shtml'), null);
});

test('a pager that is only a GET jump form: the next page by the form while the count announces one, none on the last', () => {
  const form = (n: number) =>
    page(`<table><tr><td><a href="/c/1.html">某局2024年政府信息公开工作年度报告</a></td></tr></table>
<form method="get" action="list.do"><input type="hidden" name="channelId" value="22">共3页 第${n}页 转到第<input type="text" name="pageNo" value="${n}">页 <input type="submit" value="跳转"></form>`);
  assert.equal(nextPageUrl(form(1), 'http://a.gov.cn/x/list.do?channelId=22'), 'http://a.gov.cn/x/list.do?channelId=22&pageNo=2');
  assert.equal(nextPageUrl(form(2), 'http://a.gov.cn/x/list.do?channelId=22&pageNo=2'), 'http://a.gov.cn/x/list.do?channelId=22&pageNo=3');
  assert.equal(nextPageUrl(form(3), 'http://a.gov.cn/x/list.do?channelId=22&pageNo=3'), null);
});

test('a report title without a year on a per-year list page takes the year of its selected tab or heading', () => {
  const list = (tabs: string) =>
    page(`<div class="tab">${tabs}</div><ul>
<li><a href="/nb/2024/1.htm">某市财政局政府信息公开工作年度报告</a></li>
<li><a href="/nb/2024/2.htm">某市教育局2024年政府信息公开工作年度报告</a></li>
<li><a href="/nb/2024/3.htm">某市统计局工作要点</a></li></ul>`);
  const titles = (html: string) => withGenericPaging({ items: parseListItems(html, 'http://a.gov.cn/nb/2024/'), next: [] }, html, 'http://a.gov.cn/nb/2024/').items.filter((i) => /\d\.htm$/.test(i.url)).map((i) => i.title);
  assert.deepEqual(titles(list('<a href="/nb/2024/" class="on">2024年度</a><a href="/nb/2023/">2023年度</a>')), ['某市财政局政府信息公开工作年度报告（2024年度）', '某市教育局2024年政府信息公开工作年度报告', '某市统计局工作要点']);
  // No selected year, or two: the title is left as it is (and stays no report).
  assert.equal(titles(list('<a href="/nb/2024/">2024年度</a><a href="/nb/2023/">2023年度</a>'))[0], '某市财政局政府信息公开工作年度报告');
  assert.equal(titles(list('<h3>2024年度</h3><h4>2023年度</h4>'))[0], '某市财政局政府信息公开工作年度报告');
});

test('a report body that names its own report gives the year when the titles and the statistics period do not', () => {
  assert.equal(yearNamedInBody('根据《条例》规定，现公布某局2023年政府信息公开工作年度报告。本年度……'), 2023);
  assert.equal(yearNamedInBody('现将某局二〇二二年度政府信息公开工作报告公布如下'), 2022);
  // Two different years named (a report quoting last year's): no year.
  assert.equal(yearNamedInBody('某局2023年政府信息公开工作年度报告……与2022年政府信息公开工作年度报告相比'), null);
  assert.equal(yearNamedInBody('一、总体情况 本年度共收到申请2件'), null);
});

test('a page that only redirects (meta refresh, or a script setting location on a page without links) is read at its target', () => {
  const url = 'http://a.gov.cn/nb/';
  assert.deepEqual(listElsewhereLinks('<html><head><meta http-equiv="Refresh" content="0; URL=/nb/go.html"></head><body></body></html>', url, []), ['http://a.gov.cn/nb/go.html']);
  assert.deepEqual(listElsewhereLinks(`<html><head><script>window.location.href='list.jsp';</script></head><body></body></html>`, url, []), ['http://a.gov.cn/nb/list.jsp']);
  assert.deepEqual(listElsewhereLinks(`<html><head><script>location.replace("/nb/list.jsp")</script></head><body></body></html>`, url, []), ['http://a.gov.cn/nb/list.jsp']);
  // A page with links of its own whose script goes somewhere on a click is no redirect; nor is another host.
  assert.deepEqual(listElsewhereLinks(`<html><body><a href="/a.html">首页</a><script>function go(){ location.href='/x.html'; }</script></body></html>`, url, []), []);
  assert.deepEqual(listElsewhereLinks('<html><head><meta http-equiv="refresh" content="0;url=http://spam.example.com/"></head></html>', url, []), []);
});
