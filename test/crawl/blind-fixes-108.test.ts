/**
 * The discovery fixes blind rounds 108-109 called for (docs/blind-portals.md, "Rounds 108-109"), each on its own small
 * page so a regression names its cause. The handler paths (a sub-column drawn by the seed shell's own script, the seed's
 * own list still drawn after a frame of its page was; units a drawn tree opens by script said) are exercised end to
 * end by the blind parts (blind-portals*.test.ts: yizheng, yilan).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { columnDrawnByScript } from '../../src/crawl/drawn-column.ts';
import { agencyColumnsOf, scriptUnitLinks } from '../../src/crawl/families/agency-links.ts';
import { scriptLoadsData, siteScripts } from '../../src/crawl/families/detect.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';

const page = (title: string, body: string, crumb = '') =>
  `<html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="pos">您当前的位置：<a href="/">首页</a> &gt; ${crumb}</div>${body}</body></html>`;

test('a directory named by a kind of unit under the 年报 column its breadcrumb names: each unit its column (round 109a)', () => {
  const url = 'http://ys.example/zwgk/zfxxgknbnew/xjbm/';
  const units = '<div class="lm-tit"><h2>县级部门</h2></div><ul><li><a href="./wsjkj/">某县卫生健康局</a></li><li><a href="./czj/">某县财政局</a></li><li><a href="./tjj/">某县统计局</a></li></ul>';
  const crumb = '<a href="/zwgk/">政务公开</a> &gt; <a href="../">政府信息公开年报</a> &gt; <a href="./">县级部门</a>';
  const got = agencyColumnsOf(page('县级部门-某县人民政府', units, crumb), url).map((c) => [c.url.replace('http://ys.example', ''), c.columnAgency]);
  assert.deepEqual(got, [
    ['/zwgk/zfxxgknbnew/xjbm/wsjkj/', '某县卫生健康局'],
    ['/zwgk/zfxxgknbnew/xjbm/czj/', '某县财政局'],
    ['/zwgk/zfxxgknbnew/xjbm/tjj/', '某县统计局'],
  ]);
  // The same page under another column (政务公开 > 县级部门: a directory of the units' sites) is no 年报 directory.
  assert.deepEqual(agencyColumnsOf(page('县级部门-某县人民政府', units, '<a href="/zwgk/">政务公开</a> &gt; <a href="./">县级部门</a>'), url), []);
});

test("a report page's attachment written by its template's script from a string is the page's file (round 109a)", () => {
  const url = 'http://ys.example/zwgk/zfxxgknbnew/xjbm/czj/202401/t20240119_2137780.html';
  const html = page(
    '某县财政局2023年政府信息公开工作年度报告',
    `<h1>某县财政局2023年政府信息公开工作年度报告</h1><div class="TRS_Editor"><p>现公开我局2023年度政府信息公开工作年度报告，具体内容详见附件。</p></div>
<div class="xgfj"><script type="text/javascript">
var sFjHtml = '<a href="./P020240119601843256721.pdf" title="年度报告.pdf">某县财政局2023年政府信息公开工作年度报告.pdf</a><br>';
if (sFjHtml != '') { document.write('<p class="fj-tit">相关附件：</p><p>' + sFjHtml.replace(/<br>$/, '') + '</p>'); }
</script></div>`,
  );
  assert.deepEqual(
    parseDetailPage(html, url).attachments.map((a) => a.url),
    ['http://ys.example/zwgk/zfxxgknbnew/xjbm/czj/202401/P020240119601843256721.pdf'],
  );
  // A page whose scripts write no link (a hit counter) is read as it is.
  assert.deepEqual(parseDetailPage(page('某县2023年报', '<p>正文</p><script>document.write("123")</script>'), url).attachments, []);
});

test("a sub-column loading the site script the seed's shell loads is drawn by it (round 108b's JPaaS unitbuild.js)", () => {
  const url = 'http://yz.example/zfxxgk/zfxxgknb/bmnb/index.html';
  const shell = page('部门年报', '<div class="list" querydata=\'{"pageId":"1748204"}\'></div><script src="/static/js/jquery.min.js"></script><script src="/static/js/unitbuild.js"></script>');
  const seedScripts = siteScripts(shell.replace('部门年报', '政府信息公开年报'), 'http://yz.example/zfxxgk/zfxxgknb/index.html');
  assert.deepEqual(seedScripts, ['/static/js/unitbuild.js'], 'the library is no site script');
  assert.equal(columnDrawnByScript(shell, url, true, false, seedScripts), true);
  // Another script than the seed's, or a link that did not name it a column: not by this rule.
  assert.equal(columnDrawnByScript(shell, url, true, false, ['/static/js/other.js']), false);
  assert.equal(columnDrawnByScript(shell, url, false, false, seedScripts), false);
});

test("a site function named for loading given the list's address loads data (round 109b's loadDynamic)", () => {
  const html = page('政府信息公开年报', `<div id="div1871">正在加载……</div><script src="/module/xxgk/script/dynamic.js"></script>
<script>var a = 'E09';
loadDynamic('/module/xxgk/search.jsp?infotypeId=' + a + '&area=414900101', 'div1871', '0', '1871', '1', '', '');</script>`);
  assert.equal(scriptLoadsData(html), true);
  assert.equal(scriptLoadsData(html.replace("loadDynamic('/module", "showTip('/module")), false);
});

test('a 年报 landing previewing its own list in a box with no caption: its 更多 is the whole list (round 108c)', () => {
  const url = 'http://ha.example/zwgk/zfxxgkzl/zfxxgknb/';
  const box = `<div class="nb_tab"><a href="./xzfnb/" class="on">县政府年报</a><a href="./bmnb/">部门年报</a></div><div class="list_box"><ul>
<li><a href="./xzfnb/202501/t1.htm">某县人民政府2024年政府信息公开工作年度报告</a></li><li><a href="./xzfnb/202501/t2.htm">关于做好2024年度政府信息公开工作年度报告编制和发布工作的通知</a></li>
<li><a href="./xzfnb/202402/t3.htm">关于《某县人民政府2023年度政府信息公开工作年度报告》部分数据的更正说明</a></li><li><a href="./xzfnb/202401/t4.htm">一图读懂某县人民政府2023年度政府信息公开工作年度报告</a></li>
<li><a href="./xzfnb/202401/t5.htm">某县人民政府2023年度政府信息公开工作年度报告</a></li></ul><a class="more" href="./xzfnb/">更多&gt;&gt;</a></div>`;
  assert.ok(subColumnLinks(page('政府信息公开年报', box), url).includes('http://ha.example/zwgk/zfxxgkzl/zfxxgknb/xzfnb/'));
  // On a page not about the reports, such a box's 更多 (two reports among five) is not followed.
  assert.ok(!subColumnLinks(page('最新信息', box.replace(/<div class="nb_tab">[\s\S]*?<\/div>/, '')), 'http://ha.example/zwgk/').includes('http://ha.example/zwgk/zfxxgkzl/zfxxgknb/xzfnb/'));
});

test("a 年报 column's note sending the reader to the old platform for the earlier years: its link is a list of the column's (round 108d)", () => {
  const url = 'http://gh.example/OpennessContent/showList/706/32891/page_1.html';
  const note = '<div class="is-colnote">本栏目发布本市政府信息公开工作年度报告。2021年及以前的年度报告请访问<a href="http://old.gh.example/opennessTarget/?branch_id=5c0e&topic_id=5c0f&page=1" target="_blank">原政府信息公开平台</a>查阅。</div>';
  assert.ok(subColumnLinks(page('政府信息公开年报', note), url).includes('http://old.gh.example/opennessTarget/?branch_id=5c0e&topic_id=5c0f&page=1'));
  // A link named for a platform in a sentence naming no report is none.
  assert.deepEqual(subColumnLinks(page('政府信息公开年报', '<p>办事请访问<a href="http://old.gh.example/">原政务服务平台</a>。</p>'), url), []);
});

test('units a drawn tree opens by script only are counted, so that the seed says them (round 109b)', () => {
  const tree = `<div class="dtree"><a href="javascript:parent.xxgkUnit('div1871','414900101','依兰县人民政府');">依兰县人民政府</a>
<a href="javascript:parent.xxgkUnit('div1871','414900102','依兰县教育局');">依兰县教育局</a><a href="javascript:parent.xxgkUnit('div1871','414900103','依兰县卫生健康局');">依兰县卫生健康局</a>
<a href="javascript:d.o(3);">部门</a></div>`;
  assert.equal(scriptUnitLinks(tree, 'http://yl.example/module/xxgk/tree.jsp'), 3);
  assert.equal(scriptUnitLinks('<a href="javascript:void(0)">大</a><a href="javascript:window.print()">打印</a>', 'http://yl.example/a.html'), 0);
});
