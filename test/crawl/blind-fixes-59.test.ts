/**
 * Round 59's changes (docs/blind-portals.md, round 59); the blind portals themselves are crawled whole by the blind
 * parts. A 附件下载 page whose 下载 is the submit button of a POST form of hidden fields (the reports were catalogued,
 * their files never asked: a GET there answers 405); a report's article followed as a unit's column (a link reading
 * only 县医保局) whose metadata table repeats its title in a 标题 row, said unlinked (a complete seed flagged
 * `short`); a file linked alone in a card whose footer says 发布机构 (filed under the list's agency).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { unlinkedReportTitles } from '../../src/crawl/unlinked-titles.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

const downloadRow = (id: number, name: string, submit = '<button type="submit" class="btn-down">下载</button>') =>
  `<tr><td>1</td><td><img src="/images/pdf.gif" alt=""> ${name}</td><td>1.2 MB</td><td>153</td>
<td><form name="dl${id}" method="post" action="/xxgkml/file/download/${id}" target="_blank"><input type="hidden" name="fileId" value="${id}"><input type="hidden" name="_csrf" value="a7e1-4c0d-${id}">${submit}</form></td></tr>`;

test('a 下载 button of a form of hidden fields is the file: a POST of its fields, named by its row; a search form is none', () => {
  const html = `<html><body><form action="/search.jsp" method="post"><input type="text" name="q"><input type="hidden" name="site" value="1"><button type="submit">搜索</button></form>
<table class="fj-list"><tr><th>序号</th><th>文件名称</th><th>文件大小</th><th>下载次数</th><th>操作</th></tr>
${downloadRow(61874, '洋县人民政府2019年政府信息公开工作年度报告.pdf')}
${downloadRow(62233, '政府信息公开工作年度报告.pdf', '<input type="submit" name="go" value="立即下载">')}
</table>
<form method="get" action="/down.jsp"><input type="hidden" name="id" value="9"><input type="submit" value="下载附件"></form>
<form method="post" action="/vote.jsp"><input type="hidden" name="id" value="9"><input type="radio" name="v" value="1"><button>下载</button></form>
</body></html>`;
  const found = findAttachments(loadHtml(html), 'http://gov.test/xxgkml/fjxz.jsp?infoId=20200004');
  assert.deepEqual(found, [
    { url: 'http://gov.test/xxgkml/file/download/61874', name: '洋县人民政府2019年政府信息公开工作年度报告.pdf', form: 'fileId=61874&_csrf=a7e1-4c0d-61874' },
    { url: 'http://gov.test/xxgkml/file/download/62233', name: '政府信息公开工作年度报告.pdf', form: 'fileId=62233&_csrf=a7e1-4c0d-62233&go=%E7%AB%8B%E5%8D%B3%E4%B8%8B%E8%BD%BD' },
    { url: 'http://gov.test/down.jsp?id=9', name: null },
  ]);
});

test("a report's article read as a list does not say its own title unlinked (its metadata table's 标题 row)", () => {
  const title = '嘉祥县医疗保障局2024年政府信息公开工作年度报告';
  const html = `<html><head><title>${title}_嘉祥县人民政府</title></head><body><div class="xxgk-table"><table>
<tr><th>索引号：</th><td>11370829MB1234567X/2025-00003</td><th>发布机构：</th><td>嘉祥县医疗保障局</td></tr>
<tr><th>标　　题：</th><td colspan="3">${title}</td></tr></table></div>
<div class="art"><h1 class="art-title">${title}</h1><div class="art-con"><p>正文</p></div></div>
<ul class="other"><li>嘉祥县医疗保障局2023年政府信息公开工作年度报告</li></ul></body></html>`;
  // The other year's title, unlinked on the page, is still said.
  assert.deepEqual(unlinkedReportTitles(html, [], (t) => classifyTitle(t).isReport), ['嘉祥县医疗保障局2023年政府信息公开工作年度报告']);
});

test('a file linked alone takes the publisher its card or row says (发布机构：…, a field classed fbjg); a list-wide one is no card’s', () => {
  const html = `<html><body><div class="list">
<article class="card"><h3><a href="/u/jyj2024.pdf">2024年度政府信息公开工作年度报告</a></h3><footer><span>发布机构：伊宁市教育局</span> <span>2025-01-20</span></footer></article>
<article class="card"><h3><a href="/u/wjw2024.pdf">2024年度政府信息公开工作年度报告</a></h3><footer><span class="fbjg">伊宁市卫生健康委员会</span> <span>2025-01-22</span></footer></article>
<article class="card"><h3><a href="/u/x.pdf">2023年度政府信息公开工作年度报告</a></h3><footer>2024-01-20</footer></article>
<div class="gk-item"><dl><dt><a href="/u/y.pdf">2022年度政府信息公开工作年度报告</a></dt><dd class="fbjg">伊宁市财政局</dd><dd>2023-01-20</dd></dl></div>
<li><a href="/u/z.pdf">2021年度政府信息公开工作年度报告</a> 来源：伊宁市民政局 2022-01-20</li>
<li><a href="/a/z.html">2021年度政府信息公开工作年度报告</a> 来源：伊宁市民政局 2022-01-20</li>
</div><p>来源：伊宁市人民政府</p></body></html>`;
  assert.deepEqual(
    parseListItems(html, 'http://gov.test/col/index.html').map((i) => [new URL(i.url).pathname, i.publisher ?? null]),
    [
      ['/u/jyj2024.pdf', '伊宁市教育局'],
      ['/u/wjw2024.pdf', '伊宁市卫生健康委员会'],
      ['/u/x.pdf', null],
      ['/u/y.pdf', '伊宁市财政局'],
      ['/u/z.pdf', '伊宁市民政局'],
      // A page is whose its own 发布机构 says.
      ['/a/z.html', null],
    ],
  );
});

test("a report's file behind a POST download form is stored; a card's lone file is its publisher's", { timeout: 300_000 }, async () => {
  const site = '洋县人民政府';
  const pdf = textPdf([`${site}2019年政府信息公开工作年度报告`, '一、总体情况']);
  const dept = textPdf(['2024年度政府信息公开工作年度报告', '洋县教育体育局']);
  const card = (title: string, href: string, org: string) => `<article class="card"><h3><a href="${href}">${title}</a></h3><footer><span>发布机构：${org}</span> <span>2025-01-20</span></footer></article>`;
  const portal: BlindPortal = {
    id: 'post-download',
    pattern: 'a 附件下载 page whose 下载 is a POST form; a card list whose lone file names its publisher in the footer',
    agency: { name: site, division: '610723', level: 'county', province: '陕西省', city: '汉中市', county: '洋县' },
    seedPath: '/xxgkml/list.jsp',
    expected: [
      { agency: site, year: 2019 },
      { agency: site, year: 2024 },
      { agency: '洋县教育体育局', year: 2024 },
    ],
    files: ['/u/jtj2024.pdf', '/xxgkml/file/download/61874'],
    routes: {
      'GET /xxgkml/list.jsp': {
        body: page(site, '政府信息公开年报', `<div class="list">
${card(`${site}2024年政府信息公开工作年度报告`, '/xxgkml/detail.jsp?infoId=1', site)}
${card('2024年度政府信息公开工作年度报告', '/u/jtj2024.pdf', '洋县教育体育局')}
${card(`${site}2019年政府信息公开工作年度报告`, '/xxgkml/fjxz.jsp?infoId=2', site)}
${card(`${site}2025年政务公开工作要点`, '/xxgkml/detail.jsp?infoId=3', site)}</div>`),
      },
      'GET /xxgkml/detail.jsp': (req) =>
        req.url.searchParams.get('infoId') === '1'
          ? { body: detail(site, { title: `${site}2024年政府信息公开工作年度报告`, publisher: site, date: '2025-01-20', body: reportText(site, '2024年度') }) }
          : req.url.searchParams.get('infoId') === '3'
            ? { body: detail(site, { title: `${site}2025年政务公开工作要点`, publisher: site, date: '2025-03-01', body: '<p>要点。</p>' }) }
            : null,
      'GET /xxgkml/fjxz.jsp': {
        body: detail(site, {
          title: `${site}2019年政府信息公开工作年度报告`,
          publisher: site,
          date: '2020-01-21',
          body: `<table class="fj-list"><tr><th>序号</th><th>文件名称</th><th>文件大小</th><th>下载次数</th><th>操作</th></tr>${downloadRow(61874, `${site}2019年政府信息公开工作年度报告.pdf`)}</table>`,
        }),
      },
      'GET /xxgkml/file/download/61874': { status: 405, body: '<html><body><h1>Whitelabel Error Page</h1><div>Request method &#39;GET&#39; not supported</div></body></html>' },
      'POST /xxgkml/file/download/61874': (req) =>
        String(req.body).includes('fileId=61874') ? { type: 'application/octet-stream', body: pdf, headers: { 'Content-Disposition': 'attachment;filename=2019.pdf' } } : { status: 400, body: 'bad' },
      'GET /u/jtj2024.pdf': { type: 'application/pdf', body: dept },
    },
  };
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual([...(run.found.get(portal.id) ?? [])].sort(), [`${site} 2019`, `${site} 2024`, '洋县教育体育局 2024']);
    assert.deepEqual([...(run.attachments.get(portal.id) ?? [])].sort(), portal.files);
  } finally {
    await run.portal.close();
  }
});
