/**
 * Round 11a of the blind portals, on hand-made input: a 年报 column whose years are buttons drawn as images (an
 * `<img alt="2024年度">`, an image map's `<area>`, a button with no alt leading to the year's folder) leads to each
 * year's page; a summary article "2023年度县直各部门…年度报告" whose attachments are named by the agency alone
 * ("县教育局.pdf") is an index of those agencies' reports, never one report of a "县直各部门".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { agencyColumnLinks } from '../../src/crawl/families/agency-links.ts';
import { classifyCollection } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { yearColumnLinks } from '../../src/crawl/families/pager.ts';

const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body, rendered: false }) as Parameters<typeof parseGenericList>[0];

test('year buttons drawn as images are year columns: the image alt, an image map area, a bare image leading to the year folder', () => {
  const url = 'http://www.gov.test/jyj/gknb/';
  const html = `<html><head><title>政府信息公开年报</title></head><body><div class="box"><div class="hd">政府信息公开年报</div>
<div class="btns"><a href="2024/"><img src="/img/b2024.png" alt="2024年度"></a>
<a href="2023/index.html"><img src="/img/b2023.png" alt="2023年度"></a>
<a href="2022/"><img src="/img/b2022.png"></a></div>
<div class="older"><img src="/img/older.png" usemap="#m"><map name="m"><area shape="rect" coords="0,0,9,9" href="2021/" alt="2021年度"></map></div></div>
<div class="news"><a href="/jyj/tzgg/202501/t1.html"><img src="/img/pic.png"></a></div></body></html>`;
  assert.deepEqual(yearColumnLinks(html, url).sort(), [
    'http://www.gov.test/jyj/gknb/2021/',
    'http://www.gov.test/jyj/gknb/2022/',
    'http://www.gov.test/jyj/gknb/2023/index.html',
    'http://www.gov.test/jyj/gknb/2024/',
  ]);
  // Read as a list page, the year pages are pages to read, not items.
  const parsed = parseGenericList(visit(url, html));
  assert.equal(parsed.next.filter((n) => /\/20\d\d\//.test(n.url)).length, 4);
});

const summary = `<html><head><title>2023年度县直各部门政府信息公开工作年度报告_某县人民政府网</title></head><body>
<div class="viewbox"><div class="title"><h2>2023年度县直各部门政府信息公开工作年度报告</h2></div>
<div class="info">时间:2024-01-30 来源:县政府办公室</div>
<div class="content"><p>根据《中华人民共和国政府信息公开条例》规定，现将县直各部门2023年度政府信息公开工作年度报告予以公布，详见附件。</p>
<p>附件：</p><p><a href="/uploads/soft/240130/1-1.pdf">县教育局.pdf</a></p><p><a href="/uploads/soft/240130/1-2.docx">附件2：县卫生健康局.docx</a></p>
<p><a href="/uploads/soft/240130/1-3.xls">县直部门年报发布情况一览表.xls</a></p></div></div></body></html>`;

test('a summary article whose attachments are named by an agency alone is an index of their reports, each titled by its agency and the year', () => {
  const url = 'http://www.gov.test/a/xxgk/nb/2024/0130/1290.html';
  const page = parseDetailPage(summary, url);
  assert.equal(classifyCollection(summary, url, page, '2023年度县直各部门政府信息公开工作年度报告').collection, true);
  const items = parseGenericList(visit(url, summary)).items.filter((i) => i.url.includes('/uploads/'));
  assert.deepEqual(
    items.map((i) => i.title),
    ['县教育局2023年政府信息公开工作年度报告', '县卫生健康局2023年政府信息公开工作年度报告', '县直部门年报发布情况一览表.xls'],
  );
  // One agency's report page with its text in two files stays that agency's report.
  const own = summary.replaceAll('县直各部门', '县教育局').replace('县卫生健康局.docx', '县教育局.docx');
  assert.equal(classifyCollection(own, url, parseDetailPage(own, url), '县教育局2023年度政府信息公开工作年度报告').collection, false);
});

test('a collective subject (县直各部门, 各乡镇, 市直部门) is no agency of a title; a department still is', () => {
  assert.equal(agencyFromTitle('2023年度县直各部门政府信息公开工作年度报告'), null);
  assert.equal(agencyFromTitle('2023年度各乡镇政府信息公开工作年度报告'), null);
  assert.equal(agencyFromTitle('市直部门2022年政府信息公开工作年度报告'), null);
  assert.equal(agencyFromTitle('莒南县教育局2023年政府信息公开工作年度报告'), '莒南县教育局');
  assert.equal(agencyFromTitle('某市直属机关工作委员会2023年政府信息公开工作年度报告'), '某市直属机关工作委员会');
});

test('files named by an agency behind a download endpoint are no agency columns of a 年报 directory', () => {
  const html = `<html><head><title>部门年报</title></head><body><h1>部门年报</h1><ul>
<li><a href="/down.jsp?id=1">县教育局.pdf</a></li><li><a href="/down.jsp?id=2">县卫生健康局.pdf</a></li></ul></body></html>`;
  assert.deepEqual(agencyColumnLinks(loadHtml(html), 'http://www.gov.test/bmnb/'), []);
  // The same names without the extension are the agencies' columns.
  assert.equal(agencyColumnLinks(loadHtml(html.replaceAll('.pdf<', '<')), 'http://www.gov.test/bmnb/').length, 2);
});
