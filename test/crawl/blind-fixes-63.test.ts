/**
 * Round 63's changes (docs/blind-portals.md, round 63); the blind portals themselves are crawled whole by the blind
 * parts (longde's canvas timeline in the browser). The older years behind 点击查看更多往年年报; a frozen column's 点击进入
 * to the new one; a pager answered 300 Multiple Choices; a 下载中心 page as the seed; years listed only in an answer;
 * titles escaped twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageOfferingReport } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { findJsonList } from '../../src/crawl/learn/list-shape.ts';
import { answeredYears, yearParam } from '../../src/crawl/learn/year-tabs.ts';
import { firstChoice } from '../../src/download/multiple-choices.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

const column = (main: string) => `<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2>${main}</body></html>`;

test('a note sending the reader to the older or the newer years leads there; a report row\'s 点击查看 does not', () => {
  const archive = column('<ul><li><a href="./202501/t1.shtml">仙桃市2024年政府信息公开工作年度报告</a></li></ul><p class="old-note">2020年及以前年度的政府信息公开工作年度报告已随网站改版归档，<a href="../../xxgk/gknb/index.shtml">点击查看更多往年年报</a></p>');
  assert.deepEqual(subColumnLinks(archive, 'http://gov.test/zwgk/zfxxgknb/index.shtml'), ['http://gov.test/xxgk/gknb/index.shtml']);
  const frozen = column('<div class="stop-tip">温馨提示：本平台已于2022年1月停止更新。2022年以后发布的政府信息公开工作年度报告，请访问新版“政府信息公开”专栏。<a href="/col/col30657/index.html">点击进入&gt;&gt;</a></div><table><tr><td><a href="/xxgk/3.jhtml">汶上县2021年政府信息公开工作年度报告</a></td></tr></table>');
  assert.deepEqual(subColumnLinks(frozen, 'http://gov.test/xxgk/zfxxgknb/index.jhtml'), ['http://gov.test/col/col30657/index.html']);
  const row = column('<ul><li>汶上县2023年政府信息公开工作年度报告 <a href="/art/2024/1/21/art_1.html">点击查看</a></li><li>汶上县2022年政府信息公开工作年度报告 <a href="/art/2023/1/20/art_2.html">点击进入</a></li></ul>');
  assert.deepEqual(subColumnLinks(row, 'http://gov.test/col/col30657/index.html'), []);
});

test("a 300 page's first same-host choice is where a reader goes", () => {
  const body = Buffer.from('<html><body><h1>Multiple Choices</h1>Available documents:<ul><li><a href="/xxgk/zfxxgknb/list_2.htm">/xxgk/zfxxgknb/list_2.htm</a> (common basename)</li><li><a href="/xxgk/zfxxgknb/list_2.html">/xxgk/zfxxgknb/list_2.html</a></li></ul><address>Apache/2.2.15 Server at gov.test</address></body></html>');
  assert.equal(firstChoice(body, 'http://gov.test/xxgk/zfxxgknb/list_2'), 'http://gov.test/xxgk/zfxxgknb/list_2.htm');
  assert.equal(firstChoice(Buffer.from('<a href="http://other.test/a.htm">a</a><a href="#x">x</a>'), 'http://gov.test/list_2'), null);
});

test('a page offering one report\'s file is about that report; the report\'s own page is not', () => {
  const offer = `<html><head><title>会宁县人民政府2023年政府信息公开工作年度报告</title></head><body><h1>会宁县人民政府2023年政府信息公开工作年度报告</h1><table><tr><th>文件名称</th><td>会宁县人民政府2023年政府信息公开工作年度报告.pdf</td></tr><tr><th>文件大小</th><td>386.2 KB</td></tr></table><a href="javascript:;" onclick="downFile(1,'/f.pdf')">点击下载</a></body></html>`;
  assert.match(pageOfferingReport(parseDetailPage(offer, 'http://gov.test/hnx/c108590/202402/1845123.shtml'), 1) ?? '', /^会宁县人民政府2023年政府信息公开工作年度报告/);
  const report = detail('会宁县人民政府', { title: '会宁县人民政府2023年政府信息公开工作年度报告', publisher: '会宁县人民政府', date: '2024-01-26', body: reportText('会宁县人民政府', '2023年度') });
  assert.equal(pageOfferingReport(parseDetailPage(report, 'http://gov.test/hnx/c118607/202401/1.shtml'), 1), null);
});

test('years listed only in an answer stand for year tabs; titles escaped twice are read decoded', () => {
  const years = JSON.stringify({ status: 1, years: ['2019', '2020', '2021', '2022', '2023', '2024'] });
  assert.deepEqual([...answeredYears([years, '{"list":[{"title":"x","year":"2024"}]}', 'not json'])].sort(), [2019, 2020, 2021, 2022, 2023, 2024]);
  const request = { url: 'http://gov.test/e/extend/nianbao/api.php?act=list&classid=37&year=2024&page=1&pagesize=4', method: 'GET', body: null, contentType: null };
  assert.deepEqual(yearParam(request, '<html><body><canvas></canvas></body></html>', [years])?.others, [2023, 2022, 2021, 2020, 2019]);
  assert.equal(yearParam(request, '<html><body><canvas></canvas></body></html>', []), null);
  const answer = { list: [{ title: '\\u9686\\u5fb7\\u53bf2021\\u5e74\\u653f\\u5e9c\\u4fe1\\u606f\\u516c\\u5f00\\u5de5\\u4f5c\\u5e74\\u5ea6\\u62a5\\u544a', titleurl: '/zwgk/zfxxgknb/2022-01-20/12.html' }, { title: '隆德县2024年政府信息公开工作年度报告', titleurl: '/zwgk/zfxxgknb/2025-01-20/40.html' }] };
  assert.deepEqual(findJsonList(answer, 'http://gov.test/e/extend/nianbao/api.php')?.items.map((i) => i.title), ['隆德县2021年政府信息公开工作年度报告', '隆德县2024年政府信息公开工作年度报告']);
});

test('a pager answered 300 Multiple Choices is read at its first choice; a 下载中心 page as the seed finds the column', { timeout: 300_000 }, async () => {
  const site = '靖宇县人民政府';
  const report = (year: number) => detail(site, { title: `${site}${year}年政府信息公开工作年度报告`, publisher: site, date: `${year + 1}-01-20`, body: reportText(site, `${year}年度`) });
  const row = (year: number) => `<li><a href="/xxgk/zfxxgknb/${year}.htm">${site}${year}年政府信息公开工作年度报告</a></li>`;
  const choices: BlindPortal = {
    id: 'choices',
    pattern: 'a pager whose extensionless links Apache answers 300 Multiple Choices',
    agency: { name: site, division: '220622', level: 'county', province: '吉林省', city: '白山市', county: '靖宇县' },
    seedPath: '/xxgk/zfxxgknb/index.html',
    expected: [2024, 2023, 2022].map((year) => ({ agency: site, year })),
    routes: {
      'GET /xxgk/zfxxgknb/index.html': { body: page(site, '政府信息公开年报', `<ul>${row(2024)}${row(2023)}</ul><div class="page">共3条 第1/2页 <a href="list_2">下一页</a> <a href="list_2">尾页</a></div>`) },
      'GET /xxgk/zfxxgknb/list_2': {
        status: 300,
        type: 'text/html; charset=iso-8859-1',
        body: '<html><head><title>300 Multiple Choices</title></head><body><h1>Multiple Choices</h1>Available documents:<ul><li><a href="/xxgk/zfxxgknb/list_2.htm">/xxgk/zfxxgknb/list_2.htm</a> (common basename)</li></ul></body></html>',
      },
      'GET /xxgk/zfxxgknb/list_2.htm': { body: page(site, '政府信息公开年报', `<ul>${row(2022)}</ul><div class="page">共3条 第2/2页 <a href="index.html">首页</a></div>`) },
      'GET /xxgk/zfxxgknb/2024.htm': { body: report(2024) },
      'GET /xxgk/zfxxgknb/2023.htm': { body: report(2023) },
      'GET /xxgk/zfxxgknb/2022.htm': { body: report(2022) },
    },
  };
  const county = '会宁县人民政府';
  const offer = (year: number) =>
    page(county, `${county}${year}年政府信息公开工作年度报告`, `<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/xzzx/">下载中心</a></div><h1>${county}${year}年政府信息公开工作年度报告</h1><table><tr><th>文件名称</th><td>${county}${year}年政府信息公开工作年度报告.pdf</td></tr><tr><th>文件大小</th><td>386.2 KB</td></tr></table><p><a href="javascript:;" onclick="downFile(1845123,'/files/${year}nb.pdf')">点击下载</a></p>`, {
      crumbs: '<a href="/xzzx/">下载中心</a> &gt; 正文',
    });
  const download: BlindPortal = {
    id: 'download',
    pattern: "a 下载中心 page offering the 2023 report as the seed, the column under 政务公开",
    agency: { name: county, division: '620422', level: 'county', province: '甘肃省', city: '白银市', county: '会宁县' },
    seedPath: '/xzzx/1845123.html',
    flag: 'moved',
    expected: [2023, 2022].map((year) => ({ agency: county, year })),
    routes: {
      'GET /xzzx/1845123.html': { body: offer(2023) },
      'GET /': { body: page(county, '会宁县人民政府', '<ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/xzzx/">下载中心</a></li></ul>') },
      'GET /zwgk/': { body: page(county, '政务公开', '<ul><li><a href="/xxgk/nb/">政府信息公开年报</a></li></ul>') },
      'GET /xxgk/nb/': { body: page(county, '政府信息公开年报', `<ul>${[2023, 2022].map((y) => `<li><a href="/xxgk/nb/${y}.html">${county}${y}年政府信息公开工作年度报告</a></li>`).join('')}</ul>`) },
      'GET /xxgk/nb/2023.html': { body: detail(county, { title: `${county}2023年政府信息公开工作年度报告`, publisher: county, date: '2024-01-26', body: reportText(county, '2023年度') }) },
      'GET /files/2023nb.pdf': { type: 'application/pdf', body: textPdf([`${county}2023年政府信息公开工作年度报告`, '一、总体情况']) },
      'GET /xxgk/nb/2022.html': { body: detail(county, { title: `${county}2022年政府信息公开工作年度报告`, publisher: county, date: '2023-01-18', body: reportText(county, '2022年度') }) },
    },
  };
  const run = await crawlAsUser([choices, download]);
  try {
    assert.deepEqual(run.found.get('choices'), [`${site} 2022`, `${site} 2023`, `${site} 2024`]);
    assert.deepEqual(run.found.get('download'), [`${county} 2022`, `${county} 2023`]);
    const seed = run.seeds.find((s) => s.url.startsWith(run.portal.urls.download!));
    assert.deepEqual(seed?.flags, ['moved']);
  } finally {
    await run.portal.close();
  }
});
