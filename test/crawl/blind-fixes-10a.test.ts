/**
 * Round 10a of the blind portals, on hand-made input: a Bootstrap pager inside `<nav aria-label="pagination">` with
 * "›" only is followed (a site menu's `<nav>` still is not a pager); the last page of an EasySite list says
 * "当前第3/3页" and is not taken for page 1 of 3 (a false `short`); a column of files titled "政府信息公开工作年度报告"
 * with no year gets its year from the file's name, or, said as a guess, from the date published beside it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { parseReportYear } from '../../src/crawl/classify/year.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { currentPageNumber, nextPageUrl, statedCurrentPage } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { SeedTallies, undatedReports } from '../../src/crawl/seed-tally.ts';

const visit = (url: string, body: string) => ({ url, loadedUrl: url, status: 200, body, rendered: false }) as Parameters<typeof parseGenericList>[0];

test('a Bootstrap pager in <nav aria-label="pagination"> holding only ‹ and › leads to page 2; a menu <nav> does not', () => {
  const url = 'http://www.gov.test/xxgk/gkml/index.jsp?classId=19';
  const rows = '<table><tr><td><a href="detail.jsp?id=1">某县2024年政府信息公开工作年度报告</a></td><td>2025-01-20</td></tr></table>';
  const pager = `<nav aria-label="pagination"><ul class="pagination"><li class="page-item disabled"><span class="page-link">‹</span></li>
<li class="page-item"><a class="page-link" href="index.jsp?classId=19&amp;page=2" aria-label="Next">›</a></li></ul></nav>`;
  assert.equal(nextPageUrl(`<html><body>${rows}${pager}</body></html>`, url), 'http://www.gov.test/xxgk/gkml/index.jsp?classId=19&page=2');
  // The same arrow in the site's menu bar is no pager.
  const menu = '<nav class="mainnav"><a href="/">首页</a><a href="/zwgk/">›</a></nav>';
  assert.equal(nextPageUrl(`<html><body>${menu}${rows}</body></html>`, url), null);
});

test('the page number a pager prints ("当前第3/3页") is the current page, whatever the URL calls its parameter', () => {
  assert.equal(statedCurrentPage('共9条 每页4条 当前第3/3页 首页 上一页'), 3);
  assert.equal(statedCurrentPage('第2页/共5页'), 2);
  assert.equal(statedCurrentPage('页次：2/7 每页20'), 2);
  assert.equal(statedCurrentPage('当前第9/3页'), null);
  assert.equal(statedCurrentPage('共9条'), null);
  const last = `<html><body><ul class="conList_ul"><li><a href="/c/4789233/index.html">某海关2021年政府信息公开工作年度报告</a><span>2022-01-25</span></li></ul>
<div class="easysite-page-wrap">共9条 每页4条 当前第3/3页 <a href="/eportal/ui?pageId=7&amp;currentPage=1">首页</a> <a href="/eportal/ui?pageId=7&amp;currentPage=2">上一页</a> <span>下一页</span> <span>尾页</span></div></body></html>`;
  // An address whose page parameter nianbao does not know: only the printed words tell.
  const url = 'http://www.gov.test/eportal/ui?pageId=7&cPage=3&moduleId=ab&staticRequest=yes';
  assert.equal(currentPageNumber(loadHtml(last), url), 3);
  // The last page: no next page, and no "no way to page 2" dead end (which flagged a complete seed `short`).
  const parsed = parseGenericList(visit(url, last));
  assert.deepEqual(parsed.next, []);
  assert.equal(parsed.deadEnd, undefined);
});

test('a report file titled without a year: the year from its file name, else the year before its date (said as a guess)', () => {
  const url = 'http://www.gov.test/zrzy/ndbg/list.html';
  const html = `<html><body><div class="side"><a href="/zrzy/ndbg/list.html">政府信息公开年度报告</a></div><table>
<tr><td><a href="/uploadfile/2024/0125/${encodeURIComponent('2023年政府信息公开工作年度报告')}.pdf">政府信息公开工作年度报告.pdf</a></td><td>2024-01-25</td></tr>
<tr><td><a href="/uploadfile/2022/0127/P020220127663015.doc">政府信息公开工作年度报告.doc</a></td><td>2022-01-27</td></tr>
<tr><td><a href="/zrzy/ndbg/t20230118_88104.html">政府信息公开工作年度报告</a></td><td>2023-01-18</td></tr>
<tr><td><a href="/uploadfile/2021/1210/P020211210.pdf">政府信息公开工作年度报告.pdf</a></td><td>2021-12-10</td></tr>
<tr><td><a href="/uploadfile/2022/0310/P020220310.xls">自然资源统计年报.xls</a></td><td>2022-03-10</td></tr>
</table></body></html>`;
  const parsed = parseGenericList(visit(url, html));
  const reports = parsed.items.filter((i) => classifyTitle(i.title).isReport).map((i) => [new URL(i.url).pathname.split('/').pop(), parseReportYear(i.title), i.title]);
  assert.deepEqual(reports, [
    [`${encodeURIComponent('2023年政府信息公开工作年度报告')}.pdf`, 2023, '2023年政府信息公开工作年度报告'],
    ['P020220127663015.doc', 2021, '政府信息公开工作年度报告（2021年度：据发布日期2022-01-27推定）'],
    ['t20230118_88104.html', 2022, '政府信息公开工作年度报告（2022年度：据发布日期2023-01-18推定）'],
  ]);
  // The guesses are noted with the page's outcome; a December date (either year) and the undated menu label are not guessed.
  assert.match(parsed.notes?.join() ?? '', /guessed the report year of 2 item\(s\).*2022-01-27 → 2021, 2023-01-18 → 2022/);
  // The December one is listed as undated, and its seed is told so (not silent); the menu label is no item to count.
  assert.deepEqual(parsed.undatedReports, ['政府信息公开工作年度报告.pdf (2021-12-10)']);
  const t = new SeedTallies().of(1, url);
  assert.equal(undatedReports(t), null);
  for (const title of parsed.undatedReports ?? []) t.undatedReports.add(title);
  assert.equal(undatedReports(t), '1 of its list items are titled as a report with no year that their date cannot tell (政府信息公开工作年度报告.pdf (2021-12-10)), not catalogued');
});

test('a year guessed from the publication date yields to the year the report page states', () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({ name: '连云港市自然资源和规划局', nameKey: '连云港市自然资源和规划局', division: '320700', level: 'city', province: '江苏省', city: '连云港市', county: null });
  const attributor = new Attributor(c);
  const title = '政府信息公开工作年度报告（2022年度：据发布日期2023-01-18推定）';
  // Nothing else says the year: the guess, as the title says.
  assert.equal(attributor.attribute({ title, siteAgency: site })?.year, 2022);
  // The page says it is the 2021 report (published late): the page is right, the guess is not.
  const bodyText = '根据《中华人民共和国政府信息公开条例》，现公布本局2021年政府信息公开工作年度报告。';
  assert.equal(attributor.attribute({ title, otherTitles: [title], bodyText, siteAgency: site })?.year, 2021);
  c.close();
});

test('zero-width spaces, a BOM or a soft hyphen inside a title do not hide the report or its year', () => {
  for (const t of ['宿迁市人民政府2023\u200b年度政府信息公开\u200b工作年度报告', '宿迁市人民政府2023年度政府信息\u00ad公开工作年度报告', '\ufeff宿迁市人民政府2023年度政府信息公开\u2060工作年度报告']) {
    assert.equal(classifyTitle(t).isReport, true, JSON.stringify(t));
    assert.equal(parseReportYear(t), 2023, JSON.stringify(t));
  }
  // The list item's title is stored without them.
  const url = 'http://www.gov.test/cnsq/gknb/xxgknb2023_list.shtml';
  const items = parseGenericList(visit(url, '<ul><li><a href="/cnsq/gknb/202401/81577.shtml">宿迁市人民政府2023\u200b年度&nbsp;政府信息公开工作年度报告</a><span>2024-01-26</span></li></ul>')).items;
  assert.deepEqual(items.map((i) => i.title), ['宿迁市人民政府2023年度 政府信息公开工作年度报告']);
});

test('a link that is only a cover image is titled by the image alt text; an icon alt titles nothing (its row does)', () => {
  const url = 'http://www.gov.test/xxgk/ndbg/';
  const html = `<ul class="covers"><li><a href="/xxgk/ndbg/t20240120_1.html"><img src="/cover/2023.jpg" alt="某县2023年政府信息公开工作年度报告"></a></li></ul>
<table><tr><td>某县2022年政府信息公开工作年度报告</td><td><a href="/xxgk/ndbg/P020230118.pdf"><img src="/images/pdf.gif" alt="pdf图标"></a></td></tr></table>`;
  assert.deepEqual(
    parseGenericList(visit(url, html)).items.map((i) => i.title),
    ['某县2023年政府信息公开工作年度报告', '某县2022年政府信息公开工作年度报告'],
  );
});
