/**
 * Round 66's changes (docs/blind-portals.md, round 66); the blind portals themselves are crawled whole by the blind
 * parts. A template's fixed tooltip (点击查看详情) is no title; a GET form's pager of submit buttons; a TRS channel's
 * static JSON pages (`data/docs.json`, `docs_1.json`) whose links are relative to the JSON file; a pager's "3/3" in a
 * span of its own; a report listed at an old address that is gone, read at its new one; 教体局 spelled out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PARSERS } from '../../src/crawl/families/detect.ts';
import { currentPageNumber } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { requestForPage } from '../../src/crawl/learn/page-param.ts';
import { linkTitle } from '../../src/crawl/list-page.ts';
import { goneReportPages, SeedTallies } from '../../src/crawl/seed-tally.ts';
import { spelledOut } from '../../src/registry/normalize.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';

const site = '桐乡市人民政府';
const parse = (url: string, body: string) => PARSERS.generic.parse({ url, loadedUrl: url, status: 200, body }, undefined);

test("a template's fixed tooltip names nothing: the cut text stays, for its page to decide; a tooltip going with its text still wins", () => {
  assert.equal(linkTitle('桐乡市人民政府2024年政府信息公开…', '点击查看详情'), '桐乡市人民政府2024年政府信息公开…');
  assert.equal(linkTitle('桐乡市人民政府2024年政府信息公开…', '查看全文'), '桐乡市人民政府2024年政府信息公开…');
  // A tooltip sharing nothing with the cut text is another template's label, not the title.
  assert.equal(linkTitle('桐乡市人民政府2024年政府信息公开…', '在新窗口中打开'), '桐乡市人民政府2024年政府信息公开…');
  assert.equal(linkTitle('桐乡市人民政府2024年政府信息公开…', '桐乡市人民政府2024年政府信息公开工作年度报告'), '桐乡市人民政府2024年政府信息公开工作年度报告');
  assert.equal(linkTitle('2024年政府信息公开工作年度报告', '桐乡市人民政府2024年政府信息公开工作年度报告'), '桐乡市人民政府2024年政府信息公开工作年度报告');
  assert.equal(linkTitle('', '桐乡市人民政府2024年政府信息公开工作年度报告'), '桐乡市人民政府2024年政府信息公开工作年度报告');
});

test('a column of cut titles under a fixed tooltip, paged by a GET form of submit buttons: the cut reports asked, page 2 by the form', () => {
  const url = 'http://gov.test/col/col1229427381/index.html';
  const row = (id: number, title: string) => `<li><a href="/art/2025/1/22/art_1229427381_${id}.html" target="_blank" title="点击查看详情">${title}</a><span class="date">2025-01-22</span></li>`;
  const html = page(
    site,
    '市政府年报',
    `<div class="sgh-list"><ul class="xxgk-list">${row(1, '桐乡市2025年政务公开工作要点')}${row(2, '桐乡市人民政府2024年政府信息公开…')}${row(3, '关于做好2024年度政府信息公开工作…')}</ul></div>
<form class="sgh-pager" action="/col/col1229427381/index.html" method="get"><input type="hidden" name="uid" value="7049872">
<span class="pg-info">共13条　共3页　当前第1/3页</span>
<button type="submit" name="pageNum" value="1" disabled="disabled">首页</button><button type="submit" name="pageNum" value="1" disabled="disabled">上一页</button><button type="submit" name="pageNum" value="2">下一页</button><button type="submit" name="pageNum" value="3">尾页</button></form>`,
  );
  const read = parse(url, html);
  assert.ok(read.items.some((i) => i.title === '桐乡市人民政府2024年政府信息公开…'), JSON.stringify(read.items.map((i) => i.title)));
  assert.ok(!read.items.some((i) => i.title === '点击查看详情'));
  assert.ok(read.next.some((n) => n.url === 'http://gov.test/col/col1229427381/index.html?uid=7049872&pageNum=2'), JSON.stringify(read.next));
});

const PAGE = 'http://gov.test/zwgk/zfxxgk/zfxxgknb/index.shtml';
const DATA = 'http://gov.test/zwgk/zfxxgk/zfxxgknb/data/';
const docs = (n: number, rows: { title: string; url: string }[]) =>
  '\ufeff' +
  JSON.stringify({ CHNLID: 14732, PAGECOUNT: 3, PAGEINDEX: n, PAGESIZE: 2, RECORDCOUNT: 6, DOCS: rows.map((r, i) => ({ DOCID: n * 10 + i, DOCTITLE: r.title, DOCRELTIME: '2025-01-24 09:52:00', DOCPUBURL: r.url, DOCTYPE: 20 })) });
const exchange = (url: string, body: string): Exchange => ({ method: 'GET', url, body: null, contentType: null, status: 200, responseType: 'application/json', responseBody: body });
const first = [
  { title: '天津市东丽区人民政府2024年政府信息公开工作年度报告', url: '../202501/t20250124_6898312.shtml' },
  { title: '天津市东丽区教育局2024年政府信息公开工作年度报告', url: '../202501/t20250122_6895540.shtml' },
];
const second = [
  { title: '天津市东丽区人民政府2023年政府信息公开工作年度报告', url: '../202401/t20240125_6521876.shtml' },
  { title: '东丽区2024年政务公开工作要点', url: '../202404/t20240412_6613054.shtml' },
];
// What the page's script drew: each address resolved against the JSON file's, as `new URL(url, jsonUrl)` does.
const drawn = `<ul id="docList">${first.map((r) => `<li><a href="${new URL(r.url, `${DATA}docs.json`).href}">${r.title}</a></li>`).join('')}</ul>`;

test("a TRS channel's static JSON pages: links relative to the JSON file (as the page drew them), pages docs.json, docs_1.json, docs_2.json", () => {
  const learned = learnListEndpoint([exchange(`${DATA}docs.json`, docs(0, first))], PAGE, [exchange(`${DATA}docs_1.json`, docs(1, second))], drawn)!;
  assert.ok(learned, 'a list learned');
  assert.deepEqual(
    learned.items.map((i) => i.url),
    ['http://gov.test/zwgk/zfxxgk/zfxxgknb/202501/t20250124_6898312.shtml', 'http://gov.test/zwgk/zfxxgk/zfxxgknb/202501/t20250122_6895540.shtml'],
  );
  const param = learned.endpoint.page!;
  assert.ok(param, 'a page parameter learned from docs.json → docs_1.json');
  assert.deepEqual([1, 2, 3].map((k) => requestForPage(learned.endpoint.request, param, k).url), [`${DATA}docs.json`, `${DATA}docs_1.json`, `${DATA}docs_2.json`]);
  // With no drawn link to compare, the page stays the base (as most scripts resolve an answer's addresses).
  const blind = learnListEndpoint([exchange(`${DATA}docs.json`, docs(0, first))], PAGE)!;
  assert.equal(blind.items[0]!.url, 'http://gov.test/zwgk/zfxxgk/202501/t20250124_6898312.shtml');
});

test('a pager appending `&page=3` to `&page=2` that says "3/3" in a span of its own: page 3, the last', () => {
  const url = 'http://gov.test/index.php?m=content&c=index&a=lists&catid=58&page=2&page=3';
  const html = `<div id="pages" class="text-c"><a class="a1">19条</a> <a href="/index.php?m=content&amp;c=index&amp;a=lists&amp;catid=58&amp;page=2&amp;page=3&amp;page=2" class="a1">上一页</a> <span>3/3</span> <a class="a1">下一页</a></div>`;
  assert.equal(currentPageNumber(loadHtml(html), url), 3);
  // A fraction in the text that is no pager's is not the page.
  assert.equal(currentPageNumber(loadHtml('<p>完成率 <span>2/3</span></p>'), 'http://gov.test/list.php?page=1'), 1);
});

test("a report item whose old address is gone is not said missing when the seed read the same agency's report of that year elsewhere", () => {
  const t = new SeedTallies().of(1, 'http://gov.test/zwgk/zfxxgk/zfxxgknb/index_2.html');
  t.reportItems = 9;
  t.goneReports.set('http://gov.test/zwgk/zfxxgk/zfxxgknb/202101/t20210128_63305.html', '林芝市巴宜区人民政府2020年政府信息公开工作年度报告');
  assert.match(goneReportPages(t) ?? '', /^1 of its 9 report items' pages are gone/);
  t.sighted.add('林芝市巴宜区人民政府 2019');
  assert.match(goneReportPages(t) ?? '', /^1 of its 9/, 'another year read is no answer');
  t.sighted.add('林芝市巴宜区人民政府 2020');
  assert.equal(goneReportPages(t), null);
});

test('a county bureau named short in a title (县教体局) is catalogued under its full name', () => {
  assert.equal(spelledOut('姚安县教体局'), '姚安县教育体育局');
  assert.equal(spelledOut('某县林草局'), '某县林业和草原局');
  assert.equal(spelledOut('某县民宗局'), '某县民族宗教事务局');
  assert.equal(spelledOut('姚安县教育体育局'), '姚安县教育体育局');
});
