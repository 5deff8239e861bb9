/**
 * Round 61's changes (docs/blind-portals.md, round 61); the blind portals themselves are crawled whole by the blind
 * parts (rongshui's scripts waiting for a visitor to stir are tested there, in the browser). Items that are numbered
 * headings closed by a 阅读全文>> link; the older reports only in a 汇编 article; a news post about a report as the seed;
 * a seed in capitals answered with the home page (a fallback) whose relative links spiral; a rate limit answered as
 * 200 JSON; a failure sent to Error.aspx; a file link with a file-type icon before its name.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { isBelow } from '../../src/crawl/page-copies.ts';
import { isErrorPageRedirect } from '../../src/download/error-page.ts';
import { mayBeBlockPage, saysTooFrequent } from '../../src/download/soft-rate-limit.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('an item that is a numbered heading closed by a 阅读全文>> link is titled by its heading', () => {
  const item = (n: number, title: string, href: string) =>
    `<div class="list_item"><h3><em>${n}.</em> ${title}</h3><p class="zy">现将报告全文公布。</p><p class="more"><span class="date">发布日期：2025-01-24</span><a href="${href}">阅读全文&gt;&gt;</a></p></div>`;
  const html = `<html><body><div class="lm_list">${item(1, '四子王旗2024年政府信息公开工作年度报告', './202501/t1.html')}${item(2, '四子王旗2025年政务公开工作要点', './202503/t2.html')}</div></body></html>`;
  assert.deepEqual(
    parseListItems(html, 'http://gov.test/xxgk/zfxxgknb/index.html').map((i) => i.title),
    ['四子王旗2024年政府信息公开工作年度报告', '四子王旗2025年政务公开工作要点'],
  );
});

test('a news post announcing a report is no report; the report is', () => {
  assert.equal(classifyTitle('“数”说2024｜河西区2024年政府信息公开工作年度报告发布').isReport, false);
  assert.equal(classifyTitle('河西区2024年政府信息公开工作年度报告正式发布').isReport, false);
  assert.equal(classifyTitle('天津市河西区2024年政府信息公开工作年度报告').isReport, true);
});

test('a rate limit answered as 200 JSON is a block page; a failure sent to Error.aspx is the error it stands for', () => {
  assert.equal(mayBeBlockPage(200, 'application/json;charset=UTF-8', 57), true);
  assert.equal(saysTooFrequent(Buffer.from('{"msg":"访问过于频繁，请稍候再试","code":500}')), true);
  assert.equal(isErrorPageRedirect('http://gov.test/xxgk/ndbg/ShowInfo.aspx?id=934', 'http://gov.test/Error.aspx?aspxerrorpath=/xxgk/ndbg/ShowInfo.aspx'), true);
  assert.equal(isErrorPageRedirect('http://gov.test/a.jsp', 'http://gov.test/common/500.html'), true);
  assert.equal(isErrorPageRedirect('http://gov.test/old/', 'http://gov.test/new/index.html'), false);
  assert.equal(isBelow('http://gov.test/ZWGK/ZFXXGKNB/zwgk/zfxxgknb/', 'http://gov.test/ZWGK/ZFXXGKNB/'), true);
  assert.equal(isBelow('http://gov.test/ZWGK/ZFXXGKNB/index.html', 'http://gov.test/ZWGK/ZFXXGKNB/'), false);
});

test('a file link naming its file after a file-type icon is an attachment', () => {
  const $ = loadHtml(`<html><body><div class="content"><p>请点击下载查看。</p><p><a href="/UploadFiles/2023/03/20230329171205_3187.pdf" target="_blank"><img src="/images/icon_pdf.gif" alt="">鄯善县2022年政府信息公开工作年度报告.pdf</a></p></div>
<div class="footer"><a href="/jiucuo"><img src="/images/jiucuo.png" alt="纠错"></a></div></body></html>`);
  assert.deepEqual(findAttachments($, 'http://gov.test/xxgk/ndbg/ShowInfo.aspx?id=934'), [{ url: 'http://gov.test/UploadFiles/2023/03/20230329171205_3187.pdf', name: '鄯善县2022年政府信息公开工作年度报告.pdf' }]);
});

test('a compilation article is read for the reports it links; a seed answered with the home page is explored from the root', { timeout: 300_000 }, async () => {
  const site = '四子王旗人民政府';
  const home = (prefix: string) =>
    page(site, '四子王旗人民政府门户网站', `<div class="box"><a href="${prefix}zwgk/zfxxgknb/">政府信息公开年报</a> <a href="${prefix}zwgk/tzgg/">通知公告</a></div>`);
  const compilation: BlindPortal = {
    id: 'compilation',
    pattern: 'the older reports linked only inside a 汇编 article',
    agency: { name: site, division: '150929', level: 'county', province: '内蒙古自治区', city: '乌兰察布市', county: '四子王旗' },
    seedPath: '/xxgk/zfxxgknb/index.html',
    expected: [
      { agency: site, year: 2024 },
      { agency: site, year: 2022 },
      { agency: site, year: 2021 },
    ],
    routes: {
      'GET /xxgk/zfxxgknb/index.html': {
        body: page(site, '政府信息公开年报', `<ul><li><a href="202501/t1.html">四子王旗2024年政府信息公开工作年度报告</a></li><li><a href="202301/hb.html">四子王旗2019—2022年政府信息公开工作年度报告汇编</a></li></ul>`),
      },
      'GET /xxgk/zfxxgknb/202501/t1.html': { body: detail(site, { title: '四子王旗2024年政府信息公开工作年度报告', publisher: site, date: '2025-01-24', body: reportText(site, '2024年度') }) },
      'GET /xxgk/zfxxgknb/202301/hb.html': {
        body: detail(site, {
          title: '四子王旗2019—2022年政府信息公开工作年度报告汇编',
          publisher: site,
          date: '2023-03-01',
          body: '<p>网站改版后，为方便查阅，现将往年报告汇编如下：2022年度见<a href="/old/2022.html">《四子王旗2022年政府信息公开工作年度报告》</a>；2021年度见<a href="/old/2021.html">《四子王旗2021年政府信息公开工作年度报告》</a>。</p>',
        }),
      },
      'GET /old/2022.html': { body: detail(site, { title: '四子王旗2022年政府信息公开工作年度报告', publisher: site, date: '2023-01-20', body: reportText(site, '2022年度') }) },
      'GET /old/2021.html': { body: detail(site, { title: '四子王旗2021年政府信息公开工作年度报告', publisher: site, date: '2022-01-20', body: reportText(site, '2021年度') }) },
    },
  };
  const fallback: BlindPortal = {
    id: 'fallback',
    pattern: 'a seed in capitals answered with the home page, whose links relative to the root spiral below it',
    agency: { name: site, division: '150929', level: 'county', province: '内蒙古自治区', city: '乌兰察布市', county: '四子王旗' },
    seedPath: '/ZWGK/ZFXXGKNB/',
    flag: 'moved',
    expected: [{ agency: site, year: 2024 }],
    routes: {
      'GET /': { body: home('') },
      'GET /zwgk/zfxxgknb/': { body: page(site, '政府信息公开年报', '<ul><li><a href="/zwgk/zfxxgknb/202501/t1.html">四子王旗2024年政府信息公开工作年度报告</a></li></ul>') },
      'GET /zwgk/zfxxgknb/202501/t1.html': { body: detail(site, { title: '四子王旗2024年政府信息公开工作年度报告', publisher: site, date: '2025-01-24', body: reportText(site, '2024年度') }) },
      'GET /zwgk/tzgg/': { body: page(site, '通知公告', '<ul><li>暂无</li></ul>') },
    },
    // Any other address: the home, as nginx's try_files … /index.html answers it.
    gate: (req) => (['/', '/zwgk/zfxxgknb/', '/zwgk/zfxxgknb/202501/t1.html', '/zwgk/tzgg/', '/robots.txt'].includes(req.url.pathname) ? null : { body: home('') }),
  };
  const run = await crawlAsUser([compilation, fallback]);
  try {
    assert.deepEqual(run.found.get('compilation'), [`${site} 2021`, `${site} 2022`, `${site} 2024`]);
    assert.deepEqual(run.found.get('fallback'), [`${site} 2024`]);
    const seed = run.seeds.find((s) => s.url.startsWith(run.portal.urls.fallback!));
    assert.deepEqual(seed?.flags, ['moved']);
    assert.match(JSON.stringify(seed?.last), /a fallback, not its column/);
  } finally {
    await run.portal.close();
  }
});
