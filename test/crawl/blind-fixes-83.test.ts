/**
 * Rounds 83-84's changes (docs/blind-portals.md, rounds 83-84): a league's (盟) or prefecture's (地区) bare name is its
 * 行政公署; a site script standing where a list would be draws it; a box captioned by a kind of unit showing one
 * report among corrections leads on; a row of units' tabs captioned in its first cell leads to their columns; a side
 * menu of the units' disclosure pages is no index of their reports; a folder's stale cached copy is read with its index
 * file. (The fetcher's hop through a site's old name is tested in test/download/fetcher.test.ts.) Round 85's: a
 * publisher cell followed by the page's 【打印】 control still names the publisher.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { governmentOf } from '../../src/crawl/attribution.ts';
import { publisherName } from '../../src/crawl/classify/agency.ts';
import { titleAgencyLinks } from '../../src/crawl/families/agency-links.ts';
import { scriptLoadsData } from '../../src/crawl/families/detect.ts';
import { folderIndexPage } from '../../src/crawl/families/first-page.ts';
import { listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';

test('a league’s or a prefecture’s bare name stands for its 行政公署', () => {
  assert.equal(governmentOf('阿拉善盟'), '阿拉善盟行政公署');
  assert.equal(governmentOf('阿里地区'), '阿里地区行政公署');
  assert.equal(governmentOf('鄂尔多斯市'), '鄂尔多斯市人民政府');
  assert.equal(governmentOf('内蒙古自治区'), '内蒙古自治区人民政府');
});

test('a site script standing where a list would be (a box holding no link) draws the list', () => {
  const page = (box: string) => `<html><head><script src="/js/jquery.min.js"></script></head><body><div class="nav"><a href="/">首页</a></div>${box}<div class="footer"><script src="/js/count.js"></script></div></body></html>`;
  assert.equal(scriptLoadsData(page('<div class="right"><div class="rt"><span>区政府部门年报</span></div><script type="text/javascript" src="/node2/n1215/n1216/index.js"></script></div>')), true);
  assert.equal(scriptLoadsData(page('<div class="right"><script src="/js/jquery.min.js"></script></div>')), false, 'a library');
  assert.equal(scriptLoadsData(page('<div class="right"><ul><li><a href="/a.html">某区2024年政府信息公开工作年度报告</a></li></ul><script src="/js/tab.js"></script></div>')), false, 'beside the list it does not write');
  assert.equal(scriptLoadsData(page('')), false, 'in the footer');
});

test('a box captioned by a kind of unit showing one report among corrections and 一图读懂 leads to that sub-column', () => {
  const url = 'http://gov.test/zwgk/xxgk/xxgknb/2024/';
  const page = `<html><head><title>2024年度政府信息公开工作年度报告</title></head><body><h2>2024年度政府信息公开工作年度报告</h2>
<div class="nb-block"><h3>县直部门<a class="more" href="./xzbm/">更多&gt;&gt;</a></h3><ul>
<li><a href="./xzbm/t1.shtml">关于某县卫生健康局2024年政府信息公开工作年度报告的更正说明</a></li>
<li><a href="./xzbm/t2.shtml">一图读懂某县教育局2024年政府信息公开工作年度报告</a></li>
<li><a href="./xzbm/t3.shtml">某县教育局2024年政府信息公开工作年度报告</a></li>
<li><a href="./xzbm/t4.shtml">某县住房和城乡建设局2024年法治政府建设年度报告</a></li></ul></div>
<div class="nb-block"><h3>乡镇<a class="more" href="./xz/">更多&gt;&gt;</a></h3><ul><li><a href="./xz/t5.shtml">某镇2025年政务公开工作要点</a></li></ul></div></body></html>`;
  const links = subColumnLinks(page, url);
  assert.ok(links.includes('http://gov.test/zwgk/xxgk/xxgknb/2024/xzbm/'), links.join(', '));
  // Since round 96c, on a page of the reports a box captioned by a kind of unit leads to its sub-column whatever its
  // newest items are (a year folder's 区政府部门 box showing a correction first); off such a page, not (blind-fixes-96).
  assert.ok(links.includes('http://gov.test/zwgk/xxgk/xxgknb/2024/xz/'), 'a box showing no report, on a page of the reports');
});

test('a row of units’ tabs captioned in its first cell leads to each unit’s column', () => {
  const url = 'http://gov.test/ldxxgk/xzf/21410/21433/list.htm';
  const page = `<html><head><title>政府信息公开年报</title></head><body>
<table class="dwtab"><tr><td class="tt">各单位政府信息公开年报：</td><td class="on">县政府</td><td><a href="/ldxxgk/jyj/22510/22547/list.htm">县教育局</a></td><td><a href="/ldxxgk/wjw/23870/23902/list.htm">县卫生健康委员会</a></td></tr></table>
<table class="bor1"><tr><td><a href="../../202503/t20250328_1.htm">某县人民政府2024年政府信息公开工作年度报告</a></td></tr></table></body></html>`;
  const items = [{ title: '某县人民政府2024年政府信息公开工作年度报告', url: 'http://gov.test/ldxxgk/xzf/202503/t20250328_1.htm', date: null, isFile: false }];
  assert.deepEqual(
    listElsewhere(page, url, items).filter((l) => l.columnAgency).map((l) => l.columnAgency),
    ['县教育局', '县卫生健康委员会'],
  );
});

test('a report page titled by a year alone does not make its side menu of units’ disclosure pages an index of their reports', () => {
  const url = 'http://gov.test/ldxxgk/jyj/202501/t20250123_1.htm';
  const page = `<html><head><title>2024年政府信息公开工作年度报告</title></head><body>
<table class="tree"><tr><td class="tt">部门信息公开</td></tr><tr><td><a href="/ldxxgk/xzf/index.htm">某县人民政府</a></td></tr><tr><td><a href="/ldxxgk/jyj/index.htm">某县教育局</a></td></tr><tr><td><a href="/ldxxgk/wjw/index.htm">某县卫生健康委员会</a></td></tr></table>
<h1>2024年政府信息公开工作年度报告</h1><p>附件：<a href="./P1.pdf">2024年政府信息公开工作年度报告.pdf</a></p></body></html>`;
  const items = ['某县人民政府', '某县教育局', '某县卫生健康委员会'].map((t, i) => ({ title: t, url: `http://gov.test/ldxxgk/${['xzf', 'jyj', 'wjw'][i]}/index.htm`, date: null, isFile: false }));
  assert.deepEqual(titleAgencyLinks(page, items, url).map((i) => i.title), ['某县人民政府', '某县教育局', '某县卫生健康委员会']);
  // Under a heading naming the year's units' reports, the same names are those reports.
  const index = page.replace('<td class="tt">部门信息公开</td>', '<td class="tt">2024年度部门政府信息公开工作年度报告</td>');
  assert.equal(titleAgencyLinks(index, items.map((i) => ({ ...i })), url)[1]!.title, '某县教育局2024年政府信息公开工作年度报告');
});

test('a folder whose pager names its first page by the folder’s index file: that address', () => {
  const page = (pager: string) => `<html><body><div class="crumb"><a href="/">首页</a></div><ul><li><a href="./202404/t1.shtml">某县2023年政府信息公开工作年度报告</a></li></ul><div class="pages">${pager}</div></body></html>`;
  const url = 'http://gov.test/xxgk/zfxxgknb/';
  assert.equal(folderIndexPage(page('共11条 第1/2页 <a href="index.shtml">首页</a><span>上一页</span><a href="index_1.shtml">下一页</a>'), url), 'http://gov.test/xxgk/zfxxgknb/index.shtml');
  assert.equal(folderIndexPage(page('<a href="index_1.shtml">下一页</a>'), url), null, 'the site’s 首页 is no first page of the list');
  assert.equal(folderIndexPage(page('<a href="index.shtml">首页</a>'), 'http://gov.test/xxgk/zfxxgknb/index.shtml'), null, 'asked by its file already');
});

test('a publisher line followed by the page’s controls in brackets (【打印】) names the publisher', () => {
  assert.equal(publisherName('巴河镇人民政府 【打印】'), '巴河镇人民政府');
  assert.equal(publisherName('某县教育局 [关闭]'), '某县教育局');
  assert.equal(publisherName('某县教育局 浏览次数：12'), '某县教育局');
});
