/**
 * Round 54's fixes, each at its cause (docs/blind-portals.md, round 54); the blind portals themselves are crawled whole
 * by the blind parts.
 * - An IIS site whose pseudo-static pages all come through its 404 handler (xiji): the seed's 404 holding its list,
 *   and report pages answered 404 that are the report (a one-line 全文见附件 article over its PDF too), read as shown;
 *   a real 404 notice stays gone.
 * - A 专题 of next year's reports built ahead, empty (baiquan): no report.
 * - "关于征集…年度报告意见建议的公告" (wuyishan): a call for comments, no report.
 * - A learned list's row whose page field is blank and whose file field holds the PDF (wuyishan): the PDF is the item.
 * - A pager redrawing the list from data the page holds, asking nothing (jiaxian): turned in the browser while each
 *   turn draws something new.
 * - A seed copied from a message with its punctuation glued on (`…/index.shtml）`, zhongshan): taken off.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { errorStatusListPage } from '../../src/crawl/error-status-list.ts';
import { itemsByShape, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { pastedUrl } from '../../src/registry/pasted-url.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser, expectedOf } from './blind-crawl.ts';

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${encodeURIComponent(label)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');

test('a call for comments on a report is no report', () => {
  assert.equal(classifyTitle('关于征集2019年度政府信息公开工作年度报告意见建议的公告').isReport, false);
  assert.equal(classifyTitle('某县2020年度政府信息公开工作年度报告社会评议问卷').isReport, false);
  assert.equal(classifyTitle('武夷山市人民政府2024年政府信息公开工作年度报告').isReport, true);
});

test("a seed copied out of a message loses the message's punctuation, never the address's own brackets", () => {
  assert.equal(pastedUrl('http://gx.test/zwgk/zfxxgknb/index.shtml）'), 'http://gx.test/zwgk/zfxxgknb/index.shtml');
  assert.equal(pastedUrl('http://gx.test/zwgk/zfxxgknb/index.html。'), 'http://gx.test/zwgk/zfxxgknb/index.html');
  assert.equal(pastedUrl('http://gx.test/zwgk/nb/】，'), 'http://gx.test/zwgk/nb/');
  assert.equal(pastedUrl('http://gx.test/files/年报（2023年）'), 'http://gx.test/files/年报（2023年）');
});

test("a learned row whose page field is blank and whose file field holds a document is that document", () => {
  const shape: JsonItemShape = { kind: 'json', arrayPath: ['data', 'list'], title: ['doctitle'], url: ['docpuburl'], date: ['docreltime'] };
  const answer = {
    data: {
      list: [
        { doctitle: '武夷山市人民政府2022年政府信息公开工作年度报告', docpuburl: 'http://fj.test/nb/202301/t1.htm', fileurl: '', thumburl: '', docreltime: '2023-01-20' },
        { doctitle: '武夷山市人民政府2021年政府信息公开工作年度报告', docpuburl: '', fileurl: '/nb/202201/P0202201.pdf', thumburl: '/img/a.pdf', docreltime: '2022-01-27' },
      ],
    },
  };
  assert.deepEqual(
    itemsByShape(answer, shape, 'http://fj.test/nb/index.htm')?.map((i) => [i.url, i.isFile]),
    [
      ['http://fj.test/nb/202301/t1.htm', false],
      ['http://fj.test/nb/202201/P0202201.pdf', true],
    ],
  );
});

test("a seed's 404 is read as its list only when the page is about the reports, not a moved column's page showing one in passing", () => {
  const li = (t: string, i: number) => `<li><a href="/a/${i}.html">${t}</a><span>2025-01-${10 + i}</span></li>`;
  const others = ['统计公报', '政府工作报告', '部门预算', '工作要点', '部门决算', '人事任免', '招聘公告', '规划计划', '政策解读', '财政预算', '新闻发布'].map((t, i) => li(`某县2025年${t}`, i));
  const report = li('某县人民政府2024年政府信息公开工作年度报告', 20);
  const seed = (title: string, items: string[]) => ({
    url: 'http://x.example/xxgk/nb/',
    loadedUrl: 'http://x.example/xxgk/nb/',
    status: 404,
    body: page('某县人民政府', title, `<ul class="list">${items.join('')}</ul>`),
  });
  const data = { kind: 'list' as const, seedEntryId: 1, siteAgencyId: 1, family: 'auto' as const, pageIndex: 0 };
  assert.equal(errorStatusListPage(seed('政府信息公开年报', [report, ...others]), data), true);
  assert.equal(errorStatusListPage(seed('首页', [report, ...others]), data), false);
  assert.equal(errorStatusListPage(seed('首页', [report, li('某县人民政府2023年政府信息公开工作年度报告', 21), ...others.slice(0, 5)]), data), true);
});

/** An IIS site whose 404 handler draws every page, with an empty 专题 of next year's reports (a static page) in its list. */
function iis404Portal(): BlindPortal {
  const site = '西吉县人民政府';
  const years = [2024, 2023, 2022];
  const art = (y: number) => `/xxgk/zfxxgknb/${y + 1}01/${y}.html`;
  const notFound = { status: 404, body: page(site, '页面不存在', '<div class="err"><h2>页面不存在</h2><p>您访问的页面不存在或已被删除。</p><a href="/">返回首页</a></div>') };
  const items = [
    ...years.map((y) => `<li><a href="${art(y)}">${site}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`),
    '<li><a href="/ztzl/2026nb/">西吉县2026年度政府信息公开工作年度报告专题</a><span>2026-11-01</span></li>',
    '<li><a href="/xxgk/zfxxgknb/202001/gone.html">西吉县人民政府2019年政府信息公开工作年度报告</a><span>2020-01-20</span></li>',
  ];
  return {
    id: 'iis-404',
    pattern: "pages drawn by IIS's 404 handler",
    agency: { name: site, division: '640422', level: 'county', province: '宁夏回族自治区', city: '固原市', county: '西吉县' },
    seedPath: '/xxgk/zfxxgknb/',
    expected: years.map((year) => ({ agency: site, year })),
    files: ['/UploadFiles/2023/1/nb2022.pdf'],
    // The 2019 report's page is really gone: said.
    flag: 'short',
    routes: {
      'GET /xxgk/zfxxgknb/': { status: 404, body: page(site, '政府信息公开年报', `<ul class="list">${items.join('')}</ul>`) },
      'GET /ztzl/2026nb/': { body: page(site, '西吉县2026年度政府信息公开工作年度报告专题', '<div class="zt"><h2>西吉县2026年度政府信息公开工作年度报告专题</h2><p>建设中，暂无信息</p></div>') },
      ...Object.fromEntries(
        years.map((y) => [
          `GET ${art(y)}`,
          {
            status: 404,
            body: detail(site, {
              title: `${site}${y}年政府信息公开工作年度报告`,
              publisher: site,
              date: `${y + 1}-01-20`,
              body: y === 2022 ? '<p>全文见附件。</p><p>附件：<a href="/UploadFiles/2023/1/nb2022.pdf">2022年年报.pdf</a></p>' : reportText(site, `${y}年度`),
            }),
          },
        ]),
      ),
      'GET /UploadFiles/2023/1/nb2022.pdf': { type: 'application/pdf', body: pdf('2022') },
      'GET /xxgk/zfxxgknb/202001/gone.html': notFound,
    },
  };
}

