/**
 * Round 15a of the blind portals, on hand-made input: a list paged only by a POST jump form (a page-number box and a
 * GO button, no page link, no script); a report titled by its agency but no year, beside its publication date, its
 * page saying "本年度": catalogued under a title that says its year is a guess.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor, titleShowingGuess } from '../../src/crawl/attribution.ts';
import { withBareReportYears } from '../../src/crawl/families/bare-report-year.ts';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';

const LIST = 'http://www.gov.test/zrzyj/88/list.htm';

const jumpForm = (current: number, extra = '') => `<h2>政府信息公开年报</h2><ul><li><a href="/zrzyj/a1.htm">某局2024年度政府信息公开工作年度报告</a></li></ul>
<form method="post" action="list.htm"><input type="hidden" name="columnId" value="88">${extra}
共7条 第${current}/2页 跳转到第<input type="text" name="pageNo" value="${current}">页 <input type="submit" name="go" value="GO"></form>`;

test('a POST jump form (page-number box and GO, no link) is posted with the next page, up to the announced count', () => {
  const next = (html: string) => withGenericPaging({ items: [], next: [] }, html, LIST).next;
  assert.deepEqual(
    next(jumpForm(1)).map((n) => [n.method, n.url, n.payload]),
    [['POST', LIST, 'columnId=88&pageNo=2&go=GO']],
  );
  assert.deepEqual(next(jumpForm(2)), [], 'the last page posts nothing');
  // A search box beside the page field is no pager.
  assert.deepEqual(next(jumpForm(1, '<input type="text" name="keyword" value="">')), []);
  // An empty box: the page's own words say which page it is.
  assert.deepEqual(next(jumpForm(1).replace('value="1"', 'value=""')).map((n) => n.payload), ['columnId=88&pageNo=2&go=GO']);
});

test('a report titled by its agency but no year takes the year before its publication date, said as a guess', () => {
  const item = (title: string, date: string) => ({ title, url: 'http://www.gov.test/zrzyj/a.htm', date, isFile: false });
  const out = withBareReportYears([item('某市自然资源和规划局政府信息公开工作年度报告', '2023-01-29'), item('某市自然资源和规划局政府信息公开工作年度报告', '2023-12-20'), item('某市政府网站工作年度报表', '2024-01-12')]);
  assert.deepEqual(
    out.items.map((i) => i.title),
    ['某市自然资源和规划局政府信息公开工作年度报告（2022年度：据发布日期2023-01-29推定）', '某市自然资源和规划局政府信息公开工作年度报告', '某市政府网站工作年度报表'],
  );
  // A December date could be either year: left to the page, which may name it (not counted as undated here).
  assert.deepEqual(out.undated, []);
  assert.equal(out.notes.length, 1);
});

test('a report whose year is only the list\'s guess is catalogued under a title saying so; a year its page names is not a guess', () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({ name: '某市自然资源和规划局', nameKey: '某市自然资源和规划局', division: '511500', level: 'city', province: '四川省', city: '某市', county: null });
  const attributor = new Attributor(c);
  const page = '某市自然资源和规划局政府信息公开工作年度报告';
  const list = `${page}（2022年度：据发布日期2023-01-29推定）`;
  const guessed = attributor.attribute({ title: page, otherTitles: [list], bodyText: '本年度，我局坚持以公开为常态。', siteAgency: site })!;
  assert.equal(guessed.year, 2022);
  assert.equal(titleShowingGuess(page, list, guessed), list);
  const named = attributor.attribute({ title: page, otherTitles: [list], bodyText: '现公布某市自然资源和规划局2021年政府信息公开工作年度报告。', siteAgency: site })!;
  assert.equal(named.year, 2021);
  assert.equal(titleShowingGuess(page, list, named), page);
  c.close();
});
