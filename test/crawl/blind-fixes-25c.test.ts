/**
 * Round 25c's fixes (docs/blind-portals.md, "Round 25c"), each on hand-made input. The seeds were the pages a new
 * user copies, above the 年报 column:
 * - a bureau's home page whose only way to its 年报 is a 专题专栏 image banner (`<a title="政府信息公开年报"><img
 *   alt></a>`, no link text): the menu's column link was looked for by link text only, so the home page was rendered
 *   in the browser and its host explored, and the seed, though complete, flagged `moved`;
 * - a province department's 政府信息公开 page whose 最新公开 box shows the newest report: the page "listed a report", so
 *   its menu's 年度报告 column was not looked for (found in the round's portal only through a trap column's menu; without
 *   that box, 1 of 5 reports, the seed `ok`: silent);
 * - a county's 目录 page whose category tree (eighteen leaves) has 政府信息公开年报 as its last leaf: the browser made
 *   the tree's first twelve leaves (政策文件, 统计年报, …) and never the 年报 one, the seed `empty`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { reportColumnLinks } from '../../src/crawl/families/report-column.ts';
import { learnListEndpoint } from '../../src/crawl/learn/learn.ts';
import { choicesToMake, listChoices, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const HOME = 'http://gov.example/';

test('a page listing no report follows a 年报 link named only by its title, aria-label or image alt; other banners and named links are left', () => {
  const banners = `<div class="ztzl"><h3>专题专栏</h3><ul>
<li><a href="/ztzl/fzzf/" title="法治政府建设"><img src="/img/zt1.jpg" alt="法治政府建设"></a></li>
<li><a href="/ztzl/tjnb/" title="市场监管统计年报"><img src="/img/zt2.jpg" alt=""></a></li>
<li><a href="/ztzl/xxgknb/index.html" title="政府信息公开年报" target="_blank"><img src="/img/zt3.jpg" alt=""></a></li>
<li><a href="/ztzl/yshj/"><img src="/img/zt4.jpg" alt="优化营商环境"></a></li>
</ul></div>`;
  const news = `<ul class="news"><li><a href="/content/2025/01/1316.html">市市场监管局2025年度工作要点</a></li><li><a href="/content/2025/01/1318.html">关于报送2024年度市场监管统计年报的通知</a></li></ul>`;
  const page = (body: string) => `<html><head><title>某市市场监督管理局</title></head><body>${news}${body}</body></html>`;
  // By the link's title (the image's alt empty).
  assert.deepEqual(reportColumnLinks(page(banners), HOME, []), ['http://gov.example/ztzl/xxgknb/index.html']);
  // By the image's alt alone, and by an icon link's aria-label.
  const byAlt = banners.replace(' title="政府信息公开年报"', '').replace('zt3.jpg" alt=""', 'zt3.jpg" alt="政府信息公开年度报告"');
  assert.deepEqual(reportColumnLinks(page(byAlt), HOME, []), ['http://gov.example/ztzl/xxgknb/index.html']);
  const byAria = `<div class="icons"><a href="/gk/nb/" aria-label="信息公开年报"><i class="icon-nb"></i></a><a href="/gk/zn/" aria-label="信息公开指南"><i class="icon-zn"></i></a></div>`;
  assert.deepEqual(reportColumnLinks(page(byAria), HOME, []), ['http://gov.example/gk/nb/']);
  // A link with text of its own is named by its text, whatever its title says.
  const named = `<a href="/ztzl/" title="政府信息公开年报">专题专栏</a>`;
  assert.deepEqual(reportColumnLinks(page(named), HOME, []), []);
  // A page listing a report is its own list: no column is looked for.
  const items = [{ title: '某市市场监督管理局2024年政府信息公开工作年度报告', url: 'http://gov.example/content/1.html', date: null, isFile: false }];
  assert.deepEqual(reportColumnLinks(page(banners), HOME, items), []);
  // Through the generic parser: the banner's column is a next request, never an item.
  const parsed = parseGenericList({ url: HOME, loadedUrl: HOME, status: 200, body: page(banners) });
  assert.ok(parsed.next.some((n) => n.url === 'http://gov.example/ztzl/xxgknb/index.html'), JSON.stringify(parsed.next));
  assert.ok(!parsed.items.some((i) => i.url.includes('/ztzl/xxgknb/')));
});

test("a 政府信息公开 page showing the newest report in its 最新公开 box still follows its menu's 年报 column; a page about the reports does not", () => {
  const url = 'http://gov.example/zfxxgk/index.shtml';
  const menu = `<ul class="left-menu"><li><a href="/zfxxgk/zfxxgkzn/index.shtml">政府信息公开指南</a></li><li><a href="/zfxxgk/fdzdgknr/index.shtml">法定主动公开内容</a><ul>
${['机构职能', '政策文件', '规划计划', '计划总结', '财政资金', '统计信息', '行政许可', '行政处罚', '建议提案办理', '人事信息'].map((t, i) => `<li><a href="/zfxxgk/fdzdgknr/c${i}/index.shtml">${t}</a></li>`).join('')}
<li><a href="/zfxxgk/fdzdgknr/ndbg/index.shtml">年度报告</a></li></ul></li></ul>`;
  const latest = ['某省交通运输厅2024年政府信息公开工作年度报告', '2024年某省交通运输行业统计年报', '某省交通运输厅2025年度工作要点', '某省交通运输厅网站2024年度工作报表', '某省交通运输厅2025年部门预算', '某省交通运输厅主要职责'];
  const box = `<div class="gk-box"><div class="box-tit">最新公开</div><ul>${latest.map((t, i) => `<li><a href="/zfxxgk/a/t2025012${i}_${i}.shtml">${t}</a><span>2025-01-2${i}</span></li>`).join('')}</ul></div>`;
  const html = (title: string) => `<html><head><title>${title}</title></head><body>${menu}${box}</body></html>`;
  const parsed = parseGenericList({ url, loadedUrl: url, status: 200, body: html('政府信息公开-某省交通运输厅') });
  assert.ok(parsed.items.some((i) => i.title === latest[0]), 'the newest report is an item');
  assert.ok(parsed.next.some((n) => n.url === 'http://gov.example/zfxxgk/fdzdgknr/ndbg/index.shtml'), JSON.stringify(parsed.next));
  assert.deepEqual(reportColumnLinks(html('政府信息公开-某省交通运输厅'), url, parsed.items), ['http://gov.example/zfxxgk/fdzdgknr/ndbg/index.shtml']);
  // A page about the reports (its title names them) is their list, whatever its menu links.
  assert.deepEqual(reportColumnLinks(html('政府信息公开年报-某省交通运输厅'), url, parsed.items), []);
  // A list whose items are reports one in ten or more is the list itself.
  const column = `<html><head><title>信息公开</title></head><body>${menu}<ul>${['某厅2024年政府信息公开工作年度报告', '某厅2023年政府信息公开工作年度报告', '某厅2025年政务公开工作要点'].map((t, i) => `<li><a href="/x/${i}.html">${t}</a></li>`).join('')}</ul></body></html>`;
  const own = parseGenericList({ url, loadedUrl: url, status: 200, body: column });
  assert.ok(!own.next.some((n) => n.url.includes('/ndbg/')), JSON.stringify(own.next));
});

const node = (group: number, i: number, text: string): Choice => ({ kind: 'node', group, mark: `tree-${group}-${i}`, text });

test('a group offering the 年报 column as a choice: that choice is made, ranked with the first, its other columns not at all; units and years are made whole', () => {
  const categories = ['政府信息公开指南', '政府信息公开制度', '机构职能', '政策文件', '政府工作报告', '规划计划', '年度工作要点', '财政预决算', '统计年报', '重大建设项目', '公共资源配置', '行政执法', '建议提案办理', '人事信息', '政府采购', '政府网站工作年度报表', '依申请公开', '政府信息公开年报'];
  const tree = categories.map((t, i) => node(1, i, t));
  const units = ['县教育局', '县财政局', '城关镇'].map((t, i) => node(2, i, t));
  const tabs: Choice[] = ['本级年报', '部门年报', '乡镇年报', '通知公告'].map((text, i) => ({ kind: 'tab', group: 3, mark: `3-${i}`, text }));
  const made = choicesToMake([...units, ...tree, ...tabs]).map((c) => c.text);
  // The groups left in byLikelihood's order: those naming the reports whole first (the units' group has a town).
  assert.deepEqual(made, ['政府信息公开年报', '本级年报', '部门年报', '乡镇年报', '县教育局', '县财政局', '城关镇']);
  // Past a page's limit of choices (twelve), the 年报 leaf is still among the first: its group ranks with units and years.
  const crowded = choicesToMake([...tree, ...Array.from({ length: 14 }, (_, i) => node(4, i, `栏目${i + 1}`))]).map((c) => c.text);
  assert.equal(crowded[0], '政府信息公开年报');
  for (const trap of ['统计年报', '年度工作要点', '政府网站工作年度报表', '政府工作报告', '通知公告']) assert.ok(!made.includes(trap), trap);
  // A tree of units alone (no column among them) is made whole, in page order.
  assert.deepEqual(choicesToMake(units).map((c) => c.text), ['县教育局', '县财政局', '城关镇']);
});

const PAGE = 'http://gov.example/xxgk/gkml/index.html';
const CATEGORIES = ['政府信息公开指南', '政府信息公开制度', '机构职能', '政策文件', '规划计划', '年度工作要点', '财政预决算', '统计年报', '重大建设项目', '公共资源配置', '行政执法', '建议提案办理', '人事信息', '政府采购', '政府网站工作年度报表', '依申请公开', '政府信息公开年报'];
const LISTS: Record<string, string[]> = {
  latest: ['某县2024年国民经济和社会发展统计公报', '某县人民政府2025年度工作要点'],
  c7: ['某县2024年国民经济统计年报'],
  c16: ['某县人民政府2024年政府信息公开工作年度报告', '某县教育局2024年政府信息公开工作年度报告'],
};
const answer = (url: URL) => {
  if (url.pathname !== '/api/info/page') return null;
  const titles = LISTS[url.searchParams.get('cat') ?? ''] ?? ['某县政策文件汇编'];
  return JSON.stringify({ code: 0, data: { total: titles.length, records: titles.map((title, i) => ({ title, url: `/xxgk/${url.searchParams.get('cat')}/${i}.html` })) } });
};
// A hand-written category tree (no library): `ul.cat-tree > li.tree-node > span`, the list on the right fetched per
// category, the newest items (no report) on load.
const treePage = `<html><body><ul class="cat-tree">${CATEGORIES.map((t, i) => `<li class="tree-node" data-cat="c${i}"><span class="node-name">${t}</span></li>`).join('')}</ul>
<table><tbody id="rows"></tbody></table>
<script>
function load(cat) {
  fetch('/api/info/page?cat=' + cat + '&pageNo=1&pageSize=6').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('rows').innerHTML = res.data.records.map(function (x) { return '<tr><td><a href="' + x.url + '">' + x.title + '</a></td></tr>'; }).join('');
  });
}
document.querySelector('.cat-tree').addEventListener('click', function (e) { var li = e.target.closest('[data-cat]'); if (li) load(li.getAttribute('data-cat')); });
load('latest');
</script></body></html>`;

const browser = fileBrowser();

test('a 目录 tree of seventeen categories whose last is 政府信息公开年报: that leaf is clicked, the others are not, nothing is left unmade', { timeout: 90_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page: Page = await servedPage(browser()!, PAGE, treePage, answer);
  try {
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page));
    assert.ok(learned, 'the newest items list is learned');
    const chosen = await listChoices(page, PAGE, learned, []);
    assert.deepEqual(chosen.requests.map((r) => new URL(r.url).searchParams.get('cat')), ['c16']);
    assert.deepEqual([chosen.unmade, chosen.untried], [0, 0]);
    const asked = exchangesOf(page).map((x) => new URL(x.url).searchParams.get('cat'));
    assert.ok(!asked.includes('c7'), 'the 统计年报 category is not asked');
  } finally {
    await page.close();
  }
});