/** A column drawn from a JSON island, its pager redrawing in place (history.replaceState), asking nothing. */
function islandPortal(): BlindPortal {
  const site = '郏县人民政府';
  const years = [2024, 2023, 2022, 2021];
  const rows = years.flatMap((y) => [
    { t: `${site}${y}年政府信息公开工作年度报告`, u: `/info/${y + 1}/0120/${y}.html` },
    { t: `郏县${y}年政务公开工作要点`, u: `/info/${y}/0301/${y}1.html` },
  ]);
  const script = `<script>(function(){var rows=${JSON.stringify(rows)};var per=3;function draw(p){var pages=Math.ceil(rows.length/per);var h='';rows.slice((p-1)*per,p*per).forEach(function(r){h+='<li><a href="'+r.u+'">'+r.t+'</a></li>';});document.getElementById('nbList').innerHTML=h;var g='';if(p<pages)g+='<a href="?page='+(p+1)+'" data-p="'+(p+1)+'">下一页</a>';g+='<span>共'+rows.length+'条 第'+p+'/'+pages+'页</span>';document.getElementById('pager').innerHTML=g;}
document.getElementById('pager').addEventListener('click',function(e){var a=e.target.closest('a[data-p]');if(!a)return;e.preventDefault();var p=+a.getAttribute('data-p');history.replaceState(null,'','?page='+p);draw(p);});
draw(+(new URLSearchParams(location.search).get('page'))||1);})();</script>`;
  return {
    id: 'island-in-place',
    pattern: 'a JSON island paged in place',
    agency: { name: site, division: '410425', level: 'county', province: '河南省', city: '平顶山市', county: '郏县' },
    seedPath: '/zfxxgk/ndbg/index.html',
    expected: years.map((year) => ({ agency: site, year })),
    needsBrowser: true,
    routes: {
      'GET /zfxxgk/ndbg/index.html': { body: page(site, '政府信息公开年报', `<ul id="nbList"><li>数据加载中…</li></ul><div id="pager"></div>${script}`) },
      ...Object.fromEntries(
        rows.map((r) => [`GET ${r.u}`, { body: detail(site, { title: r.t, publisher: site, date: '2025-01-20', body: /年度报告/.test(r.t) ? reportText(site, `${r.t.match(/\d{4}/)![0]}年度`) : '<p>工作要点正文。</p>' }) }]),
      ),
    },
  };
}

test('an IIS 404 handler drawing every page, and a list paged in place from data in the page: every report found', { timeout: 300_000 }, async () => {
  const portals = [iis404Portal(), islandPortal()];
  const run = await crawlAsUser(portals);
  try {
    for (const p of portals) assert.deepEqual([...(run.found.get(p.id) ?? [])].sort(), expectedOf(p), `${p.id}: ${run.crawl.out}`);
    assert.deepEqual(run.attachments.get('iis-404'), ['/UploadFiles/2023/1/nb2022.pdf']);
    const iis = run.seeds.find((s) => s.url.startsWith(run.portal.urls['iis-404']!));
    assert.deepEqual(iis?.flags, ['short'], JSON.stringify(iis));
    assert.match(iis?.last.reason ?? '', /gone\.html/);
    assert.ok(run.seeds.find((s) => s.url.startsWith(run.portal.urls['island-in-place']!))?.healthy, JSON.stringify(run.seeds));
  } finally {
    await run.portal.close();
  }
});
