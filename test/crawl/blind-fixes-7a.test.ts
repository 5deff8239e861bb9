/**
 * The discovery fixes the seventh round (a) of blind portals called for (docs/blind-portals.md), each on its own
 * small page so a regression names its cause; the last two through a crawl of a tiny site.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { reportOfPart } from '../../src/crawl/classify/title.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const page = (body: string, title: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const url = 'http://a.gov.cn/xxgk/ndbg/index.html';

function read(html: string, at = url) {
  const result = withGenericPaging({ items: parseListItems(html, at), next: [] }, html, at);
  return { next: result.next.map((n) => n.url), agencies: result.next.map((n) => n.columnAgency ?? null), items: result.items };
}

test('table rows that open by a data attribute (<tr data-href>) are items, titled by their subject cell, not their date', () => {
  const html = page(
    `<table><tr><th>序号</th><th>标题</th><th>发布机构</th><th>发布日期</th></tr>
<tr data-href="./202401/t20240126_1105.html"><td>1</td><td>2023年政府信息公开工作年度报告</td><td>某市生态环境局</td><td>2024-01-26</td></tr>
<tr data-url="/xxgk/ndbg/202501/t20250312_1107.html"><td>2</td><td>2025年工作要点</td><td>2025-03-12</td></tr>
<tr onclick="location.href='./202301/t20230118_1103.html'"><td>3</td><td>年报</td><td>2023-01-18</td></tr></table>`,
    '政府信息公开年报',
  );
  const items = parseListItems(html, url);
  assert.deepEqual(
    items.map((i) => [i.title, i.url, i.date]),
    [
      ['2023年政府信息公开工作年度报告', 'http://a.gov.cn/xxgk/ndbg/202401/t20240126_1105.html', '2024-01-26'],
      ['2025年工作要点', 'http://a.gov.cn/xxgk/ndbg/202501/t20250312_1107.html', '2025-03-12'],
    ],
  );
  // A list container naming its API in a data attribute is no item.
  assert.deepEqual(parseListItems(page('<div id="list" data-url="/api/list.json"><p>加载中……请稍候</p></div>', '年报'), url), []);
});

const grid = (heading: string, host = 'a.gov.cn') =>
  page(
    `<div class="box"><h3>${heading}</h3><table><tr><th>单位</th><th>2023年</th><th>2022年</th></tr>
<tr><th>某区人民政府</th><td><a href="/r.jsp?url=%2Fa%2F1.html">2023年度</a></td><td><a href="//${host}/a/2.html">2022年度</a></td></tr>
<tr><th>某区财政局</th><td><a href="/a/3.html">2023年度</a></td><td>—</td></tr>
<tr><th>预算公开</th><td><a href="/a/4.html">2023年度</a></td><td><a href="/a/5.html">2022年度</a></td></tr></table></div>`,
    heading,
  );

test("a grid's year cell under a neutral heading is a maybe: its page decides; under a 年报 heading it is the report", () => {
  const neutral = parseListItems(grid('信息公开'), 'http://a.gov.cn/xxgk/');
  assert.deepEqual(
    neutral.map((i) => [i.title, i.url, i.maybe ?? false]),
    [
      ['某区人民政府2023年', 'http://a.gov.cn/r.jsp?url=%2Fa%2F1.html', true],
      ['某区人民政府2022年', 'http://a.gov.cn/a/2.html', true],
      ['某区财政局2023年', 'http://a.gov.cn/a/3.html', true],
      // A row that names no agency is not worth a fetch.
      ['预算公开2023年', 'http://a.gov.cn/a/4.html', false],
      ['预算公开2022年', 'http://a.gov.cn/a/5.html', false],
    ],
  );
  const named = parseListItems(grid('政府信息公开工作年度报告'), 'http://a.gov.cn/xxgk/');
  assert.ok(named.every((i) => !i.maybe), JSON.stringify(named));
  assert.match(named[0]!.title, /^某区人民政府2023年度政府信息公开工作年度报告/);
});

test('sub-columns named by their part (往年年报, 部门年报) are list pages even beside a listed report', () => {
  const html = page(
    `<ul class="tab-nav"><li class="on"><a href="/xxgk/ndbg/index.html">本年度</a></li><li><a href="/xxgk/ndbg/wn/index.html">往年年报</a></li><li><a href="/xxgk/ndbg/bm/">部门年报</a></li><li><a href="/xxgk/ndbg/xz/">乡镇街道年度报告</a></li></ul>
<ul class="list"><li><a href="/xxgk/ndbg/202501/t1.html">某市人民政府2024年政府信息公开工作年度报告</a></li></ul>
<div class="side"><a href="/xxgk/gzyd/">政务公开工作要点</a><a href="/xxgk/ndbg/bm/nb.pdf">部门年报</a><a href="http://b.gov.cn/nb/">往年年报</a></div>`,
    '政府信息公开年报',
  );
  const r = read(html);
  assert.deepEqual(r.next, ['http://a.gov.cn/xxgk/ndbg/wn/index.html', 'http://a.gov.cn/xxgk/ndbg/bm/', 'http://a.gov.cn/xxgk/ndbg/xz/']);
  assert.deepEqual(
    r.items.map((i) => i.title),
    // The tabs are not items; a file or another host's page so labelled stays an item, as any link.
    ['某市人民政府2024年政府信息公开工作年度报告', '政务公开工作要点', '部门年报', '往年年报'],
  );
});

test('a tab naming the older years only (往年, 历年) is a sub-column on a page about the annual reports, not elsewhere', () => {
  const tabs = (title: string) =>
    page(
      `<ul class="tabs"><li class="on"><a href="/xxgk/ndbg/index.html">本年度</a></li><li><a href="/xxgk/ndbg/wn/">往年</a></li></ul>
<ul><li><a href="/xxgk/ndbg/202501/t1.html">某市人民政府2024年政府信息公开工作年度报告</a></li></ul>`,
      title,
    );
  assert.deepEqual(read(tabs('政府信息公开年报_某市人民政府')).next, ['http://a.gov.cn/xxgk/ndbg/wn/']);
  assert.deepEqual(read(tabs('通知公告_某市人民政府')).next, []);
});

test("a column tree's 年报 node (a frame of links named by the agency) leads to each agency's column, with its agency", () => {
  const tree = (caption: string) =>
    page(
      `<div class="tree"><ul><li><a href="zn.html" target="main">政府信息公开指南</a></li>
<li><span>法定主动公开内容</span><ul><li><a href="zcwj.html" target="main">政策文件</a></li></ul></li>
<li><span>${caption}</span><ul><li><a href="nb/bj/list.html" target="main">区政府</a></li><li><a href="nb/jyj/list.html" target="main">区教育局</a></li></ul></li></ul></div>`,
      '栏目导航',
    );
  const at = 'http://a.gov.cn/xxgk/tree.html';
  const r = read(tree('政府信息公开年报'), at);
  assert.deepEqual(r.next, ['http://a.gov.cn/xxgk/nb/bj/list.html', 'http://a.gov.cn/xxgk/nb/jyj/list.html']);
  assert.deepEqual(r.agencies, ['区政府', '区教育局']);
  // Agency links captioned otherwise (the departments' sites) lead nowhere.
  assert.deepEqual(read(tree('部门网站'), at).next, []);
  assert.deepEqual(read(tree('2023年度年报'), at).next, []);
});

test("a report's part published apart (…年度报告附件：统计表) names the report it belongs to; a table with no report title names none", () => {
  assert.equal(reportOfPart('某市水务局2023年政府信息公开工作年度报告附件：统计表'), '某市水务局2023年政府信息公开工作年度报告');
  assert.equal(reportOfPart('某县人民政府2023年政府信息公开工作年度报告（附表）'), '某县人民政府2023年政府信息公开工作年度报告');
  assert.equal(reportOfPart('某市水务局2023年政府信息公开工作年度报告'), null);
  assert.equal(reportOfPart('政府信息公开申请办理情况统计表'), null);
  assert.equal(reportOfPart('关于报送2023年政府信息公开工作年度报告的通知附件'), null);
});

test("a report page naming its agency only in the breadcrumb is that agency's, after its title, publisher and heading", () => {
  const detail = (crumbs: string, publisher = '本网') =>
    page(`<div class="position">当前位置：<a href="/">首页</a> &gt; ${crumbs}</div><h1>2024年度政府信息公开工作年度报告</h1><div class="info">来源：${publisher}</div><div id="zoom"><p>现公布我局2024年政府信息公开工作年度报告。</p>${REPORT_BODY}</div>`, '2024年度政府信息公开工作年度报告');
  const at = 'http://a.gov.cn/kcq/xxgk/nb/jyj/5531.html';
  assert.equal(parseDetailPage(detail('<a href="/nb/">政府信息公开年报</a> &gt; <a href="list.html">柯城区教育局</a> &gt; 正文'), at).crumbAgency, '柯城区教育局');
  // Led by its words only, no telling class; sections named like a centre are no agency.
  const led = page(`<div class="dh"><span>您现在的位置：首页 › 区教育局 › 年度报告</span></div><h1>年报</h1>`, 't');
  assert.equal(parseDetailPage(led, at).crumbAgency, '区教育局');
  assert.equal(parseDetailPage(detail('新闻中心 &gt; 正文'), at).crumbAgency, null);
  assert.equal(parseDetailPage(detail('政府信息公开 &gt; 年度报告 &gt; 正文'), at).crumbAgency, null);

  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({ name: '柯城区人民政府', nameKey: '柯城区人民政府', division: '330802', level: 'county', province: '浙江省', city: '衢州市', county: '柯城区' });
  const attributor = new Attributor(c);
  const edu = attributor.attribute({ title: '2024年度政府信息公开工作年度报告', publisher: '本网', crumbAgency: '区教育局', siteAgency: site })!;
  assert.deepEqual([edu.agency.name, edu.year, edu.discovered], ['柯城区教育局', 2024, true]);
  // The page's publisher wins over its breadcrumb.
  const named = attributor.attribute({ title: '2024年度政府信息公开工作年度报告', publisher: '柯城区卫生健康局', crumbAgency: '区教育局', siteAgency: site })!;
  assert.equal(named.agency.name, '柯城区卫生健康局');
  c.close();
});

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

const article = (title: string, publisher: string, body: string) =>
  page(`<h1 class="article-title">${title}</h1><div class="info">发布机构：${publisher}</div><div id="zoom">${body}</div>`, title);
const REPORT_BODY = '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>';

test('a crawl of a frameset seed whose neutral grid sits in a frame beside a script-less banner: reports verified by their pages, no browser', { timeout: 180_000 }, async () => {
  const server = await startServer((req, res) => {
    const u = req.url ?? '/';
    if (u === '/xxgk/index.html') return send(res, '<html><head><title>信息公开</title></head><frameset rows="100,*"><frame src="top.html"><frame src="main.html" name="main"></frameset></html>');
    if (u === '/xxgk/top.html') return send(res, page('<img src="/banner.jpg" alt="某区信息公开">', 'top'));
    if (u === '/xxgk/main.html') return send(res, grid('信息公开', String(req.headers.host)));
    if (u.startsWith('/r.jsp?url=')) {
      res.writeHead(302, { location: decodeURIComponent(u.slice('/r.jsp?url='.length)) });
      return void res.end();
    }
    if (u === '/a/1.html') return send(res, article('某区人民政府2023年政府信息公开工作年度报告', '某区人民政府', REPORT_BODY));
    if (u === '/a/2.html') return send(res, article('某区人民政府2022年政府信息公开工作年度报告', '某区人民政府', REPORT_BODY));
    if (u === '/a/3.html') return send(res, article('某区财政局2023年部门决算公开', '某区财政局', '<p>一、部门基本情况</p>'));
    return send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某区人民政府\n    entries:\n      - url: ${server.origin}/xxgk/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const summary = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
      assert.deepEqual(catalog.reports.all().map((r) => r.year).sort(), [2022, 2023]);
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed!.status, 'ok', seed!.reason ?? '');
      assert.equal(seed!.reportItems, 2);
      // The banner frame, short and without a script, is no shell for the browser to draw.
      assert.equal(seed!.usedBrowser, false);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
