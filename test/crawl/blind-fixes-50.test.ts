/**
 * Round 50's fixes, each at its cause (docs/blind-portals.md, round 50).
 * - A year's link of a 年报 year menu whose address answers the year's file itself (a download address with no file
 *   extension, so nothing told it from a year's column before it was asked): read as that year's report, titled by
 *   the menu's heading and the year (it was said of the seed as a column answering a document, the report missed).
 * - A bilingual list whose links show the Uyghur title, the Chinese one in their title attribute or on a line of its own
 *   beside the link (shufu): titled in Chinese.
 * - A header block over node's 16 KiB (a platform's shared Content-Security-Policy, yanchi): read as a browser reads it.
 * - A list page or report page drawn whole and then failed with a 500 (an ASP include's error after it, queshan): read
 *   as the page it is once its retries are spent; a bare error page still fails.
 * - A Mongolian site's 汉文版 on its `www.` host (tongliao): the language version's host is of the same portal, explored;
 *   a department's page on a province's 政务服务 portal (huzhou): its link to the bureau's own site on a host outside
 *   the registry is said, with what to do. (Both portals keep their sibling host on another port of 127.0.0.1, which no
 *   crawl may take for the same server: registered open, flagged.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from '../../src/config.ts';
import { yearColumns } from '../../src/crawl/families/pager.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { linkTitle, listItemsFrom } from '../../src/crawl/list-page.ts';
import { Fetcher, readBody } from '../../src/download/fetcher.ts';
import { Scope } from '../../src/download/scope.ts';
import { FetchError } from '../../src/errors.ts';
import { withinPortal } from '../../src/onboard/portal-hosts.ts';
import { detail, page, reportText, trapText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { crawlOneSeed, startNamedHosts } from '../helpers/named-hosts.ts';
import { crawlAsUser } from './blind-crawl.ts';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

test("a year menu's links carry the report title their heading and year give; a menu no heading names carries none", () => {
  const menu = '<ul class="years"><li><a href="/nb/2024/">2024年</a></li><li><a href="/nb/down.jsp?id=7">2023年</a></li></ul>';
  assert.deepEqual(yearColumns(`<html><body><h3 class="tit">政府信息公开年报</h3>${menu}</body></html>`, 'http://h.test/nb/'), [
    { url: 'http://h.test/nb/2024/', reportTitle: '政府信息公开年报（2024年）' },
    { url: 'http://h.test/nb/down.jsp?id=7', reportTitle: '政府信息公开年报（2023年）' },
  ]);
  // Two years side by side on a page whose main heading names the reports: that heading.
  assert.deepEqual(
    yearColumns(`<html><head><title>首页</title></head><body><h1>年度报告</h1><div class="nav">${menu}</div></body></html>`, 'http://h.test/nb/').map((c) => c.reportTitle),
    ['年度报告（2024年）', '年度报告（2023年）'],
  );
  assert.deepEqual(yearColumns(`<html><body><h3>通知公告</h3>${menu}</body></html>`, 'http://h.test/news/'), []);
});

/** A 年报 page of year links: 2024年 a column listing its report, 2023年 and 2022年 download addresses of their PDFs. */
function yearDownloadsPortal(): BlindPortal {
  const site = '灵寿县人民政府';
  const art = '/zwgk/nb/2024/202501/t20250120_1.html';
  const menu = `<ul class="years"><li><a href="/zwgk/nb/2024/">2024年</a></li><li><a href="/zwgk/down.jsp?fileid=2301">2023年</a></li>
<li><a href="/zwgk/down.jsp?fileid=2201">2022年</a></li></ul>`;
  return {
    id: 'year-links-download',
    pattern: "year links of a 年报 menu, two of them download addresses answering the year's PDF",
    agency: { name: site, division: '130126', level: 'county', province: '河北省', city: '石家庄市', county: '灵寿县' },
    seedPath: '/zwgk/nb/index.html',
    expected: [
      { agency: site, year: 2024 },
      { agency: site, year: 2023 },
      { agency: site, year: 2022 },
    ],
    routes: {
      'GET /zwgk/nb/index.html': { body: page(site, '政府信息公开年报', `<h2>政府信息公开年报</h2>${menu}`) },
      'GET /zwgk/nb/2024/': { body: page(site, '政府信息公开年报', `${menu}<ul class="list"><li><a href="${art}">${site}2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul>`) },
      [`GET ${art}`]: { body: detail(site, { title: `${site}2024年政府信息公开工作年度报告`, publisher: site, date: '2025-01-20', body: reportText(site, '2024年') }) },
      'GET /zwgk/down.jsp': (req) =>
        req.url.searchParams.get('fileid') === '2301' ? { type: 'application/pdf', body: PDF } : req.url.searchParams.get('fileid') === '2201' ? { type: 'application/octet-stream', body: Buffer.concat([PDF, Buffer.from('% 2022\n')]) } : null,
    },
  };
}

