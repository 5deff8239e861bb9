/**
 * Round 76's changes (docs/blind-portals.md, round 76); the blind portals themselves are crawled whole by the blind
 * parts. Folders named by the year the reports went up; a query module choosing one report by unit and year; a 年报
 * column whose heading its script fills, named by the link leading to it; report pages saying they are loading; the
 * sub-columns of a drawn column tree.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Attributor } from '../../src/crawl/attribution.ts';
import { reportShownOnList } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { columnDrawnByScript } from '../../src/crawl/drawn-column.ts';
import { withColumnYear } from '../../src/crawl/families/column-year.ts';
import { namesReportColumn } from '../../src/crawl/families/report-column.ts';
import { yearFormOptions } from '../../src/crawl/families/year-form.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import type { ListItem } from '../../src/crawl/list-page.ts';
import { saysLoading } from '../../src/crawl/loading-sign.ts';
import { Catalog } from '../../src/catalog/catalog.ts';

const item = (title: string, url: string): ListItem => ({ title, url, date: null, isFile: false });

test('a folder named by the year its reports went up gives its yearless report the year before', () => {
  const folder = (titles: string[]) => `<html><body><div class="cls"><h3>2024年</h3><ul>${titles.map((t, i) => `<li><a href="/a/${i}.html">${t}</a></li>`).join('')}</ul></div></body></html>`;
  const titles = ['柳河县人民政府2023年度政府信息公开工作年度报告', '柳河县财政局2024年部门预算', '柳河县民政局政府信息公开工作年度报告'];
  const items = titles.map((t, i) => item(t, `http://gov.test/a/${i}.html`));
  // Its one dated report is of 2023: the folder is of the reports published in 2024.
  const read = withColumnYear(folder(titles), items, 'http://gov.test/ShowClass.asp?ClassID=77');
  assert.equal(read[2]!.title, '柳河县民政局政府信息公开工作年度报告（2023年度）');
  // A folder whose reports are of its own year gives that year, as before.
  const own = ['柳河县人民政府2024年度政府信息公开工作年度报告', '柳河县民政局政府信息公开工作年度报告'];
  const ownRead = withColumnYear(folder(own), own.map((t, i) => item(t, `http://gov.test/a/${i}.html`)), 'http://gov.test/ShowClass.asp?ClassID=81');
  assert.equal(ownRead[1]!.title, '柳河县民政局政府信息公开工作年度报告（2024年度）');
});

test('a title naming the year it was published in yields to the report its body names', () => {
  const c = Catalog.open(':memory:');
  try {
    const county = c.agencies.upsert({ name: '柳河县人民政府', nameKey: '柳河县人民政府', division: '220524', level: 'county', province: '吉林省', city: '通化市', county: '柳河县' });
    const body = '现将柳河县民政局二〇二三年度政府信息公开工作年度报告公布如下。一、总体情况 二、主动公开政府信息情况';
    const a = new Attributor(c).attribute({ title: '柳河县民政局政府信息公开工作年度报告（2024年度）', bodyText: body, published: '2024-01-26', siteAgency: county })!;
    assert.equal(a.year, 2023);
    // Published after the year its title names: the title stands.
    const b = new Attributor(c).attribute({ title: '柳河县民政局政府信息公开工作年度报告（2024年度）', bodyText: body, published: '2025-01-26', siteAgency: county })!;
    assert.equal(b.year, 2024);
  } finally {
    c.close();
  }
});

const MODULE = 'http://gov.test/module/xxgk/annualReport.jsp';
const modulePage = (report: string) => `<html><head><title>部门及乡镇年报</title></head><body>
<div class="crumb">当前位置：首页 &gt;&gt; 政府信息公开年报 &gt;&gt; 部门及乡镇年报</div>
<form method="get" action="/module/xxgk/annualReport.jsp">单位：<select name="area"><option value="001">海原县卫生健康局</option><option value="002">海原县财政局</option><option value="003">海城镇人民政府</option></select>
年度：<select name="fbtime"><option value="2024" selected>2024年</option><option value="2023">2023年</option></select><input type="submit" value="查 询"></form>
${report}</body></html>`;

test('a GET form choosing the unit and the year asks every unit for every year, the pair shown aside', () => {
  const $ = loadHtml(modulePage(''));
  const groups = yearFormOptions($, MODULE, (t) => /^\d{4}年$/.test(t.trim()));
  assert.equal(groups.length, 1);
  const asked = groups[0]!.map((o) => new URL(o.url).search).sort();
  assert.deepEqual(asked, ['?area=001&fbtime=2023', '?area=002&fbtime=2023', '?area=002&fbtime=2024', '?area=003&fbtime=2023', '?area=003&fbtime=2024']);
});

test("a page titled as its column that shows one report under its own heading is that report's page too", () => {
  const shown = modulePage(`<div class="nb-report"><h2>海城镇2024年政府信息公开工作年度报告</h2><div class="nb-attr">发布机构：海城镇人民政府　报告年度：2024年　发布日期：2025-01-24</div>
<div class="nb-con"><p>海城镇人民政府2024年政府信息公开工作年度报告已编制完成，请点击下方附件查阅。</p><p>附件：<a href="/uploadfiles/xxgk/202501/P1.pdf">海城镇2024年政府信息公开工作年度报告.pdf</a></p></div></div>`);
  const page = parseDetailPage(shown, `${MODULE}?area=003&fbtime=2024`);
  assert.equal(reportShownOnList(() => page, 0, shown), '海城镇2024年政府信息公开工作年度报告');
  // Its metadata line reads each label's own value.
  assert.equal(page.publisher, '海城镇人民政府');
  // A page listing reports, one with no report shown, or a page already titled as a report: none.
  assert.equal(reportShownOnList(() => page, 1, shown), null);
  const empty = modulePage('<div class="nb-empty">未查询到海城镇人民政府2022年度政府信息公开工作年度报告。</div>');
  assert.equal(reportShownOnList(() => parseDetailPage(empty, MODULE), 0, empty), null);
});

const SHELL_URL = 'http://www.blzq.gov.test/zwgk/zfxxgknb/';

test("a column whose script fills its heading is drawn when the link leading to it named it the 年报 column", () => {
  const shell = `<html><head><title>政务公开-巴林左旗人民政府</title></head><body><div class="pos">当前位置：<a href="/">首页</a> &gt; <span id="crumbName"></span></div>
<h2 id="chnlName"></h2><ul id="docList"></ul><button id="moreBtn">加载更多</button><script src="/zwgk/js/list.js?v=3"></script></body></html>`;
  assert.equal(columnDrawnByScript(shell, SHELL_URL), false, 'its own words name no column');
  assert.equal(columnDrawnByScript(shell, SHELL_URL, true), true);
  assert.equal(columnDrawnByScript(shell.replace('<script src="/zwgk/js/list.js?v=3"></script>', ''), SHELL_URL, true), false, 'no script loading a list');
});

test('a report page whose article box says it is loading is known for one its script draws', () => {
  assert.equal(saysLoading('<html><body><div class="nav"><a href="/">首页</a></div><div id="artBox"><p class="loading">正在加载…</p></div></body></html>'), true);
  assert.equal(saysLoading('<html><body><div id="zoom"><p>本年度门户网站完成改版，页面加载速度明显提升，信息发布更加及时。</p></div></body></html>'), false);
});

test('sub-columns named by their units (苏木, 嘎查) are columns of the reports', () => {
  for (const label of ['部门和苏木镇年报', '苏木镇年报', '嘎查年报']) assert.equal(namesReportColumn(label), true, label);
  for (const label of ['旗人民政府', '苏木镇', '部门预算']) assert.equal(namesReportColumn(label), false, label);
});
