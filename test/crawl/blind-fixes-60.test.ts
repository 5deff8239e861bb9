/**
 * Round 60's changes (docs/blind-portals.md, round 60); the blind portals themselves are crawled whole by the blind
 * parts. A list with no link at all, its rows opened by `<input type="button">`s saying 预览 / 下载 / 查看 or only a
 * year under a unit's heading (the seed was empty); a 政府信息公开指南 PDF as the seed, its 年报 column linked in it (the
 * folders above it read instead: another agency's reports); a town's tile leading to the district's column filtered
 * to the town (`?deptId=`), whose 全部 and tabs led to every other unit's reports; a title's 区农业农村委 catalogued
 * beside the 农业农村委员会 its page signs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentLinks } from '../../src/crawl/document-links.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { spelledOutByPublisher } from '../../src/crawl/short-agency-name.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

test('buttons opening by script are items titled by their row, or by their term and their block’s heading when they say only a year', () => {
  const button = (value: string, script: string, tip = '') => `<input type="button" class="btn" value="${value}"${tip ? ` title="${tip}"` : ''} onclick="${script}" />`;
  const html = `<html><body><table class="nb"><tr><th>年度</th><th>名称</th><th>发布日期</th><th>操作</th></tr>
<tr><td>2024</td><td class="tl">永春县人民政府2024年政府信息公开工作年度报告</td><td>2025-01-20</td><td>${button('预览', "window.open('/yc/preview.jsp?fileId=7')")}${button('下载', "location.href='/uploadfiles/2025/01/20/20250120101522318.pdf'")}</td></tr>
<tr><td>2022</td><td class="tl">永春县人民政府2022年政府信息公开工作年度报告</td><td>2023-01-18</td><td>${button('查看', "window.open('/zwgk/zfxxgkzl/zfxxgknb/202301/t20230118_1.htm')")}</td></tr>
</table>
<div class="bm-item"><h4 class="bm-name">永春县桃城镇人民政府</h4><div class="bm-con"><dl>
<dt>政府信息公开年报：</dt><dd>${button('2024年度', "window.open('/uploadfiles/2025/02/10/20250210153047126.pdf')", '2025-02-10')}</dd>
<dt>部门决算：</dt><dd>${button('2024年度', "window.open('/uploadfiles/2025/08/01/js.pdf')", '2025-08-01')}</dd>
</dl></div></div></body></html>`;
  const items = parseListItems(html, 'http://gov.test/zwgk/zfxxgkzl/zfxxgknb/index.htm');
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname, i.title, classifyTitle(i.title).isReport]),
    [
      ['/yc/preview.jsp', '永春县人民政府2024年政府信息公开工作年度报告', true],
      ['/uploadfiles/2025/01/20/20250120101522318.pdf', '永春县人民政府2024年政府信息公开工作年度报告', true],
      ['/zwgk/zfxxgkzl/zfxxgknb/202301/t20230118_1.htm', '永春县人民政府2022年政府信息公开工作年度报告', true],
      ['/uploadfiles/2025/02/10/20250210153047126.pdf', '永春县桃城镇人民政府2024年度政府信息公开年报', true],
      ['/uploadfiles/2025/08/01/js.pdf', '永春县桃城镇人民政府2024年度部门决算', false],
    ],
  );
});

test('a title’s 区农业农村委 is the 农业农村委员会 its page signs', () => {
  assert.equal(spelledOutByPublisher('区农业农村委', '重庆市大足区农业农村委员会', '500111'), '重庆市大足区农业农村委员会');
  assert.equal(spelledOutByPublisher('区发展改革委', '重庆市大足区发展和改革委员会', '500111'), '重庆市大足区发展和改革委员会');
  // Another body is not spelled out as the publisher.
  assert.equal(spelledOutByPublisher('区卫生健康委', '重庆市大足区农业农村委员会', '500111'), '区卫生健康委');
});

test("a list filtered to one unit (?deptId=) keeps its own sub-columns only: the 全部 and the other units' tabs are not its", () => {
  const html = (q: string) => `<html><head><title>镇（街道）年报</title></head><body><h2>政府信息公开年报</h2>
<div class="nb-tabs"><a href="/zwgk/zfxxgknb/qzf/">区政府年报</a><a href="/zwgk/zfxxgknb/qzbm/">区直部门年报</a><span class="on">镇（街道）年报</span></div>
<div class="zj-filter"><a href="index.html">全部</a><a href="index.html?deptId=440606104">乐从镇</a></div>
<ul class="gk-list"><li><a href="content/post_1.html">乐从镇2024年政府信息公开工作年度报告</a></li></ul>
<div class="tip">当前发布机构：乐从镇 <a href="index.html">查看全部</a></div></body></html>`;
  const base = 'http://gov.test/zwgk/zfxxgknb/zjnb/index.html';
  assert.deepEqual(subColumnLinks(html('?deptId=440606104'), `${base}?deptId=440606104`), []);
  assert.ok(subColumnLinks(html(''), base).includes('http://gov.test/zwgk/zfxxgknb/qzbm/'));
});

test('a document names the addresses it links and writes out whole', async () => {
  const pdf = textPdf(['四、政府信息公开年报', '详见本委年报栏目：http://gov.test/bm/nyncw/zfxxgknb/'], ['http://gov.test/bm/nyncw/zwgk/zfxxgknb/', 'http://gov.test/']);
  assert.deepEqual(await documentLinks(pdf, 'guide.pdf'), ['http://gov.test/bm/nyncw/zwgk/zfxxgknb/', 'http://gov.test/', 'http://gov.test/bm/nyncw/zfxxgknb/']);
});

test('a guide PDF as the seed is read through the column it links, not the folders above it (other units’ guides and the district’s reports)', { timeout: 300_000 }, async () => {
  const bureau = '重庆市大足区农业农村委员会';
  const district = '重庆市大足区人民政府';
  const col = '/bm/nyncw/zfxxgknb/';
  const portal: BlindPortal = {
    id: 'guide-pdf-seed',
    pattern: "a unit's 政府信息公开指南 PDF as the seed, linking its 年报 column; the folders above it the district's guides and reports",
    agency: { name: bureau, division: '500111', level: 'county', province: '重庆市', city: '重庆市', county: '大足区' },
    seedPath: '/zwgk/zfxxgkzn/bmzn/202402/P020240226512763094821.pdf',
    flag: 'moved',
    expected: [
      { agency: bureau, year: 2024 },
      { agency: bureau, year: 2023 },
    ],
    routes: {
      'GET /zwgk/zfxxgkzn/bmzn/202402/P020240226512763094821.pdf': (req) => ({
        type: 'application/pdf',
        body: textPdf([`${bureau}政府信息公开指南`, '四、政府信息公开年报', '本委年报在本委政府信息公开年报栏目发布。'], [`http://${req.headers.host}${col}`, `http://${req.headers.host}/`]),
      }),
      'GET /zwgk/zfxxgkzn/bmzn/': { body: page(district, '部门街镇政府信息公开指南', '<ul><li><a href="202402/P020240226512763094821.pdf">重庆市大足区农业农村委员会政府信息公开指南</a></li></ul>') },
      'GET /zwgk/zfxxgkzn/': { body: page(district, '政府信息公开指南', '<ul><li><a href="bmzn/">部门街镇政府信息公开指南</a></li><li><a href="/zwgk/zfxxgknb/">政府信息公开年报</a></li></ul>') },
      'GET /zwgk/zfxxgknb/': { body: page(district, '政府信息公开年报', `<ul><li><a href="/zwgk/zfxxgknb/202501/t1.html">${district}2024年政府信息公开工作年度报告</a></li></ul>`) },
      'GET /zwgk/zfxxgknb/202501/t1.html': { body: detail(district, { title: `${district}2024年政府信息公开工作年度报告`, publisher: district, date: '2025-01-20', body: reportText(district, '2024年度') }) },
      [`GET ${col}`]: {
        body: page(bureau, '政府信息公开年报', `<ul><li><a href="202501/t2.html">${bureau}2024年政府信息公开工作年度报告</a></li><li><a href="202401/t3.html">区农业农村委2023年政府信息公开工作年度报告</a></li><li><a href="202404/t4.html">${bureau}2024年政务公开工作要点</a></li></ul>`),
      },
      [`GET ${col}202501/t2.html`]: { body: detail(bureau, { title: `${bureau}2024年政府信息公开工作年度报告`, publisher: bureau, date: '2025-01-24', body: reportText(bureau, '2024年度') }) },
      [`GET ${col}202401/t3.html`]: { body: detail(bureau, { title: '区农业农村委2023年政府信息公开工作年度报告', publisher: bureau, date: '2024-01-26', body: reportText(bureau, '2023年度') }) },
      [`GET ${col}202404/t4.html`]: { body: detail(bureau, { title: `${bureau}2024年政务公开工作要点`, publisher: bureau, date: '2024-04-18', body: '<p>要点。</p>' }) },
    },
  };
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), [`${bureau} 2023`, `${bureau} 2024`]);
    const seed = run.seeds.find((s) => s.url.startsWith(run.portal.urls[portal.id]!));
    assert.match(JSON.stringify(seed?.last), /the pages it links/);
  } finally {
    await run.portal.close();
  }
});
