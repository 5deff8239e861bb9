/**
 * Round 65's changes (docs/blind-portals.md, round 65); the blind portals themselves are crawled whole by the blind
 * parts (guide's range slider and lingyun's robot answer are read in the browser there). Towns linked only from an
 * inline SVG map; a 博达 VSB pager's current page in a span of its own; a sentence telling in which column the reports
 * are published; a site directory's 县政府部门 link is no tab of the column; Word web pages named .doc; a visit check
 * refusing articles (an alert, then back) passed with the cookie its column's counter image sets, or said; a page
 * leaving itself in the browser (no hang, no empty report); a unit's file titled without its agency named by its
 * first page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PARSERS } from '../../src/crawl/families/detect.ts';
import { currentPageNumber } from '../../src/crawl/families/pager.ts';
import { reportPointerLinks, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { withSvgLinkNames } from '../../src/crawl/svg-link-names.ts';
import { refusalOf } from '../../src/crawl/visit-check.ts';
import { isOfficeHtml, sniffMediaType } from '../../src/extract/sniff.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { requireTools } from '../helpers/tools.ts';
import { crawlAsUser, withBrowser, type Run } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

const site = '洛南县人民政府';
const own = (id: number, year: number) => `<li><a href="../info/1043/${id}.htm">${site}${year}年度政府信息公开工作年度报告</a><span>${year + 1}-01-23</span></li>`;
const town = (slug: string, name: string, href = 'xlink:href') =>
  `<a ${href}="../zwgk/xzjd/${slug}.htm" target="_blank"><title>${name}</title><path d="M0,0 L10,10 Z"/><text>${[...name].map((c) => `<tspan>${c}</tspan>`).join('')}</text></a>`;

test('towns linked only from an inline SVG map, in a box captioned 镇（街道）年报, are read as their own 年报 columns', () => {
  const html = page(
    site,
    '政府信息公开年报',
    `<div class="list"><ul>${own(23985, 2024)}${own(21977, 2023)}</ul></div>
<div class="xzmap"><div class="tit"><span>镇（街道）政府信息公开年报</span><em>点击地图中的镇（街道）查看</em></div>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 600 420"><style>.st0{fill:#CFE3F5}</style>
<g id="镇街">${town('cgjd', '城关街道')}${town('jcz', '景村镇', 'href')}</g></svg></div>`,
  );
  const url = 'http://gov.test/zwgk/zfxxgknb.htm';
  const read = (body: string) => PARSERS.generic.parse({ url, loadedUrl: url, status: 200, body }, undefined).next;
  const columns = read(withSvgLinkNames(html)).filter((n) => n.url.includes('/xzjd/'));
  assert.deepEqual(
    columns.map((n) => [n.url, n.columnAgency]),
    [
      ['http://gov.test/zwgk/xzjd/cgjd.htm', '城关街道'],
      ['http://gov.test/zwgk/xzjd/jcz.htm', '景村镇'],
    ],
  );
  // Read as parsed, a shape's link says its tooltip and its drawn name together.
  assert.ok(read(html).some((n) => n.columnAgency === '城关街道城关街道'));
  // In a box captioned for something else (the county's map on its home page), they are no columns.
  const elsewhere = withSvgLinkNames(html.replace('镇（街道）政府信息公开年报', '魅力洛南'));
  assert.deepEqual(read(elsewhere).filter((n) => n.url.includes('/xzjd/')), []);
});

test("a 博达 VSB pager's current page, a span beside its numbered links, is the page's number (page 2 at /1.htm)", () => {
  const pager = `<div class="pb_sys_common"><span class="p_t">共10条</span> <span class="p_pages"><span class="p_first p_fun"><a href="../zfxxgknb.htm">首页</a></span><span class="p_prev p_fun"><a href="../zfxxgknb.htm">上页</a></span><span class="p_no"><a href="../zfxxgknb.htm">1</a></span><span class="p_no_d">2</span><span class="p_next_d p_fun_d">下页</span><span class="p_last_d p_fun_d">尾页</span></span> <span class="p_t">2/2</span></div>`;
  assert.equal(currentPageNumber(loadHtml(`<html><body>${pager}</body></html>`), 'http://gov.test/zwgk/zfxxgknb/1.htm'), 2);
  // Every number linked: no current page is read from them (the address says 1). (Its "2/2" would say 2: round 66d
  // reads a pager's bare fraction, so the variant drops it.)
  const linked = pager.replace('<span class="p_no_d">2</span>', '<span class="p_no"><a href="2.htm">2</a></span>').replace('<span class="p_t">2/2</span>', '');
  assert.equal(currentPageNumber(loadHtml(`<html><body>${linked}</body></html>`), 'http://gov.test/zwgk/zfxxgknb/1.htm'), 1);
});

test('a sentence telling in which column the reports are published leads there; a report row\'s 点击查看 does not', () => {
  const answer = `<div class="msg robot"><p>您好！凌云县人民政府政府信息公开工作年度报告在本网站“信息公开 &gt; 法定主动公开内容 &gt; 政府信息公开年报”栏目集中发布，<a href="/xxgk/zfxxgknb/index.shtml" target="_blank">点击查看</a>。</p></div>`;
  const url = 'http://gov.test/znwd/index.html?question=1';
  assert.deepEqual(reportPointerLinks(`<html><body>${answer}</body></html>`, url), ['http://gov.test/xxgk/zfxxgknb/index.shtml']);
  const row = `<ul><li>凌云县人民政府2024年政府信息公开工作年度报告 2025-01-22 <a href="/xxgk/zfxxgknb/t1.shtml">点击查看</a></li></ul>`;
  assert.deepEqual(reportPointerLinks(`<html><body>${row}</body></html>`, url), []);
});

test("a site directory's 县政府部门 link beside the column is no tab of the column; an uncaptioned tab bar's is", () => {
  const url = 'http://gov.test/xxgk/zfxxgknb/index.html';
  const side = `<div class="g-side-box"><h4>信息公开目录</h4><p><a href="/xxgk/xxgkml/">县政府部门</a></p><p><a href="/xzdt/">乡镇</a></p></div>`;
  const tabs = `<div class="tabs"><a href="/xxgk/zfxxgknb/">县政府</a><a href="/xxgk/zfxxgknb-bm/">县政府部门</a></div>`;
  const html = (box: string) => `<html><head><title>政府信息公开年报</title></head><body>${box}<ul><li><a href="/xxgk/1.html">贵德县2024年政府信息公开工作年度报告</a></li></ul></body></html>`;
  assert.deepEqual(subColumnLinks(html(side), url), []);
  assert.deepEqual(subColumnLinks(html(tabs), url), ['http://gov.test/xxgk/zfxxgknb-bm/']);
});

test('a Word web page saved under a .doc name is a document, not a web page answering for one', () => {
  const word = Buffer.from(`<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 14"></head><body><p>望奎县人民政府2019年政府信息公开工作年度报告</p></body></html>`);
  assert.equal(sniffMediaType(word, { fileName: 'a.doc' }), 'html');
  assert.equal(isOfficeHtml(word), true);
  assert.equal(isOfficeHtml(Buffer.from('<html><head><title>文件不存在</title></head><body>404</body></html>')), false);
});

test('a visit check refusing articles (an alert, then back) is recognised; a page with text is none', () => {
  assert.equal(refusalOf(`<script language='javascript'>alert('对不起，请从本站栏目页面访问！');history.back();</script>`), '对不起，请从本站栏目页面访问！');
  assert.equal(refusalOf(`<html><body><script>alert("请登录");window.location.href='/login.aspx';</script></body></html>`), '请登录');
  assert.equal(refusalOf(`<html><body><h1>2024年度报告</h1><p>${'正文'.repeat(40)}</p><script>alert('x');history.back();</script></body></html>`), null);
  assert.equal(refusalOf(`<script>alert('欢迎访问');</script>`), null);
});

const WK = '望奎县人民政府';
const wkAgency = { name: WK, division: '231221', level: 'county' as const, province: '黑龙江省', city: '绥化市', county: '望奎县' };
const COOKIE = 'WKCounter=v1';
function visitChecked(id: string, counter: boolean): BlindPortal {
  const row = (n: number, year: number) => `<tr><td><a href="ShowInfo.aspx?ID=${n}" target="_blank">${WK}${year}年政府信息公开工作年度报告</a></td><td>${year + 1}-01-20</td></tr>`;
  const foot = counter ? '<p>您是本站第 <img src="/Tools/Counter.ashx?ClassID=37&amp;style=digit" alt="访问计数"> 位访问者</p>' : '';
  const article = (year: number) => (req: { headers: Record<string, string | string[] | undefined> }) =>
    String(req.headers.cookie ?? '').includes(COOKIE)
      ? { body: detail(WK, { title: `${WK}${year}年政府信息公开工作年度报告`, publisher: WK, date: `${year + 1}-01-20`, body: reportText(WK, `${year}年度`) }) }
      : { body: `<script language='javascript'>alert('对不起，请从本站栏目页面访问！');history.back();</script>` };
  return {
    id,
    pattern: 'articles refused (alert, then back) without the visit cookie the footer counter sets',
    agency: wkAgency,
    seedPath: '/zwgk/InfoList.aspx?ClassID=37',
    expected: counter ? [2024, 2023].map((year) => ({ agency: WK, year })) : [],
    routes: {
      'GET /zwgk/InfoList.aspx': { body: page(WK, '政府信息公开年报', `<table class="list">${row(1841, 2024)}${row(1712, 2023)}</table>${foot}`) },
      'GET /Tools/Counter.ashx': { type: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'), headers: { 'Set-Cookie': `${COOKIE}; path=/` } },
      'GET /zwgk/ShowInfo.aspx': (req) => (req.url.searchParams.get('ID') === '1841' ? article(2024)(req) : article(2023)(req)),
    },
  };
}

const drawnAway = (year: number) =>
  `<html><head><title>加载中</title></head><body><div id="app"></div><script>if (!document.cookie.includes('vc=1')) history.back(); else document.getElementById('app').textContent = '${WK}${year}年';</script></body></html>`;
const leaves: BlindPortal = {
  id: 'leaves',
  pattern: 'report pages drawn by script that go back when the visit cookie is missing',
  agency: wkAgency,
  seedPath: '/zwgk/list.html',
  expected: [],
  routes: {
    'GET /zwgk/list.html': { body: page(WK, '政府信息公开年报', `<ul><li><a href="/zwgk/show.html?id=1">${WK}2024年政府信息公开工作年度报告</a></li><li><a href="/zwgk/show.html?id=2">${WK}2023年政府信息公开工作年度报告</a></li></ul>`) },
    'GET /zwgk/show.html': (req) => ({ body: drawnAway(req.url.searchParams.get('id') === '1' ? 2024 : 2023) }),
  },
};

const county = '博罗县人民政府';
const branch = '惠州市生态环境局博罗分局';
const barefile: BlindPortal = {
  id: 'barefile',
  pattern: "a county column over units' boxes, one unit's report a bare PDF titled without its agency",
  agency: { name: county, division: '441322', level: 'county', province: '广东省', city: '惠州市', county: '博罗县' },
  seedPath: '/zwgk/zfxxgknb/index.html',
  expected: [
    { agency: county, year: 2024 },
    { agency: branch, year: 2024 },
  ],
  routes: {
    'GET /zwgk/zfxxgknb/index.html': {
      body: page(
        county,
        '政府信息公开年报',
        `<ul><li><a href="/gkmlpt/content/5/post_5612345.html">${county}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul>
<div class="units"><h3>县直部门政府信息公开年报</h3><details><summary>生态环境分局</summary><ul><li><a href="/attachment/0/563/5640012.pdf">2024年政府信息公开工作年度报告</a><span>2025-01-23</span></li></ul></details></div>`,
      ),
    },
    'GET /gkmlpt/content/5/post_5612345.html': { body: detail(county, { title: `${county}2024年政府信息公开工作年度报告`, publisher: county, date: '2025-01-20', body: reportText(county, '2024年度') }) },
    'GET /attachment/0/563/5640012.pdf': { type: 'application/pdf', body: textPdf([`${branch}2024年政府信息公开工作年度报告`, '一、总体情况', '本年度，我局坚持以公开为常态。']) },
  },
  files: ['/attachment/0/563/5640012.pdf'],
};

// The crawls below in one run (a CLI crawl, status and export cost seconds of start-up each); the page leaving itself
// needs the browser, and is left out without one.
let run: Run | undefined;
before(async () => {
  run = await crawlAsUser([visitChecked('counter', true), visitChecked('refused', false), barefile, ...(withBrowser ? [leaves] : [])]);
});
after(async () => {
  await run?.portal.close();
});
const seedOf = (id: string) => run!.seeds.find((s) => s.url.startsWith(run!.portal.urls[id]!))!;

test("a visit check is passed with the cookie its column's counter image sets, its articles read whole; without one, said", { timeout: 300_000 }, () => {
  assert.deepEqual(run!.found.get('counter'), [`${WK} 2023`, `${WK} 2024`]);
  assert.ok(seedOf('counter').healthy, JSON.stringify(seedOf('counter').last));
  // The articles were read, not their refusals, the counter asked once or twice.
  const log = run!.portal.log.filter((r) => r.site === 'counter');
  const asked = log.filter((r) => r.url.startsWith('/Tools/Counter.ashx')).length;
  assert.ok(asked >= 1 && asked <= 2, `counter asked ${asked} times`);
  assert.ok(log.filter((r) => r.url.includes('ShowInfo') && r.bytes > 1000).length >= 2);
  // The cookie earned goes with the host's later requests: an article asked after it is let in at once (two
  // articles: at most three requests, not a refusal and a second asking each).
  const articles = log.filter((r) => r.url.includes('ShowInfo')).length;
  assert.ok(articles <= 3, `articles asked ${articles} times`);
  assert.deepEqual(run!.found.get('refused'), []);
  assert.ok(!seedOf('refused').healthy && seedOf('refused').flags.includes('host_failed'), JSON.stringify(seedOf('refused')));
});

test('a page leaving itself on arrival in the browser (history.back()) ends as a failure, never a hang nor an empty report', { timeout: 300_000 }, (t) => {
  if (!requireTools(t, 'chromium')) return;
  assert.deepEqual(run!.found.get('leaves'), []);
  assert.ok(!seedOf('leaves').healthy && seedOf('leaves').flags.includes('host_failed'), JSON.stringify(seedOf('leaves')));
});

test("a unit's file titled without its agency is named by its first page, not folded into the seed's report", { timeout: 300_000 }, () => {
  assert.deepEqual(run!.found.get('barefile'), [`${county} 2024`, `${branch} 2024`].sort());
  assert.deepEqual(run!.attachments.get('barefile'), ['/attachment/0/563/5640012.pdf']);
  assert.ok(seedOf('barefile').healthy, JSON.stringify(seedOf('barefile').last));
});