test("a year's link answering the year's file is that year's report, and the seed is healthy", async () => {
  const run = await crawlAsUser([yearDownloadsPortal()]);
  try {
    assert.deepEqual(run.found.get('year-links-download')?.sort(), ['灵寿县人民政府 2022', '灵寿县人民政府 2023', '灵寿县人民政府 2024']);
    assert.deepEqual(run.attachments.get('year-links-download')?.sort(), ['/zwgk/down.jsp?fileid=2201', '/zwgk/down.jsp?fileid=2301']);
    const seed = run.seeds.find((x) => x.url.startsWith(run.portal.urls['year-links-download']!))!;
    assert.deepEqual(seed.flags, [], JSON.stringify(seed));
  } finally {
    await run.portal.close();
  }
});

const UG = 'شۇفۇ ناھىيىلىك خەلق ھۆكۈمىتىنىڭ 2024-يىللىق ھۆكۈمەت ئۇچۇرلىرىنى ئاشكارىلاش خىزمىتى يىللىق دوكلاتى';
const ZH = '疏附县人民政府2024年政府信息公开工作年度报告';

test('a bilingual list: a link showing its Uyghur title is titled by the Chinese of its title attribute or of its row', () => {
  assert.equal(linkTitle(UG, ZH), ZH);
  assert.equal(linkTitle('2024年度报告全文', '报告'), '2024年度报告全文');
  const url = 'http://h.test/html/zwgk/zfxxgknb/';
  const row = (inner: string) => `<html><body><div class="list-ug" dir="rtl"><ul><li><span class="rq">2025-01-24</span>${inner}</li><li><a href="/x/2.html">${ZH.replace('2024', '2023')}</a></li></ul></div></body></html>`;
  const titles = (html: string) => {
    const $ = loadHtml(html);
    return listItemsFrom($, $('body'), url).map((i) => i.title);
  };
  assert.equal(titles(row(`<a href="/x/1.html" title="${ZH}">${UG}</a>`))[0], ZH);
  assert.equal(titles(row(`<a href="/x/1.html">${UG}</a>\n<p class="zh" dir="ltr">${ZH}</p>`))[0], ZH);
  // A link in another script with no Chinese beside it keeps its own words (nothing made up).
  assert.equal(titles(row(`<a href="/x/1.html">${UG}</a>`))[0], UG);
});

const fetcherOf = (host: string) => new Fetcher({ ...DEFAULTS.politeness, hostDelayMs: 0, backoffBaseMs: 10, maxRetries: 1 }, new Scope([host]));

test('a header block over 16 KiB (a shared Content-Security-Policy naming hundreds of sites) is read as a browser reads it', async () => {
  const csp = `default-src 'self' ${Array.from({ length: 900 }, (_, i) => `https://site${i}.nx.gov.cn`).join(' ')}`;
  assert.ok(csp.length > 20_000);
  const site = await startServer((_req, res) => send(res, 200, 'text/html; charset=utf-8', '<html><body>第2页</body></html>', { 'content-security-policy': csp }));
  const text = await fetcherOf(site.host).request({ url: `${site.origin}/list.do?pageNo=2`, purpose: 'page' }, async (res) => (await readBody(res.body, 1 << 20, res.url)).toString('utf8'));
  assert.match(text, /第2页/);
});

