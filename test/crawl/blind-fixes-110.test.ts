/**
 * The discovery fixes blind rounds 110-112 called for (docs/blind-portals.md, "Rounds 110-111", "Round 112"), each on its own small
 * page so a regression names its cause. The handler paths (a pager turned in the browser no longer dropping the page's
 * links to other lists; a page reached by a year link that is a report itself, its crumb's unit name aside; a menu of
 * hash routes and a tree in a frame chosen in the browser) are exercised end to end by the blind parts
 * (blind-portals*.test.ts: taishun, liannan, yilan) and by unit-choices.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { agencyColumnsOf } from '../../src/crawl/families/agency-links.ts';
import { scriptLoadsData } from '../../src/crawl/families/detect.ts';
import { nextPageUrl } from '../../src/crawl/families/pager.ts';
import { directoryUnitLinks, listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import type { ListItem } from '../../src/crawl/list-page.ts';

const page = (title: string, body: string, crumb = '') =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="pos">您当前的位置：<a href="/">首页</a> &gt; ${crumb}</div>${body}</body></html>`;
const report = (agency: string, year: number, url: string): ListItem => ({ title: `${agency}${year}年政府信息公开工作年度报告`, url, date: `${year + 1}-01-20`, isFile: false });

test("an old 年报 column's note saying from which year the reports are published on the platform, by its name: its link is a list of the column's (round 110a)", () => {
  const url = 'http://www.qs.example/zwgk/xxgknb/index.shtml';
  const note = '<p class="tip">自2022年起，政府信息公开年报在<a href="http://xxgk.qs.example/xzf/zfxxgknb_31640/index.shtml">某县政府信息公开平台</a>发布。</p><ul><li><a href="./202102/t20210203_1.shtml">某县人民政府2020年政府信息公开工作年度报告</a></li></ul>';
  assert.ok(subColumnLinks(page('政府信息公开年报', note), url).includes('http://xxgk.qs.example/xzf/zfxxgknb_31640/index.shtml'));
  // The same platform named in a sentence that sends no reader anywhere is no column of the reports.
  assert.deepEqual(subColumnLinks(page('政府信息公开年报', '<p>本网站是<a href="http://xxgk.qs.example/">某县政府信息公开平台</a>的组成部分，发布政府信息公开年报。</p>'), url), []);
});

test("a unit's view of a shared list (`?deptcode=`) keeps its note's link to the old site, which knows no such filter (round 110d)", () => {
  const url = 'http://www.ly.example/govxxgk/LYX/category/005/govlist.html?deptcode=LYX&categorynum=005&pageIndex=2';
  const note = '<p class="ewb-legacy-tip">说明：本平台自2022年启用，2021年及以前年度的政府信息公开工作年度报告请到<a href="http://old.ly.example/Article/ShowClass.asp?ClassID=35" target="_blank">旧版网站</a>查阅。</p>';
  assert.deepEqual(subColumnLinks(page('政府信息公开年报-某县人民政府', note), url), ['http://old.ly.example/Article/ShowClass.asp?ClassID=35']);
});

test("a 年报 list of the county's reports with a unit switcher ([切换单位]): the switcher leads to the units' directory (round 111a)", () => {
  const url = 'http://jz.example/public/column/6615731?type=4&catId=7151201&action=list';
  const html = page(
    '政府信息公开年报_某县人民政府',
    `<div class="unit-box"><h2>县政府</h2><a class="qhdw" href="/public/column/6615731?type=4&action=rel">[切换单位]</a></div>
<div id="xxgk_lmcon"><ul><li><a href="http://jz.example/public/6615731/1061696971.html">某县人民政府2024年政府信息公开工作年度报告</a></li>
<li><a href="http://jz.example/public/6615731/1061506915.html">某县人民政府2023年政府信息公开工作年度报告</a></li></ul></div>`,
  );
  const items = [report('某县人民政府', 2024, 'http://jz.example/public/6615731/1061696971.html'), report('某县人民政府', 2023, 'http://jz.example/public/6615731/1061506915.html')];
  assert.deepEqual(
    listElsewhere(html, url, items).filter((l) => l.directory),
    [{ url: 'http://jz.example/public/column/6615731?type=4&action=rel', directory: true }],
  );
  // A page with no switcher leads to no directory.
  assert.deepEqual(listElsewhere(html.replace('[切换单位]', '返回顶部'), url, items).filter((l) => l.directory), []);
});

test('a page reached as the units\' directory, its units grouped under captions of their kind (信息公开单位 > 县政府部门, 乡镇): each unit its page (round 111a)', () => {
  const url = 'http://jz.example/public/column/6615731?type=4&action=rel';
  const html = page(
    '信息公开单位_某县人民政府',
    `<div class="xxgk_dw"><div class="xxgk_title"><h3>信息公开单位</h3></div>
<div class="unit-group"><h4>县政府部门</h4><ul class="clearfix"><li><a href="/public/column/6615841?type=4&action=list&nav=3">县教育局</a></li><li><a href="/public/column/6615861?type=4&action=list&nav=3">县卫生健康委员会</a></li></ul></div>
<div class="unit-group"><h4>乡镇</h4><ul class="clearfix"><li><a href="/public/column/6616421?type=4&action=list&nav=3">天堂镇</a></li></ul></div>
<div class="xglj"><h4>友情链接</h4><ul><li><a href="http://jz.example/public/column/1?type=4">某市人民政府</a></li></ul></div></div>`,
  );
  const got = directoryUnitLinks(html, url).map((l) => [l.url.replace('http://jz.example', ''), l.columnAgency]);
  assert.deepEqual(got, [
    ['/public/column/6615841?type=4&action=list&nav=3', '县教育局'],
    ['/public/column/6615861?type=4&action=list&nav=3', '县卫生健康委员会'],
    ['/public/column/6616421?type=4&action=list&nav=3', '天堂镇'],
  ]);
  // Reached otherwise, a box captioned by a kind of unit may list anything (round 6a): not read as the units' pages.
  assert.deepEqual(listElsewhere(html, url, []).filter((l) => l.columnAgency), []);
});

test('a page named by a kind of unit alone (乡镇街办) listing the towns: each town its page (round 111c)', () => {
  const url = 'http://zz.example/xxgk/fdzdgknr/zfjg/xzjb/1.html';
  const html = page(
    '乡镇街办-某县人民政府',
    '<div class="m-lst-tit"><span>乡镇街办</span></div><ul class="m-xzjb"><li><a href="/xxgk/fdzdgknr/zfjg/xzjb/zyz/jgzn/1.html">竹林镇</a></li><li><a href="/xxgk/fdzdgknr/zfjg/xzjb/lgz/jgzn/1.html">楼台镇</a></li></ul>',
    '<a href="/xxgk/index.html">信息公开</a> &gt; <a href="/xxgk/fdzdgknr/zfjg/1.html">政府机构</a> &gt; 乡镇街办',
  );
  const got = listElsewhere(html, url, []).map((l) => [l.url.replace('http://zz.example', ''), l.columnAgency]);
  assert.deepEqual(got, [
    ['/xxgk/fdzdgknr/zfjg/xzjb/zyz/jgzn/1.html', '竹林镇'],
    ['/xxgk/fdzdgknr/zfjg/xzjb/lgz/jgzn/1.html', '楼台镇'],
  ]);
  // Named by something else (新闻中心), the same links are no directory.
  assert.deepEqual(listElsewhere(html.replace('乡镇街办-某县', '新闻中心-某县').replace('<span>乡镇街办</span>', '<span>新闻中心</span>'), url, []).filter((l) => l.columnAgency), []);
});

test("a department's own copy of the 年报 column linked by its name alone from the county's column menu (广东 gkmlpt, round 111d)", () => {
  const url = 'http://ln.example/gkmlpt/annualreport';
  const menu = `<div id="gkml-menu"><ul><li><a href="#3071">政府信息公开年报</a><ul><li><a href="#3072">本级年报</a></li><li><a href="#3073">部门年报</a></li>
<li><a href="#3075">部门专栏</a><ul><li><a href="/lnwsjkj/gkmlpt/annualreport" target="_blank">县卫生健康局</a></li></ul></li></ul></li></ul></div>
<div class="gd-footer"><p>相关链接：<a href="https://www.gd.example/">广东省人民政府</a> <a href="https://www.qy.example/">清远市人民政府</a></p></div>`;
  assert.deepEqual(agencyColumnsOf(page('政府信息公开年报 - 某县', menu), url), [{ url: 'http://ln.example/lnwsjkj/gkmlpt/annualreport', columnAgency: '县卫生健康局' }]);
  // Another path (the bureau's home) is not the column's copy: one unit's link alone is no directory.
  assert.deepEqual(agencyColumnsOf(page('政府信息公开年报 - 某县', menu.replace('/lnwsjkj/gkmlpt/annualreport', '/lnwsjkj/index.html')), url), []);
});

test("a column's inline script completing a query to load its portlets ('/eportal/ui?pageId=' + …): it loads data (round 112b)", () => {
  const script = `<script>function q(id, url) { var x = new XMLHttpRequest(); x.open('GET', url, true); x.send(null); }
var pageId = document.getElementById('pid').value; q('m1', '/eportal/ui?pageId=' + pageId + '&currentPage=1&moduleId=abc');</script>`;
  assert.equal(scriptLoadsData(`<html><body><div id="m1"></div>${script}</body></html>`), true);
  // A page sending its reader to a search with a query it completes, loading nothing, does not.
  assert.equal(scriptLoadsData(`<html><body><script>function go(k) { location.href = '/search?q=' + k; }</script></body></html>`), false);
});

test("an EasySite pager whose links lead nowhere but keep each page's address in `tagname` (round 112b)", () => {
  const url = 'http://sy.example/web/zwgk/zfxxgknb/qzf/7c1e4a9f-2.html';
  const a = (k: number, label: string) => `<a href="javascript:void(0)" tagname="/web/zwgk/zfxxgknb/qzf/7c1e4a9f-${k}.html" onclick="queryArticleByCondition(this,'/web/zwgk/zfxxgknb/qzf/7c1e4a9f-${k}.html')">${label}</a>`;
  const html = `<html><body><ul class="list"><li><a href="/a/1.html">某区人民政府2021年政府信息公开工作年度报告</a></li></ul><div class="list_page"><span>共21条　第2/3页</span>${a(1, '首页')}${a(1, '上一页')}${a(1, '1')}<a class="on">2</a>${a(3, '3')}${a(3, '下一页')}${a(3, '尾页')}</div></body></html>`;
  assert.equal(nextPageUrl(html, url), 'http://sy.example/web/zwgk/zfxxgknb/qzf/7c1e4a9f-3.html');
});

test("a bare-titled report in the government's column published by its office written 政府办 is the government's (round 112b)", () => {
  const c = Catalog.open(':memory:');
  try {
    const site = c.agencies.upsert({ name: '北京市顺义区人民政府', nameKey: '北京市顺义区人民政府', division: '110113', level: 'county', province: '北京市', city: null, county: '顺义区' });
    const got = new Attributor(c).attribute({ title: '２０２２年政府信息公开工作年度报告', publisher: '顺义区政府办', bodyText: '北京市顺义区人民政府2022年度政府信息公开工作年度报告 一、总体情况', siteAgency: site })!;
    assert.deepEqual([got.agency.name, got.year], ['北京市顺义区人民政府', 2022]);
  } finally {
    c.close();
  }
});
