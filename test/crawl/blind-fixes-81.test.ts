/**
 * Rounds 81-82's changes (docs/blind-portals.md, rounds 81-82): a table of units entered by 进入 links their columns; a
 * drawn page's drop-down of units' sub-sites is read (gkmlpt's 切换机构); a link with only an onclick is a script link;
 * 区政务服务办 is the district's, a bare district named as the site names its region; a web page of one script is no
 * document. (The fetcher's, the browser lane's and the frontier's changes are tested with them.) And the two silent
 * misses rounds 79-80 left open: a
 * unit's page filing its reports among its document columns (no 年报 column) leads on by those columns' 更多 (80c's
 * fengshan); a column's year blocks lead on by their 更多 whatever their newest items are, a report's page given as the
 * seed whose column above it listed the reports is no reason to explore the host; 县扶贫办 is the 扶贫开发办公室 (79c's
 * wangmo).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absoluteName } from '../../src/crawl/attribution.ts';
import { agencyColumnsOf } from '../../src/crawl/families/agency-links.ts';
import { listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { unreadScriptReportLinks } from '../../src/crawl/list-page.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { HostJars } from '../../src/crawl/host-jars.ts';
import { sniffMediaType } from '../../src/extract/sniff.ts';
import { statusOf } from '../../src/crawl/seed-review.ts';
import { columnAbove, SeedTallies } from '../../src/crawl/seed-tally.ts';
import { nameKey, spelledOut } from '../../src/registry/normalize.ts';

test("a unit's page filing its reports among its document columns leads on by each document column's 更多", () => {
  const url = 'http://gov.test/zwgk/bmxxgk/xzfb/';
  const box = (caption: string, col: string, titles: string[]) =>
    `<div class="unit-box"><div class="hd"><h3>${caption}</h3><a class="more" href="./${col}/">更多&gt;&gt;</a></div><ul>${titles.map((t, i) => `<li><a href="./${col}/t${i}.shtml">${t}</a></li>`).join('')}</ul></div>`;
  const page = (files: string[], menu = '') => `<html><head><title>县政府办公室_某县人民政府</title></head><body>${menu}
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/bmxxgk/">部门信息公开</a> &gt; 某县人民政府办公室</div>
${box('文件类信息公开', 'wjlxxgk', files)}
${box('其他重要信息', 'qtzyxx', ['某县人民政府办公室关于春节期间值班安排的通知', '某县人民政府办公室权责清单'])}
${box('工作动态', 'gzdt', ['某县召开2024年政府信息公开工作年度报告编制培训会', '县政府办开展政务公开专区建设督查'])}</body></html>`;
  const filed = page(['某县2025年政务公开工作要点', '某县人民政府2024年政府信息公开工作年度报告', '某县人民政府办公室2025年部门预算']);
  const links = subColumnLinks(filed, url);
  assert.ok(links.includes('http://gov.test/zwgk/bmxxgk/xzfb/wjlxxgk/'), links.join(', '));
  assert.ok(links.includes('http://gov.test/zwgk/bmxxgk/xzfb/qtzyxx/'), 'the other document column is looked through too');
  assert.ok(!links.includes('http://gov.test/zwgk/bmxxgk/xzfb/gzdt/'), 'the news column is not (its training notice is no report)');
  // No report shown among the documents: no column is read for it.
  assert.deepEqual(subColumnLinks(page(['某县2025年政务公开工作要点', '某县人民政府办公室2025年部门预算']), url), []);
  // A page naming its 年报 column: the document column showing a report leads on, the others are left to that column.
  const named = subColumnLinks(page(['某县人民政府2024年政府信息公开工作年度报告'], '<ul class="menu"><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li></ul>'), url);
  assert.ok(named.includes('http://gov.test/zwgk/bmxxgk/xzfb/wjlxxgk/'));
  assert.ok(!named.includes('http://gov.test/zwgk/bmxxgk/xzfb/qtzyxx/'), named.join(', '));
});

test("a column's year blocks lead on by their 更多, whatever their newest items are", () => {
  const url = 'http://gov.test/zwgk/bmxxgk/nyncj/zfxxgknb/';
  const block = (year: string, folder: string, titles: string[]) =>
    `<div class="nb-block"><div class="nb-block-t"><span>${year}</span><a class="more" href="${folder}/">更多&gt;&gt;</a></div><ul>${titles.map((t, i) => `<li><a href="${folder}/t${i}.html">${t}</a></li>`).join('')}</ul></div>`;
  const page = (title: string) => `<html><head><title>${title}_某县人民政府</title></head><body>
${block('2025年', '2025n', ['某县农业农村局2024年政府信息公开工作年度报告', '某县农业农村局2025年部门预算'])}
${block('2024年', '2024n', ['某县农业农村局2023年法治政府建设年度报告', '关于《某县农业农村局2023年政府信息公开工作年度报告》的更正说明', '一图读懂某县乡村振兴局2023年政府信息公开工作年度报告'])}
${block('2023年度', '2023n', ['某县2022年国民经济和社会发展统计公报'])}</body></html>`;
  const links = subColumnLinks(page('政府信息公开年报'), url);
  for (const y of ['2025n', '2024n', '2023n']) assert.ok(links.includes(`${url}${y}/`), `${y}: ${links.join(', ')}`);
  // A page about something else: its year boxes are that column's.
  assert.ok(!subColumnLinks(page('财政预决算'), url).includes(`${url}2024n/`));
});

test("a report's page as the seed, its column above it listing the reports: not explored (read as its breadcrumb's column is)", () => {
  const seed = 'http://gov.test/zwgk/bmxxgk/nyncj/zfxxgknb/2023n/202301/t20230118_1.html';
  const t = new SeedTallies().of(1, seed);
  Object.assign(t, { seedPageRead: true, seedReadAsReport: true, seedReportTitle: '某县农业农村局2022年政府信息公开工作年度报告', reportItems: 9, listPages: 6 });
  // The six list pages read (the seed's own among them: a seed read as one report counts its distinct pages).
  for (const n of [0, 1, 2, 3, 4, 5]) t.listUrls.add(n ? `http://gov.test/zwgk/bmxxgk/nyncj/zfxxgknb/index_${n}.html` : seed);
  t.reportLists.push('http://gov.test/zwgk/bmxxgk/xjyj/zfxxgknb/');
  assert.equal(columnAbove(t), undefined, "another unit's column is not the seed's");
  t.reportLists.push('http://gov.test/zwgk/bmxxgk/nyncj/zfxxgknb/');
  assert.equal(columnAbove(t), 'http://gov.test/zwgk/bmxxgk/nyncj/zfxxgknb/');
  assert.equal(statusOf(t, false).status, 'ok', 'healthy, as a seed whose breadcrumb column was read is');
  // The host's root listing reports is no column above the seed.
  const u = new SeedTallies().of(2, seed);
  u.reportLists.push('http://gov.test/index.html');
  assert.equal(columnAbove(u), undefined);
});

test('县扶贫办 is the county\'s 扶贫开发办公室', () => {
  assert.equal(spelledOut('望谟县扶贫办'), '望谟县扶贫开发办公室');
  assert.equal(nameKey('县扶贫办'), nameKey('县扶贫开发办公室'));
  assert.equal(spelledOut('望谟县扶贫开发办公室'), '望谟县扶贫开发办公室');
});

test('a table of units entered by 进入 links (单位名称 | 年报栏目) leads to each unit’s column, named by its row', () => {
  const url = 'http://gov.test/zfxxgkzl/gknb/index.html';
  const page = `<html><head><title>政府信息公开年报_某区人民政府</title></head><body><h2>政府信息公开年报</h2>
<table><tr><th>单位名称</th><th>２０２４年度</th></tr><tr><td>北京市某区人民政府</td><td><a href="../gknbxq/nb100-2024.html">查看</a></td></tr></table>
<table><tr><th>单位名称</th><th>年报栏目</th></tr>
<tr><td class="dw">北京市某区人民政府滨河街道办事处</td><td><a href="../jxz/bhjd/zfxxgknb/">进入</a></td></tr>
<tr><td class="dw">北京市某区大华山镇人民政府</td><td><a href="../jxz/dhsz/zfxxgknb/index.html">进入</a></td></tr></table></body></html>`;
  const items = [{ title: '北京市某区人民政府2024年政府信息公开工作年度报告', url: 'http://gov.test/zfxxgkzl/gknbxq/nb100-2024.html', date: null, isFile: false }];
  const links = listElsewhere(page, url, items);
  assert.deepEqual(
    links.filter((l) => l.columnAgency).map((l) => [l.url, l.columnAgency]),
    [
      ['http://gov.test/zfxxgkzl/jxz/bhjd/zfxxgknb/', '北京市某区人民政府滨河街道办事处'],
      ['http://gov.test/zfxxgkzl/jxz/dhsz/zfxxgknb/index.html', '北京市某区大华山镇人民政府'],
    ],
  );
  // Rows of documents entered so are no units.
  assert.deepEqual(listElsewhere(page.replaceAll('大华山镇人民政府', '2024年部门预算').replaceAll('人民政府滨河街道办事处', '2024年部门决算'), url, items).filter((l) => l.columnAgency), []);
});

test('a drawn page’s drop-down of the units’ sub-sites (gkmlpt 切换机构) names their 年报 columns', () => {
  const page = `<html><head><title>政府信息公开年报</title></head><body><div class="gk-annual-head"><h2>政府信息公开年报</h2>
<div id="gk-organs" class="gk-organs"><span class="gk-organ-btn">切换机构 ▼</span><div class="gk-organ-panel"><b>县直部门</b><a href="/dqjyj/gkmlpt/annualreport">德庆县教育局</a><b>镇</b><a href="/dqycz/gkmlpt/annualreport">德庆县悦城镇人民政府</a></div></div></div>
<table class="gk-table"><tr><td><a href="/gkmlpt/content/2/2873/post_2873115.html">德庆县人民政府2024年政府信息公开工作年度报告</a></td><td>德庆县人民政府办公室</td></tr></table></body></html>`;
  assert.deepEqual(agencyColumnsOf(page, 'http://gov.test/gkmlpt/annualreport'), [
    { url: 'http://gov.test/dqjyj/gkmlpt/annualreport', columnAgency: '德庆县教育局' },
    { url: 'http://gov.test/dqycz/gkmlpt/annualreport', columnAgency: '德庆县悦城镇人民政府' },
  ]);
});

test('a report link with only an onclick (no href) is a script link whose target is looked for', () => {
  const page = `<html><body><table><tr><td><a class="ewb-infoname" onclick="linkToNew('1a7d3e95','035');">长葛市人民政府2024年政府信息公开工作年度报告</a></td></tr>
<tr><td><a class="ewb-infoname" onclick="linkToNew('9e2b4c71','035');">长葛市2025年政务公开工作要点</a></td></tr></table><script src="/js/xxgklist.js"></script></body></html>`;
  assert.deepEqual(unreadScriptReportLinks(page, 'http://gov.test/govlist.html', (t) => classifyTitle(t).isReport), ['长葛市人民政府2024年政府信息公开工作年度报告']);
});

test('区政务服务办 is the district’s office; a bare district is named as the site names its region', () => {
  const baodi = { name: '天津市宝坻区人民政府', province: '天津市' };
  assert.equal(absoluteName('区政务服务办', '120115', baodi), '天津市宝坻区政务服务办');
  assert.equal(nameKey('天津市宝坻区政务服务办'), nameKey('天津市宝坻区人民政府政务服务办公室'));
  assert.equal(absoluteName('市政工程管理处', '120115', baodi), '市政工程管理处', '市政 is a word');
  const daguan = { name: '安庆市大观区人民政府', province: '安徽省' };
  assert.equal(absoluteName('大观区民政局', '340803', daguan), '安庆市大观区民政局');
  assert.equal(absoluteName('安庆市大观区民政局', '340803', daguan), '安庆市大观区民政局');
  // A county named without its city keeps its own name; another district is left as it is.
  assert.equal(absoluteName('谷城县教育局', '420625', { name: '谷城县人民政府', province: '湖北省' }), '谷城县教育局');
  assert.equal(absoluteName('宜秀区民政局', '340803', daguan), '宜秀区民政局');
});

test('a web page of one script (a lost file’s alert) is no document', () => {
  assert.equal(sniffMediaType(Buffer.from("<script language='javascript'>alert('文件不存在！');history.back();</script>")), 'html');
  assert.equal(sniffMediaType(Buffer.from('<center><h1>404 Not Found</h1></center>')), 'html');
  assert.equal(sniffMediaType(Buffer.from('%PDF-1.4\n')), 'pdf');
});

test('a host’s cookie jar is kept from one crawler round to the next, a cookieless one not at all', () => {
  const jars = new HostJars();
  const jar = jars.jarFor('gov.test');
  jar.setCookieSync('JSESSIONID=abc; Path=/', 'http://gov.test/list.jsp');
  jars.keep('gov.test', jar);
  assert.equal(jars.jarFor('gov.test'), jar);
  assert.equal(jars.jarFor('gov.test').getCookieStringSync('http://gov.test/detail.jsp'), 'JSESSIONID=abc');
  const bare = jars.jarFor('other.test');
  jars.keep('other.test', bare);
  assert.notEqual(jars.jarFor('other.test'), bare);
});

test('a seed whose report pages failed for good is short, not ok', () => {
  const t = new SeedTallies().of(3, 'http://gov.test/zfxxgk/zfxxgknb/');
  Object.assign(t, { seedPageRead: true, reportItems: 9, listPages: 3, failures: 9 });
  assert.equal(statusOf(t, false).status, 'ok', 'failures alone: the requests that failed are said');
  t.failedReports.set('http://gov.test/zfxxgk/zfxxgknb/202503/t20250328_1.shtml', { title: '大悟县人民政府2024年政府信息公开工作年度报告', reason: 'server: HTTP 412' });
  const verdict = statusOf(t, false);
  assert.equal(verdict.status, 'short');
  assert.match(verdict.reason ?? '', /1 of its report pages failed \(http:\/\/gov\.test\/zfxxgk\/zfxxgknb\/202503\/t20250328_1\.shtml: server: HTTP 412\)/);
});
