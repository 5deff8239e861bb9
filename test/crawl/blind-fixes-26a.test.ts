/**
 * Round 26a's fixes (docs/blind-portals.md, "Round 26a"), each on hand-made input. Both 集约化 portals were read whole;
 * what was wrong was on an older county site whose departments title their reports year first and sign them at the
 * end ("2024年度政府信息公开工作年度报告—县自然资源和规划局"): the signature was not read (the report catalogued as the
 * county government's), and a signed trap ("2024年度法治政府建设情况报告—县司法局") was taken for a bare agency link
 * and retitled as that "agency's" report of the page's year.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { agencyOfLinkText, aggregatorYear, titleAgencyLinks } from '../../src/crawl/families/agency-links.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import type { ListItem } from '../../src/crawl/list-page.ts';

test('an agency signing a year-first title after a dash is the report’s agency, placed in the site’s county', () => {
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告—县自然资源和规划局'), '县自然资源和规划局');
  assert.equal(agencyFromTitle('2023年政府信息公开工作年度报告-某县北峰乡人民政府'), '某县北峰乡人民政府');
  assert.equal(agencyFromTitle('政府信息公开工作年度报告（2023年度）——县卫生健康局'), '县卫生健康局');
  // A name before the subject still wins; a title signed by nothing (or by a note) names nobody.
  assert.equal(agencyFromTitle('大名县人民政府2024年政府信息公开工作年度报告—全文'), '大名县人民政府');
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告'), null);
  assert.equal(agencyFromTitle('2024年度政府信息公开工作年度报告—全文'), null);

  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '大名县人民政府', nameKey: '大名县人民政府', division: '130425', level: 'county', province: '河北省', city: '邯郸市', county: '大名县' });
  const got = new Attributor(c).attribute({ title: '2024年度政府信息公开工作年度报告—县自然资源和规划局', siteAgency: county })!;
  assert.deepEqual([got.agency.name, got.agency.division, got.year], ['大名县自然资源和规划局', '130425', 2024]);
  c.close();
});

test('a signed document title is no bare agency link: it keeps its title, while a link named by an agency alone is still read', () => {
  assert.equal(agencyOfLinkText('2024年度法治政府建设情况报告—县司法局'), null);
  assert.equal(agencyOfLinkText('2024年度部门预算公开—县教育体育局'), null);
  assert.equal(agencyOfLinkText('县教育局'), '县教育局');
  assert.equal(agencyOfLinkText('附件2：县卫生健康局.docx'), '县卫生健康局');
  assert.equal(agencyOfLinkText('县政务公开办公室'), '县政务公开办公室');
  // Names holding a document's word that agencies' names hold too (lead, after the merge): refused only when signed.
  assert.equal(agencyOfLinkText('县预算评审中心'), '县预算评审中心');
  assert.equal(agencyOfLinkText('县政务公开领导小组办公室'), '县政务公开领导小组办公室');
  assert.equal(agencyOfLinkText('部门决算—县财政局'), null);
  assert.equal(agencyOfLinkText('部门预算公开：县教育体育局'), null);

  const html = `<html><head><title>信息公开年报</title></head><body><h2>2024年度政府信息公开工作年度报告</h2>
<table class="list">
<tr><td>[01-17]</td><td class="tit"><a href="/xxgk/2025/3862.html">县自然资源和规划局</a></td></tr>
<tr><td>[01-16]</td><td class="tit"><a href="/xxgk/2025/3861.html">县教育体育局</a></td></tr>
<tr><td>[12-27]</td><td class="tit"><a href="/xxgk/2024/3839.html">2024年度法治政府建设情况报告—县司法局</a></td></tr>
</table></body></html>`;
  const items: ListItem[] = [
    { title: '县自然资源和规划局', url: 'http://x.test/xxgk/2025/3862.html', date: null, isFile: false },
    { title: '县教育体育局', url: 'http://x.test/xxgk/2025/3861.html', date: null, isFile: false },
    { title: '2024年度法治政府建设情况报告—县司法局', url: 'http://x.test/xxgk/2024/3839.html', date: null, isFile: false },
  ];
  const titles = titleAgencyLinks(html, items, 'http://x.test/xxgk/list_25.html').map((i) => i.title);
  assert.deepEqual(titles, ['县自然资源和规划局2024年政府信息公开工作年度报告', '县教育体育局2024年政府信息公开工作年度报告', '2024年度法治政府建设情况报告—县司法局']);
});

test('a list row\'s title cell marked .tit is no heading: a list of several years is no aggregator of its first row\'s year', () => {
  // Noticed on blind-dm-county (lead, after the merge): its first row's <td class="tit"><a>2024年度…年度报告</a></td>
  // gave the list the year 2024, and its bare agency links would have been retitled as that year's reports.
  const list = `<html><head><title>信息公开年报</title></head><body><table class="list">
<tr><td class="tit"><a href="/xxgk/2025/3862.html">2024年度政府信息公开工作年度报告—县自然资源和规划局</a></td></tr>
<tr><td class="tit"><a href="/xxgk/2024/3001.html">县教育体育局</a></td></tr></table></body></html>`;
  assert.equal(aggregatorYear(loadHtml(list)), null);
  // A heading classed .title still names the year, as does an <h2> that is a link to its year's page.
  assert.equal(aggregatorYear(loadHtml(`<div class="title">2023年度市直部门政府信息公开工作年度报告</div><ul><li><a href="/a.html">市教育局</a></li></ul>`)), 2023);
  assert.equal(aggregatorYear(loadHtml(`<h2><a href="/nb/2023/">2023年度市直部门政府信息公开工作年度报告</a></h2><ul><li><a href="/a.html">市教育局</a></li></ul>`)), 2023);
});
