/**
 * Round 14a of the blind portals, on hand-made input: a table grouped by year whose year cell spans its group's rows
 * (`rowspan`), the rows' links reading "查看" or the unit's name; a grid whose header is two rows; a column folded by
 * year in `<details><summary>`; a list item's second link "[PDF]" to its own file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withColumnYear } from '../../src/crawl/families/column-year.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const LIST = 'http://www.gov.test/zwgk/ndbg/index.html';

test('a year cell spanning its group (rowspan) gives each row its year; a link reading the unit titles the row as 查看 does', () => {
  const html = `<div class="tit">政府信息公开工作年度报告</div><table>
<tr><th>年度</th><th>单位</th><th>报告</th></tr>
<tr><td rowspan="2">2024年</td><td>某县人民政府</td><td><a href="/art/1.html">查看</a></td></tr>
<tr><td>某县教育局</td><td><a href="/upload/2.pdf">查看</a></td></tr>
<tr><td rowspan="2">二〇二三年</td><td><a href="/art/3.html">某县人民政府</a></td><td>&nbsp;</td></tr>
<tr><td><a href="/upload/4.pdf">某县教育局</a></td><td>&nbsp;</td></tr>
<tr><td>2022年</td><td>某县财政局</td><td>未公开</td></tr></table>`;
  assert.deepEqual(
    parseListItems(html, LIST).map((i) => i.title),
    ['某县人民政府2024年度政府信息公开工作年度报告', '某县教育局2024年度政府信息公开工作年度报告', '某县人民政府2023年度政府信息公开工作年度报告', '某县教育局2023年度政府信息公开工作年度报告'],
  );
});

test("a grid's header of two rows (单位 spanning both, 年度报告 over the years) gives each cell its year column", () => {
  const html = `<h2>历年政府信息公开工作年度报告汇总</h2><table>
<tr><th rowspan="2">单位</th><th colspan="3">年度报告</th></tr>
<tr><th>2024年</th><th>2023年</th><th>2022年</th></tr>
<tr><td>某县教育局</td><td><a href="/a/1.html">查看</a></td><td><a href="/a/2.html">查看</a></td><td>—</td></tr>
<tr><td>某县财政局</td><td><a href="/a/3.html">查看</a></td><td>—</td><td><a href="/a/4.pdf">查看</a></td></tr></table>`;
  assert.deepEqual(
    parseListItems(html, LIST).map((i) => i.title.replace(/（.*$/, '')),
    ['某县教育局2024年度政府信息公开工作年度报告', '某县教育局2023年度政府信息公开工作年度报告', '某县财政局2024年度政府信息公开工作年度报告', '某县财政局2022年度政府信息公开工作年度报告'],
  );
});

test('a table of units and years under a heading naming something else gives its links no report title', () => {
  const html = `<div class="tit">部门预算公开</div><table><tr><th>年度</th><th>单位</th><th>文件</th></tr>
<tr><td rowspan="2">2024年</td><td>某县教育局</td><td><a href="/ys/1.pdf">查看</a></td></tr>
<tr><td><a href="/ys/2.pdf">某县财政局</a></td><td>&nbsp;</td></tr></table>`;
  for (const item of parseListItems(html, LIST)) assert.doesNotMatch(item.title, /年度报告/);
});

test('a column folded by year in <details><summary> gives its yearless reports the summary\'s year, not its plans', () => {
  const html = `<div class="nd"><details open><summary>２０２４年度</summary><ul><li><a href="/a/1.html">某县人民政府政务公开工作年度报告</a></li>
<li><a href="/a/2.html">某县２０２５年政务公开工作要点</a></li></ul></details>
<details><summary>二〇二二年度</summary><ul><li><a href="/a/3.html">政府信息公开工作年度报告</a></li><li><a href="/a/4.html">某县政务公开工作计划</a></li></ul></details></div>`;
  const items = withColumnYear(html, parseListItems(html, LIST), LIST);
  assert.deepEqual(
    items.map((i) => i.title),
    ['某县人民政府政务公开工作年度报告（2024年度）', '某县２０２５年政务公开工作要点', '政府信息公开工作年度报告（2022年度）', '某县政务公开工作计划'],
  );
});

test('a <summary> naming its year and the reports ("2023年度报告", "2022年年报") heads its group; one naming anything else does not', () => {
  const html = `<div class="nd"><details open><summary>2023年度报告</summary><ul><li><a href="/a/1.html">某县财政局政府信息公开工作年度报告</a></li></ul></details>
<details><summary>二〇二二年年报</summary><ul><li><a href="/a/2.html">某县财政局政府信息公开工作年度报告</a></li></ul></details>
<details><summary>2021年工作要点</summary><ul><li><a href="/a/3.html">某县财政局政府信息公开工作年度报告</a></li></ul></details></div>`;
  const items = withColumnYear(html, parseListItems(html, LIST), LIST);
  assert.deepEqual(
    items.map((i) => i.title),
    ['某县财政局政府信息公开工作年度报告（2023年度）', '某县财政局政府信息公开工作年度报告（2022年度）', '某县财政局政府信息公开工作年度报告'],
  );
});

test('a row\'s "[PDF]" / "附件下载" beside its article is the article\'s file, not an item; a file titled for itself stays one', () => {
  const html = `<div class="top"><b>[置顶]</b> <a href="../../../art/2025/1/1/art_1.html">某县2024年政府信息公开工作年度报告</a> <a href="/pic/1.pdf">[PDF]</a></div>
<table><tr><td><a href="../../../art/2025/1/1/art_1.html">某县2024年政府信息公开工作年度报告</a> <a href="/pic/1.pdf">[PDF]</a></td><td>2025-01-22</td></tr>
<tr><td><a href="/art/2.html">某县人社局2024年政府信息公开工作年度报告</a> <a href="/pic/2.pdf">附件下载</a></td><td>2025-01-27</td></tr>
<tr><td><a href="/art/3.html">某县2023年政府信息公开工作年度报告</a> <a href="/pic/3.pdf">某县2023年政府信息公开工作年度报告.pdf</a></td></tr></table>`;
  const items = parseListItems(html, LIST);
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname, i.files ?? []]),
    [
      ['/art/2025/1/1/art_1.html', ['http://www.gov.test/pic/1.pdf']],
      ['/art/2.html', ['http://www.gov.test/pic/2.pdf']],
      ['/art/3.html', []],
      ['/pic/3.pdf', []],
    ],
  );
});

test('in a row of several articles (one <li>, or bare links in a <div> parted by <br>) each "[PDF]" goes with its own article', () => {
  const html = `<div class="list"><a href="/art/1.html">某县2024年政府信息公开工作年度报告</a> <a href="/pic/1.pdf">[PDF]</a><br>
<a href="/art/2.html">某县2023年政府信息公开工作年度报告</a> <a href="/pic/2.pdf">[PDF]</a> <a href="/pic/2.docx">[DOC]</a><br></div>
<ul><li><a href="/art/3.html">某县2022年政府信息公开工作年度报告</a> <a href="/pic/3.pdf">附件下载</a> <a href="/art/4.html">某县2021年政府信息公开工作年度报告</a> <a href="/pic/4.pdf">附件下载</a></li>
<li><a href="/pic/5.pdf">[PDF]</a> <a href="/art/5.html">某县2020年政府信息公开工作年度报告</a> <a href="/pic/6.pdf">[PDF]</a> <a href="/art/6.html">某县2019年政府信息公开工作年度报告</a></li></ul>`;
  const items = parseListItems(html, LIST);
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname, (i.files ?? []).map((f) => new URL(f).pathname)]),
    [
      ['/art/1.html', ['/pic/1.pdf']],
      ['/art/2.html', ['/pic/2.pdf', '/pic/2.docx']],
      ['/art/3.html', ['/pic/3.pdf']],
      ['/art/4.html', ['/pic/4.pdf']],
      ['/art/5.html', ['/pic/5.pdf']],
      ['/art/6.html', ['/pic/6.pdf']],
    ],
  );
});