/** An IIS page drawn whole, then a VBScript error from its footer's include, served 500. */
const drawnThen500 = `<html><body><div class="nav">${Array.from({ length: 12 }, (_, i) => `<a href="/c${i}/">栏目${i}</a>`).join('')}</div>
<ul>${'<li><a href="/a.htm">某县人民政府2023年政府信息公开工作年度报告</a></li>'.repeat(30)}</ul>
<font face="Arial" size=2><p>Microsoft VBScript 运行时错误</font> <font face="Arial" size=2>错误 '800a000d'</font><p><font face="Arial" size=2>类型不匹配</font></body></html>`;

test("a page's server error is asked again, then its last answer handed on when asked for (errorPage); a bare error page too, never read as a page by the fetcher", async () => {
  const site = await startServer((req, res) =>
    send(res, 500, 'text/html; charset=utf-8', req.url?.startsWith('/bare') ? '<html><body><h1>500 Internal Server Error</h1></body></html>' : drawnThen500),
  );
  const ask = (p: string, errorPage: boolean) =>
    fetcherOf(site.host).request({ url: `${site.origin}${p}`, purpose: 'page', errorPage }, async (res) => ({ status: res.status, text: (await readBody(res.body, 1 << 20, res.url)).toString('utf8') }));
  const drawn = await ask('/List.asp?page=2', true);
  assert.equal(drawn.status, 500);
  assert.match(drawn.text, /2023年政府信息公开工作年度报告/);
  assert.equal(site.hits.length, 2, 'asked again before it is handed on');
  assert.equal((await ask('/bare', true)).status, 500);
  // Without errorPage (a file, onboarding's pages), a 5xx stays a failure.
  await assert.rejects(ask('/List.asp?page=3', false), (err: unknown) => err instanceof FetchError && err.status === 500);
});

test("a language version's host (mgl., en., zw.) is of the same portal as www.; another port or domain is not", () => {
  assert.ok(withinPortal('www.tongliao.gov.cn', 'mgl.tongliao.gov.cn'));
  assert.ok(withinPortal('xxgk.lhz.gov.cn', 'zw.lhz.gov.cn'));
  assert.ok(withinPortal('www.hz.gov.cn', 'english.hz.gov.cn'));
  assert.ok(!withinPortal('www.tongliao.gov.cn:8080', 'mgl.tongliao.gov.cn'));
  assert.ok(!withinPortal('www.other.gov.cn', 'mgl.tongliao.gov.cn'));
});

const CITY = '通辽市人民政府';
const MGL = 'ᠲᠦᠩᠯᠢᠶᠣᠣ ᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ';
const nbArt = (y: number) => `/zwgk/zfxxgk/zfxxgknb/${y + 1}01/t${y + 1}0120_${y}.html`;

