/**
 * Round 47's fixes (docs/blind-portals.md, "Round 47"), on hand-made input:
 * 1. a 年报 column kept as a table of years × 报告全文 / 报告解读, each cell a link reading "全文", "PDF" or "解读", a
 *    table of 政府网站工作年度报表 of the same shape beside it: no report found (`empty`);
 * 2. a mayor's-mailbox letter as the seed ("咨询在哪里能看到政府信息公开年度报告"), its box of letters holding
 *    "对开原市2022年政府信息公开工作年度报告中有关数据的疑问": the letter catalogued as the 2022 report, the seed
 *    healthy (silent), its host never explored (its title named the reports).
 * The rest is in the registered portals (blind-gz47-renhuai-visit: rows opened through a hit counter's answer, each
 * click's address taken as the one before it; blind-ln-kaiyuan-letter-seed: the explorer going home from a page whose
 * links name nothing to follow), test/download/mended-headers.test.ts (a header line repeated word for word) and
 * test/download/sign-on-bounce.test.ts (a sign-on service's bounce on another host).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

test('a letter about a report, a letter asking where the reports are, and their replies are no reports', () => {
  for (const title of [
    '对开原市2022年政府信息公开工作年度报告中有关数据的疑问',
    '关于开原市2022年政府信息公开工作年度报告的咨询',
    '开原市2022年政府信息公开工作年度报告的回复',
    '咨询在哪里能看到政府信息公开年度报告',
  ]) {
    const v = classifyTitle(title);
    assert.ok(!v.isReport && v.excluded, `${title}: ${v.reason}`);
  }
  for (const title of ['开原市2022年政府信息公开工作年度报告', '开原市2022年政府信息公开工作年度报告（含依申请公开答复情况）']) {
    assert.ok(classifyTitle(title).isReport, title);
  }
});

const yearTable = (heading: string, rows: string) => `<div class="col-tit"><span>${heading}</span></div>
<table class="nb-table"><thead><tr><th>年度</th><th>报告全文</th><th>报告解读</th><th>发布日期</th></tr></thead><tbody>${rows}</tbody></table>`;

test("a table of years × kinds: each cell is its column's kind of the row's year of what the table's heading names", () => {
  const html = `<html><head><title>政府信息公开年报_仁化县人民政府</title></head><body><div class="main">
<div class="nb-intro"><p>根据《中华人民共和国政府信息公开条例》规定，现将历年政府信息公开工作年度报告及其解读材料集中公布如下，点击表格中的链接查看。</p></div>
${yearTable(
  '政府信息公开年报',
  `<tr><td>2025年度</td><td><a href="./content/post_1.html">全文</a></td><td><a href="../zcjd/post_2.html">解读</a> <a href="/attachment/0/3.pdf">PDF</a></td><td>2026-01-23</td></tr>
<tr><td>2021年度</td><td><a href="/attachment/0/4.pdf">PDF</a></td><td>—</td><td>2022-01-27</td></tr>`,
)}
${yearTable('政府网站工作年度报表', `<tr><td>2025年度</td><td><a href="./content/post_5.html">全文</a></td><td>—</td><td>2026-01-15</td></tr>`)}
</div></body></html>`;
  const items = parseListItems(html, 'http://gov.test/zwgk/zfxxgknb/index.html');
  const verdict = (path: string) => {
    const item = items.find((i) => new URL(i.url).pathname.endsWith(path));
    return item ? [item.title.replace(/（汇总表.*$/, ''), classifyTitle(item.title).isReport] : null;
  };
  assert.deepEqual(verdict('post_1.html'), ['2025年度政府信息公开年报（报告全文）', true]);
  assert.deepEqual(verdict('4.pdf'), ['2021年度政府信息公开年报（报告全文）', true]);
  // The 解读 column's cells: no report (its "解读" link says what it is and is no item at all).
  assert.equal(verdict('post_2.html'), null);
  assert.deepEqual(verdict('3.pdf'), ['2025年度政府信息公开年报（报告解读）', false]);
  // The other table, one link a row: titled all the same, by its own heading.
  assert.deepEqual(verdict('post_5.html'), ['2025年度政府网站工作年度报表（报告全文）', false]);
});

test('a table of years with one link a row, each saying only 查看, under a heading naming the reports', () => {
  const html = `<html><head><title>信息公开_某县人民政府</title></head><body>
<h3>政府信息公开工作年度报告</h3><table><tr><th>年度</th><th>年度报告</th></tr>
<tr><td>2024年</td><td><a href="/nb/2024.html">查看</a></td></tr><tr><td>2023年</td><td><a href="/nb/2023.pdf">下载</a></td></tr></table></body></html>`;
  const items = parseListItems(html, 'http://gov.test/xxgk/');
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname, i.title.replace(/（汇总表.*$/, ''), classifyTitle(i.title).isReport]),
    [
      ['/nb/2024.html', '2024年度政府信息公开工作年度报告（年度报告）', true],
      ['/nb/2023.pdf', '2023年度政府信息公开工作年度报告（年度报告）', true],
    ],
  );
});