function tongliaoPages(port: number): Map<string, string> {
  const p = new Map<string, string>();
  const www = `http://www.tongliao.test:${port}`;
  // The Mongolian site: vertical script, its menus in Mongolian only; its language bar's ᠬᠢᠲᠠᠳ (titled 汉文版) leads to www.
  p.set(
    'mgl.tongliao.test /',
    `<!DOCTYPE html><html lang="mn-Mong"><head><meta charset="utf-8"><title>${MGL}</title></head><body style="writing-mode:vertical-lr">
<div class="lang"><a href="${www}/" title="汉文版">ᠬᠢᠲᠠᠳ</a></div><div class="nav"><a href="/">ᠨᠢᠭᠤᠷ</a><a href="/news/">ᠰᠣᠨᠢᠨ</a><a href="/zwgk/">ᠵᠠᠰᠠᠭ ᠤᠨ ᠣᠯᠠᠨ ᠨᠡᠢᠲᠡ</a></div>
<ul>${['ᠮᠡᠳᠡᠭᠡ ᠨᠢᠭᠡ', 'ᠮᠡᠳᠡᠭᠡ ᠬᠣᠶᠠᠷ', 'ᠮᠡᠳᠡᠭᠡ ᠭᠤᠷᠪᠠ'].map((t, i) => `<li><a href="/news/${i}.html">${t}</a></li>`).join('')}</ul></body></html>`,
  );
  const chrome = (title: string, body: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_${CITY}</title></head><body><div class="nav"><a href="/">首页</a><a href="/news/">新闻中心</a><a href="/zwgk/zfxxgk/">政府信息公开</a></div>${body}</body></html>`;
  p.set('www.tongliao.test /', chrome('首页', '<ul><li><a href="/news/1.html">通辽市召开常务会议</a></li></ul>'));
  p.set('www.tongliao.test /zwgk/zfxxgk/', chrome('政府信息公开', '<div class="left"><a href="/zwgk/zfxxgk/zfxxgknb/">政府信息公开年报</a><a href="/zwgk/zfxxgk/zfxxgkzn/">政府信息公开指南</a></div>'));
  p.set(
    'www.tongliao.test /zwgk/zfxxgk/zfxxgknb/',
    chrome('政府信息公开年报', `<ul class="list">${[2024, 2023, 2022].map((y) => `<li><a href="${nbArt(y)}">${CITY}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('')}<li><a href="/zwgk/x/1.html">通辽市2025年政务公开工作要点</a></li></ul>`),
  );
  for (const y of [2024, 2023, 2022]) p.set(`www.tongliao.test ${nbArt(y)}`, detail(CITY, { title: `${CITY}${y}年政府信息公开工作年度报告`, publisher: CITY, date: `${y + 1}-01-20`, body: reportText(CITY, `${y}年度`) }));
  p.set('www.tongliao.test /zwgk/x/1.html', detail(CITY, { title: '通辽市2025年政务公开工作要点', publisher: CITY, date: '2025-03-01', body: trapText('工作要点') }));
  return p;
}

test("(CLI) a Mongolian site as the seed, its 汉文版 on www.: that site explored, every report read, the seed moved naming the column", { timeout: 120_000 }, async () => {
  const site = await startNamedHosts(tongliaoPages);
  try {
    const seed = `http://mgl.tongliao.test:${site.port}/`;
    const { last, csv } = await crawlOneSeed('nianbao-50c-', { name: CITY, division: '150500', level: 'city', province: '内蒙古自治区', city: '通辽市' }, seed);
    assert.equal(last.status, 'moved', last.reason ?? '');
    assert.ok(last.reason?.includes(`www.tongliao.test:${site.port}/zwgk/zfxxgk/zfxxgknb/`), last.reason ?? '');
    for (const y of [2024, 2023, 2022]) assert.match(csv, new RegExp(`${CITY},.*,${y},`), `${CITY} ${y} exported`);
    assert.doesNotMatch(csv, /工作要点/);
  } finally {
    await site.close();
  }
});

test("a department's page on a province's service portal leads to the bureau's own site by its 进入部门网站 link; its own site's link on its own site does not", () => {
  const card = (href: string) =>
    `<html><head><title>湖州市市场监督管理局_部门主页_浙江政务服务网</title></head><body><div class="card"><p>地址：湖州市仁皇山路</p><p>部门网站：<a href="${href}" target="_blank">进入部门网站</a></p></div><table><tr><td><a href="/zjservice/item/1.do">企业年度报告公示</a></td></tr></table></body></html>`;
  const page = 'http://zwfw.test/zjservice/dept/deptIndex.do?deptCode=001008005010';
  assert.deepEqual(listElsewhere(card('http://scjgj.huzhou.test/'), page, []), [{ url: 'http://scjgj.huzhou.test/', hub: true, ownSite: true }]);
  assert.deepEqual(listElsewhere(card('/'), page, []), []);
});
